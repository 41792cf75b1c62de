"""Print the current figures on the real sets as floors for tests/real/floors.json.

    .venv/bin/python scripts/real_floors.py > tests/real/floors.json

Floors only go up: a figure below a batch's floor (its texts only partly at hand, say) keeps the floor
as it was; ``--lower`` writes the figures as they are (a lower floor needs a reason in the commit)."""

from __future__ import annotations

import json
import math
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import test_real_notices as real  # noqa: E402


def down(value: float, step: float) -> float:
    return math.floor(value / step + 1e-9) * step


def main() -> None:
    scorer = real._scorer()
    floors = {}
    figures = {c["id"]: real._score(scorer, c, real.REAL_DEV / "excerpts" / f"{c['id']}.txt") for c in real.DEV_CASES}
    total = scorer.total(figures)
    floors["real_dev"] = {
        "pairs_f1": round(down(scorer.prf(total)[2], 0.01) - 0.01, 2),
        "roles": round(down(total["role_ok"] / total["role_n"], 0.01) - 0.01, 2),
        "cases": {cid: round(down(scorer.prf(f)[2], 0.05), 2) for cid, f in figures.items()},
    }
    with tempfile.TemporaryDirectory() as folder:
        one_line = scorer.total(real.one_line_figures(scorer, Path(folder)))
    floors["real_dev_one_line"] = {"pairs_f1": round(down(scorer.prf(one_line)[2], 0.01) - 0.01, 2)}
    scouted = scorer.total(real.scouted_figures(scorer))
    floors["scouted"] = {"pairs_f1": round(down(scorer.prf(scouted)[2], 0.01) - 0.01, 2)}
    known = real.FLOORS.get("scouted", {}).get("known_errors")
    if known:
        floors["scouted"]["known_errors"] = known  # (a list kept by hand, with reasons: never a figure)
    for gold in sorted(real.GOLD.glob("R*.gold.json")):
        batch = gold.name.split(".")[0]
        folder = real.TEXTS / batch / "excerpts"
        cases = real._cases(gold)
        found = {c["id"]: real._score(scorer, c, folder / f"{c['id']}.txt") for c in cases if (folder / f"{c['id']}.txt").exists()}
        if found and (len(found) == len(cases) or batch not in real.FLOORS):
            floors[batch] = {"pairs_f1": max(0.0, round(down(scorer.prf(scorer.total(found))[2], 0.01) - 0.01, 2))}
        elif batch in real.FLOORS:
            # (its texts are not all at hand here: a part's figure says nothing of the whole, its floor stays)
            floors[batch] = real.FLOORS[batch]
    if "--lower" not in sys.argv:
        floors = _never_lower(floors, real.FLOORS)
    print(json.dumps(floors, ensure_ascii=False, indent=1))


def _never_lower(floors: dict, old: dict) -> dict:
    """``floors`` with every figure at least its ``old`` one."""
    out = {}
    for key, value in floors.items():
        before = old.get(key)
        if isinstance(value, dict) and isinstance(before, dict):
            out[key] = _never_lower(value, before) | {k: v for k, v in before.items() if k not in value}
        elif isinstance(value, (int, float)) and isinstance(before, (int, float)):
            out[key] = max(value, before)
        else:
            out[key] = value
    return out


if __name__ == "__main__":
    main()
