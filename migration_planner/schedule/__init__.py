"""The 20 standardization workloads' schedule: procedure steps, calendar, CPM, capacity, Monte Carlo.

Public entry points: :func:`compute_schedule` (plan → :class:`ScheduleResult`), :func:`monte_carlo`
(P(on time) for a finished plan, e.g. in a worker thread), :func:`late_months_by_workload`, the catalog edits in :mod:`.catalog`, undoable commands in
:mod:`.commands`, and the progress sheet in :mod:`.progress_sheet`.
"""

from migration_planner.schedule.catalog import ScheduleError, add_edge, remove_edge
from migration_planner.schedule.planner import (
    DEADLINE,
    EXTENDED_DEADLINE,
    LATE,
    MIGRATED,
    ON_TIME,
    ScheduleInputs,
    ScheduleResult,
    TaskPlan,
    WorkloadPlan,
    compute_schedule,
    late_months_by_workload,
    monte_carlo,
    schedule_inputs,
    solve,
)
from migration_planner.schedule.steps import N_STEPS, STEPS, progress_fraction

__all__ = [
    "DEADLINE", "EXTENDED_DEADLINE", "LATE", "MIGRATED", "ON_TIME", "N_STEPS", "STEPS",
    "ScheduleError", "ScheduleInputs", "ScheduleResult", "TaskPlan", "WorkloadPlan",
    "add_edge", "remove_edge", "compute_schedule", "late_months_by_workload", "monte_carlo", "progress_fraction",
    "schedule_inputs", "solve",
]
