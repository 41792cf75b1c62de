"""Aligning large parts without n×n matrices: what :func:`pipeline.analysis.diff.align` uses when a
part has more than ``DENSE_CELLS`` old×new pairs (or when asked with ``strategy="sparse"``).

The result is the dense path's, computed in less memory:

1. **Features as integers** (:func:`encode`): the same sets as ``diff._features`` (jieba words,
   character bigrams and trigrams, title bigrams, units), held as sparse 0/1 matrices of items ×
   vocabulary instead of one Python set of strings per item (which alone took 280 MB for 2 × 3,000
   tasks). A character n-gram is coded exactly by its code points (no hashing, no vocabulary of
   strings); words and units, few and shared, go through a dictionary.
2. **Scores** (:func:`similar_pairs`): the same weighted Dice similarity, computed with the same
   floating-point operations in the same order, a block of old items at a time (``BLOCK_CELLS``
   scores in memory at once); only pairs scoring at least ``PAIR_THRESHOLD`` are kept. Dropping the
   others loses nothing: the dense path gives them no gain either.
3. **Assignment** (:func:`assign`): the graph of kept pairs falls apart into connected components;
   the best one-to-one assignment of the whole is the best assignment of each component, so each
   component is solved on its own (dense ``linear_sum_assignment`` on the component only).
4. **Splits and merges** (:func:`residual_links`): the residual score of every unpaired item against
   every paired one comes from one sparse product of trigram incidences, since only pairs that
   share a trigram with the residual can score above zero.

Why not prune candidates by shared rare n-grams: with these weights a pair can reach the threshold
on common words alone, so a lossless filter (prefix filtering) must keep most of each item's
n-grams, and on the 3,000-task benchmark it still kept 97 % of all pairs. Blocking the exact
computation keeps the result identical and the memory linear in the number of items (plus the
kept pairs); the time stays proportional to the number of n-grams pairs share.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Sequence

import numpy as np

BLOCK_CELLS = 400_000  # scores held at once while scoring (× 8 bytes × a few temporaries)
DICE_FEATURES = ("tokens", "bigrams", "trigrams", "title", "units")  # summed in this order, as the dense path does
_BASE = 0x110001  # code point + 1 in base 0x110001: injective for strings of up to 3 characters, < 2**63


@dataclass(frozen=True, slots=True)
class Encoded:
    """The items of one part of both documents: per feature, old and new incidence (items ×
    vocabulary, CSR) and the set sizes; per item its section context."""

    old: dict  # feature name -> scipy.sparse.csr_matrix
    new: dict
    old_sections: list  # (section key, section title bigrams or None) per item, as diff._Features
    new_sections: list

    def sizes(self, side: str, name: str) -> np.ndarray:
        matrix = getattr(self, side)[name]
        return np.diff(matrix.indptr)


def _gram_pairs(texts: Sequence[str], n: int) -> tuple[np.ndarray, np.ndarray]:
    """(text index, code) of every distinct n-gram of every text, as ``diff._ngrams`` finds them:
    punctuation dropped, a non-empty text shorter than ``n`` is its own one gram."""
    from .diff import _PUNCT_RE

    stripped = [_PUNCT_RE.sub("", t) for t in texts]
    lengths = np.fromiter(map(len, stripped), np.int64, len(stripped))
    chars = np.frombuffer("".join(stripped).encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64) + 1
    ends = np.cumsum(lengths)
    owner = np.repeat(np.arange(len(stripped)), lengths)
    rows, codes = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
    if len(chars) >= n:
        starts = np.arange(len(chars) - n + 1)
        code = chars[starts]
        for k in range(1, n):
            code = code * _BASE + chars[starts + k]
        whole = starts + n <= ends[owner[starts]]  # the n-gram lies inside one text
        rows.append(owner[starts][whole])
        codes.append(code[whole])
    short = np.flatnonzero((lengths > 0) & (lengths < n))
    if len(short):
        rows.append(short)
        codes.append(np.array([_code(stripped[i]) for i in short], np.int64))
    rows, codes = np.concatenate(rows), np.concatenate(codes)
    order = np.lexsort((codes, rows))
    rows, codes = rows[order], codes[order]
    first = np.concatenate(([True], (np.diff(rows) != 0) | (np.diff(codes) != 0))) if len(rows) else np.zeros(0, bool)
    return rows[first], codes[first]


def _code(text: str) -> int:
    code = 0
    for char in text:
        code = code * _BASE + ord(char) + 1
    return code


def _string_pairs(sets: Sequence[frozenset], vocab: dict) -> tuple[np.ndarray, np.ndarray]:
    """(set index, vocabulary id) of every member of every set; new members join ``vocab``."""
    ids, sizes = array("q"), array("q")
    for members in sets:
        unseen = members - vocab.keys()
        vocab.update(zip(unseen, range(len(vocab), len(vocab) + len(unseen))))
        ids.extend(map(vocab.__getitem__, members))
        sizes.append(len(members))
    return np.repeat(np.arange(len(sets)), np.frombuffer(sizes, np.int64)), np.frombuffer(ids, np.int64)


def _incidence(rows_old, cols_old, n_old, rows_new, cols_new, n_new, *, coded: bool):
    """CSR 0/1 matrices over one shared column space; ``coded`` columns (n-gram codes) are renumbered."""
    from scipy.sparse import csr_matrix

    if coded:
        _, inverse = np.unique(np.concatenate((cols_old, cols_new)), return_inverse=True)
        cols_old, cols_new = inverse[: len(cols_old)], inverse[len(cols_old) :]
    width = int(max(cols_old.max(initial=-1), cols_new.max(initial=-1))) + 1 or 1
    out = []
    for rows, cols, n in ((rows_old, cols_old, n_old), (rows_new, cols_new, n_new)):  # rows come grouped, in order
        indptr = np.concatenate(([0], np.cumsum(np.bincount(rows, minlength=n))))
        out.append(csr_matrix((np.ones(len(cols)), cols, indptr), shape=(n, width)))
    return out


def encode(old_items: Sequence, new_items: Sequence) -> Encoded:
    """The items' ``diff._features`` sets as sparse incidence matrices (see the module docstring)."""
    from ..extract.words import tokens as words
    from .diff import _ngrams, _section_key, fold, title_and_body, unit_sequence

    sides = []
    section_titles: dict = {}
    for items in (old_items, new_items):
        titles, boths, token_sets, unit_sets, sections = [], [], [], [], []
        for item in items:
            title, body = title_and_body(item)
            titles.append(title)
            boths.append(title + body)
            token_sets.append(frozenset(words(title + body)))
            unit_sets.append(frozenset(u for u, _ in unit_sequence(item)))
            title_grams = None
            if item.section:
                if item.section.title not in section_titles:
                    section_titles[item.section.title] = frozenset(_ngrams(fold(item.section.title), 2))
                title_grams = section_titles[item.section.title]
            sections.append((_section_key(item), title_grams))
        sides.append((titles, boths, token_sets, unit_sets, sections))
    (t_old, b_old, tok_old, u_old, s_old), (t_new, b_new, tok_new, u_new, s_new) = sides
    n_old, n_new = len(old_items), len(new_items)
    old, new = {}, {}
    for name, left, right, n in (("bigrams", b_old, b_new, 2), ("trigrams", b_old, b_new, 3), ("title", t_old, t_new, 2)):
        old[name], new[name] = _incidence(*_gram_pairs(left, n), n_old, *_gram_pairs(right, n), n_new, coded=True)
    for name, left, right in (("tokens", tok_old, tok_new), ("units", u_old, u_new)):
        vocab: dict = {}
        old[name], new[name] = _incidence(*_string_pairs(left, vocab), n_old, *_string_pairs(right, vocab), n_new, coded=False)
    return Encoded(old, new, s_old, s_new)


