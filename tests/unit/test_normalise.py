from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dagster_project.ingest.normalise import (
    MISSING_MARKERS,
    CellError,
    ColumnUnit,
    DistrictTable,
    ParsedNumber,
    UnitTable,
    normalise_text,
    parse_bool,
    parse_date,
    parse_integer,
    parse_number,
    parse_timestamp,
    split_header,
)

REFERENCE = Path(__file__).resolve().parents[2] / "seeds" / "reference"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, None),
        (float("nan"), None),
        (pd.NA, None),
        ("", None),
        ("  \u3000 ", None),
        ("８３.６％", "83.6%"),
        ("面积（万亩）", "面积(万亩)"),
        ("1－10月", "1-10月"),
        ("\u200b镜湖区\ufeff", "镜湖区"),
        ("a\u00a0\u00a0 b\n\tc", "a b c"),
        ("µg/m³", "μg/m³"),  # micro sign becomes Greek mu; the superscript stays
        (340202.0, "340202"),  # calamine's float for a typed code
        (2.5, "2.5"),
    ],
)
def test_normalise_text(raw, expected):
    assert normalise_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("８３.６％", ParsedNumber(83.6, None)),
        ("1,484", ParsedNumber(1484.0, None)),
        ("1，484", ParsedNumber(1484.0, None)),
        ("1 484 000", ParsedNumber(1484000.0, None)),
        (" 856.15 ", ParsedNumber(856.15, None)),
        ("5万", ParsedNumber(50000.0, None)),
        ("2.92万", ParsedNumber(29200.0, None)),
        ("５万余", ParsedNumber(50000.0, "余")),
        ("1.3万余", ParsedNumber(13000.0, "余")),
        ("20余万", ParsedNumber(200000.0, "余")),
        ("1千余", ParsedNumber(1000.0, "余")),
        ("500余", ParsedNumber(500.0, "余")),
        ("300多", ParsedNumber(300.0, "多")),
        ("约243", ParsedNumber(243.0, "约")),
        ("243左右", ParsedNumber(243.0, "左右")),
        ("80％以上", ParsedNumber(80.0, "以上")),
        ("5以下", ParsedNumber(5.0, "以下")),
        ("不足10", ParsedNumber(10.0, "不足")),
        ("近2.7亿", ParsedNumber(270000000.0, "近")),
        ("<0.01", ParsedNumber(0.01, "以下")),
        ("1.5e3", ParsedNumber(1500.0, None)),
        ("+5", ParsedNumber(5.0, None)),
        ("-3.2", ParsedNumber(-3.2, None)),
        (".5", ParsedNumber(0.5, None)),
        (12, ParsedNumber(12.0, None)),
        (12.5, ParsedNumber(12.5, None)),
        (np.int64(7), ParsedNumber(7.0, None)),
        (np.float32(0.5), ParsedNumber(0.5, None)),
        (None, ParsedNumber(None, None)),
        (float("nan"), ParsedNumber(None, None)),
        ("", ParsedNumber(None, None)),
        ("-", ParsedNumber(None, None)),
        ("—", ParsedNumber(None, None)),
        ("n/a", ParsedNumber(None, None)),
        ("缺测", ParsedNumber(None, None)),
    ],
)
def test_parse_number(raw, expected):
    assert parse_number(raw, allow_qualifier=True) == expected


def test_decimal_safe_multiplication():
    assert parse_number("2.92万").value == 29200.0  # float arithmetic would give 29199.999999999996


@pytest.mark.parametrize(
    "raw", ["abc", "12.3.4", "十二", "12,5", "5万%", "约500余", "1 2", True, np.bool_(False)]
)
def test_parse_number_rejects(raw):
    with pytest.raises(CellError, match="not a number"):
        parse_number(raw, allow_qualifier=True)


def test_parse_number_names_the_text():
    with pytest.raises(CellError, match='"abc"'):
        parse_number("abc")


