"""Fishing-ban (长江十年禁渔) sample submissions: seeds/raw/fishing/<source>/ for registry/fishing.yml.

Sources written (file names carry the identity the registry reads: period, district, year or version):
  patrols/        patrol log per month, 2022-01 … 2023-11, one row per patrol (2023-05 resubmitted as _v2;
                  2023-07 states the water distance in 米; 2022-08 is a GBK CSV)
  cases/          case register per district since 2021, with offenders' personal data; joint-operation
                  cases appear in both districts' registers; 南陵县 resubmitted (_20231130 → _20231205);
                  无为市 states fines in 万元
  confiscations/  clean-up log per month (nets in 顶/张, a few in 米; boats in 艘)
  rosters/        staff form as of month end (2022-06, 2022-12, 2023-06, 2023-11), two-row header by level,
                  合计 row — the 2023-11 合计 miscounts one column
  equipment/      monitoring-equipment register, one row per device with install/removal dates
  publicity/      publicity register per year 2021–2023 (media, platforms, text messages, leaflets, adverts)

Only raw rows are written. Totals per year are chosen first and spread over detail rows, so the
pipeline's sums land where the report's figures are; every figure is left for the pipeline to compute.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from sample_generator import common
from sample_generator.common import District

DOMAIN = "fishing"
LAST_DAY = date(2023, 11, 30)  # the report was written from data through November 2023
MONTHS = [(y, m) for y in (2022, 2023) for m in range(1, 13) if date(y, m, 1) <= LAST_DAY]
DISTRICT_ORDER = ("镜湖区", "弋江区", "鸠江区", "湾沚区", "繁昌区", "南陵县", "无为市", "经济技术开发区")
# Riverside districts carry most of the enforcement work.
DISTRICT_WEIGHT = np.array([0.5, 0.9, 1.4, 0.8, 1.2, 0.7, 1.8, 0.6])
WATERS = ("长江干流", "漳河", "青弋江", "裕溪河", "黄浒河", "西河", "龙窝湖", "竹丝湖", "黑沙湖", "奎湖")
AGENCIES = ("渔政", "公安", "市场监管")


def generate(raw_dir: Path) -> None:
    out = common.reset_domain_dir(raw_dir, DOMAIN)
    districts = {d.name: d for d in common.load_districts()}
    write_patrols(out / "patrols", districts)
    write_cases(out / "cases", districts)
    write_confiscations(out / "confiscations", districts)
    write_rosters(out / "rosters", districts)
    write_equipment(out / "equipment", districts)
    write_publicity(out / "publicity", districts)


def _district_weights() -> np.ndarray:
    return DISTRICT_WEIGHT / DISTRICT_WEIGHT.sum()


def _label(district: str, districts: dict[str, District], rng: np.random.Generator, p: float = 0.08) -> str:
    return common.district_alias(districts[district], rng) if rng.random() < p else district


def _random_day(rng: np.random.Generator, first: date, last: date) -> date:
    return first + timedelta(int(rng.integers(0, (last - first).days + 1)))


def _spread(rng: np.random.Generator, total: int, weights: np.ndarray, minimum: int = 0) -> np.ndarray:
    """Integers ≥ minimum, proportional to weights, summing exactly to total."""
    base = np.full(len(weights), minimum)
    return base + rng.multinomial(total - minimum * len(weights), weights / weights.sum())


# =========================================================================== patrols

# year -> (joint patrols, single-agency patrols, staff-, vehicle-, boat-times, km×10); 2023 = Jan–Nov
PATROL_PLAN = {
    2022: (566, 1510, 55870, 14120, 2264, 541_460),
    2023: (533, 1388, 53418, 13462, 2371, 538_205),
}
PATROL_METRES_MONTH = (2023, 7)  # this month's log states the water distance in 米
PATROL_CSV_MONTH = (2022, 8)  # exported as GBK CSV
PATROL_RESUBMITTED = (2023, 5)  # the first file double-counted two patrols' staff; a _v2 followed


def patrol_rows(rng: np.random.Generator) -> list[dict]:
    rows = []
    for year, (n_joint, n_single, staff, vehicles, boats, km10) in PATROL_PLAN.items():
        last = LAST_DAY if year == 2023 else date(year, 12, 31)
        n = n_joint + n_single
        joint = np.array([True] * n_joint + [False] * n_single)
        rng.shuffle(joint)
        dates = sorted(_random_day(rng, date(year, 1, 1), last) for _ in range(n))
        size = np.where(joint, 2.2, 1.0) * np.exp(rng.normal(0, 0.35, n))
        staff_v = _spread(rng, staff, size, minimum=3)
        vehicle_v = _spread(rng, vehicles, size, minimum=1)
        water = rng.random(n) < 0.8
        boat_v = _spread(rng, boats, size * water)
        km_v = _spread(rng, km10, size * water)
        for i, day in enumerate(dates):
            district = DISTRICT_ORDER[int(rng.choice(8, p=_district_weights()))]
            rows.append(
                {
                    "date": day,
                    "district": district,
                    "joint": bool(joint[i]),
                    "water": WATERS[int(rng.integers(len(WATERS)))],
                    "lead": "渔政" if joint[i] or rng.random() < 0.7 else "公安",
                    "staff": int(staff_v[i]),
                    "vehicles": int(vehicle_v[i]),
                    "boats": int(boat_v[i]),
                    "km": km_v[i] / 10,
                }
            )
    return rows


def write_patrols(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "patrols")
    mess = common.rng_for(DOMAIN, "patrols-mess")
    by_month: dict[tuple[int, int], list[dict]] = {}
    for row in patrol_rows(rng):
        by_month.setdefault((row["date"].year, row["date"].month), []).append(row)
    for y, m in MONTHS:
        patrols = by_month.get((y, m), [])
        metres = (y, m) == PATROL_METRES_MONTH
        header = [
            "序号",
            "巡查编号",
            "巡查日期",
            "县区",
            "巡查水域",
            "巡查方式",
            "牵头单位",
            "出动人员（人次）",
            "出动车辆（辆次）",
            "出动船艇（艘次）",
            "水上巡查里程（米）" if metres else "水上巡查里程（公里）",
        ]
        cells = []
        for k, p in enumerate(patrols, 1):
            km = round(p["km"] * 1000) if metres else p["km"]
            cells.append(
                [
                    k,
                    f"XC{y}{m:02d}-{k:04d}",
                    common.messy_date(p["date"], mess, 0.08, 0.08),
                    _label(p["district"], districts, mess),
                    p["water"],
                    "联合执法" if p["joint"] else "单独巡查",
                    p["lead"],
                    common.messy_number(p["staff"], mess),
                    common.messy_number(p["vehicles"], mess),
                    p["boats"] or None,
                    common.messy_number(km, mess, 0.03, 0.02) if km else None,
                ]
            )
        title = f"XX市长江禁捕执法巡查台账（{y}年{m}月）"
        name = f"禁捕执法巡查台账_{y}{m:02d}"
        if (y, m) == PATROL_CSV_MONTH:
            common.write_csv(
                folder / f"{name}.csv", header[1:], [c[1:] for c in cells], encoding="gbk", title=title
            )
            continue
        if (y, m) == PATROL_RESUBMITTED:
            first = [list(c) for c in cells]
            for c in first[:2]:
                c[7] = common.cell_number(c[7]) * 2
            common.write_form_xlsx(folder / f"{name}.xlsx", "巡查台账", header, first, title=title)
            name += "_v2"
        common.write_form_xlsx(
            folder / f"{name}.xlsx",
            "巡查台账",
            header,
            cells,
            title=title,
            subtitle="填报单位：市农业农村局渔政执法支队",
        )


# =========================================================================== cases

# year -> (administrative, of which angling, criminal, fines of administrative cases in 元); 2023 = Jan–Nov
CASE_PLAN = {
    2021: (402, 288, 47, 236_400),
    2022: (598, 463, 61, 351_700),
    2023: (566, 468, 53, 325_600),
}
JOINT_DUPLICATES = {2022: (10, 2), 2023: (12, 3)}  # cases also entered by a second district (admin, criminal)
FINE_CHOICES = {
    "违规垂钓": (100, 200, 200, 300, 500),
    "非法捕捞": (1000, 2000, 3000),
    "非法收购销售渔获物": (2000, 3000, 5000),
}
FINES_IN_WAN_YUAN = "无为市"
CASES_RESUBMITTED = "南陵县"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志文斌"
ID_AREA = ("340202", "340207", "340209", "340210", "340212", "340223", "340281", "340221")


def _fines(rng: np.random.Generator, kinds: list[str], total: int) -> list[int]:
    fines = [int(rng.choice(FINE_CHOICES[k])) for k in kinds]
    step = 100 if sum(fines) < total else -100
    while sum(fines) != total:  # nudge non-angling fines in 100 元 steps until the year adds up
        i = int(rng.integers(len(fines)))
        if kinds[i] != "违规垂钓" and fines[i] + step >= 1000:
            fines[i] += step
    return fines


def _person(rng: np.random.Generator, born_before: int) -> tuple[str, str]:
    name = SURNAMES[int(rng.integers(len(SURNAMES)))] + "".join(
        GIVEN[int(i)] for i in rng.integers(0, len(GIVEN), int(rng.integers(1, 3)))
    )
    born = date(int(rng.integers(1955, born_before)), int(rng.integers(1, 13)), int(rng.integers(1, 29)))
    body = f"{ID_AREA[int(rng.integers(len(ID_AREA)))]}{born:%Y%m%d}{int(rng.integers(100, 999))}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]
    return name, body + check


def case_rows(rng: np.random.Generator) -> list[dict]:
    cases = []
    for year, (n_admin, n_angling, n_criminal, fines_total) in CASE_PLAN.items():
        last = LAST_DAY if year == 2023 else date(year, 12, 31)
        admin_kinds = ["违规垂钓"] * n_angling + [
            "非法捕捞" if rng.random() < 0.8 else "非法收购销售渔获物" for _ in range(n_admin - n_angling)
        ]
        rng.shuffle(admin_kinds)
        fines = _fines(rng, admin_kinds, fines_total)
        records = [("行政", kind, fine) for kind, fine in zip(admin_kinds, fines, strict=True)]
        records += [("刑事", "非法捕捞", None)] * n_criminal
        for kind, violation, fine in records:
            name, id_number = _person(rng, 2003)
            angling = violation == "违规垂钓"
            cases.append(
                {
                    "date": _random_day(rng, date(year, 1, 1), last),
                    "district": DISTRICT_ORDER[int(rng.choice(8, p=_district_weights()))],
                    "kind": kind,
                    "violation": violation,
                    "fine": fine,
                    "agency": "公安"
                    if kind == "刑事"
                    else ("市场监管" if violation.startswith("非法收购") else "渔政"),
                    "name": name,
                    "id": id_number,
                    "joint": None,
                    "plate": None if angling else f"皖芜湖渔{int(rng.integers(10000, 99999))}",
                    "catch": None if angling and rng.random() < 0.6 else round(float(rng.gamma(2, 6)), 1),
                    "transferred": kind == "刑事",
                }
            )
    cases.sort(key=lambda c: c["date"])
    duplicates = []
    for year, (n_admin_dup, n_criminal_dup) in JOINT_DUPLICATES.items():
        pool = [c for c in cases if c["date"].year == year]
        chosen = [c for c in pool if c["kind"] == "行政"][:n_admin_dup] + [
            c for c in pool if c["kind"] == "刑事"
        ][:n_criminal_dup]
        for k, case in enumerate(chosen, 1):
            case["joint"] = f"LHXD-{year}-{k:03d}"
            partner = DISTRICT_ORDER[(DISTRICT_ORDER.index(case["district"]) + 1 + int(rng.integers(7))) % 8]
            duplicates.append(
                {**case, "district": partner, "date": case["date"] + timedelta(int(rng.integers(0, 3)))}
            )
    return sorted(cases + duplicates, key=lambda c: c["date"])


def write_cases(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "cases")
    mess = common.rng_for(DOMAIN, "cases-mess")
    rows = case_rows(rng)
    for district in DISTRICT_ORDER:
        mine = [c for c in rows if c["district"] == district]
        wan = district == FINES_IN_WAN_YUAN
        header = [
            "序号",
            "案件编号",
            "立案日期",
            "区县",
            "案件性质",
            "违法类型",
            "办案单位",
            "联合执法行动编号",
            "当事人姓名",
            "身份证号码",
            "船号或车牌号",
            "罚款金额（万元）" if wan else "罚款金额（元）",
            "涉案渔获物（公斤）",
            "移送司法机关",
        ]
        code = districts[district].code
        cells = []
        for k, c in enumerate(mine, 1):
            fine = (
                None
                if c["fine"] is None
                else (c["fine"] / 10000 if wan else common.messy_number(c["fine"], mess))
            )
            cells.append(
                [
                    k,
                    f"{code}-{c['date'].year}-{k:04d}",
                    common.messy_date(c["date"], mess),
                    _label(district, districts, mess),
                    c["kind"],
                    c["violation"],
                    c["agency"],
                    c["joint"],
                    c["name"],
                    c["id"],
                    c["plate"],
                    fine,
                    c["catch"],
                    c["transferred"],
                ]
            )
        name = f"禁捕执法案件登记台账_{district}"
        title = f"{district}长江禁捕执法案件登记台账（2021年以来）"
        if district == CASES_RESUBMITTED:
            earlier = [list(c) for c in cells[:-2]]  # the first register lacked the two latest cases
            for c in earlier:
                if c[4] == "行政" and common.cell_number(c[11]):
                    c[11] = (
                        common.cell_number(c[11]) + 1000
                    )  # a fine typed wrong, corrected in the resubmission
                    break
            common.write_form_xlsx(folder / f"{name}_20231130.xlsx", "案件台账", header, earlier, title=title)
        common.write_form_xlsx(folder / f"{name}_20231205.xlsx", "案件台账", header, cells, title=title)


# =========================================================================== confiscations

# (year, months) -> (nets 顶, nets 张, nets measured in 米 (rows, metres), 'three-no' boats, self-use boats)
CONFISCATION_PLAN = {
    (2022, tuple(range(1, 13))): (402, 231, (4, 2300), 97, 215),
    (2023, tuple(range(1, 10))): (318, 214, (3, 1850), 69, 344),
    (2023, (10, 11)): (61, 27, (1, 400), 11, 38),
}
CONFISCATION_CSV_MONTH = (2023, 2)


def confiscation_rows(rng: np.random.Generator) -> list[dict]:
    rows = []
    for (year, months), (ding, zhang, (n_metre_rows, metres), boats, self_use) in CONFISCATION_PLAN.items():
        first = date(year, months[0], 1)
        last = date(year, months[-1], calendar.monthrange(year, months[-1])[1])

        def add(item: str, total: int, unit: str, n_rows: int, first=first, last=last) -> None:
            for qty in _spread(rng, total, np.exp(rng.normal(0, 0.5, n_rows)), minimum=1):
                rows.append(
                    {
                        "date": _random_day(rng, first, last),
                        "item": item,
                        "qty": int(qty),
                        "unit": unit,
                        "district": DISTRICT_ORDER[int(rng.choice(8, p=_district_weights()))],
                    }
                )

        add("残留废弃网具", ding, "顶", max(1, ding // 9))
        add("残留废弃网具", zhang, "张", max(1, zhang // 7))
        add("残留废弃网具", metres, "米", n_metre_rows)
        add("涉渔三无船舶", boats, "艘", max(1, boats // 2))
        add("乡镇自用船舶纳管", self_use, "艘", max(1, self_use // 6))
    return sorted(rows, key=lambda r: r["date"])


def write_confiscations(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "confiscations")
    mess = common.rng_for(DOMAIN, "confiscations-mess")
    rows = confiscation_rows(rng)
    header = ["登记编号", "清理日期", "区县", "实施单位", "水域", "清理类别", "数量", "计量单位"]
    for y, m in MONTHS:
        mine = [r for r in rows if (r["date"].year, r["date"].month) == (y, m)]
        cells = [
            [
                f"QL{y}{m:02d}-{k:03d}",
                common.messy_date(r["date"], mess),
                _label(r["district"], districts, mess),
                "渔政" if r["item"] != "乡镇自用船舶纳管" else "乡镇人民政府",
                WATERS[int(mess.integers(len(WATERS)))],
                r["item"],
                common.messy_number(r["qty"], mess, 0.08, 0.05),
                r["unit"],
            ]
            for k, r in enumerate(mine, 1)
        ]
        title = f"XX市禁捕水域清理取缔台账（{y}年{m}月）"
        if (y, m) == CONFISCATION_CSV_MONTH:
            common.write_csv(
                folder / f"清理取缔台账_{y}{m:02d}.csv", header, cells, encoding="gbk", title=title
            )
        else:
            common.write_form_xlsx(
                folder / f"清理取缔台账_{y}{m:02d}.xlsx", "清理取缔台账", header, cells, title=title
            )


# =========================================================================== rosters

# period -> (enforcement staff, team members by level 市/县/镇, grid wardens by level 县/镇/村), city totals
ROSTER_PLAN = {
    (2022, 6): (149, (18, 96, 160), (24, 171, 498)),
    (2022, 12): (152, (20, 98, 164), (24, 176, 505)),
    (2023, 6): (155, (20, 100, 168), (24, 180, 516)),
    (2023, 11): (157, (21, 101, 169), (24, 182, 522)),
}
WRONG_TOTAL = ((2023, 11), 4)  # the 2023-11 form's 合计 miscounts 护鱼队伍/镇级 by +6
ROSTER_ALIAS_PERIOD = (2022, 6)


def write_rosters(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "rosters")
    columns = [
        "区县",
        "渔政执法人员（人）",
        ("护鱼队伍（人）", "市级"),
        ("护鱼队伍（人）", "县级"),
        ("护鱼队伍（人）", "镇级"),
        ("护鱼队伍（人）", "小计"),
        ("网格责任人（人）", "县级"),
        ("网格责任人（人）", "镇级"),
        ("网格责任人（人）", "村级"),
        ("网格责任人（人）", "小计"),
    ]
    city_team = np.zeros(8)
    city_team[DISTRICT_ORDER.index("鸠江区")] = 1  # the city-level team is based in 鸠江区
    for (y, m), (staff, team, wardens) in ROSTER_PLAN.items():
        w = _district_weights()
        per = [
            _spread(rng, staff, w, 8),
            _spread(rng, team[0], city_team),
            _spread(rng, team[1], w, 4),
            _spread(rng, team[2], w, 6),
            _spread(rng, wardens[0], w, 2),
            _spread(rng, wardens[1], w, 10),
            _spread(rng, wardens[2], w, 20),
        ]
        rows = []
        for j, name in enumerate(DISTRICT_ORDER):
            staff_j, t_city, t_county, t_town, w_county, w_town, w_village = (int(a[j]) for a in per)
            label = common.district_alias(districts[name]) if (y, m) == ROSTER_ALIAS_PERIOD else name
            rows.append(
                [
                    label,
                    staff_j,
                    t_city or None,
                    t_county,
                    common.to_fullwidth(t_town) if j == 2 else t_town,
                    t_city + t_county + t_town,
                    w_county,
                    w_town,
                    str(w_village),
                    w_county + w_town + w_village,
                ]
            )
        adjust = {WRONG_TOTAL[1]: 6} if (y, m) == WRONG_TOTAL[0] else None
        common.write_form_xlsx(
            folder / f"禁捕护渔力量统计表_{y}{m:02d}.xlsx",
            "力量统计",
            columns,
            rows,
            title=f"XX市长江禁捕护渔力量统计表（截至{y}年{m}月底）",
            subtitle="填报单位：市农业农村局渔政执法支队",
            total_columns=range(1, len(columns)),
            total_adjust=adjust,
            spacer_before_total=(y, m) == (2022, 12),
        )


# =========================================================================== equipment

# device type -> (in service on 2023-11-30, removed before then, installed by year weights)
EQUIPMENT_PLAN = {
    "监控点位": (47, 3, "DW"),
    "光电设备": (89, 6, "GD"),
    "共享海事雷达": (7, 0, "LD"),
    "小目标雷达": (5, 0, "XM"),
}


def write_equipment(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "equipment")
    mess = common.rng_for(DOMAIN, "equipment-mess")
    header = ["序号", "设备编号", "设备类型", "区县", "所在水域", "安装日期", "拆除日期", "权属"]
    rows = []
    for device_type, (active, removed, prefix) in EQUIPMENT_PLAN.items():
        first = date(2022, 3, 1) if device_type == "小目标雷达" else date(2020, 6, 1)
        for k in range(active + removed):
            installed = _random_day(rng, first, date(2023, 10, 31))
            gone = _random_day(rng, installed + timedelta(30), LAST_DAY) if k >= active else None
            district = DISTRICT_ORDER[int(rng.choice(8, p=_district_weights()))]
            rows.append(
                [
                    f"{prefix}{k + 1:03d}",
                    device_type,
                    _label(district, districts, mess),
                    WATERS[int(rng.integers(len(WATERS)))],
                    common.messy_date(installed, mess),
                    gone,
                    "海事部门共享" if device_type == "共享海事雷达" else "渔政自建",
                ]
            )
    rows.sort(key=lambda r: r[0])
    cells = [[k, *r] for k, r in enumerate(rows, 1)]
    title = "XX市禁渔监管设备台账"
    # The June register lacked the last nine devices; the December one is the register in force.
    common.write_form_xlsx(
        folder / "禁渔监管设备台账_20230630.xlsx", "设备台账", header, cells[:-9], title=title
    )
    common.write_form_xlsx(folder / "禁渔监管设备台账_20231205.xlsx", "设备台账", header, cells, title=title)


# =========================================================================== publicity

# channel -> unit, rows per year, totals per year (2023 = Jan–Nov)
PUBLICITY_PLAN = {
    "市级以上媒体": ("次", {2021: 41, 2022: 39, 2023: 36}),
    "政务平台": ("次", {2021: 47, 2022: 58, 2023: 53}),
    "提醒短信": ("条", {2021: 761_200, 2022: 589_400, 2023: 483_456}),
    "宣传材料": ("份", {2021: 61_500, 2022: 57_300, 2023: 52_380}),
    "公益广告": ("次", {2021: 880, 2022: 1_105, 2023: 1_236}),
}
PUBLICITY_ROWS = {"市级以上媒体": None, "政务平台": None, "提醒短信": 30, "宣传材料": 40, "公益广告": 25}
TOPICS = ("长江十年禁渔政策宣讲", "违规垂钓危害", "禁捕退捕渔民安置", "护渔志愿者招募", "禁渔执法成效")


def write_publicity(folder: Path, districts: dict[str, District]) -> None:
    rng = common.rng_for(DOMAIN, "publicity")
    mess = common.rng_for(DOMAIN, "publicity-mess")
    header = ["登记编号", "宣传日期", "区县", "宣传形式", "宣传内容", "数量", "计量单位"]
    for year in (2021, 2022, 2023):
        last = LAST_DAY if year == 2023 else date(year, 12, 31)
        entries = []
        for channel, (unit, totals) in PUBLICITY_PLAN.items():
            n_rows = PUBLICITY_ROWS[channel] or totals[year]
            amounts = _spread(rng, totals[year], np.exp(rng.normal(0, 0.4, n_rows)), minimum=1)
            for qty in amounts:
                city_wide = channel in ("市级以上媒体", "提醒短信")
                district = None if city_wide else DISTRICT_ORDER[int(rng.choice(8, p=_district_weights()))]
                entries.append((_random_day(rng, date(year, 1, 1), last), district, channel, int(qty), unit))
        entries.sort(key=lambda e: e[0])
        cells = []
        for k, (day, district, channel, qty, unit) in enumerate(entries, 1):
            amount = common.messy_number(qty, mess, 0.06, 0.04)
            if channel == "宣传材料" and mess.random() < 0.15:
                amount = f"约{qty}"  # written as approximate; the registry accepts 约 here
            cells.append(
                [
                    f"XC{year}-{k:04d}",
                    common.messy_date(day, mess),
                    _label(district, districts, mess) if district else None,
                    channel,
                    TOPICS[int(mess.integers(len(TOPICS)))],
                    amount,
                    unit,
                ]
            )
        common.write_form_xlsx(
            folder / f"禁渔宣传工作台账_{year}.xlsx",
            "宣传台账",
            header,
            cells,
            title=f"XX市长江禁渔宣传工作台账（{year}年）",
        )
