"""Forestry-domain sample submissions: seeds/raw/forestry/<source>/ for every source in registry/forestry.yml.

Sources written (file names carry the identity the registry reads: district, year, submission date):
  afforestation/             per district and year, project register of 造林绿化/森林抚育/退化林修复 with
                             completion dates; 无为市 reports in 万亩, 南陵县 in 公顷, the others in 亩
  forest_resources/          forest resource statistics per year (two-row header, 合计 row)
  abandoned_mines/           the verified list of historical abandoned mines (需修复面积, 公顷)
  mine_restoration/          restoration projects at abandoned and at active mines (修复面积, 亩)
  forest_land_reserve/       supplementary forest-land reserve parcels per year
  forest_land_use/           forest land approved for other use per year (2022 as a GBK CSV)
  protected_area_inspections/ inspections of protected areas and wetlands per year
  ancient_trees/             the ancient and famous tree register
  wildlife_rescue/           the wildlife rescue log per year (reporter name and phone are personal data)
  alligator_releases/        Chinese alligator releases

Only raw rows are written. Amounts are planned so that the 2023 report's figures come out of the
pipeline's sums and ratios, but no cell holds a figure: 合计 rows are only there to be checked.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from sample_generator import common
from sample_generator.common import District, ExcelSerial

DOMAIN = "forestry"
LAST_DAY = date(2023, 11, 30)  # the report was written from data through November 2023
YEARS = (2022, 2023)


def generate(raw_dir: Path) -> None:
    out = common.reset_domain_dir(raw_dir, DOMAIN)
    districts = {d.name: d for d in common.load_districts()}
    write_afforestation(out / "afforestation", districts)
    write_forest_resources(out / "forest_resources", districts)
    mines = write_abandoned_mines(out / "abandoned_mines", districts)
    write_mine_restoration(out / "mine_restoration", districts, mines)
    write_forest_land_reserve(out / "forest_land_reserve", districts)
    write_forest_land_use(out / "forest_land_use", districts)
    write_protected_area_inspections(out / "protected_area_inspections", districts)
    write_ancient_trees(out / "ancient_trees", districts)
    write_wildlife_rescue(out / "wildlife_rescue", districts)
    write_alligator_releases(out / "alligator_releases", districts)


# =========================================================================== helpers


def _year_end(year: int) -> date:
    return LAST_DAY if year == LAST_DAY.year else date(year, 12, 31)


def _random_day(rng: np.random.Generator, first: date, last: date) -> date:
    return first + timedelta(int(rng.integers(0, (last - first).days + 1)))


def _split(rng: np.random.Generator, total: int, parts: int, minimum: int = 1) -> list[int]:
    """total (an integer number of units) split into `parts` positive integers that sum to it exactly."""
    weights = rng.gamma(2.0, 1.0, parts)
    extra = rng.multinomial(total - minimum * parts, weights / weights.sum())
    return [int(x) + minimum for x in extra]


def _label(district: District, rng: np.random.Generator, p_alias: float) -> str:
    return common.district_alias(district, rng) if rng.random() < p_alias else district.name


def _plain(value: float):
    return int(value) if float(value).is_integer() else value


# =========================================================================== afforestation

# 亩 completed per year and work type over all districts (2023: January–November)
AFFORESTATION_TOTAL_MU = {
    2022: {"造林绿化": 31500, "森林抚育": 36240, "退化林修复": 22830},
    2023: {"造林绿化": 29200, "森林抚育": 38100, "退化林修复": 24100},
}
AFFORESTATION_DISTRICT_WEIGHT = {
    "镜湖区": 0.3, "弋江区": 0.6, "鸠江区": 1.2, "湾沚区": 1.3,
    "繁昌区": 1.6, "南陵县": 2.2, "无为市": 2.4, "经济技术开发区": 0.4,
}  # fmt: skip
# The unit each district's forestry office writes its areas in; 公顷 areas are planned in steps of
# 3 亩 (0.2 公顷) and 万亩 areas in whole 亩, so every submitted cell is a short decimal.
AFFORESTATION_UNIT = {"无为市": "万亩", "南陵县": "公顷"}
AFFORESTATION_STEP = {"亩": 1, "万亩": 1, "公顷": 3}
TOWNS = ("城关镇", "东河镇", "西山乡", "南塘镇", "北岗镇", "新港镇", "白马镇", "青山乡")
# 弋江区 sent a corrected 2023 register (_v2): the first one overstated one project and lacked another.
AFFORESTATION_RESUBMITTED = ("弋江区", 2023)
# 鸠江区's 2023 合计 row was typed by hand and is 120 亩 more than its projects.
AFFORESTATION_WRONG_TOTAL = ("鸠江区", 2023, 120)


def _in_unit(mu: int, unit: str):
    if unit == "万亩":
        return round(mu / 10000, 4)
    if unit == "公顷":
        return round(mu / 15, 1)
    return mu


def afforestation_projects(
    rng: np.random.Generator, districts: dict[str, District]
) -> dict[tuple[str, int], list[dict]]:
    """Projects per (district, year): code, name, town, work type, area in 亩, completion date or None."""
    names = list(AFFORESTATION_DISTRICT_WEIGHT)
    weights = np.array(list(AFFORESTATION_DISTRICT_WEIGHT.values()))
    out: dict[tuple[str, int], list[dict]] = {(n, y): [] for n in names for y in YEARS}
    for year, by_type in AFFORESTATION_TOTAL_MU.items():
        for work_type, total in by_type.items():
            # whole 30-亩 blocks per district, so every district's unit step divides its share
            blocks = rng.multinomial(total // 30 - 4 * len(names), weights / weights.sum()) + 4
            for name, n_blocks in zip(names, blocks, strict=True):
                step = AFFORESTATION_STEP[AFFORESTATION_UNIT.get(name, "亩")]
                mu_total = int(n_blocks) * 30 + (total % 30 if name == names[0] else 0)  # 镜湖区 counts in 亩
                steps = _split(rng, mu_total // step, int(rng.integers(2, 6)), minimum=30 // step)
                for k in steps:
                    done = _random_day(rng, date(year, 2, 1), _year_end(year))
                    out[(name, year)].append({"work_type": work_type, "mu": k * step, "completed_on": done})
    for name in names:  # projects still under way at the end of the data: no completion date, not counted
        out[(name, 2023)].append(
            {"work_type": "造林绿化", "mu": 60 * int(rng.integers(1, 6)), "completed_on": None}
        )
    for (name, year), projects in out.items():
        projects.sort(key=lambda p: (p["completed_on"] or date.max, p["work_type"]))
        for n, p in enumerate(projects, 1):
            town = TOWNS[int(rng.integers(len(TOWNS)))]
            p.update(
                code=f"ZL{districts[name].code}-{year}-{n:03d}",
                name=f"{town}{p['work_type']}项目（{n}）",
                town=town,
            )
    return out


def write_afforestation(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "afforestation")
    mess = common.rng_for(DOMAIN, "afforestation-mess")
    projects = afforestation_projects(rng, districts)
    for (name, year), rows_planned in projects.items():
        unit = AFFORESTATION_UNIT.get(name, "亩")
        columns = [
            "序号",
            "项目编号",
            "项目名称",
            "区县",
            "乡镇",
            "建设类型",
            f"面积（{unit}）",
            "完成日期",
            "备注",
        ]
        versions = [rows_planned]
        if (name, year) == AFFORESTATION_RESUBMITTED:
            first = [dict(p) for p in rows_planned if p is not rows_planned[3]]
            first[0]["mu"] += 300
            versions = [first, rows_planned]
        for v, planned in enumerate(versions, 1):
            rows = []
            for n, p in enumerate(planned, 1):
                done = p["completed_on"]
                rows.append(
                    [
                        n,
                        p["code"],
                        p["name"],
                        _label(districts[name], mess, 0.15),
                        p["town"],
                        p["work_type"],
                        common.messy_number(_plain(_in_unit(p["mu"], unit)), mess, 0.06, 0.04),
                        None if done is None else common.messy_date(done, mess, 0.15, 0.15),
                        "在建" if done is None else None,
                    ]
                )
            if year == 2022 and name in ("湾沚区", "繁昌区"):
                rows.insert(len(rows) // 2, None)  # a blank spacer line in the middle of the list
            wrong = AFFORESTATION_WRONG_TOTAL
            adjust = {6: _in_unit(wrong[2], unit)} if (name, year) == wrong[:2] else None
            suffix = "_v2" if v == 2 else ""
            label = (
                common.district_alias(districts[name])
                if name in ("繁昌区", "湾沚区") and year == 2022
                else name
            )
            common.write_form_xlsx(
                folder / f"造林绿化项目台账_{label}_{year}{suffix}.xlsx",
                "项目台账",
                columns,
                rows,
                title=f"{label}{year}年度造林绿化、森林抚育、退化林修复项目台账",
                subtitle=f"填报单位：{name}林业主管部门　面积单位：{unit}",
                total_columns=[6],
                total_label_col=1,
                total_adjust=adjust,
                spacer_before_total=year == 2023,
                col_widths=[5, 18, 26, 12, 10, 11, 12, 12, 8],
            )


# =========================================================================== forest resources

LAND_AREA_HA = {
    "镜湖区": 11600, "弋江区": 17900, "鸠江区": 86100, "湾沚区": 65700,
    "繁昌区": 58800, "南陵县": 126400, "无为市": 202200, "经济技术开发区": 32200,
}  # fmt: skip
DISTRICT_COVERAGE = {
    "镜湖区": 0.12, "弋江区": 0.16, "鸠江区": 0.2, "湾沚区": 0.19,
    "繁昌区": 0.42, "南陵县": 0.46, "无为市": 0.25, "经济技术开发区": 0.11,
}  # fmt: skip
# city forest area (公顷, one decimal) and growing stock (m³) the integrated monitoring finds each year
FOREST_AREA_HA = {2022: 171316.6, 2023: 171977.6}
GROWING_STOCK_M3 = {2022: 7912300, 2023: 8066000}


def _forest_by_district(rng: np.random.Generator, year: int) -> dict[str, tuple[float, int]]:
    """(forest area in 公顷 to 0.1, growing stock in m³ to 100) per district; city totals as planned."""
    names = list(LAND_AREA_HA)
    raw = np.array([LAND_AREA_HA[n] * DISTRICT_COVERAGE[n] for n in names])
    raw *= np.exp(rng.normal(0, 0.02, len(names)))
    tenths = np.floor(raw / raw.sum() * FOREST_AREA_HA[year] * 10).astype(int)
    tenths[-2] += round(FOREST_AREA_HA[year] * 10) - tenths.sum()  # 无为市 absorbs the rounding
    stock = _split(rng, GROWING_STOCK_M3[year] // 100, len(names), minimum=2000)
    return {n: (int(t) / 10, s * 100) for n, t, s in zip(names, tenths, stock, strict=True)}


def write_forest_resources(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "forest_resources")
    mess = common.rng_for(DOMAIN, "forest_resources-mess")
    for year in YEARS:
        planned = _forest_by_district(rng, year)
        # 2022 was sent in 万亩 and m³, 2023 in 公顷 and 万立方米
        area_unit, stock_unit = ("万亩", "立方米") if year == 2022 else ("公顷", "万立方米")
        columns = [
            "序号", "区县", (f"面积（{area_unit}）", "土地总面积"), (f"面积（{area_unit}）", "森林面积"),
            f"森林蓄积量（{stock_unit}）", "森林覆盖率（%）",
        ]  # fmt: skip
        rows = []
        for n, (name, (forest_ha, stock_m3)) in enumerate(planned.items(), 1):
            land_ha = LAND_AREA_HA[name]
            if year == 2022:
                land, forest = round(land_ha * 15 / 10000, 4), round(forest_ha * 15 / 10000, 5)
                stock = stock_m3
            else:
                land, forest, stock = land_ha, forest_ha, round(stock_m3 / 10000, 2)
            typed_rate = (
                common.to_fullwidth(f"{forest_ha / land_ha * 100:.2f}%")
                if n % 3 == 0
                else round(forest_ha / land_ha * 100, 2)
            )  # the form's own coverage column: typed, rounded, never used
            rows.append(
                [
                    n,
                    _label(districts[name], mess, 0.25),
                    common.messy_number(_plain(land), mess, 0.1, 0.05),
                    common.messy_number(_plain(forest), mess, 0.1, 0.05),
                    common.messy_number(_plain(stock), mess, 0.1, 0.05),
                    typed_rate,
                ]
            )
        common.write_form_xlsx(
            folder / f"森林资源主要指标统计表_{year}.xlsx",
            "森林资源",
            columns,
            rows,
            title=f"XX市{year}年度森林资源主要指标统计表（林草湿综合监测）",
            total_columns=[2, 3, 4],
            total_label_col=1,
            total_first=year == 2022,
            col_widths=[5, 14, 14, 14, 18, 14],
        )


# =========================================================================== mines

MINERALS = ("石灰岩", "建筑石料用灰岩", "砂岩", "黏土", "铁矿", "铜矿", "花岗岩", "白云岩")
N_MINES_BEFORE_2023 = 30  # non-coal abandoned mines restored 2019–2022
ABANDONED_2023_MU = 1217.0  # area restored by the abandoned-mine projects completed in 2023
N_PROJECTS_2023 = 25
COAL_PROJECTS_2023 = 2  # two of 2023's projects restored coal mines (outside the non-coal rate)
N_UNRESTORED = 12
NON_COAL_RATE_AIM = 0.82
ACTIVE_MINE_MU = {2022: 655.0, 2023: 799.0}
MINE_DISTRICTS = ("繁昌区", "南陵县", "无为市", "湾沚区", "鸠江区", "弋江区")


def _tenths_split(rng: np.random.Generator, total: float, parts: int, minimum: float) -> list[float]:
    return [t / 10 for t in _split(rng, round(total * 10), parts, minimum=round(minimum * 10))]


def _ceil_ha(mu: float) -> float:
    """The smallest 0.01 公顷 area not below mu 亩: a listed area is never less than what was restored."""
    return math.ceil(round(mu / 15 * 100, 6)) / 100


def plan_mines(rng: np.random.Generator) -> list[dict]:
    """The abandoned-mine list with each mine's restoration (area in 亩 and completion date, or None)."""
    mines = []

    def add(coal: bool, restored_mu: float | None, done: date | None, spare_ha: float = 0.0):
        listed_ha = _ceil_ha(restored_mu) + spare_ha if restored_mu else spare_ha
        mines.append(
            {
                "coal": coal,
                "restored_mu": restored_mu,
                "completed_on": done,
                "listed_ha": round(listed_ha, 2),
                "district": "无为市" if coal else MINE_DISTRICTS[int(rng.integers(len(MINE_DISTRICTS)))],
                "mineral": "煤" if coal else MINERALS[int(rng.integers(len(MINERALS)))],
            }
        )

    for mu in _tenths_split(rng, 1460.0, N_MINES_BEFORE_2023, 12.0):
        add(False, mu, _random_day(rng, date(2019, 3, 1), date(2022, 12, 31)))
    for k, mu in enumerate(_tenths_split(rng, ABANDONED_2023_MU, N_PROJECTS_2023, 15.0)):
        add(k < COAL_PROJECTS_2023, mu, _random_day(rng, date(2023, 1, 10), LAST_DAY))
    restored_ha = sum(m["restored_mu"] for m in mines if not m["coal"]) / 15
    listed_ha = sum(m["listed_ha"] for m in mines if not m["coal"])
    for ha in _tenths_split(rng, restored_ha / NON_COAL_RATE_AIM - listed_ha, N_UNRESTORED, 0.5):
        add(False, None, None, ha)
    for _ in range(4):  # coal mines still waiting
        add(True, None, None, round(float(rng.uniform(3, 12)), 2))
    order = rng.permutation(len(mines))
    return [dict(mines[i], code=f"FQKS-{n:03d}") for n, i in enumerate(order, 1)]


