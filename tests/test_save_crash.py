"""Crash safety of the working copy with real processes killed by SIGKILL.

During a save: at each step of :func:`migration_planner.workcopy.save_database` (held there so the kill
lands exactly there) and at random moments, the plan file must open intact, in its old or its new state,
and the working copy must still be there to recover. During edits into the working copy: the copy must
open intact with every committed edit, be recorded as dirty, and the plan file must be untouched.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from migration_planner.inventory import read_inventory
from migration_planner.store import Plan
from migration_planner.workcopy import WorkingCopy, find_copies

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")]

REPO = Path(__file__).resolve().parents[1]
#: Rows of 4 KiB padding: a plan of ~8 MB, so a save takes long enough to be cut at random moments.
PADDING_ROWS = 2000
SEED = int(os.environ.get("SAVE_CRASH_SEED", time.time_ns() % 1_000_000))

_SAVER = r"""
import sys, time
from migration_planner import workcopy
from migration_planner.workcopy import WorkingCopy

plan_path, folder, phase = sys.argv[1:4]
state = {"saving": False, "g": 0}


def hold_after(name):
    real = getattr(workcopy, name)

    def held(*args, **kwargs):
        result = real(*args, **kwargs)
        if state["saving"] and name == phase:
            print("P", name, state["g"], flush=True)
            time.sleep(120)
        return result

    setattr(workcopy, name, held)


for step in ("_copy_database", "_fsync_path", "_quiesce", "_replace"):
    hold_after(step)

import shutil  # the plain copy of the working file runs while it is held against writers

_copyfile = shutil.copyfile


def held_copyfile(*args, **kwargs):
    result = _copyfile(*args, **kwargs)
    if state["saving"] and phase == "copyfile":
        print("P", phase, state["g"], flush=True)
        time.sleep(120)
    return result


shutil.copyfile = held_copyfile

copy = WorkingCopy.open(plan_path, folder)
g = int(copy.plan.meta("generation"))
while True:
    g += 1
    copy.plan.set_meta("generation", str(g))
    copy.record([f"編集{g}"], dirty=True)
    state["g"] = g
    print("S", g, flush=True)
    started = time.perf_counter()
    state["saving"] = True
    copy.save()
    state["saving"] = False
    print("D", g, f"{time.perf_counter() - started:.4f}", flush=True)
"""

_EDITOR = r"""
import sys, time
from migration_planner.workcopy import WorkingCopy

plan_path, folder, phase = sys.argv[1:4]
if phase == "open-copy":  # the plan file copied while it is held against writers; nothing recorded yet
    import shutil

    real_copyfile = shutil.copyfile

    def held_copyfile(*args, **kwargs):
        real_copyfile(*args, **kwargs)
        print("W", flush=True)
        time.sleep(120)

    shutil.copyfile = held_copyfile
    print("R", flush=True)
copy = WorkingCopy.open(plan_path, folder)
if phase == "before-commit":  # the first edit: the sidecar is marked dirty, the commit has not happened
    def hold():
        print("W", flush=True)
        time.sleep(120)
    copy.on_write = hold
elif phase == "before-record":  # an edit committed, its description not yet recorded
    def hold(edits, dirty):
        if len(edits) == 3:
            print("W", flush=True)
            time.sleep(120)
        real(edits, dirty=dirty)
    real, copy.record = copy.record, hold
print("R", flush=True)
g = 0
while True:
    g += 1
    with copy.plan.engine.begin() as conn:  # one edit: one transaction, a few pages of padding too
        conn.exec_driver_sql("UPDATE plan_meta SET value = ? WHERE key = 'generation'", (str(g),))
        conn.exec_driver_sql("UPDATE padding SET data = randomblob(4096) WHERE id % 97 = ?", (g % 97,))
    copy.record([f"編集{i}" for i in range(1, g + 1)], dirty=True)
    print("E", g, flush=True)
