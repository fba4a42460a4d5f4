"""Crash safety (issue #7): a process killed with SIGKILL in the middle of an edit, a re-plan, a
progress import or an export leaves the plan openable, intact, and holding either everything it
held before or everything the finished change would have written — never a part of it.

Real processes, killed for real. Each change is run by ``tests/crash_children/child.py`` and
killed at every write statement inside its transaction, at its COMMIT (all statements executed,
SQLite not yet told to commit), after it finished, and at seeded random moments. The killed
plan is compared row by row, every table (systems, overrides, audit, scenarios, workload edges,
estimates, progress, meta), with the plan before and with the plan a completed run left.

Most kills go to processes forked from one server that has done the imports once (a fresh
interpreter takes 1.5–2 s to import the core; a fork takes milliseconds); the CLI verbs are also
killed in fresh ``main.py`` processes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import random
import select
import shutil
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from plan_rows import table_rows

from migration_planner.inventory import read_inventory
from migration_planner.store import Plan

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and fork are POSIX")]

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample_inventory.xlsx"
CHILD = REPO / "tests" / "crash_children" / "child.py"
#: Random kill moments per change, on top of the deterministic ones.
RANDOM_KILLS = 4
#: Tables a plan must have, by what they hold.
PLAN_TABLES = {"system", "placement_override", "audit_entry", "scenario", "workload", "workload_edge",
               "step_estimate", "step_progress", "plan_meta"}


# ---------------------------------------------------------------- the plan before
@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """A plan with something in every table: the sample's 60 systems, an override, three scenarios,
    an estimate, progress, a capacity."""
    from migration_planner.placement import set_override
    from migration_planner.schedule import catalog
    from migration_planner.schedule.steps import DONE
    from migration_planner.subsidy.params import ScenarioParams
    from migration_planner.subsidy.scenarios import AddScenario, ensure_baseline

    path = tmp_path_factory.mktemp("crash_base") / "base.mplan"
    with Plan.open(str(path)) as plan:
        plan.apply_inventory(read_inventory(str(SAMPLE)).records, source=str(SAMPLE))
        ensure_baseline(plan)
        AddScenario("案A", ScenarioParams(escalation_pct=5.0)).apply(plan)
        AddScenario("案B", ScenarioParams(delay_months=3.0)).apply(plan)
        set_override(plan, "OSK-002", "on_premises", "制御系のため庁内に残す")
        catalog.set_estimate(plan, "1", 3, (5, 8, 12))
        catalog.set_step_statuses(plan, {("2", n): catalog.StepState(DONE, dt.date(2025, 12, 1))
                                         for n in (1, 2, 3)})
        catalog.set_vendor_capacity(plan, 3)
    assert not Path(f"{path}-wal").exists()
    return path


@pytest.fixture(scope="module")
def progress_sheet(tmp_path_factory) -> Path:
    """A progress sheet for every workload (completed steps and a date each)."""
    import openpyxl

    from migration_planner.workloads import WORKLOAD_CODES

    path = tmp_path_factory.mktemp("crash_progress") / "進捗.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "進捗"
    ws.append(["標準化対象業務", "完了ステップ数", "基準日"])
    for i, code in enumerate(WORKLOAD_CODES):
        ws.append([code, (i * 7) % 41, "2026-01-31"])
    wb.save(path)
    return path


def copy_plan(base: Path, folder: Path, name: str = "plan.mplan") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / name
    shutil.copyfile(base, dest)
    return dest


def canonical(path: Path) -> dict[str, list[tuple]]:
    """The plan as ``Plan.open`` finds it: integrity checked, then every table's rows (with rowids)."""
    with Plan.open(str(path), create=False) as plan, plan.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    dump = table_rows(path)
    assert PLAN_TABLES <= set(dump), f"tables missing: {PLAN_TABLES - set(dump)}"
    return dump


def changed_tables(a: dict, b: dict) -> list[str]:
    return sorted(t for t in set(a) | set(b) if a.get(t) != b.get(t))


@pytest.fixture(scope="module")
def before(base) -> dict:
    return canonical(copy_plan(base, base.parent / "before"))


