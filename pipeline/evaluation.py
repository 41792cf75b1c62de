"""Score parsed notices against the gold evaluation set (tests/eval/*.gold.json).

Pure functions over plain dicts; no I/O, no printing.

* ``score_document(gold, parsed)`` matches items, then task-unit pairs
  ``(matched item, canonical unit)``, then checks roles of matched pairs.
* ``aggregate(scores)`` sums documents into overall / per-form / per-hazard
  precision, recall, F1 and role accuracy.
* ``format_report(report)`` renders a plain-text table.

Items are matched by key ``(part, section number, number)`` (numbers compared
after stripping brackets/punctuation and reading Chinese numerals), falling
back to the best title match by character overlap (Dice >= 0.5).  Units are
compared after NFKC normalisation and whitespace removal, so full-width and
ASCII brackets are equal.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

ALL = "all"
TITLE_THRESHOLD = 0.5
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_STRIP = re.compile(r"[\s()（）〔〕\[\]【】、．.,，:：;；]")


# ------------------------------------------------------------------ results
@dataclass(frozen=True)
class Stats:
    """Counts for one group (all / a form / a hazard)."""
    item_tp: int = 0
    item_fp: int = 0
    item_fn: int = 0
    pair_tp: int = 0
    pair_fp: int = 0
    pair_fn: int = 0
    role_correct: int = 0
    role_total: int = 0

    def __add__(self, other: "Stats") -> "Stats":
        return Stats(*(getattr(self, f) + getattr(other, f) for f in STAT_FIELDS))

    @property
    def n_items(self) -> int:
        """Number of gold items in the group."""
        return self.item_tp + self.item_fn

    @property
    def n_pairs(self) -> int:
        return self.pair_tp + self.pair_fn

    def item_prf(self) -> tuple[float, float, float]:
        return prf(self.item_tp, self.item_fp, self.item_fn)

    def pair_prf(self) -> tuple[float, float, float]:
        return prf(self.pair_tp, self.pair_fp, self.pair_fn)

    @property
    def role_accuracy(self) -> float:
        return self.role_correct / self.role_total if self.role_total else 1.0

    def to_dict(self) -> dict[str, Any]:
        ip, ir, i_f = self.item_prf()
        pp, pr, p_f = self.pair_prf()
        return {**asdict(self), "items": {"precision": ip, "recall": ir, "f1": i_f, "n": self.n_items},
                "pairs": {"precision": pp, "recall": pr, "f1": p_f, "n": self.n_pairs},
                "role_accuracy": self.role_accuracy}


STAT_FIELDS = tuple(f.name for f in fields(Stats))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty denominator counts as perfect."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass(frozen=True)
class Miss:
    """One error: missed_item, spurious_item, missed_pair, spurious_pair or wrong_role."""
    kind: str
    item: str                      # "section/number" of the gold (or parsed) item
    title: str = ""
    unit: str | None = None
    gold_role: str | None = None
    parsed_role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DocumentScore:
    case: str
    stats: Stats
    groups: tuple[tuple[str, Stats], ...]      # ("form:F2", Stats), ("hazard:x", Stats)
    misses: tuple[Miss, ...]
    matches: tuple[tuple[int, int, str], ...] = ()  # (gold idx, parsed idx, "key"|"title")

    def to_dict(self) -> dict[str, Any]:
        return {"case": self.case, "stats": self.stats.to_dict(),
                "groups": {k: v.to_dict() for k, v in self.groups},
                "misses": [m.to_dict() for m in self.misses],
                "matches": [list(m) for m in self.matches]}


@dataclass(frozen=True)
class EvalReport:
    overall: Stats
    per_form: tuple[tuple[str, Stats], ...]
    per_hazard: tuple[tuple[str, Stats], ...]
    per_case: tuple[tuple[str, Stats], ...]
    misses: tuple[tuple[str, Miss], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"overall": self.overall.to_dict(),
                "per_form": {k: v.to_dict() for k, v in self.per_form},
                "per_hazard": {k: v.to_dict() for k, v in self.per_hazard},
                "per_case": {k: v.to_dict() for k, v in self.per_case},
                "misses": [{"case": c, **m.to_dict()} for c, m in self.misses]}


# ------------------------------------------------------------------ normalisation
def norm_number(value: Any) -> str:
    """'（一）' -> '1', '3.' -> '3', '十二' -> '12'; None -> ''."""
    if value is None:
        return ""
    if isinstance(value, Mapping):
        value = value.get("number")
        if value is None:
            return ""
    s = _STRIP.sub("", unicodedata.normalize("NFKC", str(value)))
    if s and all(ch in _CN_DIGITS or ch in "十百" for ch in s):
        total, cur = 0, 0
        for ch in s:
            if ch == "十":
                total += (cur or 1) * 10
                cur = 0
            elif ch == "百":
                total += (cur or 1) * 100
                cur = 0
            else:
                cur = _CN_DIGITS[ch]
        return str(total + cur)
    return s


def norm_unit(unit: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", unit or ""))


def _dice(a: str, b: str) -> float:
    ca, cb = Counter(a), Counter(b)
    if not ca or not cb:
        return 0.0
    return 2 * sum((ca & cb).values()) / (sum(ca.values()) + sum(cb.values()))


def title_similarity(gold_title: str, parsed_title: str) -> float:
    """Dice coefficient over characters (punctuation ignored); a parsed title that
    runs on past the gold title is also compared on its leading part."""
    a = "".join(ch for ch in unicodedata.normalize("NFKC", gold_title or "") if ch.isalnum())
    b = "".join(ch for ch in unicodedata.normalize("NFKC", parsed_title or "") if ch.isalnum())
    return max(_dice(a, b), _dice(a, b[: len(a) + 2]))


def _key(item: Mapping[str, Any]) -> tuple[str, str, str]:
    return (item.get("part") or "main", norm_number(item.get("section")), norm_number(item.get("number")))


def _label(item: Mapping[str, Any]) -> str:
    sec = item.get("section")
    sec = sec.get("number") if isinstance(sec, Mapping) else sec
    label = f"{sec}/{item.get('number')}" if sec else str(item.get("number"))
    return label if (item.get("part") or "main") == "main" else f"附件:{label}"


def _parsed_title(item: Mapping[str, Any], gold_title: str) -> str:
    return item.get("title") or (item.get("text") or "")[: len(gold_title) + 10]


# ------------------------------------------------------------------ matching
def match_items(gold_items: Sequence[Mapping[str, Any]],
                parsed_items: Sequence[Mapping[str, Any]]) -> list[tuple[int, int, str]]:
    """One-to-one matches (gold idx, parsed idx, how): by key, then by title."""
    matches: list[tuple[int, int, str]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    by_key: dict[tuple[str, str, str], list[int]] = {}
    for j, p in enumerate(parsed_items):
        by_key.setdefault(_key(p), []).append(j)
    for i, g in enumerate(gold_items):
        cands = [j for j in by_key.get(_key(g), []) if j not in used_p]
        if cands:
            j = max(cands, key=lambda j: title_similarity(g.get("title", ""), _parsed_title(parsed_items[j], g.get("title", ""))))
            matches.append((i, j, "key"))
            used_g.add(i)
            used_p.add(j)
    scored = sorted(((title_similarity(g.get("title", ""), _parsed_title(p, g.get("title", ""))), i, j)
                     for i, g in enumerate(gold_items) if i not in used_g
                     for j, p in enumerate(parsed_items) if j not in used_p), reverse=True)
    for sim, i, j in scored:
        if sim < TITLE_THRESHOLD:
            break
        if i in used_g or j in used_p:
            continue
        matches.append((i, j, "title"))
        used_g.add(i)
        used_p.add(j)
    return sorted(matches)


def _units(item: Mapping[str, Any]) -> dict[str, tuple[str, set[str]]]:
    """normalised unit -> (unit as given, set of roles)."""
    out: dict[str, tuple[str, set[str]]] = {}
    for r in item.get("responsibilities") or []:
        key = norm_unit(r.get("unit", ""))
        if key:
            out.setdefault(key, (r.get("unit", ""), set()))[1].add(r.get("role", ""))
    return out


def _groups_of(item: Mapping[str, Any]) -> list[str]:
    return [ALL] + [f"form:{f}" for f in item.get("forms", [])] + [f"hazard:{h}" for h in item.get("hazards", [])]


def score_document(gold: Mapping[str, Any], parsed: Mapping[str, Any]) -> DocumentScore:
    """Score one parsed document against its gold."""
    g_items = list(gold.get("items", []))
    p_items = list(parsed.get("items", []))
    counts: dict[str, Counter[str]] = {}
    misses: list[Miss] = []

    def bump(groups: Iterable[str], field_: str, n: int = 1) -> None:
        for grp in groups:
            counts.setdefault(grp, Counter())[field_] += n

    matches = match_items(g_items, p_items)
    matched_g = {i: j for i, j, _ in matches}
    matched_p = set(matched_g.values())
    for i, g in enumerate(g_items):
        groups = _groups_of(g)
        gu = _units(g)
        label, title = _label(g), g.get("title", "")
        if i not in matched_g:
            bump(groups, "item_fn")
            bump(groups, "pair_fn", len(gu))
            misses.append(Miss("missed_item", label, title))
            misses.extend(Miss("missed_pair", label, title, name, "/".join(sorted(roles)))
                          for name, roles in gu.values())
            continue
        bump(groups, "item_tp")
        pu = _units(p_items[matched_g[i]])
        for key, (name, roles) in gu.items():
            gold_role = next(iter(roles))
            if key not in pu:
                bump(groups, "pair_fn")
                misses.append(Miss("missed_pair", label, title, name, gold_role))
                continue
            bump(groups, "pair_tp")
            bump(groups, "role_total")
            if roles & pu[key][1]:
                bump(groups, "role_correct")
            else:
                misses.append(Miss("wrong_role", label, title, name, gold_role, "/".join(sorted(pu[key][1]))))
        for key, (name, roles) in pu.items():
            if key not in gu:
                bump(groups, "pair_fp")
                misses.append(Miss("spurious_pair", label, title, name, None, "/".join(sorted(roles))))
    for j, p in enumerate(p_items):
        if j in matched_p:
            continue
        pu = _units(p)
        bump([ALL], "item_fp")
        bump([ALL], "pair_fp", len(pu))
        misses.append(Miss("spurious_item", _label(p), p.get("title", "") or ""))
        misses.extend(Miss("spurious_pair", _label(p), p.get("title", "") or "", name, None, "/".join(sorted(r)))
                      for name, r in pu.values())

    def stats(grp: str) -> Stats:
        c = counts.get(grp, Counter())
        return Stats(**{f: c[f] for f in STAT_FIELDS})

    groups = tuple((grp, stats(grp)) for grp in sorted(counts, key=_group_sort) if grp != ALL)
    return DocumentScore(str(gold.get("case", "")), stats(ALL), groups, tuple(misses), tuple(matches))


def _group_sort(name: str) -> tuple[int, int, str]:
    kind, _, val = name.partition(":")
    m = re.fullmatch(r"F(\d+)", val)
    return ({"all": 0, "form": 1, "hazard": 2}.get(kind, 3), int(m[1]) if m else 0, val)


# ------------------------------------------------------------------ aggregation
def aggregate(scores: Iterable[DocumentScore]) -> EvalReport:
    """Sum document scores into overall, per-form, per-hazard and per-case stats."""
    overall = Stats()
    groups: dict[str, Stats] = {}
    per_case: list[tuple[str, Stats]] = []
    misses: list[tuple[str, Miss]] = []
    for s in scores:
        overall = overall + s.stats
        per_case.append((s.case, s.stats))
        for name, st in s.groups:
            groups[name] = groups.get(name, Stats()) + st
        misses.extend((s.case, m) for m in s.misses)
    names = sorted(groups, key=_group_sort)
    return EvalReport(
        overall,
        tuple((n.split(":", 1)[1], groups[n]) for n in names if n.startswith("form:")),
        tuple((n.split(":", 1)[1], groups[n]) for n in names if n.startswith("hazard:")),
        tuple(per_case), tuple(misses))


def format_report(report: EvalReport, with_cases: bool = True) -> str:
    """Plain-text table: group, items P/R/F1, pairs P/R/F1, role accuracy, n."""
    sections = [("form", report.per_form), ("hazard", report.per_hazard)]
    if with_cases:
        sections.append(("case", report.per_case))
    w = max([28] + [len(name) + 1 for _, rows in sections for name, _ in rows])
    head = f"{'group':<{w}} {'item P':>6} {'item R':>6} {'item F1':>7}  {'pair P':>6} {'pair R':>6} {'pair F1':>7}  {'role':>6} {'n':>4}"
    lines = [head, "-" * len(head)]

    def row(name: str, st: Stats) -> str:
        ip, ir, i_f = st.item_prf()
        pp, pr, p_f = st.pair_prf()
        return (f"{name:<{w}} {ip:6.3f} {ir:6.3f} {i_f:7.3f}  {pp:6.3f} {pr:6.3f} {p_f:7.3f}  "
                f"{st.role_accuracy:6.3f} {st.n_items:4d}")

    lines.append(row("ALL", report.overall))
    for title, rows in sections:
        lines.append(f"-- {title}")
        lines.extend(row(name, st) for name, st in rows)
    return "\n".join(lines)


# ------------------------------------------------------------------ running over a folder
def evaluate_directory(folder: str | Path, parse: Callable[[Path], Mapping[str, Any]] | None = None) -> EvalReport:
    """Parse every ``<case>.<ext>`` that has a ``<case>.gold.json`` beside it and score it.

    A notice fengong cannot read scores as all missed (its gold items are false negatives),
    so that failures show in the figures instead of being skipped.
    """
    from .model import document_to_dict
    from .parse import parse as parse_file

    parse = parse or (lambda path: document_to_dict(parse_file(path)))
    scores = []
    for gold_path in sorted(Path(folder).glob("*.gold.json")):
        case = gold_path.name[: -len(".gold.json")]
        gold = json.loads(gold_path.read_text("utf-8"))
        notice = next((p for p in sorted(Path(folder).glob(f"{case}.*")) if not p.name.endswith(".gold.json")), None)
        try:
            parsed = parse(notice) if notice else {"items": []}
        except Exception:  # noqa: BLE001 — an unreadable notice scores as all missed, the run goes on
            parsed = {"items": []}
        scores.append(score_document(gold, parsed))
    return aggregate(scores)
