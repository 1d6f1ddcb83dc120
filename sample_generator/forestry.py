"""Forestry-domain sample submissions: seeds/raw/forestry/<source>/ for registry/forestry.yml.

Quirks kept on purpose: 无为市 reports afforestation in 万亩 and 南陵县 in 公顷, the others in 亩; 弋江区
resubmitted its 2023 register (_v2) and 鸠江区's 2023 合计 is typed 120 亩 too high; forest statistics
came in 万亩 and m³ for 2022, in 公顷 and 万立方米 for 2023; the mine-restoration register of 2023-11-30
still had two November completions as under way; forest-land use for 2022 is a GBK CSV; ages and
counts now and then typed 约… or in full-width digits.

What the report states is read from the figures table and aimed at by construction; no cell holds a
figure; 合计 rows are only there to be checked.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from sample_generator import common
from sample_generator.common import DISTRICTS, ExcelSerial, aim, figure, write_submission

DOMAIN = "forestry"
LAST_DAY = date(2023, 11, 30)  # the report was written from data through November 2023
YEARS = (2022, 2023)
NAMES = [d.name for d in DISTRICTS]
MINE_DISTRICTS = [d.name for d in DISTRICTS if d.rural][1:]  # not the city centre, nor the development zone
TOWNS = ("城关镇", "东河镇", "西山乡", "南塘镇", "北岗镇", "新港镇", "白马镇", "青山乡")


def generate(raw_dir: Path) -> None:
    out = common.reset_domain_dir(raw_dir, DOMAIN).parent
    write_afforestation(out)
    write_forest_resources(out)
    write_mine_restoration(out, write_abandoned_mines(out))
    for write in (write_forest_land, write_protected_area_inspections, write_ancient_trees):
        write(out)
    write_wildlife_rescue(out)
    write_alligator_releases(out)


def _year_end(year: int) -> date:
    return LAST_DAY if year == LAST_DAY.year else date(year, 12, 31)


def _day(rng: np.random.Generator, first: date, last: date) -> date:
    return first + timedelta(int(rng.integers(0, (last - first).days + 1)))


def _split(rng: np.random.Generator, total: int, parts: int, minimum: int = 1) -> list[int]:
    """total (an integer number of units) split into `parts` integers ≥ minimum that sum to it exactly."""
    weights = rng.gamma(2.0, 1.0, parts)
    return [int(x) + minimum for x in rng.multinomial(total - minimum * parts, weights / weights.sum())]


def _tenths_split(rng: np.random.Generator, total: float, parts: int, minimum: float) -> list[float]:
    return [t / 10 for t in _split(rng, round(total * 10), parts, minimum=round(minimum * 10))]


def _label(name: str, rng: np.random.Generator, p_alias: float) -> str:
    return common.district_alias(name, rng) if rng.random() < p_alias else name


def _plain(value: float):
    return int(value) if float(value).is_integer() else value


def _messy(value: float, rng: np.random.Generator, p_text: float = 0.1, p_fullwidth: float = 0.05):
    return common.messy_number(_plain(value), rng, p_text, p_fullwidth)


# =========================================================================== afforestation

WORK_FIGURES = {"造林绿化": "forest.afforestation_mu", "森林抚育": "forest.tending_mu",
    "退化林修复": "forest.degraded_restored_mu"}  # fmt: skip
UNITS = {"无为市": "万亩", "南陵县": "公顷"}  # the unit a district's forestry office writes; the others 亩
# 公顷 areas are planned in steps of 3 亩 (0.2 公顷) and 万亩 areas in whole 亩: short decimals only.
STEP = {"亩": 1, "万亩": 1, "公顷": 3}


def _in_unit(mu: float, unit: str):
    return round(mu / 10000, 4) if unit == "万亩" else round(mu / 15, 1) if unit == "公顷" else mu


def afforestation_projects(rng: np.random.Generator) -> dict[tuple[str, int], list[dict]]:
    """Projects per (district, year): work type, area in 亩, completion date or None, code, name, town."""
    weights = rng.gamma(3.0, 0.4, len(NAMES))
    out: dict[tuple[str, int], list[dict]] = {(n, y): [] for n in NAMES for y in YEARS}
    for year in YEARS:
        for work_type, code in WORK_FIGURES.items():
            total = round(figure(code) * (1.0 if year == 2023 else rng.uniform(0.9, 1.1)))
            # whole 30-亩 blocks per district, so every district's unit step divides its share
            blocks = rng.multinomial(total // 30 - 4 * len(NAMES), weights / weights.sum()) + 4
            for name, n_blocks in zip(NAMES, blocks, strict=True):
                step = STEP[UNITS.get(name, "亩")]
                mu_total = int(n_blocks) * 30 + (
                    total % 30 if name == NAMES[0] else 0
                )  # the first counts in 亩
                for k in _split(rng, mu_total // step, int(rng.integers(2, 6)), minimum=30 // step):
                    done = _day(rng, date(year, 2, 1), _year_end(year))
                    out[(name, year)].append({"work_type": work_type, "mu": k * step, "completed_on": done})
    for name in NAMES:  # projects still under way at the end of the data: no completion date, not counted
        out[(name, 2023)].append(
            {"work_type": "造林绿化", "mu": 60 * int(rng.integers(1, 6)), "completed_on": None}
        )
    for (name, year), projects in out.items():
        projects.sort(key=lambda p: (p["completed_on"] or date.max, p["work_type"]))
        for n, p in enumerate(projects, 1):
            town = TOWNS[int(rng.integers(len(TOWNS)))]
            p.update(
                code=f"ZL{common.BY_NAME[name].code}-{year}-{n:03d}",
                name=f"{town}{p['work_type']}项目（{n}）",
                town=town,
            )
    return out


def write_afforestation(out: Path) -> None:
    mess = common.rng_for(DOMAIN, "afforestation-mess")
    for (name, year), planned in afforestation_projects(common.rng_for(DOMAIN, "afforestation")).items():
        unit = UNITS.get(name, "亩")
        versions = {"": planned}
        if (name, year) == ("弋江区", 2023):  # the first register overstated one project and lacked another
            first = [dict(p) for p in planned if p is not planned[3]]
            first[0]["mu"] += 300
            versions = {"": first, "_v2": planned}
        for suffix, projects in versions.items():
            rows: list[dict | None] = [dict(project_code=p["code"], project_name=p["name"],
                district=_label(name, mess, 0.15), town=p["town"], work_type=p["work_type"],
                area=common.messy_number(_plain(_in_unit(p["mu"], unit)), mess, 0.06, 0.04),
                completed_on=p["completed_on"] and common.messy_date(p["completed_on"], mess, 0.15, 0.15),
                备注=None if p["completed_on"] else "在建") for p in projects]  # fmt: skip
            renamed = name in ("湾沚区", "繁昌区") and year == 2022
            if renamed:
                rows.insert(len(rows) // 2, None)  # a blank spacer line in the middle of the list
            label = common.district_alias(name) if renamed else name
            write_submission(out, "forestry_afforestation", f"造林绿化项目台账_{label}_{year}{suffix}.xlsx",
                rows, title=f"{label}{year}年度造林绿化、森林抚育、退化林修复项目台账", numbered=True,
                subtitle=f"填报单位：{name}林业主管部门　面积单位：{unit}", with_total=True,
                total_adjust={"area": _in_unit(120, unit)} if (name, year) == ("鸠江区", 2023) else None,
                spacer_before_total=year == 2023, labels={"area": f"面积（{unit}）"})  # fmt: skip


# =========================================================================== forest resources


def write_forest_resources(out: Path) -> None:
    rng, mess = common.rng_for(DOMAIN, "forest_resources"), common.rng_for(DOMAIN, "forest_resources-mess")
    land_ha = [round(float(rng.gamma(2.5, 30000)), -2) for _ in NAMES]
    coverage = rng.uniform(0.1, 0.46, len(NAMES))
    for year in YEARS:
        rate = figure("forest.coverage_rate") - (0.2 if year == 2022 else 0)
        forest_total = round(sum(land_ha) * rate / 100, 1)
        raw = np.array(land_ha) * coverage * np.exp(rng.normal(0, 0.02, len(NAMES)))
        tenths = np.floor(raw / raw.sum() * forest_total * 10).astype(int)
        tenths[-2] += round(forest_total * 10) - tenths.sum()  # one district absorbs the rounding
        stock_total = figure("forest.growing_stock") * (1.0 if year == 2023 else 0.981)
        stock = _split(rng, round(stock_total / 100), len(NAMES), minimum=2000)
        # 2022 was sent in 万亩 and m³, 2023 in 公顷 and 万立方米
        area_unit, stock_unit = ("万亩", "立方米") if year == 2022 else ("公顷", "万立方米")
        rows = []
        for n, (name, land, t, s) in enumerate(zip(NAMES, land_ha, tenths, stock, strict=True), 1):
            forest = int(t) / 10
            if year == 2022:
                cells = round(land * 15 / 10000, 4), round(forest * 15 / 10000, 5), s * 100
            else:
                cells = land, forest, round(s * 100 / 10000, 2)
            percent = forest / land * 100  # the form's own coverage column: typed, rounded, never used
            rows.append(dict(district=_label(name, mess, 0.25), **dict(zip(("land_area", "forest_area",
                "growing_stock"), (_messy(c, mess) for c in cells), strict=True)),
                森林覆盖率=common.to_fullwidth(f"{percent:.2f}%") if n % 3 == 0 else round(percent, 2),
                ))  # fmt: skip
        labels = {"land_area": (f"面积（{area_unit}）", "土地总面积"),
            "forest_area": (f"面积（{area_unit}）", "森林面积"),
            "growing_stock": f"森林蓄积量（{stock_unit}）", "森林覆盖率": "森林覆盖率（%）"}  # fmt: skip
        write_submission(out, "forestry_forest_resources", f"森林资源主要指标统计表_{year}.xlsx", rows,
            labels=labels, title=f"XX市{year}年度森林资源主要指标统计表（林草湿综合监测）", numbered=True,
            with_total=True, total_first=year == 2022)  # fmt: skip


# =========================================================================== mines

MINERALS = ("石灰岩", "建筑石料用灰岩", "砂岩", "黏土", "铁矿", "铜矿", "花岗岩", "白云岩")
COAL_DISTRICT = "无为市"


def _ceil_ha(mu: float) -> float:
    """The smallest 0.01 公顷 area not below mu 亩: a listed area is never less than what was restored."""
    return math.ceil(round(mu / 15 * 100, 6)) / 100


def plan_mines(rng: np.random.Generator) -> list[dict]:
    """The abandoned-mine list with each mine's restoration (area in 亩 and completion date, or None)."""
    mines = []

    def add(coal: bool, restored_mu: float | None, done: date | None, spare_ha: float = 0.0):
        listed_ha = _ceil_ha(restored_mu) + spare_ha if restored_mu else spare_ha
        district = COAL_DISTRICT if coal else MINE_DISTRICTS[int(rng.integers(len(MINE_DISTRICTS)))]
        mineral = "煤" if coal else MINERALS[int(rng.integers(len(MINERALS)))]
        mines.append(dict(coal=coal, restored_mu=restored_mu, completed_on=done,
            listed_ha=round(listed_ha, 2), district=district, mineral=mineral))  # fmt: skip

    for mu in _tenths_split(rng, 1460.0, 30, 12.0):  # non-coal abandoned mines restored 2019–2022
        add(False, mu, _day(rng, date(2019, 3, 1), date(2022, 12, 31)))
    # 2023's projects; two of them restored coal mines, which stay outside the non-coal rate
    projects = _tenths_split(
        rng, figure("forest.mine_restored_mu"), figure("forest.mine_projects_done"), 15.0
    )
    for k, mu in enumerate(projects):
        add(k < 2, mu, _day(rng, date(2023, 1, 10), LAST_DAY))
    restored_ha = sum(m["restored_mu"] for m in mines if not m["coal"]) / 15
    listed_ha = sum(m["listed_ha"] for m in mines if not m["coal"])
    rate = figure("forest.abandoned_mine_restoration_rate") / 100
    for ha in _tenths_split(rng, restored_ha / rate - listed_ha, 12, 0.5):
        add(False, None, None, ha)
    for _ in range(4):  # coal mines still waiting
        add(True, None, None, round(float(rng.uniform(3, 12)), 2))
    order = rng.permutation(len(mines))
    return [dict(mines[i], code=f"FQKS-{n:03d}") for n, i in enumerate(order, 1)]


