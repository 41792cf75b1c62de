"""The notebooks run from top to bottom on a fresh kernel, as committed."""

from __future__ import annotations

import sys

import nbformat
import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from make_notebooks import NOTEBOOKS, build, execute  # noqa: E402


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_notebooks_execute_without_error(name):
    committed = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    assert [c.source for c in committed.cells] == [c.source for c in build(NOTEBOOKS[name]).cells], "run scripts/make_notebooks.py"
    executed = execute(build(NOTEBOOKS[name]), ROOT / "notebooks")
    errors = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    assert any(o.get("data", {}).get("image/png") for c in executed.cells if c.cell_type == "code" for o in c.outputs)
