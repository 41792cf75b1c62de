"""Year-to-year comparison of two notices: which tasks were kept, revised, added, removed, moved,
split or merged, and how the units' workload shifted.

Pure functions over :class:`~pipeline.model.Document`; the result is a frozen :class:`Diff`
whose JSON form is :func:`diff_to_dict`.

How tasks are paired
--------------------
:func:`similarity` scores a pair of items in [0, 1] as a weighted sum (``WEIGHTS``) of Dice
coefficients. The text compared is the item's title and body with its attribution clauses cut
out and whitespace removed (so that the unit list, layout and numbering do not count):

=========  ======  ==============================================================
component  weight  what is compared
=========  ======  ==============================================================
tokens     0.25    jieba words (registry unit names as single words)
bigrams    0.20    character bigrams (punctuation dropped)
trigrams   0.20    character trigrams (punctuation dropped)
title      0.15    character bigrams of the titles
section    0.10    same section number (0.5) + bigrams of the section titles (0.5);
                   for items outside sections (attachment projects): 1 in the same
                   attachment, 0.5 across attachments
units      0.10    sets of canonical units — a weak signal: units change between years
=========  ======  ==============================================================

:func:`align` pairs items within each part (main with main, attachment with attachment) by one
global one-to-one assignment maximising the summed similarity
(``scipy.optimize.linear_sum_assignment``); pairs scoring below ``PAIR_THRESHOLD`` are not pairs.
Numbers are never compared, so renumbering alone changes nothing. A part with more than
``DENSE_CELLS`` old × new pairs is aligned by :mod:`pipeline.analysis.sparse_align` instead: the
same scores and the same assignment objective without n×n matrices (only ties between equally good
assignments, such as a task written twice, may be broken otherwise).

Splits and merges are then found from what the paired items *lost* or *gained*: an unpaired new
item N is split from a paired old item O (paired with N') when N's character trigrams cover
enough of what O lost (trigrams of O not in N') and are largely made of it; symmetrically an
unpaired old item O is merged into a paired new item N (paired with O') when O supplies enough of
what N gained (trigrams of N not in O'). See :func:`_residual_score`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np
from rapidfuzz.distance import Indel

from ..model import Document, Item

WEIGHTS = {"tokens": 0.25, "bigrams": 0.20, "trigrams": 0.20, "title": 0.15, "section": 0.10, "units": 0.10}
PAIR_THRESHOLD = 0.40  # below this two items are not the same task (true pairs in the corpus score ≥ 0.8)
SPLIT_THRESHOLD = 0.25  # residual score needed for a split / merge link (see _residual_score)
# Parts with more old × new pairs than this are aligned without n×n matrices
# (pipeline.analysis.sparse_align: same result, memory linear in the items).
DENSE_CELLS = 250_000
ALIGN_STRATEGIES = ("auto", "dense", "sparse")  # auto: dense up to DENSE_CELLS, sparse above

STATUSES = ("unchanged", "revised", "added", "removed", "moved")
FIELDS = ("title", "text", "targets", "deadline", "units")

_SPACE_RE = re.compile(r"\s+")
_PUNCT_RE = re.compile(r"[\s\u3000，。、；：？！“”‘’（）《》〈〉【】「」『』—…·,.;:?!'\"()\[\]<>/\\|{}~`@#$^&*_=+-]")
_LEAD_PUNCT = "。，；：:;,. \n"
_TARGET_UNIT_RE = re.compile(r"(?:万|亿|千|百)?\D+$")
# A deadline: 2024年底前, 6月底前, 2025年6月前, 年底前, 年内.
DEADLINE_RE = re.compile(r"(?:\d{4}年(?:\d{1,2}月)?|\d{1,2}月)(?:上旬|中旬|下旬|底|末)?(?:以前|之前|前)|年底前|年内")


# --- records ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Change:
    """What became of one task (an old item, a new item, or a pair of them)."""

    status: str  # one of STATUSES
    old: Item | None
    new: Item | None
    similarity: float | None = None  # of the pair; for a split/merge, the residual score of the link
    fields_changed: tuple[str, ...] = ()
    units_added: tuple[str, ...] = ()
    units_removed: tuple[str, ...] = ()
    lead_changed: bool = False
    targets_changed: tuple[tuple[str | None, str | None], ...] = ()
    text_diff: tuple[tuple[str, str], ...] | None = None  # ("equal"|"delete"|"insert", chars)
    split_from: Item | None = None
    merged_into: Item | None = None
    old_lead: tuple[str, ...] = ()  # see :func:`leads`
    new_lead: tuple[str, ...] = ()
    units_reordered: bool = False  # same units and roles in another order, same lead: not a change


@dataclass(frozen=True, slots=True)
class DiffWarning:
    """Something about the two documents as a whole that makes the comparison doubtful."""

    code: str  # "unrelated", "no_attributed_tasks", "old_newer"
    message: str


@dataclass(frozen=True, slots=True)
class UnitShift:
    unit: str
    old_tasks: int
    new_tasks: int
    old_first_listed: int
    new_first_listed: int

    @property
    def delta(self) -> int:
        return self.new_tasks - self.old_tasks


@dataclass(frozen=True, slots=True)
class Edge:
    """A unit–task edge of one year; ``old``/``new`` are the aligned task on each side (or None)."""

    unit: str
    role: str
    old: Item | None
    new: Item | None


@dataclass(frozen=True, slots=True)
class SectionChange:
    number: str
    status: str  # unchanged | renamed | added | removed
    old_title: str | None
    new_title: str | None


@dataclass(frozen=True, slots=True)
class Link:
    """Two items by index (``old`` into old_doc.items, ``new`` into new_doc.items) and their score."""

    old: int
    new: int
    score: float


@dataclass(frozen=True, slots=True)
class Alignment:
    pairs: tuple[Link, ...]  # score = similarity
    splits: tuple[Link, ...]  # old = the paired item split, new = the unpaired (added) part
    merges: tuple[Link, ...]  # old = the unpaired (removed) item, new = the paired item it went into


@dataclass(frozen=True, slots=True)
class Diff:
    old: Document
    new: Document
    changes: tuple[Change, ...]
    units: tuple[UnitShift, ...]
    edges_added: tuple[Edge, ...]
    edges_removed: tuple[Edge, ...]
    sections: tuple[SectionChange, ...] = ()
    warnings: tuple[DiffWarning, ...] = ()

    def count(self, status: str) -> int:
        return sum(1 for c in self.changes if c.status == status)


# --- text features ---------------------------------------------------------------------


def normalise(text: str) -> str:
    return _SPACE_RE.sub("", text)


def fold(text: str) -> str:
    """What is compared: whitespace removed, traditional characters read as simplified (same length)."""
    from ..extract.normalise import to_simplified

    return to_simplified(normalise(text))


def strip_clauses(item: Item) -> str:
    """The item's text with its attribution clauses cut out."""
    spans = sorted({(r.clause_start, r.clause_end) for r in item.responsibilities if r.clause_end > r.clause_start and r.attribution > 0})
    out, last = [], 0
    for start, end in spans:
        if start >= last:
            out.append(item.text[last:start])
            last = end
    out.append(item.text[last:])
    return "".join(out)