def write_abandoned_mines(out: Path) -> list[dict]:
    rng = common.rng_for(DOMAIN, "abandoned_mines")
    mines = plan_mines(rng)
    rows = [dict(mine_code=m["code"], mine_name=f"{m['district'][:2]}{m['mineral']}废弃矿山{n}号",
        district=_label(m["district"], rng, 0.1), mineral=m["mineral"],
        mine_type="煤矿" if m["coal"] else "非煤矿山", listed_area=common.messy_number(m["listed_ha"], rng,
        0.1, 0.05), 核查年度=2021) for n, m in enumerate(mines, 1)]  # fmt: skip
    write_submission(out, "forestry_abandoned_mines", "历史遗留废弃矿山名录_2021核查.xlsx", rows,
        numbered=True, title="XX市历史遗留废弃矿山核查图斑名录（2021年核查）",
        labels={"listed_area": "需修复面积（公顷）"})  # fmt: skip
    return mines


def write_mine_restoration(out: Path, mines: list[dict]) -> None:
    rng = common.rng_for(DOMAIN, "mine_restoration")
    abandoned = "历史遗留废弃矿山"
    projects = []
    for m in mines:
        if m["restored_mu"]:
            projects.append(dict(category=abandoned, mine=m["code"], district=m["district"],
                mu=m["restored_mu"], completed_on=m["completed_on"]))  # fmt: skip
        elif not m["coal"] and rng.random() < 0.5:  # under way: neither completed nor counted
            projects.append(dict(category=abandoned, mine=m["code"], district=m["district"],
                mu=round(m["listed_ha"] * 15 * 0.6, 1), completed_on=None))  # fmt: skip
    for year in YEARS:
        total = figure("forest.active_mine_restored_mu") * (1.0 if year == 2023 else 0.82)
        for mu in _tenths_split(rng, round(total, 1), 6, 40.0):
            district = MINE_DISTRICTS[int(rng.integers(len(MINE_DISTRICTS)))]
            projects.append(dict(category="在建与生产矿山", mine=None, district=district, mu=mu,
                completed_on=_day(rng, date(year, 1, 15), _year_end(year))))  # fmt: skip
    projects.sort(key=lambda p: (p["completed_on"] or date.max, p["category"]))
    # The register as sent on 2023-11-30 still had two November completions as under way.
    late = [
        p
        for p in projects
        if p["category"] == abandoned and (p["completed_on"] or date.min) >= date(2023, 11, 1)
    ]
    for stamp, pending in (("20231130", late[:2]), ("20231205", [])):
        rows = []
        for n, p in enumerate(projects, 1):
            done = None if p in pending else p["completed_on"]
            rows.append(dict(project_code=f"KSXF-{n:03d}",
                project_name=f"{p['district'][:2]}{'废弃' if p['mine'] else '在产'}矿山生态修复工程{n}号",
                district=_label(p["district"], rng, 0.1), mine_category=p["category"], mine_code=p["mine"],
                restored_area=_messy(p["mu"], rng, 0.08, 0.04), is_completed=done is not None,
                completed_on=done and common.messy_date(done, rng, 0.2, 0.1)))  # fmt: skip
        write_submission(out, "forestry_mine_restoration", f"矿山生态修复项目台账_报送{stamp}.xlsx", rows,
            numbered=True, title="XX市矿山生态修复工程项目台账",
            labels={"restored_area": "修复面积（亩）"})  # fmt: skip


