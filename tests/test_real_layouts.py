"""How real notices arrive (issue 8): each layout and hazard reproduced in our own words.

Every case is a small fictitious notice as a web page renders it, and the (item head, unit, role)
triples a reader expects from it. The heads are the first characters of each task's title.
"""

from __future__ import annotations

import pytest

import pipeline
from pipeline.heal import GLOSS
from pipeline.analysis.matrix import documents_to_long

# ---------------------------------------------------------------- tables flattened into text

CELL_LINES_BLANK = """松溪区2023年重点工作分解表

序号

重点

工作

牵头

单位

配合单位

完成

时限

1

建设区级养老服务中心

区民政局

区财政局、区卫健委

2023年底

2

新增公共停车位800个

区住建局

区交警大队

2023年9月
"""

CELL_LINES_BAR = """序号 |
工作任务 |
责任领导 |
责任单位 |
完成时限 |
1 |
推进河道综合整治 |
周明 |
区水务局、区城管局 |
全年 |
2 |
完成老旧小区改造12个 |
吴刚 |
区住建局 |
年底 |
"""

BAR_LINES_BETWEEN = """序号
|
重点任务
|
牵头单位
|
责任单位
|
1
|
开展全民健身活动
|
区文体局
|
各街道办事处
"""

PIPE_ROWS = """序号 | 重点任务 | 牵头单位 | 配合单位 | 进展情况 |
1 | 建设智慧停车平台 | 市交通运输局 | 市大数据局 | 已完成60% |
2 | 完成污水管网改造30公里 | 市水务局 | 市财政局、市住建局 | 推进中 |
"""

PIPE_MERGED_CATEGORY = """类别 | 事项名称 | 年度目标 | 责任单位 | 分管领导 |
一、民生保障 | 1.新建社区食堂20个 | 年底前全部建成 | 民政局 | 王强 |
2.提高城乡低保标准 | 不低于每月800元 | 民政局 | 王强 |
"""

SPACE_ROWS = """序号 项目名称 责任单位 目标任务 完成率 备注
1 新增城镇就业 区人社局 5000人 80%
2 改造农村公路 区交通局 60公里 95% 已基本完工
提质改造桥梁 区交通局 12座 100%
"""

TAB_ROWS = "序号\t工作任务\t牵头单位\t配合单位\n1\t推进垃圾分类\t县城管局\t各乡镇\n2\t建设体育公园\t县文体局\t县财政局\n"

UNIT_COLUMN_UNNAMED = """序号 考核指标 计量单位 目标 已完成 备注
1 新增城镇就业 万人 1.2 1.3 人力资源社会保障局
2 农村公路建设 公里 300 310 交通运输局
3 新增养老床位 张 500 520 民政局
"""

UNIT_BROKEN = """序号

主要任务

牵头单位

1

建设数据共享平台

市数据资源

管理局

2

推进政务服务一网通办

市政务服务中心
"""

SPACES_BETWEEN_UNITS = """序號 | 項目名稱 | 責任單位 |
1 | 敬老院電梯加裝工程 | 縣民政局 各相關鄉鎮街道 |
2 | 學校護眼燈光工程 | 縣教育局 |
"""

GLOSSES = """序號(hào) | 任務(wù)項目 | 責(zé)任單位 |
1 | 新增社區食堂(táng)10個 | 區(qū)民政局 |
2 | 培訓(xùn)急救人員 | 區(qū)紅十字會(huì) |
"""

# ---------------------------------------------------------------- paragraphs holding several tasks

CLOSING_BRACKETS = """一、深化政务公开
（一）做好重点工作信息公开。发布城市更新规划信息。（市规划委负责落实）推进区域协同发展信息公开。（市发展改革委、市商务局分别负责落实）及时公开重大项目进展情况。（市重大项目办负责落实）
"""

SUBJECT_CLAUSES = """三、保障措施
（二）明确分工，落实责任。市发改委负责提出全市节能规划；市经信局负责全市工业节能；市住建局、市规划局负责建筑节能；各县区政府负责本行政区域内节能工作。
"""

LABEL_AFTER_COMMA = """二、部分项目进展情况
1、农村道路畅通工程，牵头部门：市交通局。建设进度较慢的县区为北山县。
2、农村饮水巩固提升工程，牵头部门：市水利局。未完成任务的县区为南河县。
"""

LOST_NUMERALS = """一、工作分工
（）关于扩大农业保险覆盖面的问题，由财政部牵头，会同农业农村部、银保监会提出具体实施意见。
（）关于完善粮食收购政策的问题，由发展改革委牵头，会同粮食局、农业发展银行研究提出意见。
"""

NUMBERS_OVER_999 = """序号 | 重点任务 | 责任单位 |
1001 | 建设城市书房 | 区文旅局 |
1002 | 开展全民阅读 | 区教育局 |
"""

CASES = {
    "cell_lines_blank": (CELL_LINES_BLANK, [
        ("建设区级养老服务", "区民政局", "lead"), ("建设区级养老服务", "区财政局", "support"), ("建设区级养老服务", "区卫健委", "support"),
        ("新增公共停车位8", "区住建局", "lead"), ("新增公共停车位8", "区交警大队", "support"),
    ]),
    "cell_lines_bar": (CELL_LINES_BAR, [
        ("推进河道综合整治", "区水务局", "responsible"), ("推进河道综合整治", "区城管局", "responsible"),
        ("完成老旧小区改造", "区住建局", "responsible"),
    ]),
    "bar_lines_between": (BAR_LINES_BETWEEN, [("开展全民健身活动", "区文体局", "lead"), ("开展全民健身活动", "各街道办事处", "responsible")]),
    "pipe_rows": (PIPE_ROWS, [
        ("建设智慧停车平台", "市交通运输局", "lead"), ("建设智慧停车平台", "市大数据局", "support"),
        ("完成污水管网改造", "市水务局", "lead"), ("完成污水管网改造", "市财政局", "support"), ("完成污水管网改造", "市住建局", "support"),
    ]),
    "pipe_merged_category": (PIPE_MERGED_CATEGORY, [("新建社区食堂20", "民政局", "responsible"), ("提高城乡低保标准", "民政局", "responsible")]),
    "space_rows_and_sub_rows": (SPACE_ROWS, [
        # (the sub-row's unit is the row's: once per task)
        ("新增城镇就业", "区人社局", "responsible"), ("改造农村公路", "区交通局", "responsible"),
    ]),
    "tab_rows": (TAB_ROWS, [
        ("推进垃圾分类", "县城管局", "lead"), ("推进垃圾分类", "各乡镇", "support"),
        ("建设体育公园", "县文体局", "lead"), ("建设体育公园", "县财政局", "support"),
    ]),
    "unit_column_named_otherwise": (UNIT_COLUMN_UNNAMED, [
        ("新增城镇就业", "人力资源社会保障局", "responsible"), ("农村公路建设", "交通运输局", "responsible"), ("新增养老床位", "民政局", "responsible"),
    ]),
    "unit_broken_across_lines": (UNIT_BROKEN, [("建设数据共享平台", "市数据资源管理局", "lead"), ("推进政务服务一网", "市政务服务中心", "lead")]),
    "units_separated_by_spaces": (SPACES_BETWEEN_UNITS, [
        ("敬老院電梯加裝工", "縣民政局", "responsible"), ("敬老院電梯加裝工", "各相關鄉鎮街道", "responsible"), ("學校護眼燈光工程", "縣教育局", "responsible"),
    ]),
    # (unit_raw as written, glosses kept; the canonical unit has none: test_real_layout_glossed_unit_is_healed)
    "pinyin_glosses": (GLOSSES, [("新增社區食堂10", "區(qū)民政局", "responsible"), ("培訓急救人員", "區(qū)紅十字會(huì)", "responsible")]),
    "closing_brackets_per_sentence": (CLOSING_BRACKETS, [
        ("做好重点工作信息", "市规划委", "responsible"), ("推进区域协同发展", "市发展改革委", "responsible"),
        ("推进区域协同发展", "市商务局", "responsible"), ("及时公开重大项目", "市重大项目办", "responsible"),
    ]),
    "clauses_opening_with_units": (SUBJECT_CLAUSES, [
        ("明确分工，落实责", "市发改委", "responsible"), ("市经信局负责全市", "市经信局", "responsible"),
        ("市住建局、市规划", "市住建局", "responsible"), ("市住建局、市规划", "市规划局", "responsible"),
        ("各县区政府负责本", "各县区政府", "responsible"),
    ]),
    "label_after_comma": (LABEL_AFTER_COMMA, [("农村道路畅通工程", "市交通局", "lead"), ("农村饮水巩固提升", "市水利局", "lead")]),
    "lost_numerals": (LOST_NUMERALS, [
        ("关于扩大农业保险", "财政部", "lead"), ("关于扩大农业保险", "农业农村部", "support"), ("关于扩大农业保险", "银保监会", "support"),
        ("关于完善粮食收购", "发展改革委", "lead"), ("关于完善粮食收购", "粮食局", "support"), ("关于完善粮食收购", "农业发展银行", "support"),
    ]),
    "numbers_over_999": (NUMBERS_OVER_999, [("建设城市书房", "区文旅局", "responsible"), ("开展全民阅读", "区教育局", "responsible")]),
}

FLATTENED_PAGE = ("现将民生实事项目进展情况公示如下，接受社会监督。请各责任单位抓紧推进，确保完成年度目标任务，"
    "下阶段将加大督查考核力度，确保各项目标任务圆满完成，各单位要高度重视，认真组织实施，及时报送进展情况。 "
    "1.新建城市书房10家。 牵头领导:陈立 责任单位:市文广局 项目责任人:林一 实际完成情况:已建成6家。 "
    "2.改造农贸市场8个。 牵头领导:赵平 责任单位:市商务局 配合单位:市市场监管局、各区政府 实际完成情况:已完工5个,其余推进中。 "
    "3.新增公共充电桩500个。 牵头领导:赵平 责任单位:市发改委 配合单位:供电公司 实际完成情况:完成320个。\n")

UNNUMBERED = """昨日，市政府公布了今年十件实事的任务分解。
新建改建城市道路30条
主管领导：李明
責任單位：市城建局
进度安排：年底前完成
新增公办幼儿园学位5000个
主管领导：王芳
責任單位：市教育局
"""

SQUARE_BRACKETS = """一、重点任务
1、推进老旧小区改造，年内完成改造20个小区。［牵头单位：区住建局；责任单位：区财政局、各街道］
2、完善养老服务体系。[牵头单位:区民政局;责任单位:区卫健委]
"""

NAMES_NOBODY_LISTED = """一、重点任务
（一）开展青少年科普活动。（共青团中央、中国科协、科技部按职责分工负责）
（二）加强口岸疫情防控。（哈尔滨海关、人行哈尔滨中心支行、哈尔滨铁路局配合，省卫健委牵头）
"""

COMPAT_AND_DIGITS = """二、重点工作
1﹒建设应急指挥平台。（市应急局负责）
2﹒开展防汛演练。（市水利局负责）
6、98年以来的遗留问题全部化解。（市信访局负责）
"""

DASH_SUB_HEADINGS = """一、提升基层服务
——加强乡镇卫生院建设。（县卫健局负责）
——推进村级综合服务站全覆盖。（县民政局负责）
"""

PAGE_MARKS = """一、重点任务
（一）推进城市更新。实施老旧街区改造，完善配套设施，
—2—
提升居住品质。（市住建局牵头，市财政局配合）
2024年第3期    市政府办公室工作简报    5
（二）建设口袋公园20个。（市园林局负责）
2024年第3期    市政府办公室工作简报    6
"""

EXHORTATION = """一、重点任务
（一）完善职业技能评价。鼓励行业协会、龙头企业牵头开发评价规范。（责任单位：市人社局）
"""

LATER_CASES = {
    "flattened_page": (FLATTENED_PAGE, [
        ("新建城市书房10", "市文广局", "responsible"),
        ("改造农贸市场8个", "市商务局", "responsible"), ("改造农贸市场8个", "市市场监管局", "support"), ("改造农贸市场8个", "各区政府", "support"),
        ("新增公共充电桩5", "市发改委", "responsible"), ("新增公共充电桩5", "供电公司", "support"),
    ]),
    "unnumbered_tasks": (UNNUMBERED, [("新建改建城市道路", "市城建局", "responsible"), ("新增公办幼儿园学", "市教育局", "responsible")]),
    "square_brackets": (SQUARE_BRACKETS, [
        ("推进老旧小区改造", "区住建局", "lead"), ("推进老旧小区改造", "区财政局", "responsible"), ("推进老旧小区改造", "各街道", "responsible"),
        ("完善养老服务体系", "区民政局", "lead"), ("完善养老服务体系", "区卫健委", "responsible"),
    ]),
    "names_nobody_listed": (NAMES_NOBODY_LISTED, [
        ("开展青少年科普活", "共青团中央", "responsible"), ("开展青少年科普活", "中国科协", "responsible"), ("开展青少年科普活", "科技部", "responsible"),
        ("加强口岸疫情防控", "哈尔滨海关", "support"), ("加强口岸疫情防控", "人行哈尔滨中心支行", "support"),
        ("加强口岸疫情防控", "哈尔滨铁路局", "support"), ("加强口岸疫情防控", "省卫健委", "lead"),
    ]),
    "compatibility_forms_and_digits": (COMPAT_AND_DIGITS, [
        ("建设应急指挥平台", "市应急局", "responsible"), ("开展防汛演练", "市水利局", "responsible"), ("98年以来的遗留", "市信访局", "responsible"),
    ]),
    "dash_sub_headings": (DASH_SUB_HEADINGS, [("加强乡镇卫生院建", "县卫健局", "responsible"), ("推进村级综合服务", "县民政局", "responsible")]),
    "page_marks_and_running_headers": (PAGE_MARKS, [
        ("推进城市更新", "市住建局", "lead"), ("推进城市更新", "市财政局", "support"), ("建设口袋公园20", "市园林局", "responsible"),
    ]),
    "exhortation_is_no_clause": (EXHORTATION, [("完善职业技能评价", "市人社局", "responsible")]),
}
CASES.update(LATER_CASES)


def test_real_layout_warns_when_nothing_is_numbered(write_notice):
    document = pipeline.parse(write_notice(UNNUMBERED))
    assert "unnumbered_items" in [w.code for w in document.warnings]


def test_real_layout_unknown_names_are_kept_with_a_warning(write_notice):
    document = pipeline.parse(write_notice(NAMES_NOBODY_LISTED))
    unknown = [w.message for w in document.warnings if w.code == "unknown_unit"]
    assert any("中国科协" in m for m in unknown)


def test_real_layout_page_text_keeps_its_sentence(write_notice):
    item = pipeline.parse(write_notice(PAGE_MARKS)).items[0]
    assert "—2—" not in item.text and "简报" not in item.text

LABEL_VARIANTS = """一、重点任务
（一）建设智慧口岸。共同责任单位：市商务局、市交通局
（二）推进数字政府建设。主要责任单位：市大数据局；协同配合单位：市财政局
（三）开展质量提升行动。责任主体：市市场监管局
（四）完善应急物资储备。主要协作单位：市发改委、市粮食局
（五）加强河湖治理。责任部门：市水利局  配合部门：市生态环境局
"""

STATED_RULE = """一、重点任务（排在第一位的为牵头单位）
（一）推进垃圾分类。（市城管局、市住建局）
（二）建设海绵城市。（市住建局、市水务局、市财政局）
"""

SECTION_LEAD = """一、市发改委牵头工作（2项）
（一）编制年度重大项目计划。
（二）推进重大项目前期工作。（市自然资源局配合）
"""

SHARED_AFFIXES = """一、重点任务
（一）推进沿边口岸建设。（哈尔滨、黑河、绥芬河市政府负责）
（二）实施职业技能提升行动。（省教育、人力资源社会保障厅负责）
"""

COLLECTIVES = """一、重点任务
（一）稳定经济运行。（全区经济运行各专班、相关市、县政府负责）
"""

PREFIX_NOT_INHERITED = """一、重点任务
（一）保障春运安全。（省交通运输厅、哈尔滨铁路局、民航黑龙江监管局负责）
"""

MORE_CASES = {
    "label_variants": (LABEL_VARIANTS, [
        ("建设智慧口岸", "市商务局", "responsible"), ("建设智慧口岸", "市交通局", "responsible"),
        ("推进数字政府建设", "市大数据局", "lead"), ("推进数字政府建设", "市财政局", "support"),
        ("开展质量提升行动", "市市场监管局", "responsible"),
        ("完善应急物资储备", "市发改委", "support"), ("完善应急物资储备", "市粮食局", "support"),
        ("加强河湖治理", "市水利局", "responsible"), ("加强河湖治理", "市生态环境局", "support"),
    ]),
    "stated_rule_is_no_unit": (STATED_RULE, [
        ("推进垃圾分类", "市城管局", "lead"), ("推进垃圾分类", "市住建局", "responsible"),
        ("建设海绵城市", "市住建局", "lead"), ("建设海绵城市", "市水务局", "responsible"), ("建设海绵城市", "市财政局", "responsible"),
    ]),
    "section_lead_passed_down": (SECTION_LEAD, [
        ("编制年度重大项目", "市发改委", "lead"), ("推进重大项目前期", "市发改委", "lead"), ("推进重大项目前期", "市自然资源局", "support"),
    ]),
    "shared_affixes": (SHARED_AFFIXES, [
        ("推进沿边口岸建设", "哈尔滨", "responsible"), ("推进沿边口岸建设", "黑河", "responsible"), ("推进沿边口岸建设", "绥芬河市政府", "responsible"),
        ("实施职业技能提升", "省教育", "responsible"), ("实施职业技能提升", "人力资源社会保障厅", "responsible"),
    ]),
    "collectives_kept_whole": (COLLECTIVES, [("稳定经济运行", "全区经济运行各专班", "responsible"), ("稳定经济运行", "相关市、县政府", "responsible")]),
}
CASES.update(MORE_CASES)


def test_real_layout_shared_affixes_are_distributed(write_notice):
    units = [r.unit for item in pipeline.parse(write_notice(SHARED_AFFIXES)).items for r in item.responsibilities]
    assert units == ["哈尔滨市政府", "黑河市政府", "绥芬河市政府", "省教育厅", "省人社厅"]


def test_real_layout_level_prefix_only_where_implied(write_notice):
    units = [r.unit for item in pipeline.parse(write_notice(PREFIX_NOT_INHERITED)).items for r in item.responsibilities]
    assert units == ["省交通运输厅", "哈尔滨铁路局", "民航黑龙江监管局"]

LEADERS_BEFORE_UNITS = """一、重点任务
（一）深化国有企业改革。（分管副省长、协管副秘书长负责，省国资委牵头）
"""

RULE_AFTER_LABEL = """一、重点任务
（一）落实减税降费政策。
责任单位：市发改委、市财政局（第一责任单位为牵头单位，下同）
（二）优化营商环境。
责任单位：市政务服务中心、市市场监管局
"""

CASES.update({
    "leaders_are_persons": (LEADERS_BEFORE_UNITS, [("深化国有企业改革", "省国资委", "lead")]),
    "rule_after_a_label": (RULE_AFTER_LABEL, [
        ("落实减税降费政策", "市发改委", "lead"), ("落实减税降费政策", "市财政局", "responsible"),
        ("优化营商环境", "市政务服务中心", "lead"), ("优化营商环境", "市市场监管局", "responsible"),
    ]),
})

MINUTES = """二、会议议定事项
会议议定：一是请市发改委会同市财政局、市统计局研究制定稳增长措施；二是请市住建局牵头，加快推进老旧小区改造；三是请市教育局负责做好秋季招生工作。
"""

UNIT_AS_HEADING = """三、调研分工
（二十一）市公安局。负责对社会治安防控体系建设的调研，形成专题报告。
（二十二）市教育局。负责对义务教育均衡发展的调研。
"""

CASES.update({
    "minutes_ask_each_unit": (MINUTES, [
        ("请市发改委会同市", "市发改委", "responsible"), ("请市发改委会同市", "市财政局", "support"), ("请市发改委会同市", "市统计局", "support"),
        ("请市住建局牵头，", "市住建局", "lead"), ("请市教育局负责做", "市教育局", "responsible"),
    ]),
    "unit_as_heading": (UNIT_AS_HEADING, [("市公安局", "市公安局", "responsible"), ("市教育局", "市教育局", "responsible")]),
})


def test_real_layout_minutes_clauses_numbered_by_their_ordinal(write_notice):
    numbers = [i.number for i in pipeline.parse(write_notice(MINUTES)).items]
    assert numbers == ["二", "一是", "二是", "三是"]

BRACKET_CUT_BY_PAGE = """一、重点任务
（六）加强学校食品安全工作。（教育部、国家

卫生健康委、市场监管总局按职责分工负责）
（七）举办全民健身大会。（体育总

局牵头负责）
"""

HEADER_REPEATED_ON_NEXT_PAGE = """序号

重点任务

牵头部门

1

建设社区食堂

民政局

序号

重点任务

牵头部门

2

新建口袋公园

绿化市容局
"""

CASES.update({
    "bracket_cut_by_the_page": (BRACKET_CUT_BY_PAGE, [
        ("加强学校食品安全", "教育部", "responsible"), ("加强学校食品安全", "国家卫生健康委", "responsible"),
        ("加强学校食品安全", "市场监管总局", "responsible"), ("举办全民健身大会", "体育总局", "lead"),
    ]),
    "header_repeated_on_the_next_page": (HEADER_REPEATED_ON_NEXT_PAGE, [("建设社区食堂", "民政局", "lead"), ("新建口袋公园", "绿化市容局", "lead")]),
})

GLUED_TABLE = """—1—《松江市发展规划纲要》目标任务分解方案序号主要工作任务第一责任单位主要责任单位一、主要指标1地区生产总值年均增长7%左右。市发展改革委各区县政府、松江经济开发区2一般公共预算收入年均增长6%。市财政局各区县政府、市税务局3城镇调查失业率控制在5.5%以内。市人力社保局各区县政府
"""

GLUED_LINES = """2022年法院工作要点任务分解表
序号任务名称任务内容牵头部门配合部门
1加强理论武装1.落实第一议题制度。
2.开展主题教育。
政治处各部门
2深化司法公开1.推进庭审直播。
审管办各业务庭
"""

CASES.update({
    "glued_table": (GLUED_TABLE, [
        ("地区生产总值年均", "市发展改革委", "lead"), ("地区生产总值年均", "各区县政府", "responsible"), ("地区生产总值年均", "松江经济开发区", "responsible"),
        ("一般公共预算收入", "市财政局", "lead"), ("一般公共预算收入", "各区县政府", "responsible"), ("一般公共预算收入", "市税务局", "responsible"),
        ("城镇调查失业率控", "市人力社保局", "lead"), ("城镇调查失业率控", "各区县政府", "responsible"),
    ]),
    "glued_rows_over_lines": (GLUED_LINES, [
        ("加强理论武装1.", "政治处", "lead"), ("加强理论武装1.", "各部门", "support"),
        ("深化司法公开1.", "审管办", "lead"), ("深化司法公开1.", "各业务庭", "support"),
    ]),
})

COVER_LETTER = """青川市人民政府办公室
青政办发〔2024〕7号
青川市人民政府办公室关于印发青川市2024年重点工作任务分工方案的通知
各县（区）人民政府，市政府各部门：
现将《青川市2024年重点工作任务分工方案》印发给你们，并提出如下要求：
一、提高认识。各单位要高度重视，切实抓好落实。
二、加强督查。市政府督查室将定期通报进展情况。
青川市人民政府办公室
2024年2月20日
青川市2024年重点工作任务分工方案
一、推动经济高质量发展
（一）实施重大项目攻坚行动。（市发改委牵头，市财政局配合）
（二）优化营商环境。（市政务服务中心负责）
"""

CASES["cover_letter_before_the_plan"] = (COVER_LETTER, [
    ("实施重大项目攻坚", "市发改委", "lead"), ("实施重大项目攻坚", "市财政局", "support"), ("优化营商环境", "市政务服务中心", "responsible"),
])


def test_real_layout_cover_letter_points_are_the_cover_part(write_notice):
    document = pipeline.parse(write_notice(COVER_LETTER))
    assert [(i.id, i.part) for i in document.items] == [("cover/一", "cover"), ("cover/二", "cover"), ("main/一/一", "main"), ("main/一/二", "main")]
    assert document.meta.date == "2024-02-20"

LED_BY = """四、督查组
（一）煤矿安全督查组。由市煤炭工业局1名县级领导带队，2名专业人员参加。
（二）危化品安全督查组。由市应急局、市消防救援支队各1名领导带队。
"""

CASES["unit_sends_the_leader"] = (LED_BY, [
    ("煤矿安全督查组", "市煤炭工业局", "responsible"), ("危化品安全督查组", "市应急局", "responsible"), ("危化品安全督查组", "市消防救援支队", "responsible"),
])

MINUTES_ASKED = """最后，会议强调，各部门要主动作为。一是请区发改局会同区统计局抓紧下发稳增长方案；二是请区商务局加快出台促消费政策；三是请区住建局牵头，制定房地产项目推进计划。
"""

CASES["minutes_asked_units_are_responsible"] = (MINUTES_ASKED, [
    ("请区发改局会同区", "区发改局", "responsible"), ("请区发改局会同区", "区统计局", "support"),
    ("请区商务局加快出", "区商务局", "responsible"), ("请区住建局牵头，", "区住建局", "lead"),
])

# A page whose row numbers and page marks run into the rows: a task cell without its full stop, a
# first cell holding two names stacked (their line break lost), a page mark and a section row glued
# between two rows.
GLUED_STACKED = """序号主要工作任务第一责任单位主要责任单位一、主要指标1能耗强度下降15%。市发展改革委市工信局市统计局、市电力公司,各区县政府2污染物排放控制在下达指标内。市生态环境局各区县政府—2—二、产业升级3推进技术创新和成果转化市科技局市发展改革委、各区县政府4推动服务业扩量提质。市商务局各区县政府
"""

CASES["glued_rows_stacked_names_and_page_marks"] = (GLUED_STACKED, [
    ("能耗强度下降15", "市发展改革委", "lead"), ("能耗强度下降15", "市工信局", "lead"), ("能耗强度下降15", "市统计局", "responsible"),
    ("能耗强度下降15", "市电力公司", "responsible"), ("能耗强度下降15", "各区县政府", "responsible"),
    ("污染物排放控制在", "市生态环境局", "lead"), ("污染物排放控制在", "各区县政府", "responsible"),
    ("推进技术创新和成", "市科技局", "lead"), ("推进技术创新和成", "市发展改革委", "responsible"), ("推进技术创新和成", "各区县政府", "responsible"),
    ("推动服务业扩量提", "市商务局", "lead"), ("推动服务业扩量提", "各区县政府", "responsible"),
])

# Labels lost to mojibake (the page was decoded with the wrong code page): the line still holds a
# task with its own clause, so it is an item of its own and its title is what was written.
MOJIBAKE_LABELS = """一、产业体系
（一）建设汽车产业基地。（牵头单位：市经贸委；配合单位：市发改委、黄埔区政府、南沙区政府）
?。ǘ┩七M石化基地建设。（牵头单位：市发改委；配合单位：市规划局）
"""

CASES["mojibake_label_keeps_item_and_title"] = (MOJIBAKE_LABELS, [
    ("建设汽车产业基地", "市经贸委", "lead"), ("建设汽车产业基地", "市发改委", "support"),
    ("建设汽车产业基地", "黄埔区政府", "support"), ("建设汽车产业基地", "南沙区政府", "support"),
    ("？。ǘ┩七M石化", "市发改委", "lead"), ("？。ǘ┩七M石化", "市规划局", "support"),
])


def test_real_layout_place_suffix_not_lent_twice(write_notice):
    """黄埔区政府 already has its place suffix: 南沙区政府 lends it nothing (not 黄埔区政府区政府)."""
    document = pipeline.parse(write_notice(MOJIBAKE_LABELS))
    assert [r.unit for r in document.items[0].responsibilities][2:] == ["黄埔区政府", "南沙区政府"]


@pytest.mark.parametrize("cell, names", [
    ("市发展改革委市经贸委", ["市发展改革委", "市经贸委"]),
    ("省公安厅省高速公路交警总队", ["省公安厅", "省高速公路交警总队"]),
    ("市委市政府督查室", ["市委市政府督查室"]),
    ("市公安局市场处", ["市公安局市场处"]),
    ("市城管局市容环卫处", ["市城管局市容环卫处"]),
    ("北京市公安局", ["北京市公安局"]),
    ("以下措施均需各县区人民政府", ["以下措施均需各县区人民政府"]),
])
def test_real_layout_stacked_names_are_unglued(cell, names):
    from pipeline.extract.responsibility import split_units

    assert [raw for raw, _, _ in split_units(cell)] == names