def write_abandoned_mines(folder: Path, districts: dict[str, District]) -> list[dict]:
    rng = common.rng_for(DOMAIN, "abandoned_mines")
    mines = plan_mines(rng)
    columns = [
        "序号",
        "矿山编号",
        "矿山名称",
        "区县",
        "开采矿种",
        "矿山类型",
        "需修复面积（公顷）",
        "核查年度",
    ]
    rows = [
        [
            n,
            m["code"],
            f"{m['district'][:2]}{m['mineral']}废弃矿山{n}号",
            _label(districts[m["district"]], rng, 0.1),
            m["mineral"],
            "煤矿" if m["coal"] else "非煤矿山",
            common.messy_number(m["listed_ha"], rng, 0.1, 0.05),
            2021,
        ]
        for n, m in enumerate(mines, 1)
    ]
    common.write_form_xlsx(
        folder / "历史遗留废弃矿山名录_2021核查.xlsx",
        "废弃矿山名录",
        columns,
        rows,
        title="XX市历史遗留废弃矿山核查图斑名录（2021年核查）",
        col_widths=[5, 12, 26, 12, 14, 10, 16, 10],
    )
    return mines


def write_mine_restoration(folder: Path, districts: dict[str, District], mines: list[dict]) -> None:
    rng = common.rng_for(DOMAIN, "mine_restoration")
    projects = []
    for m in mines:
        if m["restored_mu"]:
            projects.append(
                {
                    "category": "历史遗留废弃矿山",
                    "mine": m["code"],
                    "district": m["district"],
                    "mu": m["restored_mu"],
                    "completed_on": m["completed_on"],
                }
            )
        elif not m["coal"] and rng.random() < 0.5:  # under way: neither completed nor counted
            projects.append(
                {
                    "category": "历史遗留废弃矿山",
                    "mine": m["code"],
                    "district": m["district"],
                    "mu": round(m["listed_ha"] * 15 * 0.6, 1),
                    "completed_on": None,
                }
            )
    for year, total in ACTIVE_MINE_MU.items():
        for mu in _tenths_split(rng, total, 6, 40.0):
            projects.append(
                {
                    "category": "在建与生产矿山",
                    "mine": None,
                    "district": MINE_DISTRICTS[int(rng.integers(len(MINE_DISTRICTS)))],
                    "mu": mu,
                    "completed_on": _random_day(rng, date(year, 1, 15), _year_end(year)),
                }
            )
    projects.sort(key=lambda p: (p["completed_on"] or date.max, p["category"]))
    columns = [
        "序号",
        "项目编号",
        "项目名称",
        "区县",
        "矿山类别",
        "废弃矿山编号",
        "修复面积（亩）",
        "是否完工",
        "完工日期",
    ]
    # The register as sent on 2023-11-30 still had two November completions as under way.
    late = [
        p
        for p in projects
        if p["completed_on"]
        and p["completed_on"] >= date(2023, 11, 1)
        and p["category"] == "历史遗留废弃矿山"
    ][:2]
    for stamp, pending in (("20231130", late), ("20231205", [])):
        rows = []
        for n, p in enumerate(projects, 1):
            done = None if p in pending else p["completed_on"]
            rows.append(
                [
                    n,
                    f"KSXF-{n:03d}",
                    f"{p['district'][:2]}{'废弃' if p['mine'] else '在产'}矿山生态修复工程{n}号",
                    _label(districts[p["district"]], rng, 0.1),
                    p["category"],
                    p["mine"],
                    common.messy_number(_plain(p["mu"]), rng, 0.08, 0.04),
                    "否" if done is None else "是",
                    None if done is None else common.messy_date(done, rng, 0.2, 0.1),
                ]
            )
        common.write_form_xlsx(
            folder / f"矿山生态修复项目台账_报送{stamp}.xlsx",
            "修复项目",
            columns,
            rows,
            title="XX市矿山生态修复工程项目台账",
            col_widths=[5, 11, 30, 12, 16, 13, 14, 9, 12],
        )


