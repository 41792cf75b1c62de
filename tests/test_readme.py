"""The README's library example runs and shows what it says it shows."""

from __future__ import annotations

import ast
import os
import re

from conftest import ROOT


def test_readme_library_example_values():
    readme = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"## Library\n\n```python\n(.*?)```", readme, re.S).group(1)
    namespace: dict = {}
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        checked = 0
        for line in block.splitlines():
            code, _, shown = line.partition("#")
            if not code.strip():
                continue
            shown = shown.strip()
            if shown.startswith(("'", "[", "(")):
                assert eval(code, namespace) == ast.literal_eval(shown), line  # noqa: S307 - our own README
                checked += 1
            else:
                exec(code, namespace)  # noqa: S102 - our own README
        assert checked >= 3
    finally:
        os.chdir(cwd)