# ---------------------------------------------------------------- running and killing children
@dataclasses.dataclass
class Outcome:
    pid: int
    code: int                 # exit status, -9 when killed
    markers: list[list[str]]  # ["held", "write:1"], ["count", "2", "1"], …
    elapsed: float            # from "started" to the end
    output: list[str]         # other lines (a CLI verb's own output)

    def marker(self, word: str) -> list[str] | None:
        return next((m[1:] for m in self.markers if m[0] == word), None)


class ForkServer:
    """``child.py --serve``: runs each job in a forked process and reports how it ended."""

    def __init__(self, folder: Path) -> None:
        self.stderr_path = folder / "server.stderr"
        self._stderr = open(self.stderr_path, "wb")
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
        self.proc = subprocess.Popen([sys.executable, str(CHILD), "--serve"], cwd=REPO, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr)
        self._buf = b""
        self.output: list[str] = []
        words = self._next(timeout=60)
        assert words and words[1] == "ready", self.stderr()

    def stderr(self) -> str:
        self._stderr.flush()
        return self.stderr_path.read_text(errors="replace")[-4000:]

    def _next(self, timeout: float) -> list[str] | None:
        """The next marker (``[pid, word, …]``), or None when ``timeout`` passes first; other lines
        are collected in ``self.output``."""
        deadline = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        while True:
            while b"\n" in self._buf:
                line, self._buf = self._buf.split(b"\n", 1)
                text = line.decode(errors="replace")
                if text.startswith("@@ "):
                    return text.split()[1:]
                self.output.append(text)
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 65536)
                assert chunk, f"the fork server died:\n{self.stderr()}"
                self._buf += chunk

    def run(self, job: dict, *, kill_after: float | None = None, timeout: float = 60) -> Outcome:
        """Run ``job``; kill it with SIGKILL when it holds, or ``kill_after`` seconds after it started."""
        self.output = []
        self.proc.stdin.write((json.dumps(job, ensure_ascii=False) + "\n").encode())
        self.proc.stdin.flush()
        pid = started = None
        killed = False
        markers: list[list[str]] = []
        while True:
            wait = timeout
            if kill_after is not None and started is not None and not killed:
                wait = max(0.0, started + kill_after - time.monotonic())
            words = self._next(wait)
            if words is None:
                if kill_after is not None and started is not None and not killed:
                    self._kill(pid)
                    killed = True
                    continue
                if pid is not None:
                    self._kill(pid)  # not left to hold up the next job
                raise AssertionError(f"job {job} timed out; server stderr:\n{self.stderr()}")
            if pid is None and words[1] != "started" or pid is not None and int(words[0]) != pid:
                continue  # the end of an earlier job that failed a test
            if words[1] == "started":
                pid, started = int(words[0]), time.monotonic()
            elif words[1] == "held" and not killed:
                self._kill(pid)
                killed = True
            if words[1] == "exit":
                return Outcome(pid, int(words[2]), markers, time.monotonic() - started, self.output)
            markers.append(words[1:])

    @staticmethod
    def _kill(pid: int) -> None:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:  # it ended just now; its exit is reported next
            pass

    def close(self) -> None:
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._stderr.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    s = ForkServer(tmp_path_factory.mktemp("fork_server"))
    yield s
    s.close()


def seeded_delays(name: str, span: float, n: int = RANDOM_KILLS) -> list[float]:
    rng = random.Random(zlib.crc32(name.encode()))
    return sorted(rng.uniform(0.0, span) for _ in range(n))


def write_points(name: str, writes: int, most: int = 4) -> list[int]:
    """Which write statements to stop at: all of them, or for a long transaction (a progress
    sheet writes one row a step, ~900) the first, the last and seeded ones between."""
    if writes <= most:
        return list(range(1, writes + 1))
    rng = random.Random(zlib.crc32(name.encode()) + 1)
    return sorted({1, writes, *rng.sample(range(2, writes), most - 2)})


# ---------------------------------------------------------------- edits, re-plan, progress import
def _progress_states():
    from migration_planner.schedule.steps import DONE, IN_PROGRESS, NOT_APPLICABLE

    rows = [[code, n, DONE, "2026-01-31"] for code in ("1", "3", "8") for n in range(1, 9)]
    rows += [["1", 9, IN_PROGRESS, "2026-01-31"], ["2", 1, NOT_APPLICABLE, "2026-01-31"]]
    return rows


