"""A corpus of malformed submissions, generated here (never hand-edited binaries).

Each case writes its file(s) into an inbox and states what the ingest must say: the source it is
loaded as, the rejects as (file, sheet, row, column, reason fragment), and how many rows still load.
Hourly cases are for February 2023 (January is the previously loaded month that must survive).
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import xlsxwriter

from tests.inboxes import STATIONS, enforcement_rows, hourly_rows, write_submission

HOURLY = "air/hourly"
FEB = "小时数据_202302.xlsx"
TITLE = "XX市国控站点小时数据（2023年02月）"
ENFORCEMENT_TITLE = "XX市大气污染防治执法工作月报表（2023年2月）"


@dataclass(frozen=True)
class Case:
    name: str
    source: str
    write: Callable[[Path], None]
    rejects: tuple[tuple[str, str | None, int | None, str | None, str], ...]
    rows_loaded: int


def _feb_rows(**changes) -> list[dict]:
    rows = hourly_rows(2023, 2, 1, stations=STATIONS[:1])
    for index, values in changes.items():
        rows[int(index.removeprefix("r"))].update(values)
    return rows


def _hourly(rows, name=FEB, title=TITLE, **kwargs) -> Callable[[Path], None]:
    return lambda inbox: write_submission(inbox, "air_hourly", name, rows, title=title, **kwargs)


def _raw_bytes(name: str, data: bytes) -> Callable[[Path], None]:
    def write(inbox: Path) -> None:
        (inbox / HOURLY).mkdir(parents=True, exist_ok=True)
        (inbox / HOURLY / name).write_bytes(data)

    return write


def _valid_xlsx_bytes(tmp: Path) -> bytes:
    write_submission(tmp, "air_hourly", FEB, _feb_rows(), title=TITLE)
    return (tmp / HOURLY / FEB).read_bytes()


def _truncated(inbox: Path) -> None:
    data = _valid_xlsx_bytes(inbox / "scratch")
    _raw_bytes(FEB, data[: len(data) // 2])(inbox)


def _openpyxl_hourly(inbox: Path, mutate) -> None:
    """A workbook as another tool saves it: openpyxl writes formulas without calculated values."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "小时数据"
    sheet.append(["站点名称", "站点编码", "监测时间", "SO2", "NO2", "CO", "O3", "PM10", "PM2.5"])
    for row in _feb_rows()[:4]:
        sheet.append(
            [
                row[k]
                for k in (
                    "station_name",
                    "station_code",
                    "measured_at",
                    "so2",
                    "no2",
                    "co",
                    "o3",
                    "pm10",
                    "pm25",
                )
            ]
        )
    mutate(sheet)
    (inbox / HOURLY).mkdir(parents=True, exist_ok=True)
    book.save(inbox / HOURLY / FEB)


def _merged_header_cells(inbox: Path) -> None:
    folder = inbox / "air/enforcement"
    folder.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(folder / "执法月报_202302.xlsx")
    sheet = book.add_worksheet("月报表")
    sheet.write_row(0, 0, [ENFORCEMENT_TITLE])
    sheet.write_row(1, 0, ["区县", "秋冬季减排核查企业（家）", None])
    sheet.write_row(2, 0, [None, "本月", "累计"])
    sheet.merge_range(1, 0, 2, 0, "区县")
    sheet.merge_range(1, 1, 1, 2, "秋冬季减排核查企业（家）")
    sheet.write_row(3, 0, ["镜湖区", 4, 10])
    sheet.write_row(4, 0, ["繁昌区", 5, 11])
    book.close()


def _mixed_encoding_csv(inbox: Path) -> None:
    folder = inbox / HOURLY
    folder.mkdir(parents=True, exist_ok=True)
    header = "站点名称,站点编码,监测时间,SO2,NO2,CO,O3,PM10,PM2.5\n".encode()
    utf8_row = "测试一站,T001A,2023-02-01 01:00,8,30,0.8,60,70,40\n".encode()
    gbk_row = "测试一站,T001A,2023-02-01 02:00,8,30,0.8,60,70,40\n".encode("gbk")
    (folder / "小时数据_202302.csv").write_bytes(header + utf8_row + gbk_row)


