"""The working copy (no Qt): edits land in a copy, Save writes the plan atomically, a crash's copy is found
and adopted. Real temporary SQLite files throughout; "dead" processes are real processes that ended."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from migration_planner import workcopy
from migration_planner.inventory import read_inventory
from migration_planner.store import SCHEMA_VERSION, Plan, PlanError
from migration_planner.workcopy import (
    CorruptWorkingCopy,
    PlanChangedOnDisk,
    SaveError,
    WorkingCopy,
    clean_up_orphans,
    find_copies,
    path_key,
    process_alive,
    save_database,
)

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sample_records():
    return read_inventory(str(REPO / "sample_inventory.xlsx")).records


@pytest.fixture(scope="module")
def saved_plan(tmp_path_factory, sample_records) -> Path:
    path = tmp_path_factory.mktemp("template") / "計画.mplan"
    with Plan.open(str(path)) as p:
        p.apply_inventory(sample_records, source="sample_inventory.xlsx")
        p.set_meta("generation", "0")
    assert not Path(f"{path}-wal").exists()
    return path


@pytest.fixture
def plan_file(tmp_path, saved_plan) -> Path:
    """A saved plan holding the 60 sample systems (generation "0")."""
    path = tmp_path / "計画.mplan"
    shutil.copyfile(saved_plan, path)
    return path


@pytest.fixture
def folder(tmp_path) -> str:
    return str(tmp_path / "recovery")


def generation(path) -> str:
    """The plan's "generation" mark, read without writing the file (Plan.open would record its version)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT value FROM plan_meta WHERE key='generation'").fetchone()[0]
    finally:
        conn.close()


def integrity(path) -> str:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def sidecar(copy: WorkingCopy) -> dict:
    """The sidecar as another process reads it (its edit log applied)."""
    data = workcopy.read_sidecar(copy.sidecar_path)
    assert data is not None
    return data


@pytest.fixture
def dead_pid() -> int:
    """The pid of a process that has ended."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    assert not process_alive(proc.pid)
    return proc.pid


def orphan(copy: WorkingCopy, **changes) -> None:
    """Make ``copy`` look like a crashed process's: close it without cleaning, rewrite its owner."""
    copy.plan.close()
    data = sidecar(copy)
    data.update(changes)
    with open(copy.sidecar_path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)


# ---------------------------------------------------------------- opening and editing
def test_edits_go_to_the_working_copy_and_save_writes_the_plan(plan_file, folder):
    copy = WorkingCopy.open(str(plan_file), folder)
    try:
        assert copy.plan.path == copy.work_path != str(plan_file)
        assert os.path.dirname(copy.work_path) == folder
        assert os.path.basename(copy.work_path).startswith(path_key(plan_file) + "-")
        assert copy.plan.system_count() == 60 and not copy.dirty
        copy.plan.set_meta("generation", "1")
        assert copy.dirty
        assert generation(plan_file) == "0"  # not saved yet: the plan file is as it was
        copy.save()
        assert not copy.dirty
        assert generation(plan_file) == "1"
        assert integrity(plan_file) == "ok"
        assert not Path(f"{plan_file}-wal").exists()
        assert copy.plan.meta("generation") == "1"  # the window keeps working on its copy
    finally:
        copy.close()
    assert os.listdir(folder) == []  # saved and closed: nothing left to recover


def test_sidecar_records_the_plan_process_and_edits(plan_file, folder):
    copy = WorkingCopy.open(str(plan_file), folder)
    try:
        data = sidecar(copy)
        assert data["plan_path"] == str(plan_file)
        st = os.stat(plan_file)
        assert data["plan_fingerprint"][:2] == [st.st_size, st.st_mtime_ns]
        assert data["pid"] == os.getpid() and data["hostname"] == socket.gethostname()
        assert data["opened_at"] and data["dirty"] is False and data["edits"] == []
        assert data["working_file"] == os.path.basename(copy.work_path)
        copy.plan.set_meta("generation", "1")
        copy.record(["移行先の変更：OSK-001", "工期の変更"], dirty=True)
        data = sidecar(copy)
        assert data["dirty"] is True and data["edits"] == ["移行先の変更：OSK-001", "工期の変更"]
        assert data["last_edit_at"]
        copy.save()
        data = sidecar(copy)
        assert data["dirty"] is False and data["edits"] == [] and data["saved_at"]
    finally:
        copy.discard()


