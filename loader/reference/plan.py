"""The calibration plan: every number the 2021 reconstruction is built to reproduce, at scale 1.

Numbers come from figures.csv (metric ids in comments) and the report's lines; where the report only gives
a share, the count here is the share times the population, rounded (see DECISIONS.md for every choice and
every contradiction). Counts that the report does not give (e.g. a province below the top five) are free
choices that keep the published rankings: each is smaller than the last published rank.
"""

from __future__ import annotations

from typing import Final

SAMPLES: Final = 2205  # network_sample_nodes
RELATION_NODES: Final = 41537  # network_relation_nodes

# -- Table 5/6: technology degree of named sample nodes: name -> (input, empowerment) ----------------------
# input = EMPOWERS edges into the node, empowerment = EMPOWERS edges out of it. Pairs printed in Tables 5+6
# are exact; where one half is missing it is Table 5's degree minus the printed half, or a free value
# below the last printed rank (input < 80, empowerment < 144, degree < 231).
SAMPLE_TECH: Final[dict[str, tuple[int, int]]] = {
    "华为": (1231, 2894),
    "腾讯": (523, 1606),
    "京东": (435, 1076),
    "阿里云": (426, 931),
    "百度": (395, 884),
    "腾讯云": (271, 889),
    "华为云": (223, 926),
    "中国联通": (281, 471),
    "钉钉": (251, 489),
    "中国移动": (246, 484),
    "中国电信": (243, 434),
    "中兴通讯": (192, 473),
    "阿里巴巴": (176, 428),
    "云从科技": (133, 405),
    "特斯联": (162, 366),
    "新华三": (166, 303),
    "拼多多": (78, 366),
    "蚂蚁金服": (125, 298),
    "优必选": (136, 252),
    "微信": (41, 316),
    "中国平安": (116, 213),
    "科大讯飞": (111, 206),
    "云知声": (88, 217),
    "鲲鹏": (39, 257),
    "用友": (69, 207),
    "小米": (126, 137),
    "携程": (72, 187),
    "金山云": (68, 165),
    "今日头条": (73, 159),
    "深兰科技": (63, 168),
    # Table 6 only (not in Table 5's top 30: degree < 231)
    "小鹏汽车": (114, 60),
    "蔚来汽车": (96, 50),
    "涂鸦智能": (93, 70),
    "vivo": (91, 90),
    "华米科技": (83, 40),
    "爱奇艺": (82, 100),
    "奇安信": (81, 90),
    "大华股份": (80, 120),
    "滴滴出行": (80, 110),
    "昇腾": (40, 168),
    "商汤科技": (70, 144),
}
# Caps for every other sample node (strictly below the last printed rank).
SAMPLE_TECH_CAP_IN: Final = 79
SAMPLE_TECH_CAP_OUT: Final = 143
SAMPLE_TECH_CAP_DEG: Final = 230

# -- Table 5/7: technology degree of named relation nodes: name -> (input, empowerment) ------------------
# Relation node's own perspective: input = technology it receives from sample firms (EMPOWERS into it).
RELATION_TECH: Final[dict[str, tuple[int, int]]] = {
    "英特尔": (169, 193),
    "清华大学": (175, 154),
    "微软": (106, 88),
    "高通": (72, 113),
    "英伟达": (51, 67),
    "北京大学": (62, 51),
    "浙江大学": (62, 51),
    "上海交通大学": (58, 51),
    "中国科学院": (44, 42),
    "IBM": (34, 48),
    "长安汽车": (51, 15),
    "亚马逊": (31, 30),
    "中国信通院": (33, 27),
    "复旦大学": (31, 27),
    "中国银联": (43, 15),
    "哈尔滨工业大学": (30, 27),
    "北京航空航天大学": (30, 26),
    "西门子": (34, 17),
    "重庆市政府": (51, 0),
    "OPPO": (40, 10),
    "上海市政府": (47, 0),
    "西安交通大学": (25, 20),
    "华南理工大学": (25, 20),
    "碧桂园": (41, 3),
    "同济大学": (23, 20),
    "四维图新": (22, 21),
    "华中科技大学": (28, 14),
    "招商银行": (39, 3),
    "上汽集团": (30, 12),
    "中国工商银行": (38, 4),
    # Table 7 only (degree < 42: not in Table 5's top 30)
    "中国银行": (40, 0),
    "贵阳市政府": (39, 0),
    "富士康": (38, 2),
    "联发科": (15, 21),
}
# Every synthetic technology partner has degree <= this (well below input 38 / empowerment 20 / degree 42).
PARTNER_TECH_CAP: Final = 19