def _csv(name: str, encoding: str, rows: list[dict]) -> Callable[[Path], None]:
    return lambda inbox: write_submission(inbox, "air_hourly", name, rows, csv_encoding=encoding, title=TITLE)


def _blank_lines_csv(inbox: Path) -> None:
    folder = inbox / HOURLY
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "小时数据_202302.csv").write_text(
        "站点名称,站点编码,监测时间,PM2.5\n\n测试一站,T001A,2023-02-01 01:00,40\n\n"
        "测试一站,T001A,2023-02-01 02:00,偏高\n",
        encoding="utf-8",
    )


def _semicolon_csv(inbox: Path) -> None:
    folder = inbox / HOURLY
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "小时数据_202302.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["站点名称", "站点编码", "监测时间", "PM2.5"])
        writer.writerow(["测试一站", "T001A", "2023-02-01 01:00", "40"])


def _zip_without_workbook(inbox: Path) -> None:
    (inbox / HOURLY).mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(inbox / HOURLY / FEB, "w") as archive:
        archive.writestr("hello.txt", "not a spreadsheet")


SQL_SHEET = "小时数据'; DROP TABLE raw.air_hourly; --"


def _sql_named_sheet(inbox: Path) -> None:
    (inbox / HOURLY).mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(inbox / HOURLY / FEB)
    sheet = book.add_worksheet(SQL_SHEET[:31].replace("'", "’"))
    sheet.write_row(0, 0, ["站点名称", "站点编码", "监测时间", "PM2.5"])
    book.close()


def _same_file_twice(inbox: Path) -> None:
    _hourly(_feb_rows())(inbox)
    data = (inbox / HOURLY / FEB).read_bytes()
    (inbox / HOURLY / "小时数据_202302 - 副本.xlsx").write_bytes(data)


def _enforcement(rows, name="执法月报_202302.xlsx", **kwargs) -> Callable[[Path], None]:
    return lambda inbox: write_submission(
        inbox, "air_enforcement", name, rows, title=ENFORCEMENT_TITLE, **kwargs
    )


def _register(source: str, name: str, rows: list[dict], **kwargs) -> Callable[[Path], None]:
    return lambda inbox: write_submission(inbox, source, name, rows, **kwargs)


ENF = "air/enforcement/执法月报_202302.xlsx"
H = f"{HOURLY}/{FEB}"
VALUES = {"enterprises_verified": 3, "vehicles_blacklisted": 1}