#: (id, op, args): every change that writes the plan outside an inventory import. "{plan}" and
#: "{sheet}" in a CLI's arguments are the copy of the plan and the progress sheet.
CHANGES = [
    ("edge-add", "edge_add", {"provider": "3", "consumer": "14"}),
    ("edge-remove", "edge_remove", {"provider": "8", "consumer": "11"}),
    ("estimate", "estimate", {"code": "5", "step": 10, "estimate": [2, 4, 9]}),
    ("capacity", "capacity", {"n": 5}),
    ("progress-edit", "progress", {"states": _progress_states()}),
    ("replan", "replan", {"as_of": "2026-01-15", "samples": 100}),
    ("progress-import-cli", "cli", ["progress", "import", "{sheet}", "--plan", "{plan}"]),
    ("scenario-create", "scenario_create", {"name": "案C", "params": {"escalation_pct": 3.0, "delay_months": 6.0}}),
    ("scenario-update", "scenario_update", {"name": "案A", "params": {"escalation_pct": 8.0, "running_multiplier": 3.1}}),
    ("scenario-duplicate", "scenario_duplicate", {"name": "案A"}),
    ("scenario-rename", "scenario_rename", {"name": "案B", "new_name": "案B（見直し）"}),
    ("scenario-delete", "scenario_delete", {"name": "案B"}),
    ("override-set", "override_set", {"system_id": "OSK-001", "destination": "saas", "reason": "庁内調整の結果"}),
    ("override-clear", "override_clear", {"system_id": "OSK-002", "reason": "方針変更"}),
    ("override-cli", "cli", ["override", "OSK-003", "common_cloud", "--reason", "共通基盤へ", "--plan", "{plan}"]),
]
#: What each change must alter (so that "old or new" cannot pass by the change doing nothing).
MUST_CHANGE = {
    "edge-add": {"workload_edge"}, "edge-remove": {"workload_edge"}, "estimate": {"step_estimate"},
    "capacity": {"plan_meta"}, "progress-edit": {"step_progress"}, "replan": set(),
    "progress-import-cli": {"step_progress"}, "scenario-create": {"scenario"}, "scenario-update": {"scenario"},
    "scenario-duplicate": {"scenario"}, "scenario-rename": {"scenario"}, "scenario-delete": {"scenario"},
    "override-set": {"placement_override", "audit_entry"}, "override-clear": {"placement_override", "audit_entry"},
    "override-cli": {"placement_override", "audit_entry"},
    "two-transactions": {"workload_edge", "plan_meta"},
}


def make_job(op: str, args, plan: Path, hold: str, sheet: Path | None = None) -> dict:
    if op == "cli":
        args = [a.replace("{plan}", str(plan)).replace("{sheet}", str(sheet)) for a in args]
    return {"op": op, "args": args, "plan": str(plan), "hold": hold}


@pytest.mark.parametrize("name,op,args", CHANGES, ids=[c[0] for c in CHANGES])
def test_a_change_killed_at_any_moment_leaves_the_old_or_the_new_plan(
        server, base, before, progress_sheet, tmp_path, name, op, args):
    check_change(server, base, before, progress_sheet, tmp_path, name, op, args)


def test_a_change_split_over_two_transactions_is_caught(server, base, before, tmp_path):
    """The check above can fail: two edits committed one after the other (a linkage, then the
    capacity) leave a plan that is neither before nor after when killed between them."""
    with pytest.raises(AssertionError, match=r"killed at write:2: expected the old plan; differs in \['workload_edge'\]"):
        check_change(server, base, before, None, tmp_path, "two-transactions", "two_transactions",
                     {"provider": "3", "consumer": "14", "n": 5})


