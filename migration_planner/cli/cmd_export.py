"""``migration-planner export --plan PLAN --out FILE.xlsx [--scenario NAME] [--csv-dir DIR] [--charts-dir DIR]``."""

from __future__ import annotations

import argparse

from migration_planner.cli.common import CliError, open_plan, parse_as_of

VERB = "export"
HELP = "プランをExcel（1ブック）に出力します。表のCSV（UTF-8 BOM付き）とグラフ（PNG・PDF）も出力できます"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--plan", required=True, help="プランファイル（.mplan）")
    p.add_argument("--out", metavar="FILE.xlsx", help="出力するExcelファイル（.xlsx）")
    p.add_argument("--scenario", metavar="NAME",
                   help="補助金試算に載せるシナリオ（ベースラインと並べます。省略時は全シナリオ）")
    p.add_argument("--csv-dir", dest="csv_dir", metavar="DIR", help="表ごとのCSVを出力するフォルダ（なければ作ります）")
    p.add_argument("--charts-dir", dest="charts_dir", metavar="DIR", help="グラフ（PNG・PDF）を出力するフォルダ（なければ作ります）")
    p.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD", help="工程表の基準日（既定：今日）")
    p.add_argument("--samples", type=int, default=2000, help="期限内の確率を求める試行回数（既定 2000、0で省略）")
    p.add_argument("--seed", type=int, default=0, help="乱数の種（既定 0）")


def run(args) -> int:
    from migration_planner.export import ExportError, ExportOptions, check_options, export_plan

    if not (args.out or args.csv_dir or args.charts_dir):
        raise CliError("--out（Excelファイル）、--csv-dir、--charts-dir のいずれかを指定してください。", 2)
    as_of = parse_as_of(args.as_of)
    if args.samples < 0:
        raise CliError("--samples は0以上にしてください。", 2)
    options = ExportOptions(out=args.out, csv_dir=args.csv_dir, charts_dir=args.charts_dir, scenario=args.scenario,
                            as_of=as_of, samples=args.samples, seed=args.seed)
    try:
        check_options(options)  # before opening the plan: a wrong path costs nothing
    except ExportError as exc:
        raise CliError(str(exc), 2) from None
    plan = open_plan(args.plan, create=False)
    try:
        result = export_plan(plan, options)
    except ExportError as exc:
        raise CliError(str(exc), 2) from None
    except OSError as exc:  # disk full, a folder removed mid-way: nothing half-written stays behind
        raise CliError(f"出力できませんでした（{exc.strerror or exc}）。", 2) from None
    finally:
        plan.close()
    for path in result.files:
        print(path)
    for note in result.notes:
        print(f"注記：{note}")
    return 0