CASES: list[Case] = [
    Case(
        "header_row_missing_a_key_label",
        "air_hourly",
        lambda inbox: _openpyxl_hourly(inbox, lambda s: s.delete_cols(2)),
        ((H, "小时数据", None, None, "header row with ['站点编码', '监测时间'] not found"),),
        0,
    ),
    Case(
        "missing_required_column",
        "air_cement_lines",
        _register(
            "air_cement_lines",
            "水泥熟料生产线台账_报送20230210.xlsx",
            [
                {
                    "line_code": "L9",
                    "district": "繁昌区",
                    "in_production": "是",
                    "meets_provincial_standard": "是",
                }
            ],
            omit=("enterprise_name",),
        ),
        (
            (
                "air/cement_lines/水泥熟料生产线台账_报送20230210.xlsx",
                "生产线台账",
                None,
                "enterprise_name",
                "required column 企业名称 is missing",
            ),
        ),
        0,
    ),
    Case(
        "renamed_required_column",
        "air_hourly",
        lambda inbox: _openpyxl_hourly(inbox, lambda s: s.cell(1, 3, "时间")),
        ((H, "小时数据", None, None, "header row"),),
        0,
    ),
    Case(
        "extra_columns_are_ignored",
        "air_hourly",
        _hourly([{**r, "station_level": "国控"} for r in _feb_rows()]),
        (),
        24,
    ),
    Case(
        "wrong_sheet_name",
        "air_hourly",
        _sql_named_sheet,
        ((H, "小时数据", None, None, 'sheet "小时数据" not found'),),
        0,
    ),
    Case(
        "zero_byte_file", "air_hourly", _raw_bytes(FEB, b""), ((H, "小时数据", None, None, "empty file"),), 0
    ),
    Case(
        "truncated_xlsx", "air_hourly", _truncated, ((H, "小时数据", None, None, "corrupt or truncated"),), 0
    ),
    Case(
        "random_bytes_named_xlsx",
        "air_hourly",
        _raw_bytes(FEB, bytes(range(256)) * 40),
        ((H, "小时数据", None, None, "corrupt or truncated"),),
        0,
    ),
    Case(
        "zip_that_is_not_a_workbook",
        "air_hourly",
        _zip_without_workbook,
        ((H, "小时数据", None, None, "corrupt or truncated"),),
        0,
    ),
    Case(
        "html_page_saved_as_xls",
        "air_hourly",
        _raw_bytes(
            "小时数据_202302.xls", "<html><body><table><tr><td>站点</td></tr></table></body></html>".encode()
        ),
        ((f"{HOURLY}/小时数据_202302.xls", "小时数据", None, None, "HTML page"),),
        0,
    ),
    Case("gbk_csv", "air_hourly", _csv("小时数据_202302.csv", "gbk", _feb_rows()), (), 24),
    Case("utf8_bom_csv", "air_hourly", _csv("小时数据_202302.csv", "utf-8-sig", _feb_rows()), (), 24),
    Case(
        "mixed_encodings_in_one_csv",
        "air_hourly",
        _mixed_encoding_csv,
        ((f"{HOURLY}/小时数据_202302.csv", "", None, None, "cannot decode as UTF-8"),),
        0,
    ),
    Case(
        "semicolon_separated_csv",
        "air_hourly",
        _semicolon_csv,
        ((f"{HOURLY}/小时数据_202302.csv", "", None, None, "header row"),),
        0,
    ),
    Case(
        "text_in_numeric_cell",
        "air_hourly",
        _hourly(_feb_rows(r2={"pm25": "偏高"})),
        ((H, "小时数据", 5, "pm25", "not a number"),),
        24,
    ),
    Case(
        "sentinel_minus_999",
        "air_hourly",
        _hourly(_feb_rows(r5={"pm10": -999})),
        ((H, "小时数据", 8, "pm10", "sentinel"),),
        24,
    ),
    Case(
        "negative_concentration",
        "air_hourly",
        _hourly(_feb_rows(r6={"no2": -3})),
        ((H, "小时数据", 9, "no2", "below the minimum"),),
        24,
    ),
    Case(
        "implausibly_high_concentration",
        "air_hourly",
        _hourly(_feb_rows(r7={"co": 950})),
        ((H, "小时数据", 10, "co", "above the maximum"),),
        24,
    ),
    Case(
        "duplicated_key_rows",
        "air_hourly",
        _hourly([*_feb_rows(), _feb_rows()[3]]),
        ((H, "小时数据", 27, "station_code,measured_at", "duplicate key, first seen at row 6"),),
        24,
    ),
    Case("same_file_twice_under_two_names", "air_hourly", _same_file_twice, (), 24),
    Case(
        "date_in_the_future",
        "air_hourly",
        _hourly(_feb_rows(r1={"measured_at": "2099-02-01 02:00"}), name="小时数据_202302.xlsx"),
        ((H, "小时数据", 4, "measured_at", "in the future"),),
        23,
    ),
    Case(
        "date_outside_the_period",
        "air_hourly",
        _hourly(_feb_rows(r0={"measured_at": "2023-03-05 01:00"})),
        ((H, "小时数据", 3, "measured_at", "outside the file's period 2023-02"),),
        23,
    ),
    Case(
        "unparseable_date",
        "air_hourly",
        _hourly(_feb_rows(r4={"measured_at": "2023-13-45 01:00"})),
        ((H, "小时数据", 7, "measured_at", "not a"),),
        23,
    ),
    Case(
        "unknown_station",
        "air_hourly",
        _hourly(_feb_rows(r0={"station_code": "X404", "station_name": "不存在站"})),
        ((H, "小时数据", 3, "station_code", 'unknown station_code "X404" (不存在站)'),),
        23,
    ),
    Case(
        "no_period_in_name_or_title",
        "air_hourly",
        _hourly(_feb_rows(), name="小时数据.xlsx", title="小时数据"),
        ((f"{HOURLY}/小时数据.xlsx", "小时数据", None, None, "cannot tell the period"),),
        0,
    ),
    Case(
        "unknown_unit_in_header",
        "air_hourly",
        lambda inbox: _openpyxl_hourly(inbox, lambda s: s.cell(1, 9, "PM2.5(ppm)")),
        ((H, "小时数据", None, "pm25", "unknown unit ppm"),),
        0,
    ),
    Case(
        "unit_of_the_wrong_dimension",
        "air_hourly",
        lambda inbox: _openpyxl_hourly(inbox, lambda s: s.cell(1, 6, "CO(mg/L)")),
        ((H, "小时数据", None, "co", "cannot convert"),),
        0,
    ),
    Case(
        "duplicated_header_column",
        "air_hourly",
        lambda inbox: _openpyxl_hourly(inbox, lambda s: s.cell(1, 4, "PM2.5")),
        ((H, "小时数据", None, "pm25", "appears more than once"),),
        0,
    ),
    Case(
        "formula_without_cached_value",
        "air_hourly",
        lambda inbox: _openpyxl_hourly(inbox, lambda s: s.cell(3, 9, "=H3/2")),
        ((H, "小时数据", 3, "pm25", "formula saved without a calculated value"),),
        4,
    ),
    Case(
        "hidden_row",
        "air_hourly",
        lambda inbox: _openpyxl_hourly(inbox, lambda s: setattr(s.row_dimensions[4], "hidden", True)),
        ((H, "小时数据", 4, None, "hidden row"),),
        3,
    ),
    Case(
        "whitespace_and_full_width_everything",
        "air_hourly",
        _hourly(
            [
                {
                    **r,
                    "station_code": f"  {r['station_code']}　",
                    "pm25": "４０．０",
                    "measured_at": f" {r['measured_at']} ",
                }
                for r in _feb_rows()
            ]
        ),
        (),
        24,
    ),
    Case("merged_header_cells", "air_enforcement", _merged_header_cells, (), 2),
    Case(
        "negative_count",
        "air_enforcement",
        _enforcement(
            [
                {**r, "enterprises_verified_month": -5} if r["district"] == "镜湖区" else r
                for r in enforcement_rows(VALUES)
            ]
        ),
        ((ENF, "月报表", 4, "enterprises_verified_month", "below the minimum"),),
        1,
    ),
    Case(
        "approximate_value_where_exact_is_required",
        "air_enforcement",
        _enforcement(
            [
                {**r, "vehicles_blacklisted_month": "3余"} if r["district"] == "镜湖区" else r
                for r in enforcement_rows(VALUES)
            ]
        ),
        ((ENF, "月报表", 4, "vehicles_blacklisted_month", "not allowed"),),
        1,
    ),
    Case(
        "fraction_in_a_count",
        "air_enforcement",
        _enforcement(
            [
                {**r, "enterprises_verified_month": 2.5} if r["district"] == "镜湖区" else r
                for r in enforcement_rows(VALUES)
            ]
        ),
        ((ENF, "月报表", 4, "enterprises_verified_month", "not an integer"),),
        1,
    ),
    Case(
        "unknown_district",
        "air_enforcement",
        _enforcement([*enforcement_rows(VALUES), {"district": "火星区", "enterprises_verified_month": 1}]),
        ((ENF, "月报表", 6, "district", 'unknown district "火星区"'),),
        2,
    ),
    Case(
        "total_row_disagreeing_with_details_still_loads_details",
        "air_enforcement",
        _enforcement(
            enforcement_rows(VALUES), with_total=True, total_adjust={"enterprises_verified_month": 9}
        ),
        (),
        2,
    ),
    Case(
        "two_files_same_identity_same_version",
        "air_enforcement",
        lambda inbox: (
            _enforcement(enforcement_rows(VALUES))(inbox),
            _enforcement(enforcement_rows({"enterprises_verified": 4}), name="大气执法_2023年2月.xlsx")(
                inbox
            ),
        ),
        (
            (ENF, "月报表", None, None, "two different files claim"),
            ("air/enforcement/大气执法_2023年2月.xlsx", "月报表", None, None, "two different files claim"),
        ),
        0,
    ),
    Case(
        "sql_keywords_and_quotes_in_cells",
        "air_enforcement",
        _enforcement(
            [
                {**r, "district": "镜湖区'; DROP TABLE raw.air_enforcement; --"}
                if r["district"] == "镜湖区"
                else r
                for r in enforcement_rows(VALUES)
            ]
        ),
        ((ENF, "月报表", 4, "district", "unknown district"),),
        1,
    ),
    Case(
        "path_traversal_characters_in_the_file_name",
        "air_enforcement",
        _enforcement(
            enforcement_rows(VALUES), name="执法月报_202302_..%2F..%2F..\\etc%2Fpasswd;rm -rf ~.xlsx"
        ),
        (),
        2,
    ),
    Case(
        "invalid_boolean_in_a_register",
        "air_stations",
        _register(
            "air_stations",
            "站点名录_报送20230210.xlsx",
            [{**STATIONS[0], "is_city_evaluation": "也许"}, *STATIONS[1:]],
        ),
        (("air/stations/站点名录_报送20230210.xlsx", "站点名录", 2, "is_city_evaluation", "也许"),),
        2,
    ),
    Case(
        "value_not_in_the_allowed_list",
        "air_stations",
        _register(
            "air_stations",
            "站点名录_报送20230210.xlsx",
            [{**STATIONS[0], "station_level": "县控"}, *STATIONS[1:]],
        ),
        (("air/stations/站点名录_报送20230210.xlsx", "站点名录", 2, "station_level", "not one of"),),
        2,
    ),
    Case(
        "required_value_empty",
        "air_stations",
        _register(
            "air_stations", "站点名录_报送20230210.xlsx", [{**STATIONS[0], "district": None}, *STATIONS[1:]]
        ),
        (("air/stations/站点名录_报送20230210.xlsx", "站点名录", 2, "district", "required value is empty"),),
        2,
    ),
    Case(
        "percent_sign_in_a_count",
        "air_enforcement",
        _enforcement(
            [
                {**r, "enterprises_verified_month": "3%"} if r["district"] == "镜湖区" else r
                for r in enforcement_rows(VALUES)
            ]
        ),
        ((ENF, "月报表", 4, "enterprises_verified_month", "carries a % sign"),),
        1,
    ),
    Case(
        "the_columns_own_unit_written_in_a_cell_is_read",
        "air_enforcement",
        _enforcement(
            [
                {**r, "enterprises_verified_month": "3家"} if r["district"] == "镜湖区" else r
                for r in enforcement_rows(VALUES)
            ]
        ),
        (),
        2,
    ),
    Case(
        "another_unit_written_in_a_cell",
        "air_enforcement",
        _enforcement(
            [
                {**r, "enterprises_verified_month": "3辆"} if r["district"] == "镜湖区" else r
                for r in enforcement_rows(VALUES)
            ]
        ),
        ((ENF, "月报表", 4, "enterprises_verified_month", "is written in 辆"),),
        1,
    ),
    Case(
        "footnote_mark_after_a_concentration",
        "air_hourly",
        _hourly(_feb_rows(r2={"pm25": "40*"})),
        ((H, "小时数据", 5, "pm25", "footnote mark"),),
        24,
    ),
    Case(
        "file_name_and_title_row_disagree_on_the_month",
        "air_hourly",
        _hourly(_feb_rows(), title="XX市国控站点小时数据（2023年03月）"),
        ((H, "小时数据", None, None, "says period 2023-02 but the title row"),),
        0,
    ),
    Case(
        "blank_lines_in_a_csv_keep_the_row_numbers",
        "air_hourly",
        _blank_lines_csv,
        ((f"{HOURLY}/小时数据_202302.csv", "", 5, "pm25", "not a number"),),
        2,
    ),
]
