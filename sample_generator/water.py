"""Water-domain sample submissions: seeds/raw/water/<source>/ for registry/water.yml.

Concentrations are drawn inside the GB 3838 class each section is built for (seeds/reference/
gb3838_limits.csv); counts are split over districts and months so that their sums land on what the
report states (read from the figures table); registers carry dates. Quirks kept on purpose: 2022-08
section results are a GBK CSV and 2023-05 was resubmitted (_v2: the first export had TP 10× too high
for one section); two months state mercury in μg/L and trace items below detection are written <x, xL,
ND or 未检出; 无为市 sent an October outfall register before the December one; the 2023-06 sewer form's
合计 overstates one column, 2023-08 was resubmitted (_v2) and two cells are typed 约…; 南陵县's risk
survey is a GBK CSV; a fund amount is typed 约… and one in full-width digits.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from dagster_project.ingest.registry import load_registry
from sample_generator import common
from sample_generator.common import DISTRICTS, ExcelSerial, figure, write_submission

DOMAIN = "water"
LAST_DAY = date(2023, 11, 30)  # the report was written from data through November 2023
MONTHS = [(y, m) for y in (2022, 2023) for m in range(1, 13) if date(y, m, 1) <= LAST_DAY]
NAMES = [d.name for d in DISTRICTS]
MAIN_URBAN = ("镜湖区", "弋江区", "鸠江区", "经济技术开发区")  # the districts of the main urban area
RIVERSIDE = [n for n in NAMES if n not in ("湾沚区", "南陵县")]  # the districts on the Yangtze main stem


def generate(raw_dir: Path) -> None:
    out = common.reset_domain_dir(raw_dir, DOMAIN).parent
    limits = load_limits()
    write_sections(out)
    write_section_monthly(out, limits)
    write_drinking(out, limits)
    write_source_changes(out)
    for write in (write_micro_stations, write_outfalls, write_sewer_works, write_wwtp, write_risk_survey):
        write(out)
    write_funds(out)


def _pick(rng: np.random.Generator, items):
    return items[int(rng.integers(len(items)))]


def _day_in(rng: np.random.Generator, first: date, last: date) -> date:
    return first + timedelta(days=int(rng.integers((last - first).days + 1)))


def _split(rng: np.random.Generator, total: int, n: int, concentration: float = 2.0) -> np.ndarray:
    """total split into n non-negative integers that add up exactly."""
    return rng.multinomial(total, rng.dirichlet(np.full(n, concentration)))


def _unit_labels(source: str, **overrides: str) -> dict[str, str]:
    """Parameter headers as the lab writes them, unit in ASCII brackets: 溶解氧(mg/L)."""
    spec = load_registry()[source]
    labels = {c.name: f"{c.headers[0]}({c.unit})" for c in spec.columns if c.unit}
    return labels | overrides


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


def write_sections(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "sections")
    roman = {2: ("Ⅱ类", "II", "Ⅱ"), 3: ("Ⅲ类", "III", "Ⅲ", "3"), 4: ("Ⅳ类", "IV")}
    yes = {True: "是", False: "否"}
    rows = [dict(section_code=s.code, section_name=s.name,
        district=SECTION_LABEL_ALIASES.get(s.code, s.district), water_body=s.water_body,
        water_body_type="河流" if s.body_type == "river" else "湖库", is_national=yes[s.national],
        is_provincial=yes[s.provincial], is_city=yes[s.city],
        target_class=_pick(rng, roman[s.target])) for s in SECTIONS]  # fmt: skip
    write_submission(out, "water_sections", "地表水监测断面名录_2023.xlsx", rows, numbered=True,
        title="XX市地表水环境质量监测断面名录（2023年）",
        subtitle="填报单位：市生态环境监测中心")  # fmt: skip


# =========================================================================== monthly monitoring

# the monthly form's measurements: water temperature, then the GB 3838 表1 items as the registry lists them
_MEASURED = [c.name for c in load_registry()["water_section_monthly"].columns if c.type == "number"]
PARAMETERS = ["water_temp", *(p for p in _MEASURED if p != "water_temp")]
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


def _hg_labels(source: str, y: int, m: int) -> dict[str, str]:
    return _unit_labels(source, water_temp="水温(℃)", fecal_coliform="粪大肠菌群(个/L)",
        **({"hg": "汞(μg/L)"} if (y, m) in HG_IN_UG_L else {}))  # fmt: skip


def write_section_monthly(out: Path, limits) -> None:
    rng, mess = common.rng_for(DOMAIN, "section_monthly"), common.rng_for(DOMAIN, "section_monthly-mess")
    for y, m in MONTHS:
        rows = []
        for s in SECTIONS:
            values = section_values(s, y, m, limits, rng)
            sampled = date(y, m, int(rng.integers(5, 16)))
            rows.append(dict(section_code=s.code, section_name=s.name,
                sampled_on=ExcelSerial(sampled) if mess.random() < 0.1 else sampled,
                **{p: _messy_value(values.get(p), mess) for p in PARAMETERS}))  # fmt: skip
        title, stem = f"XX市地表水断面水质监测月报（{y}年{m}月）", f"地表水断面监测月报_{y}{m:02d}"
        labels = _hg_labels("water_section_monthly", y, m)
        if (y, m) == (2022, 8):
            write_submission(out, "water_section_monthly", f"{stem}.csv", rows, title=title,
                csv_encoding="gbk", labels=labels, numbered=True, in_row_order=True)  # fmt: skip
            continue
        if (y, m) == (2023, 5):
            first = [dict(r) for r in rows]
            first[5]["tp"] = round(float(common.from_fullwidth(str(first[5]["tp"]))) * 10, 3)
            write_submission(
                out,
                "water_section_monthly",
                f"{stem}.xlsx",
                first,
                title=title,
                labels=labels,
                numbered=True,
                in_row_order=True,
            )
            stem += "_v2"
        write_submission(
            out,
            "water_section_monthly",
            f"{stem}.xlsx",
            rows,
            title=title,
            labels=labels,
            numbered=True,
            in_row_order=True,
        )


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


def write_drinking(out: Path, limits) -> None:
    rows = [dict(source_code=s.code, source_name=s.name,
        district=common.district_alias(s.district) if s.code == "YS04" else s.district, source_level=s.level,
        source_type=s.source_type, status="撤销" if s.revoked_on else "在用",
        revoked_on=s.revoked_on) for s in DRINKING_SOURCES]  # fmt: skip
    write_submission(out, "water_drinking_sources", "集中式饮用水水源地名录_报送20231205.xlsx", rows,
        title="XX市集中式饮用水水源地名录")  # fmt: skip
    rng = common.rng_for(DOMAIN, "drinking_monthly")
    parameters = [p for p in PARAMETERS if p not in ("water_temp", "cod")] + list(TABLE2)
    for y, m in MONTHS:
        rows = []
        for s in DRINKING_SOURCES:
            if s.level != "县级及以上" or (s.revoked_on and date(y, m, 1) > s.revoked_on):
                continue
            body = "lake" if s.source_type == "湖库型" else "river"
            values = section_values(
                Section(s.code, s.name, s.district, "", body, False, False, False, 3, 2), y, m, limits, rng
            )
            for p, (lo, hi) in TABLE2.items():
                values[p] = _fmt(rng.uniform(lo, hi), 3)
            rows.append(dict(source_code=s.code, source_name=s.name,
                sampled_on=date(y, m, int(rng.integers(3, 12))),
                **{p: values.get(p) for p in parameters}))  # fmt: skip
        write_submission(out, "water_drinking_monthly", f"饮用水水源地水质月报_{y}{m:02d}.xlsx", rows,
            title=f"XX市县级及以上集中式饮用水水源地水质监测月报（{y}年{m}月）",
            labels=_hg_labels("water_drinking_monthly", y, m), in_row_order=True)  # fmt: skip


def write_source_changes(out: Path) -> None:
    """Revoked county-level sources (in the source register too) and township sources merged into larger
    ones; 2022 adjustments are on the list as well and must not count for 2023."""
    rng = common.rng_for(DOMAIN, "source_changes")
    changes = []
    for s in (s for s in DRINKING_SOURCES if s.revoked_on):
        document = f"皖政秘〔{s.revoked_on.year}〕{int(rng.integers(20, 200))}号"
        changes.append((s.name, s.district, "县级及以上", "撤销", None, s.revoked_on, document))
    changes.append(
        ("荻港镇长江水源地", "繁昌区", "县级及以上", "撤销", None, date(2022, 8, 16), "皖政秘〔2022〕131号")
    )
    outside = [n for n in NAMES if n not in MAIN_URBAN]
    for year, count in {2022: 9, 2023: figure("water.township_sources_merged")}.items():
        for k in range(count):
            district = _pick(rng, outside)
            approved = _day_in(rng, date(year, 2, 1), date(year, 11, 28))
            changes.append((f"{district[:2]}第{k + 1}村级水源地", district, "乡镇", "整并",
                f"{district}城区水厂管网", approved,
                f"芜政秘〔{year}〕{int(rng.integers(10, 300))}号"))  # fmt: skip
    changes.sort(key=lambda r: r[5])
    rows = [dict(change_code=f"TZ{i:03d}", source_name=name, district=common.district_alias(district,
        rng) if rng.random() < 0.2 else district, source_level=level, change_type=kind, merged_into=into,
        approved_on=common.messy_date(day, rng, 0.15, 0.15), approval_document=doc) for i, (name, district,
        level, kind, into, day, doc) in enumerate(changes, 1)]  # fmt: skip
    write_submission(out, "water_source_changes", "饮用水水源地撤销整并清单_报送20231205.xlsx", rows,
        title="XX市饮用水水源地撤销、整并清单")  # fmt: skip


def write_micro_stations(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "micro_stations")
    in_use = [s for s in DRINKING_SOURCES if not s.revoked_on]
    builds = {"新建": ("water.micro_stations_new", 2), "移用": ("water.micro_stations_moved", 0),
              "利用现有": ("water.micro_stations_reused",
              1)}  # build type → its 2023 figure, stations of 2022  # fmt: skip
    rows = []
    for build_type, (code, earlier) in builds.items():
        for year in [2022] * earlier + [2023] * figure(code):
            n = len(rows) + 1
            s = in_use[n % len(in_use)]
            done = _day_in(rng, date(year, 3, 1), date(year, 11, 20))
            rows.append(dict(station_code=f"WZ{n:03d}", station_name=f"{s.name}微站{n}", source_code=s.code,
                district=s.district, build_type=build_type,
                completed_on=common.messy_date(done, rng, 0.2, 0.2)))  # fmt: skip
    write_submission(out, "water_micro_stations", "水质自动监测微站台账_报送20231205.xlsx", rows,
        title="饮用水水源地水质自动监测微站建设台账")  # fmt: skip


# =========================================================================== Yangtze outfalls

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


def write_outfalls(out: Path) -> None:
    rng, mess = common.rng_for(DOMAIN, "outfalls"), common.rng_for(DOMAIN, "outfalls-mess")
    codes = {"signs": "outfall_signs", "monitored": "outfalls_monitored", "plans": "outfall_plans",
        "remediated": "outfalls_remediated"}  # fmt: skip
    targets = {k: figure(f"water.{code}") for k, code in codes.items()}
    # the main-stem register as of the report: remediated outfalls make about the stated share of it
    targets["outfalls"] = round(targets["remediated"] * 100 / figure("water.outfall_remediation_ratio"))
    weights = rng.gamma(4.0, 1.0, len(RIVERSIDE))
    shares = {k: _split_by(weights, v) for k, v in targets.items()}
    tributary = _split_by(weights[::-1], 640)
    for j, name in enumerate(RIVERSIDE):
        mine = {k: int(v[j]) for k, v in shares.items()}
        n_main = mine.pop("outfalls")
        n_trib = int(tributary[j])
        entries = [(True, "长江", d) for d in _progress_dates(rng, n_main, mine, LAST_DAY)] + [
            (False, _pick(rng, TRIBUTARIES), d)
            for d in _progress_dates(
                rng, n_trib, {k: int(v * n_trib / n_main) for k, v in mine.items()}, LAST_DAY
            )
        ]
        code = common.BY_NAME[name].code
        rows = [dict(outfall_code=f"RK{code}{i:04d}", outfall_name=f"{water}{name[:2]}段{i}号排口",
            district=name, receiving_water=water, is_main_stem="是" if is_main else "否",
            outfall_type=_pick(rng, OUTFALL_TYPES), **{c: d[k] and common.messy_date(d[k], mess, 0.05,
            0.05) for c, k in STEPS.items()}) for i, (is_main, water, d) in enumerate(entries,
            1)]  # fmt: skip
        label = common.district_alias(name) if name == "繁昌区" else name
        title = f"XX市长江入河排污口排查整治台账（{label}）"
        if name == "无为市":  # the October register did not yet show 25 remediations
            done = [r for r in rows if r["remediated_on"] is not None][:25]
            earlier = [{**r, "remediated_on": None} if r in done else r for r in rows]
            write_submission(out, "water_outfalls", f"长江入河排污口整治台账_{label}_报送20231010.xlsx",
                earlier, title=title, numbered=True)  # fmt: skip
        write_submission(out, "water_outfalls", f"长江入河排污口整治台账_{label}_报送20231205.xlsx", rows,
            title=title, numbered=True)  # fmt: skip


STEPS = {"found_on": "found", "sign_erected_on": "sign", "monitored_on": "monitored",
    "plan_written_on": "plan", "remediated_on": "remediated"}  # fmt: skip


def _split_by(weights: np.ndarray, total: int) -> np.ndarray:
    """Largest-remainder split of total by weights (deterministic, sums exactly)."""
    raw = weights / weights.sum() * total
    base = np.floor(raw).astype(int)
    for k in np.argsort(-(raw - base))[: total - base.sum()]:
        base[k] += 1
    return base


# =========================================================================== urban sewer works

# metric → (its figure, the decimals its km are planned in, the districts reporting it)
SEWER_METRICS = {
    "surveyed_km": ("water.sewer_surveyed_km", 1, None),
    "defects_fixed": ("water.sewer_defects_fixed", 0, None),
    "cross_connections_fixed": ("water.mixed_connections_fixed", 0, None),
    "new_km": ("water.sewer_new_km", 1, None),
    "dredged_km": ("water.sewer_dredged_km", 2, MAIN_URBAN),  # dredging is reported for the main urban area
}
SEWER_2022 = 0.78  # 2022's works relative to 2023's


def sewer_plan(rng: np.random.Generator) -> dict[tuple[int, int], np.ndarray]:
    """(year, month) → districts × metrics in the metric's smallest unit; December 2022 is extra."""
    plan: dict[tuple[int, int], np.ndarray] = {}
    for year in (2023, 2022):
        for k, (code, decimals, only) in enumerate(SEWER_METRICS.values()):
            units = round(figure(code) * 10**decimals * (SEWER_2022 if year == 2022 else 1))
            eligible = only or NAMES
            for name, total in zip(eligible, _split(rng, units, len(eligible), 4.0), strict=True):
                for mi, value in enumerate(_split(rng, int(total), 11, 3.0)):
                    grid = plan.setdefault((year, mi + 1), np.zeros((len(NAMES), len(SEWER_METRICS)), int))
                    grid[NAMES.index(name), k] = value
    plan[(2022, 12)] = (plan[(2022, 11)] * 0.8).astype(int)
    return plan


