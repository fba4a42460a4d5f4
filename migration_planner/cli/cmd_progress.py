"""``migration-planner progress import PROGRESS.xlsx --plan PLAN [--json]``."""

from __future__ import annotations

import argparse

from migration_planner.cli.common import CliError, issue_json, open_plan_for, print_json, read_input
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
    result = read_input(read_progress, args.progress, as_json=args.json, count_key="workloads")
    plan = open_plan_for(args.plan, as_json=args.json, count_key="workloads")
    try:
        apply_progress(plan, result)
    finally:
        plan.close()
    if args.json:
        print_json({
            "workloads": len(result.rows),
            "warnings": [issue_json(i) for i in result.warnings],
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
