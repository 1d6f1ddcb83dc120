"""A 合计 row lacks the detail fields a register requires (date, document number): it is kept as a total."""

from datetime import date

from dagster_project.ingest.loader import ParseContext, parse_file
from dagster_project.ingest.normalise import DistrictTable, UnitTable
from dagster_project.ingest.registry import ColumnSpec, Expectation, SourceSpec
from dagster_project.settings import REFERENCE_SEEDS_DIR
from sample_generator.common import write_form_xlsx

SPEC = SourceSpec(
    name="funds",
    domain="test",
    description_zh="资金下达表",
    department="",
    files="funds/*",
    sheet="资金下达",
    header_contains=("下达文号", "区县"),
    kind="register",
    identity=(),
    key=("document_no", "district"),
    columns=(
        ColumnSpec("document_no", ("下达文号",), "text", required=True),
        ColumnSpec("district", ("区县",), "district", required=True),
        ColumnSpec("allocated_on", ("下达日期",), "date", required=True),
        ColumnSpec("amount", ("下达金额",), "number", unit="元"),
    ),
    expected=Expectation("yearly"),
    total_row_label="合计",
)


def test_total_row_without_required_detail_fields_is_kept_and_a_detail_row_without_them_is_rejected(tmp_path):
    path = tmp_path / "funds.xlsx"
    write_form_xlsx(
        path,
        "资金下达",
        ["下达文号", "区县", "下达日期", "下达金额（万元）"],
        [["A〔2023〕1号", "镜湖区", date(2023, 4, 1), 10], ["A〔2023〕1号", "繁昌县", None, 20]],
        title="资金下达表",
        total_columns=[3],
        total_label_col=1,
    )
    ctx = ParseContext(
        UnitTable.from_csv(REFERENCE_SEEDS_DIR / "units.csv"),
        DistrictTable.from_csv(REFERENCE_SEEDS_DIR / "districts.csv"),
        {},
        date(2024, 1, 1),
        b"test-key",
    )
    parsed = parse_file(path, "funds.xlsx", "sha", SPEC, ctx)

    assert [row["district"] for row in parsed.rows] == ["镜湖区"]
    assert [(t["district"], t["amount"]) for t in parsed.totals] == [("合计", 30)]
    assert [(r.row_number, r.column_name) for r in parsed.rejects] == [(4, "allocated_on")]
