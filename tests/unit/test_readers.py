import datetime
from pathlib import Path

import duckdb
import pytest
import xlsxwriter

from dagster_project.ingest.readers import (
    HeaderMatch,
    ReadError,
    SheetData,
    find_header,
    list_sheets,
    read_grid,
    read_sheet,
)

TITLE = "XX市大气污染防治执法工作月报表（2023年1月）"


def write_enforcement_report(path: Path) -> Path:
    """A monthly report laid out the way departments send it.

    Row 1 title merged across the table, rows 2-3 a two-row header with group cells merged across
    本月/累计 and 区县 merged down, data, a blank spacer row, then a 合计 row.
    """
    workbook = xlsxwriter.Workbook(path)
    workbook.add_worksheet("说明").hide()
    sheet = workbook.add_worksheet("月报表 ")
    sheet.activate()  # Excel cannot hide the active sheet
    sheet.merge_range("A1:F1", TITLE)
    sheet.merge_range("A2:A3", "区县")
    sheet.merge_range("B2:C2", "秋冬季减排\n核查企业（家）")
    sheet.merge_range("D2:E2", "罚款金额（万元）")
    sheet.merge_range("F2:F3", "检查日期")
    sheet.write_row("B3", ["本月", "累计", "本月", "累计"])
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row("A4", ["镜湖区", 12, 30, 1.5, "５万余"])
    sheet.write_datetime("F4", datetime.datetime(2023, 1, 5), date_format)
    sheet.write_row("A5", ["繁昌县", 3, "1,484", 0, 2.92])
    sheet.write_string("F5", "2023年1月6日")
    sheet.write_row("A7", ["合计", 15, 1514, 1.5, None])
    workbook.close()
    return path


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return write_enforcement_report(tmp_path / "执法月报_2023-01.xlsx")


def test_list_sheets_includes_hidden(report):
    assert list_sheets(report) == ["说明", "月报表 "]


def test_read_sheet_defaults_to_first_visible_sheet(report):
    assert read_sheet(report, None).name == "月报表 "


@pytest.mark.parametrize("wanted", ["月报表", "月报表 ", "月报表\u3000", 1])
def test_read_sheet_by_name_or_index(report, wanted):
    assert read_sheet(report, wanted).name == "月报表 "


def test_read_sheet_keeps_row_numbers_and_types(report):
    rows = read_sheet(report, None).rows
    assert len(rows) == 7
    assert rows[3] == ["镜湖区", 12.0, 30.0, 1.5, "５万余", datetime.date(2023, 1, 5)]
    assert rows[4][2] == "1,484"
    assert rows[5] == [None] * 6  # the spacer row keeps its place
    assert rows[6][0] == "合计"
    assert rows[6][5] is None


def test_read_sheet_fills_merged_cells(report):
    rows = read_sheet(report, None).rows
    assert rows[0] == [TITLE] * 6
    assert rows[1][1] == rows[1][2] == "秋冬季减排\n核查企业（家）"
    assert rows[1][0] == rows[2][0] == "区县"


def test_read_sheet_unknown_sheet(report):
    with pytest.raises(ReadError, match=r'sheet "年报" not found; sheets: \[.*月报表'):
        read_sheet(report, "年报")
    with pytest.raises(ReadError, match="not found"):
        read_sheet(report, 5)


def test_find_header_two_rows(report):
    header = find_header(read_sheet(report, None), ["区县", "秋冬季减排核查企业"], header_rows=2)
    assert header == HeaderMatch(
        header_row=2,
        labels=[
            "区县",
            "秋冬季减排核查企业/本月",
            "秋冬季减排核查企业/累计",
            "罚款金额/本月",
            "罚款金额/累计",
            "检查日期",
        ],
        units=[None, "家", "家", "万元", "万元", None],
        title="XX市大气污染防治执法工作月报表(2023年1月)",  # normalised, like every label
    )


def test_find_header_ignores_spaces_and_units(report):
    header = find_header(read_sheet(report, None), ["区 县", "罚款金额(万元)"], header_rows=2)
    assert header.header_row == 2


def test_find_header_not_found(report):
    with pytest.raises(ReadError, match=r"header row with \['站点'\] not found in the first 30 rows"):
        find_header(read_sheet(report, None), ["站点"])