def title_and_body(item: Item) -> tuple[str, str]:
    """Normalised title and body (clauses cut out, title cut off the front of the text)."""
    title = fold(item.title)
    text = fold(strip_clauses(item))
    if title and text.startswith(title):
        text = text[len(title):].lstrip(_LEAD_PUNCT)
    return title, text


def unit_sequence(item: Item) -> tuple[tuple[str, str], ...]:
    """(canonical unit, role) in written order, each unit once."""
    seen, out = set(), []
    for r in sorted(item.responsibilities, key=lambda r: (r.attribution, r.order)):
        if r.unit not in seen:
            seen.add(r.unit)
            out.append((r.unit, r.role))
    return tuple(out)


def leads(item: Item) -> tuple[str, ...]:
    """The lead units; when no lead is stated, the first-listed unit."""
    seq = unit_sequence(item)
    stated = tuple(u for u, role in seq if role == "lead")
    return stated or tuple(u for u, _ in seq[:1])


def targets(text: str) -> list[str]:
    """Quantitative targets as written, found by :mod:`pipeline.extract.knowledge`."""
    from ..extract.knowledge import find_targets

    return [t.text for t in find_targets(normalise(text))]


def deadlines(text: str) -> list[str]:
    return DEADLINE_RE.findall(normalise(text))


