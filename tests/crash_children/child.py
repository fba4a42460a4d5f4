"""The process ``tests/test_crash_safety.py`` kills: one plan edit or one CLI verb, with a place to hold.

Two ways to run it:

- ``python tests/crash_children/child.py '{"op": ..., ...}'`` — a fresh interpreter runs one job.
- ``python tests/crash_children/child.py --serve`` — a fork server: the imports (about a second
  and a half on this machine) are paid once; each job line read from stdin is run in a forked
  process, which is a real process the test kills with SIGKILL like any other. The server reaps it
  and reports how it ended.

A job (JSON) has ``plan`` (path), ``op`` (see :data:`OPS`), ``args`` and ``hold``:

- ``"none"``: run to the end.
- ``"count"``: run to the end and report how many write statements and commits it made.
- ``"write:N"``: stop just after the N-th INSERT/UPDATE/DELETE was executed inside its
  transaction (nothing of it committed), and wait to be killed.
- ``"commit:N"``: stop at the N-th COMMIT, after every statement of that transaction was executed
  and before SQLite is told to commit.
- ``"end"``: stop after the job returned (everything committed, plan closed).
- ``"replace:before"`` / ``"replace:after"``: (exports) stop just before / after ``os.replace``
  moves a finished temporary file into place.

Markers go to stdout as lines ``@@ <pid> <word> …`` (other output of a CLI verb may be interleaved
and is ignored): ``started``, ``held <hold>``, ``count <writes> <commits>``, ``rc <code>``; the fork
server adds ``exit <code>`` (``-9`` for SIGKILL) once the process is gone.

The clock is fixed (``models.now`` and ``placement.now``) so that two runs of the same edit write
the same rows: the test compares a killed run's plan with a completed run's, row by row.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sys
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

FIXED_NOW = dt.datetime(2026, 1, 15, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=9)))
_WRITE_VERBS = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def marker(*words) -> None:
    os.write(1, ("@@ " + " ".join(str(w) for w in (os.getpid(), *words)) + "\n").encode())


def _wait_to_be_killed(what: str) -> None:
    marker("held", what)
    parent = os.getppid()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and os.getppid() == parent:  # never outlive a dead test
        time.sleep(0.05)
    os._exit(3)


def _install_holds(hold: str) -> dict:
    """Engine-wide listeners (every engine the job creates): count, and hold where asked."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    counts = {"writes": 0, "commits": 0}
    kind, _, n = hold.partition(":")

    def after_execute(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith(_WRITE_VERBS):
            counts["writes"] += 1
            if kind == "write" and counts["writes"] == int(n):
                _wait_to_be_killed(hold)

    def on_commit(conn):  # ConnectionEvents.commit runs before the DBAPI connection's commit()
        counts["commits"] += 1
        if kind == "commit" and counts["commits"] == int(n):
            _wait_to_be_killed(hold)

    event.listen(Engine, "after_cursor_execute", after_execute)
    event.listen(Engine, "commit", on_commit)
    if kind == "replace":
        real_replace = os.replace

        def replace(src, dst, *a, **kw):
            if n == "before":
                _wait_to_be_killed(hold)
            real_replace(src, dst, *a, **kw)
            if n == "after":
                _wait_to_be_killed(hold)

        os.replace = replace
    return counts


def _fix_clock() -> None:
    import migration_planner.models as models
    import migration_planner.placement as placement

    models.now = lambda: FIXED_NOW
    placement.now = lambda: FIXED_NOW


def _scenario_id(plan, name: str) -> int:
    from migration_planner.subsidy.scenarios import get_scenario

    info = get_scenario(plan, name)
    if info is None:
        raise SystemExit(f"no scenario {name!r}")
    return info.id


def _params(values: dict):
    from migration_planner.subsidy.params import ScenarioParams

    return ScenarioParams(**values)


def _progress(plan, a):
    from migration_planner.schedule.catalog import StepState
    from migration_planner.schedule.commands import ProgressCommand

    states = {(code, step): StepState(status, dt.date.fromisoformat(day)) for code, step, status, day in a["states"]}
    ProgressCommand.make(plan, states).apply(plan)


def _replan(plan, a):
    from migration_planner.schedule import compute_schedule

    compute_schedule(plan, dt.date.fromisoformat(a["as_of"]), samples=a.get("samples", 0), seed=0)


def _edge(plan, a, add):
    from migration_planner.schedule.commands import EdgeCommand

    EdgeCommand(a["provider"], a["consumer"], add).apply(plan)


def _estimate(plan, a):
    from migration_planner.schedule.commands import EstimateCommand

    EstimateCommand.make(plan, a["code"], a["step"], tuple(a["estimate"])).apply(plan)


def _capacity(plan, a):
    from migration_planner.schedule.commands import CapacityCommand

    CapacityCommand.make(plan, a["n"]).apply(plan)


def _scenario(plan, a, what):
    from migration_planner.subsidy import scenarios as sc

    if what == "create":
        sc.AddScenario(a["name"], _params(a["params"])).apply(plan)
    elif what == "update":
        sc.UpdateScenario(_scenario_id(plan, a["name"]), _params(a["params"])).apply(plan)
    elif what == "duplicate":
        sc.duplicate_command(plan, _scenario_id(plan, a["name"])).apply(plan)
    elif what == "rename":
        sc.RenameScenario(_scenario_id(plan, a["name"]), a["new_name"]).apply(plan)
    elif what == "delete":
        sc.DeleteScenario(_scenario_id(plan, a["name"])).apply(plan)


def _override(plan, a, what):
    from migration_planner.placement import OverrideCommand

    if what == "set":
        OverrideCommand.set(plan, a["system_id"], a["destination"], a["reason"]).apply(plan)
    else:
        OverrideCommand.clear(plan, a["system_id"], a.get("reason", "")).apply(plan)


def _two_transactions(plan, a):
    """Deliberately not atomic (two commands, two commits): the test shows it is caught."""
    _edge(plan, a, True)
    _capacity(plan, a)


#: op → function(plan, args) for edits made through the core's commands.
OPS = {
    "edge_add": lambda p, a: _edge(p, a, True),
    "edge_remove": lambda p, a: _edge(p, a, False),
    "estimate": _estimate,
    "capacity": _capacity,
    "progress": _progress,
    "replan": _replan,
    "scenario_create": lambda p, a: _scenario(p, a, "create"),
    "scenario_update": lambda p, a: _scenario(p, a, "update"),
    "scenario_duplicate": lambda p, a: _scenario(p, a, "duplicate"),
    "scenario_rename": lambda p, a: _scenario(p, a, "rename"),
    "scenario_delete": lambda p, a: _scenario(p, a, "delete"),
    "override_set": lambda p, a: _override(p, a, "set"),
    "override_clear": lambda p, a: _override(p, a, "clear"),
    "two_transactions": _two_transactions,
}


def preload() -> None:
    """Everything a job imports, imported before the fork server forks; and the holiday calendar
    (jpholiday, ~0.1 s a year, cached per process) of the years the jobs' schedules span."""
    import openpyxl  # noqa: F401
    import sqlalchemy.dialects.sqlite  # noqa: F401

    try:  # only a saving of time: a renamed calendar must not stop the tests
        from migration_planner.schedule.calendar import WorkCalendar

        for origin in (dt.date.today(), dt.date(2026, 1, 15)):
            WorkCalendar(origin)
    except (ImportError, AttributeError, TypeError):
        pass

    import main  # noqa: F401
    import migration_planner.cli.cmd_export  # noqa: F401
    import migration_planner.cli.cmd_progress  # noqa: F401
    import migration_planner.export  # noqa: F401
    import migration_planner.export.excel  # noqa: F401
    import migration_planner.schedule.commands  # noqa: F401
    import migration_planner.subsidy.scenarios  # noqa: F401


def run_job(job: dict) -> int:
    """Run one job in this process; returns the exit code (a CLI verb's, or 0)."""
    from migration_planner.store import Plan

    marker("started")
    _fix_clock()
    if job.get("tmpdir"):  # scratch files (openpyxl's) where the test can see what a kill leaves
        import tempfile

        tempfile.tempdir = job["tmpdir"]
    hold = job.get("hold", "none")
    if job["op"] == "cli":
        counts = _install_holds(hold)
        import main as entry

        rc = entry.main(list(job["args"]))
        sys.stdout.flush()
        marker("rc", rc)
    else:
        plan = Plan.open(job["plan"], create=False)
        counts = _install_holds(hold)
        try:
            OPS[job["op"]](plan, job.get("args", {}))
        finally:
            plan.close()
        rc = 0
    if hold == "count":
        marker("count", counts["writes"], counts["commits"])
    if hold == "end":
        _wait_to_be_killed(hold)
    return rc


def _run_and_exit(job: dict) -> None:
    try:
        rc = run_job(job)
    except BaseException:
        traceback.print_exc()
        sys.stderr.flush()
        os._exit(70)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(rc)


def serve() -> None:
    """Read jobs (one JSON a line) from stdin; run each in a forked child and report its end."""
    preload()
    marker("ready")
    for line in sys.stdin:
        if not line.strip():
            continue
        job = json.loads(line)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            _run_and_exit(job)
        _, status = os.waitpid(pid, 0)
        code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        os.write(1, f"@@ {pid} exit {code}\n".encode())


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        serve()
    else:
        _run_and_exit(json.loads(sys.argv[1]))
