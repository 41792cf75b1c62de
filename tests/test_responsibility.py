"""Attribution clauses and unit lists: table-driven cases and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.responsibility import split_units, text_to_attributions


def units_of(text: str) -> list[tuple[str, str, int]]:
    return [(u.raw, u.role, u.order) for a in text_to_attributions(text) for u in a.units]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("做好工作。（责任单位：省委宣传部、省总工会）", [("省委宣传部", "responsible", 1), ("省总工会", "responsible", 2)]),
        ("做好工作。（牵头单位：市人社局；责任单位：市财政局、市教育局）",
         [("市人社局", "lead", 1), ("市财政局", "responsible", 2), ("市教育局", "responsible", 3)]),
        ("做好工作。（牵头单位：市人社局；配合单位：市财政局）", [("市人社局", "lead", 1), ("市财政局", "support", 2)]),
        ("做好工作。（责任单位：市发改委、市财政局等有关部门）", [("市发改委", "responsible", 1), ("市财政局", "responsible", 2)]),
        ("做好工作。（责任单位：市教育局及市体育局）", [("市教育局", "responsible", 1), ("市体育局", "responsible", 2)]),
        ("做好工作。（责任单位：市文化和旅游局）", [("市文化和旅游局", "responsible", 1)]),
        ("做好工作。（责任单位：各县（市、区）政府、市民政局）", [("各县（市、区）政府", "responsible", 1), ("市民政局", "responsible", 2)]),
        ("在省、设区市、县（市、区）开展试点。（责任单位：省人社厅）", [("省人社厅", "responsible", 1)]),
        ("做好工作（2021-2023年）。", []),
        ("《江苏省职业学校学生实习管理实施细则》（责任单位：省教育厅）", [("省教育厅", "responsible", 1)]),
    ],
)
def test_responsibility_clause_forms(text, expected):
    assert units_of(text) == expected


def test_responsibility_spans_point_into_text():
    text = "甲。（责任单位：省产改办、省产改联席会议成员单位、各设区市）"
    (attribution,) = text_to_attributions(text)
    assert text[attribution.start : attribution.end] == "（责任单位：省产改办、省产改联席会议成员单位、各设区市）"
    assert [text[u.start : u.end] for u in attribution.units] == ["省产改办", "省产改联席会议成员单位", "各设区市"]


UNIT_CHARS = st.sampled_from(list("省市县区委厅局办会各（）()〔〕、，,；;及等有关部门责任单位牵头配合：: \n"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=UNIT_CHARS, max_size=80))
def test_responsibility_split_never_crashes_and_units_are_substrings(text):
    for raw, start, end in split_units(text, 0):
        assert raw and text[start:end] == raw


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=UNIT_CHARS, max_size=40), st.text(alphabet=UNIT_CHARS, max_size=60))
def test_responsibility_every_unit_lies_in_its_clause(before, clause_body):
    text = f"{before}（责任单位：{clause_body}）"
    for attribution in text_to_attributions(text):
        clause = text[attribution.start : attribution.end]
        for unit in attribution.units:
            assert text[unit.start : unit.end] == unit.raw
            assert attribution.start <= unit.start < unit.end <= attribution.end
            assert unit.raw in clause


@pytest.mark.parametrize(
    "text, expected",
    [
        ("做好工作。（市人社局牵头，市财政局、市教育局配合）",
         [("市人社局", "lead", 1), ("市财政局", "support", 2), ("市教育局", "support", 3)]),
        ("做好工作。（市人社局牵头，市财政局、市教育局等按职责分工负责）",
         [("市人社局", "lead", 1), ("市财政局", "responsible", 2), ("市教育局", "responsible", 3)]),
        ("做好工作。（市人社局、市财政局按职责分工负责）", [("市人社局", "responsible", 1), ("市财政局", "responsible", 2)]),
        ("做好工作。（市人社局、市财政局分别负责）", [("市人社局", "responsible", 1), ("市财政局", "responsible", 2)]),
        ("做好工作。（市人社局、市财政局）", [("市人社局", "responsible", 1), ("市财政局", "responsible", 2)]),
        ("做好工作（试行）。", []),
        ("做好工作。（牽頭單位：市人社局；責任單位：市財政局）", [("市人社局", "lead", 1), ("市財政局", "responsible", 2)]),
        ("做好工作。\n牵头单位：市人社局\n责任单位：市财政局，市教育局", [("市人社局", "lead", 1), ("市财政局", "responsible", 2), ("市教育局", "responsible", 3)]),
        ("做好工作。\n牵头责任领导：张某某（副市长）\n牵头责任单位：区科技局\n协同责任单位：区财政局\n完成时限：2024年底前",
         [("区科技局", "lead", 1), ("区财政局", "support", 2)]),
    ],
)
def test_responsibility_other_forms(text, expected):
    assert units_of(text) == expected


@pytest.mark.parametrize(
    "names, completed",
    [
        (["省商务厅", "财政厅", "发展改革委"], ["省商务厅", "省财政厅", "省发展改革委"]),
        (["青川", "临江", "白沙市人民政府"], ["青川市人民政府", "临江市人民政府", "白沙市人民政府"]),
        (["市教育局", "团市委"], ["市教育局", "团市委"]),
    ],
)
def test_responsibility_names_completed_within_a_list(names, completed):
    from pipeline.extract.normalise import complete_names

    assert complete_names(names) == completed


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("市发展和改革委员会", "市发改委"),
        ("市人力资源和社会保障局", "市人社局"),
        ("青川市人民政府", "青川市政府"),
        ("共青团青川市委员会", "团市委"),
        ("市財政廳", "市财政厅"),
    ],
)
def test_responsibility_canonical_forms(written, canonical):
    from pipeline.extract.normalise import canonical_form

    assert canonical_form(written) == canonical


def test_responsibility_section_lead_passes_down(write_notice):
    import pipeline

    doc = pipeline.parse(write_notice("临江区工作要点\n\n一、强化科技创新(区科技局牵头)\n\n1.建设平台。(区财政局负责)\n\n2.培育企业。\n"))
    first, second = doc.items
    assert [(r.unit, r.role, r.attribution) for r in first.responsibilities] == [("区科技局", "lead", 0), ("区财政局", "responsible", 1)]
    assert [(r.unit, r.role) for r in second.responsibilities] == [("区科技局", "lead")]
    lead = second.responsibilities[0]
    assert second.clause_host(lead)[lead.start : lead.end] == "区科技局"


def test_responsibility_table_rows_become_items():
    import pipeline
    from conftest import FIXTURES

    doc = pipeline.parse(FIXTURES / "formats" / "tablenotice.docx")
    item = doc.items[1]
    assert (item.id, item.title) == ("main/2", "推行企业开办“一日办结”，全程网上办理")
    assert [(r.unit, r.role) for r in item.responsibilities] == [
        ("县市场监管局", "lead"), ("县公安局", "support"), ("县税务局", "support"), ("县人社局", "support"),
    ]
    assert (item.deadline.text, item.deadline.date) == ("2024年6月底前", "2024-06-30")
    for r in item.responsibilities:
        assert item.text[r.start : r.end] == r.unit_raw


@pytest.mark.parametrize(
    "text, expected",
    [
        ("推进工作。\n牵头：办公室\n配合：综合执法队、各社区居委会", [("办公室", "lead", 1), ("综合执法队", "support", 2), ("各社区居委会", "support", 3)]),
        ("推进工作。牵头单位为市发改委，配合单位为市财政局、市商务局。", [("市发改委", "lead", 1), ("市财政局", "support", 2), ("市商务局", "support", 3)]),
        ("推进工作（省工信厅为牵头单位，省财政厅为配合单位）", [("省工信厅", "lead", 1), ("省财政厅", "support", 2)]),
        ("推进工作。此项工作由市政务服务管理局牵头。", [("市政务服务管理局", "lead", 1)]),
        ("推进工作。由市金融工作局、人民银行沅水市分行共同牵头，沅水金融监管分局和各商业银行配合。",
         [("市金融工作局", "lead", 1), ("人民银行沅水市分行", "lead", 2), ("沅水金融监管分局", "support", 3), ("各商业银行", "support", 4)]),
        ("增长5.5%。（分管副市长：赵某某；牵头单位：市发改委；配合单位：市统计局）", [("市发改委", "lead", 1), ("市统计局", "support", 2)]),
        ("规范诊疗。（责任科室：医政医管科（牵头）、医务科）", [("医政医管科", "lead", 1), ("医务科", "responsible", 2)]),
        ("推进工作。（主责单位：县教育局；协办单位：县自然资源局；参与单位：梧桐镇人民政府）",
         [("县教育局", "lead", 1), ("县自然资源局", "support", 2), ("梧桐镇人民政府", "support", 3)]),
        ("推进工作。（县教育局负总责，县公安局、县财政局配合）", [("县教育局", "lead", 1), ("县公安局", "support", 2), ("县财政局", "support", 3)]),
        ("推进工作。（市教育局和市体育局按职责分工负责）", [("市教育局", "responsible", 1), ("市体育局", "responsible", 2)]),
        ("推进工作。（责任单位：市司法局（排名第一的为牵头单位，下同）、市公安局）", [("市司法局", "responsible", 1), ("市公安局", "responsible", 2)]),
        ("持续推进职业病危害专项治理工作。", []),
    ],
)
def test_responsibility_wordings_from_the_held_out_sets(text, expected):
    assert units_of(text) == expected


def test_responsibility_party_prefix_restored_for_party_departments():
    from pipeline.extract.normalise import complete_names

    assert complete_names(["区委宣传部", "网信办", "财政局"]) == ["区委宣传部", "区委网信办", "区财政局"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("推进执法。（竞争执法处牵头，法规处配合，各市市场监管局具体落实）",
         [("竞争执法处", "lead", 1), ("法规处", "support", 2), ("各市市场监管局", "responsible", 3)]),
        ("推进改革。（法规处牵头，各市市场监管局配合）", [("法规处", "lead", 1), ("各市市场监管局", "support", 2)]),
        ("推进工作。（省人社厅会同省住建厅负责）", [("省人社厅", "responsible", 1), ("省住建厅", "support", 2)]),
        ("修缮道路。（责任单位：市交通运输局、市农业农村局和沿线各镇（街道））",
         [("市交通运输局", "responsible", 1), ("市农业农村局", "responsible", 2), ("沿线各镇（街道）", "responsible", 3)]),
        ("推进拆迁.由征收安置中心牵头,各园区服务中心和社会事务局配合,年内建成安置房1200套.",
         [("征收安置中心", "lead", 1), ("各园区服务中心", "support", 2), ("社会事务局", "support", 3)]),
        ("办好服务。(社会事务局牵头,党政办公室(人力资源部)配合)", [("社会事务局", "lead", 1), ("党政办公室（人力资源部）", "support", 2)]),
        ("（责任单位：镇村镇建设办公室和镇财政所）", [("镇村镇建设办公室", "responsible", 1), ("镇财政所", "responsible", 2)]),
    ],
)
def test_responsibility_wordings_from_the_second_blind_set(text, expected):
    from pipeline.heal import heal_line

    assert units_of(heal_line(text)[0]) == expected  # as the parser sees it: healed (ASCII punctuation widened)


@pytest.mark.parametrize(
    "text, convention",
    [
        ("列有两个及以上责任部门的，列第一位的部门为牵头部门。", "first_listed_is_lead"),
        ("排在首位的为牵头单位。", "first_listed_is_lead"),
        ("只列明责任单位的任务，所列责任单位均为牵头单位。", "responsible_is_lead_when_no_lead"),
        ("各单位要按时报送进展。", None),
    ],
)
def test_responsibility_stated_conventions(text, convention):
    from pipeline.extract.responsibility import detect_convention

    assert detect_convention(text) == convention


@pytest.mark.parametrize(
    "text, expected",
    [
        ("推进工作。\n牵头处室（单位）：耕地保护监督处\n配合处室（单位）：省国土资源调查规划院",
         [("耕地保护监督处", "lead", 1), ("省国土资源调查规划院", "support", 2)]),
        ("审议报告。\n牵头工委：财政经济工委\n配合单位：各街道人大工委", [("财政经济工委", "lead", 1), ("各街道人大工委", "support", 2)]),
        ("推进改革。（省财政厅等省直有关单位按职责分工负责）", [("省财政厅", "responsible", 1)]),
        ("做好养老。（省民政厅牵头，省财政厅、省卫健委配合；2026年9月底前完成）",
         [("省民政厅", "lead", 1), ("省财政厅", "support", 2), ("省卫健委", "support", 3)]),
        ("深化查处。建立“黑名单”制度，由案件审理室负责，信访室和市公共资源交易中心配合。",
         [("案件审理室", "responsible", 1), ("信访室", "support", 2), ("市公共资源交易中心", "support", 3)]),
        ("按时报送办公厅（室）。", []),
    ],
)
def test_responsibility_wordings_from_the_third_blind_set(text, expected):
    assert units_of(text) == expected


def test_responsibility_convention_first_lead_rest_support():
    from pipeline.extract.responsibility import apply_convention, detect_convention, text_to_attributions

    convention = detect_convention("列有两个及以上责任单位的，排在第一位的为牵头单位，其余为配合单位。")
    assert convention == "first_listed_is_lead_rest_support"
    (attribution,) = text_to_attributions("修路。（责任单位：镇建设办、柏坪村村民委员会）")
    assert [u.role for u in apply_convention(attribution.units, convention)] == ["lead", "support"]


def test_responsibility_prefix_only_from_government_bodies():
    from pipeline.extract.normalise import complete_names

    assert complete_names(["园区投资运营公司", "规划建设局"]) == ["园区投资运营公司", "规划建设局"]