def _ngrams(text: str, n: int) -> set[str]:
    text = _PUNCT_RE.sub("", text)
    return {text[i : i + n] for i in range(len(text) - n + 1)} if len(text) >= n else ({text} if text else set())


def _section_key(item: Item) -> tuple[Any, str | None]:
    return (item.attachment, item.section.number if item.section else None)


@dataclass(frozen=True, slots=True)
class _Features:
    tokens: frozenset
    bigrams: frozenset
    trigrams: frozenset
    title: frozenset
    units: frozenset
    section: tuple
    section_title: frozenset | None


def _features(item: Item) -> _Features:
    from ..extract.words import tokens as words

    title, body = title_and_body(item)
    both = title + body
    return _Features(
        tokens=frozenset(words(both)),
        bigrams=frozenset(_ngrams(both, 2)),
        trigrams=frozenset(_ngrams(both, 3)),
        title=frozenset(_ngrams(title, 2)),
        units=frozenset(u for u, _ in unit_sequence(item)),
        section=_section_key(item),
        section_title=frozenset(_ngrams(fold(item.section.title), 2)) if item.section else None,
    )


def _dice(a: frozenset | set, b: frozenset | set) -> float:
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


def _section_similarity(a: tuple, b: tuple) -> float:
    """``a``, ``b``: (section key, section title bigrams or None)."""
    if a[1] is None and b[1] is None:
        return 1.0 if a[0] == b[0] else 0.5
    if a[1] is None or b[1] is None:
        return 0.0
    return 0.5 * (a[0] == b[0]) + 0.5 * _dice(a[1], b[1])


def similarity(old_item: Item, new_item: Item) -> float:
    """Weighted similarity of two items in [0, 1] (see the module docstring for the weights)."""
    return float(_similarity_matrix([_features(old_item)], [_features(new_item)])[0, 0])


def _dice_matrix(left: Sequence[frozenset], right: Sequence[frozenset]) -> np.ndarray:
    """Dice coefficients of every left set with every right set, via one sparse product."""
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}
    coords = [[(i, vocab.setdefault(g, len(vocab))) for i, s in enumerate(sets) for g in s] for sets in (left, right)]
    a, b = (
        csr_matrix((np.ones(len(c)), ([i for i, _ in c], [j for _, j in c])), shape=(len(sets), max(len(vocab), 1)))
        for c, sets in zip(coords, (left, right))
    )
    inter = (a @ b.T).toarray()
    sizes = np.array([len(x) for x in left])[:, None] + np.array([len(x) for x in right])[None, :]
    return np.where(sizes > 0, 2 * inter / np.maximum(sizes, 1), 1.0)  # two empty sets agree


def _similarity_matrix(old: Sequence[_Features], new: Sequence[_Features]) -> np.ndarray:
    if not old or not new:
        return np.zeros((len(old), len(new)))
    total = np.zeros((len(old), len(new)))
    for name in ("tokens", "bigrams", "trigrams", "title", "units"):
        total += WEIGHTS[name] * _dice_matrix([getattr(f, name) for f in old], [getattr(f, name) for f in new])
    # section context: few distinct sections, so compare sections once and broadcast
    keys_old = list(dict.fromkeys((f.section, f.section_title) for f in old))
    keys_new = list(dict.fromkeys((f.section, f.section_title) for f in new))
    index_old = {k: i for i, k in enumerate(keys_old)}
    index_new = {k: i for i, k in enumerate(keys_new)}
    small = np.array([[_section_similarity(a, b) for b in keys_new] for a in keys_old])
    rows = np.array([index_old[(f.section, f.section_title)] for f in old])
    cols = np.array([index_new[(f.section, f.section_title)] for f in new])
    total += WEIGHTS["section"] * small[np.ix_(rows, cols)]
    return total