@pytest.mark.parametrize("raw", ["500余", "约243", "80%以上", "５万余"])
def test_qualifier_not_allowed(raw):
    with pytest.raises(CellError, match="此列不接受约数"):
        parse_number(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0.01L", ParsedNumber(0.01, "以下")),
        ("０.００４Ｌ", ParsedNumber(0.004, "以下")),
        ("0.05 l", ParsedNumber(0.05, "以下")),
        ("ND", ParsedNumber(None, "未检出")),
        ("n.d.", ParsedNumber(None, "未检出")),
        ("未检出", ParsedNumber(None, "未检出")),
    ],
)
def test_parse_number_below_detection_limit(raw, expected):
    assert parse_number(raw, allow_qualifier=True) == expected


@pytest.mark.parametrize("raw", ["0.01L", "ND", "未检出"])
def test_below_detection_is_a_qualifier(raw):
    with pytest.raises(CellError, match="此列不接受约数"):
        parse_number(raw)


@pytest.mark.parametrize("raw", ["<0.01L", "L", "约0.5L"])
def test_parse_number_rejects_malformed_detection_limit(raw):
    with pytest.raises(CellError, match="not a number"):
        parse_number(raw, allow_qualifier=True)


def test_parse_number_rejects_infinity():
    with pytest.raises(CellError):
        parse_number(float("inf"))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (12.0, ParsedNumber(12, None)),
        ("1,484", ParsedNumber(1484, None)),
        ("2.5万", ParsedNumber(25000, None)),
        ("-", ParsedNumber(None, None)),
    ],
)
def test_parse_integer(raw, expected):
    parsed = parse_integer(raw)
    assert parsed == expected
    assert parsed.value is None or isinstance(parsed.value, int)


def test_parse_integer_qualified():
    assert parse_integer("500余", allow_qualifier=True) == ParsedNumber(500, "余")


@pytest.mark.parametrize("raw", [12.5, "3.2", "2.5余"])
def test_parse_integer_rejects_fractions(raw):
    with pytest.raises(CellError):
        parse_integer(raw, allow_qualifier=True)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (44927, date(2023, 1, 1)),
        (44927.75, date(2023, 1, 1)),
        ("44927", date(2023, 1, 1)),
        (1, date(1900, 1, 1)),
        (61, date(1900, 3, 1)),
        (20230105, date(2023, 1, 5)),
        ("2023-01-05", date(2023, 1, 5)),
        ("2023/1/5", date(2023, 1, 5)),
        ("2023.1.5", date(2023, 1, 5)),
        ("2023年1月5日", date(2023, 1, 5)),
        ("2023 年 1 月 5 日", date(2023, 1, 5)),
        ("２０２３年１月５日", date(2023, 1, 5)),
        ("２０２３－０１－０５", date(2023, 1, 5)),
        ("20230105", date(2023, 1, 5)),
        ("2023-01-05 00:00:00", date(2023, 1, 5)),
        (datetime(2023, 1, 5, 13, 30), date(2023, 1, 5)),
        (date(2023, 1, 5), date(2023, 1, 5)),
        (pd.Timestamp("2023-01-05 08:00"), date(2023, 1, 5)),
        (None, None),
        (pd.NaT, None),
        ("", None),
        ("-", None),
    ],
)
def test_parse_date(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    "raw", ["hello", "2023-13-01", "2023-02-30", "2023-01", "2023年1月", 0, 3_000_000, True]
)
def test_parse_date_rejects(raw):
    with pytest.raises(CellError, match="日期无法识别"):
        parse_date(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (44927.5, datetime(2023, 1, 1, 12, 0)),
        (44927 + 1 / 24, datetime(2023, 1, 1, 1, 0)),  # inexact float, rounded to the second
        (datetime(2023, 1, 5, 13, 0, 0, 999000), datetime(2023, 1, 5, 13, 0, 1)),
        (date(2023, 1, 5), datetime(2023, 1, 5)),
        ("2023-01-05 08:30", datetime(2023, 1, 5, 8, 30)),
        ("2023-01-05 08:30:15", datetime(2023, 1, 5, 8, 30, 15)),
        ("2023-01-05T08:30:15", datetime(2023, 1, 5, 8, 30, 15)),
        ("2023/1/5 9:05", datetime(2023, 1, 5, 9, 5)),
        ("2023-01-05 13时", datetime(2023, 1, 5, 13)),
        ("2023年1月5日 8时", datetime(2023, 1, 5, 8)),
        ("2023年1月5日8时30分", datetime(2023, 1, 5, 8, 30)),
        ("２０２３－０１－０５ １３：００", datetime(2023, 1, 5, 13)),
        ("2023-01-01 24:00", datetime(2023, 1, 2, 0, 0)),
        ("2023-12-31 24时", datetime(2024, 1, 1, 0, 0)),
        ("2023-01-05", datetime(2023, 1, 5)),
        (None, None),
    ],
)
def test_parse_timestamp(raw, expected):
    assert parse_timestamp(raw) == expected