def write_sewer_works(out: Path) -> None:
    rng, mess = common.rng_for(DOMAIN, "sewer_works"), common.rng_for(DOMAIN, "sewer_works-mess")
    plan = sewer_plan(rng)
    supervised = {
        2023: _split_by(rng.gamma(4.0, 1.0, len(MAIN_URBAN)), figure("water.urban_black_odorous_supervised"))
    }
    supervised[2022] = supervised[2023] - rng.integers(0, 3, len(MAIN_URBAN))
    approx = {((2023, 4), "无为市"), ((2023, 10), "南陵县")}  # 新建管网 typed as "约x.x"
    ytd = np.zeros((len(NAMES), len(SEWER_METRICS)), int)
    for y, m in MONTHS:
        month = plan[(y, m)]
        ytd = month + (0 if m == 1 else ytd)
        versions = {"": month}
        if (y, m) == (2023, 8):  # 鸠江区's km surveyed was first reported 12.5 km too high; _v2 corrects it
            wrong = month.copy()
            wrong[NAMES.index("鸠江区"), 0] += 125
            versions = {"": wrong, "_v2": month}
        for suffix, this_month in versions.items():
            this_ytd = ytd - month + this_month
            rows = []
            for j, name in enumerate(NAMES):
                row = {"district": common.district_alias(name) if (y, m) in {(2022, 3), (2023, 2)} else name}
                for k, (metric, (_, decimals, only)) in enumerate(SEWER_METRICS.items()):
                    if only and name not in only:
                        continue
                    value = _in_km(int(this_month[j, k]), decimals)
                    month_cell = (
                        f"约{value}"
                        if metric == "new_km" and ((y, m), name) in approx
                        else common.messy_number(value, mess, 0.05, 0.03)
                    )
                    row[f"{metric}_month"] = month_cell
                    row[f"{metric}_ytd"] = common.messy_number(
                        _in_km(int(this_ytd[j, k]), decimals), mess, 0.03, 0.02
                    )
                if name in MAIN_URBAN:
                    row["black_odorous_supervised"] = int(supervised[y][MAIN_URBAN.index(name)])
                rows.append(row)
            write_submission(out, "water_sewer_works", f"城市污水管网建设整治月报表_{y}{m:02d}{suffix}.xlsx",
                rows, numbered=True, title=f"XX市城市污水管网建设与整治月报表（{y}年{m}月）",
                subtitle="填报单位：市城市管理局", with_total=True,
                total_adjust={"defects_fixed_month": 10} if (y, m) == (2023, 6) else None,
                spacer_before_total=m % 5 == 0)  # fmt: skip


