"""Fishing-ban (长江十年禁渔) sample submissions: seeds/raw/fishing/<source>/ for registry/fishing.yml.

Quirks kept on purpose: 2023-05 patrols resubmitted as _v2 (the first file double-counted two patrols'
staff), 2023-07 patrols state the water distance in 米, 2022-08 patrols and 2023-02 clean-ups are GBK CSV;
joint-operation cases appear in two districts' registers, 南陵县 resubmitted its case register and 无为市
states fines in 万元; some nets are measured in 米; the 2023-11 roster's 合计 miscounts one column; the June
equipment register lacks the latest devices; some leaflet counts are written 约….

Totals per year are aimed at the report's figures (read from the figures table) and spread over
detail rows; every figure is left for the pipeline to compute.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from sample_generator import common
from sample_generator.common import DISTRICTS, aim, figure, write_submission

DOMAIN = "fishing"
LAST_DAY = date(2023, 11, 30)  # the report was written from data through November 2023
MONTHS = [(y, m) for y in (2022, 2023) for m in range(1, 13) if date(y, m, 1) <= LAST_DAY]
NAMES = [d.name for d in DISTRICTS]
WEIGHTS = common.rng_for(DOMAIN, "district-weights").gamma(4.0, 1.0, len(DISTRICTS))
WATERS = ("长江干流", "漳河", "青弋江", "裕溪河", "黄浒河", "西河", "龙窝湖", "竹丝湖", "黑沙湖", "奎湖")
# Activity of the years the report does not state, relative to January–November 2023.
YEAR_FACTOR = {2021: 0.72, 2022: 1.06, 2023: 1.0}


def generate(raw_dir: Path) -> None:
    out = common.reset_domain_dir(raw_dir, DOMAIN).parent
    for write in (write_patrols, write_cases, write_confiscations, write_rosters, write_equipment):
        write(out)
    write_publicity(out)


def _district(rng: np.random.Generator) -> str:
    return NAMES[int(rng.choice(len(NAMES), p=WEIGHTS / WEIGHTS.sum()))]


def _label(district: str, rng: np.random.Generator, p: float = 0.08) -> str:
    return common.district_alias(district, rng) if rng.random() < p else district


def _day(rng: np.random.Generator, first: date, last: date) -> date:
    return first + timedelta(int(rng.integers(0, (last - first).days + 1)))


def _spread(rng: np.random.Generator, total: int, weights: np.ndarray, minimum: int = 0) -> np.ndarray:
    """Integers ≥ minimum, proportional to weights, summing exactly to total."""
    return minimum + rng.multinomial(total - minimum * len(weights), weights / weights.sum())


def _year_end(year: int) -> date:
    return LAST_DAY if year == LAST_DAY.year else date(year, 12, 31)


# =========================================================================== patrols


def patrol_rows(rng: np.random.Generator) -> list[dict]:
    margins = {"joint_patrols": 0.33, "patrol_staff_times": 0.34, "patrol_vehicle_times": 0.46}
    plan = {c: aim(f"fish.{c}", m) for c, m in margins.items()}
    plan["boats"] = aim("fish.patrol_boat_times", 0.37)
    plan["km10"] = aim("fish.water_patrol_km", 0.38) * 10
    rows = []
    for year in (2022, 2023):
        n_joint, staff, vehicles, boats, km10 = (round(v * YEAR_FACTOR[year]) for v in plan.values())
        n = n_joint + round(n_joint * 2.6)
        joint = np.array([True] * n_joint + [False] * (n - n_joint))
        rng.shuffle(joint)
        dates = sorted(_day(rng, date(year, 1, 1), _year_end(year)) for _ in range(n))
        size = np.where(joint, 2.2, 1.0) * np.exp(rng.normal(0, 0.35, n))
        on_water = size * (rng.random(n) < 0.8)
        staff_v, vehicle_v = _spread(rng, staff, size, 3), _spread(rng, vehicles, size, 1)
        boat_v, km_v = _spread(rng, boats, on_water), _spread(rng, km10, on_water)
        for i, day in enumerate(dates):
            lead = "渔政" if joint[i] or rng.random() < 0.7 else "公安"
            rows.append(dict(patrol_date=day, district=_district(rng),
                water_body=WATERS[int(rng.integers(10))], patrol_mode="联合执法" if joint[i] else "单独巡查",
                lead_agency=lead, staff=int(staff_v[i]), vehicles=int(vehicle_v[i]),
                boats=int(boat_v[i]) or None, water_km=km_v[i] / 10))  # fmt: skip
    return rows


def write_patrols(out: Path) -> None:
    mess = common.rng_for(DOMAIN, "patrols-mess")
    by_month: dict[tuple[int, int], list[dict]] = {}
    for row in patrol_rows(common.rng_for(DOMAIN, "patrols")):
        by_month.setdefault((row["patrol_date"].year, row["patrol_date"].month), []).append(row)
    for y, m in MONTHS:
        metres = (y, m) == (2023, 7)
        rows = []
        for k, p in enumerate(by_month.get((y, m), []), 1):
            km = round(p["water_km"] * 1000) if metres else p["water_km"]
            rows.append({**p, "patrol_code": f"XC{y}{m:02d}-{k:04d}",
                "patrol_date": common.messy_date(p["patrol_date"], mess, 0.08, 0.08),
                "district": _label(p["district"], mess), "staff": common.messy_number(p["staff"], mess),
                "vehicles": common.messy_number(p["vehicles"], mess),
                "water_km": common.messy_number(km, mess, 0.03, 0.02) if km else None})  # fmt: skip
        name, title = f"禁捕执法巡查台账_{y}{m:02d}", f"XX市长江禁捕执法巡查台账（{y}年{m}月）"
        labels = {"district": "县区", "water_km": "水上巡查里程（米）" if metres else "水上巡查里程（公里）"}
        if (y, m) == (2022, 8):
            write_submission(
                out, "fishing_patrols", f"{name}.csv", rows, title=title, csv_encoding="gbk", labels=labels
            )
            continue
        if (y, m) == (2023, 5):
            first = [
                {**r, "staff": common.cell_number(r["staff"]) * 2} if k < 2 else r for k, r in enumerate(rows)
            ]
            write_submission(
                out, "fishing_patrols", f"{name}.xlsx", first, title=title, labels=labels, numbered=True
            )
            name += "_v2"
        write_submission(out, "fishing_patrols", f"{name}.xlsx", rows, title=title,
            subtitle="填报单位：市农业农村局渔政执法支队", labels=labels, numbered=True)  # fmt: skip


# =========================================================================== cases

FINE_CHOICES = {
    "违规垂钓": (100, 200, 200, 300, 500),
    "非法捕捞": (1000, 2000, 3000),
    "非法收购销售渔获物": (2000, 3000, 5000),
}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志文斌"
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)  # GB 11643 check-digit weights


def _fines(rng: np.random.Generator, kinds: list[str], total: int) -> list[int]:
    fines = [int(rng.choice(FINE_CHOICES[k])) for k in kinds]
    step = 100 if sum(fines) < total else -100
    while sum(fines) != total:  # nudge non-angling fines in 100 元 steps until the year adds up
        i = int(rng.integers(len(fines)))
        if kinds[i] != "违规垂钓" and fines[i] + step >= 1000:
            fines[i] += step
    return fines


def _person(rng: np.random.Generator) -> tuple[str, str]:
    name = SURNAMES[int(rng.integers(len(SURNAMES)))] + "".join(
        GIVEN[int(i)] for i in rng.integers(0, len(GIVEN), int(rng.integers(1, 3)))
    )
    born = date(int(rng.integers(1955, 2003)), int(rng.integers(1, 13)), int(rng.integers(1, 29)))
    area = DISTRICTS[int(rng.integers(len(DISTRICTS)))].code
    body = f"{area}{born:%Y%m%d}{int(rng.integers(100, 999))}"
    return name, body + "10X98765432"[sum(int(d) * w for d, w in zip(body, ID_WEIGHTS, strict=True)) % 11]


def case_rows(rng: np.random.Generator) -> list[dict]:
    n_admin = aim("fish.admin_cases", 0.6)
    n_angling = int(np.ceil(n_admin * common.FIGURES["fish.admin_cases_angling_share"].aim(0.03) / 100))
    fines_total = aim("fish.fines_total", 0.56)
    cases = []
    for year in (2021, 2022, 2023):
        f = YEAR_FACTOR[year]
        admin = round(n_admin * f)
        kinds = ["违规垂钓"] * round(n_angling * f) + [
            "非法捕捞" if rng.random() < 0.8 else "非法收购销售渔获物"
            for _ in range(admin - round(n_angling * f))
        ]
        rng.shuffle(kinds)
        records = list(
            zip(["行政"] * admin, kinds, _fines(rng, kinds, round(fines_total * f, -2)), strict=True)
        )
        records += [("刑事", "非法捕捞", None)] * round(figure("fish.criminal_cases") * f)
        for kind, violation, fine in records:
            name, id_number = _person(rng)
            angling = violation == "违规垂钓"
            agency = "公安" if kind == "刑事" else "市场监管" if violation.startswith("非法收购") else "渔政"
            cases.append(dict(opened_on=_day(rng, date(year, 1, 1), _year_end(year)), district=_district(rng),
                case_kind=kind, violation_type=violation, lead_agency=agency, fine_yuan=fine,
                offender_name=name, id_number=id_number,
                vessel_plate=None if angling else f"皖芜湖渔{int(rng.integers(10000, 99999))}",
                catch_kg=None if angling and rng.random() < 0.6 else round(float(rng.gamma(2, 6)), 1),
                transferred=kind == "刑事"))  # fmt: skip
    cases.sort(key=lambda c: c["opened_on"])
    duplicates = []
    for year, (n_admin_dup, n_criminal_dup) in {2022: (10, 2), 2023: (12, 3)}.items():
        pool = [c for c in cases if c["opened_on"].year == year]
        chosen = [c for c in pool if c["case_kind"] == "行政"][:n_admin_dup]
        chosen += [c for c in pool if c["case_kind"] == "刑事"][:n_criminal_dup]
        for k, case in enumerate(chosen, 1):
            case["joint_operation"] = f"LHXD-{year}-{k:03d}"
            partner = NAMES[(NAMES.index(case["district"]) + 1 + int(rng.integers(7))) % len(NAMES)]
            day = case["opened_on"] + timedelta(int(rng.integers(0, 3)))
            duplicates.append({**case, "district": partner, "opened_on": day})
    return sorted(cases + duplicates, key=lambda c: c["opened_on"])


def write_cases(out: Path) -> None:
    mess = common.rng_for(DOMAIN, "cases-mess")
    cases = case_rows(common.rng_for(DOMAIN, "cases"))
    for district in DISTRICTS:
        wan = district.name == "无为市"
        rows = []
        for k, c in enumerate((c for c in cases if c["district"] == district.name), 1):
            fine = c["fine_yuan"] and (
                c["fine_yuan"] / 10000 if wan else common.messy_number(c["fine_yuan"], mess)
            )
            rows.append({**c, "case_code": f"{district.code}-{c['opened_on'].year}-{k:04d}",
                "fine_yuan": fine, "opened_on": common.messy_date(c["opened_on"], mess),
                "district": _label(district.name, mess)})  # fmt: skip
        labels = {
            "fine_yuan": "罚款金额（万元）" if wan else "罚款金额（元）",
            "catch_kg": "涉案渔获物（公斤）",
        }
        stem, title = (
            f"禁捕执法案件登记台账_{district.name}",
            f"{district.name}长江禁捕执法案件登记台账（2021年以来）",
        )
        if (
            district.name == "南陵县"
        ):  # the first register lacked the two latest cases and had a fine typed wrong
            earlier = [dict(r) for r in rows[:-2]]
            wrong = next(
                r for r in earlier if r["case_kind"] == "行政" and common.cell_number(r["fine_yuan"])
            )
            wrong["fine_yuan"] = common.cell_number(wrong["fine_yuan"]) + 1000
            write_submission(
                out,
                "fishing_cases",
                f"{stem}_20231130.xlsx",
                earlier,
                title=title,
                labels=labels,
                numbered=True,
            )
        write_submission(out, "fishing_cases", f"{stem}_20231205.xlsx", rows, title=title, labels=labels,
            numbered=True)  # fmt: skip


# =========================================================================== confiscations


def confiscation_rows(rng: np.random.Generator) -> list[dict]:
    nets, boats, self_use = (
        figure(f"fish.{c}") for c in ("nets_removed", "unlicensed_boats_cleared", "self_use_boats_managed")
    )
    # the report's period (January–September 2023), then the rest of 2023 and the whole of 2022
    plan = {(2023, 1, 9): 1.0, (2023, 10, 11): 0.18, (2022, 1, 12): 1.25}
    rows = []
    for (year, first_month, last_month), f in plan.items():
        first, last = (
            date(year, first_month, 1),
            date(year, last_month, calendar.monthrange(year, last_month)[1]),
        )
        ding = round(nets * f * 0.6)
        zhang, n_boats, n_self = round(nets * f) - ding, round(boats * f), round(self_use * f)
        batches = (("残留废弃网具", ding, "顶", ding // 9), ("残留废弃网具", zhang, "张", zhang // 7),
                   ("残留废弃网具", round(1850 * f), "米", 3), ("涉渔三无船舶", n_boats, "艘", n_boats // 2),
                   ("乡镇自用船舶纳管", n_self, "艘", n_self // 6))  # fmt: skip
        for item, total, unit, n_rows in batches:
            for qty in _spread(rng, total, np.exp(rng.normal(0, 0.5, max(1, n_rows))), minimum=1):
                rows.append(dict(action_date=_day(rng, first, last), item=item, quantity=int(qty),
                    quantity_unit=unit, district=_district(rng)))  # fmt: skip
    return sorted(rows, key=lambda r: r["action_date"])


def write_confiscations(out: Path) -> None:
    mess = common.rng_for(DOMAIN, "confiscations-mess")
    rows = confiscation_rows(common.rng_for(DOMAIN, "confiscations"))
    for y, m in MONTHS:
        mine = [r for r in rows if (r["action_date"].year, r["action_date"].month) == (y, m)]
        cells = [dict(action_code=f"QL{y}{m:02d}-{k:03d}", action_date=common.messy_date(r["action_date"],
            mess), district=_label(r["district"], mess),
            agency="乡镇人民政府" if r["item"] == "乡镇自用船舶纳管" else "渔政",
            water_body=WATERS[int(mess.integers(10))], item=r["item"],
            quantity=common.messy_number(r["quantity"], mess, 0.08, 0.05),
            quantity_unit=r["quantity_unit"]) for k, r in enumerate(mine, 1)]  # fmt: skip
        csv = (y, m) == (2023, 2)
        write_submission(out, "fishing_confiscations", f"清理取缔台账_{y}{m:02d}.{'csv' if csv else 'xlsx'}",
            cells, title=f"XX市禁捕水域清理取缔台账（{y}年{m}月）",
            csv_encoding="gbk" if csv else None)  # fmt: skip


# =========================================================================== rosters


def write_rosters(out: Path) -> None:
    rng = common.rng_for(DOMAIN, "rosters")
    staff, team, wardens = (
        figure(f"fish.{c}") for c in ("enforcement_staff", "patrol_team_members", "grid_wardens")
    )
    city_team = np.array([d.name == "鸠江区" for d in DISTRICTS], float)  # the city-level team is based there
    w = WEIGHTS / WEIGHTS.sum()
    # the forms before the latest (2023-11) one, with the build-up of staff since
    for (y, m), f in {(2022, 6): 0.95, (2022, 12): 0.97, (2023, 6): 0.99, (2023, 11): 1.0}.items():
        t, g = round(team * f), round(wardens * f)
        per = [_spread(rng, round(staff * f), w, 8), _spread(rng, round(t * 0.07), city_team),
            _spread(rng, round(t * 0.35), w, 4), _spread(rng, t - round(t * 0.07) - round(t * 0.35), w, 6),
            _spread(rng, round(g * 0.033), w, 2), _spread(rng, round(g * 0.25), w, 10),
            _spread(rng, g - round(g * 0.033) - round(g * 0.25), w, 20)]  # fmt: skip
        rows = []
        for j, d in enumerate(DISTRICTS):
            s, tc, tk, tt, wc, wt, wv = (int(a[j]) for a in per)
            rows.append(dict(district=common.district_alias(d) if (y, m) == (2022, 6) else d.name,
                enforcement_staff=s, team_city=tc or None, team_county=tk,
                team_township=common.to_fullwidth(tt) if j == 2 else tt, team_subtotal=tc + tk + tt,
                warden_county=wc, warden_township=wt, warden_village=str(wv),
                warden_subtotal=wc + wt + wv))  # fmt: skip
        write_submission(out, "fishing_rosters", f"禁捕护渔力量统计表_{y}{m:02d}.xlsx", rows,
            title=f"XX市长江禁捕护渔力量统计表（截至{y}年{m}月底）",
            subtitle="填报单位：市农业农村局渔政执法支队", with_total=True,
            total_adjust={"team_township": 6} if (y, m) == (2023, 11) else None,
            spacer_before_total=(y, m) == (2022, 12),
            labels={"enforcement_staff": "渔政执法人员（人）"})  # fmt: skip


# =========================================================================== equipment

DEVICES = {  # device type → (its figure, code prefix)
    "监控点位": ("fish.monitoring_points", "DW"),
    "光电设备": ("fish.optical_devices", "GD"),
    "共享海事雷达": ("fish.shared_radars", "LD"),
    "小目标雷达": ("fish.small_target_radars", "XM"),
}


def write_equipment(out: Path) -> None:
    rng, mess = common.rng_for(DOMAIN, "equipment"), common.rng_for(DOMAIN, "equipment-mess")
    rows = []
    for device_type, (code, prefix) in DEVICES.items():
        active = figure(code)  # in service on the last day of the report
        first = date(2022, 3, 1) if device_type == "小目标雷达" else date(2020, 6, 1)
        for k in range(active + round(active * 0.07)):
            installed = _day(rng, first, date(2023, 10, 31))
            rows.append(dict(device_code=f"{prefix}{k + 1:03d}", device_type=device_type,
                district=_label(_district(rng), mess), water_body=WATERS[int(rng.integers(10))],
                installed_on=common.messy_date(installed, mess), removed_on=_day(rng,
                installed + timedelta(30), LAST_DAY) if k >= active else None,
                owner="海事部门共享" if device_type == "共享海事雷达" else "渔政自建"))  # fmt: skip
    rows.sort(key=lambda r: r["device_code"])
    # The June register lacked the last nine devices; the December one is the register in force.
    for stem, register in (("20230630", rows[:-9]), ("20231205", rows)):
        write_submission(out, "fishing_equipment", f"禁渔监管设备台账_{stem}.xlsx", register,
            title="XX市禁渔监管设备台账", numbered=True)  # fmt: skip


# =========================================================================== publicity

TOPICS = ("长江十年禁渔政策宣讲", "违规垂钓危害", "禁捕退捕渔民安置", "护渔志愿者招募", "禁渔执法成效")


def write_publicity(out: Path) -> None:
    rng, mess = common.rng_for(DOMAIN, "publicity"), common.rng_for(DOMAIN, "publicity-mess")
    sms = aim("fish.sms_sent", 0.34)  # since 2021, as of the report
    # channel → (unit, 2023 total, rows a year or None for one row per item, city-wide)
    plan = {
        "市级以上媒体": ("次", figure("fish.media_reports"), None, True),
        "政务平台": ("次", figure("fish.platform_posts"), None, False),
        "提醒短信": ("条", None, 30, True),
        "宣传材料": ("份", aim("fish.leaflets", 0.24), 40, False),
        "公益广告": ("次", aim("fish.public_ads", 0.24), 25, False),
    }
    sms_share = {2021: 0.415, 2022: 0.321}
    for year in (2021, 2022, 2023):
        entries = []
        for channel, (unit, total, n_rows, city_wide) in plan.items():
            if total is None:
                total = (
                    round(sms * sms_share[year])
                    if year in sms_share
                    else sms - sum(round(sms * s) for s in sms_share.values())
                )
            else:
                total = round(total * YEAR_FACTOR[year])
            for qty in _spread(rng, total, np.exp(rng.normal(0, 0.4, n_rows or total)), minimum=1):
                district = None if city_wide else _district(rng)
                entries.append(
                    (_day(rng, date(year, 1, 1), _year_end(year)), district, channel, int(qty), unit)
                )
        entries.sort(key=lambda e: e[0])
        rows = []
        for k, (day, district, channel, qty, unit) in enumerate(entries, 1):
            amount = common.messy_number(qty, mess, 0.06, 0.04)
            if channel == "宣传材料" and mess.random() < 0.15:
                amount = f"约{qty}"  # written as approximate; the registry accepts 约 here
            rows.append(dict(entry_code=f"XC{year}-{k:04d}", publicised_on=common.messy_date(day, mess),
                district=_label(district, mess) if district else None, channel=channel,
                content=TOPICS[int(mess.integers(len(TOPICS)))], quantity=amount,
                quantity_unit=unit))  # fmt: skip
        write_submission(
            out,
            "fishing_publicity",
            f"禁渔宣传工作台账_{year}.xlsx",
            rows,
            title=f"XX市长江禁渔宣传工作台账（{year}年）",
        )