# -- Table 8: human-capital degree of named institutions: name -> count ----------------------------------
HC_STUDY_DOMESTIC: Final[dict[str, int]] = {
    "清华大学": 275, "北京大学": 186, "上海交通大学": 119, "浙江大学": 103, "复旦大学": 98,
    "哈尔滨工业大学": 88, "中国人民大学": 84, "华中科技大学": 75, "中欧国际工商学院": 69, "武汉大学": 67,
    "北京航空航天大学": 62, "中国科学技术大学": 62, "中山大学": 60, "厦门大学": 58, "华南理工大学": 51,
    "中国科学院": 47, "北京理工大学": 46, "北京邮电大学": 46, "电子科技大学": 45, "西安交通大学": 45,
}  # fmt: skip
HC_STUDY_FOREIGN: Final[dict[str, int]] = {
    "斯坦福大学": 34, "新加坡国立大学": 30, "麻省理工学院": 20, "伊利诺伊大学": 20, "卡内基梅隆大学": 20,
    "哈佛大学": 18, "哥伦比亚大学": 16, "加州大学伯克利分校": 15, "宾夕法尼亚大学": 14, "华盛顿大学": 13,
    "加州大学": 13, "美国西北大学": 11, "牛津大学": 11, "英国曼彻斯特大学": 9, "美国南加州大学": 9,
    "日本东京大学": 9, "耶鲁大学": 8, "剑桥大学": 8, "伦敦政治经济学院": 8, "佐治亚理工学院": 8,
}  # fmt: skip
HC_WORK_DOMESTIC: Final[dict[str, int]] = {
    "百度": 116, "腾讯": 105, "中国科学院": 104, "华为": 94, "阿里巴巴": 83, "中兴通讯": 62, "联想": 49,
    "微软亚洲研究院": 45, "清华大学": 43, "神州数码": 34, "中国电子科技集团": 30, "海航集团": 28,
    "科大讯飞": 26, "东软集团": 26, "富士康": 26, "北京大学": 26, "中欧国际工商学院": 25, "中国联通": 24,
    "用友": 24, "深交所": 21,
}  # fmt: skip
HC_WORK_FOREIGN: Final[dict[str, int]] = {
    "微软": 88, "谷歌": 41, "IBM": 29, "麦肯锡": 22, "普华永道": 21, "IEEE": 16, "宝洁": 15, "西门子": 13,
    "诺基亚": 13, "摩根大通": 12, "甲骨文": 12, "英特尔": 12, "摩根士丹利": 11, "摩托罗拉": 10, "惠普": 10,
    "德勤": 10, "三星": 9, "思科": 8, "高盛": 8, "苹果": 8,
}  # fmt: skip
HC_CAP_STUDY_DOMESTIC: Final = 44
HC_CAP_STUDY_FOREIGN: Final = 7
HC_CAP_WORK_DOMESTIC: Final = 20
HC_CAP_WORK_FOREIGN: Final = 7