@pytest.mark.parametrize(
    "raw", ["2023-01-01 24:30", "2023-01-01 25:00", "2023-01-01 12:60", "2023-01-01 noon"]
)
def test_parse_timestamp_rejects(raw):
    with pytest.raises(CellError):
        parse_timestamp(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        *[(word, True) for word in ["是", "有", "已", "已安装", "√", "✓", "Y", "yes", "TRUE", "1", "达标"]],
        *[
            (word, False)
            for word in ["否", "无", "未", "未安装", "×", "✗", "n", "No", "false", "0", "不达标"]
        ],
        (True, True),
        (np.bool_(False), False),
        (1, True),
        (0.0, False),
        (None, None),
        ("", None),
        ("-", None),
    ],
)
def test_parse_bool(raw, expected):
    assert parse_bool(raw) is expected


@pytest.mark.parametrize("raw", ["也许", 2, "10"])
def test_parse_bool_rejects(raw):
    with pytest.raises(CellError, match="是/否"):
        parse_bool(raw)


def test_missing_markers_match_either_case():
    assert {"NA", "na", "N/A", "n/a", "null", "-", "—", "―", "/", "无数据", "缺测"} <= MISSING_MARKERS


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("PM2.5(μg/m³)", ("PM2.5", "μg/m³")),
        ("PM2.5（µg/m³）", ("PM2.5", "μg/m³")),
        ("面积（万亩）", ("面积", "万亩")),
        ("CO(mg/m3)", ("CO", "mg/m3")),
        ("O3(8h)(μg/m³)", ("O3(8h)", "μg/m³")),
        ("达标率[%]", ("达标率", "%")),
        ("金额（单位：万元）", ("金额", "万元")),
        ("区县", ("区县", None)),
        ("站点名称 ", ("站点名称", None)),
        ("秋冬季减排\n核查企业（家）", ("秋冬季减排核查企业", "家")),
        ("PM2.5\r\nconcentration", ("PM2.5 concentration", None)),
        (None, ("", None)),
        (2023.0, ("2023", None)),
    ],
)
def test_split_header(raw, expected):
    assert split_header(raw) == expected


@pytest.fixture(scope="module")
def units() -> UnitTable:
    return UnitTable.from_csv(REFERENCE / "units.csv")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("μg/m³", "ug/m3"),
        ("µg/m3", "ug/m3"),
        ("ug/m3", "ug/m3"),
        ("毫克/立方米", "mg/m3"),
        ("MG/M3", "mg/m3"),
        ("mg/l", "mg/L"),
        ("公顷", "公顷"),
        ("hm²", "公顷"),
        ("万亩", "万亩"),
        ("％", "%"),
        ("furlongs", None),
        ("", None),
    ],
)
def test_unit_canonical(units, raw, expected):
    assert units.canonical(raw) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("万亩", "亩", 10000.0),
        ("公顷", "亩", 15.0),
        ("mg/m3", "ug/m3", 1000.0),
        ("ug/m3", "mg/m3", 0.001),
        ("ug/L", "mg/L", 0.001),
        ("万元", "亿元", 0.0001),
        ("亩", "亩", 1.0),
    ],
)
def test_unit_factor(units, source, target, expected):
    assert units.factor(source, target) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(("source", "target"), [("mg/m3", "mg/L"), ("亩", "t"), ("万元", "%")])
