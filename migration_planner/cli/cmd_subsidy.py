"""``migration-planner subsidy --plan PLAN [--json] [--scenario NAME] [--cap YEN] [--committed YEN]``."""

from __future__ import annotations

import argparse

from migration_planner.cli.common import CliError, open_plan, print_json
from migration_planner.money import format_oku, parse_yen
from migration_planner.subsidy import FIGURE_LABELS, ParamError, ScenarioError, evaluate_scenario

VERB = "subsidy"
HELP = "補助金の不足額（市の負担）をシナリオごとに計算します"


def _yen(text: str) -> int:
    try:
        return parse_yen(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--plan", required=True, help="プランファイル（.mplan）")
    p.add_argument("--json", action="store_true", help="JSONで出力します（金額は円の整数）")
    p.add_argument("--scenario", metavar="NAME", help="シナリオ名（省略時はベースライン）")
    p.add_argument("--cap", type=_yen, metavar="YEN", help="補助上限額（円。18.6億円 の形も可）。保存はしません")
    p.add_argument("--committed", type=_yen, metavar="YEN", help="計上済み額（円）。保存はしません")


def run(args) -> int:
    overrides = {k: getattr(args, k) for k in ("cap", "committed") if getattr(args, k) is not None}
    plan = open_plan(args.plan)
    try:
        result = evaluate_scenario(plan, args.scenario, overrides=overrides or None)
    except (ScenarioError, ParamError) as exc:
        raise CliError(str(exc).splitlines(), 2) from None
    finally:
        plan.close()
    if args.json:
        print_json(result.to_json())
        return 0
    print(f"シナリオ「{result.scenario}」")
    for key in ("cap", "committed", "remaining_cap", "eligible_cost", "subsidy_covered",
                "ineligible_cost", "extra_running_cost", "shortfall"):
        print(f"  {FIGURE_LABELS[key]}：{format_oku(getattr(result, key))}")
        print(f"    （{result.explanations[key]}）")
    print("年度別の市負担：")
    for fy in result.by_fiscal_year.values():
        print(f"  {fy.label}：{format_oku(fy.shortfall)}")
    print("業務別の市負担：")
    for w in result.by_workload.values():
        print(f"  {w.code} {w.name}：{format_oku(w.shortfall)}")
    if result.related:
        print(f"関連作業（補助対象外）：{format_oku(result.ineligible_cost)}")
    for note in result.notes:
        print(f"注記：{note}")
    return 0