# --- alignment -------------------------------------------------------------------------


def _residual_score(candidate: frozenset, source: frozenset, partner: frozenset) -> float:
    """How well ``candidate`` accounts for what ``source`` has that its partner lacks.

    The residual R = source − partner (what an old item lost to its pair, or what a new item
    gained over its pair). Score = geometric mean of |C∩R|/|C| (the candidate is made of the
    residual) and |C∩R|/|R| (the residual went to the candidate).
    """
    residual = source - partner
    if not candidate or not residual:
        return 0.0
    shared = len(candidate & residual)
    return float(np.sqrt(shared / len(candidate) * shared / len(residual)))


def align(old_doc: Document, new_doc: Document, strategy: str = "auto") -> Alignment:
    """Pair the items of two documents within each part; find splits and merges.

    ``strategy``: one of ``ALIGN_STRATEGIES``; "dense" and "sparse" give the same alignment
    (the sparse one in memory linear in the number of items), "auto" picks by size.
    """
    if strategy not in ALIGN_STRATEGIES:
        raise ValueError(f"unknown alignment strategy {strategy!r}; use one of {', '.join(ALIGN_STRATEGIES)}")
    sparse = _sparse_parts(old_doc.items, new_doc.items, strategy)
    # (the sparse path codes its own features: a set of strings per item is what takes the memory)
    fo = [None if i.part in sparse else _features(i) for i in old_doc.items]
    fn = [None if i.part in sparse else _features(i) for i in new_doc.items]
    return _align(fo, fn, old_doc.items, new_doc.items, sparse)


def _sparse_parts(old_items: Sequence[Item], new_items: Sequence[Item], strategy: str) -> set:
    """The parts to align sparsely: all ("sparse"), none ("dense"), those above DENSE_CELLS pairs ("auto")."""
    if strategy == "dense":
        return set()
    old_count, new_count = Counter(i.part for i in old_items), Counter(i.part for i in new_items)
    return {p for p in old_count if p in new_count and (strategy == "sparse" or old_count[p] * new_count[p] > DENSE_CELLS)}


def _align(fo: list[_Features | None], fn: list[_Features | None], old_items: Sequence[Item], new_items: Sequence[Item],
           sparse_parts: set | frozenset = frozenset()) -> Alignment:
    from scipy.optimize import linear_sum_assignment

    from .sparse_align import tie_broken

    pairs: list[Link] = []
    splits: list[Link] = []
    merges: list[Link] = []
    for part in dict.fromkeys([i.part for i in old_items] + [i.part for i in new_items]):
        oi = [k for k, i in enumerate(old_items) if i.part == part]
        ni = [k for k, i in enumerate(new_items) if i.part == part]
        if not oi or not ni:
            continue
        if part in sparse_parts:
            part_pairs, part_splits, part_merges = _align_part_sparse(old_items, new_items, oi, ni)
            pairs.extend(part_pairs)
            splits.extend(part_splits)
            merges.extend(part_merges)
            continue
        sim = _similarity_matrix([fo[k] for k in oi], [fn[k] for k in ni])
        gain = np.where(sim >= PAIR_THRESHOLD, sim, 0.0)
        rows, cols = linear_sum_assignment(tie_broken(gain, np.arange(len(oi)), np.arange(len(ni))), maximize=True)
        part_pairs = [Link(oi[r], ni[c], round(float(sim[r, c]), 4)) for r, c in zip(rows, cols) if sim[r, c] >= PAIR_THRESHOLD]
        pairs.extend(part_pairs)
        old_to_new = {p.old: p.new for p in part_pairs}
        new_to_old = {p.new: p.old for p in part_pairs}
        for n in (k for k in ni if k not in new_to_old):  # splits
            scores = [(_residual_score(fn[n].trigrams, fo[o].trigrams, fn[old_to_new[o]].trigrams), o) for o in oi if o in old_to_new]
            if scores:
                score, o = max(scores, key=lambda s: (s[0], -s[1]))
                if score >= SPLIT_THRESHOLD:
                    splits.append(Link(o, n, round(score, 4)))
        for o in (k for k in oi if k not in old_to_new):  # merges
            scores = [(_residual_score(fo[o].trigrams, fn[n].trigrams, fo[new_to_old[n]].trigrams), n) for n in ni if n in new_to_old]
            if scores:
                score, n = max(scores, key=lambda s: (s[0], -s[1]))
                if score >= SPLIT_THRESHOLD:
                    merges.append(Link(o, n, round(score, 4)))
    return Alignment(tuple(sorted(pairs, key=lambda p: p.old)), tuple(splits), tuple(merges))