def similar_pairs(encoded: Encoded, threshold: float, block_cells: int = BLOCK_CELLS) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(old index, new index, similarity) of every pair scoring ≥ ``threshold``, in row-major order.

    Each score equals the dense ``diff._similarity_matrix`` entry bit for bit.
    """
    from .diff import WEIGHTS

    n_old, n_new = len(encoded.old_sections), len(encoded.new_sections)
    if not n_old or not n_new:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    transposed = {name: encoded.new[name].T.tocsr() for name in DICE_FEATURES}  # (CSR @ CSR: no conversion per block)
    sizes_old = {name: encoded.sizes("old", name) for name in DICE_FEATURES}
    sizes_new = {name: encoded.sizes("new", name) for name in DICE_FEATURES}
    # section context: few distinct sections, so compare sections once and index
    keys_old = list(dict.fromkeys(encoded.old_sections))
    keys_new = list(dict.fromkeys(encoded.new_sections))
    index_old = {k: i for i, k in enumerate(keys_old)}
    index_new = {k: i for i, k in enumerate(keys_new)}
    small = section_similarities(keys_old, keys_new)
    rows = np.array([index_old[k] for k in encoded.old_sections])
    cols = np.array([index_new[k] for k in encoded.new_sections])

    step = max(1, block_cells // n_new)
    found_old, found_new, found_score = [], [], []
    for start in range(0, n_old, step):
        stop = min(start + step, n_old)
        total = np.zeros((stop - start, n_new))
        for name in DICE_FEATURES:
            inter = (encoded.old[name][start:stop] @ transposed[name]).toarray()
            sizes = sizes_old[name][start:stop, None] + sizes_new[name][None, :]
            total += WEIGHTS[name] * np.where(sizes > 0, 2 * inter / np.maximum(sizes, 1), 1.0)  # two empty sets agree
        total += WEIGHTS["section"] * small[np.ix_(rows[start:stop], cols)]
        r, c = np.nonzero(total >= threshold)
        found_old.append(r + start)
        found_new.append(c)
        found_score.append(total[r, c])
    return np.concatenate(found_old), np.concatenate(found_new), np.concatenate(found_score)


def section_similarities(left: Sequence[tuple], right: Sequence[tuple]) -> np.ndarray:
    """``diff._section_similarity`` of every left key with every right key, bit for bit, without
    a Python call per pair (a large document has hundreds of sections on each side)."""
    keys = {k: i for i, k in enumerate(dict.fromkeys([a for a, _ in left] + [b for b, _ in right]))}
    same = np.array([keys[a] for a, _ in left])[:, None] == np.array([keys[b] for b, _ in right])[None, :]
    titled_left = np.array([t is not None for _, t in left])
    titled_right = np.array([t is not None for _, t in right])
    vocab: dict = {}
    a, b = _incidence(*_string_pairs([t or frozenset() for _, t in left], vocab), len(left),
                      *_string_pairs([t or frozenset() for _, t in right], vocab), len(right), coded=False)
    inter = (a @ b.T).toarray()
    sizes = np.diff(a.indptr)[:, None] + np.diff(b.indptr)[None, :]
    dice = np.where(sizes > 0, 2 * inter / np.maximum(sizes, 1), 1.0)
    both = titled_left[:, None] & titled_right[None, :]
    neither = ~titled_left[:, None] & ~titled_right[None, :]
    return np.where(both, 0.5 * same + 0.5 * dice, np.where(neither, np.where(same, 1.0, 0.5), 0.0))


def assign(old_index: np.ndarray, new_index: np.ndarray, scores: np.ndarray, n_old: int) -> list[tuple[int, int, float]]:
    """The one-to-one assignment maximising the summed score over the given pairs, as
    (old, new, score) sorted by old; solved per connected component of the pair graph."""
    from scipy.optimize import linear_sum_assignment
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    if not len(scores):
        return []
    n_new = int(new_index.max()) + 1
    size = n_old + n_new
    graph = coo_matrix((np.ones(len(scores)), (old_index, new_index + n_old)), shape=(size, size))
    _, labels = connected_components(graph, directed=False)
    edge_label = labels[old_index]
    order = np.argsort(edge_label, kind="stable")
    bounds = np.flatnonzero(np.diff(edge_label[order])) + 1
    out: list[tuple[int, int, float]] = []
    for group in np.split(order, bounds):
        o, n, s = old_index[group], new_index[group], scores[group]
        if len(group) == 1:
            out.append((int(o[0]), int(n[0]), float(s[0])))
            continue
        rows, row_at = np.unique(o, return_inverse=True)
        cols, col_at = np.unique(n, return_inverse=True)
        gain = np.zeros((len(rows), len(cols)))
        gain[row_at, col_at] = s
        picked_rows, picked_cols = linear_sum_assignment(tie_broken(gain, rows, cols), maximize=True)
        out.extend(
            (int(rows[r]), int(cols[c]), float(gain[r, c])) for r, c in zip(picked_rows, picked_cols) if gain[r, c] > 0
        )
    return sorted(out)


TIE = 1e-14  # per squared step between positions: far below any score that a diff reports (4 decimals)


def tie_broken(gain: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """``gain`` with its pairs made a hair worse the further apart their positions are, so that equal
    scores go to the pair nearest in order (then the earlier old item), the same whichever matrix (a component's, the part's)
    the assignment is solved on; zero cells (no pair) stay zero."""
    # (and at the same distance, to the earlier old item: a fraction below one step)
    distance = (rows[:, None].astype(float) - cols[None, :].astype(float)) ** 2 + rows[:, None] / (rows.max(initial=0) + 1.0)
    return np.where(gain > 0, gain - TIE * distance, 0.0)


def residuals(sources, partners) -> "object":
    """Row by row, the columns of ``sources`` not in the same row of ``partners`` (CSR, 0/1)."""
    from scipy.sparse import csr_matrix

    rows = [np.setdiff1d(sources.indices[sources.indptr[k] : sources.indptr[k + 1]],
                         partners.indices[partners.indptr[k] : partners.indptr[k + 1]], assume_unique=True)
            for k in range(sources.shape[0])]
    indptr = np.concatenate(([0], np.cumsum([len(r) for r in rows]))).astype(np.int64)
    indices = np.concatenate(rows) if rows else np.zeros(0, np.int64)
    return csr_matrix((np.ones(len(indices)), indices, indptr), shape=sources.shape)


def residual_links(candidates, residual) -> list[tuple[int, int, float]]:
    """For each candidate row, its best residual row by ``diff._residual_score``: (candidate,
    residual, score), candidates in order; ties go to the lower residual index; candidates scoring
    0 against every residual are left out. Both are CSR 0/1 matrices over the same columns."""
    if not candidates.shape[0] or not residual.shape[0]:
        return []
    size_c, size_r = np.diff(candidates.indptr), np.diff(residual.indptr)
    shared = (candidates @ residual.T).tocoo()
    c, r, s = shared.row, shared.col, shared.data
    keep = s > 0
    c, r, s = c[keep], r[keep], s[keep]
    if not len(s):
        return []
    # the dense path's float operations, in its order: sqrt(shared / |C| * shared / |R|)
    score = np.sqrt(s / size_c[c] * s / size_r[r])
    order = np.lexsort((r, -score, c))
    first = order[np.concatenate(([True], np.diff(c[order]) != 0))]
    return [(int(c[k]), int(r[k]), float(score[k])) for k in first]