# =========================================================================== forest land


def write_forest_land(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "forest_land_reserve")
    reserve = figure("forest.reserve_land_ha")
    for year, total in {2022: round(reserve * 0.94, 1), 2023: reserve}.items():
        parts = [c / 100 for c in _split(rng, round(total * 100), 14, minimum=500)]
        dates = sorted(_day(rng, date(year, 3, 1), _year_end(year)) for _ in parts)
        rows = [dict(parcel_code=f"BCLD{year}-{n:03d}",
            district=_label(MINE_DISTRICTS[int(rng.integers(len(MINE_DISTRICTS)))], rng, 0.1),
            town=TOWNS[int(rng.integers(8))], area=_messy(ha, rng), accepted_on=common.messy_date(day, rng,
            0.2, 0.1)) for n, (ha, day) in enumerate(zip(parts, dates, strict=True), 1)]  # fmt: skip
        write_submission(out, "forestry_forest_land_reserve", f"补充林地储备库入库台账_{year}.xlsx", rows,
            numbered=True, title=f"XX市{year}年补充林地储备库入库台账",
            labels={"area": "入库面积（公顷）"})  # fmt: skip
    rng = common.rng_for(DOMAIN, "forest_land_use")
    kinds = ("道路建设", "输变电工程", "水利设施", "光伏发电", "产业园区", "矿产开采")
    approved = figure("forest.land_use_approved_ha")
    for year, total in {2022: round(approved * 1.13, 2), 2023: approved}.items():
        parts = [c / 100 for c in _split(rng, round(total * 100), 17, minimum=80)]
        dates = sorted(_day(rng, date(year, 1, 5), _year_end(year)) for _ in parts)
        rows = []
        for n, (ha, day) in enumerate(zip(parts, dates, strict=True), 1):
            name = NAMES[int(rng.integers(len(NAMES)))]
            rows.append(dict(approval_code=f"皖林地审字〔{year}〕{100 + n}号",
                project_name=f"{name[:2]}{kinds[int(rng.integers(6))]}项目", district=_label(name, rng, 0.1),
                area=_plain(ha), approved_on=day))  # fmt: skip
        csv = year == 2022  # exported from the approval system on a Chinese Windows PC
        write_submission(out, "forestry_forest_land_use",
            f"使用林地审核审批台账_{year}.{'csv' if csv else 'xlsx'}", rows,
            title=f"XX市{year}年使用林地审核审批台账", numbered=True, csv_encoding="gbk" if csv else None,
            labels={"area": "批准使用林地面积（公顷）"})  # fmt: skip