# PDF text hard-wrapped every ~28 characters: a heading broken before its last words, a unit list
# broken inside a name, and page marks of several dashes between items.
HARD_WRAPPED = """一、提高基层党建工作水平，加强党对基层治理的全面
领导
1.完善街道党工委对地区治理重大工作的领导体制机制，优
化决策程序，全面提升街道抓党建的领导能力。
牵头单位：区委组织部
协办单位：区委编办、区民政局、园区党工
委、各街道党工委
— — — 3 —
2.以区域化党建为重点，构建多方联动的基层党建工作体系。
牵头单位：区委组织部
协办单位：区民政局
"""

CASES["hard_wrapped_heading_and_unit_list"] = (HARD_WRAPPED, [
    ("完善街道党工委对", "区委组织部", "lead"), ("完善街道党工委对", "区委编办", "support"), ("完善街道党工委对", "区民政局", "support"),
    ("完善街道党工委对", "园区党工委", "support"), ("完善街道党工委对", "各街道党工委", "support"),
    ("以区域化党建为重", "区委组织部", "lead"), ("以区域化党建为重", "区民政局", "support"),
])

# Minutes whose decisions are numbered inline after a colon, each opening with 由…负责 and going on
# with the task (which itself ends in 落实, a role word that is not a second clause).
MINUTES_INLINE = """会议听取了有关情况汇报，认为各处室要压实工作责任，确保各项任务落实到位，并结合数字机关建设统筹推进政务公开工作。会议确定：1.由办公室负责，按照会议意见调整领导小组，及时将任务分解表发各处室，并抓好督促落实。2.由办公室、省财政研究中心负责，对门户网站栏目设置进行探索创新。
"""

CASES["minutes_decisions_numbered_inline"] = (MINUTES_INLINE, [
    ("由办公室负责，按", "办公室", "responsible"),
    ("由办公室、省财政", "办公室", "responsible"), ("由办公室、省财政", "省财政研究中心", "responsible"),
])

# The attribution is a sentence after the item's title: the title before 由 is no unit.
TITLE_THEN_LED_BY = """（三）道路交通安全专项整治，由公安、交通部门负责，有关部门配合。要继续加大违法行为的整治力度。
（四）建筑领域安全专项整治，由建设部门负责，有关部门配合。以预防建筑事故为重点。
"""

CASES["title_then_led_by_sentence"] = (TITLE_THEN_LED_BY, [
    ("道路交通安全专项", "公安", "responsible"), ("道路交通安全专项", "交通部门", "responsible"), ("道路交通安全专项", "有关部门", "support"),
    ("建筑领域安全专项", "建设部门", "responsible"), ("建筑领域安全专项", "有关部门", "support"),
])

# A deadline written as the last piece of a labelled bracket; a field line 部门分工：… holding a
# role sentence; a section whose own paragraph says who undertakes it (承办/协办) above sub-items.
FIELDS_AND_SECTIONS = """一、提升政务服务效能
1.加大简政放权力度。承接好省下放行政许可事项。（牵头单位：州行政审批服务局；责任单位：州司法局、各县市人民政府，6月底完成）
2.地区生产总值增长6%以上。
分管省领导：张某
部门分工：省发展改革委牵头，各地、各部门配合。
二、治理畜牧业产品污染
由省经贸委承办，省农业厅、卫生厅协办。治理工作目标：定点屠宰率达85%以上。主要措施：
（一）由省经贸委负责，省农业厅配合，加快无公害畜禽基地建设。
"""

CASES["deadline_piece_field_line_and_undertaking_section"] = (FIELDS_AND_SECTIONS, [
    ("加大简政放权力度", "州行政审批服务局", "lead"), ("加大简政放权力度", "州司法局", "responsible"), ("加大简政放权力度", "各县市人民政府", "responsible"),
    ("地区生产总值增长", "省发展改革委", "lead"), ("地区生产总值增长", "各地", "support"), ("地区生产总值增长", "各部门", "support"),
    ("治理畜牧业产品污", "省经贸委", "lead"), ("治理畜牧业产品污", "省农业厅", "support"), ("治理畜牧业产品污", "卫生厅", "support"),
    ("由省经贸委负责，", "省经贸委", "responsible"), ("由省经贸委负责，", "省农业厅", "support"),
])

# A table flattened one cell per line with no 序号: each content cell is followed by its unit cell,
# which is a clause on its own line.
CONTENT_THEN_UNIT_CELL = """目标
任务
主要内容
责任单位
一、以信息公开助力稳增长
（一）加强预期引导
围绕经济形势和宏观政策执行情况，通过新闻发布会等形式及时宣传解读。
市发改委牵头落实
围绕就业创业政策，加强信息公开，深入解读政策背景和目标任务。
市人社局牵头落实
围绕货币政策和信贷政策，加大金融改革发展政策的宣传。
市金融办、人民银行青川市中心支行分别牵头落实
"""

CASES["content_cell_then_unit_cell"] = (CONTENT_THEN_UNIT_CELL, [
    ("围绕经济形势和宏", "市发改委", "lead"),
    ("围绕就业创业政策", "市人社局", "lead"),
    ("围绕货币政策和信", "市金融办", "lead"), ("围绕货币政策和信", "人民银行青川市中心支行", "lead"),
])

# Blocks of a progress report: the number glued to the title, a label line, status fields.
GLUED_NUMBER_BLOCKS = """一、就业创业致富工程

1优化就业创业服务

牵头单位：市人社局

完成情况：截至5月底，新增城镇就业2.76万人，完成年度任务的46%

2加快市场主体培育

牵头单位：市工商局

完成情况：达到序时进度

3个片区已完成改造。
"""

CASES["number_glued_to_title_before_a_label"] = (GLUED_NUMBER_BLOCKS, [
    ("优化就业创业服务", "市人社局", "lead"), ("加快市场主体培育", "市工商局", "lead"),
])

# Anti-copy glyphs scattered through the text, even inside the label.
NOISE_GLYPHS = """4.推动消费提质扩容◆■。布局建设一批消费先导区。（责任单位◆★◆■★■：省发展改革委、省商务厅）
"""

CASES["anti_copy_glyphs_inside_labels"] = (NOISE_GLYPHS, [
    ("推动消费提质扩容", "省发展改革委", "responsible"), ("推动消费提质扩容", "省商务厅", "responsible"),
])

# A role sentence whose responsible body names its lead in a bracket, and a 会同 list followed
# straight by the task (no role word after it).
LEAD_IN_NAME_AND_TOGETHER = """（一）关于扩大试点范围的问题，由国务院税费改革工作小组（财政部牵头）负责提出实施意见。
（二）关于继续补贴的问题，由农业部牵头，会同财政部、发展改革委在春耕前提出方案并予以公布。
"""

CASES["lead_inside_name_and_together_list"] = (LEAD_IN_NAME_AND_TOGETHER, [
    ("关于扩大试点范围", "国务院税费改革工作小组", "responsible"), ("关于扩大试点范围", "财政部", "lead"),
    ("关于继续补贴的问", "农业部", "lead"), ("关于继续补贴的问", "财政部", "support"), ("关于继续补贴的问", "发展改革委", "support"),
])


# Areas of duty assigned to whoever holds them: a topic, then 由 and the clause (with or without a
# comma before it); the role verb followed straight by the task; a descriptor before the unit; a
# responsible list whose own role words (牵头, 参加, 落实) rule over its label.
TOPIC_THEN_LED_CLAUSE = """二、职责分工
（一）城区主干道及广场的保洁，由区环卫所负责；
（二）背街小巷的保洁由各社区负责；
（三）党建工作10分。具体考核细则由街道组织办、宣传办负责。
（四）卫生死角清理。整改要求：由包片单位区气象局负责清除上述地段的垃圾。
（五）扶贫政策稳定。过渡期内保持政策稳定。（责任单位：区扶贫办牵头，区教育局、区民政局等有关部门参加，各镇街落实）
（六）招商引资25分。由街道经发办负责考核。
"""

CASES["topic_then_led_clause_and_roles_inside_a_label"] = (TOPIC_THEN_LED_CLAUSE, [
    ("城区主干道及广场", "区环卫所", "responsible"), ("背街小巷的保洁由", "各社区", "responsible"),
    ("党建工作10分", "街道组织办", "responsible"), ("党建工作10分", "宣传办", "responsible"),
    ("卫生死角清理", "区气象局", "responsible"),
    ("扶贫政策稳定", "区扶贫办", "lead"), ("扶贫政策稳定", "区教育局", "support"), ("扶贫政策稳定", "区民政局", "support"), ("扶贫政策稳定", "各镇街", "responsible"),
    ("招商引资25分", "街道经发办", "responsible"),
])


# A page run together into one line: 一、 and （一） numbering after a space or a full stop, labels
# after a space, the sub-points of a task left inside it, and a page mark inside a sentence.
RUN_TOGETHER_PAGE = "[接上页] （十一）废品收购站清理 牵头单位：东溪区 配合单位：市公安局、市商务局 主要任务：1、在10月底前将废品收购站迁至郊区；2、对无证站点进行取缔。 （十二）学校周边卫生管理 牵头单位：市教育局 配合单位：东溪区、市综合执法局 主要任务：1、加强学生卫生意识培养；2、取缔学校周边乱摆卖。 二、具体要求 （一）各有关单位要提高认识，按时完成整改任务。 二〇〇九年九月八日"

RUN_TOGETHER_DUTIES = "秸秆禁烧工作方案为做好我县秸秆禁烧工作，制订本方案。一、指导思想坚持以疏为主、疏堵结合的原则。二、组织领导及职责分工县政府成立县秸秆禁烧工作领导小组第2页共4页，各成员单位及其职责如下：县环保局。负责对全县秸秆禁烧工作实施统一监督。县交通局、公路局。负责对国道、省道两侧的巡查。县农委。负责全县秸秆综合利用的督导。"

CASES["page_run_together_chinese_numbering"] = (RUN_TOGETHER_PAGE, [
    ("废品收购站清理", "东溪区", "lead"), ("废品收购站清理", "市公安局", "support"), ("废品收购站清理", "市商务局", "support"),
    ("学校周边卫生管理", "市教育局", "lead"), ("学校周边卫生管理", "东溪区", "support"), ("学校周边卫生管理", "市综合执法局", "support"),
])

CASES["page_run_together_unit_headings"] = (RUN_TOGETHER_DUTIES, [
    ("县环保局。负责对", "县环保局", "responsible"),
    ("县交通局、公路局", "县交通局", "responsible"), ("县交通局、公路局", "公路局", "responsible"),
    ("县农委。负责全县", "县农委", "responsible"),
])

# A first heading whose 一 came out as a dash; a list of names without final punctuation before the
# next heading, which counts on from the open one; a section title above paragraphs that each open
# with their unit (each paragraph a task, the first one too).
DASH_ONE_AND_TITLED_DUTIES = """—、总则
（一）总体目标
有效预防和控制疫情。
二、成立组织
成立疫情防控工作领导小组：
组 长：张某
成 员：李某 王某
赵某
三、职责分工
运管局负责全市客车、出租车的通风、消毒。
道路运输公司负责：负责城乡公交车辆的通风、消毒。
"""

CASES["dash_for_one_and_titled_duty_paragraphs"] = (DASH_ONE_AND_TITLED_DUTIES, [
    ("运管局负责全市客", "运管局", "responsible"), ("道路运输公司负责", "道路运输公司", "responsible"),
])


# Tables a cell per line without a 序号 (the rows as long as the header, cells closed by |), and
# with the header typed on one line, cells by spaces; a column of units headed without a role word.
CELL_LINES_UNNUMBERED = """清洁家园行动工作台账
名 称 |
责任单位 |
工作任务与目标 |
门前三包 |
城管中队 |
保持门店门前清洁有序，杜绝乱堆乱放。 |
夜市整治活 动 |
城管中队、市场监管所 |
合理设置夜市，明确出摊收摊时间。 |
四区划分：
1、严管区：人民路；
"""

SPACED_HEADER_CELL_ROWS = """校园食品安全职责
序号 涉及部门 职责分工
1
区教育局
负责校园食品安全管理工作。指导学校落实主体责任。
2
区市场监管局
负责学校集中用餐的监督管理，会同有关部门开展检查。
"""

CASES["cell_lines_without_numbers"] = (CELL_LINES_UNNUMBERED, [
    ("门前三包", "城管中队", "responsible"), ("夜市整治活动", "城管中队", "responsible"), ("夜市整治活动", "市场监管所", "responsible"),
])

CASES["spaced_header_then_cell_lines"] = (SPACED_HEADER_CELL_ROWS, [
    ("负责校园食品安全", "区教育局", "responsible"), ("负责学校集中用餐", "区市场监管局", "responsible"),
])


# Areas of duty, each a topic and its 由-clause, two in a sentence or one a sentence: each is a task,
# and whoever the clause names is responsible (施工企业, 经营者: parties, not only organisations);
# a stated rule inside the bracket is no unit; a collective enumerated with 州.
DUTY_AREAS = """二、职责分工
（一）背街小巷，由属地社区负责；实行物业管理的小区，按照合同由物业服务企业负责；
（二）施工工地由施工企业负责，待建地块由土地使用权人负责；
（三）临街商户周围由经营者负责；
三、宣传工作
制作宣传画报。宣传画报的设计制作由市创建办负责，宣传画报的张贴、维护工作由各镇街负责。
四、公共服务
完善公共服务。（责任单位：各州、市人民政府）
"""

STATED_RULE_IN_BRACKET = """1.推进审批下放。（省发展改革委、省编办等负责，列第一位的为牵头部门，下同）
2.优化审批流程。（省政务服务局、省司法厅负责）
"""

CASES["duty_areas_led_by_their_parties"] = (DUTY_AREAS, [
    ("背街小巷，由属地", "属地社区", "responsible"), ("实行物业管理的小", "物业服务企业", "responsible"),
    ("施工工地由施工企", "施工企业", "responsible"), ("待建地块由土地使", "土地使用权人", "responsible"),
    ("临街商户周围由经", "经营者", "responsible"),
    ("宣传画报的设计制", "市创建办", "responsible"), ("宣传画报的张贴、", "各镇街", "responsible"),
    ("公共服务", "各州、市人民政府", "responsible"),
])

CASES["stated_rule_inside_the_bracket"] = (STATED_RULE_IN_BRACKET, [
    ("推进审批下放", "省发展改革委", "lead"), ("推进审批下放", "省编办", "responsible"),
    ("优化审批流程", "省政务服务局", "lead"), ("优化审批流程", "省司法厅", "responsible"),
])


# A cover letter that divides work itself before its annex: one task per clause of the paragraph,
# from the first clause on (the cover part), beside the annex's table.
COVER_DIVIDES_WORK = """区政府各部门、各直属单位：
为确保完成年度目标任务，经区政府研究决定，将主要目标任务进行分解，实行进度督察、年底考核。区委办公室负责将目标任务完成情况纳入综合考评；区政府办公室负责对目标任务进度进行督察通报；区统计局负责对经济类数据进行真实性审核。各部门要明确责任，抓好落实。
附件：目标任务分解表
松溪区人民政府办公室
2019年2月15日
附件
序号 | 任务名称 | 牵头部门 | 配合部门 |
1 | 地区生产总值增长5.5% | 区发改局 | 区财政局、区统计局 |
2 | 服务业增加值增长6% | 区发改局 | 区商务局 |
"""

CASES["cover_letter_divides_work"] = (COVER_DIVIDES_WORK, [
    ("区委办公室负责将", "区委办公室", "responsible"), ("区政府办公室负责", "区政府办公室", "responsible"), ("区统计局负责对经", "区统计局", "responsible"),
    ("地区生产总值增长", "区发改局", "lead"), ("地区生产总值增长", "区财政局", "support"), ("地区生产总值增长", "区统计局", "support"),
    ("服务业增加值增长", "区发改局", "lead"), ("服务业增加值增长", "区商务局", "support"),
])


# Duty paragraphs under a section whose first paragraph is addressed to all: each unit heading
# (乡纪委、监察室：负责…) is a task, and what a unit answers for may stand between it and the role
# verb (各村党支部：对本村防控工作负总责 → lead).
DUTIES_AFTER_AN_EXHORTATION = """二、工作职责
各村、驻乡各单位要高度重视，在乡党委、政府的统一领导下，各司其职，各负其责。乡纪委、监察室：负责对防控措施落实情况进行监督检查。
乡人武部：负责本乡民兵参与疫情处置工作。
各村党支部：对本村防控工作负总责，成立相应领导小组。
"""

CASES["duty_paragraphs_after_an_exhortation"] = (DUTIES_AFTER_AN_EXHORTATION, [
    ("乡纪委、监察室：", "乡纪委", "responsible"), ("乡纪委、监察室：", "监察室", "responsible"),
    ("乡人武部：负责本", "乡人武部", "responsible"), ("各村党支部：对本", "各村党支部", "lead"),
])


# A heading line (with its full stop) above paragraphs that each close with their bracket: each
# paragraph is a task, the first one too; 由X会同Y…研究提出落实意见: X responsible, Y support.
HEADING_ABOVE_BRACKETED_TASKS = """（五）充分释放全社会创业创新潜能。
    着力实施创新驱动发展战略，促进科技与经济深度融合。（科技部牵头，发展改革委、财政部等按职责分工负责）
    发挥大众创业、万众创新的乘数效应。（发展改革委牵头，科技部等按职责分工负责）
（六）关于“确保谷物基本自给”的问题，由发展改革委会同农业部、粮食局等部门研究提出落实意见。
"""

CASES["heading_above_bracketed_tasks_and_together"] = (HEADING_ABOVE_BRACKETED_TASKS, [
    ("着力实施创新驱动", "科技部", "lead"), ("着力实施创新驱动", "发展改革委", "responsible"), ("着力实施创新驱动", "财政部", "responsible"),
    ("发挥大众创业、万", "发展改革委", "lead"), ("发挥大众创业、万", "科技部", "responsible"),
    ("关于“确保谷物基", "发展改革委", "responsible"), ("关于“确保谷物基", "农业部", "support"), ("关于“确保谷物基", "粮食局", "support"),
])


# A progress table a cell per line whose row numbers are those of a longer list (6, 52, 53); a
# meeting report whose points are counted 一是…二是…, each with a clause of its own.
CELL_LINES_LIST_NUMBERS = """序号

目标任务

牵头责任单位

计划完成时间

6

农村居民人均可支配收入增长7%

经管站

2023年底

52

建成高标准农田8万亩

农田建设股

2023年底

53

完成土地流转改革试验

经管站

2023年底
"""

MEETING_POINTS = """会上，区长指出：一是共享单车管理工作。区交运局牵头，梳理辖区投放单车的公司，建立管理机制。各镇要找出停放地点。二是推进停车场建设工作。区城管局负责规范建设停车场，尽快拿出方案。三是梳理规范道路停车。交警大队、区城管局负责，梳理能够停车的道路。
"""

CASES["cell_lines_numbered_from_a_longer_list"] = (CELL_LINES_LIST_NUMBERS, [
    ("农村居民人均可支", "经管站", "lead"), ("建成高标准农田8", "农田建设股", "lead"), ("完成土地流转改革", "经管站", "lead"),
])

CASES["meeting_points_counted_by_ordinals"] = (MEETING_POINTS, [
    ("共享单车管理工作", "区交运局", "lead"), ("推进停车场建设工", "区城管局", "responsible"),
    ("梳理规范道路停车", "交警大队", "responsible"), ("梳理规范道路停车", "区城管局", "responsible"),
])


# Two clauses that each open with their unit in one sentence, joined by a comma: two tasks, beside
# the item whose label lines name the same units in their own roles.
COMMA_JOINED_SUBJECTS = """（十四）垃圾填埋场和污水厂升级改造
牵头单位：市创卫办
配合单位：市环卫局、市水务局
主要任务：市环卫局负责监督生活垃圾填埋场的建设工作，市水务局负责监督污水厂改造工程。
"""

CASES["comma_joined_subject_clauses"] = (COMMA_JOINED_SUBJECTS, [
    ("垃圾填埋场和污水", "市创卫办", "lead"), ("垃圾填埋场和污水", "市环卫局", "support"), ("垃圾填埋场和污水", "市水务局", "support"),
    ("市环卫局负责监督", "市环卫局", "responsible"), ("市水务局负责监督", "市水务局", "responsible"),
])


# A page run into one line whose 1. 2. count on across its 一、 二、 sections, and a task opening
# with a year (1.2007年是…: not a decimal).
RUN_TOGETHER_COUNT_ON = "各省辖市人民政府，省人民政府各部门： 现将2007年重点工作任务分解如下，请认真组织落实，确保各项重点工作全面完成，具体落实情况按季度向省政府报告。 一、主要工作目标 1.2007年是我省加快发展的关键一年，生产总值增长10%。 由省发展改革委、省财政厅等部门负责落实。 二、加快推进经济强省建设 2.坚持把“三农”工作作为重中之重。 由省农业厅负责落实。"

CASES["run_together_count_on_across_sections"] = (RUN_TOGETHER_COUNT_ON, [
    ("2007年是我省", "省发展改革委", "responsible"), ("2007年是我省", "省财政厅", "responsible"),
    ("坚持把“三农”工", "省农业厅", "responsible"),
])


# Every cell but a row's first opens its line with |, a line holding only | closes the row; the
# merged lead cell is written a character a line and stands only in the first row it spans.
BAR_ROWS = """牵头单位
| 工 作 任 务
| 责 任 单 位
|
市
住
建
局
| 完成老旧小区改造12个
| 各区政府、市财政局
|
新建口袋公园5处
| 市园林局和各区政府
|
市政
府办
| 办理人大代表建议
| 市直各单位
|
"""

CASES["bar_rows_merged_lead_written_down"] = (BAR_ROWS, [
    ("完成老旧小区改造", "市住建局", "lead"), ("完成老旧小区改造", "各区政府", "responsible"), ("完成老旧小区改造", "市财政局", "responsible"),
    ("新建口袋公园5处", "市住建局", "lead"), ("新建口袋公园5处", "市园林局", "responsible"), ("新建口袋公园5处", "各区政府", "responsible"),
    ("办理人大代表建议", "市政府办", "lead"), ("办理人大代表建议", "市直各单位", "responsible"),
])


# A cell a line, each closed by a line of bars; a section row under the header; targets numbered
# 1. 2. 3. in the task column under one merged 序号 that starts again with the next group; marks
# before units (★); a leader's name spaced to three characters, two leaders in one cell.
CELL_LINES_NUMBERED_TARGETS = """序号
|
类别
|
目标任务
|
牵头领导
|
责任单位
|
一、全年主要预期目标
|
||||
1
|
经济指标
|
1.地区生产总值增长6%。
|
张 伟
|
★县发改局、统计局
|
2.一般公共预算收入增长5%。
|
★县财政局、税务局
|
|||
3.主要污染物排放完成下达任务。
|
李 强
刘 洋
|
★生态环境分局
|
||
1
|
项目建设
|
4.新开工重点项目30个。
|
张 伟
|
★县发改局
|
"""

CASES["cell_lines_numbered_targets_in_merged_groups"] = (CELL_LINES_NUMBERED_TARGETS, [
    ("地区生产总值增长", "县发改局", "responsible"), ("地区生产总值增长", "统计局", "responsible"),
    ("一般公共预算收入", "县财政局", "responsible"), ("一般公共预算收入", "税务局", "responsible"),
    ("主要污染物排放完", "生态环境分局", "responsible"),
    ("新开工重点项目3", "县发改局", "responsible"),
])


# A subject-word line above a space table whose header names the columns; unit cells that say what
# their units do (…制定, …对本单位…进行规范), short names no registry holds (国保, 经侦), a last name
# joined by 和, and a cell with its own role words after an adverb (积极配合).
SPACE_TABLE_PREDICATES = """主题词:执法  规范化  工作任务  责任分工  通知

具体任务和工作要求   主要责任部门      完成时限

1、明确各岗位的职责任务 国保、经侦、治安、禁毒和出入境对本单位职责进行规范。   2024年10月底

2、细化行政案件裁量标准     法制大队       2024年底

3、健全涉案财物管理制度       警务保障室牵头制定,治安、刑侦积极配合   2024年10月底

4、健全扣押财物管理制度     拘留所、看守所制定       2024年11月底
"""

CASES["space_table_unit_cells_with_predicates"] = (SPACE_TABLE_PREDICATES, [
    ("明确各岗位的职责", "国保", "responsible"), ("明确各岗位的职责", "经侦", "responsible"), ("明确各岗位的职责", "治安", "responsible"),
    ("明确各岗位的职责", "禁毒", "responsible"), ("明确各岗位的职责", "出入境", "responsible"),
    ("细化行政案件裁量", "法制大队", "responsible"),
    ("健全涉案财物管理", "警务保障室", "lead"), ("健全涉案财物管理", "治安", "support"), ("健全涉案财物管理", "刑侦", "support"),
    ("健全扣押财物管理", "拘留所", "responsible"), ("健全扣押财物管理", "看守所", "responsible"),
])


# 承办 beside a unit that leads (主办, 牵头) is the unit that carries the task out; numbered
# paragraphs whose last sentence the page cut still count on (此活动拟在 ⏎ 2.…).
UNDERTAKING_BESIDE_LEAD = """六、活动内容
1. 社团文化节启动仪式。由校团委主办,校社联承办,各院社团分会协办。活动拟在
2.“读书月”征文大赛。由校社联牵头,校文学社承办。活动拟在4月进行。
"""

CASES["undertaking_beside_lead_and_cut_paragraph"] = (UNDERTAKING_BESIDE_LEAD, [
    ("社团文化节启动仪", "校团委", "lead"), ("社团文化节启动仪", "校社联", "responsible"), ("社团文化节启动仪", "各院社团分会", "support"),
    ("“读书月”征文大", "校社联", "lead"), ("“读书月”征文大", "校文学社", "responsible"),
])


# A table drawn with box characters: every cell wraps over the row's lines, names break in the
# middle, the first column numbers sections and the second states the task; the last row is cut
# by the page before its border.
BOX_TABLE = """附件 创建卫生城市整治责任分解表
┌───┬────────────┬────┬─────┬────┐
│ 项目│ 责任分解内容 │主办单位│责任单位 │协办单位│
├───┼────────────┼────┼─────┼────┤
│一、违│全面落实拆违工作,重│市城市管│各区政府,│市建委、│
│章建筑│点清拆主干道两侧违法│理局、市│市、区城管│市工商局│
│ │建筑。 │规划局 │执法部门 │ │
├───┼────────────┼────┼─────┼────┤
│二、污│加快河涌整治,推进污│市水务局│各区政府 │市环保局│
│水治理│水处理厂建设。 │ │ │ │
│ ├────────────┼────┼─────┼─
"""

CASES["box_drawn_table"] = (BOX_TABLE, [
    ("全面落实拆违工作", "市城市管理局", "lead"), ("全面落实拆违工作", "市规划局", "lead"),
    ("全面落实拆违工作", "各区政府", "responsible"), ("全面落实拆违工作", "市、区城管执法部门", "responsible"),
    ("全面落实拆违工作", "市建委", "support"), ("全面落实拆违工作", "市工商局", "support"),
    ("加快河涌整治，推", "市水务局", "lead"), ("加快河涌整治，推", "各区政府", "responsible"), ("加快河涌整治，推", "市环保局", "support"),
])


# A record page: each field label on its own line, its value on the next; nothing is numbered.
FIELD_RECORD = """交办单编号:
37
责任单位:
市园林工程处
交办单标题:
关于对城南河部分时段水质黑臭问题交办的通知
交办内容:
请你单位高度重视，立即组织开展整改工作。
"""

FIELD_RECORD_PLAIN = """具体任务
全面落实疫情防控措施，守好疫情防线。
责任单位
卫健局、文旅局
配合单位
各乡镇
完成时限
12月底前
"""

CASES["field_record_labels_above_values"] = (FIELD_RECORD, [
    ("关于对城南河部分", "市园林工程处", "responsible"),
])

CASES["field_record_without_colons"] = (FIELD_RECORD_PLAIN, [
    ("全面落实疫情防控", "卫健局", "responsible"), ("全面落实疫情防控", "文旅局", "responsible"), ("全面落实疫情防控", "各乡镇", "support"),
])