def test_find_header_single_row_without_title():
    sheet = SheetData(
        name="",
        rows=[
            [None, None, None],
            ["站点名称 ", "PM2.5(μg/m³)", "CO（mg/m3）"],
            ["监测站", 35.0, 0.8],
        ],
    )
    assert find_header(sheet, ["站点名称", "PM2.5"]) == HeaderMatch(
        header_row=1, labels=["站点名称", "PM2.5", "CO"], units=[None, "μg/m³", "mg/m3"], title=None
    )


def test_find_header_respects_scan_rows():
    sheet = SheetData(name="s", rows=[[None]] * 5 + [["区县"]])
    with pytest.raises(ReadError, match="first 5 rows"):
        find_header(sheet, ["区县"], scan_rows=5)


def test_find_header_fills_group_labels_without_merges():
    """CSV has no merged ranges: a group label covers the empty cells to its right that have sub-labels."""
    sheet = SheetData(
        name="",
        rows=[
            ["区县", "面积（万亩）", None, "备注", None],
            [None, "计划", "完成", None, None],
        ],
    )
    header = find_header(sheet, ["区县", "面积"], header_rows=2)
    assert header.labels == ["区县", "面积/计划", "面积/完成", "备注", ""]
    assert header.units == [None, "万亩", "万亩", None, None]


def test_find_header_lower_row_unit_wins():
    sheet = SheetData(name="", rows=[["指标", "浓度"], [None, "(mg/m3)"]])
    header = find_header(sheet, ["指标"], header_rows=2)
    assert header.labels == ["指标", "浓度"]
    assert header.units == [None, "mg/m3"]


# Plain "m3": GBK, the encoding of Excel's "save as CSV" on Chinese Windows, has no superscript three.
CSV_TEXT = "XX市空气质量日报\r\n站点名称,PM2.5(μg/m3),日期\r\n监测站,35,2023-01-05\r\n\r\n合计,,\r\n"


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_read_csv_encodings(tmp_path, encoding):
    path = tmp_path / "daily.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))
    sheet = read_sheet(path, None)
    assert sheet == SheetData(
        name="",
        rows=[
            ["XX市空气质量日报", None, None],
            ["站点名称", "PM2.5(μg/m3)", "日期"],
            ["监测站", "35", "2023-01-05"],
            [None, None, None],
            ["合计", None, None],
        ],
    )
    assert list_sheets(path) == [""]


def test_find_header_in_csv(tmp_path):
    path = tmp_path / "daily.csv"
    path.write_bytes(CSV_TEXT.encode("utf-8-sig"))
    header = find_header(read_sheet(path, None), ["站点名称"])
    assert header == HeaderMatch(
        header_row=1,
        labels=["站点名称", "PM2.5", "日期"],
        units=[None, "μg/m3", None],
        title="XX市空气质量日报",
    )


def test_csv_has_only_one_sheet(tmp_path):
    path = tmp_path / "daily.csv"
    path.write_bytes(CSV_TEXT.encode("utf-8"))
    with pytest.raises(ReadError, match="not found"):
        read_sheet(path, "Sheet1")


def test_undecodable_csv(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes("站点".encode() + b"\xff\xff,1\r\n")
    with pytest.raises(ReadError, match=r"bad.csv: cannot decode .*offset 6"):
        read_sheet(path, None)


@pytest.mark.parametrize("name", ["empty.xlsx", "empty.xls", "empty.csv"])
def test_zero_byte_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(ReadError, match=f"{name}: empty file / 空文件"):
        read_sheet(path, None)


def test_html_saved_as_xls(tmp_path):
    path = tmp_path / "export.xls"
    path.write_text("\n  <html><body><table><tr><td>区县</td></tr></table></body></html>", encoding="utf-8")
    with pytest.raises(ReadError, match="export.xls: HTML page saved as spreadsheet / 网页另存的表格"):
        read_sheet(path, None)
    with pytest.raises(ReadError, match="HTML"):
        list_sheets(path)


def test_truncated_xlsx(tmp_path, report):
    data = report.read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError, match="cut.xlsx: corrupt or truncated xlsx / 文件损坏或不完整: .+"):
        read_sheet(path, None)