# =========================================================================== forest land

RESERVE_HA = {2022: 380.5, 2023: 405.0}
LAND_USE_HA = {2022: 146.37, 2023: 129.22}


def write_forest_land_reserve(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "forest_land_reserve")
    columns = ["序号", "地块编号", "区县", "乡镇", "入库面积（公顷）", "入库日期"]
    for year, total in RESERVE_HA.items():
        parts = [c / 100 for c in _split(rng, round(total * 100), 14, minimum=500)]
        dates = sorted(_random_day(rng, date(year, 3, 1), _year_end(year)) for _ in parts)
        rows = []
        for n, (ha, day) in enumerate(zip(parts, dates, strict=True), 1):
            name = MINE_DISTRICTS[int(rng.integers(len(MINE_DISTRICTS)))]
            rows.append(
                [
                    n,
                    f"BCLD{year}-{n:03d}",
                    _label(districts[name], rng, 0.1),
                    TOWNS[int(rng.integers(8))],
                    common.messy_number(_plain(ha), rng, 0.1, 0.05),
                    common.messy_date(day, rng, 0.2, 0.1),
                ]
            )
        common.write_form_xlsx(
            folder / f"补充林地储备库入库台账_{year}.xlsx",
            "储备库台账",
            columns,
            rows,
            title=f"XX市{year}年补充林地储备库入库台账",
        )