def test_the_sidecar_is_dirty_on_disk_before_the_first_edit_commits(plan_file, folder):
    """If the process dies right after the commit, the copy must already be recorded as dirty."""
    copy = WorkingCopy.open(str(plan_file), folder)
    seen = []

    def at_write():
        probe = sqlite3.connect(copy.work_path)
        try:
            committed = probe.execute("SELECT value FROM plan_meta WHERE key='generation'").fetchone()[0]
        finally:
            probe.close()
        seen.append((sidecar(copy)["dirty"], committed))

    copy.on_write = at_write
    try:
        copy.plan.set_meta("generation", "7")
        assert seen == [(True, "0")]  # dirty on disk while the edit was not yet committed
        assert copy.plan.meta("generation") == "7"
    finally:
        copy.discard()


def test_reading_does_not_make_the_copy_dirty(plan_file, folder):
    copy = WorkingCopy.open(str(plan_file), folder)
    try:
        copy.plan.records()
        copy.plan.audit()
        with copy.plan.session() as s:
            s.connection().exec_driver_sql("SELECT COUNT(*) FROM system").scalar()
        assert not copy.dirty and sidecar(copy)["dirty"] is False
    finally:
        copy.discard()


def test_a_cancelled_import_does_not_make_the_copy_dirty(plan_file, folder, sample_records):
    copy = WorkingCopy.open(str(plan_file), folder)

    def boom(session, diff):
        raise RuntimeError("cancelled")

    try:
        with pytest.raises(RuntimeError):
            copy.plan.apply_inventory(sample_records[:10], hooks=[boom])
        assert copy.plan.system_count() == 60 and not copy.dirty
    finally:
        copy.discard()


def test_open_copies_committed_data_still_in_the_plans_wal(tmp_path, folder):
    path = tmp_path / "wal.mplan"
    writer = Plan.open(str(path))
    try:
        writer.set_meta("generation", "5")
        assert Path(f"{path}-wal").stat().st_size > 0  # the change is in the WAL, not the main file
        copy = WorkingCopy.open(str(path), folder)
        try:
            assert copy.plan.meta("generation") == "5"
        finally:
            copy.discard()
    finally:
        writer.close()


def test_open_does_not_write_the_plan_file(plan_file, folder):
    before = (plan_file.read_bytes(), os.stat(plan_file).st_mtime_ns)
    copy = WorkingCopy.open(str(plan_file), folder)
    copy.discard()
    assert (plan_file.read_bytes(), os.stat(plan_file).st_mtime_ns) == before


def test_open_creates_a_new_plan_when_asked(tmp_path, folder):
    path = tmp_path / "新しいプラン.mplan"
    with pytest.raises(PlanError, match="見つかりません"):
        WorkingCopy.open(str(path), folder)
    assert not path.exists() and not os.path.exists(folder)
    copy = WorkingCopy.open(str(path), folder, create=True)
    try:
        assert path.exists() and copy.plan.system_count() == 0
        assert copy.plan.name == "新しいプラン"
    finally:
        copy.discard()


def test_bad_files_are_refused_by_their_own_name(tmp_path, folder):
    junk = tmp_path / "メモ.mplan"
    junk.write_text("これはプランではありません", encoding="utf-8")
    with pytest.raises(PlanError) as info:
        WorkingCopy.open(str(junk), folder)
    assert "「メモ.mplan」はプランファイルではありません" in str(info.value)

    other = tmp_path / "other.mplan"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    with pytest.raises(PlanError, match="「other.mplan」はこのプログラムのプランではありません"):
        WorkingCopy.open(str(other), folder)

    newer = tmp_path / "newer.mplan"
    with Plan.open(str(newer)) as p:
        p.set_meta("schema_version", str(SCHEMA_VERSION + 1))
    with pytest.raises(PlanError, match="「newer.mplan」は新しい版"):
        WorkingCopy.open(str(newer), folder)
    assert os.listdir(folder) == []  # no working copy left behind by a refused file


