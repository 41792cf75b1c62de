"""Write and execute the analysis notebooks in notebooks/ (run: .venv/bin/python scripts/make_notebooks.py)."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent

CELLS_2023 = [
    ("markdown", "# The 2023 Jiangsu notice, explored\n\nParse the real 2023 notice (苏产改办〔2023〕3号), look at its responsibility matrix and at the units' workload and position in the co-responsibility network."),
    ("code", "import os, pathlib\nwhile not pathlib.Path('corpus').is_dir():  # run from the project root\n    os.chdir('..')\nimport pipeline\nfrom pipeline.analysis.matrix import documents_to_wide, documents_to_long\nfrom pipeline.analysis.graph import documents_to_graph, co_responsibility, unit_figures\n\ndoc = pipeline.parse('corpus/2023_jiangsu_industrial_workforce_reform_plan.txt')\nprint(doc.meta.doc_number, doc.meta.date, doc.meta.issuer)\nprint(len(doc.items), 'items,', len(doc.responsibilities), 'task–unit pairs')"),
    ("markdown", "## The responsibility matrix\n\nOne row per task, one column per unit, in order of first appearance."),
    ("code", "wide = documents_to_wide([doc])\nwide.iloc[:8, 3:12]"),
    ("markdown", "## Heatmap\n\nA cell is filled when the unit is responsible for the task; darker for the first-listed unit. Units are labelled by name in the CJK font that `pipeline.exporters.figures.cjk_font()` finds (`make install` adds Debian's fonts-wqy-microhei); without one they fall back to numbers U1, U2 … with the names printed below."),
    ("code", "import matplotlib.pyplot as plt\nimport numpy as np\n\nlong = documents_to_long([doc])\nunits = list(dict.fromkeys(long['unit']))\ntasks = list(dict.fromkeys(long['item_id']))\ngrid = np.zeros((len(tasks), len(units)))\nfor row in long.itertuples():\n    grid[tasks.index(row.item_id), units.index(row.unit)] = 2 if row.order == 1 else 1\nfrom pipeline.exporters.figures import cjk_font\n\nfont = cjk_font()\nif font:\n    plt.rcParams['font.sans-serif'] = [font, 'DejaVu Sans']\nnames = units if font else [f'U{i + 1}' for i in range(len(units))]\nfig, ax = plt.subplots(figsize=(10, 8))\nax.imshow(grid, cmap='Blues', aspect='auto')\nax.set_xticks(range(len(units)), names, rotation=90, fontsize=7)\nlabels = [i.number if i.part == 'main' else f'A{k}' for k, i in enumerate(doc.items, start=-17)]\nax.set_yticks(range(len(tasks)), labels, fontsize=7)\nax.set_xlabel('unit'); ax.set_ylabel('task')\nplt.tight_layout(); plt.show()\nif not font:\n    print(', '.join(f'U{i + 1}={u}' for i, u in enumerate(units)))"),
    ("markdown", "## The units' figures\n\nTasks, tasks as first-listed unit, and centrality in the unit–unit co-responsibility graph (two units are linked when they share a task)."),
    ("code", "import pandas as pd\nfigures = pd.DataFrame(unit_figures(documents_to_graph([doc])))\nfigures.head(12)"),
    ("code", "projected = co_responsibility(documents_to_graph([doc]))\nstrongest = sorted(projected.edges(data='weight'), key=lambda e: -e[2])[:5]\n[(a.split(':')[1], b.split(':')[1], w) for a, b, w in strongest]"),
    ("code", "assert len(doc.items) == 28 and len(doc.responsibilities) == 75\nassert figures.iloc[0]['unit'] == '省总工会'"),
]

CELLS_DIFF = [
    ("markdown", "# 2023 vs 2024: what changed\n\nCompare the real 2023 notice (苏产改办〔2023〕3号) with the **synthetic** 2024 edition written as a test fixture (see `tests/fixtures/diff/README.md`): tasks kept, revised, added, removed, moved, split and merged, and how the units' workload shifted."),
    ("code", "import os, pathlib\nwhile not pathlib.Path('corpus').is_dir():  # run from the project root\n    os.chdir('..')\nimport pipeline\nfrom pipeline.analysis.diff import diff_documents, diff_to_dict\nfrom pipeline.exporters.diff_report import diff_to_csv_rows\n\nold = pipeline.parse('corpus/2023_jiangsu_industrial_workforce_reform_plan.txt')\nnew = pipeline.parse('corpus/2024_jiangsu_industrial_workforce_reform_plan.synthetic.txt')\ndiff = diff_documents(old, new)\nprint(old.meta.doc_number, '→', new.meta.doc_number)\nprint({s: diff.count(s) for s in ('unchanged', 'revised', 'added', 'removed', 'moved')})"),
    ("markdown", "## The change table\n\nOne row per task: old tasks in their order, then the added ones. `similarity` is the alignment score of the pair (for a split or merge, the score of the link)."),
    ("code", "import pandas as pd\npd.set_option('display.max_rows', 40)\nchanges = pd.DataFrame(diff_to_csv_rows(diff))\nchanges[['status', 'old_section', 'old_number', 'new_section', 'new_number', 'new_title', 'similarity', 'fields_changed', 'units_added', 'units_removed', 'lead_changed', 'targets_changed', 'split_from', 'merged_into']].fillna('')"),
    ("code", "[(s['section'], s['old_title'], s['new_title']) for s in diff_to_dict(diff)['sections'] if s['status'] != 'unchanged']"),
    ("markdown", "## Workload shift per unit\n\nTasks per unit in 2024 minus tasks in 2023, for the units whose count changed. Units are labelled by name in the CJK font `pipeline.exporters.figures.cjk_font()` finds; without one they fall back to numbers with the names printed below."),
    ("code", "import matplotlib.pyplot as plt\n\nunits = pd.DataFrame([dict(unit=s.unit, old=s.old_tasks, new=s.new_tasks, delta=s.delta) for s in diff.units])\nshifted = units[units['delta'] != 0].sort_values(['delta', 'unit'], ascending=[False, True]).reset_index(drop=True)\nfrom pipeline.exporters.figures import cjk_font\n\nfont = cjk_font()\nif font:\n    plt.rcParams['font.sans-serif'] = [font, 'DejaVu Sans']\nlabels = list(shifted['unit']) if font else [f'U{i + 1}' for i in range(len(shifted))]\nfig, ax = plt.subplots(figsize=(9, 4))\nax.bar(labels, shifted['delta'], color=['tab:green' if d > 0 else 'tab:red' for d in shifted['delta']])\nax.axhline(0, color='black', linewidth=0.8)\nax.tick_params(axis='x', labelrotation=60, labelsize=8)\nax.set_xlabel('unit'); ax.set_ylabel('tasks 2024 − tasks 2023')\nplt.tight_layout(); plt.show()\nif not font:\n    print(', '.join(f'{l}={u} ({d:+d})' for l, u, d in zip(labels, shifted['unit'], shifted['delta'])))"),
    ("code", "assert diff.count('unchanged') == 7 and diff.count('revised') == 16 and diff.count('moved') == 1\nassert units.set_index('unit').loc['省人社厅', 'delta'] == 4"),
]


def build(cells) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for kind, source in cells:
        notebook.cells.append(nbformat.v4.new_markdown_cell(source) if kind == "markdown" else nbformat.v4.new_code_cell(source))
    return notebook


NOTEBOOKS = {"2023_notice.ipynb": CELLS_2023, "2023_vs_2024.ipynb": CELLS_DIFF}


def execute(notebook: nbformat.NotebookNode, cwd: Path) -> nbformat.NotebookNode:
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    return notebook


if __name__ == "__main__":
    for name, cells in NOTEBOOKS.items():
        path = ROOT / "notebooks" / name
        nbformat.write(execute(build(cells), ROOT / "notebooks"), path)
        print(path)