def write_forest_land_use(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "forest_land_use")
    columns = ["序号", "审批文号", "项目名称", "区县", "批准使用林地面积（公顷）", "批准日期"]
    kinds = ("道路建设", "输变电工程", "水利设施", "光伏发电", "产业园区", "矿产开采")
    for year, total in LAND_USE_HA.items():
        parts = [c / 100 for c in _split(rng, round(total * 100), 17, minimum=80)]
        dates = sorted(_random_day(rng, date(year, 1, 5), _year_end(year)) for _ in parts)
        rows = []
        for n, (ha, day) in enumerate(zip(parts, dates, strict=True), 1):
            name = list(districts)[int(rng.integers(len(districts)))]
            rows.append(
                [
                    n,
                    f"皖林地审字〔{year}〕{100 + n}号",
                    f"{name[:2]}{kinds[int(rng.integers(len(kinds)))]}项目",
                    _label(districts[name], rng, 0.1),
                    _plain(ha),
                    day,
                ]
            )
        stem = f"使用林地审核审批台账_{year}"
        if year == 2022:  # exported from the approval system on a Chinese Windows PC
            common.write_csv(
                folder / f"{stem}.csv",
                columns,
                rows,
                encoding="gbk",
                title=f"XX市{year}年使用林地审核审批台账",
            )
        else:
            common.write_form_xlsx(
                folder / f"{stem}.xlsx",
                "使用林地审批",
                columns,
                rows,
                title=f"XX市{year}年使用林地审核审批台账",
            )


