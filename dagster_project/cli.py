"""XX市生态环境局 数据仓库命令行 (command line): `python -m dagster_project.cli <command>`.

Every command reads the published snapshot (data/warehouse.duckdb). Bad input, a missing warehouse or a
period without data is a message on stderr and exit code 2, never a traceback; a failed command leaves no
file behind.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import unicodedata
from datetime import UTC
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

import duckdb

from .ingest.normalise import CellError, DistrictTable, normalise_text
from .publish import restore_build, rollback
from .report import latest_period, write_report
from .report.build import ReportError
from .report.catalogue import Indicator, closest_codes, load_catalogue, load_domains
from .report.explain import (
    CITY,
    ExplainError,
    as_change,
    as_published,
    as_stored,
    explain,
    unit_of,
)
from .report.reconcile import reconcile, summary_line
from .settings import Settings

BUREAU_TIME = ZoneInfo("Asia/Shanghai")
# How the city itself is written in a request; 无为市 is a district, so a bare "…市" is not the city.
CITY_SPELLINGS = (CITY, "全市", "XX市")
HEADLINES_PER_DOMAIN = 2
PERIOD_FORMS = "2023-11、2023/11、202311 或 2023年11月"
_PERIOD_PATTERNS = (
    re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})"),
    re.compile(r"(?P<year>\d{4})(?P<month>\d{2})"),
    # 2023年11月, and the period as this tool prints it: 2023年1–11月
    re.compile(r"(?P<year>\d{4})年(?:0?1月?[-–—~～至到])?(?P<month>\d{1,2})月?"),
)


class CliError(Exception):
    """Input the command cannot act on; the message says what was wrong and what would be accepted."""


class Period(NamedTuple):
    """January to `month` of `year`, the period every indicator value covers."""

    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d}"

    @property
    def label(self) -> str:
        return f"{self.year}年1–{self.month}月"


def parse_period(text: str) -> Period:
    """2023-11, 2023/11, 202311, 2023年11月 (full-width digits too) → Period(2023, 11)."""
    compact = (normalise_text(text) or "").replace(" ", "")
    match = next((m for p in _PERIOD_PATTERNS if (m := p.fullmatch(compact))), None)
    if match is None:
        raise CliError(f'无法识别的期间 "{text}" (unrecognised period)：请写作 {PERIOD_FORMS}')
    month = int(match["month"])
    if not 1 <= month <= 12:
        raise CliError(f'期间 "{text}" 的月份须在 1–12 之间 (month must be 1–12)，而不是 {month}')
    return Period(int(match["year"]), month)


def parse_month(text: str) -> int:
    """A period's last month, 1–12 (also 11月, full-width digits)."""
    compact = (normalise_text(text) or "").replace(" ", "").removesuffix("月")
    if not compact.isdigit():
        raise CliError(f'无法识别的月份 "{text}" (not a month)：请写 1–12 的整数')
    if not 1 <= int(compact) <= 12:
        raise CliError(f"月份须在 1–12 之间 (month must be 1–12)，而不是 {int(compact)}")
    return int(compact)


def parse_year(text: str) -> int:
    compact = (normalise_text(text) or "").replace(" ", "").removesuffix("年")
    if not re.fullmatch(r"\d{4}", compact):
        raise CliError(f'无法识别的年份 "{text}" (not a year)：请写四位年份，如 2023')
    return int(compact)


def resolve_area(text: str, districts: DistrictTable) -> str:
    """城市 for the city (城市 / 全市 / XX市), else the district's official name, aliases included."""
    compact = (normalise_text(text) or "").replace(" ", "")
    if compact in CITY_SPELLINGS:
        return CITY
    try:
        return districts.resolve(compact)
    except CellError:
        spellings = [
            *CITY_SPELLINGS,
            *(s for name, aliases in districts.names_with_aliases() for s in (name, *aliases)),
        ]
        closest = difflib.get_close_matches(compact, spellings, n=3, cutoff=0.5)
        hint = f"；是否要找 (did you mean): {'、'.join(closest)}" if closest else ""
        known = "、".join(districts.names)
        raise CliError(
            f'未知地区 "{text}" (unknown area)：可选 (known areas) 城市（全市）、{known}{hint}'
        ) from None


def _argument(parse):
    """An argparse type from a parse_* function, so its message is argparse's error line."""

    def convert(text: str):
        try:
            return parse(text)
        except CliError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    convert.__name__ = parse.__name__
    return convert


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        raise CliError(f"参数错误 (invalid arguments): {message}\n{self.format_usage().rstrip()}")


def _published(settings: Settings) -> Path:
    path = settings.published_db
    if not path.exists():
        raise CliError(f"尚无已发布的数据仓库 (no published warehouse) {path}：请先运行 make run")
    return path


def _districts(conn: duckdb.DuckDBPyConnection) -> DistrictTable:
    rows = conn.execute(
        "SELECT district_name, aliases FROM reference.districts ORDER BY district_code"
    ).fetchall()
    return DistrictTable([{"district_name": name, "aliases": aliases} for name, aliases in rows])


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _display_width(text), 0)


