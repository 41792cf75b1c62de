"""Large diffs: the sparse alignment (pipeline.analysis.sparse_align) gives the dense one's result
on generated pairs of documents — renumbered, reworded, reordered, items added and removed, below
and above the size at which ``align(strategy="auto")`` switches to it."""

from __future__ import annotations

import dataclasses
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import NOTICE_2023, NOTICE_2024

from pipeline.analysis import diff as diff_module
from pipeline.analysis.diff import _section_similarity, align, diff_documents, diff_to_dict
from pipeline.analysis.sparse_align import DICE_FEATURES, assign, encode, residual_links, section_similarities

PLACES = ("南京", "无锡", "徐州", "常州")


@lru_cache(maxsize=None)
def docs():
    import pipeline

    return pipeline.parse(NOTICE_2023), pipeline.parse(NOTICE_2024)


@pytest.fixture(scope="module", autouse=True)
def _parsed():
    docs()  # parse before hypothesis draws: parsing inside a strategy trips its checks


def _shifted(item, prefix: str, copy: int):
    """The item with ``prefix`` before its title and text, in its own sections (offsets kept right)."""
    n = len(prefix)
    section = dataclasses.replace(item.section, number=f"{item.section.number}{copy}", title=prefix + item.section.title) if item.section else None
    return dataclasses.replace(
        item,
        id=f"{item.id}#{copy}",
        title=prefix + item.title,
        text=prefix + item.text,
        section=section,
        attachment=(item.attachment or 0) + copy if item.part == "attachment" else None,
        responsibilities=tuple(
            dataclasses.replace(r, start=r.start + n, end=r.end + n, clause_start=r.clause_start + n, clause_end=r.clause_end + n)
            for r in item.responsibilities
        ),
    )


def _copies(doc, count: int):
    """``count`` copies of the document's items, each copy with its own place name and sections."""
    return dataclasses.replace(doc, items=tuple(_shifted(i, PLACES[k], k) for k in range(count) for i in doc.items))


def _reworded(item, kept: float, words: str):
    """The body after its first ``kept`` share rewritten: read backwards, ``words`` between the
    characters (then cut to the same length, so that the clause offsets stay right)."""
    at = len(item.title) + int(kept * (len(item.text) - len(item.title)))
    if at >= len(item.text):
        return item
    rest = item.text[at:]
    return dataclasses.replace(item, text=item.text[:at] + words.join(reversed(rest))[: len(rest)])


@st.composite
def document_pairs(draw):
    old_base, new_base = docs()
    count = draw(st.integers(min_value=1, max_value=3))
    source = _copies(old_base, count)
    target = _copies(draw(st.sampled_from([old_base, new_base])), count)
    n_old, n_new = len(source.items), len(target.items)
    kept_old = draw(st.sets(st.integers(0, n_old - 1), min_size=1, max_size=n_old))
    kept_new = draw(st.sets(st.integers(0, n_new - 1), min_size=1, max_size=n_new))
    new_items = [target.items[k] for k in sorted(kept_new)]
    new_items = draw(st.permutations(new_items))  # reordered
    shift = draw(st.integers(min_value=0, max_value=9))
    kept = draw(st.lists(st.sampled_from([1.0, 1.0, 0.9, 0.7, 0.5, 0.3, 0.15, 0.0]), min_size=len(new_items), max_size=len(new_items)))
    words = draw(st.sampled_from(["", "的", "新"]))
    new_items = [_reworded(i, share, words) for i, share in zip(new_items, kept)]  # reworded, a little or a lot
    new_items = [
        dataclasses.replace(i, number=str(int(i.number) + shift) if i.number.isdigit() else i.number + "之一")  # renumbered
        for i in new_items
    ]
    old = dataclasses.replace(source, items=tuple(source.items[k] for k in sorted(kept_old)))
    return old, dataclasses.replace(target, items=tuple(new_items))


SOME = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SOME
@given(pair=document_pairs())
def test_sparse_alignment_equals_dense(pair):
    old, new = pair
    assert align(old, new, "sparse") == align(old, new, "dense")


@SOME
@given(pair=document_pairs(), cells=st.sampled_from([0, 100, 2_000, 10**9]))
def test_auto_alignment_equals_dense_above_and_below_the_switch(pair, cells):
    old, new = pair
    with pytest.MonkeyPatch.context() as patch:  # (not the fixture: hypothesis runs many examples per call)
        patch.setattr(diff_module, "DENSE_CELLS", cells)
        assert align(old, new, "auto") == align(old, new, "dense")


@pytest.mark.parametrize("cells", [0, 10**9])
def test_equal_scores_go_to_the_nearest_item_in_both_alignments(cells):
    # Three copies of one old item (positions 0, 2, 4), the new notice keeping one at position 1: the
    # three score the same; both assignments take a copy nearest in order, of those the earlier.
    old, _ = docs()
    item = next(i for i in old.items if i.part == "main")
    copies = [dataclasses.replace(item, id=f"{item.id}#{k}") for k in range(3)]
    others = [i for i in old.items if i.part == "main" and i.text != item.text][:3]
    old_doc = dataclasses.replace(old, items=(copies[0], others[0], copies[1], others[1], copies[2]))
    new_doc = dataclasses.replace(old, items=(others[0], copies[1], others[1]))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(diff_module, "DENSE_CELLS", cells)
        auto, dense = align(old_doc, new_doc, "auto"), align(old_doc, new_doc, "dense")
    assert auto == dense
    assert {(p.old, p.new) for p in dense.pairs} >= {(1, 0), (3, 2)}
    assert (0, 1) in {(p.old, p.new) for p in dense.pairs}