# =========================================================================== protected areas

PROTECTED_SITES = (("BHQ-01", "龙窝湖湿地", "重要湿地", "无为市"),
    ("BHQ-02", "西河湿地公园", "湿地公园", "无为市"), ("BHQ-03", "马仁山森林公园", "森林公园", "繁昌区"),
    ("BHQ-04", "丫山地质公园", "地质公园", "南陵县"), ("BHQ-05", "奎湖湿地公园", "湿地公园", "南陵县"),
    ("BHQ-06", "长江江豚保护区", "自然保护区", "鸠江区"), ("BHQ-07", "神山森林公园", "森林公园", "镜湖区"),
    ("BHQ-08", "滨江湿地", "重要湿地", "弋江区"), ("BHQ-09", "陶辛水韵湿地", "湿地公园", "湾沚区"),
    ("BHQ-10", "大阳垾湿地", "湿地公园", "鸠江区"), ("BHQ-11", "天井山森林公园", "森林公园", "无为市"),
    ("BHQ-12", "小格里森林公园", "森林公园", "南陵县"), ("BHQ-13", "荻港湿地", "重要湿地", "繁昌区"),
    ("BHQ-14", "白马山风景区", "风景名胜区", "湾沚区"),
    ("BHQ-15", "扬子鳄保护区南陵片", "自然保护区", "南陵县"), ("BHQ-16", "黑沙洲湿地", "重要湿地", "弋江区"),
    ("BHQ-17", "龙山湿地", "重要湿地", "经济技术开发区"), ("BHQ-18", "三华山森林公园", "森林公园", "无为市"),
    )  # fmt: skip