def _headline(indicator: Indicator, row: tuple) -> str:
    value_report, numerator, denominator, change_report, complete = row
    ratio = (
        f"（{as_stored(numerator)}/{as_stored(denominator)}）"
        if indicator.aggregation == "ratio" and numerator is not None
        else ""
    )
    return (
        f"{indicator.name_zh} {as_published(value_report, indicator)}{ratio}，"
        f"同比 {as_change(change_report, indicator.yoy_kind)}" + ("" if complete else "（暂定 provisional）")
    )


def summary(settings: Settings) -> int:
    """Where the published warehouse is, when it was published, and each domain's headline city figures."""
    path = _published(settings)
    period = latest_period(path)
    with duckdb.connect(str(path), read_only=True) as conn:
        published_at = conn.execute("SELECT max(published_at) FROM ops.publish_log").fetchone()[0]
        local = published_at.replace(tzinfo=UTC).astimezone(BUREAU_TIME)
        print(f"数据仓库 warehouse: {path}")
        print(
            f"  发布于 published {local:%Y-%m-%d %H:%M:%S} 北京时间 (Asia/Shanghai)"
            f" · DuckDB {duckdb.__version__}"
        )
        if period is None:
            print("仓库中尚无指标值 (no indicator values yet)")
            return 0
        year, month = period
        catalogue = load_catalogue(conn)
        scores: dict[str, list[tuple[Indicator, tuple]]] = {}
        for code, *row in conn.execute(
            """SELECT s.indicator_code, s.value_report, v.numerator, v.denominator, s.yoy_change_report,
                      v.is_complete
               FROM indicators.rpt_scorecard AS s
               JOIN indicators.fct_indicator_values AS v USING (indicator_code, area, year, end_month)
               WHERE s.area = ? AND s.year = ? AND s.end_month = ? AND s.value IS NOT NULL""",
            [CITY, year, month],
        ).fetchall():
            if code in catalogue:
                scores.setdefault(catalogue[code].domain, []).append((catalogue[code], tuple(row)))
        print(f"{Period(year, month).label} 全市主要指标 (city headline figures):")
        for domain in load_domains(conn):
            scored = sorted(scores.get(domain.domain, []), key=lambda pair: pair[0].report_order)
            provisional = sum(not row[-1] for _, row in scored)
            print(
                f"  {domain.name_zh} {domain.domain}：{len(scored)} 项指标有值 (indicators with values)"
                + (f"，其中暂定 {provisional} 项 (provisional)" if provisional else "")
            )
            if not scored:
                print("    本期无数据 (no values for this period)")
            for indicator, row in scored[:HEADLINES_PER_DOMAIN]:
                print(f"    {_headline(indicator, row)}")
    folder = settings.reports_dir / str(Period(year, month))
    if folder.exists():
        print(f"报告 report: {folder}/report.md · report.xlsx · report.html")
    return 0


def report(settings: Settings, year: int, through: int) -> int:
    _published(settings)
    try:
        folder = write_report(settings, year, through)
    except ReportError as error:
        raise CliError(str(error)) from None
    except OSError as error:
        print(
            f"错误 error: 写报告失败 (writing the report failed): {error}；"
            "未留下任何文件 (nothing left behind)",
            file=sys.stderr,
        )
        return 1
    print(
        f"报告已写入 report written to {folder}/"
        "（report.md、report.xlsx、report.html；快照 snapshot warehouse.duckdb）"
    )
    return 0


def reconcile_figures(settings: Settings, figures_csv: Path) -> int:
    """Each figure as match / mismatch / unknown indicator / not computed; exit 1 on any mismatch."""
    path = _published(settings)
    if not figures_csv.is_file():
        raise CliError(f"找不到数字表 (figures table not found): {figures_csv}")
    outcomes = reconcile(path, figures_csv)
    for outcome in outcomes:
        print(outcome.line())
    print(summary_line(outcomes))
    return 1 if any(o.status == "mismatch" for o in outcomes) else 0


def explain_value(settings: Settings, code: str, period: Period | None, area_text: str) -> int:
    path = _published(settings)
    with duckdb.connect(str(path), read_only=True) as conn:
        area = resolve_area(area_text, _districts(conn))
    if period is None:
        latest = latest_period(path)
        if latest is None:
            raise CliError("仓库中尚无指标值 (no indicator values yet)")
        period = Period(*latest)
    try:
        lines = explain(path, code.strip(), period.year, period.month, area)
    except ExplainError as error:
        raise CliError(str(error)) from None
    print("\n".join(lines))
    return 0