@pytest.mark.parametrize("count", [1, 3])
def test_sparse_diff_equals_dense_diff(count):
    old, new = (_copies(d, count) for d in docs())
    assert diff_to_dict(diff_documents(old, new, "sparse")) == diff_to_dict(diff_documents(old, new, "dense"))


def test_large_diff_switches_to_sparse_and_pairs_every_copy(monkeypatch):
    old, new = (_copies(d, 2) for d in docs())
    monkeypatch.setattr(diff_module, "DENSE_CELLS", 10)
    calls = []
    original = diff_module._align_part_sparse
    monkeypatch.setattr(diff_module, "_align_part_sparse", lambda *a: calls.append(1) or original(*a))
    result = align(old, new)
    assert calls  # the sparse path ran
    copy_of = lambda item: item.id.rsplit("#", 1)[1]  # noqa: E731
    assert all(copy_of(old.items[p.old]) == copy_of(new.items[p.new]) for p in result.pairs)
    assert len(result.pairs) == 2 * len(align(*docs()).pairs)


def test_unknown_strategy_is_refused():
    with pytest.raises(ValueError, match="unknown alignment strategy 'fast'"):
        align(*docs(), strategy="fast")


def test_section_similarities_match_the_pairwise_function():
    old, new = (_copies(d, 2) for d in docs())
    from pipeline.analysis.diff import _features

    keys = lambda doc: list(dict.fromkeys((f.section, f.section_title) for f in map(_features, doc.items)))  # noqa: E731
    left, right = keys(old), keys(new)
    assert any(t is None for _, t in left) and any(t is not None for _, t in left)  # both kinds of item
    matrix = section_similarities(left, right)
    assert matrix.tolist() == [[_section_similarity(a, b) for b in right] for a in left]


def test_assign_solves_each_component_and_keeps_only_gains():
    import numpy as np

    # component {0,1}×{0,1}: crossing (0.5+0.5) beats the single best 0.9; component {2}×{2} alone
    rows, cols, scores = np.array([0, 0, 1, 2]), np.array([0, 1, 0, 2]), np.array([0.9, 0.5, 0.5, 0.45])
    assert assign(rows, cols, scores, 3) == [(0, 1, 0.5), (1, 0, 0.5), (2, 2, 0.45)]
    assert assign(np.array([], int), np.array([], int), np.array([]), 3) == []


def _rows(sets, width):
    import numpy as np
    from scipy.sparse import csr_matrix

    indices = [sorted(x) for x in sets]
    indptr = np.concatenate(([0], np.cumsum([len(x) for x in indices])))
    return csr_matrix((np.ones(int(indptr[-1])), [i for x in indices for i in x], indptr), shape=(len(sets), width))


def test_residual_links_pick_the_best_source_and_the_lower_index_on_ties():
    # candidate 0 is what residuals 0 and 1 both hold (a tie: residual 0); candidate 1 shares nothing
    links = residual_links(_rows([{0, 1, 2}, {5}], 6), _rows([{0, 1, 2}, {0, 1, 2}, {3}], 6))
    assert links == [(0, 0, 1.0)]
    # |C∩R| = 1, |C| = 2, |R| = 4: sqrt(1/2 · 1/4)
    assert residual_links(_rows([{0, 4}], 6), _rows([{0, 1, 2, 3}], 6)) == [(0, 0, (1 / 2 * 1 / 4) ** 0.5)]


def _odd_items(doc):
    """Items at the edges of the n-gram rules: no title, a body of one or two characters, only punctuation."""
    base = next(i for i in doc.items if not i.responsibilities) if any(not i.responsibilities for i in doc.items) else doc.items[0]
    plain = dataclasses.replace(base, responsibilities=())
    return [
        dataclasses.replace(plain, id="a", title="", text="甲"),
        dataclasses.replace(plain, id="b", title="甲", text="甲乙"),
        dataclasses.replace(plain, id="c", title="", text="。；"),
        dataclasses.replace(plain, id="d", title="", text=""),
        dataclasses.replace(plain, id="e", title="乙丙丁", text="乙丙丁，甲乙丙"),
    ]


def test_encode_codes_the_same_sets_as_the_features():
    old, new = docs()
    from pipeline.analysis.diff import _features

    left, right = list(old.items) + _odd_items(old), list(new.items) + _odd_items(new)
    coded = encode(left, right)
    features_left, features_right = [_features(i) for i in left], [_features(i) for i in right]
    for name in DICE_FEATURES:
        shared = (coded.old[name] @ coded.new[name].T).toarray()
        expected = [[len(getattr(a, name) & getattr(b, name)) for b in features_right] for a in features_left]
        assert shared.tolist() == expected, name
        assert coded.sizes("old", name).tolist() == [len(getattr(f, name)) for f in features_left], name
    assert coded.old_sections == [(f.section, f.section_title) for f in features_left]
