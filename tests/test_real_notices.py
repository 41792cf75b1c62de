"""Real notices as the measure (issue 8).

``../shared/real_dev/`` holds real excerpts with gold; it is read from there, never copied. Each case
is scored in-process with the shared scorer's own matching (``real_eval.py``), against a floor per
case and a floor for the set (``tests/real/floors.json``): the floors are raised as the rules improve,
and a rule change that loses a real notice fails here.

Batches we collected ourselves (``tests/real/R*.gold.json``) keep only their gold in the repository;
their texts live outside it (``FENGONG_REAL_TEXTS``, default ``../scratch/real_collected``) and the
tests for them skip where the texts are not at hand.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
from pathlib import Path

import pytest

import pipeline
from pipeline.errors import FengongError
from pipeline.analysis.matrix import documents_to_rows

ROOT = Path(__file__).resolve().parent.parent
REAL_DEV = ROOT.parent / "shared" / "real_dev"
GOLD = ROOT / "tests" / "real"
FLOORS = json.loads((GOLD / "floors.json").read_text("utf-8"))
TEXTS = Path(os.environ.get("FENGONG_REAL_TEXTS", ROOT.parent / "scratch" / "real_collected"))


def _scorer():
    spec = importlib.util.spec_from_file_location("real_eval", REAL_DEV / "real_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cases(path: Path) -> list[dict]:
    return json.loads(path.read_text("utf-8")) if path.exists() else []


def _rows(path: Path) -> list[dict]:
    """The long matrix as the scorer reads it from a CSV: every value a string."""
    document = pipeline.parse(path)
    return [{k: "" if v is None else str(v) for k, v in row.items()} for row in documents_to_rows([document])]


def _score(scorer, case: dict, path: Path) -> dict:
    try:
        rows, error = _rows(path), None
    except FengongError as failure:
        rows, error = [], failure.message
    figures = scorer.score_case(scorer.real_gold(case), rows, True, False, False)
    figures["error"] = error
    return figures


DEV_CASES = _cases(REAL_DEV / "cases.json")
needs_real_dev = pytest.mark.skipif(not DEV_CASES, reason="../shared/real_dev is not beside the project")


@pytest.fixture(scope="module")
def dev_figures():
    scorer = _scorer()
    return scorer, {case["id"]: _score(scorer, case, REAL_DEV / "excerpts" / f"{case['id']}.txt") for case in DEV_CASES}


@needs_real_dev
@pytest.mark.parametrize("case_id", [c["id"] for c in DEV_CASES] or ["none"])
def test_real_dev_case_holds_its_floor(dev_figures, case_id):
    scorer, figures = dev_figures
    result = figures[case_id]
    gold_pairs = sum(len(item["units"]) for case in DEV_CASES if case["id"] == case_id for item in case["items"])
    assert not (result["error"] and gold_pairs), f"{case_id} attributes work but ends in an error: {result['error']}"
    f1 = scorer.prf(result)[2]
    assert f1 >= FLOORS["real_dev"]["cases"].get(case_id, 0.0), f"{case_id}: F1 {f1:.3f}; misses: {result['misses'][:8]}"


@needs_real_dev
def test_real_dev_set_holds_its_floor(dev_figures):
    scorer, figures = dev_figures
    total = scorer.total(figures)
    precision, recall, f1 = scorer.prf(total)
    roles = total["role_ok"] / total["role_n"] if total["role_n"] else 0.0
    assert f1 >= FLOORS["real_dev"]["pairs_f1"], f"pairs P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"
    assert roles >= FLOORS["real_dev"]["roles"]


@pytest.mark.parametrize("batch", sorted(p.name.split(".")[0] for p in GOLD.glob("R*.gold.json")))
def test_real_collected_batch_holds_its_floor(batch):
    folder = TEXTS / batch / "excerpts"
    if not folder.is_dir() or not DEV_CASES:
        pytest.skip(f"texts of {batch} are kept outside the repository ({folder})")
    scorer = _scorer()
    cases = _cases(GOLD / f"{batch}.gold.json")
    figures = {case["id"]: _score(scorer, case, folder / f"{case['id']}.txt") for case in cases if (folder / f"{case['id']}.txt").exists()}
    if not figures:
        pytest.skip(f"no text of {batch} is saved in {folder}")
    if len(figures) < len(cases) and batch in FLOORS:
        # (a batch's floor is its whole figure: a part of it may score below or above it)
        pytest.skip(f"only {len(figures)} of the {len(cases)} texts of {batch} are saved in {folder}")
    f1 = scorer.prf(scorer.total(figures))[2]
    # (a batch whose gold has just landed has no floor until scripts/real_floors.py sets one)
    floor = FLOORS.get(batch, {}).get("pairs_f1", 0.0)
    assert f1 >= floor, f"{batch}: pairs F1 {f1:.3f}, below its floor {floor}"


# The same real pages as other sites render them: full-width or ASCII punctuation throughout, no blank lines, CRLF,
# indented paragraphs, no-break spaces, page marks every fifteen lines, traditional characters (as a Hong Kong or
# Taiwan mirror gives them: the gold's heads and names, written as the page writes them, converted alike). What a
# case scores must not depend on which of these its site chose (a one-line page is a layout of its own, not a
# rendering: it is not here).
_WIDE = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"}


def _opencc(config: str):
    import opencc

    return opencc.OpenCC(config).convert


RENDERINGS = {
    "ascii_punctuation": lambda: lambda text: text.translate(str.maketrans(_WIDE)),
    "full_width_punctuation": lambda: lambda text: text.translate(str.maketrans({v: k for k, v in _WIDE.items()})),
    "no_blank_lines": lambda: lambda text: "\n".join(line for line in text.split("\n") if line.strip()),
    "crlf": lambda: lambda text: text.replace("\n", "\r\n"),
    "indented_paragraphs": lambda: lambda text: "\n".join("\u3000\u3000" + line if line.strip() else line for line in text.split("\n")),
    "no_break_spaces": lambda: lambda text: text.replace(" ", "\u00a0"),
    "page_marks": lambda: lambda text: "\n".join(
        f"{line}\n\n— {i // 15 + 1} —\n" if i and i % 15 == 0 else line for i, line in enumerate(text.split("\n"))),
    "traditional": lambda: _opencc("s2t"),
    "traditional_hong_kong": lambda: _opencc("s2hk"),
}
# (the renderings that change characters change the gold's written forms with them)
CHANGES_CHARACTERS = ("traditional", "traditional_hong_kong")


@needs_real_dev
@pytest.mark.parametrize("rendering", list(RENDERINGS))
def test_real_dev_reads_the_same_whatever_the_rendering(dev_figures, rendering, tmp_path):
    scorer, figures = dev_figures
    render = RENDERINGS[rendering]()
    worse = []
    for case in DEV_CASES:
        text = (REAL_DEV / "excerpts" / f"{case['id']}.txt").read_text("utf-8")
        path = tmp_path / f"{case['id']}.txt"
        path.write_bytes(render(text).encode("utf-8"))
        gold = case
        if rendering in CHANGES_CHARACTERS:
            gold = {**case, "items": [{**item, "head": render(item["head"]), "units": [{**unit, "name": render(unit["name"])} for unit in item["units"]]}
                                      for item in case["items"]]}
        before, after = scorer.prf(figures[case["id"]])[2], scorer.prf(_score(scorer, gold, path))[2]
        if after < before - 1e-9:
            worse.append(f"{case['id']} {before:.2f} -> {after:.2f}")
    assert not worse, f"{rendering}: {worse}"


def run_into_one_line(text: str) -> str:
    """The page as a site that lost every line break gives it (a layout of its own: its floor is its own)."""
    return re.sub(r"\s*\n\s*", " ", text)


def one_line_figures(scorer, folder: Path) -> dict:
    """Each real_dev case scored on its page run into one line (written into ``folder``)."""
    figures = {}
    for case in DEV_CASES:
        path = folder / f"{case['id']}.txt"
        path.write_bytes(run_into_one_line((REAL_DEV / "excerpts" / f"{case['id']}.txt").read_text("utf-8")).encode("utf-8"))
        figures[case["id"]] = _score(scorer, case, path)
    return figures


@needs_real_dev
def test_real_dev_run_into_one_line_holds_its_floor(dev_figures, tmp_path):
    scorer, _ = dev_figures
    f1 = scorer.prf(scorer.total(one_line_figures(scorer, tmp_path)))[2]
    assert f1 >= FLOORS["real_dev_one_line"]["pairs_f1"], f"real_dev run into one line: pairs F1 {f1:.3f}"


# Reproductions of real pages' layouts (tests/scouted/): helper sessions read real notices through the search tool as
# reference and wrote each one's layout again in their own words (other tasks, places and names of the same forms),
# with gold for what they wrote. Synthetic text, real layouts: the set is kept in the repository, with a floor.
SCOUTED = ROOT / "tests" / "scouted"
SCOUTED_CASES = _cases(SCOUTED / "gold.json")


def scouted_figures(scorer) -> dict:
    return {case["id"]: _score(scorer, case, SCOUTED / f"{case['id']}.txt") for case in SCOUTED_CASES}


@needs_real_dev
def test_scouted_reproductions_hold_their_floor(dev_figures):
    scorer, _ = dev_figures
    figures = scouted_figures(scorer)
    # (the reproductions that attribute work and still end in an error are exactly the known ones, each with
    # its reason in floors.json: a new one fails here, and so does a known one that is read now)
    errors = {cid for cid, f in figures.items() if f["error"] and any(i["units"] for c in SCOUTED_CASES if c["id"] == cid for i in c["items"])}
    assert errors == set(FLOORS["scouted"].get("known_errors", {})), f"in error: {sorted(errors)}"
    f1 = scorer.prf(scorer.total(figures))[2]
    assert f1 >= FLOORS["scouted"]["pairs_f1"], f"scouted reproductions: pairs F1 {f1:.3f}"