def test_the_edit_log_records_each_change_of_the_list_without_rewriting_the_sidecar(plan_file, folder):
    copy = WorkingCopy.open(str(plan_file), folder)
    log = copy.sidecar_path[: -len(".json")] + ".edits"
    try:
        copy.plan.set_meta("generation", "1")  # dirty, on disk before the commit: a whole sidecar
        whole = Path(copy.sidecar_path).read_bytes()
        copy.record(["編集A", "編集B", "編集C"], dirty=True)
        copy.record(["編集A", "編集B"], dirty=True)          # an undo
        copy.record(["編集A", "編集B", "編集D"], dirty=True)  # and another edit instead
        copy.record(["編集A", "編集B", "編集D"], dirty=True)  # nothing new: nothing written
        assert Path(copy.sidecar_path).read_bytes() == whole
        assert len(Path(log).read_bytes().splitlines()) == 3
        assert sidecar(copy)["edits"] == ["編集A", "編集B", "編集D"]
        copy.save()  # a whole sidecar again; its log is gone
        assert not os.path.exists(log) and sidecar(copy)["edits"] == [] and not sidecar(copy)["dirty"]
        copy.plan.set_meta("generation", "2")
        copy.record(["編集E"], dirty=True)
        assert sidecar(copy)["edits"] == ["編集E"]
    finally:
        copy.discard()
    assert os.listdir(folder) == []


def test_the_edit_log_survives_a_crash_mid_write(plan_file, folder, dead_pid):
    """A line cut short (the crash hit the append), and lines of an older sidecar (the crash hit
    between a whole sidecar and its log's removal) are ignored."""
    copy = WorkingCopy.open(str(plan_file), folder)
    log = copy.sidecar_path[: -len(".json")] + ".edits"
    copy.plan.set_meta("generation", "1")
    copy.record(["編集A"], dirty=True)
    copy.record(["編集A", "編集B"], dirty=True)
    stale = Path(log).read_bytes()
    with open(log, "ab") as fh:
        fh.write('{"g":'.encode())
    assert sidecar(copy)["edits"] == ["編集A", "編集B"]
    copy.record(["編集C"], dirty=False)  # e.g. undone to the saved state: a whole sidecar
    copy.record(["編集C"], dirty=True)
    Path(log).write_bytes(stale)  # as if the old log had not been removed
    assert sidecar(copy)["edits"] == ["編集C"]
    orphan(copy, pid=dead_pid, process_start="")
    (found,) = find_copies(str(plan_file), folder)
    assert found.edits == ["編集C"] and found.dirty
    found.discard()
    assert os.listdir(folder) == []


def test_the_copy_is_flushed_to_disk_before_the_first_edit_is_recorded(plan_file, folder, monkeypatch):
    """Opening does not wait for the flush of the new copy; the first edit does, before the sidecar
    calls the copy dirty and before the edit commits."""
    release = threading.Event()
    flushed: list[str] = []
    real = workcopy._fsync_path

    def slow_fsync(path):
        if path.endswith(".mplan"):
            release.wait(10)
            flushed.append(os.path.basename(path))
        real(path)

    monkeypatch.setattr(workcopy, "_fsync_path", slow_fsync)
    copy = WorkingCopy.open(str(plan_file), folder)  # returns with the flush still held
    try:
        assert flushed == []
        edit = threading.Thread(target=copy.plan.set_meta, args=("generation", "1"))
        edit.start()
        edit.join(0.3)
        assert edit.is_alive() and not sidecar(copy)["dirty"]  # held before the sidecar is written
        assert generation(copy.work_path) == "0"
        release.set()
        edit.join(10)
        assert flushed == [os.path.basename(copy.work_path)]
        assert sidecar(copy)["dirty"] and copy.plan.meta("generation") == "1"
    finally:
        release.set()
        copy.discard()


# ---------------------------------------------------------------- how the copies are made
@pytest.fixture
def copies_made(monkeypatch) -> list[bool]:
    """Whether each database copy was a plain file copy (True) or fell back to the backup API."""
    made: list[bool] = []
    real = workcopy._copy_quiet_file

    def spy(*args, **kwargs):
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(workcopy, "_copy_quiet_file", spy)
    return made