# A document viewer's pages, each run into one line opened by its page number (1、 2、), the break
# cutting a word; labels on one line separated by spaces (协作部门, 主体责任单位).
VIEWER_PAGES = ("1、镇2020年河长制工作安排 一、强化水资源保护行动 1.持续实施水资源消耗总量和强度双控行动,严格重大规划和建设项目水资源论证制度,落实区域用水管理,"
    "推进节水型社会建设,加强取水许可监督管理,完善日常监管预警机制,切实提高用水效率,确保完成年度用水总量控制目标。牵头部门:镇水利站 协作部门:镇工业办公室,镇城建办 主体责任单位:各村(居) "
    "2.进一步巩固入河排污口专项整治成果,进一步规范监管,严格执行入河排污口设置审批,定期开展排查,建立问题清单和整改台账,逐个销号,加大监督监\n"
    "2、测力度,落实排污口监督管理实施细则。牵头部门:镇环保站 协作部门:镇水利站、镇城建办 主体责任单位:各村(居) 二、严格水域岸线管控行动 "
    "3.加快推动河湖清四乱专项行动,持续抓好集中整治,切实整改乱占、乱采、乱堆、乱建等突出问题,持续改善河湖水域岸线面貌,全面摸清农村河湖突出问题,"
    "以问题为导向,标本兼治,全面加强农村河湖管理,着力打造干净整齐、生态宜居、管理有序的农村河湖。牵头部门:镇水利站 协作部门:镇农技站 主体责任单位:各村(居)\n")

CASES["viewer_page_numbers_and_spaced_labels"] = (VIEWER_PAGES.replace("\\n", "\n"), [
    ("持续实施水资源消", "镇水利站", "lead"), ("持续实施水资源消", "镇工业办公室", "support"), ("持续实施水资源消", "镇城建办", "support"), ("持续实施水资源消", "各村（居）", "responsible"),
    ("进一步巩固入河排", "镇环保站", "lead"), ("进一步巩固入河排", "镇水利站", "support"), ("进一步巩固入河排", "镇城建办", "support"), ("进一步巩固入河排", "各村（居）", "responsible"),
    ("加快推动河湖清四", "镇水利站", "lead"), ("加快推动河湖清四", "镇农技站", "support"), ("加快推动河湖清四", "各村（居）", "responsible"),
])


# Tasks listed under a unit's name: a line holding the name alone, then a count starting again;
# a title that merely ends like a name (…布局) heads nothing.
UNIT_GROUPS = """2005年妇女儿童发展目标任务分解
现将目标任务分解如下，请各单位抓好落实。
市教育局
一、巩固义务教育成果，入学率达到100%。
二、开展创建特色学校活动。
市卫生局
一、开展助产机构清理整顿工作；
二、加强妇女孕产期保健工作。
"""

CASES["tasks_listed_under_unit_names"] = (UNIT_GROUPS, [
    ("巩固义务教育成果", "市教育局", "responsible"), ("开展创建特色学校", "市教育局", "responsible"),
    ("开展助产机构清理", "市卫生局", "responsible"), ("加强妇女孕产期保", "市卫生局", "responsible"),
])


@pytest.mark.parametrize("line, heads", [
    ("市卫生局", True), ("县发改局、县财政局", True), ("团市委", True),
    ("优化开发区形态和布局", False), ("督查分组", False), ("各有关部门", False), ("市卫生局负责", False),
])
def test_real_layout_unit_name_line_heads_a_group(line, heads):
    from pipeline.extract.structure import _unit_group

    assert _unit_group(line, "一、开展工作。") is heads
    assert _unit_group(line, "三、开展工作。") is False  # only a count that starts again


# 分工负责 as a role phrase; a collective whose bracketed note sits inside it (各开发（度假）区管委会);
# a label with words of its own before it (问题整改责任单位) and a deadline label run into the unit
# once the space is healed (市科技馆 整改时限); a header cell holding two labels (责任单位 或牵头单位).
LABEL_VARIANTS = """一、重点任务
1.实施210个重点项目。(市发改委牵头,各县区政府、市政府有关工作部门分工负责)
2.扩大优质教育资源。
责任单位:各县(市)区人民政府、各开发(度假)区管委会
二、问题清单
3. 市科技馆
(1)灭火器过期未更换;
(2)意见簿记录不规范。
问题整改责任单位:市科技馆 整改时限:3天
"""

CASES["label_variants_and_bracketed_collective"] = (LABEL_VARIANTS, [
    ("实施210个重点", "市发改委", "lead"), ("实施210个重点", "各县区政府", "responsible"), ("实施210个重点", "市政府有关工作部门", "responsible"),
    ("扩大优质教育资源", "各县（市）区人民政府", "responsible"), ("扩大优质教育资源", "各开发（度假）区管委会", "responsible"),
    ("市科技馆", "市科技馆", "responsible"),
])

PIPE_TWO_LABEL_HEADER = """任务 内容 | 工作内容及要求 | 责任单位 或牵头单位 | 协助 单位 | 完成 期限 |
1、城市绿化扎实开展 | 禁止开发城市周围的自然山体 | 市规划局 | 市国土资源局 | 2010年9月前 |
2、建设防护绿地 | 加强建成区防护绿地建设 | 市建设局 | 有关部门 | 2010年9月前 |
"""

CASES["pipe_header_cell_with_two_labels"] = (PIPE_TWO_LABEL_HEADER, [
    ("城市绿化扎实开展", "市规划局", "lead"), ("城市绿化扎实开展", "市国土资源局", "support"),
    ("建设防护绿地", "市建设局", "lead"), ("建设防护绿地", "有关部门", "support"),
])


# Sub-targets numbered 1.1 1.2 under a group row in a bar-row table without 序号; organs shared
# by a collective (各盟市党委、政府) stay one collective.
DECIMAL_TARGETS = """责任目标
| 责任主体
| 完成时间
|
1、宣传氛围
| 党委宣传部
| 8月28日
|
1.1在校园阵地宣传展示核心价值观;
| 党委宣传部
| 8月28日
|
1.2在显著位置展示学生行为准则;
| 学生处
| 8月28日
|
"""

CASES["decimal_targets_in_bar_rows"] = (DECIMAL_TARGETS, [
    ("宣传氛围", "党委宣传部", "responsible"), ("在校园阵地宣传展", "党委宣传部", "responsible"), ("在显著位置展示学", "学生处", "responsible"),
])

SHARED_ORGANS = "一、压实整改责任\n1.落实生态环境保护党政同责。（责任单位：各盟市党委、政府，自治区生态环境厅）\n"

CASES["organs_shared_by_a_collective"] = (SHARED_ORGANS.replace("\\n", "\n"), [
    ("落实生态环境保护", "各盟市党委、政府", "responsible"), ("落实生态环境保护", "自治区生态环境厅", "responsible"),
])


# A meeting report: one sentence of tasks, each opening with 由X牵头 after a semicolon; a leader
# named with a title in the lead slot is a person (杨某某副市长), not a unit.
LED_CLAUSES_IN_ONE_SENTENCE = "会议要求，由县发展和改革局牵头，县委党校、县自然资源局配合，在9月底前完成供地工作；由县工业园区管委会牵头，漾月街道配合，在12月底前完成土地处置任务；由丹凤街道牵头，县自然资源局配合，在12月底前完成新区供地。\n"

CASES["led_clauses_after_semicolons"] = (LED_CLAUSES_IN_ONE_SENTENCE.replace("\\n", "\n"), [
    ("由县发展和改革局", "县发展和改革局", "lead"), ("由县发展和改革局", "县委党校", "support"), ("由县发展和改革局", "县自然资源局", "support"),
    ("由县工业园区管委", "县工业园区管委会", "lead"), ("由县工业园区管委", "漾月街道", "support"),
    ("由丹凤街道牵头，", "丹凤街道", "lead"), ("由丹凤街道牵头，", "县自然资源局", "support"),
])

NAMED_LEADER = "一、重点工作\n1、推进城区道路改造。（杨某某副市长牵头，市住建局负责）\n"

CASES["named_leader_is_a_person"] = (NAMED_LEADER.replace("\\n", "\n"), [
    ("推进城区道路改造", "市住建局", "responsible"),
])


# An item number followed by a full stop (1。), and a clause whose bracket ends with a time limit
# after a comma (…分别负责，年内持续推进).
FULL_STOP_NUMBERS = "总体要求和主要预期目标\n1。在党中央坚强领导下，做好全年政府工作。(市政府各部门分别负责,年内持续推进)\n2。全市生产总值增长6%左右。（市发展改革委牵头，2024年底前完成）\n"

CASES["full_stop_numbers_and_time_limit_after_comma"] = (FULL_STOP_NUMBERS.replace("\\n", "\n"), [
    ("在党中央坚强领导", "市政府各部门", "responsible"), ("全市生产总值增长", "市发展改革委", "lead"),
])


# A notice run into one line: cover, date and the plan's title in one piece, then headings whose
# paragraphs hold several tasks, each closed by a bare bracket of units.
RUN_ON_BARE_BRACKETS = "关于分解下达民生工程目标任务的通知 各县、区人民政府: 现将目标任务分解下达给你们,请认真组织实施,确保全面完成。 特此通知。 二○○八年七月七日 民生工程目标 一、扶贫解困工程。启动建设57个扶贫新村(市扶贫开发办、市以工代赈办)。完成库区新村扶贫帮扶7个(剑阁县政府)。 二、教育助学工程。开工建设20所农村寄宿制学校(市教育局)。\n"

CASES["run_on_page_with_bare_brackets"] = (RUN_ON_BARE_BRACKETS.replace("\\n", "\n"), [
    ("扶贫解困工程", "市扶贫开发办", "responsible"), ("扶贫解困工程", "市以工代赈办", "responsible"),
    ("完成库区新村扶贫", "剑阁县政府", "responsible"), ("教育助学工程", "市教育局", "responsible"),
])



# A table flattened a cell per line whose first row, right under the header, is a section title
# without a number (目标分解（3项）), then rows opened by their 序号.
UNNUMBERED_SECTION_ROW = "桑溪市2025年工作任务分解表\n\n序号\n\n名称\n\n工作任务\n\n主要责任单位\n\n主要预期目标分解（3项）\n\n1\n\n地区生产总值\n\n地区生产总值增长6%\n\n市发改委、统计局\n\n2\n\n财政收入\n\n一般公共预算收入增长5%以上\n\n市财政局、税务局\n\n3\n\n外贸\n\n进出口总额增长8%\n\n市商务局、桑溪海关\n"

CASES["section_row_without_number_under_the_header"] = (UNNUMBERED_SECTION_ROW, [
    ("地区生产总值增长", "市发改委", "lead"), ("地区生产总值增长", "统计局", "lead"),
    ("财政收入——一般", "市财政局", "lead"), ("财政收入——一般", "税务局", "lead"),
    ("外贸——进出口总", "市商务局", "lead"), ("外贸——进出口总", "桑溪海关", "lead"),
])


# Sentences that each close with a bracket whose pieces name units, a role verb and the duty they
# take on (…负责组织实施，省财政厅落实专项资金).
DUTY_BRACKETS = "一、抓好农业生产\n1、稳定粮食生产。稳定播种面积，提高单产（省农业厅负责组织实施）。落实产粮大县奖励政策（省发改委、省粮食局负责组织实施，省财政厅负责落实专项资金）。推进高标准农田建设（省农业厅负责组织实施，省财政厅落实专项资金）。\n"

CASES["brackets_of_units_and_their_duties"] = (DUTY_BRACKETS, [
    ("稳定粮食生产", "省农业厅", "responsible"),
    ("落实产粮大县奖励", "省发改委", "responsible"), ("落实产粮大县奖励", "省粮食局", "responsible"), ("落实产粮大县奖励", "省财政厅", "responsible"),
    ("推进高标准农田建", "省农业厅", "responsible"), ("推进高标准农田建", "省财政厅", "responsible"),
])


# Tasks numbered with a bare digit glued to their text, each closed by a bracket of units.
GLUED_DIGIT_ITEMS = "省政府2025年重点任务分解落实方案\n一、推动产业升级\n1大力发展先进制造业，力争产值增长8%。（省工信厅、省发改委）\n2加快发展现代服务业，服务业增加值比重提高1个百分点。（省商务厅）\n"

CASES["bare_digits_glued_to_their_tasks"] = (GLUED_DIGIT_ITEMS, [
    ("大力发展先进制造", "省工信厅", "responsible"), ("大力发展先进制造", "省发改委", "responsible"),
    ("加快发展现代服务", "省商务厅", "responsible"),
])


# A bracket of units that goes on, after a full stop, with the notice's rule (列第一位者为牵头部门);
# one unit carries a second nameplate in a bracket of its own.
RULE_AFTER_THE_UNITS = "一、调整能源结构\n1.制订煤炭消费总量控制方案。（省经信委、省发改委（省能源局）。列第一位者为牵头部门，下同）\n2.淘汰落后产能。（省经信委、省环保厅）\n"

CASES["units_then_the_rule_in_one_bracket"] = (RULE_AFTER_THE_UNITS, [
    ("制订煤炭消费总量", "省经信委", "lead"), ("制订煤炭消费总量", "省发改委（省能源局）", "responsible"),
    ("淘汰落后产能", "省经信委", "lead"), ("淘汰落后产能", "省环保厅", "responsible"),
])


# 指标 | 工作任务 flattened a cell per line: the 指标 names the task (merged over rows), the units
# stand a line each, a task opens with a time (全年…), rows of a task alone share the merged unit
# cell above, and a cell that glued two units the notice writes apart elsewhere is read as both.
INDICATOR_AND_TASK = "序号\n指标\n工作任务\n完成时限\n责任领导\n责任股室\n备注\n1\n公共服务\n博物馆免费开放人次增长10%。\n12月底前\n王建国\n宣传股\n文化馆\n图书馆\n2\n全年组织惠民演出不少于80场。\n宣传股文化馆\n3\n开展送戏下乡活动。\n4\n文化产业\n培育规模以上文化企业2家。\n产业股\n"

CASES["indicator_column_names_the_task"] = (INDICATOR_AND_TASK, [
    ("公共服务——博物", "宣传股", "responsible"), ("公共服务——博物", "文化馆", "responsible"), ("公共服务——博物", "图书馆", "responsible"),
    ("全年组织惠民演出", "宣传股", "responsible"), ("全年组织惠民演出", "文化馆", "responsible"),
    ("开展送戏下乡活动", "宣传股", "responsible"), ("开展送戏下乡活动", "文化馆", "responsible"),
    ("文化产业——培育", "产业股", "responsible"),
])


# A time limit's label line before the unit label line of the same task.
DEADLINE_BEFORE_UNITS = "一、重点任务\n1.完善公共文化服务体系。\n完成时限：12月底前\n责任领导：李明\n责任科室：文化科、群众文化馆\n2.推进全民阅读。\n完成时限：全年\n责任科室：图书馆\n"

CASES["time_limit_label_before_the_units"] = (DEADLINE_BEFORE_UNITS, [
    ("完善公共文化服务", "文化科", "responsible"), ("完善公共文化服务", "群众文化馆", "responsible"),
    ("推进全民阅读", "图书馆", "responsible"),
])


# Minutes: one sentence that divides its work after commas (…小组，A负责…，B负责…，C负责…), a task
# after an adverbial opening (按…要求，A负责…), and 由A、B组织对…进行验收.
MINUTES_COMMA_RUN = "镇长办公会会议纪要\n一、会议议定\n1、成立危房改造工作领导小组，镇长任组长，党政办负责宣传动员，规划办公室负责质量监督，财政所负责资金拨付。\n2、按照工程设计的要求，规划办公室负责材料的审核工作，聘请监理单位全程管理。\n3、会议时间另行确定。由统筹办、农业办组织对今年危房改造进行验收。\n"

CASES["minutes_dividing_work_after_commas"] = (MINUTES_COMMA_RUN, [
    ("党政办负责宣传动", "党政办", "responsible"), ("规划办公室负责质", "规划办公室", "responsible"),
    ("财政所负责资金拨", "财政所", "responsible"), ("按照工程设计的要", "规划办公室", "responsible"),
    ("会议时间另行确定", "统筹办", "responsible"), ("会议时间另行确定", "农业办", "responsible"),
])


# Chinese section numbers written with an ASCII full stop (一.), which healing turns into 一。
ASCII_STOP_SECTIONS = "社区建设实施方案\n一.指导思想\n以服务居民为中心。\n二.工作任务\n1.完善社区服务中心（街道民政办负责）。\n"

CASES["sections_numbered_with_a_full_stop"] = (ASCII_STOP_SECTIONS, [
    ("完善社区服务中心", "街道民政办", "responsible"),
])


# An inspection list: 路段名称 | 问题描述 | 责任单位, the problem being the task.
PROBLEM_LIST = "卫生城市测评路段问题汇总表\n序号 |\n路段名称 |\n问题描述 |\n责任单位 |\n备注 |\n1 |\n滨江大道 |\n滨江大道沿线车辆违停严重 |\n停车办 |\n|\n2 |\n滨江大道 |\n垃圾站旁杂草丛生 |\n市环卫中心 |\n|\n"

CASES["problem_column_states_the_task"] = (PROBLEM_LIST, [
    ("滨江大道沿线车辆", "停车办", "responsible"), ("滨江大道——垃圾", "市环卫中心", "responsible"),
])


# A column of units the header gives no role (评分部门) beside the responsible one: its units are
# not the task's.
SCORING_COLUMN = "序号\n考核指标\n年度目标\n责任部门\n评分部门\n1\n粮食播种面积\n稳定在5万亩\n县农业农村局\n县水利局\n市农业农村局\n2\n油菜种植面积\n不低于1万亩\n县农业农村局\n市农业农村局\n"

CASES["scoring_units_are_not_responsible"] = (SCORING_COLUMN, [
    ("粮食播种面积", "县农业农村局", "responsible"), ("粮食播种面积", "县水利局", "responsible"),
    ("油菜种植面积", "县农业农村局", "responsible"),
])


# A pipe table whose unit column is headed 任务分工 (the division of work names who does it).
DIVISION_COLUMN = "2025年政务公开工作要点任务分工\n工作要点 | 具体要求 | 任务分工 |\n政策解读 | 做好重大政策的解读和回应。 | 办公室,各县区教育局 |\n信息发布 | 按月公开招生考试信息。 | 考试院 |\n"

CASES["division_of_work_column_names_the_units"] = (DIVISION_COLUMN, [
    ("政策解读——做好", "办公室", "responsible"), ("政策解读——做好", "各县区教育局", "responsible"),
    ("信息发布——按月", "考试院", "responsible"),
])


# 工作任务 | 具体要求: the group's topic (a section heading, given on its first row only), then each
# row's numbered requirement, which is the task; a unit cell listing twenty divisions and the
# collectives below them runs past a hundred characters.
MANY_DIVISIONS = "、".join(f"{name}处" for name in ("人事", "规划", "财务", "基教", "高教", "职成", "民教", "师资", "学生", "科研", "体艺", "监审", "安管", "法规", "外事", "宣传", "信息", "后勤", "老干", "机关")) + "等有关处室;各市、县(市、区)教育局;各高校"
TOPIC_REQUIREMENTS = f"2025年政务公开重点工作任务分解\n工作任务 | 具体要求 | 责任单位 | 时限要求 |\n一、抓好主动公开。 | 1.加强重点领域信息公开。 | {MANY_DIVISIONS} | 持续推进 |\n2.加大民生实事信息公开力度。 | 办公室、基教处 | 6月底前 | |\n"

CASES["topic_then_requirement_with_a_long_unit_list"] = (TOPIC_REQUIREMENTS, [
    *(("加强重点领域信息", f"{name}处", "responsible") for name in ("人事", "规划", "财务", "基教", "高教", "职成", "民教", "师资", "学生", "科研", "体艺", "监审", "安管", "法规", "外事", "宣传", "信息", "后勤", "老干", "机关")),
    ("加强重点领域信息", "各市、县（市、区）教育局", "responsible"), ("加强重点领域信息", "各高校", "responsible"),
    ("加大民生实事信息", "办公室", "responsible"), ("加大民生实事信息", "基教处", "responsible"),
])


# 牵头单位及主要负责人: the unit and its head's name in one cell, after a space; a category
# column (大类) before the 序号, merged over its rows.
UNIT_AND_HEAD = "2024年民生实事进展情况\n大类 | 序号 | 工作任务 | 分管 市领导 | 牵头单位及 主要负责人 | 落实进展情况 |\n一、提高民生保障水平 | 1 | 提高城乡低保标准。 | 陈一民 | 市民政局 伍国平 | 已完成。 |\n2 | 提高孤儿养育标准。 | 陈一民 | 市民政局 伍国平 | 已完成。 |\n3 | 改造城区燃气管网。 | 陈一民 | 区城管局 区水投 | 已完成。 |\n"

CASES["unit_and_its_head_in_one_cell"] = (UNIT_AND_HEAD, [
    ("提高城乡低保标准", "市民政局", "lead"), ("提高孤儿养育标准", "市民政局", "lead"),
    ("改造城区燃气管网", "区城管局", "lead"), ("改造城区燃气管网", "区水投", "lead"),
])


# A page with every line break and space lost: the next section number follows the closing bracket
# of the section before (…（责任单位：…）二、…); a count inside a sentence (一、二类) is no section.
NO_SPACES_LEFT = "桑溪市人民政府办公室关于促进文体活动恢复的若干措施的通知各镇人民政府，市政府直属各单位：现将若干措施印发给你们，请认真贯彻执行。为促进文体活动快速复苏，制定措施如下：一、承办好省级文体赛事积极争取一、二类品牌赛事落户，（责任单位：市文体局、市财政局）二、办好特色文体活动办好排球节等系列活动，（责任单位：市文体局、市委宣传部）三、设立专项资金对承办赛事的企业给予奖补，（责任单位：市财政局）\n"

CASES["sections_after_closing_brackets_in_a_page_without_spaces"] = (NO_SPACES_LEFT, [
    ("承办好省级文体赛", "市文体局", "responsible"), ("承办好省级文体赛", "市财政局", "responsible"),
    ("办好特色文体活动", "市文体局", "responsible"), ("办好特色文体活动", "市委宣传部", "responsible"),
    ("设立专项资金对承", "市财政局", "responsible"),
])

# Label lines under each target; the last target cut right after its bare 责任单位 label; a collective
# whose second piece is a bare level (各开发区、镇（街道）: every zone and every town) is one.
TARGET_LABEL_LINES = "一、主要目标\n1.地区生产总值增长6%。\n牵头领导:刘一达\n牵头单位:市发展和改革局\n责任单位:各有关部门,各开发区、镇(街道)\n2.精准对接政策。\n牵头领导:刘一达\n牵头单位:市财政局\n责任单位\n"

CASES["bare_label_line_and_a_zone_and_town_collective"] = (TARGET_LABEL_LINES, [
    ("地区生产总值增长", "市发展和改革局", "lead"), ("地区生产总值增长", "各有关部门", "responsible"),
    ("地区生产总值增长", "各开发区、镇（街道）", "responsible"), ("精准对接政策", "市财政局", "lead"),
])


# Several label fields in one bracket, one of them naming who supplies the figures (数据提供单位).
DATA_SUPPLIER = "一、发展目标\n1.地区生产总值增长7%左右。(牵头单位:市发改委;数据提供单位:市统计局)\n2.进出口总额增长8%。(牵头单位:市商务局)\n"

CASES["data_supplying_unit_label"] = (DATA_SUPPLIER, [
    ("地区生产总值增长", "市发改委", "lead"), ("地区生产总值增长", "市统计局", "support"),
    ("进出口总额增长8", "市商务局", "lead"),
])


# A bracket closed by the notice's note that it will not list the units again (以下不再列出).
NOT_LISTED_AGAIN = "一、政策措施\n1.优化政策制定机制。出台涉企政策要多渠道收集意见。(省发展改革委、省司法厅等有关部门按职责分工负责,以下不再列出)\n"

CASES["note_not_listed_again_closes_the_bracket"] = (NOT_LISTED_AGAIN, [
    ("优化政策制定机制", "省发展改革委", "responsible"), ("优化政策制定机制", "省司法厅", "responsible"),
])


# A label whose role we do not know (联系单位) after a known one ends the value before it; its
# units are named, not made responsible.
UNKNOWN_ROLE_LABEL = "一、发展目标\n1.城镇调查失业率5.5%左右。(牵头单位:市人社局;联系单位:市统计局)\n"

CASES["label_of_an_unknown_role_ends_the_value_before_it"] = (UNKNOWN_ROLE_LABEL, [
    ("城镇调查失业率5", "市人社局", "lead"),
])


# Tables flattened a cell a line whose merged cells were lost: the higher levels of an indicator
# table given only where they change (rows parted by a line of one space), or a time shared with
# the row above; each row is closed by its units, its task the last cell before them that is no
# time, score or leader; a row without units of its own is left out, and a task cell the page
# broke in two is joined back.
INDICATOR_LEVELS = "2021年政务公开考核指标\n\n一级指标\n\n二级指标\n\n三级指标\n\n责任科室\n\n \n\n主动公开\n\n养老服务\n\n0.75\n\n是否及时公开养老补贴政策(0.25\n\n中医科\n\n \n\n是否按月公开补贴发放总金额(0.5\n\n中医科\n\n \n\n医疗服务\n\n2\n\n是否公开本地区公共场所的监督检\n\n查结果及处理信息(0.5\n\n医政医管科\n\n区卫生健康监督执法大队\n"

CASES["indicator_levels_given_where_they_change"] = (INDICATOR_LEVELS, [
    ("是否及时公开养老", "中医科", "responsible"), ("是否按月公开补贴", "中医科", "responsible"),
    ("是否公开本地区公", "医政医管科", "responsible"), ("是否公开本地区公", "区卫生健康监督执法大队", "responsible"),
])

TASKS_TIMES_UNITS_LEADERS = "三、任务分解\n任 务\n完成时间\n负责单位\n负责人\n召开运动会筹备会。\n3月12日\n校工会\n体育教学部\n杨一红\n确定比赛项目，发布通知。\n组织学生认真训练、积极参赛。\n3月12日启动\n各学院\n代表团团长\n编排秩序册。\n4月7日前\n校办\n张一婷\n"

CASES["cell_lines_whose_merged_cells_were_lost"] = (TASKS_TIMES_UNITS_LEADERS, [
    ("召开运动会筹备会", "校工会", "responsible"), ("召开运动会筹备会", "体育教学部", "responsible"),
    ("组织学生认真训练", "各学院", "responsible"), ("编排秩序册", "校办", "responsible"),
])


# A pipe row whose other cells are empty (新增学位810个 | |||||) continues the row above: the table
# goes on after it, and the unit cell merged over both rows counts once.
EMPTY_CELLS_ROW = "2023年度民生实事进展情况\n序号 | 工作任务 | 责任单位 | 一季度目标 | 目标完成情况 |\n1 | 新改扩建公办中小学校1所 | 教体局 | 室内装修 | 顺利推进 |\n新增学位810个 | ||||\n2 | 完成结对帮扶学校2所 | 教体局 | 互派人员到位 | 顺利推进 |\n"

CASES["pipe_row_of_empty_cells_continues_the_row_above"] = (EMPTY_CELLS_ROW, [
    ("新改扩建公办中小", "教体局", "responsible"), ("完成结对帮扶学校", "教体局", "responsible"),
])


# 按照职责分工 between the units and their role word, 等部门单位 closing a list.
BY_THEIR_DUTIES = "一、重点任务\n（一）建立统一社会信用代码制度。（发展改革委、公安部按照职责分工分别牵头负责，中央编办、各有关部门按照职责分工分别负责）\n（二）推进铁路信用建设。（中国国家铁路集团有限公司等部门单位负责）\n"

CASES["by_their_duties_and_units_closing_a_list"] = (BY_THEIR_DUTIES, [
    ("建立统一社会信用", "发展改革委", "lead"), ("建立统一社会信用", "公安部", "lead"),
    ("建立统一社会信用", "中央编办", "responsible"), ("建立统一社会信用", "各有关部门", "responsible"),
    ("推进铁路信用建设", "中国国家铁路集团有限公司", "responsible"),
])


# 市直有关部门、单位 is one collective; 等省有关部门 and 等责任单位 close a list.
COLLECTIVE_WITH_ITS_UNITS = "一、重点任务\n1.落实能源保供。（省发展改革委、能源局等省有关部门负责）\n2.推进依法行政。（责任单位：县综合行政执法局等责任单位，市直有关部门、单位）\n"

CASES["collective_with_its_units_and_lists_closed_by_a_level"] = (COLLECTIVE_WITH_ITS_UNITS, [
    ("落实能源保供", "省发展改革委", "responsible"), ("落实能源保供", "能源局", "responsible"),
    ("推进依法行政", "县综合行政执法局", "responsible"), ("推进依法行政", "市直有关部门、单位", "responsible"),
])


def test_real_layout_collective_kept_whole_is_collective():
    from pipeline.extract.responsibility import is_collective

    assert is_collective("市直有关部门、单位") and is_collective("各开发区、镇（街道）") and not is_collective("市财政局、单位")


# A plan numbered by its sections (2.3.6), each entry a unit as its own label (市建设局：负责…).
DECIMAL_SECTIONS = "2.3 成员单位职责\n2.3.6 市建设局:负责提供火灾现场建筑物结构情况,评估建筑物险情。\n2.3.7 市卫生局: 负责组织救护车辆和医护人员进行现场医疗救护。\n"

