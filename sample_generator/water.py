"""Water-domain sample submissions: seeds/raw/water/<source>/ for every source in registry/water.yml.

Sources written (file names carry the identity the registry reads: period, district or year):
  sections/         surface-water section register (国考 / 省考 / 市控, a section may be in two sets)
  section_monthly/  monitoring-centre monthly section results, 2022-01 … 2023-11 (one month as GBK CSV)
  drinking_sources/ county-level-and-above drinking-water source register
  drinking_monthly/ monthly drinking-water source results
  source_changes/   revoked and merged drinking-water sources, one row per source with its approval date
  micro_stations/   automatic micro-station register (新建 / 移用 / 利用现有 with completion dates)
  outfalls/         Yangtze outfall register per district (sign, monitoring, plan, remediation dates)
  sewer_works/      urban sewer works monthly form, 8 districts + 合计, 本月/累计 two-row header
  wwtp_plants/      wastewater plant register; wwtp_projects/ expansion projects with completion dates
  risk_survey/      sudden water-pollution risk survey, one row per enterprise check, per district
  funds/            water-pollution prevention funds by project, one register per year

Only raw rows are written. Concentrations are drawn inside the GB 3838 class each section is built
for (read from seeds/reference/gb3838_limits.csv), counts are split over districts and months so
their sums land on the bureau's totals, and registers carry dates — every figure is left for the
pipeline to compute; 合计 rows and 累计 columns are only there to be checked.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from sample_generator import common
from sample_generator.common import District, ExcelSerial

DOMAIN = "water"
LAST_DAY = date(2023, 11, 30)  # the report was written from data through November 2023
MONTHS = [(y, m) for y in (2022, 2023) for m in range(1, 13) if date(y, m, 1) <= LAST_DAY]
DISTRICT_ORDER = ("镜湖区", "弋江区", "鸠江区", "湾沚区", "繁昌区", "南陵县", "无为市", "经济技术开发区")
MAIN_URBAN = ("镜湖区", "弋江区", "鸠江区", "经济技术开发区")
RIVERSIDE = ("镜湖区", "弋江区", "鸠江区", "繁昌区", "无为市", "经济技术开发区")


def generate(raw_dir: Path) -> None:
    out = common.reset_domain_dir(raw_dir, DOMAIN)
    districts = {d.name: d for d in common.load_districts()}
    limits = load_limits()
    write_sections(out / "sections", districts)
    write_section_monthly(out / "section_monthly", limits)
    write_drinking_sources(out / "drinking_sources", districts)
    write_drinking_monthly(out / "drinking_monthly", limits)
    write_source_changes(out / "source_changes", districts)
    write_micro_stations(out / "micro_stations")
    write_outfalls(out / "outfalls", districts)
    write_sewer_works(out / "sewer_works", districts)
    write_wwtp(out / "wwtp_plants", out / "wwtp_projects")
    write_risk_survey(out / "risk_survey", districts)
    write_funds(out / "funds")


def _pick(rng: np.random.Generator, items):
    return items[int(rng.integers(len(items)))]


def _day_in(rng: np.random.Generator, first: date, last: date) -> date:
    return first + timedelta(days=int(rng.integers((last - first).days + 1)))


def _split(rng: np.random.Generator, total: int, n: int, concentration: float = 2.0) -> np.ndarray:
    """total split into n non-negative integers that add up exactly."""
    return rng.multinomial(total, rng.dirichlet(np.full(n, concentration)))


# =========================================================================== GB 3838 limits


def load_limits() -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(parameter, water body type) → [(min, max) for class I…V], from the reference seed."""
    limits: dict[tuple[str, str], list[tuple[float, float]]] = {}
    with open(common.REFERENCE_DIR / "gb3838_limits.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key = (row["parameter"], row["water_body_type"])
            limits.setdefault(key, []).append((float(row["min_value"]), float(row["max_value"])))
    return limits


def class_band(limits, parameter: str, body: str, class_no: int) -> tuple[float, float]:
    """A value range that lies inside class_no and clear of its edges (the ≥ rule for DO)."""
    bands = limits.get((parameter, body)) or limits[(parameter, "all")]
    if parameter == "do":
        lower = bands[class_no - 1][0]
        upper = bands[class_no - 2][0] if class_no > 1 else 10.5
        return lower + 0.1 * (upper - lower), upper - 0.1 * (upper - lower)
    upper = bands[class_no - 1][1]
    better = [b[1] for b in bands[: class_no - 1] if b[1] < upper]
    lower = max(better) if better else 0.3 * upper
    return lower + 0.15 * (upper - lower), upper - 0.15 * (upper - lower)


# =========================================================================== sections


@dataclass(frozen=True)
class Section:
    code: str
    name: str
    district: str
    water_body: str
    body_type: str  # river / lake (seed water_body_type)
    national: bool
    provincial: bool
    city: bool
    target: int
    design: int  # the class its monthly values are drawn in
    worse_in_2022: bool = False  # one provincial section was class IV over 2022


SECTIONS = (
    Section("GK01", "三华山", "繁昌区", "长江", "river", True, False, False, 2, 2),
    Section("GK02", "东梁山", "鸠江区", "长江", "river", True, False, False, 2, 2),
    Section("GK03", "裕溪口", "鸠江区", "裕溪河", "river", True, False, False, 3, 3),
    Section("GK04", "澛港大桥", "弋江区", "青弋江", "river", True, True, False, 3, 2),
    Section("GK05", "宝塔根", "镜湖区", "青弋江", "river", True, False, False, 3, 3),
    Section("GK06", "新港大桥", "繁昌区", "漳河", "river", True, False, False, 3, 3),
    Section("GK07", "黄池", "湾沚区", "水阳江", "river", True, False, False, 3, 3),
    Section("GK08", "奎湖湖心", "南陵县", "奎湖", "lake", True, True, False, 3, 3),
    Section("GK09", "襄安", "无为市", "西河", "river", True, False, False, 3, 3),
    Section("GK10", "黄雒河口", "无为市", "黄雒河", "river", True, False, False, 3, 3),
    Section("SK01", "峨桥", "繁昌区", "峨溪河", "river", False, True, False, 3, 3),
    Section("SK02", "南陵大桥", "南陵县", "漳河", "river", False, True, False, 3, 3),
    Section("SK03", "弋江镇", "南陵县", "青弋江", "river", False, True, False, 2, 2),
    Section("SK04", "六郎", "湾沚区", "青弋江", "river", False, True, False, 3, 3),
    Section("SK05", "花桥", "湾沚区", "扁担河", "river", False, True, False, 3, 3),
    Section("SK06", "沈巷", "鸠江区", "裕溪河", "river", False, True, False, 3, 3, worse_in_2022=True),
    Section("SK07", "石涧", "无为市", "永安河", "river", False, True, False, 3, 3),
    Section("SK08", "凤凰颈", "无为市", "西河", "river", False, True, False, 3, 3),
    Section("SK09", "龙窝湖", "鸠江区", "龙窝湖", "lake", False, True, True, 3, 3),
    Section("SK10", "荻港", "繁昌区", "长江", "river", False, True, False, 2, 2),
    Section("SS01", "保兴垾", "镜湖区", "保兴垾", "river", False, False, True, 4, 4),
    Section("SS02", "扁担河桥", "弋江区", "扁担河", "river", False, False, True, 4, 6),
    Section("SS03", "镜湖", "镜湖区", "镜湖", "lake", False, False, True, 4, 4),
    Section("SS04", "大阳垾", "经济技术开发区", "大阳垾", "river", False, False, True, 4, 4),
)
# A summer storm month where one national section's monthly class drops to IV while its 1–10月
# mean stays III: the period class must come from period means, not from the worst month.
STORM_MONTH = ("GK05", (2023, 7))
SECTION_LABEL_ALIASES = {"SS04": "经开区", "GK01": "繁昌县"}


def _yes(flag: bool) -> str:
    return "是" if flag else "否"


def write_sections(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "sections")
    columns = [
        "序号",
        "断面编码",
        "断面名称",
        "所在区县",
        "所在水体",
        "水体类型",
        "国考",
        "省考",
        "市控",
        "水质目标",
    ]
    roman = {2: ("Ⅱ类", "II", "Ⅱ"), 3: ("Ⅲ类", "III", "Ⅲ", "3"), 4: ("Ⅳ类", "IV")}
    rows = []
    for i, s in enumerate(SECTIONS, 1):
        rows.append(
            [
                i,
                s.code,
                s.name,
                SECTION_LABEL_ALIASES.get(s.code, s.district),
                s.water_body,
                "河流" if s.body_type == "river" else "湖库",
                _yes(s.national),
                _yes(s.provincial),
                _yes(s.city),
                _pick(rng, roman[s.target]),
            ]
        )
    common.write_form_xlsx(
        folder / "地表水监测断面名录_2023.xlsx",
        "断面名录",
        columns,
        rows,
        title="XX市地表水环境质量监测断面名录（2023年）",
        subtitle="填报单位：市生态环境监测中心",
    )


# =========================================================================== monthly monitoring

PARAMETER_HEADERS = (
    ("water_temp", "水温(℃)"),
    ("ph", "pH"),
    ("do", "溶解氧(mg/L)"),
    ("codmn", "高锰酸盐指数(mg/L)"),
    ("cod", "化学需氧量(mg/L)"),
    ("bod5", "五日生化需氧量(mg/L)"),
    ("nh3n", "氨氮(mg/L)"),
    ("tp", "总磷(mg/L)"),
    ("tn", "总氮(mg/L)"),
    ("cu", "铜(mg/L)"),
    ("zn", "锌(mg/L)"),
    ("fluoride", "氟化物(mg/L)"),
    ("se", "硒(mg/L)"),
    ("arsenic", "砷(mg/L)"),
    ("hg", "汞(mg/L)"),
    ("cd", "镉(mg/L)"),
    ("cr6", "六价铬(mg/L)"),
    ("pb", "铅(mg/L)"),
    ("cyanide", "氰化物(mg/L)"),
    ("volatile_phenol", "挥发酚(mg/L)"),
    ("petroleum", "石油类(mg/L)"),
    ("las", "阴离子表面活性剂(mg/L)"),
    ("sulfide", "硫化物(mg/L)"),
    ("fecal_coliform", "粪大肠菌群(个/L)"),
)
CORE = ("codmn", "cod", "bod5", "nh3n", "tp")
# Metals and other trace items: measured in the first month of each quarter, usually below the
# method detection limit (the lab writes the limit with "L", "<", or just "ND" / "未检出").
TRACE_DETECTION = {
    "cu": 0.001,
    "zn": 0.05,
    "se": 0.0004,
    "arsenic": 0.0003,
    "hg": 0.00004,
    "cd": 0.0001,
    "cr6": 0.004,
    "pb": 0.001,
    "cyanide": 0.004,
    "volatile_phenol": 0.0003,
    "sulfide": 0.005,
}
TRACE_DETECTED = {
    "fluoride": (0.25, 0.6),
    "petroleum": (0.01, 0.03),
    "las": (0.05, 0.09),
    "arsenic": (0.0008, 0.002),
    "zn": (0.05, 0.09),
}
HG_IN_UG_L = {(2023, 1), (2023, 4)}  # these exports state mercury in μg/L
SECTION_CSV = {(2022, 8): "gbk"}
SECTION_RESUBMITTED = (2023, 5)  # the first export had TP 10× too high for one section; _v2 corrects it


def _fmt(value: float, decimals: int) -> float:
    return round(float(value), decimals)


def _below_detection(limit: float, rng: np.random.Generator) -> str:
    text = f"{limit:.6f}".rstrip("0").rstrip(".")
    return _pick(rng, (f"<{text}", f"{text}L", "ND", "未检出"))


def section_values(s: Section, y: int, m: int, limits, rng: np.random.Generator) -> dict[str, object]:
    design = s.design
    if s.worse_in_2022 and y == 2022:
        design = 4
    values: dict[str, object] = {}
    values["water_temp"] = _fmt(8 + 20 * np.sin(np.pi * (m - 1.5) / 11) ** 2 + rng.normal(0, 1), 1)
    values["ph"] = _fmt(rng.uniform(6.9, 8.2), 2)
    do_class = 1 if design <= 2 else min(design, 5)
    values["do"] = _fmt(rng.uniform(*class_band(limits, "do", s.body_type, do_class)), 2)
    for p in CORE:
        band_class = min(design, 5)
        if p in ("cod", "bod5") and design <= 3:
            band_class = 1
        lo, hi = class_band(limits, p, s.body_type, band_class)
        values[p] = _fmt(rng.uniform(lo, hi), 3 if p in ("nh3n", "tp") else 1)
    if design == 6:  # a 劣V city section: ammonia far beyond the V limit
        values["nh3n"] = _fmt(rng.uniform(2.6, 4.0), 3)
    values["tn"] = _fmt(float(values["nh3n"]) + rng.uniform(0.6, 1.4), 2)
    if (s.code, (y, m)) == STORM_MONTH:
        values["nh3n"] = 1.32
    if m in (1, 4, 7, 10):
        for p, limit in TRACE_DETECTION.items():
            values[p] = _below_detection(limit, rng)
        for p, (lo, hi) in TRACE_DETECTED.items():
            values[p] = _fmt(rng.uniform(lo, hi), 4)
        values["fecal_coliform"] = int(rng.integers(300, 4500))
    if (y, m) in HG_IN_UG_L and "hg" in values:
        values["hg"] = _pick(rng, ("0.04L", "<0.04", "ND"))
    return values


def _messy_value(value: object, rng: np.random.Generator) -> object:
    if isinstance(value, float) and rng.random() < 0.06:
        return common.to_fullwidth(value) if rng.random() < 0.4 else str(value)
    return value


def write_section_monthly(folder: Path, limits) -> None:
    rng = common.rng_for(DOMAIN, "section_monthly")
    mess = common.rng_for(DOMAIN, "section_monthly-mess")
    for y, m in MONTHS:
        hg_header = "汞(μg/L)" if (y, m) in HG_IN_UG_L else "汞(mg/L)"
        headers = ["序号", "断面编码", "断面名称", "采样日期"] + [
            hg_header if p == "hg" else h for p, h in PARAMETER_HEADERS
        ]
        rows = []
        for i, s in enumerate(SECTIONS, 1):
            values = section_values(s, y, m, limits, rng)
            sampled = date(y, m, int(rng.integers(5, 16)))
            sampled_cell = ExcelSerial(sampled) if mess.random() < 0.1 else sampled
            rows.append(
                [i, s.code, s.name, sampled_cell]
                + [_messy_value(values.get(p), mess) for p, _ in PARAMETER_HEADERS]
            )
        title = f"XX市地表水断面水质监测月报（{y}年{m}月）"
        stem = f"地表水断面监测月报_{y}{m:02d}"
        if (y, m) in SECTION_CSV:
            common.write_csv(folder / f"{stem}.csv", headers, rows, encoding=SECTION_CSV[(y, m)], title=title)
            continue
        if (y, m) == SECTION_RESUBMITTED:
            first = [list(r) for r in rows]
            tp_col = headers.index("总磷(mg/L)")
            first[5][tp_col] = round(float(common.from_fullwidth(str(first[5][tp_col]))) * 10, 3)
            common.write_form_xlsx(folder / f"{stem}.xlsx", "断面监测", headers, first, title=title)
            stem += "_v2"
        common.write_form_xlsx(folder / f"{stem}.xlsx", "断面监测", headers, rows, title=title)


# =========================================================================== drinking-water sources


@dataclass(frozen=True)
class Source:
    code: str
    name: str
    district: str
    level: str
    source_type: str
    revoked_on: date | None = None


DRINKING_SOURCES = (
    Source("YS01", "二水厂长江取水口", "镜湖区", "县级及以上", "河流型"),
    Source("YS02", "四水厂长江取水口", "鸠江区", "县级及以上", "河流型"),
    Source("YS03", "三水厂长江取水口", "弋江区", "县级及以上", "河流型"),
    Source("YS04", "繁昌区长江取水口", "繁昌区", "县级及以上", "河流型"),
    Source("YS05", "南陵县青弋江取水口", "南陵县", "县级及以上", "河流型"),
    Source("YS06", "无为市长江取水口", "无为市", "县级及以上", "河流型"),
    Source("YS07", "湾沚区青弋江取水口", "湾沚区", "县级及以上", "河流型"),
    Source("YS08", "南陵县奎湖水源地", "南陵县", "县级及以上", "湖库型"),
    Source("YS09", "无为市西河水源地", "无为市", "县级及以上", "河流型", date(2023, 4, 18)),
    Source("YS10", "繁昌区峨溪河水源地", "繁昌区", "县级及以上", "河流型", date(2023, 6, 30)),
    Source("YS11", "湾沚区水阳江水源地", "湾沚区", "县级及以上", "河流型", date(2023, 9, 12)),
    Source("XZ01", "峨山镇黄浒河水源地", "繁昌区", "乡镇", "河流型"),
    Source("XZ02", "家发镇地下水水源地", "南陵县", "乡镇", "地下水型"),
)
TABLE2 = {
    "sulfate": (20, 60),
    "chloride": (10, 35),
    "nitrate": (0.5, 1.8),
    "iron": (0.03, 0.15),
    "manganese": (0.01, 0.05),
}
DRINKING_PARAMETERS = tuple(p for p, _ in PARAMETER_HEADERS if p not in ("water_temp", "cod")) + tuple(TABLE2)
DRINKING_HEADERS = {p: h for p, h in PARAMETER_HEADERS} | {
    "sulfate": "硫酸盐(mg/L)",
    "chloride": "氯化物(mg/L)",
    "nitrate": "硝酸盐(mg/L)",
    "iron": "铁(mg/L)",
    "manganese": "锰(mg/L)",
}


def write_drinking_sources(folder: Path, districts: dict[str, District]) -> None:
    columns = ["水源地编码", "水源地名称", "所在区县", "水源地级别", "水源类型", "状态", "撤销日期"]
    rows = [
        [
            s.code,
            s.name,
            common.district_alias(districts[s.district]) if s.code == "YS04" else s.district,
            s.level,
            s.source_type,
            "撤销" if s.revoked_on else "在用",
            s.revoked_on,
        ]
        for s in DRINKING_SOURCES
    ]
    common.write_form_xlsx(
        folder / "集中式饮用水水源地名录_报送20231205.xlsx",
        "水源地名录",
        columns,
        rows,
        title="XX市集中式饮用水水源地名录",
    )


def write_drinking_monthly(folder: Path, limits) -> None:
    rng = common.rng_for(DOMAIN, "drinking_monthly")
    for y, m in MONTHS:
        headers = ["水源地编码", "水源地名称", "采样日期"] + [
            "汞(μg/L)" if p == "hg" and (y, m) in HG_IN_UG_L else DRINKING_HEADERS[p]
            for p in DRINKING_PARAMETERS
        ]
        rows = []
        for s in DRINKING_SOURCES:
            if s.level != "县级及以上" or (s.revoked_on and date(y, m, 1) > s.revoked_on):
                continue
            body = "lake" if s.source_type == "湖库型" else "river"
            section = Section(s.code, s.name, s.district, "", body, False, False, False, 3, 2)
            values = section_values(section, y, m, limits, rng)
            for p, (lo, hi) in TABLE2.items():
                values[p] = _fmt(rng.uniform(lo, hi), 3)
            rows.append(
                [s.code, s.name, date(y, m, int(rng.integers(3, 12)))]
                + [values.get(p) for p in DRINKING_PARAMETERS]
            )
        common.write_form_xlsx(
            folder / f"饮用水水源地水质月报_{y}{m:02d}.xlsx",
            "水源地监测",
            headers,
            rows,
            title=f"XX市县级及以上集中式饮用水水源地水质监测月报（{y}年{m}月）",
        )


# Revoked county-level sources (in the source register too) and township sources merged into
# larger ones; 2022 adjustments are on the list as well and must not count for 2023.
TOWNSHIP_MERGED = {2022: 9, 2023: 44}


def write_source_changes(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "source_changes")
    rows = []
    for s in DRINKING_SOURCES:
        if s.revoked_on:
            rows.append(
                [
                    s.name,
                    s.district,
                    "县级及以上",
                    "撤销",
                    None,
                    s.revoked_on,
                    f"皖政秘〔{s.revoked_on.year}〕{int(rng.integers(20, 200))}号",
                ]
            )
    rows.append(
        ["荻港镇长江水源地", "繁昌区", "县级及以上", "撤销", None, date(2022, 8, 16), "皖政秘〔2022〕131号"]
    )
    for year, count in TOWNSHIP_MERGED.items():
        for k in range(count):
            district = _pick(rng, DISTRICT_ORDER[3:])
            approved = _day_in(rng, date(year, 2, 1), date(year, 11, 28))
            rows.append(
                [
                    f"{district[:2]}第{k + 1}村级水源地",
                    district,
                    "乡镇",
                    "整并",
                    f"{district}城区水厂管网",
                    approved,
                    f"芜政秘〔{year}〕{int(rng.integers(10, 300))}号",
                ]
            )
    rows.sort(key=lambda r: r[5])
    body = []
    for i, r in enumerate(rows, 1):
        district = common.district_alias(districts[r[1]], rng) if rng.random() < 0.2 else r[1]
        approved = common.messy_date(r[5], rng, 0.15, 0.15)
        body.append([f"TZ{i:03d}", r[0], district, r[2], r[3], r[4], approved, r[6]])
    columns = ["编号", "水源地名称", "所在区县", "水源地级别", "调整方式", "整并至", "批复日期", "批复文号"]
    common.write_form_xlsx(
        folder / "饮用水水源地撤销整并清单_报送20231205.xlsx",
        "撤销整并清单",
        columns,
        body,
        title="XX市饮用水水源地撤销、整并清单",
    )


MICRO_STATIONS = {  # build type → completion years
    "新建": [2022, 2022, 2023, 2023, 2023, 2023],
    "移用": [2023, 2023, 2023, 2023],
    "利用现有": [2022] + [2023] * 8,
}


def write_micro_stations(folder: Path) -> None:
    rng = common.rng_for(DOMAIN, "micro_stations")
    in_use = [s for s in DRINKING_SOURCES if not s.revoked_on]
    rows, n = [], 0
    for build_type, years in MICRO_STATIONS.items():
        for year in years:
            n += 1
            s = in_use[n % len(in_use)]
            done = _day_in(rng, date(year, 3, 1), date(year, 11, 20))
            rows.append(
                [
                    f"WZ{n:03d}",
                    f"{s.name}微站{n}",
                    s.code,
                    s.district,
                    build_type,
                    common.messy_date(done, rng, 0.2, 0.2),
                ]
            )
    columns = ["站点编号", "站点名称", "水源地编码", "所在区县", "建设方式", "建成日期"]
    common.write_form_xlsx(
        folder / "水质自动监测微站台账_报送20231205.xlsx",
        "微站台账",
        columns,
        rows,
        title="饮用水水源地水质自动监测微站建设台账",
    )


# =========================================================================== Yangtze outfalls

# As of 2023-11-30 the main-stem register has 1777 outfalls; progress on each is a date.
OUTFALL_TARGETS = {"outfalls": 1777, "signs": 276, "monitored": 965, "plans": 1533, "remediated": 1421}
TRIBUTARY_OUTFALLS = 640
OUTFALL_WEIGHTS = np.array([0.12, 0.16, 0.22, 0.17, 0.25, 0.08])
OUTFALL_RESUBMITTED = "无为市"  # an October register followed by the corrected December one
OUTFALL_TYPES = ("工业排污口", "城镇污水处理厂排污口", "农业排口", "雨洪排口", "其他排口")
TRIBUTARIES = ("青弋江", "漳河", "裕溪河", "黄浒河", "西河", "扁担河")


def _progress_dates(rng, n: int, targets: dict[str, int], as_of: date) -> list[dict[str, date | None]]:
    """Dates for n outfalls so that exactly targets[k] of them have step k done by as_of.

    Remediation needs a plan; the other steps are independent of each other.
    """
    found = [_day_in(rng, date(2019, 6, 1), date(2022, 6, 30)) for _ in range(n)]
    plans = set(rng.choice(n, targets["plans"], replace=False).tolist())
    remediated = set(rng.choice(sorted(plans), targets["remediated"], replace=False).tolist())
    chosen = {
        "signs": set(rng.choice(n, targets["signs"], replace=False).tolist()),
        "monitored": set(rng.choice(n, targets["monitored"], replace=False).tolist()),
    }
    rows = []
    for i in range(n):
        plan = _day_in(rng, found[i] + timedelta(30), as_of - timedelta(60)) if i in plans else None
        rows.append(
            {
                "found": found[i],
                "sign": _day_in(rng, found[i], as_of) if i in chosen["signs"] else None,
                "monitored": _day_in(rng, found[i], as_of) if i in chosen["monitored"] else None,
                "plan": plan,
                "remediated": _day_in(rng, plan + timedelta(20), as_of) if i in remediated else None,
            }
        )
    return rows


def write_outfalls(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "outfalls")
    mess = common.rng_for(DOMAIN, "outfalls-mess")
    shares = {k: _split_by(OUTFALL_WEIGHTS, v) for k, v in OUTFALL_TARGETS.items()}
    tributary = _split_by(OUTFALL_WEIGHTS[::-1], TRIBUTARY_OUTFALLS)
    columns = [
        "序号",
        "排污口编码",
        "排污口名称",
        "所在区县",
        "受纳水体",
        "是否长江干流",
        "排污口类型",
        "排查发现日期",
        "树牌日期",
        "监测日期",
        "一口一策方案编制日期",
        "整治完成日期",
    ]
    for j, name in enumerate(RIVERSIDE):
        district = districts[name]
        targets = {k: int(v[j]) for k, v in shares.items()}
        n_main = targets.pop("outfalls")
        main = _progress_dates(rng, n_main, targets, LAST_DAY)
        n_trib = int(tributary[j])
        trib_targets = {k: int(v * n_trib / n_main) for k, v in targets.items()}
        trib = _progress_dates(rng, n_trib, trib_targets, LAST_DAY)
        entries = [(True, "长江", d) for d in main] + [(False, _pick(rng, TRIBUTARIES), d) for d in trib]
        rows = []
        for i, (is_main, water, d) in enumerate(entries, 1):
            code = f"RK{district.code}{i:04d}"
            rows.append(
                [
                    i,
                    code,
                    f"{water}{name[:2]}段{i}号排口",
                    name,
                    water,
                    _yes(is_main),
                    _pick(rng, OUTFALL_TYPES),
                    *(
                        common.messy_date(d[k], mess, 0.05, 0.05) if d[k] else None
                        for k in ("found", "sign", "monitored", "plan", "remediated")
                    ),
                ]
            )
        label = common.district_alias(district) if name == "繁昌区" else name
        title = f"XX市长江入河排污口排查整治台账（{label}）"
        if name == OUTFALL_RESUBMITTED:
            earlier = [list(r) for r in rows]
            undone = [r for r in earlier if r[-1] is not None][:25]
            for r in undone:
                r[-1] = None  # the October register did not yet show 25 remediations
            common.write_form_xlsx(
                folder / f"长江入河排污口整治台账_{label}_报送20231010.xlsx",
                "排污口台账",
                columns,
                earlier,
                title=title,
            )
        common.write_form_xlsx(
            folder / f"长江入河排污口整治台账_{label}_报送20231205.xlsx",
            "排污口台账",
            columns,
            rows,
            title=title,
        )


def _split_by(weights: np.ndarray, total: int) -> np.ndarray:
    """Largest-remainder split of total by weights (deterministic, sums exactly)."""
    raw = weights / weights.sum() * total
    base = np.floor(raw).astype(int)
    for k in np.argsort(-(raw - base))[: total - base.sum()]:
        base[k] += 1
    return base


# =========================================================================== urban sewer works

# 2023 totals (January–November) the districts' monthly rows add up to; 2022 is lower.
SEWER_TOTALS = {
    2023: {"surveyed": 14840, "defects": 4940, "cross": 1864, "new": 2433, "dredged": 85615},
    2022: {"surveyed": 11230, "defects": 3710, "cross": 1302, "new": 1968, "dredged": 70422},
}
SEWER_DECIMALS = {"surveyed": 1, "new": 1, "dredged": 2}  # totals above are in these units (0.1 km / 0.01 km)
SEWER_METRICS = (
    ("surveyed", "排查城市污水管网（km）"),
    ("defects", "整治三四级结构性缺陷（个）"),
    ("cross", "整治市政雨污混接（处）"),
    ("new", "新建污水管网（km）"),
    ("dredged", "清淤疏通污水管网（km）"),
)
BLACK_ODOROUS = {"镜湖区": 22, "弋江区": 18, "鸠江区": 24, "经济技术开发区": 10}
BLACK_ODOROUS_2022 = {"镜湖区": 20, "弋江区": 18, "鸠江区": 21, "经济技术开发区": 9}
SEWER_WRONG_TOTAL = ((2023, 6), "defects", 10)  # this month's 合计 row overstates 缺陷 本月 by 10
SEWER_RESUBMITTED = (2023, 8)  # 鸠江区 km surveyed was first reported 12.5 km too high; _v2 corrects it
SEWER_ALIAS_MONTHS = {(2022, 3), (2023, 2)}
SEWER_APPROX = {((2023, 4), "无为市"), ((2023, 10), "南陵县")}  # 新建管网 typed as "约x.x"


def sewer_plan(rng: np.random.Generator) -> dict[tuple[int, int], np.ndarray]:
    """(year, month) → districts × metrics in the metric's smallest unit; December 2022 is extra."""
    plan = {}
    for year, totals in SEWER_TOTALS.items():
        months = 11
        for k, (metric, _) in enumerate(SEWER_METRICS):
            eligible = MAIN_URBAN if metric == "dredged" else DISTRICT_ORDER
            per_district = _split(rng, totals[metric], len(eligible), 4.0)
            for j, name in enumerate(eligible):
                per_month = _split(rng, int(per_district[j]), months, 3.0)
                for mi in range(months):
                    grid = plan.setdefault(
                        (year, mi + 1), np.zeros((len(DISTRICT_ORDER), len(SEWER_METRICS)), int)
                    )
                    grid[DISTRICT_ORDER.index(name), k] = per_month[mi]
    december = (plan[(2022, 11)] * 0.8).astype(int)
    plan[(2022, 12)] = december
    return plan


def _sewer_cell(metric: str, units: int) -> float | int:
    decimals = SEWER_DECIMALS.get(metric)
    return units if decimals is None else round(units / 10**decimals, decimals)


def write_sewer_works(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "sewer_works")
    mess = common.rng_for(DOMAIN, "sewer_works-mess")
    plan = sewer_plan(rng)
    columns: list = ["序号", "区县"]
    for _, label in SEWER_METRICS:
        columns += [(label, "本月"), (label, "累计")]
    columns.append(("长效监管黑臭水体（条）", "月末在管"))
    ytd = np.zeros((len(DISTRICT_ORDER), len(SEWER_METRICS)), int)
    for y, m in MONTHS:
        if m == 1:
            ytd[:] = 0
        month = plan[(y, m)]
        ytd += month
        supervised = BLACK_ODOROUS if y == 2023 else BLACK_ODOROUS_2022
        versions = [month.copy()]
        if (y, m) == SEWER_RESUBMITTED:
            wrong = month.copy()
            wrong[DISTRICT_ORDER.index("鸠江区"), 0] += 125
            versions = [wrong, month.copy()]
        for n, this_month in enumerate(versions):
            this_ytd = ytd - month + this_month
            rows = []
            for j, name in enumerate(DISTRICT_ORDER):
                label = common.district_alias(districts[name]) if (y, m) in SEWER_ALIAS_MONTHS else name
                row: list = [j + 1, label]
                for k, (metric, _) in enumerate(SEWER_METRICS):
                    if metric == "dredged" and name not in MAIN_URBAN:
                        row += [None, None]  # dredging is only reported for the main urban area
                        continue
                    value = _sewer_cell(metric, int(this_month[j, k]))
                    if metric == "new" and ((y, m), name) in SEWER_APPROX:
                        value = f"约{value}"
                    else:
                        value = common.messy_number(value, mess, 0.05, 0.03)
                    row += [
                        value,
                        common.messy_number(_sewer_cell(metric, int(this_ytd[j, k])), mess, 0.03, 0.02),
                    ]
                row.append(supervised.get(name, 0) if name in MAIN_URBAN else None)
                rows.append(row)
            wrong_total = SEWER_WRONG_TOTAL[0] == (y, m)
            adjust = {2 + 2 * [k for k, _ in SEWER_METRICS].index(SEWER_WRONG_TOTAL[1]): SEWER_WRONG_TOTAL[2]}
            suffix = "_v2" if n == 1 else ""
            common.write_form_xlsx(
                folder / f"城市污水管网建设整治月报表_{y}{m:02d}{suffix}.xlsx",
                "月报表",
                columns,
                rows,
                title=f"XX市城市污水管网建设与整治月报表（{y}年{m}月）",
                subtitle="填报单位：市城市管理局",
                total_columns=range(2, len(columns)),
                total_label_col=1,
                total_adjust=adjust if wrong_total else None,
                spacer_before_total=m % 5 == 0,
            )


# =========================================================================== wastewater plants

PLANTS = (
    ("WS01", "朱家桥污水处理厂", "镜湖区", 40, date(2003, 6, 1)),
    ("WS02", "天门山污水处理厂", "鸠江区", 3, date(2016, 9, 1)),
    ("WS03", "城南污水处理厂", "弋江区", 10, date(2008, 12, 1)),
    ("WS04", "滨江污水处理厂", "镜湖区", 10, date(2012, 5, 1)),
    ("WS05", "繁昌县第二污水处理厂", "繁昌区", 2, date(2015, 11, 1)),
    ("WS06", "南陵县污水处理厂", "南陵县", 4, date(2009, 7, 1)),
    ("WS07", "无为市城东污水处理厂", "无为市", 5, date(2018, 3, 1)),
    ("WS08", "湾沚区污水处理厂", "湾沚区", 3, date(2010, 10, 1)),
    ("WS09", "大龙湾污水处理厂", "弋江区", 5, date(2020, 12, 1)),
)
# (plant, project, type, capacity added in 万吨/日, start, completion or None)
PROJECTS = (
    ("WS02", "天门山污水处理厂二期扩建工程", "扩建", 3, date(2022, 3, 1), date(2023, 6, 28)),
    ("WS05", "繁昌县第二污水处理厂二期扩建工程", "扩建", 2, date(2022, 5, 10), date(2023, 9, 15)),
    ("WS06", "南陵县污水处理厂三期扩建工程", "扩建", 1.5, date(2021, 4, 1), date(2022, 10, 20)),
    ("WS04", "滨江污水处理厂二期扩建工程", "扩建", 10, date(2023, 10, 1), None),
    ("WS07", "无为市城东污水处理厂二期工程", "扩建", 2.5, date(2023, 2, 1), None),
    ("WS01", "朱家桥污水处理厂提标改造工程", "提标改造", 0, date(2022, 6, 1), date(2023, 4, 30)),
    ("WS09", "大龙湾污水处理厂一期二阶段", "新建", 5, date(2023, 8, 1), None),
)


def write_wwtp(plants_folder: Path, projects_folder: Path) -> None:
    rng = common.rng_for(DOMAIN, "wwtp")
    common.write_form_xlsx(
        plants_folder / "城镇污水处理厂名录_2023.xlsx",
        "污水处理厂",
        ["污水处理厂编码", "污水处理厂名称", "所在区县", "设计处理规模（万吨/日）", "投运日期"],
        [
            [c, n, d, common.messy_number(cap, rng, 0.2, 0.1), common.messy_date(op, rng, 0.3, 0.2)]
            for c, n, d, cap, op in PLANTS
        ],
        title="XX市城镇污水处理厂名录",
    )
    rows = [
        [
            f"XM{i:02d}",
            plant,
            name,
            kind,
            common.messy_number(cap, rng, 0.2, 0.1),
            start,
            common.messy_date(done, rng, 0.3, 0.2) if done else None,
        ]
        for i, (plant, name, kind, cap, start, done) in enumerate(PROJECTS, 1)
    ]
    common.write_form_xlsx(
        projects_folder / "污水处理厂建设项目台账_报送20231205.xlsx",
        "项目台账",
        [
            "项目编号",
            "污水处理厂编码",
            "项目名称",
            "项目类型",
            "新增处理能力（万吨/日）",
            "开工日期",
            "完工日期",
        ],
        rows,
        title="XX市污水处理厂新建、扩建、提标改造项目台账",
    )


# =========================================================================== risk survey

RISK_TOTALS_2023 = {"checks": 286, "found": 104, "rectified": 68, "cases": 6}
RISK_CHECKS_2022 = 150
RISK_CSV = {"南陵县": "gbk"}
ENTERPRISE_WORDS = ("化工", "电镀", "印染", "制药", "新材料", "危化品仓储", "表面处理", "涂装")


def write_risk_survey(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "risk_survey")
    per_district = _split(rng, RISK_TOTALS_2023["checks"], len(DISTRICT_ORDER), 6.0)
    checks_2023 = [
        (name, _day_in(rng, date(2023, 3, 1), date(2023, 11, 25)))
        for name, k in zip(DISTRICT_ORDER, per_district, strict=True)
        for _ in range(int(k))
    ]
    found = np.zeros(len(checks_2023), int)
    found_at = rng.choice(len(checks_2023), 70, replace=False)
    found[found_at] = 1 + _split(rng, RISK_TOTALS_2023["found"] - 70, 70, 1.0)
    rectified = np.zeros_like(found)
    remaining = RISK_TOTALS_2023["rectified"]
    for i in sorted(found_at, key=lambda i: checks_2023[i][1]):
        take = min(int(found[i]), remaining)
        rectified[i], remaining = take, remaining - take
    cases = set(rng.choice(found_at, RISK_TOTALS_2023["cases"], replace=False).tolist())
    checks_2022 = [
        (_pick(rng, DISTRICT_ORDER), _day_in(rng, date(2022, 5, 1), date(2022, 10, 31)))
        for _ in range(RISK_CHECKS_2022)
    ]
    columns = [
        "排查编号",
        "企业名称",
        "统一社会信用代码",
        "所在区县",
        "排查日期",
        "发现问题隐患（个）",
        "已整改（个）",
        "是否立案查处",
        "立案日期",
        "企业联系人",
        "联系电话",
    ]
    by_district: dict[str, list[list]] = {n: [] for n in DISTRICT_ORDER}
    entries = [(n, d, 0, 0, False) for n, d in checks_2022] + [
        (n, d, int(found[i]), int(rectified[i]), i in cases) for i, (n, d) in enumerate(checks_2023)
    ]
    for name, checked, n_found, n_fixed, case in entries:
        rows = by_district[name]
        code = f"FX{districts[name].code[-3:]}{checked.year}{len(rows) + 1:04d}"
        company = (
            f"{_pick(rng, ('华', '金', '恒', '新', '海', '长'))}{_pick(rng, ('泰', '源', '达', '盛', '丰'))}"
            f"{_pick(rng, ENTERPRISE_WORDS)}有限公司"
        )
        filed_on = checked + timedelta(days=int(rng.integers(10, 40))) if case else None
        if filed_on and filed_on > LAST_DAY:
            filed_on = LAST_DAY
        rows.append(
            [
                code,
                company,
                f"91340{int(rng.integers(10**12, 10**13))}",
                name,
                checked,
                n_found,
                n_fixed,
                _yes(case),
                filed_on,
                f"{_pick(rng, ('王', '李', '张', '陈'))}工",
                f"13{int(rng.integers(10**8, 10**9))}",
            ]
        )
    for name, rows in by_district.items():
        stem = f"突发水污染事件风险隐患排查台账_{name}_报送20231205"
        title = f"突发水污染事件风险隐患专项排查整治台账（{name}）"
        if name in RISK_CSV:
            common.write_csv(folder / f"{stem}.csv", columns, rows, encoding=RISK_CSV[name], title=title)
        else:
            common.write_form_xlsx(folder / f"{stem}.xlsx", "排查台账", columns, rows, title=title)


# =========================================================================== funds

FUNDS = {
    2022: (
        ("漳河流域水环境综合治理项目", "南陵县", "中央水污染防治资金", "9800", date(2022, 6, 20)),
        ("黄浒河水生态修复项目", "繁昌区", "中央水污染防治资金", "6200", date(2022, 6, 20)),
        ("城区黑臭水体治理巩固项目", "镜湖区", "省级水污染防治资金", "1500", date(2022, 9, 8)),
    ),
    2023: (
        ("青弋江流域六郎段水生态保护修复项目", "湾沚区", "中央水污染防治资金", "12000", date(2023, 5, 26)),
        ("繁昌区犁山河水环境生态修复项目", "繁昌区", "中央水污染防治资金", "8500", date(2023, 5, 26)),
        ("外龙窝湖湿地公园一期工程", "鸠江区", "中央水污染防治资金", "约4000", date(2023, 10, 18)),
        (
            "长江天门山段凤鸣湖流域生态治理项目",
            "鸠江区",
            "中央水污染防治资金",
            "２５００",
            date(2023, 10, 18),
        ),
        ("惠生联圩生态建设一期", "无为市", "省级水污染防治资金", "1800", date(2023, 7, 3)),
        ("重点建设用地土壤污染风险管控项目", "弋江区", "中央土壤污染防治资金", "2600", date(2023, 8, 11)),
    ),
}


def write_funds(folder: Path) -> None:
    for year, projects in FUNDS.items():
        rows = [
            [f"ZJ{year}{i:02d}", name, district, kind, amount, issued, f"财资环〔{year}〕{10 + i}号"]
            for i, (name, district, kind, amount, issued) in enumerate(projects, 1)
        ]
        common.write_form_xlsx(
            folder / f"水污染防治资金争取情况_{year}.xlsx",
            "资金项目",
            ["项目编号", "项目名称", "所在区县", "资金类别", "下达金额（万元）", "下达日期", "下达文号"],
            rows,
            title=f"{year}年度水污染防治资金争取情况",
        )
