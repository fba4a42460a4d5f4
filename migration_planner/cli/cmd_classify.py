"""``migration-planner classify --plan PLAN [--json] [--group GROUP] [--as-of DATE]``."""

from __future__ import annotations

import argparse
import datetime as dt

from migration_planner.cli.common import open_plan, parse_as_of, print_json
from migration_planner.placement import DESTINATION_LABELS, DESTINATIONS, GROUPS, classify, in_group

VERB = "classify"
HELP = "各システムの移行先（ガバメントクラウド・SaaS・大阪市共通クラウド・オンプレミス）と判定理由を出力します"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--plan", required=True, help="プランファイル（.mplan）")
    p.add_argument("--json", action="store_true", help="JSONで出力します")
    p.add_argument("--group", choices=sorted(GROUPS), action="append",
                   help="優先して検討するグループに絞ります（複数指定は両方に該当するもの）："
                        + "、".join(f"{k}＝{v[0]}" for k, v in GROUPS.items()))
    p.add_argument("--as-of", help="「2年度以内に更新」の基準日（既定：今日）。例：2026-11-21")


def run(args) -> int:
    as_of = parse_as_of(args.as_of)
    plan = open_plan(args.plan)
    try:
        items = classify(plan)
    finally:
        plan.close()
    for group in args.group or ():
        items = [c for c in items if in_group(c, group, as_of=as_of or dt.date.today())]
    if args.json:
        print_json([c.to_json() for c in items])
        return 0
    for c in items:
        marks = "".join((" [手動]" if c.overridden else "", " [要確認]" if c.needs_review else "",
                         f" [{c.caveat}]" if c.caveat else ""))
        why = f"手動設定（{c.override.reason}）／自動判定 {c.reasons[-1]}" if c.override else c.reasons[-1]
        print(f"{c.system_id}\t{c.name}\t{c.label}{marks}\t{why}")
    counts = {d: sum(1 for c in items if c.destination == d) for d in DESTINATIONS}
    if items:
        print("計 " + "・".join(f"{DESTINATION_LABELS[d]} {n}" for d, n in counts.items()))
    return 0