def list_indicators(settings: Settings, text: str | None, domain_text: str | None) -> int:
    """Indicator codes with Chinese name, unit and English name, by domain in the report's order."""
    path = _published(settings)
    with duckdb.connect(str(path), read_only=True) as conn:
        catalogue = load_catalogue(conn)
        domains = load_domains(conn)
    if domain_text is not None:
        wanted = domain_text.strip().casefold()
        chosen = [d for d in domains if wanted in (d.domain.casefold(), d.name_zh)]
        if not chosen:
            known = "、".join(f"{d.domain}（{d.name_zh}）" for d in domains)
            raise CliError(f'未知领域 "{domain_text}" (unknown domain)：可选 (known domains) {known}')
        domains = chosen
    indicators = [i for i in catalogue.values() if i.domain in {d.domain for d in domains}]
    if text:
        needle = text.strip().casefold()
        indicators = [i for i in indicators if needle in i.code.casefold() or needle in i.name_zh.casefold()]
        if not indicators:
            closest = closest_codes(text, catalogue)
            hint = "；最接近的编码 (closest codes): " + "、".join(closest) if closest else ""
            raise CliError(f'没有与 "{text}" 相符的指标 (no indicator matches){hint}')
    code_width = max(_display_width(i.code) for i in indicators)
    name_width = max(_display_width(i.name_zh) for i in indicators)
    unit_width = max(_display_width("单位 unit"), *(_display_width(unit_of(i)) for i in indicators))
    for domain in domains:
        rows = sorted((i for i in indicators if i.domain == domain.domain), key=lambda i: i.report_order)
        if not rows:
            continue
        print(f"{domain.name_zh} {domain.domain}（{len(rows)} 项 indicators）")
        print(
            f"  {_pad('编码 code', code_width)}  {_pad('名称 name', name_width)}  "
            f"{_pad('单位 unit', unit_width)}  英文 English"
        )
        for indicator in rows:
            print(
                f"  {_pad(indicator.code, code_width)}  {_pad(indicator.name_zh, name_width)}  "
                f"{_pad(unit_of(indicator) or '—', unit_width)}  {indicator.name_en}".rstrip()
            )
    return 0


def rollback_published(settings: Settings) -> int:
    try:
        restored = rollback(settings)
    except RuntimeError as error:
        raise CliError(str(error)) from None
    print(f"已回滚 rolled back: {settings.published_db} is now {restored.name}")
    return 0


def restore_build_database(settings: Settings, backup_name: str | None) -> int:
    try:
        backup = restore_build(settings, backup_name)
    except RuntimeError as error:
        raise CliError(str(error)) from None
    print(f"已恢复 restored: {settings.build_db} from {backup.name}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m dagster_project.cli", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")
    commands.add_parser("summary", help="仓库位置与各领域主要指标 (where the warehouse is, headline figures)")
    listing = commands.add_parser("list", help="指标编码、名称与单位 (indicator codes, names, units)")
    listing.add_argument(
        "text", nargs="?", help="编码或名称的一部分 (part of a code or name), e.g. pm25, 优良"
    )
    listing.add_argument(
        "--domain", help="领域 (domain): air / water / soil / fishing / forestry，或 大气 / 水 …"
    )
    report_command = commands.add_parser("report", help="写 data/reports/YYYY-MM/ (md, xlsx, html)")
    report_command.add_argument(
        "--year", type=_argument(parse_year), required=True, help="年份 (year), e.g. 2023"
    )
    report_command.add_argument(
        "--through",
        type=_argument(parse_month),
        required=True,
        help="截止月 (last month of the period), 1–12",
    )
    reconcile_command = commands.add_parser("reconcile", help="核对稿件数字 (check claimed figures)")
    reconcile_command.add_argument(
        "figures", type=Path, help="CSV with the columns of report-2023-figures.csv"
    )
    explain_command = commands.add_parser("explain", help="一个数字的来源 (where a value came from)")
    explain_command.add_argument(
        "indicator", help="指标编码 (indicator code), e.g. air.pm25_mean; see `list`"
    )
    explain_command.add_argument(
        "--period",
        type=_argument(parse_period),
        help=f"期间 (period, January to that month): {PERIOD_FORMS}; default: the latest published",
    )
    explain_command.add_argument(
        "--area", default=CITY, help="地区 (area): 城市 / 全市 (default) or a district, aliases accepted"
    )
    commands.add_parser("rollback", help="恢复上一次发布的快照 (put back the previous snapshot)")
    restore = commands.add_parser(
        "restore-build", help="用备份恢复构建库 (put a build-database backup back: the newest, or --backup)"
    )
    restore.add_argument(
        "--backup", help="data/backups/ 中的文件名 (a backup's file name), e.g. build-2026…duckdb"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        settings = Settings.from_env()
        if args.command == "summary":
            return summary(settings)
        if args.command == "list":
            return list_indicators(settings, args.text, args.domain)
        if args.command == "report":
            return report(settings, args.year, args.through)
        if args.command == "reconcile":
            return reconcile_figures(settings, args.figures)
        if args.command == "explain":
            return explain_value(settings, args.indicator, args.period, args.area)
        if args.command == "restore-build":
            return restore_build_database(settings, args.backup)
        return rollback_published(settings)
    except CliError as error:
        print(f"错误 error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
