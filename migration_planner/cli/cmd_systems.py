"""``migration-planner systems --plan PLAN --json``."""

from __future__ import annotations

import argparse

from migration_planner.cli.common import open_plan, print_json
from migration_planner.inventory.contract import INVENTORY_COLUMNS

CONTRACT_KEYS = tuple(c.key for c in INVENTORY_COLUMNS)

VERB = "systems"
HELP = "プランのシステム一覧を出力します"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--plan", required=True, help="プランファイル（.mplan）")
    p.add_argument("--json", action="store_true", help="JSONで出力します")


def run(args) -> int:
    plan = open_plan(args.plan)
    try:
        records = plan.records()
    finally:
        plan.close()
    if args.json:
        # Keyed exactly as in the contract (inventory-format.md); extra attributes are not contract keys.
        print_json([{key: getattr(r, key) for key in CONTRACT_KEYS} for r in records])
    else:
        for r in records:
            print(f"{r.system_id}\t{r.name}\t{r.department}\t{r.tier}\t{r.servers}")
    return 0