def journal_mode(path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()


def test_open_and_save_copy_the_file_itself_when_nothing_writes_it(plan_file, folder, copies_made):
    copy = WorkingCopy.open(str(plan_file), folder)
    try:
        assert journal_mode(copy.work_path) == "wal"  # as Plan.open wants it: no switch on opening
        copy.plan.set_meta("generation", "1")
        copy.save()  # the copy's WAL is folded in first
        assert copies_made == [True, True]
        assert generation(plan_file) == "1" and integrity(plan_file) == "ok"
        assert journal_mode(plan_file) == "delete"
        assert sorted(os.listdir(plan_file.parent)) == ["recovery", plan_file.name]
    finally:
        copy.close()


def test_save_falls_back_to_the_backup_api_while_the_copy_is_read_or_written(plan_file, folder, copies_made):
    copy = WorkingCopy.open(str(plan_file), folder)
    try:
        copy.plan.set_meta("generation", "1")
        reader = sqlite3.connect(copy.work_path)
        reader.execute("BEGIN")
        assert reader.execute("SELECT COUNT(*) FROM system").fetchone()[0] == 60  # an older snapshot
        copy.plan.set_meta("generation", "2")  # its frames cannot be folded in while the reader reads
        copy.save()
        reader.close()
        assert generation(plan_file) == "2" and integrity(plan_file) == "ok"

        writer = sqlite3.connect(copy.work_path, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")  # e.g. an import into the copy, not committed yet
        writer.execute("UPDATE plan_meta SET value = 'uncommitted' WHERE key = 'generation'")
        copy.save(force=True)
        writer.execute("ROLLBACK")
        writer.close()
        assert generation(plan_file) == "2" and integrity(plan_file) == "ok"
        assert copies_made == [True, False, False]
    finally:
        copy.close()


# ---------------------------------------------------------------- closing
def test_close_keeps_a_dirty_copy_and_removes_a_clean_one(plan_file, folder):
    clean = WorkingCopy.open(str(plan_file), folder)
    clean.close()
    assert os.listdir(folder) == []
    dirty = WorkingCopy.open(str(plan_file), folder)
    dirty.plan.set_meta("generation", "3")
    dirty.close()  # e.g. the session ended without a chance to ask
    (found,) = find_copies(str(plan_file), folder)
    assert found.dirty and found.alive  # still this process's copy
    assert generation(found.work_path) == "3"
    found.discard()
    assert os.listdir(folder) == []


def test_discard_removes_the_copy_and_leaves_the_plan(plan_file, folder):
    copy = WorkingCopy.open(str(plan_file), folder)
    copy.plan.set_meta("generation", "9")
    copy.discard()
    assert os.listdir(folder) == [] and generation(plan_file) == "0"


# ---------------------------------------------------------------- finding and adopting copies
def test_a_live_copy_is_reported_alive(plan_file, folder):
    first = WorkingCopy.open(str(plan_file), folder)
    second = WorkingCopy.open(str(plan_file), folder)  # "open anyway" in another window
    try:
        assert first.work_path != second.work_path
        found = find_copies(str(plan_file), folder)
        assert {f.sidecar_path for f in found} == {first.sidecar_path, second.sidecar_path}
        assert all(f.alive for f in found)
        with pytest.raises(PlanError):
            WorkingCopy.adopt(found[0])
    finally:
        first.discard()
        second.discard()


def test_a_dead_process_dirty_copy_is_offered_and_adopted(plan_file, folder, dead_pid):
    copy = WorkingCopy.open(str(plan_file), folder)
    copy.plan.set_meta("generation", "4")
    copy.record(["移行先の変更：OSK-003", "シナリオの追加"], dirty=True)
    orphan(copy, pid=dead_pid, process_start="")
    (found,) = find_copies(str(plan_file), folder)
    assert not found.alive and found.dirty
    assert found.edits == ["移行先の変更：OSK-003", "シナリオの追加"]
    assert found.last_edit is not None
    adopted = WorkingCopy.adopt(found)
    try:
        assert adopted.dirty and adopted.edits == found.edits
        assert adopted.plan.meta("generation") == "4"
        assert sidecar(adopted)["pid"] == os.getpid()  # ours now
        assert find_copies(str(plan_file), folder)[0].alive
        adopted.save()
        assert generation(plan_file) == "4"
    finally:
        adopted.close()
    assert os.listdir(folder) == []


def test_another_host_copy_counts_as_orphaned(plan_file, folder):
    copy = WorkingCopy.open(str(plan_file), folder)
    copy.plan.set_meta("generation", "2")
    orphan(copy, hostname="other-pc.city.osaka.lg.jp")  # our pid, but not our machine
    (found,) = find_copies(str(plan_file), folder)
    assert not found.alive and found.dirty
    found.discard()


def test_a_reused_pid_is_not_taken_for_the_owner(plan_file, folder):
    """After a reboot another process may get the dead one's pid: the start time tells them apart."""
    copy = WorkingCopy.open(str(plan_file), folder)
    copy.plan.set_meta("generation", "2")
    if not workcopy.process_start(os.getpid()):
        pytest.skip("no process start time on this system")
    orphan(copy, process_start="1")  # our pid, another process's start time
    (found,) = find_copies(str(plan_file), folder)
    assert not found.alive
    orphan_boot = dict(sidecar(copy), process_start=workcopy.process_start(os.getpid()), boot_id="another-boot")
    Path(copy.sidecar_path).write_text(json.dumps(orphan_boot), encoding="utf-8")
    if workcopy.boot_id():
        assert not find_copies(str(plan_file), folder)[0].alive
    found.discard()


def test_corrupt_working_copy_is_reported(plan_file, folder, dead_pid):
    copy = WorkingCopy.open(str(plan_file), folder)
    copy.plan.set_meta("generation", "2")
    orphan(copy, pid=dead_pid, process_start="")
    for suffix in ("-wal", "-shm"):
        if os.path.exists(copy.work_path + suffix):
            os.remove(copy.work_path + suffix)
    with open(copy.work_path, "r+b") as fh:  # keep the header, wreck the pages
        fh.seek(100)
        fh.write(os.urandom(8192))
    (found,) = find_copies(str(plan_file), folder)
    with pytest.raises(CorruptWorkingCopy, match="壊れて"):
        WorkingCopy.adopt(found)
    found.discard()
    assert os.listdir(folder) == [] and generation(plan_file) == "0"


def test_unreadable_sidecar_is_found_by_name(plan_file, folder, dead_pid):
    copy = WorkingCopy.open(str(plan_file), folder)
    copy.plan.set_meta("generation", "2")
    copy.plan.close()
    stem = os.path.basename(copy.work_path)[: -len(".mplan")]
    key, _, token = stem.split("-")
    # As if the crash hit while the sidecar was half written, by a process now gone.
    new_stem = f"{key}-{dead_pid}-{token}"
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(copy.work_path + suffix):
            os.rename(copy.work_path + suffix, os.path.join(folder, new_stem + ".mplan" + suffix))
    os.remove(copy.sidecar_path)
    Path(folder, new_stem + ".json").write_text('{"plan_path": "', encoding="utf-8")
    (found,) = find_copies(str(plan_file), folder)
    assert found.data is None and found.dirty and not found.alive
    with pytest.raises(CorruptWorkingCopy):
        WorkingCopy.adopt(found)
    # Opening that plan: the copy itself is fine, so it can be taken over for the plan being opened,
    # whose state when the copy was made is unknown: Save asks before overwriting it.
    adopted = WorkingCopy.adopt(found, plan_path=str(plan_file))
    try:
        assert adopted.plan.meta("generation") == "2" and adopted.dirty
        assert adopted.changed_on_disk()
        with pytest.raises(PlanChangedOnDisk):
            adopted.save()
        assert sidecar(adopted)["plan_path"] == str(plan_file)
    finally:
        adopted.discard()
    assert os.listdir(folder) == []


def test_debris_without_a_sidecar_is_cleaned_up(plan_file, folder, dead_pid):
    os.makedirs(folder)
    key = path_key(plan_file)
    for name in (f"{key}-{dead_pid}-abcdef.mplan", f"{key}-{dead_pid}-abcdef.mplan.tmp",
                 f"{key}-{dead_pid}-abcdef.json.{dead_pid}.tmp"):
        Path(folder, name).write_bytes(b"x")
    live = f"{key}-{os.getpid()}-aaaaaa.mplan"  # being made by a live process: left alone
    Path(folder, live).write_bytes(b"x")
    assert find_copies(str(plan_file), folder) == []
    assert os.listdir(folder) == [live]


def test_copies_of_other_plans_are_not_offered(plan_file, tmp_path, folder):
    other = tmp_path / "other.mplan"
    Plan.open(str(other)).close()
    copy = WorkingCopy.open(str(other), folder)
    try:
        assert find_copies(str(plan_file), folder) == []
        assert len(find_copies(str(other), folder)) == 1
    finally:
        copy.discard()


# ---------------------------------------------------------------- saving
def test_save_refuses_to_overwrite_a_plan_changed_on_disk(plan_file, folder):
    copy = WorkingCopy.open(str(plan_file), folder)
    try:
        copy.plan.set_meta("generation", "1")
        with Plan.open(str(plan_file), create=False) as cli:  # e.g. the command line wrote it
            cli.set_meta("generation", "cli")
        assert copy.changed_on_disk()
        with pytest.raises(PlanChangedOnDisk, match="ほかのプログラムによって変更"):
            copy.save()
        assert generation(plan_file) == "cli"
        copy.save(force=True)
        assert generation(plan_file) == "1" and not copy.changed_on_disk()
        copy.plan.set_meta("generation", "2")
        copy.save()  # our own save is not "someone else's change"
        assert generation(plan_file) == "2"
    finally:
        copy.close()


def test_save_as_writes_a_new_file_that_becomes_the_plan(plan_file, tmp_path, folder):
    copy = WorkingCopy.open(str(plan_file), folder)
    target = tmp_path / "別名.mplan"
    try:
        copy.plan.set_meta("generation", "1")
        # What the planner sees (title, export's プランファイル cell) is the plan file, not the copy.
        assert copy.plan.display_path == str(plan_file) != copy.plan.path
        copy.save_as(str(target))
        assert copy.plan_path == str(target) and not copy.dirty
        assert copy.plan.display_path == str(target)
        assert sidecar(copy)["plan_path"] == str(target)
        assert generation(target) == "1" and generation(plan_file) == "0"
        copy.plan.set_meta("generation", "2")
        copy.save()
        assert generation(target) == "2" and generation(plan_file) == "0"
        assert find_copies(str(target), folder)[0].sidecar_path == copy.sidecar_path
    finally:
        copy.close()


def test_save_as_into_a_missing_folder_says_so(plan_file, tmp_path, folder):
    copy = WorkingCopy.open(str(plan_file), folder)
    try:
        with pytest.raises(SaveError, match="保存先のフォルダがありません"):
            copy.save_as(str(tmp_path / "ない" / "x.mplan"))
        assert copy.plan_path == str(plan_file)
    finally:
        copy.discard()


def test_save_while_another_program_has_the_plan_open_is_refused(plan_file, folder, monkeypatch):
    monkeypatch.setattr(workcopy, "LOCK_TIMEOUT_S", 0.2)
    copy = WorkingCopy.open(str(plan_file), folder)
    other = sqlite3.connect(str(plan_file))
    try:
        other.execute("PRAGMA journal_mode=WAL")
        other.execute("SELECT COUNT(*) FROM system").fetchone()
        copy.plan.set_meta("generation", "1")
        with pytest.raises(SaveError, match="使用中"):
            copy.save(force=True)
        assert copy.dirty
        assert [n for n in os.listdir(plan_file.parent) if n.endswith(".saving")] == []
    finally:
        other.close()
    assert generation(plan_file) == "0"
    copy.save(force=True)
    assert generation(plan_file) == "1"
    copy.close()


def test_a_stale_wal_of_the_plan_is_never_replayed_onto_the_saved_file(plan_file, folder):
    """A writer killed mid-work leaves committed frames in P's -wal. The save folds them in and
    removes the WAL before the rename: the saved file must open as saved, intact."""
    driver = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA journal_mode=WAL')\n"
        "c.execute(\"UPDATE plan_meta SET value='stale' WHERE key='generation'\"); c.commit()\n"
        "c.execute('DELETE FROM system'); c.commit()\n"
        "os.kill(os.getpid(), 9)\n"
    )
    copy = WorkingCopy.open(str(plan_file), folder)
    try:
        copy.plan.set_meta("generation", "new")
        subprocess.run([sys.executable, "-c", driver, str(plan_file)], check=False)
        assert os.path.getsize(f"{plan_file}-wal") > 0  # the killed writer's frames are there
        copy.save(force=True)
        assert not os.path.exists(f"{plan_file}-wal")
        assert integrity(plan_file) == "ok"
        with Plan.open(str(plan_file), create=False) as p:
            assert p.meta("generation") == "new" and p.system_count() == 60
    finally:
        copy.close()


def test_save_removes_temporary_files_of_a_save_that_died(plan_file, folder, dead_pid):
    stale = plan_file.parent / f".~{plan_file.name}.{dead_pid}.saving"
    stale.write_bytes(b"half a plan")
    copy = WorkingCopy.open(str(plan_file), folder)
    try:
        copy.save()
        assert not stale.exists()
        assert [n for n in os.listdir(plan_file.parent) if "saving" in n] == []
    finally:
        copy.close()


def test_save_database_over_a_file_that_is_not_a_plan(plan_file, tmp_path):
    target = tmp_path / "old.bin"
    target.write_bytes(b"not a database")
    Path(f"{target}-wal").write_bytes(b"stray")
    save_database(str(plan_file), str(target))
    assert not Path(f"{target}-wal").exists()
    assert generation(target) == "0"


def test_a_write_during_the_save_keeps_the_copy_dirty(plan_file, folder, monkeypatch):
    copy = WorkingCopy.open(str(plan_file), folder)
    real = workcopy.save_database

    def save_and_edit(source, target):
        real(source, target)
        copy.plan.set_meta("generation", "after")  # e.g. an import finishing meanwhile

    monkeypatch.setattr(workcopy, "save_database", save_and_edit)
    try:
        copy.plan.set_meta("generation", "1")
        copy.save()
        assert copy.dirty and sidecar(copy)["dirty"] is True
        assert generation(plan_file) == "1"
    finally:
        copy.discard()


# ---------------------------------------------------------------- cleaning up orphaned copies
DAYS = 86400


def stem_of(copy: WorkingCopy) -> str:
    return os.path.basename(copy.work_path)[: -len(".mplan")]


def left_behind(plan_file: Path, folder: str, *, dirty: bool, **owner) -> str:
    """A copy of ``plan_file`` as another process leaves it (with an edit when ``dirty``): its
    sidecar and its files' names give that process's pid. Returns the files' common stem."""
    copy = WorkingCopy.open(str(plan_file), folder)
    if dirty:
        copy.plan.set_meta("generation", "5")
        copy.record(["移行先の変更：OSK-001"], dirty=True)
    orphan(copy, **owner)
    stem = stem_of(copy)
    if "pid" not in owner:
        return stem
    key, _, token = stem.split("-")
    new = f"{key}-{owner['pid']}-{token}"
    for name in os.listdir(folder):
        if name.startswith(stem):
            os.rename(os.path.join(folder, name), os.path.join(folder, new + name[len(stem):]))
    path = os.path.join(folder, new + ".json")
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    data["working_file"] = new + ".mplan"
    Path(path).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return new


def files_of(folder: str, stem: str) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.startswith(stem))