CASES["decimal_section_numbers_and_a_unit_as_its_label"] = (DECIMAL_SECTIONS, [
    ("市建设局：负责提", "市建设局", "responsible"), ("市卫生局：负责组", "市卫生局", "responsible"),
])


# 各县、特区、区人民政府 is one collective (特区 a level too), 各经济开发区管委会 one name, and 及
# joins two words of one name (…门户港及公铁水联运项目建设领导小组).
LEVELS_AND_AND = "一、重点任务\n1.推进多式联运。（责任单位：市长江综合门户港及公铁水联运项目建设领导小组成员单位）\n2.实施乡村道路提升。（责任单位：各县、特区、区人民政府，各经济开发区管委会）\n"

CASES["levels_enumerated_and_and_inside_a_name"] = (LEVELS_AND_AND, [
    ("推进多式联运", "市长江综合门户港及公铁水联运项目建设领导小组成员单位", "responsible"),
    ("实施乡村道路提升", "各县、特区、区人民政府", "responsible"), ("实施乡村道路提升", "各经济开发区管委会", "responsible"),
])


# A project whose numbered sub-points are its fields (（一）责任领导：… （二）责任单位：… （三）协办单位：…
# （四）任务分解：, with points of its own): one item, not one per field.
NUMBERED_FIELDS = "三、实施农村寄宿制学校建设工程，对农村200所中小学实施改水、改厕。\n（一）责任领导：高一勤\n（二）责任单位：市教育局\n（三）协办单位：市财政局、农业局，各县市区人民政府\n（四）项目内容及任务分解：\n1.丹江口市33所，郧县40所。\n2.其余各县市区按计划实施。\n（五）完成时限：2008年内\n"

CASES["numbered_sub_points_that_are_the_tasks_fields"] = (NUMBERED_FIELDS, [
    ("实施农村寄宿制学", "市教育局", "responsible"), ("实施农村寄宿制学", "市财政局", "support"),
    ("实施农村寄宿制学", "农业局", "support"), ("实施农村寄宿制学", "各县市区人民政府", "support"),
])


# A cell-line table whose rows carry a second target with its figures (“三公里”… ⏎ 4 ⏎ 4 ⏎ 100%):
# a figure is no 序号 even where the row before is full; the next row is the next number.
FIGURES_AFTER_A_ROW = "序号 |\n项目名称 |\n目标任务 |\n牵头单位 |\n累计完成 |\n累计进度 |\n1 |\n促进重点群体稳定就业 |\n城镇新增就业1100人 |\n县人社局 |\n1063 |\n96.64% |\n“三公里”充分就业社区4个 |\n4 |\n4 |\n100% |\n2 |\n支持毕业生求职创业 |\n发放求职创业补贴 |\n县人社局 |\n|\n|\n3 |\n放心家政行动 |\n培训家政服务人员613人次 |\n县科商工信局 |\n626 |\n102.12% |\n"

CASES["figures_of_a_row_are_no_row_numbers"] = (FIGURES_AFTER_A_ROW, [
    ("促进重点群体稳定", "县人社局", "lead"), ("支持毕业生求职创", "县人社局", "lead"), ("放心家政行动", "县科商工信局", "lead"),
])


# A meeting report whose one assignment sits inside a paragraph: the task starts with the sentence
# that assigns it. 主办 / 会办 (Guangdong's lead and co-handlers).
REPORT_PARAGRAPH = "县政府召开项目推进会\n5月24日，县政府召开项目推进会。副县长李一出席会议并指出，各部门要提高认识。县国土资源局牵头，县发改局、县住建局等部门密切配合，抢抓时间完成项目用地报批。\n"

CASES["report_paragraph_task_starts_with_its_sentence"] = (REPORT_PARAGRAPH, [
    ("县国土资源局牵头", "县国土资源局", "lead"), ("县国土资源局牵头", "县发改局", "support"), ("县国土资源局牵头", "县住建局", "support"),
])

CO_HANDLERS = "一、办理分工\n1.做好提案办理工作。该提案由市应急管理局主办，市发展改革委、公安局会办。\n"

CASES["host_and_co_handlers"] = (CO_HANDLERS, [
    ("做好提案办理工作", "市应急管理局", "lead"), ("做好提案办理工作", "市发展改革委", "support"), ("做好提案办理工作", "公安局", "support"),
])


# A PDF's text that lost every colon and full stop: the labels glued to the task before them and
# the names after them (…整治活动责任单位各社区居委会、驻辖区单位); each task closed by its clause,
# the next heading counts on (（二）) or titles a section (三、) even without punctuation before it.
GLUED_LABELS = "街道环境整治方案\n二、工作任务和责任分解\n(一)全面开展居民楼院卫生整治人人参与环境卫生整治活动责任单位各社区居委会、驻辖区单位\n(二)开展市容环境卫生整治生活垃圾日产日清责任单位城管科、环卫公司\n三、整治重点和责任分解\n1、联邦快递门前积存垃圾责任单位环卫分公司配合单位办事处、城管中队\n2、公交四公司北侧甬道积存垃圾责任单位环卫分公司\n"

CASES["labels_glued_to_the_words_around_them"] = (GLUED_LABELS, [
    ("全面开展居民楼院", "各社区居委会", "responsible"), ("全面开展居民楼院", "驻辖区单位", "responsible"),
    ("开展市容环境卫生", "城管科", "responsible"), ("开展市容环境卫生", "环卫公司", "responsible"),
    ("联邦快递门前积存", "环卫分公司", "responsible"), ("联邦快递门前积存", "办事处", "support"), ("联邦快递门前积存", "城管中队", "support"),
    ("公交四公司北侧甬", "环卫分公司", "responsible"),
])


def test_real_layout_glued_labels_need_a_list_of_names():
    from pipeline.extract.responsibility import find_glued_labels
    from pipeline.extract.normalise import to_simplified

    for text in ("各责任单位要认真落实", "明确责任单位和责任人", "重点任务牵头部门主责单位协办单位时限、一空气质量目标市交通委", "4项目标的责任单位均为市发改委"):
        assert find_glued_labels(text, to_simplified(text)) == []


# Units as sub-headings, each followed by its duty (（一）党政办 ⏎ 负责…): the task's title is the duty.
UNITS_AS_SUB_HEADINGS = "五、责任分工\n（一）党政办\n负责策划宣传造势，全面发动辖区群众。\n（二）城管中队\n负责整治新港路占道经营。\n"

CASES["units_as_sub_headings_then_their_duties"] = (UNITS_AS_SUB_HEADINGS, [
    ("负责策划宣传造势", "党政办", "responsible"), ("负责整治新港路占", "城管中队", "responsible"),
])


# A header a cell a line whose columns also report on the task (工作进展、取得成效, 监督方式), and a
# page cut after its first row: one row of a wide header is a table.
REPORT_COLUMNS_ONE_ROW = "木李镇重点任务第一季度进展\n目标任务\n执行措施、实施步骤\n工作进展、取得成效\n后续举措\n责任分工\n监督方式\n强化招商引资“指挥部+专班+镇办”工作机制和考核评价体系。\n优化产业链招商专班工作机制，制定精准的督导评价体系。\n已外出招商三次。\n一是定期外出招商。\n木李镇经济发展办公室\n0533-6715628\n压实耕地保护和粮食安全责任\n"

CASES["report_columns_in_a_cell_line_header_and_one_row"] = (REPORT_COLUMNS_ONE_ROW, [
    ("强化招商引资“指", "木李镇经济发展办公室", "responsible"),
])


# A report listing the plan's tasks a sentence each, its clause first (…方面，分工方案明确，由A、B等
#单位分别负责，<task>。由C牵头，D负责，<task>。): the lead-in goes, each 由 sentence is a task.
REPORT_LED_SENTENCES = "重点任务分工方案印发\n在健全服务体系方面，分工方案明确，由国家发展改革委、国家卫生健康委等单位分别负责，建成区域医疗中心。由国家中医药管理局牵头，科技部负责，加快循证医学中心建设。由农业农村部、国家药监局分别负责中药材产区保护。\n"

CASES["report_listing_tasks_a_led_sentence_each"] = (REPORT_LED_SENTENCES, [
    ("由国家发展改革委", "国家发展改革委", "responsible"), ("由国家发展改革委", "国家卫生健康委", "responsible"),
    ("由国家中医药管理", "国家中医药管理局", "lead"), ("由国家中医药管理", "科技部", "responsible"),
    ("由农业农村部、国", "农业农村部", "responsible"), ("由农业农村部、国", "国家药监局", "responsible"),
])


# Pipe rows broken over lines, with lines of bars only between them (| ||||||, |): rules, not the
# table's end; a cell holding only a bar is no unit.
BARS_BETWEEN_ROWS = "2021年度农村环境整治项目实施方案\n序号 | 乡镇 | 水源地名称 | 总投资 | 完成年限 | 责任单位 | 备注 |\n合计 | 232 |\n| |||||||\n1 | 君塘镇 | 九条沟水库饮用水水源地 | 32 | 2021年12月 | 县生态环境局 | |\n|\n2 | 大成镇 | 观音岩水库饮用水水源地 | 50 | 2021年12月 | 县水务局 | |\n"

CASES["lines_of_bars_between_pipe_rows"] = (BARS_BETWEEN_ROWS, [
    ("九条沟水库饮用水", "县生态环境局", "responsible"), ("观音岩水库饮用水", "县水务局", "responsible"),
])


# A progress report numbering its projects 01, 02 with label lines (项目名称：…, 责任单位 ⏎ …): the
# name is the item's title; a progress sentence (…已分解下达任务到镇街和文化馆、图书馆，按月推进落实)
# names no units.
PADDED_PROJECTS = "办实事项目进展情况汇报\n01 项目名称:提升县域生态环境\n项目内容:\n连通城区河道水系。\n责任单位:\n水务局、城管局\n进展与成效:\n已完成可行性研究报告。\n02 项目名称:加大文化惠民力度\n项目内容:\n新建城市书房1个。\n责任单位\n文广旅局\n进展与成效:\n公益文化活动已分解下达任务到镇街和文化馆、图书馆,按月推进落实。\n"

CASES["projects_numbered_01_with_their_name_fields"] = (PADDED_PROJECTS, [
    ("提升县域生态环境", "水务局", "responsible"), ("提升县域生态环境", "城管局", "responsible"),
    ("加大文化惠民力度", "文广旅局", "responsible"),
])


# Units marked 牵头 inside a label's value (责任单位：A、B牵头，C、D), and the notice's rule stated at
# the second item with 下同: it applies from there on, the item before keeps its roles.
RULE_FROM_HERE_ON = "一、省长牵头重点工作\n1.一般公共预算收入与经济增长同步。\n责任单位:省财政厅\n2.坚持政府过紧日子，严控一般性支出。\n责任单位:省政府办公厅、省财政厅牵头,省商务厅(除标注为“牵头”单位外,列第一位的为牵头或汇总单位,下同)\n3.用好地方政府专项债券。\n责任单位:省财政厅、省发展改革委\n"

CASES["rule_stated_with_xiatong_applies_from_there_on"] = (RULE_FROM_HERE_ON, [
    ("一般公共预算收入", "省财政厅", "responsible"),
    ("坚持政府过紧日子", "省政府办公厅", "lead"), ("坚持政府过紧日子", "省财政厅", "lead"), ("坚持政府过紧日子", "省商务厅", "responsible"),
    ("用好地方政府专项", "省财政厅", "lead"), ("用好地方政府专项", "省发展改革委", "responsible"),
])


# A news report quoting the plan's items in its sentences: 第N项任务“…”，主责单位是…。 (是 ends the
# label as 为 does); nothing is numbered, and each sentence with its own clause is a task.
QUOTED_PLAN = "分工方案涉及120项任务\n本报讯 市政府印发今年政府工作报告重点工作分工方案。\n例如，第1项任务“地区生产总值增长6%左右”，牵头领导是副市长张一，主责单位是市发展改革委、各区政府。第9项任务“实施停车管理网格化巡查”，牵头领导是副市长李二，主责单位是市交通委、市公安局。\n"

CASES["report_quoting_the_plan_sentence_by_sentence"] = (QUOTED_PLAN, [
    ("地区生产总值增长", "市发展改革委", "lead"), ("地区生产总值增长", "各区政府", "lead"),
    ("实施停车管理网格", "市交通委", "lead"), ("实施停车管理网格", "市公安局", "lead"),
])

# A two-column list typed with spaces whose unit header is no label the clauses know (负责组织); its
# short first row is no more header.
EVENT_ORGANISERS = "以下为各项目负责组织名单：\n\n比赛项目 负责组织\n羽毛球 公司工会\n乒乓球 公司行政办\n集体拔河 行政、支部、工会\n\n希望各部门落实专人负责。\n"

CASES["space_list_with_a_header_the_clauses_do_not_know"] = (EVENT_ORGANISERS, [
    ("羽毛球", "公司工会", "responsible"), ("乒乓球", "公司行政办", "responsible"),
    ("集体拔河", "行政", "responsible"), ("集体拔河", "支部", "responsible"), ("集体拔河", "工会", "responsible"),
])


# Leaders sharing one title (由鲁某某、郑某某副厅长分别负责) or with their own (金某某总工), then the
# divisions that carry the task out (…处和…处分别落实): only the divisions are units.
LEADERS_THEN_DIVISIONS = "一、生态环境保护\n1、主要污染物排放总量下降3%（牵头单位：区环保厅）。由金国平总工负责，污染物排放总量控制处落实。\n2、抓好水土流失治理工程。由鲁国安、郑忠平副厅长分别负责，环境监测处和农村环境监督管理处分别落实。\n"

CASES["leaders_sharing_a_title_are_no_units"] = (LEADERS_THEN_DIVISIONS, [
    ("主要污染物排放总", "区环保厅", "lead"), ("主要污染物排放总", "污染物排放总量控制处", "responsible"),
    ("抓好水土流失治理", "环境监测处", "responsible"), ("抓好水土流失治理", "农村环境监督管理处", "responsible"),
])

# A page run together whose first heading follows a comma (…快速复苏，一、…): it opens the count
# that 二、 goes on with, so the plan starts there.
FIRST_HEADING_AFTER_A_COMMA = "桑溪市人民政府办公室关于促进文体活动恢复的若干措施的通知桑府办规〔2023〕99号各镇人民政府，市政府直属各单位：《关于促进文体活动恢复的若干措施》已经市政府同意，桑溪市人民政府办公室2023年7月26日（此件主动公开）关于促进文体活动恢复的若干措施为进一步促进文化展演、体育赛事等活动快速复苏，一、承办好省级文体赛事积极争取品牌赛事落户，（责任单位：市文体局、市财政局）二、办好特色文体活动办好排球节等系列活动，（责任单位：市文体局）\n"

CASES["first_heading_after_a_comma_in_a_page_run_together"] = (FIRST_HEADING_AFTER_A_COMMA, [
    ("承办好省级文体赛", "市文体局", "responsible"), ("承办好省级文体赛", "市财政局", "responsible"),
    ("办好特色文体活动", "市文体局", "responsible"),
])


@pytest.mark.parametrize("names, completed", [
    (["省教育", "人力资源社会保障厅"], ["省教育厅", "省人力资源社会保障厅"]),
    (["市实验小学", "桑溪市第二中学", "各区教育局"], ["市实验小学", "桑溪市第二中学", "各区教育局"]),
    (["黄埔区政府", "南沙区政府"], ["黄埔区政府", "南沙区政府"]),
    (["哈尔滨", "黑河", "绥芬河市政府"], ["哈尔滨市政府", "黑河市政府", "绥芬河市政府"]),
])
def test_real_layout_affixes_lent_only_to_incomplete_names(names, completed):
    from pipeline.extract.normalise import complete_names

    assert complete_names(names) == completed