def _align_part_sparse(old_items: Sequence[Item], new_items: Sequence[Item], oi: list[int], ni: list[int]) -> tuple[list[Link], list[Link], list[Link]]:
    """One part's pairs, splits and merges as the dense loop above finds them, without n×n matrices."""
    from .sparse_align import assign, encode, residual_links, residuals, similar_pairs

    coded = encode([old_items[k] for k in oi], [new_items[k] for k in ni])
    found = assign(*similar_pairs(coded, PAIR_THRESHOLD), len(oi))
    pairs = [Link(oi[r], ni[c], round(score, 4)) for r, c, score in found]
    old_to_new = {r: c for r, c, _ in found}
    new_to_old = {c: r for r, c, _ in found}
    paired_old, paired_new = sorted(old_to_new), sorted(new_to_old)
    unpaired_old = [r for r in range(len(oi)) if r not in old_to_new]
    unpaired_new = [c for c in range(len(ni)) if c not in new_to_old]
    old_grams, new_grams = coded.old["trigrams"], coded.new["trigrams"]
    lost = residuals(old_grams[paired_old], new_grams[[old_to_new[r] for r in paired_old]])  # what paired old items lost
    gained = residuals(new_grams[paired_new], old_grams[[new_to_old[c] for c in paired_new]])  # what paired new items gained
    splits = [
        Link(oi[paired_old[s]], ni[unpaired_new[u]], round(score, 4))
        for u, s, score in residual_links(new_grams[unpaired_new], lost)
        if score >= SPLIT_THRESHOLD
    ]
    merges = [
        Link(oi[unpaired_old[u]], ni[paired_new[s]], round(score, 4))
        for u, s, score in residual_links(old_grams[unpaired_old], gained)
        if score >= SPLIT_THRESHOLD
    ]
    return pairs, splits, merges


# --- comparing a pair ------------------------------------------------------------------


def _mask(text: str) -> str:
    """Targets and deadlines replaced by a placeholder, so that "text" means the rest of the body."""
    from ..extract.knowledge import find_targets

    for target in sorted(find_targets(text), key=lambda t: -t.start):
        text = text[: target.start] + "§" + text[target.end :]
    return DEADLINE_RE.sub("§", text)


def _target_key(target: str) -> str:
    match = _TARGET_UNIT_RE.search(re.sub(r"^\D+", "", target))
    return match.group(0) if match else ""


def compare_targets(old_text: str, new_text: str) -> tuple[tuple[str | None, str | None], ...]:
    """Targets that differ between two texts, paired by measure word in written order.

    Targets found in both (as a multiset) are no change; the rest are paired old→new by their
    measure word (个 with 个, 万人次 with 万人次); what finds no partner is ``(old, None)`` or
    ``(None, new)``.
    """
    old_list, new_list = targets(old_text), targets(new_text)
    common = Counter(old_list) & Counter(new_list)
    left_old, left_new = [], []
    for source, out in ((old_list, left_old), (new_list, left_new)):
        budget = Counter(common)
        for t in source:
            if budget[t]:
                budget[t] -= 1
            else:
                out.append(t)
    changes: list[tuple[str | None, str | None]] = []
    for o in left_old:
        match = next((n for n in left_new if _target_key(n) == _target_key(o)), None)
        if match is not None:
            left_new.remove(match)
        changes.append((o, match))
    changes.extend((None, n) for n in left_new)
    return tuple(changes)