def test_clean_up_removes_clean_copies_of_ended_processes_only(plan_file, tmp_path, folder, dead_pid):
    other_plan = tmp_path / "別の計画.mplan"
    shutil.copyfile(plan_file, other_plan)
    ended_clean = left_behind(plan_file, folder, dirty=False, pid=dead_pid, process_start="")
    ended_dirty = left_behind(other_plan, folder, dirty=True, pid=dead_pid, process_start="")
    elsewhere = left_behind(plan_file, folder, dirty=False, hostname="other-pc.city.osaka.lg.jp")
    live = WorkingCopy.open(str(plan_file), folder)  # another window of this program, no edits
    Path(folder, "メモ.txt").write_text("ほかのファイル", encoding="utf-8")
    try:
        assert clean_up_orphans(folder) == [ended_clean]
        assert files_of(folder, ended_clean) == []
        # A dirty copy of a plan that exists stays, however old: opening the plan offers it back.
        assert clean_up_orphans(folder, now=time.time() + 365 * DAYS) == []
        (offered,) = find_copies(str(other_plan), folder)
        assert offered.dirty and offered.edits == ["移行先の変更：OSK-001"]
        assert files_of(folder, elsewhere) and files_of(folder, stem_of(live))
        assert Path(folder, "メモ.txt").exists()
        assert live.plan.system_count() == 60
    finally:
        live.discard()


