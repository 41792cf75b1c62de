"""Deadlines, targets, documents and people of an item: table-driven cases and the gold set."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from pipeline.extract import knowledge
from pipeline.heal import heal_line
from pipeline.extract.knowledge import find_deadline, find_documents, find_persons, find_targets
from pipeline.extract.numerals import to_int
from pipeline.readers.text import decode
from pipeline.extract.structure import match_heading

EVAL = Path(__file__).parent / "eval"


# --- deadlines ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, year, expected",
    [
        ("2023年6月底前完成存量问题清零。", 2024, ("2023年6月底前", "date", "2023-06-30")),
        ("6月底前完成排查。", 2024, ("6月底前", "date", "2024-06-30")),
        ("2024年底前投入运行。", 2023, ("2024年底前", "year_end", "2024-12-31")),
        ("年底前形成评估报告。", 2024, ("年底前", "year_end", "2024-12-31")),
        ("年底前形成评估报告。", None, ("年底前", "year_end", None)),
        ("年内新增共享数据接口200个。", 2024, ("年内", "year_end", "2024-12-31")),
        ("2024年12月31日前完成清算。", 2023, ("2024年12月31日前", "date", "2024-12-31")),
        ("2024年2月底前完成。", None, ("2024年2月底前", "date", "2024-02-29")),
        ("上半年完成验收。", 2024, ("上半年", "date", "2024-06-30")),
        ("第三季度完成验收。", 2024, ("第三季度", "date", "2024-09-30")),
        ("2025年一季度末前建成。", 2024, ("2025年一季度末前", "date", "2025-03-31")),
        ("组织开展“安全生产月”活动，长期坚持。", 2024, ("长期坚持", "ongoing", None)),
        ("常态化开展安全隐患排查整治，长期坚持。", 2023, ("长期坚持", "ongoing", None)),
        ("推广积分制、清单制等治理方式，持续推进。", 2024, ("持续推进", "continuous", None)),
        ("推廣積分制、清單制等治理方式，持續推進。", 2024, ("持續推進", "continuous", None)),
        ("加强宣传，常态化推进。", 2024, ("常态化推进", "continuous", None)),
        # a label value wins over wording in the text
        ("扩大有效投资。年内开工。\n牵头责任领导：张某某（常务副市长）\n完成时限：2022年底前", 2024, ("2022年底前", "year_end", "2022-12-31")),
        ("做好工作。\n时限要求：2024年6月底前", 2024, ("2024年6月底前", "date", "2024-06-30")),
        ("落实常态化监测预警措施。\n时限要求：持续推进", 2024, ("持续推进", "continuous", None)),
        ("做好工作。\n完成時限：長期堅持", 2024, ("長期堅持", "ongoing", None)),
        ("做好工作。\n完成时限：2024年12月底前", 2024, ("2024年12月底前", "date", "2024-12-31")),
        ("做好工作。\n完成时限：长期", 2024, ("长期", "ongoing", None)),
        # the latest of several dates
        ("6月底前出台方案，年底前全面完成。", 2024, ("年底前", "year_end", "2024-12-31")),
    ],
)
def test_find_deadline(text, year, expected):
    deadline = find_deadline(text, year)
    assert deadline is not None
    assert (deadline.text, deadline.kind, deadline.date) == expected
    assert text[deadline.start : deadline.end] == deadline.text
    assert deadline.line is None


@pytest.mark.parametrize(
    "text",
    [
        "建立拖欠账款问题线索转办机制。",
        "贯彻落实《东湖省职业技能提升行动方案（2023—2025年底前）》。",
        "实施2021-2023年行动计划。",
        "2024年工作要点。",
        "常态化开展文旅场所安全隐患排查整治。",
        "持续推进职业病危害专项治理工作。修订评估管理制度。",
        "长期坚持和完善协商制度。",
    ],
)
def test_find_deadline_negatives(text):
    assert find_deadline(text, 2024) is None


# --- targets --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("全年开展补贴性职业技能培训不少于100万人次。", [("不少于100万人次", 1000000, "人次", "补贴性职业技能培训")]),
        ("建设市级产教融合实训基地10个。", [("10个", 10, "个", "市级产教融合实训基地")]),
        ("乡镇应急救援队伍建成率达到30%。", [("30%", 30, "%", "乡镇应急救援队伍建成率")]),
        ("全年引进高校毕业生5万名。", [("5万名", 50000, "名", "引进高校毕业生")]),
        ("全年为经营主体减税降费8亿元。", [("8亿元", 800000000, "元", "为经营主体减税降费")]),
        ("城镇新增就业2.5万人。", [("2.5万人", 25000, "人", "城镇新增就业")]),
        ("网上可办率达到95%以上。", [("95%以上", 95, "%", "网上可办率")]),
        ("企业开办全流程压缩至1个工作日以内。", [("1个工作日以内", 1, "个工作日", "企业开办全流程")]),
        ("实际使用外资增长10%。", [("增长10%", 10, "%", "实际使用外资")]),
        ("实施10项民生实事项目。", [("10项", 10, "项", "民生实事项目")]),
        ("设立规模不少于5亿元的科创基金。", [("不少于5亿元", 500000000, "元", "科创基金规模")]),
        ("新增风电、光伏装机容量200万千瓦。", [("200万千瓦", 2000000, "千瓦", "新增风电、光伏装机容量")]),
        ("全市PM2.5平均浓度控制在32微克/立方米以下。", [("32微克/立方米以下", 32, "微克/立方米", "PM2.5平均浓度")]),
        ("累計建成5G基站8萬個。", [("8萬個", 80000, "個", "5G基站")]),
        ("全年糧食播種面積穩定在30萬畝以上。", [("30萬畝以上", 300000, "畝", "糧食播種面積")]),
        ("資助學生不少於2000人次。", [("不少於2000人次", 2000, "人次", "資助學生")]),
        ("2024年8月底前建成投用新建学校10所。", [("10所", 10, "所", "新建学校")]),
        ("培训1,500人次。", [("1,500人次", 1500, "人次", "培训")]),
        ("组织线上线下招聘活动100场以上，帮助重点企业招用工2万人。",
         [("100场以上", 100, "场", "线上线下招聘活动"), ("2万人", 20000, "人", "帮助重点企业招用工")]),
        ("举办第四届技能大赛，参赛选手1000名。", [("1000名", 1000, "名", "参赛选手")]),
        # the figure before what it counts
        ("支持建设10个省高技能人才专项公共实训基地、20个省技能大师工作室、评选100名省技能领军人才。",
         [("10个", 10, "个", "省高技能人才专项公共实训基地"), ("20个", 20, "个", "省技能大师工作室"),
          ("100名", 100, "名", "省技能领军人才")]),
        ("围绕重点产业开展10项重大工程劳动竞赛、100项引领性技能竞赛。",
         [("10项", 10, "项", "重大工程劳动竞赛"), ("100项", 100, "项", "引领性技能竞赛")]),
        ("全年新增40个评价技术资源成果。", [("40个", 40, "个", "评价技术资源成果")]),
    ],
)
def test_find_targets(text, expected):
    targets = find_targets(text)
    assert [(t.text, t.value, t.unit, t.counted) for t in targets] == expected
    for target in targets:
        assert text[target.start : target.end] == target.text
        assert isinstance(target.value, float) and target.line is None


@pytest.mark.parametrize(
    "text",
    [
        "举办第四届职业技能大赛。",
        "开展第21个“安全生产月”活动。",
        "认定第三批技能大师工作室。",
        "实施2021-2023年提升行动。",
        "2023年6月底前完成。",
        "按照《关于推进30%项目提质的通知》执行。",
        "推行“8+X”服务模式。",
        "青政办发〔2024〕17号",
        "1.深化改革。（1）完善机制。",
        "全市PM2.5浓度持续下降，5G网络全覆盖。",
        "于6月25日、12月20日前报送。",
    ],
)
def test_find_targets_negatives(text):
    assert find_targets(text) == []


# --- documents --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("对照《东湖省营商环境评价实施方案》开展自评。", ["《东湖省营商环境评价实施方案》"]),
        ("按照《白沙市贯彻落实〈东湖省生态环境保护督察整改方案〉的实施方案》推进整改销号。",
         ["《白沙市贯彻落实〈东湖省生态环境保护督察整改方案〉的实施方案》"]),
        ("贯彻《中华人民共和国劳动法》《江苏省集体协商条例》。", ["《中华人民共和国劳动法》", "《江苏省集体协商条例》"]),
        ("落实《关于印发《甲方案》的通知》要求。", ["《关于印发《甲方案》的通知》"]),
        ("落實《雲嶺縣鄉村振興促進條例》。", ["《雲嶺縣鄉村振興促進條例》"]),
        ("推动设立关于30%的目标。", []),
        ("未闭合《标题", []),
    ],
)
def test_find_documents(text, expected):
    references = find_documents(text)
    assert [r.title for r in references] == expected
    assert all(text[r.start : r.end] == r.title and r.line is None for r in references)


# --- persons ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("扩大有效投资。\n牵头责任领导：张某某（常务副市长）\n牵头责任单位：市发展和改革委员会",
         [("张某某", "常务副市长", "lead_leader")]),
        ("做好工作。\n牵头领导：刘某某\n（常务副县长）\n牵头责任单位：县发展和改革局", [("刘某某", "常务副县长", "lead_leader")]),
        ("做好工作。\n责任领导：王某（副市长）、赵某某（副市长）", [("王某", "副市长", "lead_leader"), ("赵某某", "副市长", "lead_leader")]),
        ("做好工作。\n牵头领导：陈某（副县长），周某某（副县长）", [("陈某", "副县长", "lead_leader"), ("周某某", "副县长", "lead_leader")]),
        ("做好工作。（牵头领导：李某某（副市长）；牵头单位：市商务局）", [("李某某", "副市长", "lead_leader")]),
        ("做好工作。\n牵头领导：副市长李某", [("李某", "副市长", "lead_leader")]),
        ("做好工作。\n牽頭責任領導：趙某某（副市長）", [("趙某某", "副市長", "lead_leader")]),
        ("做好工作。（牵头单位：市人社局；责任单位：市财政局）", []),
        ("加强领导干部安全生产责任制。", []),
    ],
)
def test_find_persons(text, expected):
    people = find_persons(text)
    assert [(p.text, p.title, p.role) for p in people] == expected
    assert all(text[p.start : p.end] == p.text and p.line is None for p in people)


# --- the vocabulary is data ---------------------------------------------------------------


RAW = knowledge.load_raw()


@pytest.mark.parametrize("spec", RAW["deadline"]["patterns"], ids=lambda p: p["name"])
def test_deadline_patterns_match_their_examples(spec):
    assert spec["examples"], spec["name"]
    regex = re.compile(spec["pattern"])
    for example, date in spec["examples"]:
        assert regex.fullmatch(example), f"{spec['name']} does not match {example!r}"
        if spec["in_text"]:
            deadline = find_deadline(f"做好工作，{example}。", 2030)
        else:
            deadline = find_deadline(f"做好工作。\n完成时限：{example}", 2030)
        assert deadline is not None and deadline.kind == spec["kind"]
        assert deadline.date == (date.replace("YYYY", "2030") if date else None)
    for example in spec.get("not_in_text", []):
        assert find_deadline(example, 2030) is None, example


@pytest.mark.parametrize("label", RAW["deadline"]["labels"], ids=lambda l: l["label"])
def test_deadline_labels_match_their_examples(label):
    for example in label["examples"]:
        deadline = find_deadline(f"做好工作，6月底前完成。\n{example}", 2024)
        assert deadline is not None and example.endswith(deadline.text)


@pytest.mark.parametrize("word", RAW["targets"]["measure_words"], ids=lambda w: w["word"])
def test_measure_words_match_their_examples(word):
    for example in word["examples"]:
        targets = find_targets(example)
        assert [t.unit for t in targets] == [word.get("unit", word["word"])], example


@pytest.mark.parametrize("multiplier", RAW["targets"]["multipliers"], ids=lambda m: m["word"])
def test_multipliers_match_their_examples(multiplier):
    for example in multiplier["examples"]:
        (target,) = find_targets(example)
        assert target.value == int(re.match(r"\d+", example).group()) * multiplier["factor"]


def test_target_qualifiers_exclusions_and_counted_examples():
    for example in RAW["targets"]["qualifiers"]["examples"]:
        assert [t.text for t in find_targets(example)] == [example]
    for example in RAW["targets"]["excluded"]["examples"]:
        assert find_targets(example) == [], example
    for example, counted in RAW["targets"]["counted"]["examples"]:
        assert [t.counted for t in find_targets(example)] == [counted]


def test_documents_and_persons_examples():
    for example in RAW["documents"]["examples"]:
        assert len(find_documents(example)) == 1
    for label in RAW["persons"]["labels"]:
        for example in label["examples"]:
            people = find_persons(f"做好工作。\n{example}")
            assert people and all(p.role == label["role"] and p.title for p in people), example
    for example in RAW["persons"]["title_examples"]:
        assert [p.title for p in find_persons(f"做好工作。\n{example}")] == ["副市长"]


def test_finders_survive_hostile_input():
    import time

    for hostile in ("1" * 5000 + "个", "《" * 3000 + "》" * 10, "牵头领导：" + "（" * 3000, "年" * 5000 + "底前", "不少于" * 2000):
        started = time.perf_counter()
        find_deadline(hostile, 2024), find_targets(hostile), find_documents(hostile), find_persons(hostile)
        assert time.perf_counter() - started < 1.0


# --- agreement with the gold set ----------------------------------------------------------


def _number_key(number: str) -> int | str:
    value = to_int(number.strip("（）()、.．"))
    return value if value is not None else number


def _healed_lines(path: Path) -> list[str]:
    text, _ = decode(path.read_bytes())
    return [heal_line(line)[0].strip() for line in text.splitlines()]


def _gold_item_texts(path: Path, gold: dict) -> list[tuple[dict, str | None]]:
    """Each gold item with its text in the notice: from its heading line (number and title as in
    the gold) up to the next numbered heading or blank line; label lines keep their ``\\n``."""
    lines = _healed_lines(path)
    found = []
    for item in gold["items"]:
        text = None
        for index, line in enumerate(lines):
            heading = match_heading(line)
            if heading is None or _number_key(heading[1]) != _number_key(item["number"]):
                continue
            rest = line[heading[2] :]
            if not rest.startswith(item["title"]):
                continue
            parts = [rest]
            for following in lines[index + 1 :]:
                if not following or match_heading(following):
                    break
                parts.append(following)
            text = "\n".join(parts)
            break
        found.append((item, text))
    return found


def _make_eval_files():
    import importlib.util

    name = "fengong_make_eval_files_knowledge"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, EVAL / "make_eval_files.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def _table_item_texts(case: str, gold: dict) -> list[tuple[dict, str | None]]:
    """Table notices (.docx/.html): the task cell, then ``header：cell`` lines for the other columns,
    the way a table row reads as an item."""
    make_eval_files = _make_eval_files()
    spec = next(v for k, v in make_eval_files.CASES.items() if make_eval_files.case_name(k) == case)
    headers = spec["headers"]
    rows: dict[str, list[list[str | None]]] = {}
    number = None
    for row in spec["rows"]:
        if isinstance(row, dict):
            continue
        number = row[0] if row[0] is not None else number
        rows.setdefault(number, []).append(row)
    found = []
    for item in gold["items"]:
        group = rows.get(item["number"])
        if not group:
            found.append((item, None))
            continue
        first = group[0]
        lines = [first[1]]
        for row in group:
            for header, cell in zip(headers[2:], row[2:]):
                if cell is not None:
                    lines.append(f"{header}：{cell}")
        cells = "\n".join(lines).split("\n")  # a line break inside a cell stays a line break
        found.append((item, "\n".join(heal_line(line)[0] for line in cells)))
    return found


def _compare(items: list[tuple[str, dict, str | None]], years: dict[str, int]) -> dict[str, tuple[int, int, list[str]]]:
    figures: dict[str, tuple[int, int, list[str]]] = {}
    totals = {kind: [0, 0, []] for kind in ("deadline", "targets", "documents", "persons", "counted", "target_text")}

    def record(kind: str, ok: bool, where: str, got, want) -> None:
        totals[kind][0] += ok
        totals[kind][1] += 1
        if not ok:
            totals[kind][2].append(f"{where}: got {got!r}, gold {want!r}")

    for case, item, text in items:
        where = f"{case} {item['number']} {item['title'][:12]}"
        if text is None:
            for kind in ("deadline", "targets", "documents", "persons"):
                record(kind, False, where, "item not found", "")
            continue
        year = years[case]
        deadline = find_deadline(text, year)
        got = (deadline.text, deadline.kind, deadline.date) if deadline else None
        gold = item.get("deadline")
        want = (gold["text"], gold["kind"], gold.get("date")) if gold else None
        record("deadline", got == want, where, got, want)
        targets = find_targets(text)
        got_values = sorted((t.value, t.unit) for t in targets)
        want_values = sorted((float(t["value"]), t["unit"]) for t in item.get("targets", []))
        record("targets", got_values == want_values, where, got_values, want_values)
        by_value = {(t.value, t.unit): t for t in targets}
        for wanted in item.get("targets", []):
            mine = by_value.get((float(wanted["value"]), wanted["unit"]))
            if mine is not None:
                record("target_text", mine.text == wanted["text"], where, mine.text, wanted["text"])
                record("counted", mine.counted == wanted["counted"], where, mine.counted, wanted["counted"])
        got_docs = [r.title for r in find_documents(text)]
        record("documents", got_docs == item.get("documents", []), where, got_docs, item.get("documents", []))
        got_people = [(p.text, p.title, p.role) for p in find_persons(text)]
        want_people = [(p["text"], p["title"], p["role"]) for p in item.get("persons", [])]
        record("persons", got_people == want_people, where, got_people, want_people)
    for kind, (ok, total, misses) in totals.items():
        figures[kind] = (ok, total, misses)
    return figures


def _gold_items(kinds: tuple[str, ...]) -> tuple[list[tuple[str, dict, str | None]], dict[str, int]]:
    items, years = [], {}
    for gold_path in sorted(EVAL.glob("*.gold.json")):
        case = gold_path.name[: -len(".gold.json")]
        notice = next((p for p in EVAL.glob(case + ".*") if p.suffix in (".txt", ".docx", ".html")), None)
        if notice is None or notice.suffix.lstrip(".") not in kinds:
            continue
        gold = json.loads(gold_path.read_text("utf-8"))
        years[case] = int(gold["meta"].get("year") or gold["meta"]["date"][:4])
        pairs = _gold_item_texts(notice, gold) if notice.suffix == ".txt" else _table_item_texts(case, gold)
        items.extend((case, item, text) for item, text in pairs)
    return items, years


def agreement(kinds: tuple[str, ...] = ("txt",)) -> dict[str, tuple[int, int, list[str]]]:
    """``{kind: (agreeing items, items, disagreements)}`` over the gold items of the given notice formats."""
    items, years = _gold_items(kinds)
    return _compare(items, years)


def _check(figures: dict[str, tuple[int, int, list[str]]], thresholds: dict[str, float]) -> None:
    problems = []
    for kind, threshold in thresholds.items():
        ok, total, misses = figures[kind]
        assert total, kind
        if ok / total < threshold:
            problems.append(f"{kind}: {ok}/{total} = {ok / total:.1%} < {threshold:.0%}\n  " + "\n  ".join(misses))
    assert not problems, "\n".join(problems)


THRESHOLDS = {"deadline": 0.95, "documents": 0.95, "persons": 0.95, "targets": 0.90}


def test_agreement_with_gold_text_notices():
    figures = agreement(("txt",))
    assert figures["deadline"][1] == 81  # every gold item of the .txt notices was found
    _check(figures, THRESHOLDS)


def test_agreement_with_gold_table_notices():
    """The table notices (.docx/.html), each row read as ``task`` + ``header：cell`` lines."""
    _check(agreement(("docx", "html")), THRESHOLDS)


if __name__ == "__main__":  # figures and disagreements, for the report
    for kinds in (("txt",), ("docx", "html")):
        print("==", kinds)
        for kind, (ok, total, misses) in agreement(kinds).items():
            print(f"{kind}: {ok}/{total} = {ok / total:.1%}")
            for miss in misses:
                print("   ", miss)
