"""``migration-planner import INVENTORY.xlsx --plan PLAN [--json]``."""

from __future__ import annotations

import argparse

from migration_planner.cli.common import issue_json, open_plan_for, print_json, read_input
from migration_planner.inventory import read_inventory
from migration_planner.plan_ops import import_hooks

VERB = "import"
HELP = "システム一覧（.xlsx）をプランに取り込みます（プランがなければ作成します）"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inventory", metavar="INVENTORY.xlsx", help="取り込むシステム一覧")
    p.add_argument("--plan", required=True, help="プランファイル（.mplan）")
    p.add_argument("--json", action="store_true", help="結果をJSONで出力します")


def run(args) -> int:
    result = read_input(read_inventory, args.inventory, as_json=args.json, count_key="systems")
    plan = open_plan_for(args.plan, as_json=args.json, count_key="systems", create=True)
    try:
        diff = plan.apply_inventory(result.records, source=args.inventory, hooks=import_hooks())
    finally:
        plan.close()
    if args.json:
        print_json({
            "systems": len(result.records),
            "warnings": [issue_json(i) for i in result.warnings],
            "errors": [],
            "added": len(diff.added),
            "removed": len(diff.removed),
            "changed": len(diff.changed),
        })
    else:
        print(f"{len(result.records)} システムを取り込みました（{diff.summary()}）。")
        for w in result.warnings:
            print(f"警告：{w.line()}")
    return 0
