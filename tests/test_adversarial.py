"""Hostile input ends in bounded time: every pattern of ``pipeline/data/`` (as written, and as the
stages compile it) against runs that make backtracking regexes explode, then whole notices made
of such runs through ``pipeline.parse``. The bounds are generous (linear patterns take
milliseconds); they catch the quadratic and exponential cases, which take minutes. The seconds are this process's
CPU seconds, which other work on a shared machine does not inflate (the speeds themselves are
benchmarks/bench_adversarial.py's to report)."""

from __future__ import annotations

import dataclasses
import json
import re
import time
from importlib import resources

import pytest

import pipeline
from pipeline.errors import InputError

PATTERN_SECONDS = 2.0  # one pattern on one 16 K-character input
PARSE_SECONDS = 10.0  # one whole notice (issue 11's target)

HOSTILE_RUNS = {
    "digits": "1" * 16000,
    "digits_dots": "1." * 8000,
    "digits_commas": "1," * 8000,
    "year_digits": "2" * 16000 + "年",
    "labels": "责任单位：" * 3200,
    "role_words": "牵头" * 8000,
    "role_brackets": "（省发改委牵头）" * 2000,
    "open_brackets": "（" * 16000,
    "brackets_then_digits": "（" * 8000 + "1" * 8000,
    "unit_lists": "省发改委、" * 3200,
    "han": "一" * 16000 + "x",
    "attachment_labels": "附件：" * 5000,
    "ordinals": "第" * 16000,
    "book_marks": "《" * 16000,
    "dates": "2023年12月" * 1600,
    "spaced": "省 " * 8000,
    "punctuation": "，。；" * 5000,
    "persons": "张某（" * 5000,
    "table_headers": "序号 " * 5000,
    "counted_rows": "序号 工作任务 责任单位 " + "".join(f"{i} 任务 局 " for i in range(1, 1800)),
}


def _data_patterns() -> dict[str, re.Pattern]:
    """Every ``pattern`` written in the data files, and every regex the stages build from them."""
    from pipeline.extract import knowledge, patterns, responsibility, tables

    found: dict[str, re.Pattern] = {}

    def written(value, where):
        if isinstance(value, dict):
            for key, inner in value.items():
                if key == "pattern" and isinstance(inner, str):
                    found[where] = re.compile(inner)
                else:
                    written(inner, f"{where}.{key}")
        elif isinstance(value, list):
            for index, inner in enumerate(value):
                written(inner, f"{where}[{index}]")

    for entry in resources.files("pipeline.data").iterdir():
        if entry.name.endswith(".json"):
            written(json.loads(entry.read_text("utf-8")), entry.name)

    def compiled(value, where, depth=0):
        if isinstance(value, re.Pattern):
            found[where] = value
        elif depth < 4 and isinstance(value, (tuple, list)):
            for index, inner in enumerate(value):
                compiled(inner, f"{where}[{index}]", depth + 1)
        elif depth < 4 and isinstance(value, dict):
            for key, inner in value.items():
                compiled(inner, f"{where}.{key}", depth + 1)
        elif depth < 4 and dataclasses.is_dataclass(value):
            for field in dataclasses.fields(value):
                compiled(getattr(value, field.name), f"{where}.{field.name}", depth + 1)

    for name, built in (("patterns", patterns.patterns()), ("knowledge", knowledge.vocabulary()),
                        ("responsibility", responsibility.vocabulary()), ("tables", tables.vocabulary())):
        compiled(built, name)
    from pipeline.layout import columns, flat_tables, flattened, glued, page_marks, run_tables

    for module in (responsibility, tables, knowledge, columns, flat_tables, flattened, glued, page_marks, run_tables):
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found[f"{module.__name__}.{name}"] = value
    return found


PATTERNS = _data_patterns()


def test_adversarial_the_pattern_catalogue_is_complete():
    names = set(PATTERNS)
    assert any(n.startswith("clauses.json") for n in names) and any(n.startswith("patterns.json") for n in names)
    assert "knowledge.target" in names  # the pattern that took 55 s on 16 K digits
    assert len(PATTERNS) >= 40