SHORT_KEPT = 2  # kept runs this short between changes are shown as changed (char_diff)


def char_diff(old_text: str, new_text: str) -> tuple[tuple[str, str], ...]:
    """Character-level diff as ("equal" | "delete" | "insert", chars) ops, adjacent ops merged: a
    longest common subsequence (rapidfuzz's Indel, in C++: difflib's SequenceMatcher took a third of
    a 3,000-task diff), each run of changes between two kept runs written as what was deleted, then
    what was inserted. A kept run of one or two characters between changes no shorter than it (a
    lone 展 or ， between a rewritten phrase's parts) is shown as changed, as diff-match-patch's
    semantic clean-up does for short equalities: a reader sees the phrase replaced, not shredded;
    longer kept runs stay (a phrase kept between two rewrites is news)."""
    # groups: a kept text (str) or a change [deleted, inserted], alternating
    groups: list = []
    for tag, i1, i2, j1, j2 in Indel.opcodes(old_text, new_text):
        if tag == "equal":
            if i2 > i1:
                groups.append(old_text[i1:i2])
            continue
        if not groups or isinstance(groups[-1], str):
            groups.append(["", ""])
        # (Indel has no "replace"; were one given, it is both)
        groups[-1][0] += old_text[i1:i2]
        groups[-1][1] += new_text[j1:j2]

    def short_between(kept: Any, before: Any, after: Any) -> bool:
        return (isinstance(kept, str) and len(kept) <= SHORT_KEPT and not isinstance(before, str) and not isinstance(after, str)
                and len(kept) <= max(map(len, before)) and len(kept) <= max(map(len, after)))

    folded: list = []
    for group in groups:
        folded.append(group)
        # (a fold grows the change before it, which may let the kept run before that fold too:
        # looked at again, back along the list, each fold taking two groups away)
        while len(folded) >= 3 and short_between(folded[-2], folded[-3], folded[-1]):
            before, kept, after = folded[-3:]
            folded[-3:] = [[before[0] + kept + after[0], before[1] + kept + after[1]]]
    ops: list[tuple[str, str]] = []
    for group in folded:
        if isinstance(group, str):
            ops.append(("equal", group))
        else:
            ops += [(op, chars) for op, chars in zip(("delete", "insert"), group) if chars]
    return tuple(ops)


def compare_items(old: Item, new: Item, similarity: float | None = None) -> Change:
    """The change from ``old`` to ``new`` (a pair of the alignment)."""
    old_title, old_body = title_and_body(old)
    new_title, new_body = title_and_body(new)
    old_seq, new_seq = unit_sequence(old), unit_sequence(new)
    old_units, new_units = [u for u, _ in old_seq], [u for u, _ in new_seq]
    units_added = tuple(u for u in new_units if u not in old_units)
    units_removed = tuple(u for u in old_units if u not in new_units)
    old_lead, new_lead = leads(old), leads(new)
    lead_changed = old_lead != new_lead
    # The same units in the same roles, written in another order, with the same lead: no change.
    reordered = old_seq != new_seq and sorted(old_seq) == sorted(new_seq) and not lead_changed
    target_changes = compare_targets(old_title + old_body, new_title + new_body)

    fields = []
    if old_title != new_title:
        fields.append("title")
    if _mask(old_body) != _mask(new_body):
        fields.append("text")
    if target_changes:
        fields.append("targets")
    if deadlines(old_title + old_body) != deadlines(new_title + new_body):
        fields.append("deadline")
    if old_seq != new_seq and not reordered:  # added, removed, role changed, or the lead changed by reordering
        fields.append("units")

    if _section_key(old) != _section_key(new):
        status = "moved"
    else:
        status = "revised" if fields else "unchanged"
    text_diff = None
    if status != "unchanged":
        text_diff = char_diff(fold(old.text), fold(new.text))
    return Change(
        status=status,
        old=old,
        new=new,
        similarity=similarity,
        fields_changed=tuple(fields),
        units_added=units_added,
        units_removed=units_removed,
        lead_changed=lead_changed,
        targets_changed=target_changes,
        text_diff=text_diff,
        old_lead=old_lead,
        new_lead=new_lead,
        units_reordered=reordered,
    )