def test_unit_factor_rejects_mismatched_dimensions(units, source, target):
    with pytest.raises(CellError, match="量纲"):
        units.factor(source, target)


def test_unit_factor_rejects_unknown_unit(units):
    with pytest.raises(CellError, match="未知单位"):
        units.factor("furlongs", "km")


@pytest.fixture(scope="module")
def districts() -> DistrictTable:
    return DistrictTable.from_csv(REFERENCE / "districts.csv")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("镜湖区", "镜湖区"),
        (" 镜 湖 区 ", "镜湖区"),
        ("镜湖", "镜湖区"),
        ("繁昌县", "繁昌区"),
        ("三山区", "弋江区"),
        ("芜湖县", "湾沚区"),
        ("经开区", "经济技术开发区"),
        ("芜湖经济技术开发区", "经济技术开发区"),
        ("无为市", "无为市"),
        ("芜湖市无为市", "无为市"),
        ("芜湖市镜湖区", "镜湖区"),
        ("XX市南陵县", "南陵县"),
    ],
)
def test_district_resolve(districts, raw, expected):
    assert districts.resolve(raw) == expected


@pytest.mark.parametrize("raw", ["合计", "芜湖市", "火星区", None])
def test_district_resolve_rejects(districts, raw):
    with pytest.raises(CellError, match="区县"):
        districts.resolve(raw)


def test_district_names(districts):
    assert districts.names[0] == "镜湖区"
    assert "经济技术开发区" in districts.names
    assert len(districts.names) == 8
    assert ("繁昌区", ("繁昌县", "繁昌")) in districts.names_with_aliases()


def _column_unit(units, shown):
    """A ColumnUnit as the loader builds it: own unit by canonical code, else as written."""

    def is_own(text):
        canonical = units.canonical(text)
        return canonical == shown if canonical else text == shown

    return ColumnUnit(
        shown, is_own, lambda text: units.canonical(text) is not None or text in {"家", "个", "辆"}
    )


@pytest.mark.parametrize(
    ("raw", "shown", "expected"),
    [
        ("12家", "家", 12.0),
        ("12 家", "家", 12.0),
        ("0.8 mg/m³", "mg/m3", 0.8),
        ("0.8毫克/立方米", "mg/m3", 0.8),
        ("83.6%", "%", 83.6),
        ("５万元", "万元", 5.0),
        ("12", "家", 12.0),
    ],
)
def test_the_columns_own_unit_written_in_the_cell_is_read(units, raw, shown, expected):
    assert parse_number(raw, unit=_column_unit(units, shown)).value == expected


@pytest.mark.parametrize(
    ("raw", "shown", "reason"),
    [
        ("83.6%", None, "% sign"),
        ("3%", "家", "% sign"),
        ("12个", "家", "written in 个"),
        ("800μg/m³", "mg/m3", "written in μg/m³"),
        ("5元", "万元", "written in 元"),
        ("12*", "家", "footnote mark"),
        ("12①", "家", "footnote mark"),
        ("12¹", None, "footnote mark"),
        ("12※", "家", "footnote mark"),
        ("12注1", "家", "footnote mark"),
    ],
)
def test_a_sign_unit_or_footnote_the_column_is_not_in_is_rejected(units, raw, shown, reason):
    with pytest.raises(CellError, match=reason):
        parse_integer(raw, unit=_column_unit(units, shown))


def test_a_superscript_inside_a_unit_is_not_a_footnote(units):
    assert parse_number("30 m³", unit=_column_unit(units, "m3")).value == 30.0