def _in_km(units: int, decimals: int) -> float | int:
    return units if decimals == 0 else round(units / 10**decimals, decimals)


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


def write_wwtp(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "wwtp")
    rows = [dict(plant_code=c, plant_name=n, district=d, design_capacity=common.messy_number(cap, rng, 0.2,
        0.1), operating_since=common.messy_date(op, rng, 0.3, 0.2)) for c, n, d, cap,
        op in PLANTS]  # fmt: skip
    wan = {"capacity_added": "新增处理能力（万吨/日）", "design_capacity": "设计处理规模（万吨/日）"}
    write_submission(
        out,
        "water_wwtp_plants",
        "城镇污水处理厂名录_2023.xlsx",
        rows,
        title="XX市城镇污水处理厂名录",
        labels=wan,
    )
    added = figure("water.wwtp_capacity_added") / 10000  # 万吨/日 of the expansions completed in 2023
    # (plant, project, type, capacity added in 万吨/日, start, completion or None)
    projects = (
        (
            "WS02",
            "天门山污水处理厂二期扩建工程",
            "扩建",
            _plain(added * 0.6),
            date(2022, 3, 1),
            date(2023, 6, 28),
        ),
        (
            "WS05",
            "繁昌县第二污水处理厂二期扩建工程",
            "扩建",
            _plain(added * 0.4),
            date(2022, 5, 10),
            date(2023, 9, 15),
        ),
        ("WS06", "南陵县污水处理厂三期扩建工程", "扩建", 1.5, date(2021, 4, 1), date(2022, 10, 20)),
        ("WS04", "滨江污水处理厂二期扩建工程", "扩建", 10, date(2023, 10, 1), None),
        ("WS07", "无为市城东污水处理厂二期工程", "扩建", 2.5, date(2023, 2, 1), None),
        ("WS01", "朱家桥污水处理厂提标改造工程", "提标改造", 0, date(2022, 6, 1), date(2023, 4, 30)),
        ("WS09", "大龙湾污水处理厂一期二阶段", "新建", 5, date(2023, 8, 1), None),
    )
    rows = [dict(project_code=f"XM{i:02d}", plant_code=plant, project_name=name, project_type=kind,
        capacity_added=common.messy_number(cap, rng, 0.2, 0.1), started_on=start,
        completed_on=done and common.messy_date(done, rng, 0.3, 0.2)) for i, (plant, name, kind, cap, start,
        done) in enumerate(projects, 1)]  # fmt: skip
    write_submission(out, "water_wwtp_projects", "污水处理厂建设项目台账_报送20231205.xlsx", rows, labels=wan,
        title="XX市污水处理厂新建、扩建、提标改造项目台账")  # fmt: skip