def write_protected_area_inspections(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "protected_area_inspections")
    sites_2023, fixed_2023 = (
        figure("forest.protected_areas_checked"),
        figure("forest.protected_area_problems_fixed"),
    )
    # per year: sites, revisits, problems found, problems fixed
    for year, (n_sites, revisits, found, fixed) in {2022: (14, 3, 25, 23), 2023: (sites_2023, 4, fixed_2023,
        fixed_2023)}.items():  # fmt: skip
        sites = [PROTECTED_SITES[int(i)] for i in rng.choice(len(PROTECTED_SITES), n_sites, replace=False)]
        visits = sites + [sites[int(i)] for i in rng.choice(n_sites, revisits, replace=False)]
        found_parts = rng.multinomial(found, np.ones(len(visits)) / len(visits))
        unfixed = found - fixed
        rows = []
        for site, k in zip(visits, found_parts, strict=True):
            ok = int(k) - min(unfixed, int(k))
            unfixed -= int(k) - ok
            day = _day(rng, date(year, 3, 1), _year_end(year))
            rows.append(dict(site_code=site[0], site_name=site[1], site_type=site[2],
                district=_label(site[3], rng, 0.15), inspected_on=common.messy_date(day, rng, 0.2, 0.2),
                problems_found=_messy(int(k), rng, 0.1, 0.1), problems_fixed=_messy(ok, rng, 0.1, 0.1),
                整治情况="已完成整治" if ok == k else "整治中"))  # fmt: skip
        write_submission(out, "forestry_protected_area_inspections",
            f"自然保护地和重要湿地排查整治台账_{year}.xlsx", rows,
            title=f"XX市{year}年自然保护地和重要湿地排查整治台账", numbered=True)  # fmt: skip


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
GRADE_AGES = (("一级", 500, 900), ("二级", 300, 499), ("三级", 100, 299))