# -- Table 9: sample enterprises invested: name -> count -------------------------------------------------
INVEST_INSTITUTIONS: Final[dict[str, int]] = {
    "红杉资本中国": 198, "IDG资本": 197, "经纬中国": 116, "中金公司": 108, "真格基金": 99, "深创投": 89,
    "五源资本": 88, "达晨财智": 75, "金沙江创投": 74, "创新工场": 72, "高瓴资本": 71, "启明创投": 67,
    "君联资本": 63, "顺为资本": 62, "松禾资本": 60, "北极光创投": 59, "东方富海": 49, "华创资本": 48,
    "光速中国": 45, "云锋基金": 44,
}  # fmt: skip
INVEST_CORPORATES: Final[dict[str, int]] = {
    "腾讯": 137, "联想": 93, "百度": 81, "阿里巴巴": 66, "京东": 64, "小米": 45, "奇虎360": 37, "海尔": 32,
    "蚂蚁金服": 29, "TCL": 20, "红星美凯龙": 19, "科大讯飞": 18, "新浪": 15, "富士康": 14, "字节跳动": 14,
    "北汽集团": 13, "恒生电子": 13, "好未来": 12, "苏宁": 12, "滴滴出行": 9,
}  # fmt: skip
INVEST_CAP_INSTITUTION: Final = 43
INVEST_CAP_CORPORATE: Final = 8

# Named samples beyond the tables (hosts of national platforms, Table 2 / R&D-staff firms, Guangzhou study).
EXTRA_SAMPLES: Final = (
    "旷视科技", "依图科技", "上海明略人工智能（集团）有限公司", "海康威视", "奇虎360", "好未来",
    "瑞松科技", "明珞装备", "广州科腾", "小马智行", "文运知行", "诚迈科技", "中科创达", "汇顶科技",
    "云宏信息", "捷尚视觉", "点点客", "中翔腾航", "泰久信息", "保千里", "恒生电子", "绿景控股", "美图秀秀",
    "蓝灯数据", "深信服科技", "英富森", "百胜软件", "海鑫科金", "远光软件", "同花顺", "华中数控", "高德红外",
    "川大智胜", "九安医疗",
)  # fmt: skip

# Table 2 (R&D intensity, %) and the three highest R&D staff shares (%), L635-L653.
RD_INTENSITY_NAMED: Final[dict[str, float]] = {
    "云宏信息": 51.38, "捷尚视觉": 45.21, "点点客": 44.59, "中翔腾航": 44.57, "泰久信息": 44.53,
    "保千里": 37.02, "恒生电子": 35.85, "绿景控股": 34.98, "美图秀秀": 33.85, "蓝灯数据": 29.48,
    "深信服科技": 27.65, "英富森": 27.25, "百胜软件": 26.67, "海鑫科金": 25.82, "远光软件": 20.94,
    "同花顺": 20.58, "华中数控": 16.68, "高德红外": 13.66, "川大智胜": 6.87, "九安医疗": 3.81,
}  # fmt: skip
RD_STAFF_NAMED: Final[dict[str, float]] = {"诚迈科技": 91.76, "中科创达": 88.76, "汇顶科技": 88.04}

# Named samples' tech layer (generated, recorded in synthetic_props): base = cloud, chips, networks.
NAMED_LAYER: Final[dict[str, str]] = {
    "华为": "base", "华为云": "base", "阿里云": "base", "腾讯云": "base", "金山云": "base", "鲲鹏": "base",
    "昇腾": "base", "中国移动": "base", "中国联通": "base", "中国电信": "base", "中兴通讯": "base",
    "新华三": "base", "百度": "technology", "科大讯飞": "technology", "云从科技": "technology",
    "商汤科技": "technology", "旷视科技": "technology", "依图科技": "technology", "云知声": "technology",
    "优必选": "technology", "深兰科技": "technology", "特斯联": "technology", "海康威视": "technology",
    "大华股份": "technology", "汇顶科技": "base", "中科创达": "technology", "诚迈科技": "technology",
}  # fmt: skip