# Session 8 (R26, R27): duty lists and headings of unit names alone; a table whose header cells carry
# notes, a person column headed 负责人, and unit cells merged down the whole table.
CASES.update({
    # 四、职责分工 ⏎ （一）区体育局 ⏎ 1.负责…: the units of a heading two levels up; a duty that is help
    # given (配合…, 提供…配合与支持) makes them support.
    "unit_headings_two_levels_down": (
        "四、职责分工\n（一）区体育局\n1.负责组织全区群众体育活动；\n2.负责指导健身站点建设。\n（二）区教育局\n1.负责学校体育设施对社会开放；\n"
        "2.对群众体育工作提供积极的配合与支持。\n（三）南庄镇、各街道办事处\n1.配合区体育局做好健身器材试点工作；\n2.拟定本镇、街道体育场馆便民服务方案。\n",
        [("负责组织全区群众", "区体育局", "responsible"), ("负责指导健身站点", "区体育局", "responsible"), ("负责学校体育设施", "区教育局", "responsible"),
         ("对群众体育工作提", "区教育局", "support"), ("配合区体育局做好", "南庄镇", "support"), ("配合区体育局做好", "各街道办事处", "support"),
         ("拟定本镇、街道体", "南庄镇", "responsible"), ("拟定本镇、街道体", "各街道办事处", "responsible")],
    ),
    # （一）学院 ⏎ … ⏎ （二）教务处: names too short to head by their form, among siblings that name units
    "unit_headings_among_siblings": (
        "第一条 教学研究\n一、教学改革与研究\n（一）学院\n1、负责推进各项教学改革工作。\n2、负责推荐申报校级教改项目。\n（二）教务处\n"
        "1、负责全校教学改革的规划。\n2、负责制订重大教学改革方案。\n",
        [("负责推进各项教学", "学院", "responsible"), ("负责推荐申报校级", "学院", "responsible"),
         ("负责全校教学改革", "教务处", "responsible"), ("负责制订重大教学", "教务处", "responsible")],
    ),
    # 成员单位职责: each item opens with its unit and a colon, the duty any verb
    "duty_list_by_colon": (
        "双拥工作领导小组成员单位职责\n1、市委办公室：组织协调市委有关部门开展双拥工作，协调市委召开的双拥工作会议。\n"
        "2、市政府办公室：组织协调市政府有关部门开展双拥工作。\n3、市人武部：发挥军地双拥工作的桥梁作用。\n",
        [("市委办公室：组织", "市委办公室", "responsible"), ("市政府办公室：组", "市政府办公室", "responsible"), ("市人武部：发挥军", "市人武部", "responsible")],
    ),
    "duty_list_by_yao": (
        "政务公开制度\n一、公开内容\n1、秘书科要全面做好政府总值班工作，做好依申请公开工作。\n2、综合科要全面做好政务信息报送工作。\n3、外事侨务科要将工作职责、办事程序公开。\n",
        [("秘书科要全面做好", "秘书科", "responsible"), ("综合科要全面做好", "综合科", "responsible"), ("外事侨务科要将工", "外事侨务科", "responsible")],
    ),
    # one item opening so is a topic, not a duty list
    "one_unit_colon_is_not_a_duty_list": (
        "一、工作安排\n1、市委办公室：组织协调双拥工作。\n2、开展走访慰问活动（市民政局负责）。\n",
        [("开展走访慰问活动", "市民政局", "responsible")],
    ),
    # 重点工作任务(民生实事项目) | 牵头单位 | 负责科室 | 负责人 | … | 进展情况(一季度): the notes do not make the
    # header cells too long; 负责人 holds a person; the unit cells of the first row were merged down
    "header_notes_person_column_units_merged_down": (
        "序号\n重点工作任务(民生实事项目)\n牵头单位\n负责科室\n负责人\n计划完成时间\n进展情况(一季度)\n1\n新增老年食堂15个\n区民政局\n养老服务科\n李明\n"
        "11月底前\n已完成3个点位建设。\n2\n新增认知障碍照护床位100张\n10月底前\n目前已完成选址。\n3\n开展为老服务活动300场次\n12月底前\n已累计开展73场次。\n",
        [("新增老年食堂15", "区民政局", "lead"), ("新增老年食堂15", "养老服务科", "responsible"), ("新增认知障碍照护", "区民政局", "lead"),
         ("新增认知障碍照护", "养老服务科", "responsible"), ("开展为老服务活动", "区民政局", "lead"), ("开展为老服务活动", "养老服务科", "responsible")],
    ),
    # 负责人口普查… is 负责 and its task, not a 负责人 (a person)
    "duty_starting_with_ren": (
        "一、职责分工\n省统计局负责人口普查的日常工作，并全面负责专业技术工作。\n省公安厅负责户口整顿工作，以及协助配合人口普查登记阶段相关工作。\n"
        "省财政厅负责人口普查经费的协调保障工作。\n",
        [("省统计局负责人口", "省统计局", "responsible"), ("省公安厅负责户口", "省公安厅", "responsible"), ("省财政厅负责人口", "省财政厅", "responsible")],
    ),
    # ㈦ is （七） in one character; one sub-point closed by its clause is the task, not folded into the heading
    "paren_character_headings_one_sub_point_each": (
        "十、食品安全目标\n㈦依法治理饮用水源的污染，饮用水源达到国家三级以上标准。\n19、加强对水源的监测与治理。增加饮用水源监测频率。\n责任部门：市环保局、市水利局\n"
        "㈧全面推开食品安全信用体系建设工作。\n20、全市食品安全信用企业达到市级信用建设标准。\n责任部门：市工商局、市卫生局\n",
        [("加强对水源的监测", "市环保局", "responsible"), ("加强对水源的监测", "市水利局", "responsible"),
         ("全市食品安全信用", "市工商局", "responsible"), ("全市食品安全信用", "市卫生局", "responsible")],
    ),
    # a duty list whose entries mostly say 负责 (read already), one not: it is read all the same; (10) is
    # a heading as (9) is (healing widens its brackets)
    "duty_list_mixed_openings": (
        "二、成员单位职责\n(1)市气象局:负责发布气象灾害预警信息。\n(2)市教育局:负责组织中小学校规避气象灾害。\n(10)市国土资源局:提供地质灾害易发区分布图。\n"
        "(11)市林业局:负责提供林业灾害影响信息。\n",
        [("市气象局：负责发", "市气象局", "responsible"), ("市教育局：负责组", "市教育局", "responsible"),
         ("市国土资源局：提", "市国土资源局", "responsible"), ("市林业局：负责提", "市林业局", "responsible")],
    ),
    # 主要工作任务 | 牵头单位 | 责任单位 a cell a line, no 序号: each task numbered in its own cell opens a
    # row; of a column's list broken over lines, the last cell is the last column's
    "cell_lines_tasks_numbered_in_their_cell": (
        "2024年政府工作报告主要工作任务分解表\n\n主要工作任务\n\n牵头单位\n\n责任单位\n\n一、优结构、谋发展，加快构建现代化产业体系\n\n"
        "1.主动对接国家战略，完善现代化产业体系。\n\n区发改局\n\n区工信局、区商务局\n\n2.大力发展新兴数字等战略性新兴产业。\n\n发改局\n\n区工信局\n\n"
        "各街道办事处\n\n3.积极培育元宇宙等未来产业。\n\n发改局\n\n区工信局、各街道办事处\n",
        [("主动对接国家战略", "区发改局", "lead"), ("主动对接国家战略", "区工信局", "responsible"), ("主动对接国家战略", "区商务局", "responsible"),
         ("大力发展新兴数字", "发改局", "lead"), ("大力发展新兴数字", "区工信局", "lead"), ("大力发展新兴数字", "各街道办事处", "responsible"),
         ("积极培育元宇宙等", "发改局", "lead"), ("积极培育元宇宙等", "区工信局", "responsible"), ("积极培育元宇宙等", "各街道办事处", "responsible")],
    ),
    # a unit named under 牵头单位 and again under 责任单位 is the task's lead, once
    "unit_in_two_columns_once": (
        "序号 | 工作任务 | 牵头单位 | 责任单位 |\n1 | 推进重大项目建设 | 区发改局 | 区发改局、区财政局 |\n2 | 优化营商环境 | 区营商局 | 区市场监管局 |\n",
        [("推进重大项目建设", "区发改局", "lead"), ("推进重大项目建设", "区财政局", "responsible"),
         ("优化营商环境", "区营商局", "lead"), ("优化营商环境", "区市场监管局", "responsible")],
    ),
    # a page run together: each ministry's duties after the last one's full stop (卫生部：负责… 。 教育部：负责…)
    "duties_run_together_by_colon": (
        "国务院办公厅关于有关部门防治工作职责的通知\n现将有关部门防治工作职责通知如下，请遵照执行。  卫生部:负责组织制定全国防治规划;负责疫情监测工作。  "
        "国家发展计划委员会:负责将防治工作列入国民经济计划。  教育部:负责开展防治宣传教育。\n",
        [("卫生部：负责组织", "卫生部", "responsible"), ("国家发展计划委员", "国家发展计划委员会", "responsible"), ("教育部：负责开展", "教育部", "responsible")],
    ),
    # a report's paragraphs assign the work, the page's numbered items (its terms of use) name no unit
    "paragraphs_assign_numbered_terms_do_not": (
        "十大行业领域安全生产专项整治行动启动\n按照安委会要求，各县区负责组织开展本辖区专项整治工作。\n"
        "市安全监管局牵头，负责组织开展对危险化学品领域的专项整治工作。市公安局牵头，负责组织开展对道路交通领域的专项整治工作。\n"
        "1.未经本网许可，任何人不得使用本网稿件。\n2.本网转载其他媒体之稿件，不代表本网观点。\n",
        [("各县区负责组织开", "各县区", "responsible"), ("市安全监管局牵头", "市安全监管局", "lead"), ("市公安局牵头，负", "市公安局", "lead")],
    ),
    # 由镇公路站负责的…项目: the project the unit is responsible for
    "led_relative_clause": (
        "我为群众办实事重点项目\n聚焦幸福民生。由镇公路站负责的农村道路硬化项目，预计11月份完成。\n聚焦乡村振兴。由农业农村办负责的美丽乡村建设项目，完善村内道路绿化。\n",
        [("由镇公路站负责的", "镇公路站", "responsible"), ("由农业农村办负责", "农业农村办", "responsible")],
    ),
    # pipe rows whose header is not in the text (the page goes on with a table); the last row cut short
    "pipe_rows_without_their_header": (
        "1 | 招大引强行动。深化投资机构对接，招引亿元以上项目60个。 | 1季度：招引项目15个； | 陈某某 | *区投促局 各镇街 各平台 |\n"
        "2 | 高校经济行动。加强与高校科研院所对接，落地高校经济项目100个。 | 1季度：落地项目20个； | 韩某 | *区科技局 各镇街 |\n"
        "3 | 数字生活街区行动。抢抓杭州亚运机遇 | 1季度：完成改造 |\n",
        [("招大引强行动", "区投促局", "responsible"), ("招大引强行动", "各镇街", "responsible"), ("招大引强行动", "各平台", "responsible"),
         ("高校经济行动", "区科技局", "responsible"), ("高校经济行动", "各镇街", "responsible")],
    ),
    # a unit's duty that opens with 牵头 makes it lead, with 协助/配合 support (市民政局：负责牵头…, 公安部门：负责协助…)
    "duty_words_give_the_role": (
        "二、成员单位职责\n(1)市旅游局：负责旅游突发事件的日常管理。\n(2)市民政局：负责牵头处理遇难人员的善后事宜。\n(3)市公安局：负责协助维护现场秩序。\n",
        [("市旅游局：负责旅", "市旅游局", "responsible"), ("市民政局：负责牵", "市民政局", "lead"), ("市公安局：负责协", "市公安局", "support")],
    ),
    # after a full stop, a list of units with its own colon, and a unit whose duty is help (：协助…)
    "duties_run_together_lists_and_help": (
        "五、职责分工\n市旅游局：负责专项整治工作的组织协调。\n市城管局：负责拆除违规广告牌。\n"
        "市坝区工委：负责协助市旅游局做好协调工作。东山县、西河区政府和新城开发区管委会：负责本辖区内专项整治工作。\n"
        "三峡枢纽管理局：负责加强通行证管理。湖北楚天高速公路股份公司：协助有关部门查处违规站点。\n",
        [("市旅游局：负责专", "市旅游局", "responsible"), ("市城管局：负责拆", "市城管局", "responsible"), ("市坝区工委：负责", "市坝区工委", "support"),
         ("东山县、西河区政", "东山县", "responsible"), ("东山县、西河区政", "西河区政府", "responsible"), ("东山县、西河区政", "新城开发区管委会", "responsible"),
         ("三峡枢纽管理局：", "三峡枢纽管理局", "responsible"), ("湖北楚天高速公路", "湖北楚天高速公路股份公司", "support")],
    ),
    # a subject clause whose duty is help (建设局负责协助指导…) makes its unit support
    "subject_clause_duty_is_help": (
        "防汛成员单位职责\n建设局负责协助指导全市城市防洪规划制订工作，配合有关部门组织城市防涝工作。\n市旅游局负责全市各景区防风暴潮期间的管理工作。\n",
        [("建设局负责协助指", "建设局", "support"), ("市旅游局负责全市", "市旅游局", "responsible")],
    ),
    # units opening their sentence, the role verb after a time phrase (在…时，负责), or 归口管理
    "subject_at_a_time_or_managing": (
        "防汛成员单位职责\n市城管局在风暴潮来临时，负责市区内户外广告牌的检查、加固工作。\n水务局归口管理全市防洪抗旱工程。负责组织全市防洪排涝。\n",
        [("市城管局在风暴潮", "市城管局", "responsible"), ("水务局归口管理全", "水务局", "responsible")],
    ),
    # a unit group named with 和 (住房和城乡建设委员会 ⏎ 一、…): its name still heads the tasks under it
    "unit_group_name_with_he": (
        # (after a first group, names of any unit's form head theirs: 总工会, 妇联)
        "成员单位职责\n住房和城乡建设委员会\n一、负责建筑工地农民工的宣传教育工作。\n二、负责督促施工企业落实防护措施。\n总工会\n一、负责在职工中开展宣传教育。\n"
        "妇联\n一、依托基层妇联组织开展宣传。\n",
        [("负责建筑工地农民", "住房和城乡建设委员会", "responsible"), ("负责督促施工企业", "住房和城乡建设委员会", "responsible"),
         ("负责在职工中开展", "总工会", "responsible"), ("依托基层妇联组织", "妇联", "responsible")],
    ),
    # 按职责分工落实 closes a unit list as 按职责分工负责 does
    "by_their_duties_carry_out": (
        "政务公开工作分工\n1.加强政策解读工作。\n各科室、医疗保障事业管理中心按职责分工落实\n2.做好依申请公开工作。\n办公室按职责分工落实\n",
        [("加强政策解读工作", "各科室", "responsible"), ("加强政策解读工作", "医疗保障事业管理中心", "responsible"), ("做好依申请公开工", "办公室", "responsible")],
    ),
    # working groups of a plan (（一）资金协调组。负责… 牵头单位：… 配合单位：…), labels on the heading's line: the
    # labels name the units, the group is not one
    "working_groups_with_their_labels": (
        "三、工作机构\n(一)资金协调组。负责安置房建设资金的组织协调和管理。 牵头单位:自治区财政厅 配合单位:自治区审计厅、自治区民政厅\n"
        "(二)运输协调组。负责安置房物资的运输。 牵头单位:自治区交通厅 配合单位:自治区公安厅\n",
        [("资金协调组", "自治区财政厅", "lead"), ("资金协调组", "自治区审计厅", "support"), ("资金协调组", "自治区民政厅", "support"),
         ("运输协调组", "自治区交通厅", "lead"), ("运输协调组", "自治区公安厅", "support")],
    ),
    # 重点工作 | 具体任务 | 责任单位 | 完成时限 a cell a line between | lines, a section row first: each row's
    # short name opens its title, its task follows
    "cell_lines_between_bars_named_tasks": (
        "重点工作\n|\n具体任务\n|\n责任单位\n|\n完成时限\n|\n一、强化医保部门常态监管机制\n|\n严格定点协议管理\n|\n"
        "切实加强医保经办机构内控制度建设，规范医保服务协议管理。\n|\n市医保局\n|\n2021年12月底前完成\n|\n强化医保医师管理\n|\n"
        "医保部门与医护人员签订服务协议，推行医保医师积分管理制度。\n|\n市医保局\n市卫生健康委\n|\n2021年6月底前完成\n",
        [("严格定点协议管理", "市医保局", "responsible"), ("强化医保医师管理", "市医保局", "responsible"), ("强化医保医师管理", "市卫生健康委", "responsible")],
    ),
    # a space-typed table whose first row is a section row, a row's unit cells going on over the next lines
    "space_rows_section_first_units_over_lines": (
        "区2025年重点工作任务分解表\n序号 重点工作任务 主要责任单位 协同配合单位\n一、2025年经济社会发展的主要预期目标\n"
        "1 地区生产总值增长6.5%左右。 区发改委 区政府各部门、各乡镇人民政府\n2 一般公共预算收入增长5%左右。 区财政局\n区税务局\n区政府有关部门、各乡镇人民政府\n"
        "3 固定资产投资增长7.5%左右。 区发改委 区工信局、区住建局\n",
        [("地区生产总值增长", "区发改委", "lead"), ("地区生产总值增长", "区政府各部门", "support"), ("地区生产总值增长", "各乡镇人民政府", "support"),
         ("一般公共预算收入", "区财政局", "lead"), ("一般公共预算收入", "区税务局", "lead"), ("一般公共预算收入", "区政府有关部门", "support"),
         ("一般公共预算收入", "各乡镇人民政府", "support"), ("固定资产投资增长", "区发改委", "lead"), ("固定资产投资增长", "区工信局", "support"),
         ("固定资产投资增长", "区住建局", "support")],
    ),
    # a section row with a note (一、量化类任务(共14项)) right below a cell-line header is no header cell
    "cell_lines_section_row_with_a_note": (
        "序号\n\n目标任务\n\n牵头责任单位\n\n进展情况\n\n一、量化类任务(共14项)\n\n1\n\n农村居民人均可支配收入与经济增长同步\n\n经管科\n\n"
        "一季度增速7.7%。\n\n2\n\n粮食播种面积稳定在350万亩以上\n\n种植业科\n\n春播有序推进。\n",
        [("农村居民人均可支", "经管科", "lead"), ("粮食播种面积稳定", "种植业科", "lead")],
    ),
    # 成立X领导小组，负责…: the body set up is responsible; …清理由X承担 is 清理 and 由 (not 理由)
    "body_set_up_and_qingli_you": (
        "一、成立机构\n经镇主要领导同意，成立大涌镇农村人居环境整治工作督查领导小组，负责组织推进整治攻坚行动具体工作。\n"
        "二、工程安排\n其他城区河道清理由水利建安工程处承担，马上实施。\n",
        [("成立机构", "大涌镇农村人居环境整治工作督查领导小组", "responsible"), ("工程安排", "水利建安工程处", "responsible")],
    ),
    # a mirror's pinyin glosses: unit_raw keeps the name as written, the canonical unit has none
    "pinyin_glossed_name_as_written": (
        "一、加強規劃。（責(zé)任單位：縣住房和城鄉(xiāng)建設局）\n二、做好宣傳。（責任單位：縣文化局）\n",
        [("加強規劃", "縣住房和城鄉(xiāng)建設局", "responsible"), ("做好宣傳", "縣文化局", "responsible")],
    ),
    # units named by their field alone, the list closed by the noun they share (公安、消防、交警等部门负责);
    # units that are a body (为…机构/是…主体) before the duty they have; units and role words closing a
    # sentence after a comma (加强宣传教育，各有关部门负责落实。)
    "field_stems_and_units_named_as_a_body": (
        "二、工作职责\n（一）区政府办公室和区教育局为运动会的总协调机构。负责联系各责任部门。\n"
        "（二）公安、消防、交警等部门负责保障场馆周边的社会治安。\n（三）由卫生、执法、建设部门负责场馆周边的环境卫生。\n"
        "（四）加强宣传教育，各有关部门负责落实。\n（五）做好应急保障，区卫健委牵头，区应急局配合。\n（六）做好后勤，并积极配合。\n",
        [("区政府办公室和区", "区政府办公室", "responsible"), ("区政府办公室和区", "区教育局", "responsible"),
         ("公安、消防、交警", "公安", "responsible"), ("公安、消防、交警", "消防", "responsible"), ("公安、消防、交警", "交警", "responsible"),
         ("由卫生、执法、建", "卫生", "responsible"), ("由卫生、执法、建", "执法", "responsible"), ("由卫生、执法、建", "建设部门", "responsible"),
         ("加强宣传教育，各", "各有关部门", "responsible"), ("做好应急保障，区", "区卫健委", "lead"), ("做好应急保障，区", "区应急局", "support")],
    ),
    # the news of a meeting: units told what they must do (X、Y要…), read where nothing else attributes the
    # text; not people (各级领导干部要…) nor the units named by their role (配合单位要…)
    "meeting_news_units_told": (
        "会议要求，一是要加快园区建设进度，园区办、国土、交通等部门要帮助企业做好土地变更工作。二是要推进申报工作，"
        "县农牧业局、县供销社要尽快制定申报方案。三是各级领导干部要带头落实，配合单位要主动对接。\n",
        [("要加快园区建设进", "园区办", "responsible"), ("要加快园区建设进", "国土", "responsible"), ("要加快园区建设进", "交通", "responsible"),
         ("要推进申报工作，", "县农牧业局", "responsible"), ("要推进申报工作，", "县供销社", "responsible")],
    ),
    # a clause mid-sentence after a comma, its units named with their level (…，县住房城乡建设局负责…，…);
    # not a phrase of the task before a 负责 (…，做好工作负责…)
    "level_named_units_after_a_comma": (
        "会议强调，要定期调度评估，县住房城乡建设局负责工作日常调度，按照原则定期收集工作情况。\n",
        [("会议强调，要定期", "县住房城乡建设局", "responsible")],
    ),
    # minutes that order or ask a unit (责成X…, 会议要求X要…), not a duty that orders others (在…时责成项目业主…)
    # nor the units named above by their role (会议要求各牵头单位要…)
    "minutes_ordering_units": (
        "一、绿化工作\n1、关于教学楼内庭的绿化一事，责成后勤集团于近期内做好方案。\n2、会议要求后勤服务集团要继续抓好食堂卫生。\n"
        "3、责成区住建局牵头，区财政局配合，尽快完成改造。\n4、区交通局：在紧急情况下责成项目业主强行清除碍洪设施。\n"
        "5、会议要求各牵头单位要科学制定整改方案。\n",
        [("关于教学楼内庭的", "后勤集团", "responsible"), ("会议要求后勤服务", "后勤服务集团", "responsible"),
         ("责成区住建局牵头", "区住建局", "lead"), ("责成区住建局牵头", "区财政局", "support")],
    ),
    # a bulletin's prose: 其责任单位为… ("its" before the label, after a comma)
    "its_responsible_unit_is": (
        "一、华声小区垃圾堆放，其责任单位为海城区政府。\n二、桐洋新城周边道路破损，其责任单位是市住建局。\n",
        [("华声小区垃圾堆放", "海城区政府", "responsible"), ("桐洋新城周边道路", "市住建局", "responsible")],
    ),
    # a supervision bulletin's problems grouped by place, each place with the units answering for it
    # (三义街社区（责任单位：…） ⏎ 1、… 2、…); the numbered problems name no unit of their own
    "problems_grouped_under_labelled_places": (
        "现就问题清单曝光如下：\n三义街社区（责任单位：西城街道办事处三义街社区）\n1、学雷锋志愿岗上班时间无人在岗\n2、便民广场电动车乱停乱放\n"
        "胜利街道办：（责任单位：沙市区胜利街道办事处）\n1、未设置无障碍卫生间\n2、车辆乱停乱放\n",
        [("学雷锋志愿岗上班", "西城街道办事处三义街社区", "responsible"), ("便民广场电动车乱", "西城街道办事处三义街社区", "responsible"),
         ("未设置无障碍卫生", "沙市区胜利街道办事处", "responsible"), ("车辆乱停乱放", "沙市区胜利街道办事处", "responsible")],
    ),
    # a unit heading whose bracket lists the offices it takes in: the unit heads the tasks (not the bracket's names)
    "unit_heading_with_its_merged_offices": (
        "（一）综合办公室（党群工作部、监察室、财务室）\n1. 负责党建、人事和后勤管理工作。\n2. 完成领导交办的其他工作。\n"
        "（二）区财政局\n1. 负责资金保障。\n",
        [("负责党建、人事和", "综合办公室（党群工作部、监察室、财务室）", "responsible"), ("完成领导交办的其", "综合办公室（党群工作部、监察室、财务室）", "responsible"),
         ("负责资金保障", "区财政局", "responsible")],
    ),
    # adverbs between the units and the verb (还将负责), after adverbial openings in a row (根据…，为…，)
    "subject_with_adverbs_after_adverbials": (
        "根据《分工方案》，为支持核心经济区率先发展，发展改革委、工业和信息化部将负责支持建设都市经济圈。\n"
        "发展改革委、财政部等部门还将负责推动经济区加快发展。\n",
        [("根据《分工方案》", "发展改革委", "responsible"), ("根据《分工方案》", "工业和信息化部", "responsible"),
         ("发展改革委、财政", "发展改革委", "responsible"), ("发展改革委、财政", "财政部", "responsible")],
    ),
    # 工作任务 | 具体要求 | 落实科室(部门), a cell a line: the task's name stands in its group's first row only;
    # points numbered in one cell share the unit cell that closes them; the count goes on below the table.
    "points_in_one_cell_share_its_units_and_the_count_goes_on": (
        "县统计局2022年信息公开工作分工\n\n工作任务\n\n具体要求\n\n落实科室(部门)\n\n公开统计数据\n\n"
        "1.按月公开主要经济指标数据。\n\n综合科、普查中心按职责分工落实\n\n2.做好统计公报解读工作。\n\n办公室\n\n"
        "规范统计执法\n\n3.公开统计执法检查计划。\n\n4.公开统计违法案件查处结果。\n\n执法监督科、法规科按职责分工落实\n\n"
        "做好预决算公开\n\n5.按时公开部门预算和决算。\n\n6.公开三公经费使用情况。\n",
        # (the group's name heads the titles of the rows it stands beside; 5. and 6., after the table, name no unit)
        [("公开统计数据1.", "综合科", "responsible"), ("公开统计数据1.", "普查中心", "responsible"), ("做好统计公报解读", "办公室", "responsible"),
         ("规范统计执法——", "执法监督科", "responsible"), ("规范统计执法——", "法规科", "responsible"),
         ("规范统计执法——", "执法监督科", "responsible"), ("规范统计执法——", "法规科", "responsible")],
    ),
    # 四、职责分工 ⏎ （一）X和Y、Z部门：要…: units told their duty after a colon, departments named by their
    # field and the noun they share, a whole name joined to the fields by 和
    "duties_after_a_colon_fields_sharing_their_noun": (
        "四、职责分工\n（一）人社局和教育、民政部门：要把职业技能培训纳入年度计划，落实培训补贴。\n"
        "（二）住建、交通、水利部门：要在工程建设中保障务工人员工资按时足额支付。\n（三）驻外联络处要及时提供用工信息。\n",
        [("人社局和教育、民", "人社局", "responsible"), ("人社局和教育、民", "教育", "responsible"), ("人社局和教育、民", "民政部门", "responsible"),
         ("住建、交通、水利", "住建", "responsible"), ("住建、交通、水利", "交通", "responsible"), ("住建、交通、水利", "水利部门", "responsible"),
         ("驻外联络处要及时", "驻外联络处", "responsible")],
    ),
    # （A牵头、B配合）: the role phrases separated by 、 as by a comma
    "role_phrases_separated_by_a_pause_mark": (
        "一、目标任务\n（一）新增高效节水灌溉面积5000亩。（县水利局牵头、各乡镇配合）\n（二）维修农村供水工程12处（各乡镇牵头、县水利局配合）。\n",
        [("新增高效节水灌溉", "县水利局", "lead"), ("新增高效节水灌溉", "各乡镇", "support"),
         ("维修农村供水工程", "各乡镇", "lead"), ("维修农村供水工程", "县水利局", "support")],
    ),
    # 责任单位中排序第一的单位为牵头单位: the stated rule, single units too
    "first_in_order_is_lead": (
        "（责任单位中排序第一的单位为牵头单位）\n一、重点工作\n1.建设区级物流园区（区发改局、区商务局）\n2.完善农村电商网点（区商务局）\n",
        [("建设区级物流园区", "区发改局", "lead"), ("建设区级物流园区", "区商务局", "responsible"), ("完善农村电商网点", "区商务局", "lead")],
    ),
    # [接上页] X部门，负责…。 Y部门，负责…。: a continued page of sentences each opening with its units and a
    # comma before the verb; the first sentence is a task like the others
    "continued_page_of_units_then_a_comma": (
        "[接上页] 交通部门，负责通村道路建设。 教育部门，负责试点村成人教育。 水利部门，负责农田水利建设。\n",
        [("交通部门，负责通", "交通部门", "responsible"), ("教育部门，负责试", "教育部门", "responsible"), ("水利部门，负责农", "水利部门", "responsible")],
    ),
    # （一）X主要工作任务： ⏎ 1、… ⏎ 2、…: tasks under a heading that names the unit and its duties, each its own
    # even where a helpers' line closes them; a heading with a paragraph below is the unit's task itself; but
    # 成员单位职责 names a role, no unit
    "unit_and_its_duties_heading": (
        "五、职责分工\n（一）县工信局主要工作任务：\n1、督促重点企业完成脱硫改造。\n2、淘汰落后燃煤锅炉。\n协助单位：县环保局。\n"
        "（二）县林业局主要工作任务：\n依据造林规划，完成荒山绿化3000亩。\n（三）广电台工作职责\n1、做好治理成效的宣传报道。\n"
        "（四）成员单位职责\n1、按时报送工作进展（县治理办负责）。\n",
        [("督促重点企业完成", "县工信局", "responsible"), ("淘汰落后燃煤锅炉", "县工信局", "responsible"), ("淘汰落后燃煤锅炉", "县环保局", "support"),
         ("县林业局主要工作", "县林业局", "responsible"), ("做好治理成效的宣", "广电台", "responsible"), ("按时报送工作进展", "县治理办", "responsible")],
    ),
    # a regulation's duty articles: X、Y等有关部门应当… (fields of seven characters; 文化和旅游 one field)
    "duty_article_units_told_by_ying_dang": (
        "县人民政府负责本行政区域内河道保护工作。\n"
        "发展改革、住房和城乡建设、文化和旅游、市场监督管理等有关部门应当在各自职责范围内做好河道保护的监督管理工作。\n",
        [("县人民政府负责本", "县人民政府", "responsible"), ("发展改革、住房和", "发展改革", "responsible"), ("发展改革、住房和", "住房和城乡建设", "responsible"),
         ("发展改革、住房和", "文化和旅游", "responsible"), ("发展改革、住房和", "市场监督管理", "responsible")],
    ),
    # a bulletin's problems, each a bullet then a line of its own bracketing who answers for it
    "bulleted_problems_closed_by_bracketed_duties": (
        "● 农贸市场外占道经营现象突出，保洁不到位。\n（主体责任：城南市场管理处，监督责任：区市场监管局）\n"
        "● 新华路施工工地围挡破损，渣土未覆盖。\n（主体责任：市政工程公司，监督责任：区住建局）\n",
        [("农贸市场外占道经", "城南市场管理处", "responsible"), ("农贸市场外占道经", "区市场监管局", "responsible"),
         ("新华路施工工地围", "市政工程公司", "responsible"), ("新华路施工工地围", "区住建局", "responsible")],
    ),
    # cells a line each, closed by ` |` (the last by ` | ||`: empty cells after it); a unit header of more than
    # eight characters that ends with the units it holds
    "cells_closed_by_bars_and_a_long_unit_header": (
        "一、提升履职能力 |\n工作任务 |\n局内牵头科室 |\n系统内责任科、站、单位 |\n"
        "推进政务服务事项网上办理。 |\n审批科 |\n各县（区）交通运输局,局属各单位 | ||\n"
        "完善行政执法公示制度。 |\n法规科 |\n各县（区）交通运输局,执法支队 | ||\n",
        [("推进政务服务事项", "审批科", "lead"), ("推进政务服务事项", "各县（区）交通运输局", "responsible"), ("推进政务服务事项", "局属各单位", "responsible"),
         ("完善行政执法公示", "法规科", "lead"), ("完善行政执法公示", "各县（区）交通运输局", "responsible"), ("完善行政执法公示", "执法支队", "responsible")],
    ),
    # a reply column: each complaint, then the reply naming the unit it was passed to; the first field's
    # name (shaped alike: 市民…反映) opens the next record
    "complaints_and_the_units_they_were_passed_to": (
        "市民王先生反映：文化路的路灯不亮已有一周。\n市城市管理局：已通知责任单位西城区政府，要求三日内修复。\n"
        "市民李女士反映：人民公园东门井盖缺失。\n市城市管理局：已转交市公用事业局处理。\n",
        [("市民王先生反映：", "西城区政府", "responsible"), ("市民李女士反映：", "市公用事业局", "responsible")],
    ),
    # a cover letter run into one line that ends with the table's header; the rows below, cells by spaces,
    # a merged name cell missing; the cover letter stays a paragraph
    "space_table_whose_header_closes_a_paragraph": (
        "县政府办公室关于分解落实2019年政府工作任务的通知 各乡镇人民政府，县政府各部门：现将任务分解表印发给你们，请认真落实。"
        " 附件：2019年政府工作任务分解表 序号 名称 工作任务 牵头责任单位\n\n一、主要预期目标（3项）\n\n"
        "1 地区生产总值增长6.5%. 发改委\n\n2 一般公共预算收入增长5%. 财政局\n\n3 城镇登记失业率控制在3%以内. 人社局\n",
        [("地区生产总值增长", "发改委", "lead"), ("一般公共预算收入", "财政局", "lead"), ("城镇登记失业率控", "人社局", "lead")],
    ),
    # a page that begins partway into a plan: before its first heading, sentences closed by their own clauses
    "tasks_before_the_first_heading_of_a_continued_page": (
        "[接上页] 完善公共租赁住房管理办法。（市住房保障局牵头） 推进城中村改造。（市建设委牵头）\n"
        "5.全面提升教育水平\n加大中小学建设力度。（市教委牵头）\n",
        [("完善公共租赁住房", "市住房保障局", "lead"), ("推进城中村改造", "市建设委", "lead"), ("全面提升教育水平", "市教委", "lead")],
    ),
})


def test_real_layout_points_in_one_cell_are_items_and_the_count_goes_on(write_notice):
    text, _ = CASES["points_in_one_cell_share_its_units_and_the_count_goes_on"]
    document = pipeline.parse(write_notice(text))
    assert [item.number for item in document.items] == ["1", "2", "3", "4", "5", "6"]
    assert [item.title.split("——")[-1][:6] for item in document.items[2:4]] == ["3.公开统计", "4.公开统计"]


def triples(document) -> list[tuple[str, str, str]]:
    return [(item.title.replace(" ", "")[:8], r.unit_raw, r.role) for item in document.items for r in item.responsibilities]


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_real_layout_is_read(write_notice, text, expected):
    document = pipeline.parse(write_notice(text))
    assert triples(document) == expected
    by_id = document.items_by_id()
    for item in document.items:
        for r in item.responsibilities:
            assert r.line is not None
            # provenance: the span is the name (as healed; unit_raw keeps a mirror's pinyin glosses)
            assert item.clause_host(r, by_id)[r.start : r.end] == GLOSS.sub("", r.unit_raw)


def test_real_layout_glossed_unit_is_healed(write_notice):
    """The canonical unit of a name written with a mirror's pinyin glosses has none of them."""
    document = pipeline.parse(write_notice(GLOSSES))
    assert [(r.unit_raw, r.unit) for _, r in document.responsibilities] == [("區(qū)民政局", "区民政局"), ("區(qū)紅十字會(huì)", "区红十字会")]


def test_real_layout_number_over_999_kept(write_notice):
    document = pipeline.parse(write_notice(NUMBERS_OVER_999))
    assert [i.number for i in document.items] == ["1001", "1002"]


def test_real_layout_table_cells_point_into_the_source(write_notice):
    """Every unit of a recovered table is found at its line in the file as written."""
    path = write_notice(CELL_LINES_BLANK)
    lines = path.read_text("utf-8").splitlines()
    document = pipeline.parse(path)
    for item in document.items:
        for r in item.responsibilities:
            assert r.unit_raw in lines[r.line - 1]


def test_real_layout_unattributed_item_has_an_empty_row(write_notice):
    text = "一、总体要求\n（一）坚持系统观念，统筹推进各项工作。\n（二）落实河长制。（市水务局牵头）\n"
    frame = documents_to_long([pipeline.parse(write_notice(text))])
    assert frame["title"].tolist() == ["坚持系统观念，统筹推进各项工作", "落实河长制"]
    assert frame["unit"].tolist() == ["", "市水务局"]


def test_real_layout_glued_number_needs_a_label_line(write_notice):
    """``3个片区已完成改造。`` opens with a figure, not an item number: no label line follows it."""
    document = pipeline.parse(write_notice(GLUED_NUMBER_BLOCKS))
    assert [item.number for item in document.items] == ["1", "2"]


def _lines(text: str):
    from pipeline.model import SourceLine

    out, offset = [], 0
    for number, line in enumerate(text.split("\n"), start=1):
        out.append(SourceLine(number=number, text=line, offset=offset))
        offset += len(line) + 1
    return tuple(out)


def test_real_layout_long_numbered_paragraphs_are_not_pages():
    """Item paragraphs 1、 2、 that end their sentences keep their numbers: only pages cut mid-sentence are pages."""
    from pipeline.layout.page_marks import strip_page_numbers

    long = "加强统筹协调，" * 60
    lines = _lines(f"1、{long}完成。\n2、{long}完成。\n3、短句。")
    assert strip_page_numbers(lines) == lines
    cut = _lines(f"1、{long}加强监\n2、督检查{long}完成。\n3、短句。")
    assert [line.text[:4] for line in strip_page_numbers(cut)] == ["加强统筹", "督检查加", "短句。"]


def test_real_layout_unit_cells_are_not_field_labels():
    """``市发改委牵头落实`` under a task is a unit cell, not a label whose value is the next task."""
    from pipeline.layout.fields import join_field_lines

    lines = _lines("围绕出台促进就业规划，加强信息公开。\n市发改委牵头落实\n围绕稳健中性的货币政策，加强信息公开。\n市人社局牵头落实")
    assert join_field_lines(lines) == lines
    record = _lines("责任单位\n卫健局\n配合单位:\n各乡镇")
    joined = join_field_lines(record)
    assert [(line.number, line.text) for line in joined] == [(2, "责任单位：卫健局"), (4, "配合单位： 各乡镇")]
    text = "\n".join(line.text for line in record)
    for line in joined:  # every character of the value still stands at its offset
        value = line.text.split("：", 1)[1].strip()
        assert text[line.offset + line.text.index(value) :].startswith(value)


# A heading whose line closes with its own clause after its first sentence, then sub-items with
# theirs (a completion report): the heading is a task of its own, and 1. after the heading's line
# (no final punctuation) opens the count that 2. goes on with.
HEADING_WITH_ITS_OWN_CLAUSE = "截至年底，十件实事全面完成。具体情况如下：\n一、减少农村扶贫对象6万人；实施易地扶贫搬迁1万人。(责任单位:市扶贫办、市移民局,各县区政府)该件实事已全面完成\n1.减少农村扶贫对象6万人(责任单位:市扶贫办,各县区)\n此项工作已完成。\n2.实施易地扶贫搬迁1万人。(责任单位:市移民局,西秀区)\n此项工作已完成。\n"


def test_real_layout_heading_with_its_own_clause_and_sub_items_with_theirs(write_notice):
    document = pipeline.parse(write_notice(HEADING_WITH_ITS_OWN_CLAUSE))
    assert [(item.number, [r.unit_raw for r in item.responsibilities]) for item in document.items] == [
        ("一", ["市扶贫办", "市移民局", "各县区政府"]), ("1", ["市扶贫办", "各县区"]), ("2", ["市移民局", "西秀区"]),
    ]


# Session 11 (R40): one sentence divides the work among departments, most with 负责, some with a
# task verb of their own (保卫部制定…); a lone part like that, with no sibling clauses, is no clause.
CASES.update({
    "divided_sentence_parts_opening_with_a_unit_and_a_verb": (
        "为做好迎峰度夏工作，公司明确分工：调度中心负责编制电网运行方式；设备管理部组织开展线路隐患排查；"
        "物资供应中心负责备品备件储备；客户服务部制定有序用电方案。\n",
        [("调度中心负责编制", "调度中心", "responsible"), ("设备管理部组织开", "设备管理部", "responsible"),
         ("物资供应中心负责", "物资供应中心", "responsible"), ("客户服务部制定有", "客户服务部", "responsible")],
    ),
    "a_part_with_a_verb_alone_is_no_clause": (
        "一、迎峰度夏\n（一）设备管理部组织开展线路隐患排查。\n（二）做好备品备件储备。（责任单位：物资供应中心）\n",
        [("做好备品备件储备", "物资供应中心", "responsible")],
    ),
})


