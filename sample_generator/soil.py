"""Soil and rural-environment sample submissions: seeds/raw/soil/<source>/ for registry/soil.yml.

Quirks kept on purpose: 南陵县's village register is a GBK CSV and 无为市 resubmitted its own as _v2 (the
first version left three 2023 completions out); the 2023-08 manure form's 合计 disagrees with its rows and
2023-10 was resubmitted (_报送20231110, the earlier file over-reported 无为市); subsidies and reward funds
are in 万元; a training's attendance is written 120余 and one in full-width digits.

What the report states is read from the figures table and aimed at by construction; no cell holds a
figure; 合计 rows and 累计 columns are only there to be checked.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np

from sample_generator import common
from sample_generator.common import DISTRICTS, ExcelSerial, aim, figure, write_submission

DOMAIN = "soil"
LAST_DAY = date(2023, 11, 30)  # the report was written from data through November 2023
MONTHS = [(y, m) for y in (2022, 2023) for m in range(1, 13) if date(y, m, 1) <= LAST_DAY]
NAMES = [d.name for d in DISTRICTS]
RURAL = [d.name for d in DISTRICTS if d.rural]
VILLAGE_WORDS = tuple(a + b for a in "东西南北新和兴永长青白石龙凤金桃" for b in "塘湖山桥岗圩冲庄湾河")
TRADE_NAMES = tuple(a + b for a in "华恒长鑫振皖瑞金东新中宏永安康泰" for b in "源达江盛昌和")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡"
GIVEN = ("建国", "志强", "海峰", "玉兰", "春生", "德明", "秀英", "立新", "长江", "桂芳")


def generate(raw_dir: Path) -> None:
    out = common.reset_domain_dir(raw_dir, DOMAIN).parent
    write_plot_surveys(out)
    write_villages(out)
    write_facility_inspections(out)
    write_black_odorous_water(out)
    write_manure_subsidies(out, write_scale_farms(out))
    for write in (write_manure_monthly, write_demo_sites, write_rural_inspections, write_reward_funds):
        write(out)
    write_hazwaste(out)
    write_trainings(out)


def _day(rng: np.random.Generator, first: date, last: date) -> date:
    return first + timedelta(int(rng.integers(0, (last - first).days + 1)))


def _pick(rng: np.random.Generator, items):
    return items[int(rng.integers(len(items)))]


def _label(name: str, rng: np.random.Generator, p: float) -> str:
    """The district as a clerk writes it: now and then its old name."""
    return common.district_alias(name) if rng.random() < p else name


def _split_total(rng: np.random.Generator, total: int, n: int, low: int, high: int) -> list[int]:
    """n integers in [low, high] that add up to total."""
    values = rng.integers(low, high + 1, n)
    while (diff := total - int(values.sum())) != 0:
        i, step = int(rng.integers(n)), 1 if diff > 0 else -1
        if low <= values[i] + step <= high:
            values[i] += step
    return [int(v) for v in values]


def _dated(rng: np.random.Generator, day: date | None, p_serial: float = 0.15, p_text: float = 0.1):
    return None if day is None else common.messy_date(day, rng, p_serial, p_text)


# =========================================================================== plot surveys

LAND_USES = ("居住用地", "居住用地", "中小学用地", "医疗卫生用地", "社会福利设施用地", "工业用地", "工业用地",
    "物流仓储用地", "商业服务业设施用地", "道路与交通设施用地", "公用设施用地", "绿地与广场用地")  # fmt: skip
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
PLACES = ("城东", "城南", "江北", "湾里", "三山", "荻港", "赭山", "高安")


def write_plot_surveys(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "plot_surveys")
    carried, running = 15, 12  # 2023's plots: surveys carried over from 2022, and those still running
    # (started from, started to, completed from, completed to — None while the survey runs, plots)
    groups = ((date(2019, 3, 1), date(2021, 6, 30), date(2019, 6, 1), date(2021, 12, 20), 40), (date(2021, 10,
        1), date(2021, 12, 31), date(2022, 1, 10), date(2022, 5, 31), 10), (date(2022, 1, 1), date(2022, 9,
        30), date(2022, 3, 1), date(2022, 11, 30), 100), (date(2022, 8, 1), date(2022, 11, 15), date(2022, 12,
        1), date(2022, 12, 31), 8), (date(2022, 8, 1), date(2022, 12, 31), date(2023, 1, 5), date(2023, 6,
        30), carried), (date(2023, 1, 1), date(2023, 9, 30), date(2023, 2, 1), date(2023, 11, 30),
        figure("soil.plots_surveyed") - carried - running), (date(2023, 6, 1), date(2023, 11, 25), None, None,
        running))  # fmt: skip
    plots = []
    for start_from, start_to, done_from, done_to, count in groups:
        for _ in range(count):
            started = _day(rng, start_from, start_to)
            done = done_from and _day(rng, max(done_from, started + timedelta(30)), done_to)
            plots.append((started, done))
    plots.sort(key=lambda plot: (plot[0], plot[1] or date.max))
    rows, per_year = [], {}
    for started, done in plots:
        name = _pick(rng, NAMES)
        per_year[(name, started.year)] = per_year.get((name, started.year), 0) + 1
        result, stage, reviewed = None, "第一阶段", None
        if done is not None:
            u = rng.random()
            result = "超过管制值" if u < 0.03 else "超过筛选值" if u < 0.15 else "未超过筛选值"
            stage = "第一阶段" if result == "未超过筛选值" and rng.random() < 0.7 else "第二阶段"
            reviewed = done + timedelta(int(rng.integers(7, 45)))
            reviewed = reviewed if reviewed <= LAST_DAY else None
        area = int(rng.integers(30, 900)) * 100
        code = f"DK{common.BY_NAME[name].code}{started.year}{per_year[(name, started.year)]:03d}"
        rows.append(dict(
            plot_code=code, plot_name=f"原{_pick(rng, PLACES)}{_pick(rng, FORMER_USES)}地块",
            district=_label(name, rng, 0.08), area_m2=common.messy_number(area, rng, 0.08, 0.05),
            planned_land_use=_pick(rng, LAND_USES), survey_stage=stage, started_on=_dated(rng, started),
            report_completed_on=_dated(rng, done), reviewed_on=_dated(rng, reviewed, 0.1), risk_result=result,
        ))  # fmt: skip
    write_submission(out, "soil_plot_surveys", "建设用地土壤污染状况调查地块台账_20231205.xlsx", rows,
        numbered=True, title="XX市建设用地土壤污染状况调查地块台账（截至2023年11月30日）",
        labels={"area_m2": "占地面积（平方米）"})  # fmt: skip


# =========================================================================== villages


def write_villages(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "villages")
    per_district = [int(rng.integers(40, 121)) if d.rural else 12 for d in DISTRICTS]
    while common.share_of(sum(per_district), "soil.rural_sewage_treatment_rate") is None:
        per_district[-1] += 1  # a register size for which a whole number of villages gives the rate
    total, done_2023 = sum(per_district), figure("soil.villages_sewage_done")
    done_total = common.share_of(total, "soil.rural_sewage_treatment_rate")
    order = rng.permutation(total)
    years, p = [2016, 2017, 2018, 2019, 2020, 2021, 2022], [0.04, 0.06, 0.1, 0.15, 0.2, 0.2, 0.25]
    done: dict[int, date] = {}
    for k, i in enumerate(order[:done_total]):
        if k < done_total - done_2023:
            year = int(rng.choice(years, p=p))
            done[int(i)] = _day(rng, date(year, 1, 1), date(year, 12, 31))
        else:
            done[int(i)] = _day(rng, date(2023, 1, 1), LAST_DAY)
    modes = ("纳入城镇污水管网", "集中式处理设施", "分散式处理设施")
    first = 0
    for district, count in zip(DISTRICTS, per_district, strict=True):
        label = common.district_alias(district) if district.name == "繁昌区" else district.name
        rows = []
        for v in range(count):
            township, finished = v // 12 + 1, done.get(first + v)
            if finished is None:
                cell = _pick(rng, (None, None, "—"))
            else:
                cell = (
                    ExcelSerial(finished) if district.name == "湾沚区" else _dated(rng, finished, 0.1, 0.15)
                )
            rows.append(dict(township=f"{VILLAGE_WORDS[(township * 3 + first) % len(VILLAGE_WORDS)]}镇",
                village_name=f"{VILLAGE_WORDS[((first + v) * 7) % len(VILLAGE_WORDS)]}村",
                village_code=f"{district.code}{township:03d}{v % 12 + 200:03d}", district=label,
                treatment_mode=finished and _pick(rng, modes), sewage_done_on=cell,
                备注="已通过县级验收" if finished is not None and rng.random() < 0.2 else None,
                ))  # fmt: skip
        first += count
        title = f"{label}行政村生活污水治理台账（截至2023年11月30日）"
        stem = f"农村生活污水治理行政村台账_{label}"
        if district.name == "无为市":  # the first version left three 2023 completions out
            late = [r for r in rows if r["sewage_done_on"] and _in_2023(r["sewage_done_on"])][:3]
            earlier = [
                {**r, "treatment_mode": None, "sewage_done_on": None} if r in late else r for r in rows
            ]
            write_submission(out, "soil_villages", f"{stem}.xlsx", earlier, title=title, numbered=True)
            stem += "_v2"
        else:
            stem += "_20231205"
        csv = district.name == "南陵县"
        write_submission(out, "soil_villages", f"{stem}.{'csv' if csv else 'xlsx'}", rows, title=title,
            numbered=True, csv_encoding="gbk" if csv else None)  # fmt: skip


def _in_2023(cell) -> bool:
    if isinstance(cell, ExcelSerial):
        return cell.value.year == 2023
    return cell.year == 2023 if isinstance(cell, date) else cell.startswith("2023")


# =========================================================================== sewage facility inspections


def write_facility_inspections(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "sewage_facility_inspections")
    first_inspected = {2021: 12, 2022: 20, 2023: figure("soil.rural_sewage_facilities_checked")}
    facilities, records = [], []
    for year, count in first_inspected.items():
        first = date(2021, 6, 1) if year == 2021 else date(year, 1, 1)
        last = {2021: date(2021, 12, 31), 2022: date(2022, 11, 30)}.get(year, LAST_DAY)
        for _ in range(count):
            facilities.append(
                (f"WS{len(facilities) + 1:03d}", _pick(rng, RURAL[1:]), int(rng.integers(2, 30)) * 5)
            )
            records.append((_day(rng, first, last), facilities[-1]))
        earlier = facilities[: len(facilities) - count]
        for i in rng.choice(len(earlier), {2022: 8, 2023: 18}.get(year, 0), replace=False):
            records.append((_day(rng, date(year, 1, 1), min(LAST_DAY, date(year, 12, 31))), earlier[int(i)]))
    records.sort()
    rows = []
    for n, (day, (code, name, capacity)) in enumerate(records, 1):
        status = _pick(rng, ("正常运行",) * 6 + ("运行不正常", "停运"))
        problem = (
            None if status == "正常运行" else _pick(rng, ("进水量不足", "设备故障", "管网破损", "无运维记录"))
        )
        rows.append(dict(inspection_no=f"PC{day.year}-{n:03d}", facility_code=code,
            facility_name=f"{_pick(rng, VILLAGE_WORDS)}村污水处理站", district=name,
            village_name=f"{_pick(rng, VILLAGE_WORDS)}村",
            design_capacity=common.messy_number(capacity, rng, 0.1, 0.05), inspected_on=_dated(rng, day, 0.1),
            operating_status=status, 主要问题=problem))  # fmt: skip
    write_submission(out, "soil_sewage_facility_inspections",
        "集中式农村生活污水处理设施排查记录_20231205.xlsx", rows,
        title="XX市集中式农村生活污水处理设施排查记录", numbered=True,
        labels={"design_capacity": "设计规模（吨/日）"})  # fmt: skip


# =========================================================================== black-odorous water bodies


def write_black_odorous_water(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "black_odorous_water")
    lists = (("国家监管清单", 18, date(2021, 3, 1), date(2021, 12, 31)),
        ("省级清单", 22, date(2021, 6, 1), date(2022, 6, 30)),
        ("市级清单", 20, date(2022, 1, 1), date(2023, 6, 30)))  # fmt: skip
    bodies = sorted(
        (_day(rng, first, last), level) for level, count, first, last in lists for _ in range(count)
    )
    before = 20  # treated, and since accepted, before 2023
    treated_2023 = figure("soil.rural_black_odorous_done")
    accepted_2023 = common.share_of(len(bodies), "soil.rural_black_odorous_elimination_rate") - before
    rows = []
    for n, (listed, level) in enumerate(bodies, 1):
        treated = accepted = None
        if n <= before:
            treated = _day(rng, listed + timedelta(90), date(2022, 12, 31))
            accepted = treated + timedelta(int(rng.integers(15, 60)))
        elif n - before <= accepted_2023:
            treated = _day(rng, max(date(2023, 1, 1), listed + timedelta(60)), date(2023, 10, 10))
            accepted = min(treated + timedelta(int(rng.integers(15, 50))), LAST_DAY)
        elif n - before <= treated_2023:
            treated = _day(rng, date(2023, 10, 15), LAST_DAY)
        name = _pick(rng, RURAL[1:])
        rows.append(dict(water_body_code=f"HC{common.BY_NAME[name].code}{n:03d}",
            water_body_name=f"{_pick(rng, VILLAGE_WORDS)}{_pick(rng, ('沟', '塘', '河', '渠'))}",
            district=_label(name, rng, 0.1), list_level=level, listed_on=_dated(rng, listed),
            treated_on=_dated(rng, treated), accepted_on=_dated(rng, accepted),
            状态="治理中" if treated is None else "已治理待验收" if accepted is None else "已消除",
            ))  # fmt: skip
    write_submission(out, "soil_black_odorous_water", "农村黑臭水体清单_20231205.xlsx", rows, numbered=True,
        title="XX市农村黑臭水体清单及治理进展（截至2023年11月30日）")  # fmt: skip


# =========================================================================== scale farms

SPECIES = ("生猪", "生猪", "生猪", "蛋鸡", "肉鸡", "肉牛", "肉鸭", "湖羊")


def write_scale_farms(out: Path) -> list[dict]:
    rng = common.rng_for(DOMAIN, "scale_farms")
    weights = rng.gamma(3.0, 1.0, len(RURAL))
    farms = []
    for n in range(1, 86):
        name = RURAL[int(rng.choice(len(RURAL), p=weights / weights.sum()))]
        filed = _day(rng, date(2012, 1, 1), date(2023, 6, 30))
        if filed < date(2022, 6, 1):
            equipped = _day(rng, max(filed, date(2017, 1, 1)), date(2022, 10, 31))
        else:
            equipped = filed + timedelta(int(rng.integers(0, 60)))
        farms.append(dict(farm_code=f"XQ{common.BY_NAME[name].code}{n:03d}", district=name, filed_on=filed,
            equipped_on=equipped))  # fmt: skip
    for i in rng.choice(len(farms), 4, replace=False):  # equipped only in 2023
        farms[i]["equipped_on"] = _day(rng, max(farms[i]["filed_on"], date(2023, 3, 1)), date(2023, 9, 30))
    large = set(int(i) for i in rng.choice(len(farms), 22, replace=False))
    rows = []
    for i, farm in enumerate(farms):
        species = _pick(rng, SPECIES)
        farm["farm_name"] = (
            f"XX{_pick(rng, VILLAGE_WORDS)}{species}养殖{'场' if rng.random() < 0.6 else '有限公司'}"
        )
        rows.append({**farm, "district": _label(farm["district"], rng, 0.1),
            "owner_name": f"{_pick(rng, SURNAMES)}{_pick(rng, GIVEN)}",
            "owner_phone": f"139{int(rng.integers(10**7, 10**8))}", "species": species,
            "is_large_scale": i in large, "filed_on": _dated(rng, farm["filed_on"]),
            "facility_equipped": True, "equipped_on": _dated(rng, farm["equipped_on"])})  # fmt: skip
    write_submission(out, "soil_scale_farms", "规模养殖场粪污处理设施台账_2023.xlsx", rows, numbered=True,
        title="XX市规模养殖场粪污处理设施装备配套台账（2023年）")  # fmt: skip
    return farms


# =========================================================================== manure monthly form


def manure_cells(rng: np.random.Generator) -> dict[tuple[int, int], np.ndarray]:
    """(year, month) → array (districts, 2): produced, utilised 本月 in whole tonnes."""
    base = [round(float(rng.gamma(3.0, 1500.0))) if d.rural else 160 for d in DISTRICTS]  # t a month
    out = {}
    for year, ratio in ((2022, 0.884), (2023, figure("soil.manure_utilization_rate") / 100)):
        months = [m for (y, m) in MONTHS if y == year]
        produced = np.array([[round(b * rng.uniform(0.85, 1.15)) for b in base] for _ in months])
        utilised = np.floor(produced * rng.uniform(ratio - 0.04, ratio + 0.04, produced.shape)).astype(int)
        utilised = np.minimum(utilised, produced)
        target = round(int(produced.sum()) * ratio)
        while (diff := target - int(utilised.sum())) != 0:
            j, d = int(rng.integers(len(months))), int(rng.integers(len(base)))
            if diff > 0:
                utilised[j, d] += min(produced[j, d] - utilised[j, d], diff, 40)
            else:
                utilised[j, d] -= min(utilised[j, d], -diff, 40)
        for j, m in enumerate(months):
            out[(year, m)] = np.stack([produced[j], utilised[j]], axis=1)
    return out


def write_manure_monthly(out: Path) -> None:
    cells = manure_cells(common.rng_for(DOMAIN, "manure_monthly"))
    mess = common.rng_for(DOMAIN, "manure_monthly-mess")
    ytd = np.zeros((len(DISTRICTS), 2), int)
    alias_months = {(2022, m) for m in range(1, 5)} | {(2023, 2)}
    for y, m in MONTHS:
        ytd = cells[(y, m)] + (0 if m == 1 else ytd)
        # 2023-10 was resubmitted: the earlier file over-reported 无为市's utilised manure
        versions = (("", 500), ("_报送20231110", 0)) if (y, m) == (2023, 10) else (("", 0),)
        for suffix, extra in versions:
            month, running = cells[(y, m)].copy(), ytd.copy()
            month[NAMES.index("无为市"), 1] += extra
            running[NAMES.index("无为市"), 1] += extra
            rows = []
            for j, d in enumerate(DISTRICTS):
                alias = (y, m) in alias_months and d.name in ("繁昌区", "湾沚区", "经济技术开发区")
                values = (month[j, 0], running[j, 0], month[j, 1], running[j, 1])
                rows.append(dict(zip(("manure_produced_month", "manure_produced_ytd", "manure_utilised_month",
                    "manure_utilised_ytd"), (common.messy_number(int(v), mess, 0.05, 0.03) for v in values),
                    strict=True), district=common.district_alias(d) if alias else d.name))  # fmt: skip
            write_submission(out, "soil_manure_monthly", f"畜禽粪污产生与利用月报表_{y}{m:02d}{suffix}.xlsx",
                rows, title=f"XX市畜禽粪污产生与资源化利用情况月报表（{y}年{m}月）", numbered=True,
                subtitle="填报单位：市农业农村局畜牧兽医科", with_total=True,
                total_first=(y, m) in {(2022, 5), (2023, 3)}, spacer_before_total=m % 5 == 0,
                total_adjust={"manure_utilised_month": 60} if (y, m) == (2023, 8) else None)  # fmt: skip


# =========================================================================== manure subsidies


def write_manure_subsidies(out: Path, farms: list[dict]) -> None:
    rng = common.rng_for(DOMAIN, "manure_subsidies")
    plan = {2022: (21, 980_000, date(2022, 4, 1), date(2022, 10, 31)),
        2023: (figure("soil.livestock_farms_applied"), figure("soil.livestock_subsidy"), date(2023, 3, 1),
        date(2023, 10, 31))}  # fmt: skip
    for year, (count, total_yuan, first, last) in plan.items():
        chosen = sorted(int(i) for i in rng.choice(len(farms), count, replace=False))
        halves = _split_total(rng, round(total_yuan / 5000), count, 6, 16)  # half-万元 steps: 3.0 … 8.0 万元
        rows = []
        for n, (i, half) in enumerate(zip(chosen, halves, strict=True), 1):
            amount = half / 2
            rows.append(dict(application_no=f"JB{year}-{n:03d}", **{k: farms[i][k] for k in ("farm_code",
                "farm_name", "district")}, applied_on=_dated(rng, _day(rng, first, last), 0.2),
                subsidy_amount=common.messy_number(int(amount) if amount.is_integer() else amount, rng, 0.1,
                0.08)))  # fmt: skip
        write_submission(out, "soil_manure_subsidies", f"畜禽粪污资源化利用奖补申报汇总表_{year}.xlsx", rows,
            numbered=True, title=f"XX市{year}年畜禽粪污资源化利用奖补项目申报汇总表",
            labels={"subsidy_amount": "奖补金额（万元）"})  # fmt: skip


# =========================================================================== organic-fertiliser demo sites


def write_demo_sites(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "fertilizer_demo_sites")
    fewest = figure("soil.fertilizer_demo_sites_min")  # every county has at least this many in 2023
    for year in (2022, 2023):
        rows = []
        for name in RURAL:
            for _ in range(fewest - (year == 2022) + int(rng.integers(0, 3))):
                n, area = len(rows) + 1, int(rng.integers(10, 60)) * 10
                rows.append(dict(site_code=f"YJF{year}-{n:02d}",
                    site_name=f"{_pick(rng, VILLAGE_WORDS)}有机肥替代化肥示范点", district=name,
                    crop=_pick(rng, ("水稻", "小麦", "油菜", "蔬菜", "茶叶", "果树")),
                    area_mu=f"约{area}" if rng.random() < 0.2 else area, established_on=_dated(rng, _day(rng,
                    date(year, 3, 1), date(year, 9, 30)), 0.2)))  # fmt: skip
        write_submission(out, "soil_fertilizer_demo_sites", f"有机肥补贴试点示范点名单_{year}.xlsx", rows,
            numbered=True, title=f"{year}年度XX市有机肥补贴试点示范点名单",
            labels={"area_mu": "示范面积（亩）"})  # fmt: skip


# =========================================================================== rural environment inspections


def write_rural_inspections(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "rural_inspections")
    rows: list[dict | None] = []
    for year, count in {2022: 7, 2023: figure("soil.rural_inspections")}.items():
        last = LAST_DAY if year == 2023 else date(2022, 11, 30)
        for k, day in enumerate(sorted(_day(rng, date(year, 2, 15), last) for _ in range(count)), 1):
            rows.append(dict(inspection_no=f"DC{year}-{k:02d}", inspected_on=_dated(rng, day, 0.2, 0.2),
                district=_pick(rng, RURAL), inspection_form="暗访",
                problems_found=common.messy_number(int(rng.integers(3, 25)), rng, 0.1, 0.1),
                备注="清洁城乡、美化家园"))  # fmt: skip
    rows.insert(5, None)  # a blank line the clerk left
    write_submission(out, "soil_rural_inspections", "农村环境整治督查暗访记录_20231205.xlsx", rows,
        numbered=True, title="XX市农村环境整治“清洁城乡、美化家园”督查暗访记录")  # fmt: skip


# =========================================================================== reward-in-lieu-of-subsidy funds


def write_reward_funds(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "rural_reward_funds")
    wan_2023 = round(figure("soil.rural_reward_funds") / 10000)
    batches = {  # year → (document number, allocation date, 万元 over the rural districts)
        2022: (("X财农〔2022〕58号", date(2022, 5, 16), 480), ("X财农〔2022〕171号", date(2022, 11, 8), 420),
               ("X财农〔2022〕205号", date(2022, 12, 20), 280)),
        2023: (("X财农〔2023〕62号", date(2023, 4, 18), round(wan_2023 * 4 / 7)),
               ("X财农〔2023〕149号", date(2023, 9, 20), wan_2023 - round(wan_2023 * 4 / 7))),
    }  # fmt: skip
    for year, plan in batches.items():
        rows = [dict(document_no=document, district=_label(name, rng, 0.1),
            allocated_on=ExcelSerial(day) if year == 2022 else day, amount=common.messy_number(amount, rng,
            0.1, 0.1)) for document, day, total in plan for name, amount in zip(RURAL, _split_total(rng,
            total, len(RURAL), 30, 120), strict=True)]  # fmt: skip
        write_submission(out, "soil_rural_reward_funds", f"农村环境整治以奖代补资金下达表_{year}.xlsx", rows,
            numbered=True, title=f"XX市{year}年度农村环境整治以奖代补资金下达情况表", with_total=True,
            labels={"amount": "下达金额（万元）"})  # fmt: skip


# =========================================================================== hazardous waste

INDUSTRIES = ("化工", "电镀", "汽车零部件", "医药", "电子", "表面处理", "环保科技", "再生资源")
VIOLATIONS = ("未按规定贮存危险废物", "非法转移危险废物", "未按规定申报危险废物", "非法倾倒危险废物",
    "无许可证从事危险废物经营")  # fmt: skip


def write_hazwaste(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "hazwaste_inspections")
    names = list(TRADE_NAMES)
    rng.shuffle(names)
    pool = [(f"91340200{''.join(str(int(d)) for d in rng.integers(0, 10, 10))}",
        f"XX{stem}{_pick(rng, INDUSTRIES)}有限公司", _pick(rng, NAMES),
        "经营单位" if k % 9 == 0 else "产废单位") for k, stem in enumerate(names[:120])]  # fmt: skip
    enterprises = figure("soil.hazwaste_enterprises_checked")
    plan = {2022: (88, 88, 290), 2023: (enterprises + 2, enterprises, figure("soil.hazwaste_problems_found"))}
    for year, (checks, n_enterprises, problems) in plan.items():
        chosen = [pool[int(i)] for i in rng.choice(len(pool), n_enterprises, replace=False)]
        visits = chosen + chosen[: checks - n_enterprises]  # a few enterprises were checked twice
        found = _split_total(rng, problems, checks, 0, 8)
        days = sorted(_day(rng, date(year, 4, 1), date(year, 11, 20)) for _ in visits)
        rows = []
        for n, ((code, name, district, kind), day, k) in enumerate(zip(visits, days, found, strict=True), 1):
            fixed = k if rng.random() < 0.8 else int(rng.integers(0, k + 1))
            rows.append(dict(check_no=f"WF{year}-{n:03d}", enterprise_code=code, enterprise_name=name,
                district=_label(district, rng, 0.06), enterprise_kind=kind, checked_on=_dated(rng, day, 0.1),
                problems_found=common.messy_number(k, rng, 0.05, 0.05),
                problems_rectified=common.messy_number(fixed, rng, 0.05, 0.05)))  # fmt: skip
        write_submission(out, "soil_hazwaste_inspections", f"危险废物规范化环境管理评估检查记录_{year}.xlsx",
            rows, numbered=True, title=f"{year}年度XX市危险废物规范化环境管理评估检查情况")  # fmt: skip
    rng = common.rng_for(DOMAIN, "hazwaste_cases")
    rows = []
    for year, count in {2021: 2, 2022: 3, 2023: figure("soil.hazwaste_cases")}.items():
        for filed in sorted(_day(rng, date(year, 2, 1), date(year, 10, 31)) for _ in range(count)):
            rows.append(dict(case_no=f"X环罚〔{year}〕{int(rng.integers(10, 99))}号",
                filed_on=_dated(rng, filed, 0.3, 0.3), district=NAMES[len(rows) % len(NAMES)],
                party_name=f"XX{_pick(rng, TRADE_NAMES)}{_pick(rng, INDUSTRIES)}有限公司",
                legal_representative=f"{_pick(rng, SURNAMES)}{_pick(rng, GIVEN)}",
                violation_type=_pick(rng, VIOLATIONS),
                fine=common.messy_number(int(rng.integers(5, 40)) * 10000, rng, 0.2, 0.1),
                办理状态="已结案" if year < 2023 else "办理中"))  # fmt: skip
    write_submission(out, "soil_hazwaste_cases", "涉危险废物环境违法案件台账_20231205.xlsx", rows,
        numbered=True, title="XX市涉危险废物环境违法案件台账（2021年以来）",
        labels={"fine": "罚款金额（元）"})  # fmt: skip


def write_trainings(out: Path) -> None:
    trainees = aim("soil.hazwaste_trainees", 0.6)  # 2023's sessions; one is written 余, as the organiser did
    shares = (0.28, 0.22, 0.29)
    people = [round(trainees * s) for s in shares]
    sessions = (
        ("2022-06-21", "医疗废物", "2022年度医疗废物规范化环境管理培训", 210),
        ("2022-09-14", "危险废物", "2022年度危险废物规范化环境管理培训", "260"),
        ("2023-05-18", "医疗废物", "2023年度医疗废物规范化环境管理培训（第一期）", people[0]),
        ("2023-05-19", "医疗废物", "2023年度医疗废物规范化环境管理培训（第二期）", f"{people[1]}余"),
        (
            "2023-08-23",
            "危险废物",
            "2023年度危险废物规范化环境管理培训（产废单位）",
            common.to_fullwidth(people[2]),
        ),
        ("2023-08-24", "危险废物", "2023年度危险废物规范化环境管理培训（经营单位）", trainees - sum(people)),
    )
    rows = [dict(training_no=f"PX{day[:4]}-{n:02d}",
        trained_on=ExcelSerial(date.fromisoformat(day)) if n % 2 else day, training_kind=kind,
        training_title=title, participants=count) for n, (day, kind, title, count) in enumerate(sessions,
        1)]  # fmt: skip
    write_submission(out, "soil_hazwaste_trainings", "医疗废物和危险废物规范化环境管理培训记录_20231205.xlsx",
        rows, numbered=True, title="XX市医疗废物、危险废物规范化环境管理培训情况",
        labels={"participants": "参加人数（人）"})  # fmt: skip