# -- Table 4 / V.1: technology relations ---------------------------------------------------------------
TECH_INPUT: Final = 15493  # tech_coop_input_total (V.1.1; Table 4 prints 15491)
TECH_EMPOWER: Final = 35675  # rel_tech_empowerment_total
TECH_INPUT_DOMESTIC: Final = 13782  # tech_input_domestic_count_v (Table 4 prints 13781)
TECH_EMPOWER_DOMESTIC: Final = 32860  # tech_empowerment_domestic_count_v (Table 4 prints 32861)
# Foreign partners by country (ISO2): (input, empowerment). US/DE/UK/JP exact (V.1.1); KR's total 177 exact,
# KR is the unnamed rank 3 of input (L922 skips it); the rest free, each below the last printed rank.
TECH_FOREIGN: Final[dict[str, tuple[int, int]]] = {
    "US": (1028, 1237), "DE": (152, 286), "KR": (100, 77), "GB": (84, 162), "JP": (76, 164),
    "FR": (45, 110), "CA": (40, 100), "IL": (35, 90), "NL": (30, 100), "SG": (30, 110), "CH": (28, 100),
    "SE": (23, 80), "IN": (20, 100), "FI": (20, 98), "IT": (0, 1),
}  # fmt: skip
# Domestic partners by province (input, empowerment); top five exact (V.1.2), JS rank 5, SD rank 6, the
# rest free below; TW and SD are "diffusion" provinces (input share < empowerment share, L951).
TECH_PROVINCE: Final[dict[str, tuple[int, int]]] = {
    "110000": (4357, 8231), "440000": (3051, 6495), "310000": (1451, 3238), "330000": (1227, 2403),
    "320000": (680, 1650), "370000": (330, 1470), "420000": (300, 900), "510000": (290, 880),
    "500000": (260, 760), "610000": (230, 620), "340000": (220, 640), "350000": (180, 560),
    "430000": (170, 520), "120000": (170, 500), "210000": (130, 420), "410000": (110, 400),
    "710000": (40, 200), "810000": (60, 150), "520000": (150, 260), "230000": (90, 210),
    "220000": (60, 170), "360000": (60, 180), "450000": (50, 150), "130000": (70, 230),
    "530000": (40, 120), "460000": (30, 100), "140000": (30, 90), "150000": (20, 60), "620000": (15, 50),
    "650000": (10, 40), "640000": (5, 20), "630000": (3, 10), "540000": (2, 5),
}  # fmt: skip
# Cities within the top provinces (V.1.3): (input, empowerment); the rest of each province goes to its other
# cities. Beijing = the province (municipality).
TECH_CITY: Final[dict[str, tuple[int, int]]] = {
    "440300": (2028, 3688),
    "440100": (655, 1704),
    "330100": (1076, 1786),
}

# -- §VI: sector of the partner, by direction (input = partner -> sample, empowerment = sample -> partner).
# Every sample firm is in the AI core sector (industry AI); partners have an industry or none (governments,
# linkers). Derivation in DECISIONS.md.
SECTOR_EMPOWER: Final[dict[str, int]] = {
    "AI": 8104,
    "I": 4562, "M": 3451, "J": 1945, "L": 1818, "F": 1484,
    "K": 900, "Q": 700, "P": 600, "G": 450, "N": 400, "H": 250, "R": 160,
    "C39": 1254, "C36": 867, "C38": 327, "C35": 292, "C34": 161,
    "C26": 160, "C27": 150, "C37": 150, "C40": 140, "C33": 130, "C13": 120, "C17": 90, "C30": 80, "C29": 78,
    "E": 271, "D": 258, "B": 56, "A": 105,
}  # fmt: skip
SECTOR_INPUT: Final[dict[str, int]] = {
    "AI": 6398,
    "I": 2758, "M": 1974, "L": 577, "J": 438, "F": 424,
    "K": 180, "Q": 150, "P": 130, "G": 90, "N": 80, "H": 52, "R": 40,
    "C39": 819, "C36": 264, "C35": 139, "C38": 125, "C34": 72,
    "C26": 30, "C27": 28, "C37": 28, "C40": 26, "C33": 24, "C13": 22, "C17": 14, "C30": 14, "C29": 12,
    "E": 78, "D": 62, "B": 7, "A": 20,
}  # fmt: skip
# The rest of each direction has no industry (governments, alliances): 6,162 empowerment, 418 input.