# Session 11 (R35): a document site's page run into one line opens with its page's own number
# (``1、``) before the plan's count (``7、… 8、…``): the count is read from the number after it.
STRAY_NUMBER_BEFORE_THE_COUNT = (
    "1、绿化提升工作方案（续），对城区主要道路两侧的绿地进行补植。牵头单位：区园林局。责任单位：区城管局。"
    "7、河道保洁整治。对城区河道开展全面清淤和保洁，做到水面无漂浮物，岸坡无垃圾堆放。牵头单位：区水务局。责任单位：各街道办事处。"
    "8、背街小巷整治。对背街小巷的路面破损、照明缺失进行修复，做到路平灯亮。牵头单位：区城管局。责任单位：区住建局。\n"
)
CASES["a_stray_number_before_the_count_in_a_run_together_page"] = (STRAY_NUMBER_BEFORE_THE_COUNT, [
    ("绿化提升工作方案", "区园林局", "lead"), ("绿化提升工作方案", "区城管局", "responsible"),
    ("河道保洁整治", "区水务局", "lead"), ("河道保洁整治", "各街道办事处", "responsible"),
    ("背街小巷整治", "区城管局", "lead"), ("背街小巷整治", "区住建局", "responsible"),
])


# Session 11 (R45, R47, R48, first runs): a label that names the units and their leaders
# (责任单位及责任人：…主要领导); a role label run into the item's short title, the space between them
# lost (（一）…筛查牵头责任部门：…); a table's header of two rows written a cell a line, the role
# columns (牵头单位, 协助单位) under one 责任单位 cell.
CASES.update({
    "label_naming_units_and_their_leaders": (
        "附件\n一、站点建设\n1.年底前，完成城北消防站建设。\n责任单位及责任人:城北区政府、市消防救援支队主要领导。\n"
        "2.年底前，完成江口消防站改造。\n责任单位和责任人：江口县政府主要负责人。\n",
        [("年底前，完成城北", "城北区政府", "responsible"), ("年底前，完成城北", "市消防救援支队", "responsible"),
         ("年底前，完成江口", "江口县政府", "responsible")],
    ),
    "role_label_run_into_the_title": (
        "一、进展情况\n（一）老年人免费体检牵头责任部门：县卫生健康委员会\n截至3月底，已完成体检2000人。\n"
        "（二）农村公路养护牵头责任部门：县交通运输局\n已完成养护里程120公里。\n",
        [("老年人免费体检牵", "县卫生健康委员会", "lead"), ("农村公路养护牵头", "县交通运输局", "lead")],
    ),
    "two_row_header_a_cell_a_line": (
        "序号 |\n项目名称 |\n责任单位 |\n完成时间 | ||\n牵头单位 |\n协助单位 | ||||\n"
        "1 |\n老城区雨污分流改造 |\n市住建局 |\n市城管局 市生态环境局 |\n2025年底 |\n"
        "2 |\n河道沿线截污管网建设 |\n市水务局 |\n属地区政府 |\n2026年底 | |\n",
        [("老城区雨污分流改", "市住建局", "lead"), ("老城区雨污分流改", "市城管局", "support"), ("老城区雨污分流改", "市生态环境局", "support"),
         ("河道沿线截污管网", "市水务局", "lead"), ("河道沿线截污管网", "属地区政府", "support")],
    ),
})


# Session 11 (R47): a labelled bracket whose close the page lost at the end of its line.
CASES["labelled_bracket_left_open_at_the_line_end"] = (
    "一、民生实事\n（1）新建城市社区食堂3个。(牵头单位:县民政局\n（2）改造老旧小区12个。(牵头单位:县住建局；配合单位:各镇)\n",
    [("新建城市社区食堂", "县民政局", "lead"), ("改造老旧小区12", "县住建局", "lead"), ("改造老旧小区12", "各镇", "support")],
)


# Session 11 (R47): one place's party committee and government named as one (清丰县党委、政府), and a zone's
# 党工委、管委会, kept whole like 各盟市党委、政府.
CASES["a_places_party_committee_and_government_as_one"] = (
    "一、重点工程\n（1）建设沿河防护林带。（责任单位：市林业局，南乐县党委、政府，高新区党工委、管委会）\n",
    [("建设沿河防护林带", "市林业局", "responsible"), ("建设沿河防护林带", "南乐县党委、政府", "responsible"), ("建设沿河防护林带", "高新区党工委、管委会", "responsible")],
)


# Session 11 (R45): a table of inspection groups, a cell a line after ``|``, each row closed by a
# ``|`` line per empty cell: the group names the row, the lead column its unit; the inspected
# districts (督查单位) are no one's responsibility.
GROUPS_TABLE = "附件\n督查组分组表\n分 组\n| 督查组牵头单位\n| 督查单位\n| 备 注\n|\n第一组\n| 市应急局\n| 东城区\n|\n|\n第二组\n| 市交通局\n| 西城区\n|\n|\n第三组\n| 市市场监管局\n| 南湖区\n|\n|\n"
CASES["inspection_groups_a_cell_a_line"] = (GROUPS_TABLE, [("第一组", "市应急局", "lead"), ("第二组", "市交通局", "lead"), ("第三组", "市市场监管局", "lead")])


# Session 11 (R39): the groups of an inspection written as lines, each led by the unit in the bracket
# after ``组长单位`` and helped by the one after ``副组长单位``; each group is a task numbered by its name.
GROUPS_IN_LINES = (
    "三、督查安排\n由领导小组统一组织，分组开展督查。\n第一组：组长单位（县应急局）\n副组长单位（县住建局）\n督查单位：城关镇、河口镇。\n"
    "第二组：组长单位（县交通局）\n副组长单位（县水利局）\n督查单位：县直各单位。\n"
)
CASES["inspection_groups_in_lines_led_by_the_bracketed_unit"] = (GROUPS_IN_LINES, [
    ("组长单位（县应急", "县应急局", "lead"), ("组长单位（县应急", "县住建局", "support"),
    ("组长单位（县交通", "县交通局", "lead"), ("组长单位（县交通", "县水利局", "support"),
])


def test_real_layout_inspection_groups_are_numbered_by_their_names(write_notice):
    document = pipeline.parse(write_notice(GROUPS_IN_LINES))
    assert [item.number for item in document.items] == ["三", "第一组", "第二组"]


# Session 11 (R47): points counted 一是… 二是… after a report's lead-in, each closed by its own bracket:
# the first point is a task of its own, not the lead-in's.
CASES["counted_points_after_a_lead_in_each_closed_by_its_bracket"] = (
    "截至3月末，涉及我县的节点任务有3个，分别为：一是新建乡镇卫生院2所（责任单位：县卫健局）；二是改造农村危房50户（责任单位：县住建局）；"
    "三是新增公益性岗位100个（责任单位：县人社局）。目前3个任务均已完成。\n",
    [("新建乡镇卫生院2", "县卫健局", "responsible"), ("改造农村危房50", "县住建局", "responsible"), ("新增公益性岗位1", "县人社局", "responsible")],
)


# Session 11 (R45): an adverb between the units and their role verb (…等部门和单位共同配合, 积极配合) is no part
# of the last unit's name.
CASES["adverb_before_the_role_verb"] = (
    "一、职责分工\n（一）春节燃放安全。由县公安局牵头，县应急局、县市场监管局等部门和单位共同配合，做好全县燃放管理工作。\n"
    "（二）节日市场保供。县商务局牵头，县农业农村局积极配合，做好重要商品储备。\n",
    [("春节燃放安全", "县公安局", "lead"), ("春节燃放安全", "县应急局", "support"), ("春节燃放安全", "县市场监管局", "support"),
     ("节日市场保供", "县商务局", "lead"), ("节日市场保供", "县农业农村局", "support")],
)


@pytest.mark.parametrize("label, role", [
    ("责任单位及责任人", "responsible"), ("责任部门/责任人", "responsible"), ("牵头单位和负责人", "lead"),
    ("配合单位及联系人", "support"), ("责任人", "person"), ("具体责任人", "person"),
])
def test_real_layout_a_label_naming_the_people_beside_its_units_keeps_its_role(label, role):
    """A known label with the people beside it (及责任人, /负责人) gives its units the known label's role; the
    people alone stay people."""
    from pipeline.extract.responsibility import find_labels, label_role

    assert label_role(label) == role
    assert find_labels(f"1.完成改造。\n{label}：县住建局")[0][:2] == (label, role)


# Session 11: a header of two rows, the role columns under one 责任单位 cell, in each text table layout.
TWO_ROW_HEADERS = {
    "pipe_rows": "| 序号 | 工作任务 | 责任单位 | | 完成时限 |\n| | | 牵头单位 | 配合单位 | |\n| 1 | 推进背街小巷改造 | 市住建局 | 市财政局 | 年底 |\n| 2 | 建设社区公园 | 市城管局 | 各区政府 | 年底 |\n",
    "pipe_rows_without_the_leading_bar": "序号 | 工作任务 | 责任单位 | 完成时限 |\n牵头单位 | 配合单位 |\n1 | 推进背街小巷改造 | 市住建局 | 市财政局 | 年底 |\n2 | 建设社区公园 | 市城管局 | 各区政府 | 年底 |\n",
    "space_rows": "序号 工作任务 责任单位 完成时限\n牵头单位 配合单位\n1 推进背街小巷改造 市住建局 市财政局 年底\n2 建设社区公园 市城管局 各区政府 年底\n",
}


@pytest.mark.parametrize("text", TWO_ROW_HEADERS.values(), ids=TWO_ROW_HEADERS.keys())
def test_real_layout_two_row_header_gives_each_role_column_its_role(write_notice, text):
    assert triples(pipeline.parse(write_notice(text))) == [
        ("推进背街小巷改造", "市住建局", "lead"), ("推进背街小巷改造", "市财政局", "support"),
        ("建设社区公园", "市城管局", "lead"), ("建设社区公园", "各区政府", "support"),
    ]


# Session 11 (R51, R42): a newspaper's digest of complaints under group titles; each complaint is a
# task of the unit the reply names: notified (已通知X, 已发现并通知X) or putting it right itself
# (X已于…将…, X正在…), not the bureau that replies.
COMPLAINTS_UNDER_GROUP_TITLES = (
    "市容管理\n市民张先生反映：文化路夜市摊点占用人行道，行人只能走机动车道。\n"
    "市城管局：巡查人员已发现并通知西城区城管执法大队，要求本周内整治。\n"
    "市民赵女士反映：南门菜场门口垃圾堆放多日无人清运。\n市城管局：已通知南门街道办事处，要求两日内清运完毕。\n"
    "设施维护\n市民钱先生反映：建设路公交站台的雨棚破损漏雨。\n市城管局：市公交集团公司已于5日将雨棚修好。\n"
    "市民孙女士反映：滨河公园的路灯连续多晚不亮。\n市城管局：市路灯管理所正在对线路进行检修。\n"
)
CASES["complaints_under_group_titles_answered_by_the_unit_the_reply_names"] = (COMPLAINTS_UNDER_GROUP_TITLES, [
    ("市民张先生反映：", "西城区城管执法大队", "responsible"), ("市民赵女士反映：", "南门街道办事处", "responsible"),
    ("市民钱先生反映：", "市公交集团公司", "responsible"), ("市民孙女士反映：", "市路灯管理所", "responsible"),
])


# Session 11 (R49, after its first run): a central plan's measures, ``主要措施：(1)… (2)…`` run into one
# line; each measure opens with the unit that carries it out (no role word), or with a unit acting
# together with others (X会同Y: X responsible, no 牵头 names it the lead; Y support); levels with their notes named as one collective.
MEASURES_RUN_TOGETHER = (
    "三、专业技术人员培训\n"
    "主要措施：(1)国家人事部门组织实施专业技术人员继续教育，指导各行业开展全员培训，逐步形成继续教育制度体系，建立健全相关规章。"
    "(2)中央组织部会同有关部门，每年安排600名左右高级专家到国家级培训机构培训，提高培训质量。"
    "(3)各省（自治区、直辖市）、市（地、州、盟）人事部门每年安排不少于1/5的专业技术人员参加培训，确保全覆盖。\n"
)
CASES["measures_run_together_each_opened_by_its_unit"] = (MEASURES_RUN_TOGETHER, [
    ("国家人事部门组织", "国家人事部门", "responsible"),
    ("中央组织部会同有", "中央组织部", "responsible"), ("中央组织部会同有", "有关部门", "support"),
    ("各省（自治区、直", "各省（自治区、直辖市）、市（地、州、盟）人事部门", "responsible"),
])
CASES["acting_together_with_others"] = (
    "一、完善制度\n1.市发展改革委会同市财政局、市统计局研究制定考核办法。\n2.由市人社局会同市教育局负责技能培训。\n",
    [("市发展改革委会同", "市发展改革委", "responsible"), ("市发展改革委会同", "市财政局", "support"), ("市发展改革委会同", "市统计局", "support"),
     ("由市人社局会同市", "市人社局", "responsible"), ("由市人社局会同市", "市教育局", "support")],
)
# A lone measure opened by a unit, its siblings attributed otherwise, stays unattributed.
CASES["a_lone_item_opened_by_a_unit_is_no_clause"] = (
    "一、重点任务\n1.市城管局完成三轮车统一标识改造。\n2.推进道路保洁。（责任单位：市环卫处）\n3.开展夜间巡查。（责任单位：市公安局）\n",
    [("推进道路保洁", "市环卫处", "responsible"), ("开展夜间巡查", "市公安局", "responsible")],
)


# Session 11 (R50): a government's division of work naming the leader in charge, then the units that
# undertake it (由某某同志负责，市体育局、市建委承办): the leader is a person, no unit; under the leader,
# 承办 is the units' responsibility; the sentences before each such closing clause are its task.
LEADER_THEN_UNDERTAKERS = (
    "五、推进社会事业发展\n加强基层医疗卫生机构建设。由小军同志负责，市卫生局、市财政局承办。\n"
    "促进全民健身运动开展。由远牧同志负责，市体育局、市建委承办。\n"
)
CASES["leader_named_then_the_units_undertaking"] = (LEADER_THEN_UNDERTAKERS, [
    ("加强基层医疗卫生", "市卫生局", "responsible"), ("加强基层医疗卫生", "市财政局", "responsible"),
    ("促进全民健身运动", "市体育局", "responsible"), ("促进全民健身运动", "市建委", "responsible"),
])


# Session 11 (R52): a role sentence whose supporting units take their task straight after the role
# word (…等相关部门单位配合落实…), and one whose last units take theirs with 负责 after a comma
# (…配合，各乡镇负责抓好落实…).
CASES["role_sentence_with_the_task_after_its_role_words"] = (
    "二、工作安排\n（一）城区环境整治。由县住建局牵头，县卫健局、县商务局等相关部门单位配合落实城区环境卫生整治。\n"
    "（二）农村环境整治。由县爱卫办牵头，县生态环境局配合，各乡镇负责抓好落实农村环境卫生整治。\n",
    [("城区环境整治", "县住建局", "lead"), ("城区环境整治", "县卫健局", "support"), ("城区环境整治", "县商务局", "support"),
     ("农村环境整治", "县爱卫办", "lead"), ("农村环境整治", "县生态环境局", "support"), ("农村环境整治", "各乡镇", "responsible")],
)


# Session 11 (R52): a document site's page run into one line, each unit's heading glued to the text before
# it and to its first sub-item (…职责分解一、县城区办事处(一)…。(二)…。二、县建设局(一)…): the outline's pairs
# are cut, so each unit heads its duties.
GLUED_OUTLINE = (
    "县创建园林县城责任单位职责分解一、县城关镇(一)积极做好辖区内建筑物屋顶和墙面的立体绿化，培育立体绿化典型，组织辖区内各单位开展庭院绿化美化活动。"
    "(二)积极开展全民义务植树活动，实施义务植树登记卡制度，植树成活率不低于85%。二、县住建局(一)加强绿化建设，分类统计辖区内绿化覆盖面积和绿地面积，建立绿化台账。"
    "(二)完善城市绿地系统规划，实行绿线管理制度，确保规划绿地落实到位。\n"
)
CASES["a_run_together_outline_of_units_and_their_duties"] = (GLUED_OUTLINE, [
    ("积极做好辖区内建", "县城关镇", "responsible"), ("积极开展全民义务", "县城关镇", "responsible"),
    ("加强绿化建设，分", "县住建局", "responsible"), ("完善城市绿地系统", "县住建局", "responsible"),
])
# Places opening measures (中心城区加快…, 老城区推进…) say where the work is done, not who does it.
CASES["places_opening_measures_are_no_clause"] = (
    "一、城区建设\n1.中心城区加快推进道路改造。\n2.老城区推进棚户区改造。\n3.新建学校2所。（责任单位：区教育局）\n",
    [("新建学校2所", "区教育局", "responsible")],
)


# Session 11 (R30): a table whose header is not in the text, every cell on lines of its own between lines
# holding only ``|``, rows opened by consecutive bare numbers; a section's merged cell (一、…) stands in its
# first row only, and a cell may list units a line each.
BAR_CELLS_WITHOUT_HEADER = (
    "1\n|\n一、主要预期目标\n|\n城镇新增就业3000人以上。\n|\n就业科\n|\n张某某\n|\n2025年底前\n|\n"
    "2\n|\n农村居民收入增长7%。\n|\n市农经中心\n|\n李某某\n|\n2025年底前\n|\n"
    "3\n|\n二、产业发展\n|\n新增规上企业10家以上。\n|\n产业科\n市招商中心\n|\n王某某\n|\n2025年底前\n|\n"
)
CASES["bar_separated_cells_without_a_header"] = (BAR_CELLS_WITHOUT_HEADER, [
    ("城镇新增就业30", "就业科", "responsible"), ("农村居民收入增长", "市农经中心", "responsible"),
    ("新增规上企业10", "产业科", "responsible"), ("新增规上企业10", "市招商中心", "responsible"),
])


# Session 13 (R19): a cover letter's request to the units by their role (各主要责任单位要充分发挥…) names
# no unit: 主要 is one word, not a unit 各主 told what it must do.
CASES["units_asked_by_their_role_name_no_unit"] = (
    "一、加强协作\n各主要责任单位要充分发挥牵头抓总作用，高效完成各项工作。\n二、重点任务\n1.推进园区建设。（责任单位：区发改委）\n",
    [("推进园区建设", "区发改委", "responsible")],
)


# Session 13 (R55): a paragraph of publication tasks, each sentence closed by a bracket of the offices
# in charge and followed, after a space, by the next task (…信息。（监测司、大气司） 实时公开…): every
# bracket after a full stop closes its own task, not only the paragraph's last.
CASES["brackets_after_each_sentence_followed_by_the_next"] = (
    "一、加强信息公开\n（一）环境质量信息\n实时发布空气质量数据，及时公布预报信息。（监测司、大气司） 实时公开地表水质量信息。（监测司） 公开近岸海域水质信息。（海洋司）\n",
    [("实时发布空气质量", "监测司", "responsible"), ("实时发布空气质量", "大气司", "responsible"),
     ("实时公开地表水质", "监测司", "responsible"), ("公开近岸海域水质", "海洋司", "responsible")],
)


# Session 13 (R56): a table flattened a cell a line under a 序号 header whose rows lost their numbers:
# a section row with its title (一、关于…) and a sub-heading ((1)…) right below the header, then each
# row's task, its responsible unit and, where there is one, the units supporting it.
NUMBERLESS_ROWS_UNDER_A_NUMBER_HEADER = (
    "附件：重点工作责任单位表\n\n序号\n\n重点工作内容\n\n责任单位\n\n配合单位\n\n一、关于优化结构\n\n(1)加快发展服务业。\n\n"
    "服务业增加值比重提高1个百分点。\n\n经委\n\n发改委\n\n继续推进商务区建设。\n\n东镇\n\n商务区办公室、发改委\n\n"
    "(2)发展先进制造业。\n\n工业总产值增长15%。\n\n经委\n\n"
)
CASES["numberless_rows_under_a_number_header"] = (NUMBERLESS_ROWS_UNDER_A_NUMBER_HEADER, [
    ("服务业增加值比重", "经委", "responsible"), ("服务业增加值比重", "发改委", "support"),
    ("继续推进商务区建", "东镇", "responsible"), ("继续推进商务区建", "商务区办公室", "support"), ("继续推进商务区建", "发改委", "support"),
    ("工业总产值增长1", "经委", "responsible"),
])


# Session 13 (R55): a unit cell closed by how the units answer, written with 按照 (各股室按照职责分工负责):
# the phrase is the role's words, not part of the name.
CASES["units_answering_by_their_duties_with_an_zhao"] = (
    "序号 | 工作任务 | 责任科室 | 完成时限 |\n1 | 公开本局重大政务活动和工作计划 | 办公室 | 长期 |\n"
    "2 | 公开规范性文件及其解读材料 | 各股室按照职责分工负责 | 长期 |\n",
    [("公开本局重大政务", "办公室", "responsible"), ("公开规范性文件及", "各股室", "responsible")],
)


# Session 13 (R58): a campaign plan whose activities each close with who carries them out, led by 由 and
# naming the units by what they do (此项工作由A部署，B落实，C负责协调; 由A组织，B配合): 部署 and 组织 close a
# unit list there only (elsewhere 统一部署, 组织开展 are the task's words).
CASES["units_led_by_you_with_the_verbs_they_act_by"] = (
    "三、活动内容\n1、在日报开设专栏，连续报道典型事迹。此项工作由市委宣传部部署，各新闻单位落实，市安监局综合处负责协调。\n"
    "2、开展咨询日活动，紧跟市委、市政府统一部署，组织开展宣传。此项工作由市安监局组织，各区政府配合。\n",
    [("在日报开设专栏，", "市委宣传部", "responsible"), ("在日报开设专栏，", "各新闻单位", "responsible"), ("在日报开设专栏，", "市安监局综合处", "responsible"),
     ("开展咨询日活动，", "市安监局", "responsible"), ("开展咨询日活动，", "各区政府", "support")],
)


# Session 13 (R58): a heading's short title and its first numbered item on one line, after a space
# ((一)宣传报道 1、6月1日上午…): the item starts a line of its own, its number counting on to the next.
CASES["a_heading_and_its_first_item_on_one_line"] = (
    "三、活动内容\n\n(一)宣传报道 1、6月1日上午，召开新闻发布会。此项工作由市委宣传部负责组织协调。\n\n"
    "2、6月2日至30日，开设专栏。此项工作由市安监局负责。\n",
    [("6月1日上午，召", "市委宣传部", "responsible"), ("6月2日至30日", "市安监局", "responsible")],
)


# Session 13 (R58): a numbered plan below a preamble that tells the towns what to do (各乡镇、街道和相关部门要…
# 切实抓好…): the preamble's 要 is no better reading than the plan, whose items stay; two items of a section
# opening with the units that act together (区森林防火指挥部、区教育局联合印发…) are theirs.
CASES["a_numbered_plan_below_a_preamble_telling_the_towns"] = (
    "森林防火工作方案\n随着清明节的临近，各乡镇、街道和相关部门要采取非常手段，切实抓好森林防火工作。\n一、宣传培训工作\n"
    "1、区森林防火指挥部、区教育局联合印发一封信，宣传教育对象为全体学生。\n2、区森林防火指挥部、区总工会联合致全区职工一封信。\n"
    "二、巡查工作\n1、清明节期间，组织巡查组深入到乡镇巡查。\n",
    [("区森林防火指挥部", "区森林防火指挥部", "responsible"), ("区森林防火指挥部", "区教育局", "responsible"),
     ("区森林防火指挥部", "区森林防火指挥部", "responsible"), ("区森林防火指挥部", "区总工会", "responsible")],
)


def test_real_layout_numbered_plan_kept_below_a_told_preamble(write_notice):
    """The plan's items, attributed or not, are the tasks; the preamble is none of them."""
    document = pipeline.parse(write_notice(CASES["a_numbered_plan_below_a_preamble_telling_the_towns"][0]))
    assert [item.number for item in document.items] == ["1", "2", "1"]
    assert "unnumbered_items" not in [w.code for w in document.warnings]


# Session 13 (R57): a label naming two kinds of units with 、 (责任部门、单位：), after the lead's field and a
# full stop inside the same bracket.
CASES["a_label_naming_departments_and_units"] = (
    "一、重点任务\n1.优化事项目录。（牵头部门：市政府办公厅。责任部门、单位：各区政府、市政府有关部门）\n",
    [("优化事项目录", "市政府办公厅", "lead"), ("优化事项目录", "各区政府", "responsible"), ("优化事项目录", "市政府有关部门", "responsible")],
)


# Session 13 (R55): a pipe table whose task is given in levels (工作要求 | 一级要点 | 二级要点 | 责任科室), the
# higher levels merged cells written only in the first row they span: each row's task is its lowest level.
CASES["task_levels_in_columns_the_lowest_is_the_task"] = (
    "工作要求 | 一级要点 | 二级要点 | 责任科室 |\n"
    "一、优化工作基础 | (一)深化规章集中公开。 | 1.规范行政法规使用，确保文本为最新版本。 | 法规科牵头，办公室配合 |\n"
    "2.摸清规范性文件底数，健全动态更新机制。 | 办公室牵头，各科室按职责分工落实 | ||\n"
    "(二)推进基层公开标准化。 | 3.结合权责清单更新公开目录。 | 办公室 | |\n",
    [("规范行政法规使用", "法规科", "lead"), ("规范行政法规使用", "办公室", "support"),
     ("摸清规范性文件底", "办公室", "lead"), ("摸清规范性文件底", "各科室", "responsible"),
     ("结合权责清单更新", "办公室", "responsible")],
)


# Session 13 (R27): a cell-a-line table whose unit cells were merged over every row (given in the first
# only), a later row's task ending like a name (建成启用区级老年活动中心): a task by its opening verb, so the
# row keeps its task and takes the merged units.
CASES["merged_units_over_rows_whose_task_ends_like_a_name"] = (
    "序号\n重点工作任务\n牵头单位\n负责科室\n计划完成时间\n进展情况\n"
    "1\n新增老年食堂15个\n区民政局\n养老服务科\n11月底前\n已完成3个点位建设。\n"
    "2\n新增照护专区床位100张\n10月底前\n已完成选址。\n"
    "3\n建成启用区级老年活动中心\n目前正在进行装修。\n",
    [("新增老年食堂15", "区民政局", "lead"), ("新增老年食堂15", "养老服务科", "responsible"),
     ("新增照护专区床位", "区民政局", "lead"), ("新增照护专区床位", "养老服务科", "responsible"),
     ("建成启用区级老年", "区民政局", "lead"), ("建成启用区级老年", "养老服务科", "responsible")],
)


# Session 13 (R38): duty lines each headed by a unit and a colon (市规划局：负责… ⏎ 市建设局：负责…), one of
# whose duties opens without a role verb (市城管执法局：采取有效措施…): it is a task of that unit too, not the
# line above's.
CASES["a_duty_line_without_its_role_verb_among_headed_lines"] = (
    "四、职责分工\n市规划局：负责河道整治工程的扬尘污染防治。\n市建设局：负责对施工扬尘进行监督管理。\n"
    "市城管执法局：采取有效措施，及时制止露天烧烤行为。\n市公安局：负责对尾气污染严重的车辆安排检测。\n",
    [("市规划局：负责河", "市规划局", "responsible"), ("市建设局：负责对", "市建设局", "responsible"),
     ("市城管执法局：采", "市城管执法局", "responsible"), ("市公安局：负责对", "市公安局", "responsible")],
)


# Session 13 (R12): minutes naming the leader in charge of each task where a unit would stand (由王光玲牵头，
# 九重镇落实): a person by the name's form, left out with a warning; the town carries it out.
CASES["a_leader_named_where_a_unit_would_stand"] = (
    "会议决定：\n1.九重区域环境整治由王光玲牵头，九重镇落实。\n2.干渠绿化由顾理明牵头，林业局落实。\n",
    [("九重区域环境整治", "九重镇", "responsible"), ("干渠绿化由顾理明", "林业局", "responsible")],
)


@pytest.mark.parametrize("name, person", [
    ("王光玲", True), ("顾理明", True), ("林业局", False), ("黄浦江", False), ("马鞍山", False), ("高新区", False),
    ("王庄村", False), ("周口市", False), ("金融办", False), ("王光", False), ("欧阳明月", False), ("文化馆", False),
])
def test_real_layout_person_by_the_form_of_the_name(name, person):
    from pipeline.extract.responsibility import is_personal_name

    assert is_personal_name(name) is person


# Session 13 (R59): news quoting one line of a responsibility list, its label after a semicolon and its
# units cut short by an ellipsis (…责令整改；责任单位为区级各部门、各镇（街道）……”): the clause is read (before,
# the page ended in "no numbered tasks found").
CASES["a_quoted_list_line_labelled_after_a_semicolon"] = (
    "4月底前，对考核排名靠后的单位主要负责人约谈完毕，对存在的问题责令整改；责任单位为区级各部门、各镇（街道）……”清单共8大类57项工作任务。\n",
    [("4月底前，对考核", "区级各部门", "responsible"), ("4月底前，对考核", "各镇（街道）", "responsible")],
)