def test_xlsx_renamed_to_xls_still_opens(tmp_path, report):
    path = tmp_path / "renamed.xls"
    path.write_bytes(report.read_bytes())
    assert read_sheet(path, None).rows[0][0] == TITLE


def test_unsupported_suffix(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_bytes(b"x")
    with pytest.raises(ReadError, match="unsupported file type"):
        read_sheet(path, None)


def _grid_rows(path, sheet=None):
    conn = duckdb.connect()
    grid = read_grid(path, sheet, conn, "grid", head_rows=3)
    grid.load_rows(0)
    rows = conn.execute("SELECT * FROM grid ORDER BY _index").fetchall()
    assert [row[0] for row in rows] == list(range(len(rows)))
    return grid, [[grid.cell_value(j, value) for j, value in enumerate(row[1:])] for row in rows]


@pytest.mark.parametrize(
    "text",
    [
        "标题\r\n\r\n站点,时间,PM2.5\r\nA, 1 ,\r\n\r\n,,\r\nB,2,3,多一列\r\n",
        "站点,时间\nA,1\n\nB,2",
        '站点,备注\n"A,1","两\n行"\n\nB,"x"\n',
    ],
    ids=["blank-lines-and-ragged", "no-final-newline", "quoted"],
)
def test_read_grid_reads_a_csv_cell_for_cell_as_read_sheet(tmp_path, text):
    path = tmp_path / "data.csv"
    path.write_text(text, encoding="utf-8")
    grid, rows = _grid_rows(path)
    assert rows == read_sheet(path, None).rows
    assert grid.head == rows[:3]
    assert grid.cells([1]) == {1: rows[1]}


def test_read_grid_keeps_excel_values_of_mixed_columns(tmp_path, report):
    grid, rows = _grid_rows(report, "月报表")
    assert rows == read_sheet(report, "月报表").rows
    assert grid.decoders  # the header text and the counts share columns


def _long_export(path: Path, rows: list[list], merge_in_data: bool = False) -> Path:
    """An hourly export longer than the header scan: a merged title, a header, then `rows` from row 3."""
    workbook = xlsxwriter.Workbook(path)
    sheet = workbook.add_worksheet("小时数据")
    sheet.merge_range("A1:D1", "XX市国控站点小时数据（2023年01月）")
    sheet.write_row("A2", ["站点编码", "监测时间", "PM2.5", "有效"])
    moment = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if isinstance(value, datetime.datetime):
                sheet.write_datetime(i + 2, j, value, moment)
            else:
                sheet.write(i + 2, j, value)
    if merge_in_data:
        sheet.merge_range("A40:A41", rows[37][0])
    workbook.close()
    return path


_HOURS = [[f"B{i % 3}", f"2023-01-01 {i % 24:02d}:00", 20 + i / 2, i % 5 > 0] for i in range(60)]


@pytest.mark.parametrize(
    ("rows", "merge_in_data", "arrow"),
    [
        (_HOURS, False, True),
        ([*_HOURS[:50], ["B9", None, "12", None], *_HOURS[51:]], False, False),
        (_HOURS, True, False),
        (
            [[*row[:1], datetime.datetime(2023, 1, 1, i % 24), *row[2:]] for i, row in enumerate(_HOURS)],
            False,
            False,
        ),
    ],
    ids=["pure-columns-in-one-arrow-read", "text-among-numbers", "merged-below-header", "date-column"],
)
def test_read_grid_reads_a_long_xlsx_cell_for_cell_as_read_sheet(tmp_path, rows, merge_in_data, arrow):
    path = _long_export(tmp_path / "小时数据_202301.xlsx", rows, merge_in_data)
    conn = duckdb.connect()
    grid = read_grid(path, "小时数据", conn, "grid", head_rows=31)
    expected = read_sheet(path, "小时数据").rows
    assert grid.head == expected[:31]
    grid.load_rows(2)
    assert (grid.python_cells is None) == arrow
    table = conn.execute("SELECT * FROM grid ORDER BY _index").fetchall()
    assert [row[0] for row in table] == list(range(2, len(expected)))
    assert [[grid.cell_value(j, value) for j, value in enumerate(row[1:])] for row in table] == expected[2:]
    assert grid.cells([45]) == {45: expected[45]}