# Named relation nodes' industries (background knowledge; recorded in synthetic_props).
NAMED_INDUSTRY: Final[dict[str, str | None]] = {
    "英特尔": "C39", "高通": "C39", "英伟达": "C39", "联发科": "C39", "OPPO": "C39", "富士康": "C39",
    "微软": "I", "IBM": "I", "亚马逊": "I", "四维图新": "I", "西门子": "C38", "长安汽车": "C36",
    "上汽集团": "C36", "中国银联": "J", "招商银行": "J", "中国工商银行": "J", "中国银行": "J", "碧桂园": "K",
    "清华大学": "M", "北京大学": "M", "浙江大学": "M", "上海交通大学": "M", "中国科学院": "M",
    "中国信通院": "M", "复旦大学": "M", "哈尔滨工业大学": "M", "北京航空航天大学": "M", "西安交通大学": "M",
    "华南理工大学": "M", "同济大学": "M", "华中科技大学": "M", "重庆市政府": None, "上海市政府": None,
    "贵阳市政府": None,
    # Layer-1 partners of sample firms (Guangzhou automobile study, L1412; Alibaba Cloud, L1242)
    "广汽丰田": "C36", "广汽本田": "C36", "广汽乘用车": "C36", "广汽新能源": "C36", "比亚迪": "C36",
    "奔驰": "C36", "宝马": "C36", "特斯拉": "C36", "菲亚特克莱斯勒": "C36", "法国标致": "C36",
    "广汽集团": "C36", "广汽菲亚特克莱斯勒": "C36", "淘宝": "I", "天猫": "I", "5G汽车生态圈": None,
}  # fmt: skip

# -- Human capital (Table 4, V.2) -----------------------------------------------------------------------
HC_STUDY: Final = 4826
HC_STUDY_DOMESTIC_TOTAL: Final = 4070
HC_WORK: Final = 16514
HC_WORK_DOMESTIC_TOTAL: Final = 15463
# Foreign by country: (study, work); totals = Table 10, splits from Table 11 shares (DECISIONS.md).
HC_FOREIGN: Final[dict[str, tuple[int, int]]] = {
    "US": (442, 741), "GB": (106, 48), "DE": (23, 57), "JP": (27, 42), "AU": (39, 17), "SG": (30, 19),
    "CA": (29, 13), "FR": (19, 15), "NL": (11, 18), "CH": (6, 21), "FI": (0, 14), "KR": (3, 10),
    "SE": (2, 7), "NZ": (8, 1), "BE": (2, 6), "RU": (2, 5), "IN": (2, 4), "DK": (1, 4), "IE": (1, 3),
    "NO": (1, 1), "PT": (1, 1), "IT": (1, 1), "IS": (0, 1), "IL": (0, 1), "VN": (0, 1),
}  # fmt: skip
# Domestic by province (study, work): V.2.2 totals exact for the top five; Table 11 shares are of the
# domestic study (4,070) / work (15,463) relations (they reproduce V.2.2's counts; DECISIONS.md).
HC_PROVINCE: Final[dict[str, tuple[int, int]]] = {
    "110000": (1316, 4159), "440000": (251, 3730), "310000": (439, 1556), "320000": (176, 898),
    "330000": (142, 837), "420000": (272, 309), "610000": (161, 200), "510000": (144, 305),
    "810000": (134, 60), "230000": (128, 90), "370000": (90, 557), "340000": (110, 430),
    "350000": (100, 278), "120000": (80, 180), "430000": (85, 200), "210000": (70, 150),
    "500000": (60, 170), "410000": (40, 120), "220000": (40, 60), "360000": (25, 60), "460000": (5, 60),
    "520000": (15, 50), "450000": (15, 40), "530000": (20, 40), "130000": (20, 60), "140000": (15, 40),
    "620000": (20, 30), "710000": (20, 40), "150000": (5, 20), "650000": (5, 20), "640000": (1, 10),
}  # fmt: skip