# =========================================================================== protected areas

PROTECTED_SITES = (
    ("BHQ-01", "龙窝湖湿地", "重要湿地", "无为市"), ("BHQ-02", "西河湿地公园", "湿地公园", "无为市"),
    ("BHQ-03", "马仁山森林公园", "森林公园", "繁昌区"), ("BHQ-04", "丫山地质公园", "地质公园", "南陵县"),
    ("BHQ-05", "奎湖湿地公园", "湿地公园", "南陵县"), ("BHQ-06", "长江江豚保护区", "自然保护区", "鸠江区"),
    ("BHQ-07", "神山森林公园", "森林公园", "镜湖区"), ("BHQ-08", "滨江湿地", "重要湿地", "弋江区"),
    ("BHQ-09", "陶辛水韵湿地", "湿地公园", "湾沚区"), ("BHQ-10", "大阳垾湿地", "湿地公园", "鸠江区"),
    ("BHQ-11", "天井山森林公园", "森林公园", "无为市"), ("BHQ-12", "小格里森林公园", "森林公园", "南陵县"),
    ("BHQ-13", "荻港湿地", "重要湿地", "繁昌区"), ("BHQ-14", "白马山风景区", "风景名胜区", "湾沚区"),
    ("BHQ-15", "扬子鳄保护区南陵片", "自然保护区", "南陵县"), ("BHQ-16", "黑沙洲湿地", "重要湿地", "弋江区"),
    ("BHQ-17", "龙山湿地", "重要湿地", "经济技术开发区"), ("BHQ-18", "三华山森林公园", "森林公园", "无为市"),
)  # fmt: skip
INSPECTIONS = {2022: (14, 3, 25, 23), 2023: (16, 4, 30, 30)}  # sites, revisits, problems found, fixed


