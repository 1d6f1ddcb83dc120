"""Soil and rural-environment sample submissions: seeds/raw/soil/<source>/ for every entry of
registry/soil.yml.

Sources written (file names carry the identity the registry reads: period, district or year):
  plot_surveys/                 construction-land plot survey register (plots back to 2019)
  villages/                     administrative-village sewage register, one file per district
                                (南陵县 as GBK CSV; 无为市 resubmitted as _v2, the first version differs)
  sewage_facility_inspections/  centralised rural sewage facility inspection records
  black_odorous_water/          rural black-odorous water-body list with treatment and acceptance dates
  scale_farms/                  scale livestock farm register with manure-facility status
  manure_monthly/               monthly manure produced / utilised form per district, 本月/累计 + 合计
                                (2023-08 合计 disagrees with its rows; 2023-10 resubmitted _报送20231110)
  manure_subsidies/             manure subsidy applications per year (amounts in 万元)
  fertilizer_demo_sites/        organic-fertiliser demonstration sites per pilot year
  rural_inspections/            unannounced rural environment inspections
  rural_reward_funds/           reward-in-lieu-of-subsidy allocations per year, with a 合计 row
  hazwaste_inspections/         hazardous-waste management checks per year
  hazwaste_cases/               hazardous-waste violation cases
  hazwaste_trainings/           medical / hazardous waste training sessions

Only raw rows are written: dated register entries and monthly detail rows. The counts are chosen so
the 2023 report's figures come out of the pipeline, but no cell holds a figure; 合计 rows and 累计
columns are only there to be checked.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np

from sample_generator import common
from sample_generator.common import District, ExcelSerial

DOMAIN = "soil"
LAST_DAY = date(2023, 11, 30)  # the report was written from data through November 2023
MONTHS = [(y, m) for y in (2022, 2023) for m in range(1, 13) if date(y, m, 1) <= LAST_DAY]
DISTRICT_ORDER = ("镜湖区", "弋江区", "鸠江区", "湾沚区", "繁昌区", "南陵县", "无为市", "经济技术开发区")
RURAL = DISTRICT_ORDER[:7]  # the development zone has no farms, pilots or rural reward funds


def generate(raw_dir: Path) -> None:
    out = common.reset_domain_dir(raw_dir, DOMAIN)
    districts = {d.name: d for d in common.load_districts()}
    write_plot_surveys(out / "plot_surveys", districts)
    write_villages(out / "villages", districts)
    write_facility_inspections(out / "sewage_facility_inspections")
    write_black_odorous_water(out / "black_odorous_water", districts)
    farms = write_scale_farms(out / "scale_farms", districts)
    write_manure_monthly(out / "manure_monthly", districts)
    write_manure_subsidies(out / "manure_subsidies", farms)
    write_demo_sites(out / "fertilizer_demo_sites")
    write_rural_inspections(out / "rural_inspections")
    write_reward_funds(out / "rural_reward_funds", districts)
    write_hazwaste_inspections(out / "hazwaste_inspections", districts)
    write_hazwaste_cases(out / "hazwaste_cases")
    write_trainings(out / "hazwaste_trainings")


def _day(rng: np.random.Generator, first: date, last: date) -> date:
    return first + timedelta(int(rng.integers(0, (last - first).days + 1)))


def _pick(rng: np.random.Generator, items):
    return items[int(rng.integers(len(items)))]


def _label(name: str, districts: dict[str, District], rng: np.random.Generator, p: float) -> str:
    """The district as a clerk writes it: now and then its old name."""
    return common.district_alias(districts[name]) if rng.random() < p else name


def _split_total(rng: np.random.Generator, total: int, n: int, low: int, high: int) -> list[int]:
    """n integers in [low, high] that add up to total."""
    values = rng.integers(low, high + 1, n)
    while (diff := total - int(values.sum())) != 0:
        i = int(rng.integers(n))
        step = 1 if diff > 0 else -1
        if low <= values[i] + step <= high:
            values[i] += step
    return [int(v) for v in values]


# =========================================================================== plot surveys

LAND_USES = (
    "居住用地", "居住用地", "中小学用地", "医疗卫生用地", "社会福利设施用地", "工业用地", "工业用地",
    "物流仓储用地", "商业服务业设施用地", "道路与交通设施用地", "公用设施用地", "绿地与广场用地",
)  # fmt: skip
FORMER_USES = (
    "化工厂",
    "机械厂",
    "印染厂",
    "电镀厂",
    "农药仓库",
    "砖瓦厂",
    "加油站",
    "船厂",
    "食品厂",
    "建材厂",
)
# (started from, started to, completed from, completed to or None while the survey runs, plots)
PLOT_GROUPS = (
    (date(2019, 3, 1), date(2021, 6, 30), date(2019, 6, 1), date(2021, 12, 20), 40),
    (date(2021, 10, 1), date(2021, 12, 31), date(2022, 1, 10), date(2022, 5, 31), 10),
    (date(2022, 1, 1), date(2022, 9, 30), date(2022, 3, 1), date(2022, 11, 30), 100),
    (date(2022, 8, 1), date(2022, 11, 15), date(2022, 12, 1), date(2022, 12, 31), 8),
    (date(2022, 8, 1), date(2022, 12, 31), date(2023, 1, 5), date(2023, 6, 30), 15),
    (date(2023, 1, 1), date(2023, 9, 30), date(2023, 2, 1), date(2023, 11, 30), 121),
    (date(2023, 6, 1), date(2023, 11, 25), None, None, 12),
)


def write_plot_surveys(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "plot_surveys")
    plots = []
    for start_from, start_to, done_from, done_to, count in PLOT_GROUPS:
        for _ in range(count):
            started = _day(rng, start_from, start_to)
            done = None
            if done_from is not None:
                done = _day(rng, max(done_from, started + timedelta(30)), done_to)
            plots.append((started, done))
    plots.sort(key=lambda plot: (plot[0], plot[1] or date.max))
    columns = ["序号", "地块编码", "地块名称", "区县", "占地面积（平方米）", "规划用途", "调查阶段",
               "调查启动日期", "报告完成日期", "评审通过日期", "调查结论"]  # fmt: skip
    rows = []
    per_year: dict[tuple[str, int], int] = {}
    for n, (started, done) in enumerate(plots, 1):
        name = _pick(rng, DISTRICT_ORDER)
        per_year[(name, started.year)] = per_year.get((name, started.year), 0) + 1
        code = f"DK{districts[name].code}{started.year}{per_year[(name, started.year)]:03d}"
        result = None
        stage = "第一阶段"
        reviewed = None
        if done is not None:
            u = rng.random()
            result = "超过管制值" if u < 0.03 else "超过筛选值" if u < 0.15 else "未超过筛选值"
            stage = "第一阶段" if result == "未超过筛选值" and rng.random() < 0.7 else "第二阶段"
            reviewed = done + timedelta(int(rng.integers(7, 45)))
            reviewed = reviewed if reviewed <= LAST_DAY else None
        area = int(rng.integers(30, 900)) * 100
        rows.append([
            n, code, f"原{_pick(rng, ('城东', '城南', '江北', '湾里', '三山', '荻港', '赭山', '高安'))}"
            f"{_pick(rng, FORMER_USES)}地块", _label(name, districts, rng, 0.08),
            common.messy_number(area, rng, 0.08, 0.05), _pick(rng, LAND_USES), stage,
            common.messy_date(started, rng, 0.15, 0.1),
            None if done is None else common.messy_date(done, rng, 0.15, 0.1),
            None if reviewed is None else common.messy_date(reviewed, rng, 0.1, 0.1), result,
        ])  # fmt: skip
    common.write_form_xlsx(
        folder / "建设用地土壤污染状况调查地块台账_20231205.xlsx",
        "地块台账",
        columns,
        rows,
        title="XX市建设用地土壤污染状况调查地块台账（截至2023年11月30日）",
        col_widths=[5, 16, 26, 12, 12, 18, 10, 12, 12, 12, 12],
    )


# =========================================================================== villages

VILLAGES_PER_DISTRICT = (38, 52, 96, 110, 88, 104, 120, 12)
VILLAGES_DONE_BEFORE_2023 = 153
VILLAGES_DONE_2023 = 87  # January–November 2023
VILLAGE_WORDS = tuple(a + b for a in "东西南北新和兴永长青白石龙凤金桃" for b in "塘湖山桥岗圩冲庄湾河")
TREATMENT_MODES = ("纳入城镇污水管网", "集中式处理设施", "分散式处理设施")
VILLAGE_FILES = {  # district → file-name suffixes, older first (the last one stands)
    "无为市": ["", "_v2"],
}
VILLAGES_LATE_IN_FIRST_VERSION = 3  # 无为市's first version left these 2023 completions out


def write_villages(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "villages")
    total = sum(VILLAGES_PER_DISTRICT)
    order = rng.permutation(total)
    done: dict[int, date] = {}
    for k, i in enumerate(order[: VILLAGES_DONE_BEFORE_2023 + VILLAGES_DONE_2023]):
        if k < VILLAGES_DONE_BEFORE_2023:
            year = int(
                rng.choice(
                    [2016, 2017, 2018, 2019, 2020, 2021, 2022], p=[0.04, 0.06, 0.1, 0.15, 0.2, 0.2, 0.25]
                )
            )
            done[int(i)] = _day(rng, date(year, 1, 1), date(year, 12, 31))
        else:
            done[int(i)] = _day(rng, date(2023, 1, 1), LAST_DAY)
    columns = ["序号", "乡镇（街道）", "行政村名称", "行政村代码", "区县", "治理方式", "完成治理日期", "备注"]
    first = 0
    for name, count in zip(DISTRICT_ORDER, VILLAGES_PER_DISTRICT, strict=True):
        district = districts[name]
        rows = []
        for v in range(count):
            index = first + v
            township = v // 12 + 1
            finished = done.get(index)
            if name == "湾沚区" and finished is not None:
                cell = ExcelSerial(finished)
            elif finished is not None:
                cell = common.messy_date(finished, rng, 0.1, 0.15)
            else:
                cell = _pick(rng, (None, None, "—"))
            rows.append([
                v + 1, f"{VILLAGE_WORDS[(township * 3 + first) % len(VILLAGE_WORDS)]}镇",
                f"{VILLAGE_WORDS[(index * 7) % len(VILLAGE_WORDS)]}村",
                f"{district.code}{township:03d}{v % 12 + 200:03d}",
                common.district_alias(district) if name == "繁昌区" else name,
                None if finished is None else _pick(rng, TREATMENT_MODES), cell,
                "已通过县级验收" if finished is not None and rng.random() < 0.2 else None,
            ])  # fmt: skip
        first += count
        label = common.district_alias(district) if name == "繁昌区" else name
        suffixes = VILLAGE_FILES.get(name, ["_20231205"])
        for n, suffix in enumerate(suffixes):
            this = [list(r) for r in rows]
            if n < len(suffixes) - 1:
                late = [r for r in this if isinstance(r[6], date | ExcelSerial | str) and _in_2023(r[6])]
                for r in late[:VILLAGES_LATE_IN_FIRST_VERSION]:
                    r[5], r[6] = None, None
            title = f"{label}行政村生活污水治理台账（截至2023年11月30日）"
            stem = f"农村生活污水治理行政村台账_{label}{suffix}"
            if name == "南陵县":
                common.write_csv(folder / f"{stem}.csv", columns, this, encoding="gbk", title=title)
            else:
                common.write_form_xlsx(
                    folder / f"{stem}.xlsx",
                    "行政村台账",
                    columns,
                    this,
                    title=title,
                    col_widths=[5, 12, 12, 16, 10, 18, 13, 16],
                )


def _in_2023(cell) -> bool:
    if isinstance(cell, ExcelSerial):
        return cell.value.year == 2023
    if isinstance(cell, date):
        return cell.year == 2023
    return cell.startswith("2023")


# =========================================================================== sewage facility inspections

FACILITIES_FIRST_INSPECTED = {2021: 12, 2022: 20, 2023: 20}  # facilities inspected for the first time
REINSPECTIONS = {2022: 8, 2023: 18}


def write_facility_inspections(folder: Path) -> None:
    rng = common.rng_for(DOMAIN, "sewage_facility_inspections")
    facilities = []
    records = []
    for year, count in FACILITIES_FIRST_INSPECTED.items():
        first = date(2021, 6, 1) if year == 2021 else date(year, 1, 1)
        last = LAST_DAY if year == 2023 else date(year, 12, 31) if year == 2021 else date(2022, 11, 30)
        for _ in range(count):
            k = len(facilities) + 1
            name = _pick(rng, RURAL[1:])
            facilities.append((f"WS{k:03d}", name, int(rng.integers(2, 30)) * 5))
            records.append((_day(rng, first, last), facilities[-1]))
        if year in REINSPECTIONS:
            earlier = facilities[: len(facilities) - count]
            for i in rng.choice(len(earlier), REINSPECTIONS[year], replace=False):
                records.append(
                    (_day(rng, date(year, 1, 1), min(LAST_DAY, date(year, 12, 31))), earlier[int(i)])
                )
    records.sort()
    columns = ["序号", "排查编号", "设施编号", "设施名称", "区县", "所在行政村", "设计规模（吨/日）",
               "排查日期", "运行状况", "主要问题"]  # fmt: skip
    rows = []
    for n, (day, (code, name, capacity)) in enumerate(records, 1):
        status = _pick(rng, ("正常运行",) * 6 + ("运行不正常", "停运"))
        rows.append([
            n, f"PC{day.year}-{n:03d}", code, f"{_pick(rng, VILLAGE_WORDS)}村污水处理站", name,
            f"{_pick(rng, VILLAGE_WORDS)}村", common.messy_number(capacity, rng, 0.1, 0.05),
            common.messy_date(day, rng, 0.1, 0.1), status,
            None if status == "正常运行"
            else _pick(rng, ("进水量不足", "设备故障", "管网破损", "无运维记录")),
        ])  # fmt: skip
    common.write_form_xlsx(
        folder / "集中式农村生活污水处理设施排查记录_20231205.xlsx",
        "排查记录",
        columns,
        rows,
        title="XX市集中式农村生活污水处理设施排查记录",
        col_widths=[5, 12, 9, 22, 10, 12, 12, 12, 10, 14],
    )


# =========================================================================== black-odorous water bodies

WATER_LISTS = (("国家监管清单", 18, date(2021, 3, 1), date(2021, 12, 31)),
               ("省级清单", 22, date(2021, 6, 1), date(2022, 6, 30)),
               ("市级清单", 20, date(2022, 1, 1), date(2023, 6, 30)))  # fmt: skip
TREATED_BEFORE_2023 = 20  # all accepted since
TREATED_2023 = 31
ACCEPTED_2023_OF_TREATED_2023 = 25


def write_black_odorous_water(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "black_odorous_water")
    bodies = []
    for level, count, first, last in WATER_LISTS:
        bodies += [(_day(rng, first, last), level) for _ in range(count)]
    bodies.sort()
    rows = []
    kinds = ("沟", "塘", "河", "渠")
    for n, (listed, level) in enumerate(bodies, 1):
        treated = accepted = None
        if n <= TREATED_BEFORE_2023:
            treated = _day(rng, listed + timedelta(90), date(2022, 12, 31))
            accepted = treated + timedelta(int(rng.integers(15, 60)))
        elif n <= TREATED_BEFORE_2023 + TREATED_2023:
            k = n - TREATED_BEFORE_2023
            if k <= ACCEPTED_2023_OF_TREATED_2023:
                treated = _day(rng, max(date(2023, 1, 1), listed + timedelta(60)), date(2023, 10, 10))
                accepted = min(treated + timedelta(int(rng.integers(15, 50))), LAST_DAY)
            else:
                treated = _day(rng, date(2023, 10, 15), LAST_DAY)
        name = _pick(rng, RURAL[1:])
        rows.append([
            n, f"HC{districts[name].code}{n:03d}", f"{_pick(rng, VILLAGE_WORDS)}{_pick(rng, kinds)}",
            _label(name, districts, rng, 0.1), level, common.messy_date(listed, rng, 0.15, 0.1),
            None if treated is None else common.messy_date(treated, rng, 0.15, 0.1),
            None if accepted is None else common.messy_date(accepted, rng, 0.15, 0.1),
            "治理中" if treated is None else "已治理待验收" if accepted is None else "已消除",
        ])  # fmt: skip
    columns = [
        "序号",
        "水体编号",
        "水体名称",
        "区县",
        "清单级别",
        "列入清单日期",
        "治理完成日期",
        "验收通过日期",
        "状态",
    ]
    common.write_form_xlsx(
        folder / "农村黑臭水体清单_20231205.xlsx",
        "黑臭水体清单",
        columns,
        rows,
        title="XX市农村黑臭水体清单及治理进展（截至2023年11月30日）",
        col_widths=[5, 14, 12, 12, 14, 13, 13, 13, 12],
    )


# =========================================================================== scale farms

SPECIES = ("生猪", "生猪", "生猪", "蛋鸡", "肉鸡", "肉牛", "肉鸭", "湖羊")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡"
GIVEN = ("建国", "志强", "海峰", "玉兰", "春生", "德明", "秀英", "立新", "长江", "桂芳")
SCALE_FARMS = 85
LARGE_FARMS = 22
EQUIPPED_IN_2023 = 4


def write_scale_farms(folder: Path, districts: dict[str, District]) -> list[tuple[str, str, str]]:
    rng = common.rng_for(DOMAIN, "scale_farms")
    farms = []
    for n in range(1, SCALE_FARMS + 1):
        name = RURAL[int(rng.choice(7, p=[0.02, 0.08, 0.15, 0.17, 0.17, 0.2, 0.21]))]
        filed = _day(rng, date(2012, 1, 1), date(2023, 6, 30))
        if filed < date(2022, 6, 1):
            equipped = _day(rng, max(filed, date(2017, 1, 1)), date(2022, 10, 31))
        else:
            equipped = filed + timedelta(int(rng.integers(0, 60)))
        farms.append([n, f"XQ{districts[name].code}{n:03d}", name, filed, equipped])
    late = rng.choice(SCALE_FARMS, EQUIPPED_IN_2023, replace=False)
    for i in late:
        farms[int(i)][4] = _day(rng, max(farms[int(i)][3], date(2023, 3, 1)), date(2023, 9, 30))
    large = set(int(i) for i in rng.choice(SCALE_FARMS, LARGE_FARMS, replace=False))
    columns = ["序号", "养殖场编号", "养殖场名称", "区县", "负责人", "联系电话", "畜种", "大型规模养殖场",
               "备案日期", "粪污处理设施装备配套", "配套完成日期"]  # fmt: skip
    rows = []
    out = []
    for i, (n, code, name, filed, equipped) in enumerate(farms):
        species = _pick(rng, SPECIES)
        farm_name = f"XX{_pick(rng, VILLAGE_WORDS)}{species}养殖{'场' if rng.random() < 0.6 else '有限公司'}"
        out.append((code, farm_name, name))
        rows.append([
            n, code, farm_name, _label(name, districts, rng, 0.1),
            f"{_pick(rng, SURNAMES)}{_pick(rng, GIVEN)}", f"139{int(rng.integers(10**7, 10**8))}", species,
            "是" if i in large else "否", common.messy_date(filed, rng, 0.15, 0.1),
            "是", common.messy_date(equipped, rng, 0.15, 0.1),
        ])  # fmt: skip
    common.write_form_xlsx(
        folder / "规模养殖场粪污处理设施台账_2023.xlsx",
        "规模养殖场",
        columns,
        rows,
        title="XX市规模养殖场粪污处理设施装备配套台账（2023年）",
        col_widths=[5, 14, 28, 10, 8, 13, 7, 10, 12, 12, 12],
    )
    return out


# =========================================================================== manure monthly form

MANURE_BASE = (900, 1600, 3200, 5600, 4800, 6900, 8800, 160)  # tonnes per month, by district
UTILISATION_2023 = 0.9065  # aimed on January–November 2023 as a whole, never written
UTILISATION_2022 = 0.884
MANURE_WRONG_TOTAL = ((2023, 8), 4, 60)  # this month's 合计 row overstates utilised 本月 by 60 t
MANURE_FILES = {(2023, 10): ["", "_报送20231110"]}  # older first; the earlier one over-reported 无为市
MANURE_EARLIER_EXTRA = ("无为市", 500)
MANURE_ALIAS_MONTHS = {(2022, m) for m in range(1, 5)} | {(2023, 2)}


def manure_cells(rng: np.random.Generator) -> dict[tuple[int, int], np.ndarray]:
    """(year, month) → array (districts, 2): produced, utilised 本月 in whole tonnes."""
    out = {}
    for year, ratio in ((2022, UTILISATION_2022), (2023, UTILISATION_2023)):
        months = [m for (y, m) in MONTHS if y == year]
        produced = np.array([[round(b * rng.uniform(0.85, 1.15)) for b in MANURE_BASE] for _ in months])
        utilised = np.floor(produced * rng.uniform(ratio - 0.04, ratio + 0.04, produced.shape)).astype(int)
        utilised = np.minimum(utilised, produced)
        target = round(int(produced.sum()) * ratio)
        while (diff := target - int(utilised.sum())) != 0:
            j, d = int(rng.integers(len(months))), int(rng.integers(len(MANURE_BASE)))
            if diff > 0:
                utilised[j, d] += min(produced[j, d] - utilised[j, d], diff, 40)
            else:
                utilised[j, d] -= min(utilised[j, d], -diff, 40)
        for j, m in enumerate(months):
            out[(year, m)] = np.stack([produced[j], utilised[j]], axis=1)
    return out


def write_manure_monthly(folder: Path, districts: dict[str, District]) -> None:
    cells = manure_cells(common.rng_for(DOMAIN, "manure_monthly"))
    mess = common.rng_for(DOMAIN, "manure_monthly-mess")
    columns = ["序号", "区县", ("粪污产生量（吨）", "本月"), ("粪污产生量（吨）", "累计"),
               ("粪污资源化利用量（吨）", "本月"), ("粪污资源化利用量（吨）", "累计")]  # fmt: skip
    ytd = np.zeros((len(DISTRICT_ORDER), 2), int)
    for y, m in MONTHS:
        if m == 1:
            ytd[:] = 0
        ytd += cells[(y, m)]
        suffixes = MANURE_FILES.get((y, m), [""])
        for n, suffix in enumerate(suffixes):
            month, running = cells[(y, m)].copy(), ytd.copy()
            if n < len(suffixes) - 1:
                j = DISTRICT_ORDER.index(MANURE_EARLIER_EXTRA[0])
                month[j, 1] += MANURE_EARLIER_EXTRA[1]
                running[j, 1] += MANURE_EARLIER_EXTRA[1]
            rows = []
            for j, name in enumerate(DISTRICT_ORDER):
                alias = (y, m) in MANURE_ALIAS_MONTHS and name in ("繁昌区", "湾沚区", "经济技术开发区")
                rows.append([
                    j + 1, common.district_alias(districts[name]) if alias else name,
                    common.messy_number(int(month[j, 0]), mess, 0.05, 0.03),
                    common.messy_number(int(running[j, 0]), mess, 0.05, 0.03),
                    common.messy_number(int(month[j, 1]), mess, 0.05, 0.03),
                    common.messy_number(int(running[j, 1]), mess, 0.05, 0.03),
                ])  # fmt: skip
            wrong = (y, m) == MANURE_WRONG_TOTAL[0]
            common.write_form_xlsx(
                folder / f"畜禽粪污产生与利用月报表_{y}{m:02d}{suffix}.xlsx",
                "月报表",
                columns,
                rows,
                title=f"XX市畜禽粪污产生与资源化利用情况月报表（{y}年{m}月）",
                subtitle="填报单位：市农业农村局畜牧兽医科",
                total_columns=range(2, 6),
                total_label_col=1,
                total_first=(y, m) in {(2022, 5), (2023, 3)},
                total_adjust={MANURE_WRONG_TOTAL[1]: MANURE_WRONG_TOTAL[2]} if wrong else None,
                spacer_before_total=m % 5 == 0,
                col_widths=[5, 14, 10, 10, 10, 10],
            )


# =========================================================================== manure subsidies

SUBSIDIES = {
    2022: (21, 98, date(2022, 4, 1), date(2022, 10, 31)),
    2023: (26, 130, date(2023, 3, 1), date(2023, 10, 31)),
}


def write_manure_subsidies(folder: Path, farms: list[tuple[str, str, str]]) -> None:
    rng = common.rng_for(DOMAIN, "manure_subsidies")
    columns = ["序号", "申报编号", "养殖场编号", "养殖场名称", "区县", "申报日期", "奖补金额（万元）"]
    for year, (count, total_wan, first, last) in SUBSIDIES.items():
        chosen = sorted(int(i) for i in rng.choice(len(farms), count, replace=False))
        amounts = _split_total(rng, total_wan * 2, count, 6, 16)  # half-万元 steps: 3.0 … 8.0 万元
        rows = []
        for n, (i, halves) in enumerate(zip(chosen, amounts, strict=True), 1):
            code, name, district = farms[i]
            amount = halves / 2
            rows.append([
                n, f"JB{year}-{n:03d}", code, name, district,
                common.messy_date(_day(rng, first, last), rng, 0.2, 0.1),
                common.messy_number(int(amount) if amount.is_integer() else amount, rng, 0.1, 0.08),
            ])  # fmt: skip
        common.write_form_xlsx(
            folder / f"畜禽粪污资源化利用奖补申报汇总表_{year}.xlsx",
            "奖补申报",
            columns,
            rows,
            title=f"XX市{year}年畜禽粪污资源化利用奖补项目申报汇总表",
            col_widths=[5, 12, 14, 28, 10, 12, 14],
        )


# =========================================================================== organic-fertiliser demo sites

DEMO_SITES = {2022: (1, 2, 2, 1, 2, 2, 2), 2023: (2, 3, 2, 4, 3, 3, 2)}  # per rural district, by pilot year
CROPS = ("水稻", "小麦", "油菜", "蔬菜", "茶叶", "果树")


def write_demo_sites(folder: Path) -> None:
    rng = common.rng_for(DOMAIN, "fertilizer_demo_sites")
    columns = ["序号", "示范点编号", "示范点名称", "区县", "示范作物", "示范面积（亩）", "建立日期"]
    for year, counts in DEMO_SITES.items():
        rows = []
        for name, count in zip(RURAL, counts, strict=True):
            for _ in range(count):
                n = len(rows) + 1
                area = int(rng.integers(10, 60)) * 10
                rows.append([
                    n, f"YJF{year}-{n:02d}", f"{_pick(rng, VILLAGE_WORDS)}有机肥替代化肥示范点", name,
                    _pick(rng, CROPS), f"约{area}" if rng.random() < 0.2 else area,
                    common.messy_date(_day(rng, date(year, 3, 1), date(year, 9, 30)), rng, 0.2, 0.1),
                ])  # fmt: skip
        common.write_form_xlsx(
            folder / f"有机肥补贴试点示范点名单_{year}.xlsx",
            "示范点",
            columns,
            rows,
            title=f"{year}年度XX市有机肥补贴试点示范点名单",
            col_widths=[5, 12, 30, 10, 9, 12, 12],
        )


# =========================================================================== rural environment inspections

RURAL_INSPECTIONS = {2022: 7, 2023: 9}


def write_rural_inspections(folder: Path) -> None:
    rng = common.rng_for(DOMAIN, "rural_inspections")
    columns = ["序号", "督查编号", "督查日期", "督查区县", "督查形式", "发现问题（个）", "备注"]
    rows = []
    for year, count in RURAL_INSPECTIONS.items():
        last = LAST_DAY if year == 2023 else date(2022, 11, 30)
        days = sorted(_day(rng, date(year, 2, 15), last) for _ in range(count))
        for k, day in enumerate(days, 1):
            rows.append([
                len(rows) + 1, f"DC{year}-{k:02d}", common.messy_date(day, rng, 0.2, 0.2), _pick(rng, RURAL),
                "暗访", common.messy_number(int(rng.integers(3, 25)), rng, 0.1, 0.1), "清洁城乡、美化家园",
            ])  # fmt: skip
    rows.insert(5, None)  # a blank line the clerk left between the years
    common.write_form_xlsx(
        folder / "农村环境整治督查暗访记录_20231205.xlsx",
        "督查暗访",
        columns,
        rows,
        title="XX市农村环境整治“清洁城乡、美化家园”督查暗访记录",
        col_widths=[5, 12, 12, 12, 9, 12, 22],
    )


# =========================================================================== reward-in-lieu-of-subsidy funds

REWARD_BATCHES = {  # year → (document number, allocation date, 万元 over the rural districts)
    2022: (("X财农〔2022〕58号", date(2022, 5, 16), 480), ("X财农〔2022〕171号", date(2022, 11, 8), 420),
           ("X财农〔2022〕205号", date(2022, 12, 20), 280)),
    2023: (("X财农〔2023〕62号", date(2023, 4, 18), 600), ("X财农〔2023〕149号", date(2023, 9, 20), 450)),
}  # fmt: skip


def write_reward_funds(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "rural_reward_funds")
    columns = ["序号", "下达文号", "区县", "下达日期", "下达金额（万元）"]
    for year, batches in REWARD_BATCHES.items():
        rows = []
        for document, day, total in batches:
            for name, amount in zip(RURAL, _split_total(rng, total, len(RURAL), 30, 120), strict=True):
                rows.append([
                    len(rows) + 1, document, _label(name, districts, rng, 0.1),
                    ExcelSerial(day) if year == 2022 else day, common.messy_number(amount, rng, 0.1, 0.1),
                ])  # fmt: skip
        common.write_form_xlsx(
            folder / f"农村环境整治以奖代补资金下达表_{year}.xlsx",
            "资金下达",
            columns,
            rows,
            title=f"XX市{year}年度农村环境整治以奖代补资金下达情况表",
            total_columns=[4],
            total_label_col=2,
            col_widths=[5, 20, 12, 12, 14],
        )


# =========================================================================== hazardous waste

HAZWASTE_CHECKS = {2022: (88, 88, 290), 2023: (97, 95, 318)}  # checks, enterprises, problems found
TRADE_NAMES = tuple(a + b for a in "华恒长鑫振皖瑞金东新中宏永安康泰" for b in "源达江盛昌和")
HAZWASTE_INDUSTRIES = ("化工", "电镀", "汽车零部件", "医药", "电子", "表面处理", "环保科技", "再生资源")


def write_hazwaste_inspections(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "hazwaste_inspections")
    names = list(TRADE_NAMES)
    rng.shuffle(names)
    pool = []
    for k, stem in enumerate(names[:120]):
        code = "91340200" + "".join(str(int(d)) for d in rng.integers(0, 10, 10))
        kind = "经营单位" if k % 9 == 0 else "产废单位"
        pool.append(
            (code, f"XX{stem}{_pick(rng, HAZWASTE_INDUSTRIES)}有限公司", _pick(rng, DISTRICT_ORDER), kind)
        )
    columns = ["序号", "检查编号", "统一社会信用代码", "企业名称", "区县", "单位类别", "检查日期",
               "发现问题（个）", "已整改问题（个）"]  # fmt: skip
    for year, (checks, enterprises, problems) in HAZWASTE_CHECKS.items():
        chosen = [pool[int(i)] for i in rng.choice(len(pool), enterprises, replace=False)]
        visits = chosen + chosen[: checks - enterprises]  # a few enterprises were checked twice
        found = _split_total(rng, problems, checks, 0, 8)
        days = sorted(_day(rng, date(year, 4, 1), date(year, 11, 20)) for _ in visits)
        rows = []
        for n, ((code, name, district, kind), day, k) in enumerate(zip(visits, days, found, strict=True), 1):
            fixed = k if rng.random() < 0.8 else int(rng.integers(0, k + 1))
            rows.append([
                n, f"WF{year}-{n:03d}", code, name, _label(district, districts, rng, 0.06), kind,
                common.messy_date(day, rng, 0.1, 0.1), common.messy_number(k, rng, 0.05, 0.05),
                common.messy_number(fixed, rng, 0.05, 0.05),
            ])  # fmt: skip
        common.write_form_xlsx(
            folder / f"危险废物规范化环境管理评估检查记录_{year}.xlsx",
            "检查记录",
            columns,
            rows,
            title=f"{year}年度XX市危险废物规范化环境管理评估检查情况",
            col_widths=[5, 11, 22, 30, 12, 10, 12, 12, 14],
        )


HAZWASTE_CASES = (
    ("2021-05-12", "繁昌区", "未按规定贮存危险废物"), ("2021-10-08", "鸠江区", "非法转移危险废物"),
    ("2022-03-22", "无为市", "未按规定申报危险废物"), ("2022-07-15", "经济技术开发区", "非法倾倒危险废物"),
    ("2022-11-02", "弋江区", "未按规定贮存危险废物"), ("2023-05-26", "湾沚区", "非法转移危险废物"),
    ("2023-09-13", "南陵县", "无许可证从事危险废物经营"),
)  # fmt: skip


def write_hazwaste_cases(folder: Path) -> None:
    rng = common.rng_for(DOMAIN, "hazwaste_cases")
    columns = [
        "序号",
        "案件编号",
        "立案日期",
        "区县",
        "当事人",
        "法定代表人",
        "违法类型",
        "罚款金额（元）",
        "办理状态",
    ]
    rows = []
    for n, (day, district, kind) in enumerate(HAZWASTE_CASES, 1):
        filed = date.fromisoformat(day)
        rows.append([
            n, f"X环罚〔{filed.year}〕{int(rng.integers(10, 99))}号", common.messy_date(filed, rng, 0.3, 0.3),
            district, f"XX{_pick(rng, TRADE_NAMES)}{_pick(rng, HAZWASTE_INDUSTRIES)}有限公司",
            f"{_pick(rng, SURNAMES)}{_pick(rng, GIVEN)}", kind,
            common.messy_number(int(rng.integers(5, 40)) * 10000, rng, 0.2, 0.1),
            "已结案" if filed.year < 2023 else "办理中",
        ])  # fmt: skip
    common.write_form_xlsx(
        folder / "涉危险废物环境违法案件台账_20231205.xlsx",
        "案件台账",
        columns,
        rows,
        title="XX市涉危险废物环境违法案件台账（2021年以来）",
        col_widths=[5, 18, 12, 14, 30, 10, 24, 14, 9],
    )


TRAININGS = (  # date, kind, title, participants as the organiser wrote them
    ("2022-06-21", "医疗废物", "2022年度医疗废物规范化环境管理培训", 210),
    ("2022-09-14", "危险废物", "2022年度危险废物规范化环境管理培训", "260"),
    ("2023-05-18", "医疗废物", "2023年度医疗废物规范化环境管理培训（第一期）", 150),
    ("2023-05-19", "医疗废物", "2023年度医疗废物规范化环境管理培训（第二期）", "120余"),
    ("2023-08-23", "危险废物", "2023年度危险废物规范化环境管理培训（产废单位）", "１５６"),
    ("2023-08-24", "危险废物", "2023年度危险废物规范化环境管理培训（经营单位）", 110),
)


def write_trainings(folder: Path) -> None:
    columns = ["序号", "培训编号", "培训日期", "培训类别", "培训名称", "参加人数（人）"]
    rows = [
        [
            n,
            f"PX{day[:4]}-{n:02d}",
            ExcelSerial(date.fromisoformat(day)) if n % 2 else day,
            kind,
            title,
            people,
        ]
        for n, (day, kind, title, people) in enumerate(TRAININGS, 1)
    ]
    common.write_form_xlsx(
        folder / "医疗废物和危险废物规范化环境管理培训记录_20231205.xlsx",
        "培训记录",
        columns,
        rows,
        title="XX市医疗废物、危险废物规范化环境管理培训情况",
        col_widths=[5, 11, 12, 10, 44, 12],
    )