def _tree_age(rng: np.random.Generator) -> tuple[int, str]:
    grade, low, high = GRADE_AGES[int(rng.choice(3, p=[0.06, 0.18, 0.76]))]
    return int(rng.integers(low + 5, high - 4)) // 5 * 5, grade


def write_ancient_trees(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "ancient_trees")
    weights = rng.gamma(3.0, 1.0, len(NAMES))
    # (trees, tagged between) — tagged in 2023, tagged before, not tagged, famous trees
    groups = ((figure("forest.ancient_trees_tagged"), date(2023, 1, 5), LAST_DAY),
        (412, date(2016, 4, 1), date(2022, 12, 31)), (38, None, None),
        (14, date(2012, 4, 1), date(2020, 12, 31)))  # fmt: skip
    trees = []
    for g, (count, first, last) in enumerate(groups):
        for _ in range(count):
            tagged = first and _day(rng, first, last)
            age, grade = (int(rng.integers(40, 96)), "名木") if g == 3 else _tree_age(rng)
            district = NAMES[int(rng.choice(len(NAMES), p=weights / weights.sum()))]
            trees.append({"tagged_on": tagged, "age": age, "grade": grade, "district": district})
    rng.shuffle(trees)
    subsidy = aim("forest.ancient_tree_subsidy", 0.368)  # the city's repair subsidies for 2023's repairs
    for year, total, count in ((2022, 168500, 30), (2023, subsidy, 41)):
        picked = rng.choice(len(trees), count, replace=False)
        for i, amount in zip(picked, _split(rng, total // 100, count, minimum=20), strict=True):
            # a tree repaired in both years keeps its 2022 record; its 2023 amount goes to a neighbour
            j = (
                i
                if "repaired_on" not in trees[i]
                else next(j for j, t in enumerate(trees) if "repaired_on" not in t)
            )
            trees[j].update(repaired_on=_day(rng, date(year, 3, 1), _year_end(year)), subsidy=amount * 100)
    rows = []
    for n, t in enumerate(trees, 1):
        age = f"约{t['age']}" if n % 23 == 0 else common.messy_number(t["age"], rng, 0.05, 0.03)
        health = ("正常", "衰弱", "濒危")[int(rng.choice(3, p=[0.86, 0.11, 0.03]))]
        rows.append(dict(tree_id=f"34020{n:05d}", species=TREE_SPECIES[int(rng.integers(len(TREE_SPECIES)))],
            district=_label(t["district"], rng, 0.08), town=TOWNS[int(rng.integers(8))], age_years=age,
            grade=t["grade"], is_tagged=t["tagged_on"] is not None,
            tagged_on=t["tagged_on"] and common.messy_date(t["tagged_on"], rng, 0.15, 0.15), health=health,
            repaired_on=t.get("repaired_on"), repair_subsidy=_messy(t["subsidy"] / 10000, rng, 0.1,
            0.05) if "subsidy" in t else None))  # fmt: skip
    write_submission(out, "forestry_ancient_trees", "古树名木资源档案_20231201.xlsx", rows, numbered=True,
        title="XX市古树名木资源档案（截至2023年11月30日）",
        labels={"age_years": "树龄（年）", "repair_subsidy": "修复补助（万元）"})  # fmt: skip


# =========================================================================== wildlife rescue

SPECIES = (("东方白鹳", "国家一级"), ("黑鹳", "国家一级"), ("中华秋沙鸭", "国家一级"), ("白头鹤", "国家一级"),
    ("红隼", "国家二级"), ("游隼", "国家二级"), ("普通鵟", "国家二级"), ("雀鹰", "国家二级"),
    ("松雀鹰", "国家二级"), ("黑鸢", "国家二级"), ("斑头鸺鹠", "国家二级"), ("领角鸮", "国家二级"),
    ("红角鸮", "国家二级"), ("草鸮", "国家二级"), ("鸳鸯", "国家二级"), ("小天鹅", "国家二级"),
    ("白琵鹭", "国家二级"), ("虎纹蛙", "国家二级"), ("貉", "国家二级"), ("豹猫", "国家二级"),
    ("獐", "国家二级"), ("灰鹤", "国家二级"), ("凤头蜂鹰", "国家二级"), ("刺猬", "省级"), ("黄鼬", "省级"),
    ("夜鹭", "省级"), ("苍鹭", "省级"), ("环颈雉", "三有"), ("珠颈斑鸠", "三有"), ("白鹭", "三有"),
    ("池鹭", "三有"), ("乌梢蛇", "三有"), ("王锦蛇", "三有"), ("黑眉锦蛇", "三有"))  # fmt: skip
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"


def write_wildlife_rescue(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "wildlife_rescue")
    animals = figure("forest.wildlife_animals_rescued")
    survival = common.FIGURES["forest.wildlife_survival_rate"].aim(0.035) / 100
    # per year: species, animals rescued, of which survived, animals reported but not rescued (none in
    # 2023: every report was rescued, as the rescue rate states)
    plan = {2022: (24, 61, 50, 2), 2023: (figure("forest.wildlife_species_rescued"), animals,
        math.ceil(animals * survival), 0)}  # fmt: skip
    for year, (n_species, rescued, survived, missed) in plan.items():
        species = [SPECIES[int(i)] for i in rng.choice(len(SPECIES), n_species, replace=False)]
        records = species + [species[int(i)] for i in rng.choice(n_species, 12, replace=True)]
        counts = _split(rng, rescued, len(records), minimum=1)
        dead = rescued - survived
        dates = sorted(_day(rng, date(year, 1, 3), _year_end(year)) for _ in records)
        rows = []
        for n, ((name, cls), count, day) in enumerate(zip(records, counts, dates, strict=True), 1):
            died = min(dead, count if rng.random() < 0.35 else 0)
            dead -= died
            outcome = "死亡" if died == count else ("救治中" if day > date(year, 11, 1) else "放归")
            place = NAMES[int(rng.integers(len(NAMES)))]
            rows.append(dict(rescue_code=f"JH{year}-{n:03d}",
                received_on=common.messy_date(day, rng, 0.15, 0.15), district=_label(place, rng, 0.1),
                species=name, protection_class=cls, animals_reported=count + (n <= missed),
                animals_rescued=common.messy_number(count, rng, 0.1, 0.05), animals_survived=count - died,
                outcome=outcome, reporter_name=SURNAMES[int(rng.integers(len(SURNAMES)))] + "先生",
                reporter_phone=f"139{int(rng.integers(10**7, 10**8))}"))  # fmt: skip
        if dead:
            raise AssertionError(f"{year}: {dead} deaths left unplaced")
        write_submission(out, "forestry_wildlife_rescue", f"野生动物收容救护登记簿_{year}.xlsx", rows,
            numbered=True, title=f"XX市野生动物收容救护登记簿（{year}年）")  # fmt: skip


# =========================================================================== alligator releases


def write_alligator_releases(out: Path) -> None:
    released = figure("forest.alligators_released")  # 2023's three releases share it
    shares = [round(released * s) for s in (0.43, 0.32)]
    releases = (
        (date(2021, 6, 8), "南陵县", "扬子鳄保护区南陵片", 18),
        (date(2022, 5, 20), "南陵县", "扬子鳄保护区南陵片", 16),
        (date(2022, 9, 14), "湾沚区", "陶辛水韵湿地", 14),
        (date(2023, 4, 26), "南陵县", "扬子鳄保护区南陵片", shares[0]),
        (date(2023, 6, 6), "湾沚区", "陶辛水韵湿地", shares[1]),
        (date(2023, 9, 21), "南陵县", "奎湖湿地公园", released - sum(shares)),
    )
    rows = [dict(release_code=f"YZE-{day.year}-{n:02d}", released_on=ExcelSerial(day) if n % 2 else day,
        district=common.district_alias(name) if n == 3 else name, site=site,
        alligators=common.to_fullwidth(count) if n == 5 else count, 备注="野外放归，佩戴电子标记") for n,
        (day, name, site, count) in enumerate(releases, 1)]  # fmt: skip
    write_submission(out, "forestry_alligator_releases", "扬子鳄野外放归记录_2023.xlsx", rows, numbered=True,
        title="XX市扬子鳄野外放归记录", labels={"alligators": "放归数量（条）"})  # fmt: skip