"""


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "計画.mplan"
    with Plan.open(str(path)) as p:
        p.apply_inventory(read_inventory(str(REPO / "sample_inventory.xlsx")).records)
        p.set_meta("generation", "0")
        with p.engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE padding (id INTEGER PRIMARY KEY, data BLOB)")
            conn.exec_driver_sql(f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {PADDING_ROWS}) "
                                 "INSERT INTO padding SELECT i, randomblob(4096) FROM n")
    return path


def fresh_plan(template: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / template.name
    shutil.copyfile(template, path)
    return path


def start(script: str, plan: Path, recovery: Path, phase: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, str(plan), str(recovery), phase], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)


def read_line(proc: subprocess.Popen) -> list[str]:
    line = proc.stdout.readline()
    assert line, f"the child ended early: {proc.stderr.read()}"
    return line.split()


def kill(proc: subprocess.Popen) -> list[str]:
    """SIGKILL the child; return the lines it printed that were not read yet."""
    proc.send_signal(signal.SIGKILL)
    rest = proc.stdout.read()
    proc.wait(timeout=30)
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    return rest.splitlines()


def crash_after(script: str, plan: Path, recovery: Path, phase: str, lines: list[list[str]]) -> None:
    """Run ``script`` on ``plan``; once it has printed ``lines`` (the last one it prints as it holds),
    SIGKILL it. A line given as its first words only is matched on those."""
    proc = start(script, plan, recovery, phase)
    try:
        for expected in lines:
            assert read_line(proc)[: len(expected)] == expected
    finally:
        kill(proc)


def plan_state(path: Path) -> str:
    """The plan's generation, after checking that it opens as a plan and is intact."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM padding").fetchone()[0] == PADDING_ROWS
        generation = conn.execute("SELECT value FROM plan_meta WHERE key='generation'").fetchone()[0]
    finally:
        conn.close()
    with Plan.open(str(path), create=False) as p:  # and the program itself opens it
        assert p.system_count() == 60
    return generation


def recover_and_save(plan: Path, recovery: Path, expected: str) -> None:
    """The crashed session's copy is found, not alive, adopted with ``expected`` and saved cleanly."""
    (found,) = find_copies(str(plan), str(recovery))
    assert not found.alive
    copy = WorkingCopy.adopt(found)
    try:
        assert copy.plan.meta("generation") == expected
        copy.save(force=True)
    finally:
        copy.close()
    assert plan_state(plan) == expected
    assert sorted(n for n in os.listdir(plan.parent) if n != "recovery") == [plan.name]  # no temp, no -wal
    assert os.listdir(recovery) == []


# ---------------------------------------------------------------- during a save
@pytest.mark.parametrize("step, saved", [
    ("copyfile", False),        # the working file copied while held, its WAL folded in
    ("_copy_database", False),  # the temporary copy is written, not yet flushed
    ("_fsync_path", False),     # flushed, the plan file not yet touched
    ("_quiesce", False),        # the plan's WAL folded in, the plan locked, not yet replaced
    ("_replace", True),         # renamed over the plan; the folder not yet flushed, the lock still held
])
def test_sigkill_at_each_step_of_a_save(template, tmp_path, step, saved):
    plan = fresh_plan(template, tmp_path / "plans")
    recovery = tmp_path / "recovery"
    crash_after(_SAVER, plan, recovery, step, [["S", "1"], ["P", step]])  # held inside the save
    assert plan_state(plan) == ("1" if saved else "0")
    (found,) = find_copies(str(plan), str(recovery))
    assert found.dirty  # a save cut short is still offered for recovery
    assert found.edits == ["編集1"]
    recover_and_save(plan, recovery, "1")


def _random_save_kill(template: Path, folder: Path, rng: random.Random, outcome: dict) -> None:
    plan = fresh_plan(template, folder / "plans")
    recovery = folder / "recovery"
    proc = start(_SAVER, plan, recovery, "none")
    try:
        durations = []
        while True:  # a few whole saves first, to learn how long one takes here
            words = read_line(proc)
            if words[0] == "D":
                durations.append(float(words[2]))
            elif len(durations) >= 3:
                g = int(words[1])
                time.sleep(rng.uniform(0.0, 1.2 * max(durations)))
                break
    finally:
        rest = kill(proc)
    # The kill may have come after that save, during the next one: the last save begun is the one cut.
    g = max([g] + [int(line.split()[1]) for line in rest if line.startswith("S ")])
    finished = any(line.split()[:2] == ["D", str(g)] for line in rest)
    state = plan_state(plan)
    outcome.update(g=g, state=state, finished=finished, duration=max(durations))
    assert state in (str(g - 1), str(g)), outcome
    if finished:
        assert state == str(g), outcome
    recover_and_save(plan, recovery, str(g))