def write_protected_area_inspections(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "protected_area_inspections")
    columns = [
        "序号",
        "保护地编号",
        "保护地名称",
        "保护地类型",
        "区县",
        "排查日期",
        "发现问题（起）",
        "完成整治（起）",
        "整治情况",
    ]
    for year, (n_sites, revisits, found, fixed) in INSPECTIONS.items():
        sites = [PROTECTED_SITES[int(i)] for i in rng.choice(len(PROTECTED_SITES), n_sites, replace=False)]
        visits = sites + [sites[int(i)] for i in rng.choice(n_sites, revisits, replace=False)]
        found_parts = rng.multinomial(found, np.ones(len(visits)) / len(visits))
        unfixed = found - fixed
        rows = []
        for n, (site, k) in enumerate(zip(visits, found_parts, strict=True), 1):
            ok = int(k) - min(unfixed, int(k))
            unfixed -= int(k) - ok
            day = _random_day(rng, date(year, 3, 1), _year_end(year))
            rows.append(
                [
                    n,
                    site[0],
                    site[1],
                    site[2],
                    _label(districts[site[3]], rng, 0.15),
                    common.messy_date(day, rng, 0.2, 0.2),
                    common.messy_number(int(k), rng, 0.1, 0.1),
                    common.messy_number(ok, rng, 0.1, 0.1),
                    "已完成整治" if ok == k else "整治中",
                ]
            )
        common.write_form_xlsx(
            folder / f"自然保护地和重要湿地排查整治台账_{year}.xlsx",
            "排查整治",
            columns,
            rows,
            title=f"XX市{year}年自然保护地和重要湿地排查整治台账",
            col_widths=[5, 10, 18, 11, 14, 12, 12, 12, 12],
        )


# =========================================================================== ancient trees

TREE_SPECIES = (
    "银杏",
    "香樟",
    "枫香",
    "朴树",
    "榔榆",
    "黄连木",
    "皂荚",
    "圆柏",
    "桂花",
    "糙叶树",
    "麻栎",
    "枫杨",
)
TAGGED_IN_2023 = 827
TAGGED_BEFORE = 412
NOT_TAGGED = 38
FAMOUS_TREES = 14
SUBSIDY_2023_YUAN = 236800  # the city's repair subsidies paid for repairs done in 2023
SUBSIDY_2022_YUAN = 168500
GRADE_AGES = (("一级", 500, 900), ("二级", 300, 499), ("三级", 100, 299))


