"""Chinese descriptions of the published raw tables, derived from the registry (their one home).

The loader creates raw tables from the registry without comments; the snapshot takes them from here:
a table from its entry's `description_zh` and department, a column from the header label(s) the
submissions carry and its unit. The columns the loader adds beside a registry column (`<col>_unit`,
`<col>_qualifier`), the pseudonyms and the lineage columns get descriptions generated from what they
record.
"""

from __future__ import annotations

from ..ingest.registry import ColumnSpec, SourceSpec

LINEAGE_DESCRIPTIONS = {
    "_source": "血缘：数据来源（登记项名称）",
    "_file_path": "血缘：源文件在收件箱中的相对路径",
    "_sheet": "血缘：工作表名",
    "_row_number": "血缘：源文件中的行号",
    "_file_sha256": "血缘：源文件 SHA-256",
    "_file_identity": "血缘：文件身份（如报送期、区县、年度）",
    "_file_version": "血缘：文件版本（同一身份取最新版本）",
    "_load_batch": "血缘：装载批次（一次刷新运行的编号，见 raw._files）",
    "_loaded_at": "血缘：装载时间（UTC）",
    "_period_month": "血缘：文件身份中的报送月份（该月1日；无报送期时为空）",
    "_period_year": "血缘：文件身份中的年度（或报送月份所在年度）",
    "_district": "血缘：文件身份中的区县（无区县时为空）",
}


def table_description(spec: SourceSpec, totals: bool = False) -> str:
    """The entry's description and department; a 合计 table says which rows it keeps and why."""
    department = f"，报送部门：{spec.department}" if spec.department else ""
    where = f"登记项 {spec.name}（dagster_project/ingest/registry/{spec.domain}.yml）{department}"
    if totals:
        return f"{spec.description_zh}——报送表中的“{spec.total_row_label}”行，与明细分开保存以便核对。{where}"
    return f"{spec.description_zh}。{where}"


def _label(column: ColumnSpec) -> str:
    return column.headers[0]


def _column_description(column: ColumnSpec, convertible_units: set[str]) -> str:
    details = []
    if column.type == "district":
        details.append("已解析为区县规范名称（别名见 reference.districts）")
    if column.type == "bool":
        details.append("是/否")
    if column.reference:
        details.append(f"须为登记项 {column.reference.source} 中已有的 {column.reference.column}")
    if column.unit in convertible_units:
        details.append(f"数值按报送单位保存，单位见 {column.name}_unit，staging 换算为 {column.unit}")
    elif column.unit:
        details.append(f"单位：{column.unit}")
    if column.approx:
        details.append(f"报送为约数时约数词见 {column.name}_qualifier")
    also = f"（报送表头也作：{'、'.join(column.headers[1:])}）" if len(column.headers) > 1 else ""
    return "，".join([_label(column), *details]) + also


def column_descriptions(spec: SourceSpec, convertible_units: set[str]) -> dict[str, str]:
    """Column name → description, for every column the loader writes (personal ones included)."""
    descriptions: dict[str, str] = {}
    for column in spec.columns:
        descriptions[column.name] = _column_description(column, convertible_units)
        if column.unit in convertible_units:
            descriptions[f"{column.name}_unit"] = (
                f"{_label(column)}的报送计量单位（取自表头；表头未注明时为 {column.unit}）"
            )
        if column.approx:
            descriptions[f"{column.name}_qualifier"] = (
                f"{_label(column)}报送时所带的约数词（余、以上、约、左右）；为空表示报送的是确数"
            )
    for derived, personal in spec.pseudonyms:
        descriptions[derived] = (
            f"{_label(spec.column(personal))}的化名（以密钥 HMAC-SHA256 计算，同一人同一化名；"
            "原值只保存在构建库）"
        )
    descriptions.update(LINEAGE_DESCRIPTIONS)
    return descriptions