# --- the whole diff --------------------------------------------------------------------


def _unit_counts(doc: Document) -> tuple[Counter, Counter]:
    tasks, first = Counter(), Counter()
    for item in doc.items:
        units = {r.unit for r in item.responsibilities}
        tasks.update(units)
        first.update({r.unit for r in item.responsibilities if r.order == 1})
    return tasks, first


def unit_shifts(old_doc: Document, new_doc: Document) -> tuple[UnitShift, ...]:
    """Per unit: tasks and first-listed tasks in each year; largest shifts first."""
    old_tasks, old_first = _unit_counts(old_doc)
    new_tasks, new_first = _unit_counts(new_doc)
    units = dict.fromkeys([*old_tasks, *new_tasks])
    shifts = [UnitShift(u, old_tasks[u], new_tasks[u], old_first[u], new_first[u]) for u in units]
    return tuple(sorted(shifts, key=lambda s: (-abs(s.delta), -s.new_tasks, s.unit)))


def section_changes(old_doc: Document, new_doc: Document) -> tuple[SectionChange, ...]:
    def titles(doc: Document) -> dict[str, str]:
        return {i.section.number: i.section.title for i in doc.items if i.section is not None}

    old, new = titles(old_doc), titles(new_doc)
    out = []
    for number in dict.fromkeys([*old, *new]):
        o, n = old.get(number), new.get(number)
        if o is None:
            status = "added"
        elif n is None:
            status = "removed"
        else:
            status = "unchanged" if fold(o) == fold(n) else "renamed"
        out.append(SectionChange(number, status, o, n))
    return tuple(out)


def diff_documents(old_doc: Document, new_doc: Document, strategy: str = "auto") -> Diff:
    """Compare two editions of a notice task by task (``strategy``: see :func:`align`)."""
    alignment = align(old_doc, new_doc, strategy)
    old_items, new_items = old_doc.items, new_doc.items
    paired_old = {p.old: p for p in alignment.pairs}
    paired_new = {p.new for p in alignment.pairs}
    split_of = {link.new: link for link in alignment.splits}
    merge_of = {link.old: link for link in alignment.merges}

    changes: list[Change] = []
    for k, item in enumerate(old_items):
        if k in paired_old:
            pair = paired_old[k]
            changes.append(compare_items(item, new_items[pair.new], pair.score))
        else:
            link = merge_of.get(k)
            changes.append(
                Change("removed", item, None, link.score if link else None, merged_into=new_items[link.new] if link else None,
                       old_lead=leads(item))
            )
    for k, item in enumerate(new_items):
        if k not in paired_new:
            link = split_of.get(k)
            changes.append(
                Change("added", None, item, link.score if link else None, split_from=old_items[link.old] if link else None,
                       new_lead=leads(item))
            )

    edges_added: list[Edge] = []
    edges_removed: list[Edge] = []
    for change in changes:
        old_roles = dict(unit_sequence(change.old)) if change.old else {}
        new_roles = dict(unit_sequence(change.new)) if change.new else {}
        edges_removed.extend(Edge(u, role, change.old, change.new) for u, role in old_roles.items() if u not in new_roles)
        edges_added.extend(Edge(u, role, change.old, change.new) for u, role in new_roles.items() if u not in old_roles)

    return Diff(
        old=old_doc,
        new=new_doc,
        changes=tuple(changes),
        units=unit_shifts(old_doc, new_doc),
        edges_added=tuple(edges_added),
        edges_removed=tuple(edges_removed),
        sections=section_changes(old_doc, new_doc),
        warnings=diff_warnings(old_doc, new_doc, alignment),
    )


