"""A run's rejects reach each submitting department as one Chinese workbook: the cell named as Excel
names it (checked against the submitted file itself), the value masked where it is personal, the reason
Chinese first."""

import csv
import re
from datetime import date

import duckdb
import openpyxl
import pytest
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from dagster_project.ingest.loader import ingest_source
from dagster_project.ingest.normalise import DistrictTable, UnitTable
from dagster_project.ingest.registry import load_registry
from dagster_project.ingest.rejects_workbook import (
    COLUMNS,
    WHOLE_FILE,
    cell_name,
    clerk_reason,
    workbook_name,
    write_rejects_workbooks,
)
from dagster_project.privacy import MASK
from dagster_project.settings import REFERENCE_SEEDS_DIR
from tests.inboxes import STATIONS, enforcement_rows, hourly_rows, write_submission

REGISTRY = load_registry()
ID_NUMBER = "340202199001011234"
PLATE = "皖B12345"
CELL_REFERENCE = re.compile(r"[A-Z]+[1-9][0-9]*")


def _planted_inbox(inbox):
    """Bad cells in an xlsx with a title row, in a CSV with a title line, in a two-row-header form, and
    personal values in the wrong cells of a case register; each planted value occurs once in its file."""
    stations = [*STATIONS, {**STATIONS[0], "station_code": "T003A", "longitude": "东经118度"}]
    write_submission(
        inbox, "air_stations", "站点名录_2023.csv", stations, title="空气站点名录", csv_encoding="utf-8"
    )
    hourly = hourly_rows(2023, 1, 1)
    hourly[5]["pm25"] = "abc"
    hourly[30]["so2"] = -5.5
    write_submission(
        inbox, "air_hourly", "小时数据_202301.xlsx", hourly, title="XX市国控站点小时数据（2023年01月）"
    )
    enforcement = enforcement_rows({"enterprises_verified": 2})
    enforcement[1]["enterprises_verified_month"] = "十"
    write_submission(
        inbox,
        "air_enforcement",
        "执法月报_202301.xlsx",
        enforcement,
        title="XX市大气污染防治执法工作月报表（2023年1月）",
    )
    case = {
        "case_code": "C1",
        "opened_on": date(2023, 5, 2),
        "district": "镜湖区",
        "case_kind": PLATE,
        "violation_type": "非法捕捞",
        "id_number": ID_NUMBER,
        "lead_agency": ID_NUMBER,
    }
    write_submission(inbox, "fishing_cases", "禁捕执法案件登记台账_镜湖区_20230531.xlsx", [case])
    # a whole file the department must resubmit
    (inbox / "air" / "enforcement" / "执法月报_202302.xlsx").write_bytes(b"not a workbook")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("rejects")
    inbox = tmp / "inbox"
    _planted_inbox(inbox)
    conn = duckdb.connect(str(tmp / "build.duckdb"))
    units = UnitTable.from_csv(REFERENCE_SEEDS_DIR / "units.csv")
    districts = DistrictTable.from_csv(REFERENCE_SEEDS_DIR / "districts.csv")
    for source in ("air_stations", "air_hourly", "air_enforcement", "fishing_cases"):
        ingest_source(conn, REGISTRY[source], inbox, "run-1", units, districts, b"k", today=date(2023, 12, 5))
    written = write_rejects_workbooks(conn, "run-1", inbox, tmp / "rejects" / "run-1")
    return inbox, tmp / "rejects" / "run-1", written


def _rows(path):
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    header, *rows = [
        tuple("" if v is None else str(v) for v in row) for row in sheet.iter_rows(values_only=True)
    ]
    assert header == COLUMNS
    return [dict(zip(COLUMNS, row, strict=True)) for row in rows]


def _submitted_value(inbox, item):
    """The value at the item's cell in the file the department submitted, read as a spreadsheet would."""
    letters, row = coordinate_from_string(item["单元格"])
    path = inbox / item["文件"]
    if path.suffix == ".csv":
        lines = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
        return lines[row - 1][column_index_from_string(letters) - 1]
    value = openpyxl.load_workbook(path)[item["工作表"]][item["单元格"]].value
    return f"{value:g}" if isinstance(value, float) else str(value)


def test_each_department_with_rejects_gets_one_workbook(run):
    _, folder, written = run
    departments = {REGISTRY[s].department for s in ("air_stations", "air_enforcement", "fishing_cases")}
    assert set(written) == departments
    assert sorted(p.name for p in folder.iterdir()) == sorted(workbook_name(d) for d in departments)
    # the monitoring centre's stations CSV and hourly workbook land in one workbook
    monitoring = {item["文件"] for item in _rows(written[REGISTRY["air_hourly"].department][0])}
    assert monitoring == {"air/stations/站点名录_2023.csv", "air/hourly/小时数据_202301.xlsx"}


def test_every_planted_cell_is_named_as_the_spreadsheet_names_it(run):
    inbox, _, written = run
    items = [item for path, _ in written.values() for item in _rows(path)]
    named = [item for item in items if CELL_REFERENCE.fullmatch(item["单元格"])]
    planted = {"东经118度", "abc", "-5.5", "十"}
    assert {item["值"] for item in named} >= planted
    for item in named:
        if item["值"] != MASK:
            assert _submitted_value(inbox, item) == item["值"], item
    assert {item["单元格"] for item in items if item["文件"].endswith("_202302.xlsx")} == {WHOLE_FILE}


def test_the_reason_reads_chinese_first_with_the_column_header(run):
    _, _, written = run
    hourly = [i for i in _rows(written[REGISTRY["air_hourly"].department][0]) if i["值"] == "-5.5"]
    assert [i["问题"] for i in hourly] == ["「SO2」列：小于下限（-5.5 is below the minimum 0 ug/m3）"]


def test_no_personal_value_leaves_unmasked(run):
    _, _, written = run
    fishing = _rows(written[REGISTRY["fishing_cases"].department][0])
    assert fishing and all(item["值"] == MASK for item in fishing)
    text = " ".join(" ".join(item.values()) for path, _ in written.values() for item in _rows(path))
    assert ID_NUMBER not in text and PLATE not in text


@pytest.mark.parametrize(
    ("row", "column", "expected"),
    [(7, 2, "C7"), (1, 0, "A1"), (12, 26, "AA12"), (3, None, "第3行"), (None, None, WHOLE_FILE)],
)
def test_cell_names(row, column, expected):
    assert cell_name(row, column) == expected


def test_a_reason_without_an_english_part_stays_as_written():
    assert clerk_reason("文件为空") == "文件为空"
    assert clerk_reason("missing district / 区县为空") == "区县为空（missing district）"
