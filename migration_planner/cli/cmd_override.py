"""``migration-planner override SYSTEM_ID DEST --reason WHY --plan PLAN`` (or ``--clear``)."""

from __future__ import annotations

import argparse

from migration_planner.cli.common import CliError, open_plan, print_json
from migration_planner.placement import (
    DESTINATION_LABELS,
    PlacementError,
    clear_override,
    classify,
    set_override,
)

VERB = "override"
HELP = "システムの移行先を手動で変更します（理由は必須。履歴に記録されます）。--clear で自動判定に戻します"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("system_id", metavar="SYSTEM_ID", help="システムID")
    p.add_argument("destination", metavar="DEST", nargs="?",
                   help="移行先：" + "、".join(f"{c}（{label}）" for c, label in DESTINATION_LABELS.items()))
    p.add_argument("--reason", default="", help="理由（移行先の変更には必須）")
    p.add_argument("--clear", action="store_true", help="手動設定を解除して自動判定に戻します")
    p.add_argument("--plan", required=True, help="プランファイル（.mplan）")
    p.add_argument("--json", action="store_true", help="結果をJSONで出力します")


def run(args) -> int:
    if bool(args.clear) == bool(args.destination):
        raise CliError("移行先（DEST）か --clear のどちらか一方を指定してください。", 2)
    plan = open_plan(args.plan)
    try:
        try:
            if args.clear:
                clear_override(plan, args.system_id, args.reason)
            else:
                set_override(plan, args.system_id, args.destination, args.reason)
        except PlacementError as exc:
            raise CliError(str(exc), 2) from None
        item = next(c for c in classify(plan) if c.system_id == args.system_id)
    finally:
        plan.close()
    if args.json:
        print_json(item.to_json())
    else:
        how = "（手動設定）" if item.overridden else "（自動判定）"
        print(f"{item.system_id} {item.name}：{item.label}{how}")
    return 0