def _tree_age(rng: np.random.Generator) -> tuple[int, str]:
    grade, low, high = GRADE_AGES[int(rng.choice(3, p=[0.06, 0.18, 0.76]))]
    return int(rng.integers(low + 5, high - 4)) // 5 * 5, grade


def write_ancient_trees(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "ancient_trees")
    trees = []
    for k in range(TAGGED_IN_2023 + TAGGED_BEFORE + NOT_TAGGED + FAMOUS_TREES):
        if k < TAGGED_IN_2023:
            tagged = _random_day(rng, date(2023, 1, 5), LAST_DAY)
        elif k < TAGGED_IN_2023 + TAGGED_BEFORE:
            tagged = _random_day(rng, date(2016, 4, 1), date(2022, 12, 31))
        elif k < TAGGED_IN_2023 + TAGGED_BEFORE + NOT_TAGGED:
            tagged = None
        else:
            tagged = _random_day(rng, date(2012, 4, 1), date(2020, 12, 31))
        famous = k >= TAGGED_IN_2023 + TAGGED_BEFORE + NOT_TAGGED
        age, grade = (int(rng.integers(40, 95)), "名木") if famous else _tree_age(rng)
        name = list(districts)[
            int(rng.choice(len(districts), p=[0.05, 0.08, 0.12, 0.13, 0.16, 0.2, 0.22, 0.04]))
        ]
        trees.append({"tagged_on": tagged, "age": age, "grade": grade, "district": name})
    rng.shuffle(trees)
    for year, total in ((2022, SUBSIDY_2022_YUAN), (2023, SUBSIDY_2023_YUAN)):
        picked = rng.choice(len(trees), 30 if year == 2022 else 41, replace=False)
        amounts = [a * 100 for a in _split(rng, total // 100, len(picked), minimum=20)]
        for i, amount in zip(picked, amounts, strict=True):
            if "repaired_on" not in trees[i]:
                trees[i]["repaired_on"] = _random_day(rng, date(year, 3, 1), _year_end(year))
                trees[i]["subsidy"] = amount
            else:  # a tree repaired in both years keeps its 2022 record; its 2023 amount goes to a neighbour
                j = next(j for j in range(len(trees)) if "repaired_on" not in trees[j])
                trees[j]["repaired_on"] = _random_day(rng, date(year, 3, 1), _year_end(year))
                trees[j]["subsidy"] = amount
    columns = [
        "序号",
        "古树编号",
        "树种",
        "区县",
        "乡镇",
        "树龄（年）",
        "保护等级",
        "是否挂牌",
        "挂牌日期",
        "长势",
        "保护修复日期",
        "修复补助（万元）",
    ]
    rows = []
    for n, t in enumerate(trees, 1):
        age = f"约{t['age']}" if n % 23 == 0 else common.messy_number(t["age"], rng, 0.05, 0.03)
        health = ("正常", "衰弱", "濒危")[int(rng.choice(3, p=[0.86, 0.11, 0.03]))]
        rows.append(
            [
                n,
                f"34020{n:05d}",
                TREE_SPECIES[int(rng.integers(len(TREE_SPECIES)))],
                _label(districts[t["district"]], rng, 0.08),
                TOWNS[int(rng.integers(8))],
                age,
                t["grade"],
                "否" if t["tagged_on"] is None else "是",
                None if t["tagged_on"] is None else common.messy_date(t["tagged_on"], rng, 0.15, 0.15),
                health,
                t.get("repaired_on"),
                None
                if "subsidy" not in t
                else common.messy_number(_plain(t["subsidy"] / 10000), rng, 0.1, 0.05),
            ]
        )
    common.write_form_xlsx(
        folder / "古树名木资源档案_20231201.xlsx",
        "古树名木档案",
        columns,
        rows,
        title="XX市古树名木资源档案（截至2023年11月30日）",
        col_widths=[6, 13, 8, 14, 10, 10, 9, 9, 12, 7, 13, 14],
    )


# =========================================================================== wildlife rescue

# (species, protection class)
SPECIES = (
    ("东方白鹳", "国家一级"), ("黑鹳", "国家一级"), ("中华秋沙鸭", "国家一级"), ("白头鹤", "国家一级"),
    ("红隼", "国家二级"), ("游隼", "国家二级"), ("普通鵟", "国家二级"), ("雀鹰", "国家二级"),
    ("松雀鹰", "国家二级"), ("黑鸢", "国家二级"), ("斑头鸺鹠", "国家二级"), ("领角鸮", "国家二级"),
    ("红角鸮", "国家二级"), ("草鸮", "国家二级"), ("鸳鸯", "国家二级"), ("小天鹅", "国家二级"),
    ("白琵鹭", "国家二级"), ("虎纹蛙", "国家二级"), ("貉", "国家二级"), ("豹猫", "国家二级"),
    ("獐", "国家二级"), ("灰鹤", "国家二级"), ("凤头蜂鹰", "国家二级"),
    ("刺猬", "省级"), ("黄鼬", "省级"), ("夜鹭", "省级"), ("苍鹭", "省级"),
    ("环颈雉", "三有"), ("珠颈斑鸠", "三有"), ("白鹭", "三有"), ("池鹭", "三有"),
    ("乌梢蛇", "三有"), ("王锦蛇", "三有"), ("黑眉锦蛇", "三有"),
)  # fmt: skip
# per year: species, animals rescued, of which survived, animals reported but not rescued
RESCUE_PLAN = {2022: (24, 61, 50, 2), 2023: (29, 75, 66, 0)}
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"


def write_wildlife_rescue(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "wildlife_rescue")
    columns = [
        "序号",
        "救护编号",
        "接收日期",
        "区县",
        "物种",
        "保护级别",
        "接报数量（头/只）",
        "救护数量（头/只）",
        "成活数量（头/只）",
        "救护结果",
        "报送人",
        "联系电话",
    ]
    for year, (n_species, animals, survived, missed) in RESCUE_PLAN.items():
        species = [SPECIES[int(i)] for i in rng.choice(len(SPECIES), n_species, replace=False)]
        records = species + [species[int(i)] for i in rng.choice(n_species, 12, replace=True)]
        counts = _split(rng, animals, len(records), minimum=1)
        dead = animals - survived
        rows = []
        dates = sorted(_random_day(rng, date(year, 1, 3), _year_end(year)) for _ in records)
        for n, ((name, cls), count, day) in enumerate(zip(records, counts, dates, strict=True), 1):
            died = min(dead, count if rng.random() < 0.35 else 0)
            dead -= died
            outcome = "死亡" if died == count else ("救治中" if day > date(year, 11, 1) else "放归")
            reported = count + (1 if n <= missed else 0)
            place = list(districts)[int(rng.integers(len(districts)))]
            rows.append(
                [
                    n,
                    f"JH{year}-{n:03d}",
                    common.messy_date(day, rng, 0.15, 0.15),
                    _label(districts[place], rng, 0.1),
                    name,
                    cls,
                    reported,
                    common.messy_number(count, rng, 0.1, 0.05),
                    count - died,
                    outcome,
                    SURNAMES[int(rng.integers(len(SURNAMES)))] + "先生",
                    f"139{int(rng.integers(10**7, 10**8))}",
                ]
            )
        if dead:
            raise AssertionError(f"{year}: {dead} deaths left unplaced")
        common.write_form_xlsx(
            folder / f"野生动物收容救护登记簿_{year}.xlsx",
            "救护登记",
            columns,
            rows,
            title=f"XX市野生动物收容救护登记簿（{year}年）",
            col_widths=[5, 12, 12, 12, 11, 10, 14, 14, 14, 9, 10, 14],
        )


# =========================================================================== alligator releases

ALLIGATOR_RELEASES = (
    (date(2021, 6, 8), "南陵县", "扬子鳄保护区南陵片", 18),
    (date(2022, 5, 20), "南陵县", "扬子鳄保护区南陵片", 16),
    (date(2022, 9, 14), "湾沚区", "陶辛水韵湿地", 14),
    (date(2023, 4, 26), "南陵县", "扬子鳄保护区南陵片", 20),
    (date(2023, 6, 6), "湾沚区", "陶辛水韵湿地", 15),
    (date(2023, 9, 21), "南陵县", "奎湖湿地公园", 12),
)


def write_alligator_releases(folder: Path, districts: dict[str, District]) -> None:
    columns = ["序号", "放归批次", "放归日期", "区县", "放归地点", "放归数量（条）", "备注"]
    rows = [
        [
            n,
            f"YZE-{day.year}-{n:02d}",
            ExcelSerial(day) if n % 2 else day,
            common.district_alias(districts[name]) if n == 3 else name,
            site,
            common.to_fullwidth(count) if n == 5 else count,
            "野外放归，佩戴电子标记",
        ]
        for n, (day, name, site, count) in enumerate(ALLIGATOR_RELEASES, 1)
    ]
    common.write_form_xlsx(
        folder / "扬子鳄野外放归记录_2023.xlsx",
        "放归记录",
        columns,
        rows,
        title="XX市扬子鳄野外放归记录",
        col_widths=[5, 13, 12, 12, 20, 14, 24],
    )
