"""``migration-planner schedule --plan PLAN [--json] [--as-of YYYY-MM-DD] [--samples N] [--seed S]``."""

from __future__ import annotations

import argparse

from migration_planner.cli.common import CliError, open_plan, parse_as_of, print_json
from migration_planner.schedule import ScheduleError, compute_schedule

VERB = "schedule"
HELP = "標準化20業務の移行スケジュール（実績から再計画、クリティカルパス、期限内に終わる確率）を出力します"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--plan", required=True, help="プランファイル（.mplan）")
    p.add_argument("--json", action="store_true", help="結果をJSONで出力します")
    p.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD", help="基準日（既定：今日）")
    p.add_argument("--samples", type=int, default=2000, help="モンテカルロの試行回数（0で省略。既定 2000）")
    p.add_argument("--seed", type=int, default=0, help="乱数の種（既定 0）")


def run(args) -> int:
    as_of = parse_as_of(args.as_of)
    if args.samples < 0:
        raise CliError("--samples は0以上にしてください。", 2)
    plan = open_plan(args.plan, create=False)
    try:
        result = compute_schedule(plan, as_of, samples=args.samples, seed=args.seed)
    except ScheduleError as exc:
        raise CliError(str(exc), 2) from None
    finally:
        plan.close()
    if args.json:
        print_json(result.to_json())
        return 0
    pct = lambda x: "—" if x is None else f"{x:.0%}"  # noqa: E731
    print(f"基準日 {result.as_of}　期限 {result.deadline}　延長期限 {result.extended_deadline}"
          f"　ベンダ同時移行数 {result.capacity}")
    for w in result.workloads:
        mark = "★" if w.critical else "  "
        print(f"{mark}{w.code:>5} {w.name:<18} {w.finish or '—'}  余裕 {w.slack_days:>6}営業日  "
              f"{w.progress:>5.0%}  {w.status}  期限内 {pct(w.p_on_time)}  延長期限内 {pct(w.p_extended)}"
              + (f"  （{'、'.join(w.causes)}）" if w.causes else ""))
    print("クリティカルパス：" + " → ".join(result.critical_path))
    return 0
