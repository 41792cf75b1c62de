"""The CLI, run in-process: exact output, exit codes, batch failures."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from conftest import NOTICE_2023, NOTICE_2024
from pipeline.cli import app

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def test_cli_parse_prints_contract_json():
    result = invoke("parse", NOTICE_2023, "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == {"schema_version", "id", "source", "meta", "attachments", "items", "warnings"}
    assert set(data["meta"]) >= {"title", "issuer", "doc_number", "date", "year", "addressees"}
    item = data["items"][0]
    assert set(item) >= {"id", "part", "section", "number", "title", "text", "responsibilities", "mentions"}
    assert set(item["responsibilities"][0]) >= {"unit", "unit_raw", "role", "order", "collective", "line", "start", "end"}


def test_cli_parse_to_file(tmp_path):
    out = tmp_path / "n.json"
    result = invoke("parse", NOTICE_2023, "-o", out)
    assert result.exit_code == 0
    assert result.stderr == f"{out}: 28 items, 75 responsibilities, 0 warnings\n"
    assert json.loads(out.read_text("utf-8"))["meta"]["doc_number"] == "苏产改办〔2023〕3号"


def test_cli_matrix_long_lists_the_75_pairs_in_order(tmp_path):
    out = tmp_path / "m.csv"
    result = invoke("matrix", NOTICE_2023, "--long", "-o", out)
    assert result.exit_code == 0
    assert result.stderr == f"{out}: 28 tasks, 75 task–unit pairs\n"
    frame = pd.read_csv(out, encoding="utf-8-sig", dtype=str)
    assert len(frame) == 75
    assert frame["unit"].head(4).tolist() == ["省委宣传部", "省总工会", "省委宣传部", "省总工会"]


def test_cli_matrix_xlsx_beside_csv(tmp_path):
    out = tmp_path / "m.csv"
    assert invoke("matrix", NOTICE_2023, "--xlsx", "-o", out).exit_code == 0
    assert out.exists() and out.with_suffix(".xlsx").exists()


def test_cli_ingest_then_refer_by_year(tmp_path):
    db = tmp_path / "f.db"
    first = invoke("ingest", NOTICE_2023, NOTICE_2024, "--db", db)
    assert first.exit_code == 0
    assert [line.split("\t")[0] for line in first.stdout.splitlines()] == ["added", "added"]
    again = invoke("ingest", NOTICE_2023, "--db", db)
    assert again.stdout.split("\t")[0] == "unchanged"
    out = tmp_path / "g.graphml"
    result = invoke("graph", "2023", "-o", out, "--db", db)
    assert result.exit_code == 0
    assert result.stderr == f"{out}: 61 nodes, 75 edges\n"


def test_cli_bad_input_one_line_error_and_exit_code(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = invoke("parse", empty)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"Error: {empty}: file is empty"
    assert result.stderr.splitlines()[1].startswith("Hint: ")


def test_cli_ingest_goes_on_after_failures(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "good.txt").write_bytes(NOTICE_2023.read_bytes())
    (tmp_path / "corpus" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "corpus" / "plain.txt").write_text("没有任何编号的文字。\n", "utf-8")
    result = invoke("ingest", tmp_path / "corpus", "--db", tmp_path / "f.db")
    assert result.exit_code == 1
    assert result.stdout.startswith("added\t1\t")
    assert "2 file(s) failed:" in result.stderr
    assert "binary.txt: file is binary" in result.stderr and "plain.txt: no numbered tasks" in result.stderr


def test_cli_unknown_stored_document(tmp_path):
    result = invoke("matrix", "1999", "-o", tmp_path / "m.csv", "--db", tmp_path / "none.db")
    assert result.exit_code == 1
    assert "neither a file nor a stored document" in result.stderr


def test_cli_strict_fails_on_warnings(write_notice):
    path = write_notice("一、任务\n\n1.甲。\n")
    result = invoke("parse", path, "--strict", "-o", path.with_suffix(".json"))
    assert result.exit_code == 3
    assert "strict mode" in result.stderr


def test_cli_eval_prints_figures_per_form():
    result = invoke("eval")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["group", "item", "P", "item", "R", "item", "F1", "pair", "P", "pair", "R", "pair", "F1", "role", "n"]
    assert lines[2].startswith("ALL") and any(line.startswith("F10 ") for line in lines)


@pytest.mark.parametrize("command", ["parse", "ingest", "list", "show", "remove", "matrix", "ledger", "graph", "run", "diff", "eval", "export"])
def test_cli_every_command_has_help_and_is_in_readme(command):
    from conftest import ROOT

    result = invoke(command, "--help")
    assert result.exit_code == 0 and "Usage" in result.stdout
    assert app.registered_commands and all(c.callback.__doc__ for c in app.registered_commands)
    assert f"fengong {command}" in (ROOT / "README.md").read_text("utf-8")


def test_cli_every_option_is_in_readme():
    """Each option of each command is named in the README under one of its spellings (-o or --output)."""
    import re

    import typer

    from conftest import ROOT

    readme = (ROOT / "README.md").read_text("utf-8")
    missing = [
        f"{name} {param.opts[0]}"
        for name, command in typer.main.get_command(app).commands.items()
        for param in command.params
        if param.param_type_name == "option" and not any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", readme) for o in param.opts)
    ]
    assert missing == []


def test_cli_diff_markdown_to_stdout():
    result = invoke("diff", NOTICE_2023, NOTICE_2024, "--format", "md")
    assert result.exit_code == 0
    assert result.stdout.startswith("# 2023 苏产改办〔2023〕3号 → 2024 苏产改办〔2024〕9号\n")
    assert result.stderr == "stdout: 未变 7，修改 16，新增 4，删除 4，移动 1\n"
    english = invoke("diff", NOTICE_2023, NOTICE_2024, "--format", "md", "--lang", "en")
    assert english.stderr == "stdout: 7 unchanged, 16 revised, 4 added, 4 removed, 1 moved\n"
    assert "| status | old | new | title |" in english.stdout


def test_cli_diff_warns_when_old_is_newer():
    result = invoke("diff", NOTICE_2024, NOTICE_2023, "--format", "md")
    assert result.exit_code == 0
    assert result.stderr.startswith("Warning: old_newer: OLD (2024-03-08) is newer than NEW (2023-02-23)")
    assert "old_newer" in result.stdout


@pytest.mark.parametrize("suffix", [".json", ".csv", ".html"])
def test_cli_diff_format_from_suffix_and_stored_years(tmp_path, suffix):
    db = tmp_path / "f.db"
    invoke("ingest", NOTICE_2023, NOTICE_2024, "--db", db)
    out = tmp_path / f"d{suffix}"
    result = invoke("diff", "2023", "2024", "-o", out, "--db", db)
    assert result.exit_code == 0
    text = out.read_text("utf-8-sig")
    if suffix == ".json":
        data = json.loads(text)
        assert data["counts"] == {"unchanged": 7, "revised": 16, "added": 4, "removed": 4, "moved": 1}
        assert set(data["changes"][0]) >= {"status", "old", "new", "similarity", "units_added", "units_removed", "lead_changed", "text_diff"}
    elif suffix == ".csv":
        assert len(text.splitlines()) == 33 and text.startswith("status,")
    else:
        assert text.startswith("<!DOCTYPE html>") and "<del>" in text and "<ins>" in text


def test_cli_diff_unknown_format(tmp_path):
    result = runner.invoke(app, ["diff", str(NOTICE_2023), str(NOTICE_2024), "--format", "pdf"])
    assert result.exit_code == 2
    assert "unknown format" in result.stderr


def test_cli_version():
    from pipeline import __version__

    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout == f"fengong {__version__}\n"


@pytest.mark.parametrize("command", ["parse", "matrix", "ledger", "diff", "run"])
def test_cli_help_has_no_type_noise_for_flags(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0 and "<bool>" not in result.stdout
    assert "--help" in result.stdout


def test_cli_unknown_language_is_a_user_error(tmp_path):
    result = invoke("ledger", NOTICE_2023, "-o", tmp_path / "l.xlsx", "--lang", "fr")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == "Error: unknown language 'fr'; use one of: zh, en"
    assert "Traceback" not in result.stderr


def test_cli_show_in_english(tmp_path):
    result = invoke("show", NOTICE_2023, "--lang", "en")
    assert result.exit_code == 0
    assert "number 苏产改办〔2023〕3号" in result.stdout and "responsible" in result.stdout and "序号" not in result.stdout


def test_cli_unwritable_output_is_a_user_error(tmp_path):
    folder = tmp_path / "taken.xlsx"
    folder.mkdir()  # a folder where the file should go
    result = invoke("ledger", NOTICE_2023, "-o", folder)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {folder}: cannot write the output: ")
    assert "Traceback" not in result.stderr and not list(tmp_path.glob(".taken.xlsx.*"))