def check_change(server, base, before, progress_sheet, tmp_path, name, op, args) -> None:
    # The change run to the end: what the plan holds after it, how many writes and commits it makes.
    ref = copy_plan(base, tmp_path / "ref")
    done = server.run(make_job(op, args, ref, "count", progress_sheet))
    assert done.code == 0, f"{name} failed:\n{server.stderr()}\n{done.output}"
    writes, commits = (int(x) for x in done.marker("count"))
    after = canonical(ref)
    assert set(changed_tables(before, after)) == MUST_CHANGE[name]
    if name == "override-set":  # the override and its audit entry, both in the new state
        assert len(after["audit_entry"]) == len(before["audit_entry"]) + 1
        assert {"override", "OSK-001", "庁内調整の結果"} <= set(after["audit_entry"][-1])

    # Killed at each write inside the transaction, at each COMMIT before SQLite commits, and after
    # the end. Only the last moment may show the change.
    moments = [f"write:{i}" for i in write_points(name, writes)] + [f"commit:{i}" for i in range(1, commits + 1)]
    moments.append("end")
    for moment in moments:
        plan = copy_plan(base, tmp_path / moment.replace(":", "_"))
        out = server.run(make_job(op, args, plan, moment, progress_sheet))
        assert out.marker("held") == [moment], f"{name} never reached {moment}: {out}\n{server.stderr()}"
        assert out.code == -signal.SIGKILL
        got = canonical(plan)
        expected, label = (after, "new") if moment == "end" else (before, "old")
        assert got == expected, (f"{name} killed at {moment}: expected the {label} plan; "
                                 f"differs in {changed_tables(got, expected)}")

    # Killed at seeded random moments over the change's run time: old or new, nothing between.
    landed = []
    for i, delay in enumerate(seeded_delays(name, done.elapsed * 1.1)):
        plan = copy_plan(base, tmp_path / f"random_{i}")
        out = server.run(make_job(op, args, plan, "none", progress_sheet), kill_after=delay)
        assert out.code in (0, -signal.SIGKILL), f"{name}: {out}\n{server.stderr()}"
        got = canonical(plan)
        assert got in (before, after), (f"{name} killed after {delay * 1000:.1f} ms: neither old nor new; "
                                        f"vs old {changed_tables(got, before)}, vs new {changed_tables(got, after)}")
        landed.append("killed" if out.code else "finished")
    assert len(landed) == RANDOM_KILLS


def test_after_a_kill_the_plan_takes_changes_again(server, base, before, tmp_path):
    """A kill mid-transaction leaves a WAL behind; the plan opens, recovers and is written again."""
    from migration_planner.placement import overrides, set_override

    plan = copy_plan(base, tmp_path)
    out = server.run(make_job("override_set", CHANGES[12][2], plan, "write:1"))
    assert out.code == -signal.SIGKILL
    assert Path(f"{plan}-wal").exists()
    with Plan.open(str(plan), create=False) as p:
        set_override(p, "OSK-001", "common_cloud", "再設定")
        assert overrides(p)["OSK-001"].destination == "common_cloud"
        assert [e.action for e in p.audit("OSK-001")] == ["override"]


# ---------------------------------------------------------------- progress import in a fresh main.py
def test_progress_import_in_a_fresh_cli_process_killed_midway(base, before, progress_sheet, tmp_path):
    """``main.py progress import`` in its own interpreter (no fork server): killed when it opened
    the plan (its WAL file appears) and at a seeded moment; finished, for the new state."""
    def start(plan: Path) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "main.py", "progress", "import", str(progress_sheet), "--plan", str(plan)],
                                cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    ref = copy_plan(base, tmp_path / "ref")
    t0 = time.monotonic()
    proc = start(ref)
    assert proc.wait(timeout=60) == 0, proc.stderr.read().decode()
    full = time.monotonic() - t0
    after = canonical(ref)
    assert changed_tables(before, after) == ["step_progress"]

    plan = copy_plan(base, tmp_path / "wal")
    proc = start(plan)
    wal = Path(f"{plan}-wal")
    deadline = time.monotonic() + 60
    while not wal.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.001)
    proc.kill()
    proc.wait(timeout=30)
    assert canonical(plan) in (before, after)

    (delay,) = seeded_delays("progress-fresh", full, 1)
    plan = copy_plan(base, tmp_path / "random")
    proc = start(plan)
    time.sleep(delay)
    proc.kill()
    proc.wait(timeout=30)
    assert canonical(plan) in (before, after)


# ---------------------------------------------------------------- export
def _previous_workbook(path: Path) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "前回の出力"
    wb.active["A1"] = "前回"
    wb.save(path)
    return path.read_bytes()