def _plain(value: float):
    value = round(value, 4)
    return int(value) if float(value).is_integer() else value


# =========================================================================== risk survey

ENTERPRISE_WORDS = ("化工", "电镀", "印染", "制药", "新材料", "危化品仓储", "表面处理", "涂装")


def write_risk_survey(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "risk_survey")
    total = {
        k: figure(f"water.risk_{k}")
        for k in ("enterprise_checks", "hazards_found", "hazards_fixed", "cases_filed")
    }
    per_district = _split(rng, total["enterprise_checks"], len(NAMES), 6.0)
    checks_2023 = [(name, _day_in(rng, date(2023, 3, 1), date(2023, 11, 25))) for name,
        k in zip(NAMES, per_district, strict=True) for _ in range(int(k))]  # fmt: skip
    with_hazards = round(total["hazards_found"] * 0.67)  # checks that found any hazard
    found = np.zeros(len(checks_2023), int)
    found_at = rng.choice(len(checks_2023), with_hazards, replace=False)
    found[found_at] = 1 + _split(rng, total["hazards_found"] - with_hazards, with_hazards, 1.0)
    rectified, remaining = np.zeros_like(found), total["hazards_fixed"]
    for i in sorted(found_at, key=lambda i: checks_2023[i][1]):
        rectified[i] = min(int(found[i]), remaining)
        remaining -= rectified[i]
    cases = set(rng.choice(found_at, total["cases_filed"], replace=False).tolist())
    checks_2022 = [
        (_pick(rng, NAMES), _day_in(rng, date(2022, 5, 1), date(2022, 10, 31))) for _ in range(150)
    ]
    by_district: dict[str, list[dict]] = {n: [] for n in NAMES}
    entries = [(n, d, 0, 0, False) for n, d in checks_2022] + [
        (n, d, int(found[i]), int(rectified[i]), i in cases) for i, (n, d) in enumerate(checks_2023)
    ]
    for name, checked, n_found, n_fixed, case in entries:
        rows = by_district[name]
        company = (
            f"{_pick(rng, '华金恒新海长')}{_pick(rng, '泰源达盛丰')}{_pick(rng, ENTERPRISE_WORDS)}有限公司"
        )
        filed_on = min(checked + timedelta(days=int(rng.integers(10, 40))), LAST_DAY) if case else None
        rows.append(dict(check_code=f"FX{common.BY_NAME[name].code[-3:]}{checked.year}{len(rows) + 1:04d}",
            enterprise_name=company, enterprise_code=f"91340{int(rng.integers(10**12, 10**13))}",
            district=name, checked_on=checked, hazards_found=n_found, hazards_rectified=n_fixed,
            case_filed="是" if case else "否", case_filed_on=filed_on,
            contact_person=f"{_pick(rng, ('王', '李', '张', '陈'))}工",
            contact_phone=f"13{int(rng.integers(10**8, 10**9))}"))  # fmt: skip
    for name, rows in by_district.items():
        csv = name == "南陵县"
        write_submission(out, "water_risk_survey",
            f"突发水污染事件风险隐患排查台账_{name}_报送20231205.{'csv' if csv else 'xlsx'}", rows,
            title=f"突发水污染事件风险隐患专项排查整治台账（{name}）", csv_encoding="gbk" if csv else None,
            labels={"district": "所在区县"})  # fmt: skip