def test_sigkill_at_random_moments_of_saves(template, tmp_path):
    """Children saving concurrently, each killed at a random moment of a save (seed in SAVE_CRASH_SEED)."""
    outcomes = [{} for _ in range(4)]
    errors: list[BaseException] = []

    def run(i):
        try:
            _random_save_kill(template, tmp_path / f"run{i}", random.Random(SEED + i), outcomes[i])
        except BaseException as exc:  # reported below, with every run's outcome
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(outcomes))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, f"seed {SEED}: {errors[0]!r}; outcomes {outcomes}"
    assert all(o.get("state") for o in outcomes), outcomes


# ---------------------------------------------------------------- during edits
def test_sigkill_while_opening_holds_the_plan(template, tmp_path):
    """Killed while the plan file is held and copied: the plan is intact and can be written at once,
    and the half-made copy is removed as debris, not offered."""
    plan = fresh_plan(template, tmp_path / "plans")
    recovery = tmp_path / "recovery"
    crash_after(_EDITOR, plan, recovery, "open-copy", [["R"], ["W"]])
    assert plan_state(plan) == "0"
    with Plan.open(str(plan), create=False) as p:
        p.set_meta("generation", "1")  # no lock left behind
    assert find_copies(str(plan), str(recovery)) == []
    assert os.listdir(recovery) == []


def test_sigkill_between_marking_dirty_and_the_first_commit(template, tmp_path):
    plan = fresh_plan(template, tmp_path / "plans")
    recovery = tmp_path / "recovery"
    crash_after(_EDITOR, plan, recovery, "before-commit", [["R"], ["W"]])
    (found,) = find_copies(str(plan), str(recovery))
    assert found.dirty and found.edits == []  # offered (with nothing listed): better than lost
    recover_and_save(plan, recovery, "0")


def test_sigkill_between_an_edit_and_its_description(template, tmp_path):
    plan = fresh_plan(template, tmp_path / "plans")
    recovery = tmp_path / "recovery"
    crash_after(_EDITOR, plan, recovery, "before-record", [["R"], ["E", "1"], ["E", "2"], ["W"]])
    (found,) = find_copies(str(plan), str(recovery))
    assert found.dirty and found.edits == ["編集1", "編集2"]  # the third edit is in, its text is not
    assert plan_state(plan) == "0"
    recover_and_save(plan, recovery, "3")


def test_sigkill_at_random_moments_of_editing(template, tmp_path):
    rng = random.Random(SEED)
    for i in range(2):
        plan = fresh_plan(template, tmp_path / f"run{i}" / "plans")
        recovery = tmp_path / f"run{i}" / "recovery"
        proc = start(_EDITOR, plan, recovery, "none")
        try:
            assert read_line(proc) == ["R"]
            time.sleep(rng.uniform(0.05, 0.6))
        finally:
            rest = kill(proc)
        assert plan_state(plan) == "0"  # edits never reach the plan file by themselves
        (found,) = find_copies(str(plan), str(recovery))
        conn = sqlite3.connect(found.work_path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            committed = int(conn.execute("SELECT value FROM plan_meta WHERE key='generation'").fetchone()[0])
        finally:
            conn.close()
        printed = [int(line.split()[1]) for line in rest if line.startswith("E ")]
        assert committed >= max(printed, default=0), (SEED, committed, printed)
        if committed:
            assert found.dirty, SEED
            # Every committed edit is listed, except at most the last (killed before its description).
            assert len(found.edits) in (committed - 1, committed), (SEED, committed, found.edits)
        recover_and_save(plan, recovery, str(committed))