def test_clean_up_removes_copies_of_deleted_plans_after_30_days(plan_file, tmp_path, folder, dead_pid):
    gone = tmp_path / "削除した計画.mplan"
    shutil.copyfile(plan_file, gone)
    crashed = left_behind(gone, folder, dirty=True, pid=dead_pid, process_start="")
    elsewhere = left_behind(gone, folder, dirty=True, hostname="other-pc.city.osaka.lg.jp")
    live = WorkingCopy.open(str(gone), folder)
    live.plan.set_meta("generation", "8")
    os.remove(gone)
    try:
        assert clean_up_orphans(folder) == []  # the planner may still put the plan back
        assert clean_up_orphans(folder, now=time.time() + 29 * DAYS) == []
        assert sorted(clean_up_orphans(folder, now=time.time() + 31 * DAYS)) == sorted([crashed, elsewhere])
        assert os.listdir(folder) and all(n.startswith(stem_of(live)) for n in os.listdir(folder))
        assert live.plan.meta("generation") == "8"  # a live window's copy is never touched
    finally:
        live.discard()
    assert os.listdir(folder) == []


def test_clean_up_removes_debris_of_ended_processes(plan_file, folder, dead_pid):
    os.makedirs(folder)
    key = path_key(plan_file)
    debris = [f"{key}-{dead_pid}-abcdef.mplan", f"{key}-{dead_pid}-abcdef.mplan-wal",
              f"{key}-{dead_pid}-abcdef.edits", f"{key}-{dead_pid}-fedcba.mplan.tmp"]
    being_made = f"{key}-{os.getpid()}-aaaaaa.mplan.tmp"  # a live process's copy in the making
    unreadable = [f"{key}-{dead_pid}-bbbbbb.mplan", f"{key}-{dead_pid}-bbbbbb.json"]
    for name in debris + [being_made] + unreadable:
        Path(folder, name).write_bytes(b"x")
    kept = left_behind(plan_file, folder, dirty=True, pid=dead_pid, process_start="")
    half_written = f"{kept}.json.{dead_pid}.tmp"  # the dead process's sidecar rewrite, cut short
    Path(folder, half_written).write_bytes(b"{")
    assert sorted(clean_up_orphans(folder)) == [f"{key}-{dead_pid}-abcdef", f"{key}-{dead_pid}-fedcba"]
    left = os.listdir(folder)
    assert being_made in left and all(n in left for n in unreadable)  # whose plan is it? kept
    assert half_written not in left and f"{kept}.json" in left and f"{kept}.mplan" in left
    assert not any(n in left for n in debris)