# Session 13 (R60): the news of a meeting listing its points by ordinals, each led by 由 and the units that
# act, their task verb straight after them (一是由公安部门查处…；三是由物价部门配合县烟草局开展…): each point is a
# task numbered by its ordinal; the unit helped carries it out, the one helping supports (before, the page
# ended in "no numbered tasks found").
CASES["meeting_points_led_by_you_and_the_units_acting"] = (
    "会上，县局负责人作了汇报。\n一是由公安部门查处卷烟市场中的暴力抗法行为；\n二是由工商部门严把市场准入关；\n"
    "三是由物价部门配合县烟草局开展明码标价宣传。\n",
    [("由公安部门查处卷", "公安部门", "responsible"), ("由工商部门严把市", "工商部门", "responsible"),
     ("由物价部门配合县", "物价部门", "support"), ("由物价部门配合县", "县烟草局", "responsible")],
)


# Session 13 (R28): news of a division of work naming the tasks a unit leads after the clause (有3项由国家卫生
# 健康委牵头，分别是A；B；C。): each listed task is an item the unit leads; the report's words before are none.
LISTED_AFTER_THE_CLAUSE = (
    "近日，国务院发布分工意见。需要国家卫生健康委参加的工作共计12项，有3项由国家卫生健康委牵头，分别是抓好传染病防治，"
    "做好慢性病防治；抓好青少年近视防治；完善生育配套政策。\n"
)
CASES["tasks_listed_after_the_clause_that_leads_them"] = (LISTED_AFTER_THE_CLAUSE, [
    ("抓好传染病防治，", "国家卫生健康委", "lead"), ("抓好青少年近视防", "国家卫生健康委", "lead"), ("完善生育配套政策", "国家卫生健康委", "lead"),
])


# Session 14 (R60-06/07): an emergency plan numbered by its sections on every level (2 组织体系 ⏎ 2.3 工作组 ⏎
# 2.3.1 综合协调组：由…牵头), whose one- and two-level headings the decimal pattern does not take: before, each
# such heading ran into the item above it (2.3.1's units went to 2.2.3, and "3 预防与预警 3.1 风险防控县应急管理局"
# became a unit's name).
DECIMAL_OUTLINE = (
    "某县突发事件应急预案\n2 组织体系\n2.1 县应急指挥部\n县应急指挥部由县政府县长任总指挥。\n2.2 成员单位职责\n"
    "2.2.1 县应急管理局：负责指挥部日常工作。\n2.2.2 县公安局：负责事发地治安维护和交通管制。\n2.3 工作组\n"
    "2.3.1 综合协调组：由县应急管理局牵头，县委宣传部、县交通运输局配合，负责信息汇总。\n"
    "2.3.2 医疗救护组：由县卫生健康局牵头，县红十字会配合，负责伤员救治。\n2.4 信息联络员\n各成员单位确定一名信息联络员。\n"
    "3 预防与预警\n3.1 风险防控\n县应急管理局会同县自然资源局开展风险排查。\n"
)
CASES["a_plan_numbered_by_its_sections_on_every_level"] = (DECIMAL_OUTLINE, [
    ("县应急管理局：负", "县应急管理局", "responsible"), ("县公安局：负责事", "县公安局", "responsible"),
    ("综合协调组：由县", "县应急管理局", "lead"), ("综合协调组：由县", "县委宣传部", "support"), ("综合协调组：由县", "县交通运输局", "support"),
    ("医疗救护组：由县", "县卫生健康局", "lead"), ("医疗救护组：由县", "县红十字会", "support"),
    ("风险防控", "县应急管理局", "responsible"), ("风险防控", "县自然资源局", "support"),
])


# Session 14 (R32): measures each opening with when they are due and the unit that carries them out, later
# clauses with other units acting or met with (二、9月底前，区住建局完成…改造，会同区公安分局完成…；): the deadline
# does not hide the unit, each clause's units are the item's, and the unit met with (会同) supports.
ACTING_AFTER_A_DEADLINE = (
    "三、实施步骤\n（一）9月底前，区住建局完成老旧小区的外观改造，会同区公安分局完成门牌更换工作。\n"
    "（二）年底前，区商务局完成早餐车辆的统一外观改造，区市场监管局完成证照核发工作。\n"
)
CASES["units_acting_after_a_deadline_and_the_unit_met_with"] = (ACTING_AFTER_A_DEADLINE, [
    ("9月底前，区住建", "区住建局", "responsible"), ("9月底前，区住建", "区公安分局", "support"),
    ("年底前，区商务局", "区商务局", "responsible"), ("年底前，区商务局", "区市场监管局", "responsible"),
])


# Session 14 (R51): a bulletin listing each unit with the road it looks after in brackets before the colon, some
# entries without final punctuation (2、水利局（滨河路）：…清理中 ⏎ 3、…): each entry is the unit's, and an entry
# that does not end its sentence does not swallow the next.
UNITS_WITH_A_NOTE = (
    "关于创建工作的督查通报\n督导组对各单位分包路段进行了督导。\n1、民政局（人民路）：设有志愿服务站，卫生整改较好。\n"
    "2、水利局（滨河路）：有值班人员，小广告清理中\n3、林业局（建设路）：有岗无人，违建未拆除。\n"
)
CASES["a_duty_list_whose_units_carry_a_note_in_brackets"] = (UNITS_WITH_A_NOTE, [
    ("民政局（人民路）", "民政局", "responsible"), ("水利局（滨河路）", "水利局", "responsible"), ("林业局（建设路）", "林业局", "responsible"),
])


# Session 14 (R19): a clause that carries a standing note (（…按职责分工负责，各项任务均需各县政府落实，以下不再列出）):
# before, the note broke the clause and the item had no unit; now the clause's units and the note's are the item's
# (and, since session 17, every later task's: standing_note_carried_to_later_tasks).
STANDING_NOTE = (
    "一、优化服务\n1.优化审批流程。推行并联审批，压缩办理时限。（县发展改革局、县司法局等有关部门按职责分工负责，"
    "各项任务均需各乡镇政府、县经开区管委会落实，以下不再列出）\n2.提升办事效率。推行一窗受理。（县政务服务中心负责）\n"
)
CASES["a_clause_carrying_a_standing_note"] = (STANDING_NOTE, [
    ("优化审批流程", "县发展改革局", "responsible"), ("优化审批流程", "县司法局", "responsible"),
    ("优化审批流程", "各乡镇政府", "responsible"), ("优化审批流程", "县经开区管委会", "responsible"),
    ("提升办事效率", "县政务服务中心", "responsible"), ("提升办事效率", "各乡镇政府", "responsible"), ("提升办事效率", "县经开区管委会", "responsible"),
])


# Session 14 (R60): a tax bureau's cooperation rules telling each party what it should do with 应 (not 应当 or
# 要), or with a comma before 要 (各商业银行和各信用社，要积极配合…): the parties told are responsible, as with 要; 应急
# and the like stay words.
TOLD_WITH_YING = (
    "（一）与金融机构的协作。各商业银行和各信用社，要积极配合税务部门依法查询存款账户。\n"
    "（二）与行业协会的协作。各行业协会应协助税务部门做好税法宣传。\n（三）信息保管。县应急管理局要做好值守。\n"
)
CASES["parties_told_with_ying_or_after_a_comma"] = (TOLD_WITH_YING, [
    ("与金融机构的协作", "各商业银行", "responsible"), ("与金融机构的协作", "各信用社", "responsible"),
    ("与行业协会的协作", "各行业协会", "responsible"), ("信息保管", "县应急管理局", "responsible"),
])


# Session 14 (R3): minutes whose joint team is led by one bureau, the others joining named by their field alone
# and closed by 等部门 (由区执法局牵头，由区工商、环保、公安等部门参加，组成联合执法组): the fields support; a list of
# things closed by a unit (宣传单张、画报、维护工作由各镇街及相关部门负责) is no list of fields; 和 between the last two
# fields separates them (卫生和交通等部门), and 等和 closes a list before the next party (地税局等和各市、县人民政府).
FIELDS_JOINING = (
    "一、由区城市管理执法局牵头，由区工商、环保、公安、卫生和交通等部门参加，组成联合执法组，开展集中整顿。\n"
    "二、宣传单张、画报、张贴、维护工作由各镇街及相关部门负责。\n三、落实税收优惠。（省税务局、省财政厅等和各市、县人民政府负责）\n"
)
CASES["fields_closed_by_deng_bumen_joining_a_lead"] = (FIELDS_JOINING, [
    ("由区城市管理执法", "区城市管理执法局", "lead"), ("由区城市管理执法", "区工商", "support"),
    ("由区城市管理执法", "环保", "support"), ("由区城市管理执法", "公安", "support"), ("由区城市管理执法", "卫生", "support"), ("由区城市管理执法", "交通", "support"),
    ("宣传单张、画报、", "各镇街", "responsible"), ("宣传单张、画报、", "相关部门", "responsible"),
    ("落实税收优惠", "省税务局", "responsible"), ("落实税收优惠", "省财政厅", "responsible"), ("落实税收优惠", "各市、县人民政府", "responsible"),
])


# Session 14 (R12): the levels of a province whose cities are 市（州） (各市（州）、县（市、区）人民政府, also in 〔〕): one
# collective, as 各市、县（市、区）人民政府 already was; before, 州 in the first note split it in two.
LEVELS_WITH_ZHOU = "一、重点任务\n1.推进教育改革。（责任单位：省教育厅，各市（州）、县（市、区）人民政府）\n2.完善数据共享。（责任单位：各市〔州〕、县〔市、区〕人民政府）\n"
CASES["levels_of_cities_and_prefectures_one_collective"] = (LEVELS_WITH_ZHOU, [
    ("推进教育改革", "省教育厅", "responsible"), ("推进教育改革", "各市（州）、县（市、区）人民政府", "responsible"),
    ("完善数据共享", "各市〔州〕、县〔市、区〕人民政府", "responsible"),
])


# Session 14 (R34): units answering 按照各自职责 (by their own duties), before a comma and their task or straight
# before it (各部门按照各自职责抓好落实: the phrase is no part of the name), fields closed by 等部门 among them.
BY_THEIR_DUTIES = (
    "一、职责分工\n1.公安、应急、市场监管、生态环境等部门按照各自职责，共同做好禁放工作。\n"
    "2.县财政局、县教育局按照各自职责，做好资金保障。\n3.做好宣传。各乡镇按照各自职责抓好落实。\n"
)
CASES["units_answering_by_their_own_duties"] = (BY_THEIR_DUTIES, [
    ("公安、应急、市场", "公安", "responsible"), ("公安、应急、市场", "应急", "responsible"),
    ("公安、应急、市场", "市场监管", "responsible"), ("公安、应急、市场", "生态环境", "responsible"),
    ("县财政局、县教育", "县财政局", "responsible"), ("县财政局、县教育", "县教育局", "responsible"),
    ("做好宣传", "各乡镇", "responsible"),
])


# Session 14 (R50): a city's table of the province's tasks whose unit cell ends with the province's lead, its level
# written before the label (市商务局、市发改委 ⏎ 省牵头单位：省商务厅): the level is the label's, not a unit 省.
LEVEL_BEFORE_A_LABEL = (
    "一、重点任务\n1.深入实施消费新政。\n责任单位：市商务局、市发改委、省牵头单位：省商务厅\n"
    "2.推进数字政府建设。（牵头单位：市大数据局；市级责任单位：市财政局）\n"
)
CASES["a_level_written_before_a_label"] = (LEVEL_BEFORE_A_LABEL, [
    ("深入实施消费新政", "市商务局", "responsible"), ("深入实施消费新政", "市发改委", "responsible"), ("深入实施消费新政", "省商务厅", "lead"),
    ("推进数字政府建设", "市大数据局", "lead"), ("推进数字政府建设", "市财政局", "responsible"),
])


# Session 14 (R30): a disclosure whose paragraph opens with units acting (市政府及各区、镇、街道按照…要求，积极组织落实…。)
# before the units' own clauses (A、B负责…；C会同区、镇、街道负责…): the first sentence is a task of its own (before,
# the paragraph's title), the units met with (会同) support, and 区、镇、街道 is one collective.
ACTING_THEN_CLAUSES = (
    "三、受理单位\n县政府及各乡镇、街道按照粮食安全党政同责要求，积极组织落实粮食生产任务。县农业农村局、县财政局负责落实惠农政策；"
    "县农技中心会同乡、镇、街道负责落实播种面积。\n"
)
CASES["a_paragraph_opening_with_units_acting_then_their_clauses"] = (ACTING_THEN_CLAUSES, [
    ("县政府及各乡镇、", "县政府", "responsible"), ("县政府及各乡镇、", "各乡镇、街道", "responsible"),
    ("县农业农村局、县", "县农业农村局", "responsible"), ("县农业农村局、县", "县财政局", "responsible"),
    ("县农技中心会同乡", "县农技中心", "responsible"), ("县农技中心会同乡", "乡、镇、街道", "support"),
])


# Session 14 (R60): an emergency plan stating a body's duties sentence by sentence (电力调度机构的主要职责：服从…): the
# body whose duties follow is responsible; 工作职责： alone names nobody.
DUTY_OPENINGS = (
    "2.3 工作机构\n2.3.1 调度机构\n各级调度机构是事故处理的指挥中心。县电力调度中心的主要职责：服从上级调度指令，指挥事故处理。\n"
    "2.3.2 工作要求\n工作职责：及时报告有关情况。\n"
)
CASES["a_bodys_duties_stated_in_a_sentence"] = (DUTY_OPENINGS, [("调度机构", "县电力调度中心", "responsible")])


# Session 15 (robustness of real_dev under page-like changes): a mirror whose punctuation is all full-width writes its
# pinyin glosses in full-width brackets too (協（xié）辦單位): they go as the ASCII ones do, or the label is not read.
FULL_WIDTH_GLOSSES = (
    "一、重點任務\n1.建設社區養老驛站。（主辦單位：市民政局；協（xié）辦單位：市衛健委）\n"
    "2.推進老舊小區改造。（主辦單位：市住建局；協（xié）辦單位：市財政局）\n"
)
CASES["pinyin_glosses_in_full_width_brackets"] = (FULL_WIDTH_GLOSSES, [
    ("建設社區養老驛站", "市民政局", "lead"), ("建設社區養老驛站", "市衛健委", "support"),
    ("推進老舊小區改造", "市住建局", "lead"), ("推進老舊小區改造", "市財政局", "support"),
])


# Session 15: a web table whose unit cell separates its names with a no-break space (&nbsp; as text): two names, as
# with an ordinary space.
NO_BREAK_SPACE_IN_A_CELL = (
    "序号 | 项目名称 | 建设内容 | 责任单位 |\n"
    "1 | 老年助餐点建设 | 新建助餐点12个 | 县民政局\u00a0各乡镇人民政府 |\n"
    "2 | 农村公路提档 | 改造县道20公里 | 县交通运输局\u3000县财政局 |\n"
)
CASES["names_in_a_cell_separated_by_a_no_break_space"] = (NO_BREAK_SPACE_IN_A_CELL, [
    ("老年助餐点建设", "县民政局", "responsible"), ("老年助餐点建设", "各乡镇人民政府", "responsible"),
    ("农村公路提档", "县交通运输局", "responsible"), ("农村公路提档", "县财政局", "responsible"),
])


# Session 15: the same tables as a traditional-character mirror writes them. The layout stage judges cells by the
# vocabulary, which is simplified: a unit column holding only 婦聯, a glued header spelling 牽頭部門 / 配合部門.
TRADITIONAL_SPACE_TABLE = (
    "溪口縣十件民生實事完成情況\n\n序號 考覈指標 單 位 工作目標 備  註\n"
    "1 新增城鎮就業 萬人 3.1 婦聯\n2 兩癌免費篩查 人 9000 婦聯\n3 建設公辦幼兒園 所 2 婦聯\n"
)
CASES["a_traditional_table_whose_units_the_vocabulary_knows_simplified"] = (TRADITIONAL_SPACE_TABLE, [
    ("新增城鎮就業", "婦聯", "responsible"), ("兩癌免費篩查", "婦聯", "responsible"), ("建設公辦幼兒園", "婦聯", "responsible"),
])
TRADITIONAL_GLUED_TABLE = (
    "序號任務名稱任務內容牽頭部門配合部門\n1深化司法公開1.推進庭審直播。立案庭各部門\n2規範案件評查1.開展交叉評查。審管辦各業務庭\n"
)
CASES["a_traditional_glued_table"] = (TRADITIONAL_GLUED_TABLE, [
    ("深化司法公開1.", "立案庭", "lead"), ("深化司法公開1.", "各部門", "support"),
    ("規範案件評查1.", "審管辦", "lead"), ("規範案件評查1.", "各業務庭", "support"),
])


# Session 15 (R61's one-line table, real_dev run into one line): a page that lost every line break of its table — the
# header and the rows on one line, cells between | or spaces, rows opened by a number that counts on (from 1, or from
# the first row of a later page, 37 38 39 …; a task may open with a figure, 3-6岁…). The text before the header is
# the document's title still.
ONE_LINE_PIPE_TABLE = (
    "2024年高新区重点工作及责任清单 序号 | 重点工作 | 责任领导 | 责任单位 | 完成时限 | 1 | 建设人才公寓三栋，年内交付使用。 | 周明 | "
    "住建局、人才办 | 年底 | 2 | 盘活闲置厂房20万平方米。 | 李华 | 经发局 | 全年 | 3 | 新建5G基站120个。 | 王刚 | 科技局、各街道办事处 | 9月底 |"
)
CASES["a_pipe_table_run_into_one_line"] = (ONE_LINE_PIPE_TABLE, [
    ("建设人才公寓三栋", "住建局", "responsible"), ("建设人才公寓三栋", "人才办", "responsible"), ("盘活闲置厂房20", "经发局", "responsible"),
    ("新建5G基站12", "科技局", "responsible"), ("新建5G基站12", "各街道办事处", "responsible"),
])
ONE_LINE_SPACE_TABLE = (
    "东湖区十一五社会事业分解表（续） 序号 具 体 内 容 牵头 部门 相关责任部门 完成 时间 37 新建社区卫生服务站6个 卫生局 各街道 2008年 "
    "38 3-6岁儿童入园率达到98% 教育局 妇联、各街道 2010年 39 建成区级全民健身中心 体育局 财政局 2009年"
)
CASES["a_space_table_run_into_one_line_from_a_later_page"] = (ONE_LINE_SPACE_TABLE, [
    ("新建社区卫生服务", "卫生局", "lead"), ("新建社区卫生服务", "各街道", "responsible"), ("3-6岁儿童入园", "教育局", "lead"),
    ("3-6岁儿童入园", "妇联", "responsible"), ("3-6岁儿童入园", "各街道", "responsible"), ("建成区级全民健身", "体育局", "lead"),
    ("建成区级全民健身", "财政局", "responsible"),
])


def test_real_layout_one_line_table_keeps_the_title_before_it(write_notice):
    document = pipeline.parse(write_notice(ONE_LINE_PIPE_TABLE))
    assert document.meta.title == "2024年高新区重点工作及责任清单"
    # every row's provenance is the one physical line, each span its own name
    assert {r.line for _, r in document.responsibilities} == {1}


# Session 15 (scouted reproductions of aggregator pages): a run-together page puts a sentence between a label's
# units and the next label (牵头单位：X，代办点应结合…，责任单位：Y): a piece with a sentence's words (应 as a modal, 要,
# 的 …) and no unit's suffix is no unit; 应急管理局 and 供应链管理公司 are names still.
SENTENCE_BETWEEN_LABELS = (
    "一、重点任务\n1.推进便民服务下沉。（牵头单位：县政务服务中心，村级代办点应结合人员配备情况，责任单位：县财政局）\n"
    "2.建设应急物资储备库。（牵头单位：县应急管理局；责任单位：县供应链管理公司）\n"
)
CASES["a_sentence_between_a_labels_units_and_the_next_label"] = (SENTENCE_BETWEEN_LABELS, [
    ("推进便民服务下沉", "县政务服务中心", "lead"), ("推进便民服务下沉", "县财政局", "responsible"),
    ("建设应急物资储备", "县应急管理局", "lead"), ("建设应急物资储备", "县供应链管理公司", "responsible"),
])


# Session 16 (scouted aggregator pages): a summary that runs a plan's fragments together. An item label right after
# the bracket that closes an attribution starts an item whatever the count says (the fragments skip and restart:
# （二）（三）（二）…); an attribution that lost its opening bracket leaves its ）on the last name, which is no part of it.
FRAGMENTS_RUN_TOGETHER = (
    "各地推进老年助餐点建设，纳入年度民生实事，责任单位：市民政局、各县（市、区）政府）（二）完善助餐补贴机制，"
    "（牵头单位：市财政局，责任单位：市民政局、市市场监管局）（三）培育连锁助餐品牌，（牵头单位：市商务局，责任单位："
    "各县〔市、区〕政府）（二）加强食品安全监管，责任单位：市市场监管局）（四）加强督导通报。引导社会力量参与，各地要"
    "按照统一部署，结合实际细化措施，确保各项任务按期完成，形成上下联动、部门协同的良好工作格局。"
)
CASES["fragments_run_together_cut_after_each_attribution"] = (FRAGMENTS_RUN_TOGETHER, [
    ("完善助餐补贴机制", "市财政局", "lead"), ("完善助餐补贴机制", "市民政局", "responsible"), ("完善助餐补贴机制", "市市场监管局", "responsible"),
    ("培育连锁助餐品牌", "市商务局", "lead"), ("培育连锁助餐品牌", "各县〔市、区〕政府", "responsible"),
    ("加强食品安全监管", "市市场监管局", "responsible"),
])

# Session 16 (a county news page): the site's footer names its owner as 主办单位：…, beside the lines only a footer
# holds (建设与维护, ICP备, 网站标识码): the owner is no lead of the last task.
SITE_FOOTER_OWNER = (
    "一、工作措施\n1.组建专班。由县文化和旅游局牵头，抽调业务骨干组建专班。\n2.严格审核。申报材料逐项审核后按程序报送。\n"
    "主办单位：青崖县人民政府办公室\n建设与维护：青崖县政务信息中心\n青ICP备00000000号-1 网站标识码：0000000000\n"
)
CASES["a_site_footers_owner_is_no_lead"] = (SITE_FOOTER_OWNER, [
    ("组建专班", "县文化和旅游局", "lead"),
])

# Session 16 (a county news page): 分工负责 after a unit opens its part of the division of work, as 负责 does.
DIVIDED_DUTIES = (
    "一、重点任务\n1.推进改厕。县农业农村局负责技术标准制定；县卫生健康局分工负责效果抽检等工作。\n"
)
CASES["fen_gong_fu_ze_opens_a_units_part"] = (DIVIDED_DUTIES, [
    ("推进改厕", "县农业农村局", "responsible"), ("县卫生健康局分工", "县卫生健康局", "responsible"),
])

# Session 16 (found while reading the scouted reproductions): a sentence whose task words come before a comma and its
# unit (简化审批，县政务服务中心负责。): the words before the comma are no unit, even when they end as a name
# would (推行网办); a list typed with a comma (县发改委，县财政局负责) stays a list.
TASK_COMMA_UNIT = (
    "一、重点任务\n1.简化审批，县政务服务中心负责。\n2.推行网办，县大数据局负责。\n3.清理证明事项，县发改委，县司法局负责。\n"
)
CASES["task_words_a_comma_and_the_unit"] = (TASK_COMMA_UNIT, [
    ("简化审批，县政务", "县政务服务中心", "responsible"), ("推行网办，县大数", "县大数据局", "responsible"),
    ("清理证明事项，县", "县发改委", "responsible"), ("清理证明事项，县", "县司法局", "responsible"),
])

# Session 16 (a town's plan on a traditional-character forum, scouted): points counted 一是、二是 at the start of their
# paragraphs and nothing else numbered: a point's own words are its task, the unit's sentence after them is its
# clause (the point keeps its ordinal); an article's number glued before a unit (第六条市爱卫办应当…) is no part of it.
ORDINAL_PARAGRAPHS = (
    "一是成立防火指挥部。指挥部负责统一调度全镇春季防火工作。\n二是加大宣传力度。通过张贴公告等方式把禁火要求讲到每家每户。\n"
    "三是严管重点时段。清明前后在进山路口设卡。林业站负责组织护林员巡护。\n"
)
CASES["ordinal_paragraphs_keep_their_own_task"] = (ORDINAL_PARAGRAPHS, [
    ("成立防火指挥部", "指挥部", "responsible"), ("严管重点时段", "林业站", "responsible"),
])
ARTICLE_BEFORE_UNIT = (
    "控烟管理办法摘要：第五条各单位应当加强领导，将控烟纳入考核内容，所需经费列入预算，第六条市爱卫办应当履行下列职责，"
    "组织开展控烟宣传教育和监督员培训，第七条市卫生健康委负责医疗卫生机构的控烟监督管理。第八条市教育局负责学校的控烟监督管理。\n"
)
CASES["an_articles_number_is_no_part_of_the_unit"] = (ARTICLE_BEFORE_UNIT, [
    ("控烟管理办法摘要", "市卫生健康委", "responsible"), ("控烟管理办法摘要", "市教育局", "responsible"),
])


# Session 16 (a traditional-character mirror with pinyin glosses, scouted): 由X、Y跟进督办 — the units that follow
# the work up are responsible for it.
FOLLOWED_UP_BY = (
    "一、重点任务\n1.清理水源地周边排污口。4月底前各乡镇将清理情况报区水利局。清理不到位的，由区水利局、区政府督查室跟进督办。\n"
)
CASES["units_that_follow_the_work_up_are_responsible"] = (FOLLOWED_UP_BY, [
    ("清理水源地周边排", "区水利局", "responsible"), ("清理水源地周边排", "区政府督查室", "responsible"),
])


def test_real_layout_a_name_glossed_inside_its_bracket_keeps_what_was_written(write_notice):
    # 各鄉(xiāng)(鎮(zhèn)): a gloss inside the name's own bracket; unit_raw is the name as the page writes it,
    # the unit the name healed and simplified
    text = "一、重點任務\n1.落實巡查責任。各鄉(xiāng)(鎮(zhèn))負(fù)責(zé)落實水源地巡查責任人，每月巡查不少於兩次。\n"
    document = pipeline.parse(write_notice(text))
    [(_, responsibility)] = document.responsibilities
    assert (responsibility.unit, responsibility.unit_raw) == ("各乡（镇）", "各鄉(xiāng)(鎮(zhèn))")
    assert text.count(responsibility.unit_raw) == 1

# Session 16 (a city's smoking-control rules on an aggregator, scouted): a heading that names a unit and says its
# duties follow (X应当履行下列职责：, X的主要职责是：, X负责以下工作：) gives the unit every task below it.
DUTIES_FOLLOW = (
    "一、职责分工\n（一）市爱卫办应当履行下列职责：\n1.组织开展控烟宣传教育。\n2.建立控烟投诉举报机制。\n"
    "（二）市卫生健康委的主要职责是：\n1.开展吸烟危害监测评估。\n（三）市教育局负责以下工作：\n1.将控烟纳入健康学校创建。\n"
)
CASES["a_heading_that_says_a_units_duties_follow"] = (DUTIES_FOLLOW, [
    ("组织开展控烟宣传", "市爱卫办", "responsible"), ("建立控烟投诉举报", "市爱卫办", "responsible"),
    ("开展吸烟危害监测", "市卫生健康委", "responsible"), ("将控烟纳入健康学", "市教育局", "responsible"),
])

# Session 16 (excerpts cut off, scouted): a text that stops inside an attribution's bracket leaves a fragment of a
# name (乡村振) that is no unit; a pipe table whose rows close with | and whose last row stops half-way took none of
# that row's missing cells from the row above (they were never written, not merged).
CUT_INSIDE_A_CLAUSE = (
    "一、重点任务\n（一）落实学前教育经费。各县（市）按比例分担，不得要求幼儿园自行消化。（责任单位：州教育局、财政局、乡村振"
)
CASES["a_name_cut_by_the_end_of_the_text_is_no_unit"] = (CUT_INSIDE_A_CLAUSE, [
    ("落实学前教育经费", "州教育局", "responsible"), ("落实学前教育经费", "财政局", "responsible"),
])
CUT_PIPE_ROW = (
    "2024年上半年重点任务推进情况\n序号 | 工作任务 | 进展情况 | 责任单位 |\n"
    "46 | 深化县域医共体建设。 | 已完成章程修订。 | 牵头单位:市卫健委 责任单位:各县(市、区)政府 |\n"
    "47 | 实施“一老一小”健康服务提升行动。 | 1.新增床位410张。2.已建成驿站14个;3.上半年体检21.6万人次,剩余8条正在"
)
CASES["a_pipe_row_cut_by_the_end_of_the_text_inherits_nothing"] = (CUT_PIPE_ROW, [
    ("深化县域医共体建", "市卫健委", "lead"), ("深化县域医共体建", "各县（市、区）政府", "responsible"),
])