UNRELATED_SHARE = 0.3  # fewer paired tasks than this share of the smaller document: not two editions of one plan


def diff_warnings(old_doc: Document, new_doc: Document, alignment: Alignment) -> tuple[DiffWarning, ...]:
    """Doubts about the comparison as a whole: unrelated documents, no attributions, OLD newer than NEW."""
    out = []
    smaller = min(len(old_doc.items), len(new_doc.items))
    if smaller and len(alignment.pairs) < UNRELATED_SHARE * smaller:
        out.append(DiffWarning("unrelated", f"only {len(alignment.pairs)} of {smaller} tasks pair up: the two documents look unrelated"))
    for side, doc in (("old", old_doc), ("new", new_doc)):
        if doc.items and not doc.responsibilities:
            out.append(DiffWarning("no_attributed_tasks", f"{side} ({doc.id}) has no task with a responsible unit: unit changes cannot be compared"))
    old_meta, new_meta = old_doc.meta, new_doc.meta
    if old_meta.date and new_meta.date:
        old_when, new_when = old_meta.date, new_meta.date
    else:
        old_when, new_when = old_meta.year, new_meta.year
    if old_when is not None and new_when is not None and old_when > new_when:
        out.append(DiffWarning("old_newer", f"OLD ({old_when}) is newer than NEW ({new_when}): were the arguments swapped?"))
    return tuple(out)


# --- JSON form -------------------------------------------------------------------------


def item_ref(item: Item | None, *, title: bool = True) -> dict[str, Any] | None:
    if item is None:
        return None
    ref = {"part": item.part, "section": item.section.number if item.section else None, "number": item.number}
    if title:
        ref["title"] = item.title
    return ref


def _doc_ref(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "path": doc.source.path,
        "year": doc.meta.year,
        "doc_number": doc.meta.doc_number,
        "date": doc.meta.date,
        "title": doc.meta.plan_title or doc.meta.title,
    }


def change_to_dict(change: Change) -> dict[str, Any]:
    return {
        "status": change.status,
        "old": item_ref(change.old),
        "new": item_ref(change.new),
        "old_id": change.old.id if change.old else None,
        "new_id": change.new.id if change.new else None,
        "similarity": change.similarity,
        "fields_changed": list(change.fields_changed),
        "units_added": list(change.units_added),
        "units_removed": list(change.units_removed),
        "lead_changed": change.lead_changed,
        "targets_changed": [{"old": o, "new": n} for o, n in change.targets_changed],
        "text_diff": [[op, chars] for op, chars in change.text_diff] if change.text_diff is not None else None,
        "split_from": item_ref(change.split_from, title=False),
        "merged_into": item_ref(change.merged_into, title=False),
        "old_lead": list(change.old_lead),
        "new_lead": list(change.new_lead),
        "units_reordered": change.units_reordered,
    }


def _edge_to_dict(edge: Edge) -> dict[str, Any]:
    return {"unit": edge.unit, "role": edge.role, "old": item_ref(edge.old), "new": item_ref(edge.new)}


def diff_to_dict(diff: Diff) -> dict[str, Any]:
    """The JSON form: documents, per-task changes (old order, then added in new order), units, edges."""
    return {
        "old": _doc_ref(diff.old),
        "new": _doc_ref(diff.new),
        "counts": {status: diff.count(status) for status in STATUSES},
        "warnings": [{"code": w.code, "message": w.message} for w in diff.warnings],
        "sections": [
            {"section": s.number, "status": s.status, "old_title": s.old_title, "new_title": s.new_title} for s in diff.sections
        ],
        "changes": [change_to_dict(c) for c in diff.changes],
        "units": [
            {"unit": s.unit, "old_tasks": s.old_tasks, "new_tasks": s.new_tasks, "delta": s.delta,
             "old_first_listed": s.old_first_listed, "new_first_listed": s.new_first_listed}
            for s in diff.units
        ],
        "edges_added": [_edge_to_dict(e) for e in diff.edges_added],
        "edges_removed": [_edge_to_dict(e) for e in diff.edges_removed],
    }