# -- Investment (Table 4, V.3, Table 12) -----------------------------------------------------------------
INV_RECEIVED: Final = 10387  # rel_invfin_received: INVESTS_IN into sample firms
INV_MADE: Final = 15112  # rel_invfin_invested: sample firms' investments (incl. acquisitions)
INV_ACQUISITIONS: Final = 22  # 25,499 - 25,477 (V.3 counts INVESTS_IN only; DECISIONS.md)
INV_EVENTS: Final = 25477  # financing_rel_total
INV_DOMESTIC_INVESTOR: Final = 24942  # invest_rel_total
INV_FOREIGN: Final[dict[str, int]] = {
    "US": 343, "SG": 59, "DE": 31, "JP": 23, "KR": 16, "RU": 15, "GB": 12, "CA": 6, "CH": 6, "NL": 4,
    "AU": 3, "AE": 3, "IE": 2, "FR": 2, "QA": 2, "SA": 2, "TH": 2, "MY": 1, "ES": 1, "IL": 1, "SE": 1,
}  # fmt: skip
INV_INVESTOR_PROVINCE: Final[dict[str, int]] = {
    "110000": 7854,
    "440000": 5878,
    "310000": 3410,
    "330000": 1954,
    "320000": 1645,
}
INV_INVESTEE_PROVINCE: Final[dict[str, int]] = {
    "110000": 6545,
    "440000": 3897,
    "310000": 3663,
    "330000": 2183,
    "320000": 2123,
}

# -- §III sample attributes -----------------------------------------------------------------------------
SAMPLE_PROVINCE: Final[dict[str, int]] = {
    "110000": 656, "440000": 579, "310000": 310, "330000": 194, "320000": 137, "510000": 40,
    "370000": 36, "420000": 33, "350000": 30, "430000": 27, "340000": 26, "120000": 20, "130000": 8,
    "500000": 20, "610000": 18, "210000": 14, "410000": 12, "360000": 9, "520000": 8, "460000": 6,
    "450000": 5, "530000": 4, "220000": 4, "230000": 3, "140000": 3, "150000": 2, "620000": 1,
}  # fmt: skip
SAMPLE_CITY: Final[dict[str, int]] = {"440300": 309, "440100": 180}
PRD_OTHER_CITIES: Final = ("441900", "440600", "440400", "441300", "442000", "440700", "441200")

FOUNDED: Final[dict[str, int]] = {
    "1990-1999": 140, "2000-2004": 150, "2005-2009": 240, "2010": 95, "2011": 110, "2012": 150,
    "2013": 190, "2014": 260, "2015": 317, "2016": 250, "2017": 160, "2018": 83, "2019": 40, "2020": 20,
}  # fmt: skip
LAYERS: Final[dict[str, int]] = {"base": 52, "technology": 299, "application": 1854}
CORE_TECH: Final[dict[str, int]] = {
    "big_data_cloud": 907, "hardware": 168, "ml_recommendation": 150, "service_robots": 124, "iot": 122,
    "industrial_robots": 121, "speech_nlp": 105, "image_recognition": 104, "face_gait_expression": 100,
    "ai_chips": 90, "visual_recognition": 80, "robotics": 70, "biometrics": 64,
}  # fmt: skip
CORE_TECH_BASETECH: Final[dict[str, int]] = {
    "big_data_cloud": 99, "face_gait_expression": 48, "ai_chips": 31, "speech_nlp": 30,
    "image_recognition": 27, "ml_recommendation": 20, "industrial_robots": 17, "hardware": 25,
    "iot": 15, "service_robots": 12, "visual_recognition": 10, "robotics": 10, "biometrics": 7,
}  # fmt: skip
APP_FIELDS: Final[dict[str, int]] = {
    "enterprise_solutions": 379, "smart_commerce_retail": 227, "intelligent_robots": 185,
    "intelligent_hardware": 178, "fintech": 163, "smart_healthcare": 160, "intelligent_manufacturing": 138,
    "new_media_digital_content": 125, "smart_transportation": 120, "key_tech_platforms": 110,
    "smart_city": 105, "smart_home": 90, "smart_education": 85, "intelligent_security": 80,
    "intelligent_vehicles": 60,
}  # fmt: skip