# Patterns the code only ever applies anchored, so that an unanchored search is not how they run:
# ``title_before_name`` (a lazy ``.*?`` before the titles) is tried by ``fullmatch`` on one value.
ANCHORED = {"knowledge.title_before_name": "fullmatch"}


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_adversarial_pattern_is_fast_on_hostile_runs(name):
    regex = PATTERNS[name]
    slow = {}
    for run_name, run in HOSTILE_RUNS.items():
        started = time.process_time()
        if name in ANCHORED:
            getattr(regex, ANCHORED[name])(run)
        else:
            regex.search(run)
            for _ in regex.finditer(run):
                pass
        elapsed = time.process_time() - started
        if elapsed > PATTERN_SECONDS:
            slow[run_name] = round(elapsed, 1)
    assert slow == {}, f"{name} backtracks on {slow}"


HEAD = "关于印发《测试工作方案》的通知\n\n一、总体要求\n（一）"
NOTICES = {
    "digit_run_before_measure_word": HEAD + "推进" + "1" * 16000 + "个项目。（责任单位：省发改委）\n",
    "digit_run_without_measure_word": HEAD + "推进" + "1" * 16000 + "。（责任单位：省发改委）\n",
    "decimal_run": HEAD + "推进" + "1." * 8000 + "。（责任单位：省发改委）\n",
    "4000_labels_in_a_bracket": HEAD + "推进工作。（" + "责任单位：" * 4000 + "省发改委）\n",
    "4000_label_lines": HEAD + "推进工作。\n" + "责任单位：\n" * 4000,
    "4000_role_brackets": HEAD + "推进工作。" + "（省发改委牵头）" * 4000 + "\n",
    "20000_clauses_in_one_item": HEAD + "推进工作。" + "（责任单位：省发改委）" * 20000 + "\n",
    "30000_bar_lines_opening_rows": HEAD + "1\n|\n" * 30000,
    "8000_open_brackets": HEAD + "推进工作。" + "（" * 8000 + "省发改委\n",
    "4000_units_in_a_clause": HEAD + "推进工作。（责任单位：" + "、".join(["省发改委"] * 4000) + "）\n",
    "60k_character_clause": HEAD + "推进工作。（责任单位：" + "省" * 60000 + "）\n",
    "16k_separators": HEAD + "推进工作。（责任单位：" + "、" * 16000 + "省发改委）\n",
    "4000_role_words": HEAD + "推进工作。（" + "省发改委牵头，" * 4000 + "）\n",
    "4000_role_sentences": HEAD + "推进工作。" + "由省发改委牵头，省财政厅配合。" * 4000 + "\n",
    "5000_years": HEAD + "2023年" * 5000 + "\n",
    "5000_book_marks": HEAD + "《" * 5000 + "》" * 10 + "\n",
    "4000_person_brackets": HEAD + "推进。\n牵头领导：" + "张某（" * 4000 + "\n",
    "200k_line_without_punctuation": HEAD + "推进" * 100_000 + "\n",
    "100k_blank_lines": HEAD + "推进工作。（责任单位：省发改委）" + "\n" * 100_000 + "二、保障措施\n",
    "3000_headings": "".join(f"（{n}）推进。\n" for n in ["一", "二", "三"] * 1000),
    "3000_table_rows": "序号\t任务\t牵头单位\t配合单位\n" + "".join(f"{i}\t推进工作\t省发改委\t省财政厅\n" for i in range(3000)),
    "a_row_of_5000_tabs": "序号\t任务\t牵头单位\n" + "1" + "\t省发改委" * 5000 + "\n",
    "huge_item_number": HEAD + "推进。\n" + "1" + "0" * 5000 + ".推进工作。（责任单位：省发改委）\n",
    "traditional_long": "關於印發《測試工作方案》的通知\n\n一、總體要求\n（一）推進工作" + "責任單位：省發改委、" * 3000 + "\n",
}


@pytest.mark.parametrize("name", sorted(NOTICES))
def test_adversarial_notice_parses_in_bounded_time(tmp_path, name):
    path = tmp_path / f"{name}.txt"
    path.write_text(NOTICES[name], "utf-8")
    started = time.process_time()
    try:
        result = pipeline.parse(path)
    except InputError as error:  # a clear error (a limit, no items) is an acceptable outcome
        result = error
        assert str(error).startswith(str(path)) and error.hint
    elapsed = time.process_time() - started
    assert elapsed < PARSE_SECONDS, f"{name}: {elapsed:.1f} s"
    assert isinstance(result, (pipeline.Document, InputError))
