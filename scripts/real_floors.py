"""Print the current figures on the real sets as floors for tests/real/floors.json.

    .venv/bin/python scripts/real_floors.py > tests/real/floors.json

Floors only go up: review the diff before committing (a lower floor needs a reason in the commit)."""

from __future__ import annotations

import json
import math
import sys
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
    for gold in sorted(real.GOLD.glob("R*.gold.json")):
        batch = gold.name.split(".")[0]
        folder = real.TEXTS / batch / "excerpts"
        cases = real._cases(gold)
        found = {c["id"]: real._score(scorer, c, folder / f"{c['id']}.txt") for c in cases if (folder / f"{c['id']}.txt").exists()}
        if found:
            floors[batch] = {"pairs_f1": round(down(scorer.prf(scorer.total(found))[2], 0.01) - 0.01, 2)}
        elif batch in real.FLOORS:
            floors[batch] = real.FLOORS[batch]  # (its texts are not at hand here: its floor stays as it was)
    print(json.dumps(floors, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
