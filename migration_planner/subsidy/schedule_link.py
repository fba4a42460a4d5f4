"""Lateness per workload from the schedule, when the schedule module is there.

The cost model takes late months as a plain dict; this adapter is the only place that knows the
schedule. Until ``migration_planner.schedule`` provides ``compute_schedule(plan)`` and
``late_months_by_workload(result)``, or when it fails, the scenario's own months of delay are
used alone and the result carries a note saying so.
"""

from __future__ import annotations

from migration_planner.i18n import Msg

NOTE_NO_SCHEDULE = Msg("subsidy", "工程表（スケジュール）がまだ使えないため、シナリオの遅延月数だけで計算しています。")
NOTE_FROM_SCHEDULE = Msg("subsidy", "各業務の遅れは工程表から（2026-03-31を過ぎて完了する月数）、シナリオの遅延月数はその上乗せです。")

#: (late months by workload or None, note): what :func:`schedule_late_months` returns.
ScheduleLate = tuple[dict[str, float] | None, str]


def schedule_late_months(plan) -> ScheduleLate:
    """Months past 2026-03-31 at which each workload finishes by the schedule, and a note."""
    try:
        from migration_planner.schedule import compute_schedule, late_months_by_workload
    except ImportError:
        return None, NOTE_NO_SCHEDULE
    try:
        late = late_months_by_workload(compute_schedule(plan))
        return {str(k): max(0.0, float(v)) for k, v in late.items()}, NOTE_FROM_SCHEDULE
    except Exception as exc:  # the schedule is someone else's; a failure there must not stop this view
        return None, Msg("subsidy", "工程表を計算できなかったため（{error}）、シナリオの遅延月数だけで計算しています。",
                         error=f"{type(exc).__name__}: {exc}")


def late_months_for(plan, params, *, schedule_late: ScheduleLate | None = None) -> ScheduleLate:
    """The schedule's lateness when the scenario asks for it (``delay_source == "schedule"``).

    ``schedule_late``: an already computed :func:`schedule_late_months` (saves recomputing the
    schedule for each scenario).
    """
    if params.delay_source == "manual":
        return None, ""
    return schedule_late if schedule_late is not None else schedule_late_months(plan)
