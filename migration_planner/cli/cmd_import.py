"""``migration-planner import INVENTORY.xlsx --plan PLAN [--json]``."""

from __future__ import annotations

import argparse

from migration_planner.cli.common import CliError, open_plan, print_json
from migration_planner.inventory import FileProblem, ImportFailed, Issue, read_inventory
from migration_planner.plan_ops import import_hooks

VERB = "import"
HELP = "システム一覧（.xlsx）をプランに取り込みます（プランがなければ作成します）"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inventory", metavar="INVENTORY.xlsx", help="取り込むシステム一覧")
    p.add_argument("--plan", required=True, help="プランファイル（.mplan）")
    p.add_argument("--json", action="store_true", help="結果をJSONで出力します")


def _file_error(message: str) -> dict:
    """A problem with a whole file, shaped like the per-cell errors (no sheet, row or column)."""
    issue = Issue(message)
    return issue.to_json() | {"line": issue.line()}


def run(args) -> int:
    try:
        result = read_inventory(args.inventory)
    except FileProblem as exc:
        if args.json:
            print_json({"systems": 0, "warnings": [], "errors": [_file_error(exc.message)]})
        raise CliError(exc.message, 2) from None
    except ImportFailed as exc:
        if args.json:
            print_json({
                "systems": 0,
                "warnings": [i.to_json() | {"line": i.line()} for i in exc.warnings],
                "errors": [i.to_json() | {"line": i.line()} for i in exc.errors],
            })
        else:
            # The summary goes to stdout, so stderr holds exactly one line per error (row and column).
            print(f"エラー {len(exc.errors)} 件：何も書き込んでいません。")
        raise CliError([i.line() for i in exc.errors], 2) from None
    try:
        plan = open_plan(args.plan, create=True)
    except CliError as exc:  # not a plan, a newer plan, no such folder: --json still gets its JSON
        if args.json:
            print_json({"systems": 0, "warnings": [], "errors": [_file_error(line) for line in exc.lines]})
        raise
    try:
        diff = plan.apply_inventory(result.records, source=args.inventory, hooks=import_hooks())
    finally:
        plan.close()
    if args.json:
        print_json({
            "systems": len(result.records),
            "warnings": [i.to_json() | {"line": i.line()} for i in result.warnings],
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