# Financing (III.6): financed firms per province by bin (<1, 1-10, >10 亿元) and provincial totals (0.01 亿).
FIN_BINS: Final[dict[str, tuple[int, int, int]]] = {
    "110000": (178, 211, 129), "310000": (89, 110, 40), "330000": (55, 60, 25), "440000": (272, 120, 8),
    "320000": (44, 50, 6), "350000": (4, 4, 4), "460000": (1, 1, 1),
}  # fmt: skip
FIN_BINS_OTHER: Final = (66, 64, 24)  # spread over the other 20 provinces (at most 1 in 3 large)
FIN_TOTAL_CENTS: Final = 2266539  # fin_total_amount 22,665.39 亿 in 0.01 亿
FIN_PROVINCE_CENTS: Final[dict[str, int]] = {
    "110000": 1261326, "310000": 360794, "330000": 241382, "440000": 164512, "320000": 113026,
    "350000": 23304, "460000": 5496,  # FJ 12 x 19.42, HI 3 x 18.32
}  # fmt: skip
# Share of the financing amount by field (%): three printed, four "above 5%", the rest below 5%.
FIN_FIELD_SHARE: Final[dict[str, float]] = {
    "smart_commerce_retail": 16.82, "fintech": 12.07, "new_media_digital_content": 11.22,
    "smart_transportation": 7.0, "key_tech_platforms": 6.5, "enterprise_solutions": 6.0,
    "intelligent_hardware": 5.5, "intelligent_robots": 4.5, "smart_healthcare": 4.6,
    "intelligent_manufacturing": 4.2, "smart_city": 4.4, "smart_home": 4.0, "smart_education": 4.5,
    "intelligent_security": 4.3, "intelligent_vehicles": 4.39,
}  # fmt: skip

LISTED: Final = 444  # mktcap_listed_sample: every listed firm has a market value
STAFF_BINS: Final = (146, 25, 15, 27)  # <2000, 2000-4000, 4000-6000, >6000 of 213
REVENUE_BINS: Final = (239, 28, 40)  # <40, 40-80, >=80 亿 of 307
MKTCAP_BINS: Final = (345, 57, 42)  # <100, 100-400, >400 亿 of 444
RD_INTENSITY_BINS: Final = (50, 82, 40)  # <5, 5-15, >15 % of 172
RD_INTENSITY_MEAN: Final = 11.66
RD_STAFF_BINS: Final = (13, 42, 103, 14)  # <10, 10-20, 20-50, >50 % of 172
RD_STAFF_MEAN: Final = 36.47

PATENT_FIRMS: Final = 2075
PATENT_BINS: Final = (1344, 261, 214, 186, 70)  # <50, 50-100, 100-200, 200-1000, >1000 (DECISIONS.md)
PATENT_GT100_PROVINCE: Final[dict[str, int]] = {
    "440000": 324,
    "110000": 66,
    "330000": 19,
    "310000": 18,
    "370000": 17,
}
PATENT_LAYER_FIRMS: Final[dict[str, int]] = {"base": 52, "technology": 299, "application": 1724}
PATENT_TOP_BIN_BY_LAYER: Final[dict[str, int]] = {"base": 30, "technology": 15, "application": 25}
PATENT_LAYER_AVG: Final[dict[str, float]] = {"base": 2153.44, "technology": 496.94, "application": 204.87}