# =========================================================================== funds


def write_funds(out: Path) -> None:
    central = round(figure("water.central_funds") / 10000)  # 万元 of central water funds issued in 2023
    parts = [round(central * s, -2) for s in (0.444, 0.315, 0.148)]
    funds = {2022: (("漳河流域水环境综合治理项目", "南陵县", "中央水污染防治资金", "9800", date(2022, 6, 20)),
        ("黄浒河水生态修复项目", "繁昌区", "中央水污染防治资金", "6200", date(2022, 6, 20)),
        ("城区黑臭水体治理巩固项目", "镜湖区", "省级水污染防治资金", "1500", date(2022, 9, 8))),
        2023: (("青弋江流域六郎段水生态保护修复项目", "湾沚区", "中央水污染防治资金", str(parts[0]),
        date(2023, 5, 26)), ("繁昌区犁山河水环境生态修复项目", "繁昌区", "中央水污染防治资金", str(parts[1]),
        date(2023, 5, 26)), ("外龙窝湖湿地公园一期工程", "鸠江区", "中央水污染防治资金", f"约{parts[2]}",
        date(2023, 10, 18)), ("长江天门山段凤鸣湖流域生态治理项目", "鸠江区", "中央水污染防治资金",
        common.to_fullwidth(central - sum(parts)), date(2023, 10, 18)), ("惠生联圩生态建设一期", "无为市",
        "省级水污染防治资金", "1800", date(2023, 7, 3)), ("重点建设用地土壤污染风险管控项目", "弋江区",
        "中央土壤污染防治资金", "2600", date(2023, 8, 11)))}  # fmt: skip
    for year, projects in funds.items():
        rows = [dict(project_code=f"ZJ{year}{i:02d}", project_name=name, district=district, fund_type=kind,
            amount=amount, issued_on=issued, document=f"财资环〔{year}〕{10 + i}号") for i, (name, district,
            kind, amount, issued) in enumerate(projects, 1)]  # fmt: skip
        write_submission(out, "water_funds", f"水污染防治资金争取情况_{year}.xlsx", rows,
            title=f"{year}年度水污染防治资金争取情况", labels={"amount": "下达金额（万元）"})  # fmt: skip