# Session 16 (a hospital's meeting rules on a template site, scouted): the people who attend or chair (科室主任,
# 监控护士, 委员会全体成员) stand where units stand, and are no units; the unit that convenes is.
STAFF_ATTEND = (
    "二、院感防控例会\n由院感科负责召集，各科室院感监控医师、监控护士参加，每月一次。\n"
    "三、医疗质量会议\n由分管业务副院长主持，委员会全体成员、各临床医技科室主任参加，每季度一次。\n"
)
CASES["staff_who_attend_are_no_units"] = (STAFF_ATTEND, [
    ("院感防控例会", "院感科", "responsible"),
])

# Session 16 (an education bureau's inspection plan, scouted): sub-points 1、2、3、 with no unit of their own, then the
# task's fields (责任科室：X ⏎ 责 任 人： ⏎ 完成时限：…): the fields close the task, not its last sub-point.
FIELDS_CLOSE_THE_TASK = (
    "二、迎检内容及职责分工\n（一）开展健康教育宣传。利用宣传栏普及健康知识。\n责任科室:体卫艺科\n责 任 人:\n完成时限:9月5日前\n"
    "（二）做好局机关及联系片区环境卫生整治。\n1、局机关:办公区域每周五集中清扫一次。\n2、联系片区:确保公共区域无卫生死角。\n"
    "3、联系路口:每天安排干部职工值守。\n责任科室:局办公室\n责 任 人:\n完成时限:9月1日—10月31日\n"
)
CASES["fields_after_the_last_sub_point_close_the_task"] = (FIELDS_CLOSE_THE_TASK, [
    ("开展健康教育宣传", "体卫艺科", "responsible"), ("做好局机关及联系", "局办公室", "responsible"),
])

# Session 16 (a college's list of approved projects, one cell per line, scouted): the 申报部门 column names the
# units that carry out each project (so does 申报单位; 建设单位, the builder beside the units responsible, does not).
DECLARING_COLUMN = (
    "特色项目立项名单\n序号 |\n项目名称 |\n申报部门 |\n备注 |\n1 |\n“青苗领航”新生导航计划 |\n党委学工部 |\n重点培育项目 |\n"
    "2 |\n教师师德涵养工程 |\n党委教师工作部 |\n重点培育项目 |\n3 |\n技能竞赛育人 |\n教务处 |\n一般培育项目 |\n"
)
CASES["a_declaring_departments_column_names_the_units"] = (DECLARING_COLUMN, [
    ("“青苗领航”新生", "党委学工部", "responsible"), ("教师师德涵养工程", "党委教师工作部", "responsible"), ("技能竞赛育人", "教务处", "responsible"),
])

# Session 16 (a city's rules on a traditional-character mirror, scouted): how work is shared, said before 负责
# (统一领导、分级负责, 坚持属地负责、部门协同), names no unit, nor does a principle the article states (…遵循统一平台、
# 分级负责…); articles numbered 第N條 in traditional characters are items as 第N条 are.
MANNER_OF_DUTY = (
    "管理办法\n第一條 为加强管线信息管理，制定本办法。\n第二條 管线信息管理遵循统一平台、分级负责的原则，坚持属地负责、部门协同。"
    "各管线权属单位对其报送信息的真实性负责。\n"
)
CASES["how_work_is_shared_names_no_unit"] = (MANNER_OF_DUTY, [
    ("管线信息管理遵循", "各管线权属单位", "responsible"),
])

# Session 16 (regulations on mirrors and aggregators, scouted): an article (第N条) holds its clauses （一）（二）, as a
# chapter holds its articles; the unit the article names for 下列工作 does each of them.
ARTICLES_HOLD_CLAUSES = (
    "管理办法\n第一条 为加强管理，制定本办法。\n第二条 市城管局负责下列工作：\n（一）组织实施本办法；\n（二）开展监督检查。\n"
    "第三条 市公安局负责交通秩序管理。\n"
)
CASES["an_article_holds_its_clauses"] = (ARTICLES_HOLD_CLAUSES, [
    ("组织实施本办法；", "市城管局", "responsible"), ("开展监督检查", "市城管局", "responsible"), ("市公安局负责交通", "市公安局", "responsible"),
])

# Session 16 (regulations, scouted): a unit defined by what it is to the work, then its duty (X是…的主管部门，负责…;
# X（以下简称Y）是…的统筹协调机构，负责…); a sentence that is no such definition (这是一项重要任务，负责同志要…) names none.
DEFINED_UNITS = (
    "管理办法\n第三条 市住房城乡建设局是本市物业管理的行政主管部门，负责物业管理活动的监督管理。\n"
    "第四条 市地下管线综合管理联席会议（以下简称联席会议）是全市管线信息工作的统筹协调机构，负责研究解决重大问题。\n"
    "第五条 这是一项重要任务，负责同志要亲自抓。\n"
)
CASES["a_unit_defined_by_what_it_is_then_its_duty"] = (DEFINED_UNITS, [
    ("市住房城乡建设局", "市住房城乡建设局", "responsible"), ("市地下管线综合管", "市地下管线综合管理联席会议", "responsible"),
])

# Session 16 (a district's safety-duty rules, page 2 on a law-text mirror, scouted): the page opens with the last
# clauses of an article whose head was on the page before; the next article closes them and holds its own.
ARTICLES_AFTER_A_PAGE_BREAK = (
    "（四）督促学校建立安全管理制度，开展学生安全教育。\n（五）负责督促学校开展校舍安全检查。\n"
    "第七条 区科委工作职责：\n（一）把安全生产科技攻关纳入全区科技发展计划。\n（二）负责指导安全生产技术研发。\n"
    "第八条 区公安分局工作职责：\n（一）对全区消防工作实施监督管理。\n"
)
CASES["an_article_closes_the_clauses_before_it"] = (ARTICLES_AFTER_A_PAGE_BREAK, [
    ("把安全生产科技攻", "区科委", "responsible"), ("负责指导安全生产", "区科委", "responsible"), ("对全区消防工作实", "区公安分局", "responsible"),
])

# Session 16 (a district's 三定 page and a province's rules on a wiki mirror, scouted): a paragraph that opens with
# its unit and closes by saying its duties follow (…。主要职责是：, …责任主要包括：) gives the unit each numbered duty
# below it, a name's note (各级党委（党组）) with it.
DUTIES_LEAD_IN = (
    "区农业农村局职能配置\n第二条 区农业农村局是区政府工作部门。\n"
    "第三条 区农业农村局贯彻落实上级关于“三农”工作的方针政策，在履行职责过程中坚持党的领导。主要职责是：\n"
    "（一）统筹研究和组织实施全区“三农”工作的发展规划。\n（二）指导乡村特色产业发展。\n"
    "第四条 各级党委（党组）基层党建工作责任主要包括：\n（一）严格落实“第一议题”制度。\n"
)
CASES["a_paragraph_that_says_its_units_duties_follow"] = (DUTIES_LEAD_IN, [
    ("统筹研究和组织实", "区农业农村局", "responsible"), ("指导乡村特色产业", "区农业农村局", "responsible"),
    ("严格落实“第一议", "各级党委（党组）", "responsible"),
])

# Session 16 (a newspaper's report on a State Council division of work, scouted): a task a report introduces with
# 比如， starts at its own words; 两个部门 (a count of departments) is no unit.
REPORTED_EXAMPLES = (
    "此外，两个部门还要配合完成多项工作。比如，加快推进企业职工基本养老保险全国统筹，由人力资源社会保障部、财政部、税务总局等分工负责。"
    "完善城乡居民大病保险制度，由国家卫生健康委、民政部等分工负责。\n"
)
CASES["a_reports_example_starts_at_its_own_words"] = (REPORTED_EXAMPLES, [
    ("加快推进企业职工", "人力资源社会保障部", "responsible"), ("加快推进企业职工", "财政部", "responsible"), ("加快推进企业职工", "税务总局", "responsible"),
    ("完善城乡居民大病", "国家卫生健康委", "responsible"), ("完善城乡居民大病", "民政部", "responsible"),
])

# Session 16 (a province's fire-hazard notice on a template site, scouted): 各有关市、县（市、区）政府 is one collective,
# as 各市、县（市、区）政府 is.
SOME_CITIES_AND_COUNTIES = (
    "一、督办要求\n1.落实挂牌督办责任。各有关市、县(市、区)政府要督促隐患单位限期整改。\n"
)
CASES["every_city_and_county_concerned_is_one_collective"] = (SOME_CITIES_AND_COUNTIES, [
    ("落实挂牌督办责任", "各有关市、县（市、区）政府", "responsible"),
])

# Session 16 (a county's inspection notice grouped by unit, scouted): a heading that says what follows is in a unit's
# charge (一、属住建局职责范围：) gives the unit each problem listed below it.
IN_A_UNITS_CHARGE = (
    "一、属住建局职责范围：\n（一）在建楼盘工地\n1、围挡有破损，公益宣传画缺失。\n2、渣土车未覆盖篷布。\n"
    "二、属云溪镇职责范围：\n（一）兴旺路\n1、流动摊贩沿街叫卖，三轮车随意停放。\n"
)
CASES["problems_in_a_units_charge"] = (IN_A_UNITS_CHARGE, [
    ("围挡有破损，公益", "住建局", "responsible"), ("渣土车未覆盖篷布", "住建局", "responsible"), ("流动摊贩沿街叫卖", "云溪镇", "responsible"),
])

# Session 16 (a city's task table drawn in box characters on a law-text mirror, scouted): rules across some columns
# only (├────┤ │府,市经贸委、发│) end the cells of those columns and leave the others' going on (merged down several
# rows: no text of them is lost); sub-tasks marked △ in one cell are rows of their own, each taking the merged cells
# that cover its first line; the next table's top rule ends the table.
MERGED_BOX_TABLE = (
    "┌──────────────┬───┬──────┬───┐\n"
    "│ 工 作 任 务 │分管领导│牵头组织实施单位│完成时限│\n"
    "├──────────────┼───┼──────┼───┤\n"
    "│推进工业强市战略 │韩某某│各县(市、区)政│年底前│\n"
    "├──────────────┤ │府,市经贸委、发│ │\n"
    "│△安排工业发展专项资金1.6亿元 │ │展改革委 │ │\n"
    "│ │ ├──────┤ │\n"
    "│△实施百项技术改造工程 │ │市环保局、统计│ │\n"
    "│△开展节能降耗专项行动 │ │局 │ │\n"
    "└──────────────┴───┴──────┴───┘\n"
    "┌──────────────┬───┬──────┬───┐\n"
    "│ 工 作 任 务 │分管领导│牵头组织实施单位│完成时限│\n"
    "├──────────────┼───┼──────┼───┤\n"
    "│△新增农民专业合作社150家 │郑某某│市农业局 │年内│\n"
    "└──────────────┴───┴──────┴───┘\n"
)
CASES["a_box_table_with_merged_cells_and_marked_sub_tasks"] = (MERGED_BOX_TABLE, [
    ("推进工业强市战略", "各县（市、区）政府", "lead"), ("推进工业强市战略", "市经贸委", "lead"), ("推进工业强市战略", "发展改革委", "lead"),
    ("安排工业发展专项", "各县（市、区）政府", "lead"), ("安排工业发展专项", "市经贸委", "lead"), ("安排工业发展专项", "发展改革委", "lead"),
    ("实施百项技术改造", "市环保局", "lead"), ("实施百项技术改造", "统计局", "lead"),
    ("开展节能降耗专项", "市环保局", "lead"), ("开展节能降耗专项", "统计局", "lead"),
    ("新增农民专业合作", "市农业局", "lead"),
])

# Session 16 (a district's report on its indicators, on an essay site, scouted): lines glued into one paragraph run
# the next indicator into a label's list (责任单位为区财政局；数字经济核心产业增加值：增长12%，…责任单位为区经信局): a piece
# with a field's colon, a percentage or a figure with its measure word is no unit.
INDICATORS_INTO_A_LIST = (
    "一、预期指标设定情况\n一般公共预算收入：增长6.5%（按目标设置），责任单位为区财政局；\n"
    "数字经济核心产业增加值：增长12%，占地区生产总值比重达到5.8%，责任单位为区经信局；\n"
)
CASES["an_indicator_run_into_a_labels_list_is_no_unit"] = (INDICATORS_INTO_A_LIST, [
    ("预期指标设定情况", "区财政局", "responsible"), ("预期指标设定情况", "区经信局", "responsible"),
])
CUT_AFTER_A_LABEL = (
    "一、重点任务\n1.推进老旧小区改造，牵头单位为市住建局，责任单位为市财政局、市统"
)
CASES["a_name_cut_after_a_label_by_the_end_of_the_text_is_no_unit"] = (CUT_AFTER_A_LABEL, [
    ("推进老旧小区改造", "市住建局", "lead"), ("推进老旧小区改造", "市财政局", "responsible"),
])

# Session 16 (a county's executive-meeting minutes, scouted): a decision that asks a unit after a comma
# (议定：原则同意…方案，请县财政局、县地税局根据会上意见…) makes the units asked responsible.
ASKED_AFTER_A_COMMA = (
    "一、关于非税收入征管目标任务分解问题\n议定：原则同意分解方案，请县财政局、县地税局根据会上意见对任务数再作核实修改。\n"
    "二、关于县城重点工程建设计划\n议定：原则同意建设计划，请县发改委会同县住建局对项目排序作进一步调整。\n"
)
CASES["minutes_ask_units_after_a_comma"] = (ASKED_AFTER_A_COMMA, [
    ("关于非税收入征管", "县财政局", "responsible"), ("关于非税收入征管", "县地税局", "responsible"),
    ("关于县城重点工程", "县发改委", "responsible"), ("关于县城重点工程", "县住建局", "support"),
])

# Session 16 (a county's campaign plan on a document library, scouted): X为责任主体 makes X responsible (before, the
# phrase was read as part of the name), as X为责任单位 does; 为牵头部门 / 为配合部门 as 为牵头单位 / 为配合单位.
RESPONSIBLE_SUBJECT = (
    "一、责任分工\n1.清理非法采砂点。此项工作由县砂管办牵头，各有关镇（街道）为责任主体，县直职能部门配合。\n"
    "2.整治堆砂场。县住建局为牵头部门，县城管局为配合部门。\n"
)
CASES["x_as_the_responsible_subject"] = (RESPONSIBLE_SUBJECT, [
    ("清理非法采砂点", "县砂管办", "lead"), ("清理非法采砂点", "各有关镇（街道）", "responsible"), ("清理非法采砂点", "县直职能部门", "support"),
    ("整治堆砂场", "县住建局", "lead"), ("整治堆砂场", "县城管局", "support"),
])

# Session 16 (page 2 of a province's relief plan on a law-text mirror, scouted): the page opens partway into a list of
# duties, each line opening with its unit and 负责, before the first heading: those lines are tasks (a cover letter's
# 各省…要… ⏎ 商务部要会同… are not: only 负责 opens such a line).
DUTIES_BEFORE_THE_FIRST_HEADING = (
    "治安保卫组负责维护灾区社会治安秩序，加强对安置点的安全保卫。\n医疗防疫组负责组织医疗队救治伤员。\n"
    "4、现场指挥机构：负责灾害现场的抢险救援和人员疏散。\n5、部门主要职责：省财政厅负责救灾资金的预算安排和拨付。\n"
)
CASES["duties_before_the_first_heading_of_a_page"] = (DUTIES_BEFORE_THE_FIRST_HEADING, [
    ("治安保卫组负责维", "治安保卫组", "responsible"), ("医疗防疫组负责组", "医疗防疫组", "responsible"),
    ("现场指挥机构：负", "现场指挥机构", "responsible"), ("省财政厅负责救灾", "省财政厅", "responsible"),
])

# Session 17 (a city's measures to support private firms, and a forestry plan's division, scouted): a standing note
# (以下均需X落实/配合，不再列出) names X for every later task that names units, with its verb's role, and X stands
# in the stating item's text (stated_in). Before, the note's units came out as one name (以下均需各县（市、区）政府)
# and the list before it, or the note in brackets of its own, was lost; later tasks never had X.
STANDING_NOTE_CARRIED = (
    "一、强化要素保障\n"
    "1.落实减税政策。全面执行小微企业税费优惠。（市税务局、市财政局，列第一位的为牵头单位，下同。以下均需各县（市、区）政府落实，不再列出）\n"
    "2.用好产业基金。设立专项子基金。（市财政局、市金融办）\n"
    "3.推进造林绿化。\n牵头责任单位：市林业局，配合单位：市财政局，各县（市、区）林业主管部门（以下均需各县（市、区）林业主管部门配合，不再列出）。\n"
    "4.保护古树名木。\n责任单位：市自然资源局。\n"
)
CASES["standing_note_carried_to_later_tasks"] = (STANDING_NOTE_CARRIED, [
    ("落实减税政策", "市税务局", "lead"), ("落实减税政策", "市财政局", "responsible"), ("落实减税政策", "各县（市、区）政府", "responsible"),
    ("用好产业基金", "市财政局", "lead"), ("用好产业基金", "市金融办", "responsible"), ("用好产业基金", "各县（市、区）政府", "responsible"),
    ("推进造林绿化", "市林业局", "lead"), ("推进造林绿化", "市财政局", "support"), ("推进造林绿化", "各县（市、区）林业主管部门", "support"),
    ("保护古树名木", "市自然资源局", "lead"), ("保护古树名木", "各县（市、区）林业主管部门", "support"),  # (列第一位的为牵头单位，下同)
])


def test_real_layout_standing_note_stands_in_the_stating_item(write_notice):
    document = pipeline.parse(write_notice(STANDING_NOTE_CARRIED))
    by_id = document.items_by_id()
    carried = [(item.number, r) for item in document.items for r in item.responsibilities if r.stated_in]
    assert [(number, r.unit, by_id[r.stated_in].number) for number, r in carried] == [
        ("2", "各县（市、区）政府", "1"), ("4", "各县（市、区）林业主管部门", "3")]
    for number, r in carried:
        assert by_id[r.stated_in].text[r.start : r.end] == r.unit_raw and r.line == by_id[r.stated_in].line + (1 if number == "4" else 0)


# Session 17 (a document library's preview of a city's measures, scouted): a page run into one line whose sub-items
# （二）（三） follow the bracket of a bare unit list (（市财政局、市国资委）（二）…): they count on there too.
SUB_ITEMS_AFTER_A_UNIT_BRACKET = (
    "为支持民营经济发展，结合本市实际，制定本方案。一、强化要素保障（一）落实减税政策。全面执行小微企业税费优惠政策，做好政策精准推送，"
    "确保符合条件的企业应享尽享。（市税务局、市财政局）（二）用好产业基金。发挥母基金撬动作用，设立专项子基金，重点投向智能装备等领域。"
    "（市财政局、市国资委）（三）保障项目用地。优先安排新增建设用地计划指标，推广标准地出让。（市自然资源局）\n"
)
CASES["sub_items_after_a_unit_bracket_in_one_line"] = (SUB_ITEMS_AFTER_A_UNIT_BRACKET, [
    ("落实减税政策", "市税务局", "responsible"), ("落实减税政策", "市财政局", "responsible"),
    ("用好产业基金", "市财政局", "responsible"), ("用好产业基金", "市国资委", "responsible"),
    ("保障项目用地", "市自然资源局", "responsible"),
])

# Session 17 (a county education commission's list of its offices' duties, scouted): nothing numbered, a lead-in
# paragraph, then paragraphs each opening with an office and a colon: each is that office's task (before, they
# were read as fields of the lead-in paragraph and lost).
UNNUMBERED_DUTY_PARAGRAPHS = (
    "创建工作在县教委的统一领导下，由督导室牵头，机关相关科室按照各自职能抓好落实。\n\n"
    "办公室：统筹审核创建工作各类自评报告和佐证材料，负责宣传月活动的组织和新闻报道。\n\n"
    "计划财务科：落实公办园生均公用经费和普惠性民办园生均补助标准。\n\n"
    "学前教育科：做好普惠性资源扩容工作，规范民办幼儿园年检和收费管理。\n"
)
CASES["unnumbered_paragraphs_opening_with_their_office"] = (UNNUMBERED_DUTY_PARAGRAPHS, [
    ("创建工作在县教委", "督导室", "lead"),  # (机关相关科室…抓好落实: no role word, not read)
    ("办公室：统筹审核", "办公室", "responsible"), ("计划财务科：落实", "计划财务科", "responsible"),
    ("学前教育科：做好", "学前教育科", "responsible"),
])

# Session 17 (a document library's preview of a county's clean-up plan, scouted): short preview pages, each opening
# with its number (1、 2、 3、) and each ending inside a sentence, that hold the plan's own outline (一、 （一）): the
# numbers are the library's, not tasks (before, only pages of 300 characters and more were read so).
SHORT_LIBRARY_PAGES = (
    "1、全县堆场清理方案 为规范全县砂石资源管理秩序,维护河道行洪安全,改善城乡人居环境,制定本方案。 一、清理范围 沿河两岸和国省干道两侧的非法堆场。"
    " 二、工作步骤 (一)自行清退阶段。各堆场业主在4月15日前自行清退。(县砂管办负责) (二)强制清退阶段。对逾期未完成\n"
    "2、清退的堆场组织联合执法强制清除。(县砂石整治领导小组牵头,各有关镇配合) (三)总结验收阶段。逐点核验清理效果,梳理工作中的问题和不足,"
    "形成验收报告报县政府。(县自然资源局负责) 三、工作要求 各有关镇要把清理任务分解到村,落实到人,对清理不彻底、反弹回潮\n"
    "3、的堆场依法严厉查处。\n"
)
CASES["short_library_pages_numbered_by_the_site"] = (SHORT_LIBRARY_PAGES, [
    ("自行清退阶段", "县砂管办", "responsible"),
    ("强制清退阶段", "县砂石整治领导小组", "lead"), ("强制清退阶段", "各有关镇", "support"),
    ("总结验收阶段", "县自然资源局", "responsible"),
])

# Session 17 (the same library preview, scouted): sub-items counted across sections, 二、拓宽融资渠道（三）… after （二）
# of the section before, each heading glued to its first sub-item on a page run into one line: the pair is cut
# there too (before, only a heading glued to （一） was, and the later sections' tasks merged into their headings).
COUNT_ACROSS_GLUED_SECTIONS = (
    "为支持民营经济发展，制定本方案。一、强化要素保障（一）落实减税政策。全面执行小微企业税费优惠政策，确保应享尽享。"
    "（市税务局、市财政局）（二）用好产业基金。发挥母基金撬动作用，设立专项子基金，重点投向智能装备等领域。（市财政局）"
    "二、拓宽融资渠道（三）加大信贷投放。引导银行机构单列民营企业信贷计划，推广无还本续贷产品。（市金融办）"
    "（四）完善融资担保。做大市级融资担保机构资本规模，降低平均担保费率。（市财政局、市金融办）"
    "三、优化发展环境（五）规范执法检查。推行综合查一次，合理确定检查频次。（市司法局）\n"
)
CASES["sub_items_counted_across_glued_sections"] = (COUNT_ACROSS_GLUED_SECTIONS, [
    ("落实减税政策", "市税务局", "responsible"), ("落实减税政策", "市财政局", "responsible"),
    ("用好产业基金", "市财政局", "responsible"),
    ("加大信贷投放", "市金融办", "responsible"),
    ("完善融资担保", "市财政局", "responsible"), ("完善融资担保", "市金融办", "responsible"),
    ("规范执法检查", "市司法局", "responsible"),
])

# Session 17 (a ministry's news of the State Council's division of work, scouted): a count after 等 (等12部门,
# 等三个单位) says how many units share the task, it is no part of the last name (before: 自然资源部等12部门).
COUNTED_AFTER_DENG = (
    "1.加快重大水利工程建设。（水利部、国家发展改革委、财政部、自然资源部等12部门按照职责分工负责）\n"
    "2.推进农村供水保障。（水利部、农业农村部等三个部门负责）\n"
)
CASES["a_count_after_deng_is_no_name"] = (COUNTED_AFTER_DENG, [
    ("加快重大水利工程", "水利部", "responsible"), ("加快重大水利工程", "国家发展改革委", "responsible"),
    ("加快重大水利工程", "财政部", "responsible"), ("加快重大水利工程", "自然资源部", "responsible"),
    ("推进农村供水保障", "水利部", "responsible"), ("推进农村供水保障", "农业农村部", "responsible"),
])

# Session 17 (a document library's preview of a county's target book, scouted): short preview pages whose break falls
# inside a unit's name (县电子商务服务中 ⏎ 2、心): the page number goes and the name is read whole.
PAGE_BREAK_INSIDE_A_NAME = (
    "1、全县目标任务分解方案 为完成全年经济社会发展目标,结合县人代会确定的预期目标,制定本方案。 一、主要指标 "
    "(一)社会消费品零售总额增长7%。依据市下达任务设置,高于全市平均水平,责任单位为县商务局; "
    "(二)实物商品网上零售额增长15%。依据市下达任务设置,责任单位为县商务局、县电子商务服务中\n"
    "2、心; (三)居民养老保险参保率达到96%以上。依据市下达任务设置,做到应保尽保,责任单位为县人社局; "
    "二、工作要求 各责任单位要对照目标任务细化工作措施,压实工作责任,每季度首月10日前报送一次进展情况,确保各项指标按期完成,对工作推进不力的\n"
    "3、单位予以通报。\n"
)
CASES["a_page_break_inside_a_name_on_library_pages"] = (PAGE_BREAK_INSIDE_A_NAME, [
    ("社会消费品零售总", "县商务局", "responsible"),
    ("实物商品网上零售", "县商务局", "responsible"), ("实物商品网上零售", "县电子商务服务中心", "responsible"),
    ("居民养老保险参保", "县人社局", "responsible"),
])

# Session 17 (a city's news of its work report and a bureau's forwarding of a rural plan, scouted): a time before a
# subject (今年青岚市住建局负责…) and 以 before a lead (以县（市、区）农业局牵头) are no part of the name.
TIME_AND_YI_BEFORE_THE_UNIT = (
    "一、重点工作\n1.推进老旧小区改造。今年青岚市住建局负责完成老旧小区改造120个。\n"
    "2.建设特色产业园。以县（市、区）农业局牵头，各乡镇配合，每县建成一个特色产业园。\n"
)
CASES["a_time_or_yi_before_the_unit"] = (TIME_AND_YI_BEFORE_THE_UNIT, [
    ("推进老旧小区改造", "青岚市住建局", "responsible"),
    ("建设特色产业园", "县（市、区）农业局", "lead"), ("建设特色产业园", "各乡镇", "support"),
])

# Session 17 (a youth league's bulletin, scouted): X、Y为具体承办处室 makes them responsible, as X为责任单位 does.
AS_THE_OFFICES_THAT_HANDLE_IT = (
    "一、加强团支部建设\n组织部负责拟订年度推进计划，统筹调度各项任务进度。基层建设处、团干部培训处为具体承办处室。\n"
)
CASES["as_the_offices_that_handle_it"] = (AS_THE_OFFICES_THAT_HANDLE_IT, [
    # (each clause opening with its units is a task of its own, as in a paragraph divided among units)
    ("组织部负责拟订年", "组织部", "responsible"), ("基层建设处、团干", "基层建设处", "responsible"), ("基层建设处、团干", "团干部培训处", "responsible"),
])

# Session 17 (cover letters that speak to their addressees by role, scouted, and a plan cut inside its standing note):
# a role class named by its role words (各责任单位, 相关责任单位) is no unit, and the units beside it are still read;
# a standing note the end of the text cut before its tail (以下指标均需各县市区承接落实，不再逐) is no unit either.
ROLE_CLASSES_AND_A_CUT_NOTE = (
    "一、加强组织领导\n1.落实属地责任。（责任单位：各级政府、爱卫会成员部门和各责任单位）\n"
    "2.地区生产总值年均增长6.5%左右。（牵头单位：市发改委；责任单位：市政府有关部门，各县市区，以下指标均需各县市区承接落实，不再逐"
)
CASES["role_classes_and_a_cut_standing_note"] = (ROLE_CLASSES_AND_A_CUT_NOTE, [
    ("落实属地责任", "各级政府", "responsible"), ("落实属地责任", "爱卫会成员部门", "responsible"),
    ("地区生产总值年均", "市发改委", "lead"), ("地区生产总值年均", "市政府有关部门", "responsible"), ("地区生产总值年均", "各县市区", "responsible"),
])
