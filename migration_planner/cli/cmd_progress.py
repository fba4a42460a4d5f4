"""``migration-planner progress import PROGRESS.xlsx --plan PLAN [--json]``."""

from __future__ import annotations

import argparse

from migration_planner.cli.common import CliError, open_plan, print_json
from migration_planner.inventory import FileProblem, ImportFailed
from migration_planner.schedule.progress_sheet import apply_progress, read_progress
from migration_planner.workloads import workload_label

VERB = "progress"
HELP = "標準化業務の進捗（完了ステップ数・進捗率）を扱います"


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", parser_class=type(p))
    imp = sub.add_parser("import", help="進捗表（.xlsx）をプランに取り込みます", description="進捗表（.xlsx）をプランに取り込みます")
    imp.add_argument("progress", metavar="PROGRESS.xlsx", help="取り込む進捗表")
    imp.add_argument("--plan", required=True, help="プランファイル（.mplan）")
    imp.add_argument("--json", action="store_true", help="結果をJSONで出力します")


def run(args) -> int:
    if getattr(args, "action", None) != "import":
        raise CliError("使い方：migration-planner progress import PROGRESS.xlsx --plan PLAN [--json]", 2)
    try:
        result = read_progress(args.progress)
    except FileProblem as exc:
        if args.json:
            print_json({"workloads": 0, "warnings": [], "errors": [{"message": exc.message, "line": exc.message}]})
        raise CliError(exc.message, 2) from None
    except ImportFailed as exc:
        if args.json:
            print_json({
                "workloads": 0,
                "warnings": [i.to_json() | {"line": i.line()} for i in exc.warnings],
                "errors": [i.to_json() | {"line": i.line()} for i in exc.errors],
            })
        raise CliError([f"エラー {len(exc.errors)} 件：何も書き込んでいません。"] + [i.line() for i in exc.errors], 2) from None
    plan = open_plan(args.plan, create=False)
    try:
        apply_progress(plan, result)
    finally:
        plan.close()
    if args.json:
        print_json({
            "workloads": len(result.rows),
            "warnings": [i.to_json() | {"line": i.line()} for i in result.warnings],
            "errors": [],
            "progress": [{"code": r.code, "completed_steps": r.completed, "as_of": r.as_of.isoformat()} for r in result.rows],
        })
    else:
        print(f"{len(result.rows)} 業務の進捗を取り込みました（シート「{result.sheet}」）。")
        for r in result.rows:
            print(f"  {workload_label(r.code)}：完了 {r.completed}/40（{r.as_of}）")
        for w in result.warnings:
            print(f"警告：{w.line()}")
    return 0