def assert_complete_workbook(path: Path) -> None:
    """What a planner opening the file needs: every sheet, every system in 振り分け結果."""
    import openpyxl

    from migration_planner.export.tables import SHEET_PLACEMENT, SHEETS

    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        assert wb.sheetnames == list(SHEETS)
        ids = {row[0] for row in wb[SHEET_PLACEMENT].iter_rows(values_only=True) if row and row[0]}
        assert {f"OSK-{i:03d}" for i in range(1, 61)} <= ids
    finally:
        wb.close()


def check_export_folder(folder: Path, out: Path, previous: bytes | None, *, finished: bool) -> str:
    """The output is the previous file (or absent) or a complete workbook; anything else left in
    the folder is a clearly temporary file (``.<name>.XXXX.tmp``). Returns which it was."""
    others = sorted(p.name for p in folder.iterdir() if p != out and not p.name.startswith("plan.mplan"))
    assert all(n.startswith(f".{out.name}.") and n.endswith(".tmp") for n in others), others
    if finished:
        assert others == [], f"a finished export left {others}"
    if not out.exists():
        assert previous is None, "the previous workbook was removed"
        return "absent"
    if previous is not None and out.read_bytes() == previous:
        return "previous"
    assert_complete_workbook(out)
    return "new"


def export_job(plan: Path, out: Path, hold: str, tmpdir: Path) -> dict:
    tmpdir.mkdir(exist_ok=True)
    return {"op": "cli", "plan": str(plan), "hold": hold, "tmpdir": str(tmpdir),
            "args": ["export", "--plan", str(plan), "--out", str(out), "--samples", "50"]}


@pytest.mark.parametrize("with_previous", [False, True], ids=["first-export", "over-a-previous-file"])
def test_export_killed_at_any_moment_leaves_no_half_workbook_and_the_plan_as_it_was(
        server, base, before, tmp_path, with_previous):
    ref_folder = tmp_path / "ref"
    plan = copy_plan(base, ref_folder)
    out = ref_folder / "出力.xlsx"
    done = server.run(export_job(plan, out, "count", tmp_path / "scratch_ref"))
    assert done.code == 0, f"{server.stderr()}\n{done.output}"
    assert check_export_folder(ref_folder, out, None, finished=True) == "new"
    assert canonical(plan) == before

    moments = ["replace:before", "replace:after", "end"]
    cases = [(m, None) for m in moments] + [("none", d) for d in seeded_delays(f"export-{with_previous}", done.elapsed, 3)]
    seen = []
    for i, (hold, delay) in enumerate(cases):
        folder = tmp_path / f"kill_{i}"
        plan = copy_plan(base, folder)
        out = folder / "出力.xlsx"
        previous = _previous_workbook(out) if with_previous else None
        result = server.run(export_job(plan, out, hold, tmp_path / f"scratch_{i}"), kill_after=delay)
        if hold != "none":
            assert result.marker("held") == [hold] and result.code == -signal.SIGKILL
        state = check_export_folder(folder, out, previous, finished=result.code == 0)
        expected = {"replace:before": "previous" if with_previous else "absent", "replace:after": "new", "end": "new"}
        if hold in expected:
            assert state == expected[hold], f"killed at {hold}: the output is {state}"
        assert canonical(plan) == before, f"export killed at {hold} {delay} changed the plan"
        # openpyxl's own scratch files stay in the temporary folder after a kill, under its name.
        assert all(n.startswith("openpyxl.") for n in os.listdir(tmp_path / f"scratch_{i}"))
        seen.append(state)
    assert "new" in seen


def test_export_in_a_fresh_cli_process_killed_while_the_workbook_is_written(base, before, tmp_path):
    """``main.py export`` in its own interpreter, killed once its temporary workbook appears beside
    the target: the previous file stays, the plan is as it was."""
    folder = tmp_path / "out"
    plan = copy_plan(base, folder)
    out = folder / "出力.xlsx"
    previous = _previous_workbook(out)
    proc = subprocess.Popen([sys.executable, "main.py", "export", "--plan", str(plan), "--out", str(out),
                             "--samples", "200"], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline and not list(folder.glob(f".{out.name}.*.tmp")):
        time.sleep(0.001)
    assert proc.poll() is None, f"the export ended before its temporary file was seen: {proc.stderr.read().decode()}"
    proc.kill()
    proc.wait(timeout=30)
    assert check_export_folder(folder, out, previous, finished=False) == "previous"
    assert canonical(plan) == before