def test_clean_up_opens_no_database(plan_file, folder, dead_pid, monkeypatch):
    stem = left_behind(plan_file, folder, dirty=False, pid=dead_pid, process_start="")

    def refuse(*args, **kwargs):
        raise AssertionError("clean_up_orphans opened a database")

    monkeypatch.setattr(sqlite3, "connect", refuse)
    assert clean_up_orphans(folder) == [stem]


def test_clean_up_leaves_a_file_it_cannot_remove_for_next_time(plan_file, folder, dead_pid, monkeypatch):
    stem = left_behind(plan_file, folder, dirty=False, pid=dead_pid, process_start="")
    real = workcopy._remove

    def held(path):  # e.g. a virus scanner has the file open on Windows
        if path.endswith(".mplan"):
            raise PermissionError(13, "used by another process")
        real(path)

    monkeypatch.setattr(workcopy, "_remove", held)
    assert clean_up_orphans(folder) == []
    assert files_of(folder, stem) == [stem + ".mplan"]  # the sidecar went first: never offered half
    monkeypatch.setattr(workcopy, "_remove", real)
    assert clean_up_orphans(folder) == [stem]
    assert os.listdir(folder) == []


def test_clean_up_of_a_missing_folder_does_nothing(tmp_path):
    assert clean_up_orphans(str(tmp_path / "ない")) == []


def test_process_alive():
    assert process_alive(os.getpid())
    assert process_alive(os.getpid(), workcopy.process_start(os.getpid()))
    assert not process_alive(0) and not process_alive(-5)


def test_bench_workcopy_runs():
    """The benchmark (benchmarks/bench_workcopy.py) runs on a tiny plan and reports ratios; no timing asserted."""
    from benchmarks import bench_workcopy

    rows = bench_workcopy.run(n=300, repeats=1)
    assert [r["name"].split()[0] for r in rows] == ["open", "save", "200"]
    assert all(r["value_s"] > 0 and r["baseline_s"] > 0 and r["ratio"] > 0 for r in rows)
