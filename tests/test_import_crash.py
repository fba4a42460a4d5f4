"""Crash safety: an import killed with SIGKILL at any moment leaves the plan exactly as it was, and
openable. Real subprocesses, a large generated inventory (50,000 systems) so there is time to kill."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from migration_planner.inventory import read_inventory
from migration_planner.store import Plan

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")]

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample_inventory.xlsx"
N_ROWS = 50_000
COLUMNS = ["システムID", "システム名", "所管所属", "系統", "サーバ台数", "標準化対象業務", "次期更新年度",
           "年間運用経費（千円）", "連携先システムID", "保守事業者"]


def _col(i: int) -> str:
    return chr(ord("A") + i)


def _cell(ref: str, value) -> str:
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def write_big_inventory(path: Path, n: int) -> None:
    """An inventory of ``n`` valid systems, its sheet XML written directly (openpyxl is too slow)."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "システム一覧"
    wb.active.append(COLUMNS)
    wb.save(path)
    parts = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             'spreadsheetml/2006/main"><sheetData>']
    parts.append('<row r="1">' + "".join(_cell(f"{_col(i)}1", h) for i, h in enumerate(COLUMNS)) + "</row>")
    tiers = ("住民情報系基幹", "内部情報系基幹", "各局")
    for k in range(n):
        r = k + 2
        values = [f"G-{k:06d}", f"生成システム{k}", f"局{k % 24}", tiers[k % 3], k % 9, "1,2" if k % 10 == 0 else "",
                  f"R{k % 12 + 1}", 1000 + k, f"G-{(k + 1) % n:06d}", f"事業者{k % 40}"]
        parts.append(f'<row r="{r}">' + "".join(_cell(f"{_col(i)}{r}", v) for i, v in enumerate(values) if v != "")
                     + "</row>")
    parts.append("</sheetData></worksheet>")
    xml = "".join(parts).encode("utf-8")
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, xml if info.filename == "xl/worksheets/sheet1.xml" else zin.read(info))
    shutil.move(tmp, path)


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    """(big inventory, a plan holding the sample, the sample's records as the plan holds them)."""
    folder = tmp_path_factory.mktemp("crash")
    big = folder / "big.xlsx"
    write_big_inventory(big, N_ROWS)
    plan_path = folder / "base.mplan"
    with Plan.open(str(plan_path)) as plan:
        plan.apply_inventory(read_inventory(str(SAMPLE)).records, source=str(SAMPLE))
        before = plan.records()
    assert len(before) == 60
    assert not Path(f"{plan_path}-wal").exists()
    return big, plan_path, before


def copy_plan(setup, tmp_path) -> Path:
    dest = tmp_path / "plan.mplan"
    shutil.copyfile(setup[1], dest)
    return dest


def assert_plan_as_before(plan_path: Path, before) -> None:
    with Plan.open(str(plan_path), create=False) as plan:
        with plan.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert plan.system_count() == 60
        assert plan.records() == before


def start_import(big: Path, plan: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "main.py", "import", str(big), "--plan", str(plan)], cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def wait_for(predicate, proc: subprocess.Popen, timeout: float = 60.0, interval: float = 0.002) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert proc.poll() is None, "the import finished before the moment to kill it"
        assert time.monotonic() < deadline, "timed out waiting for the moment to kill"
        time.sleep(interval)


@pytest.mark.parametrize("moment", ["reading", "plan-opened", "writing"])
def test_sigkill_during_import_leaves_the_plan_as_it_was(setup, tmp_path, moment):
    big, _, before = setup
    plan = copy_plan(setup, tmp_path)
    wal = Path(f"{plan}-wal")
    proc = start_import(big, plan)
    try:
        if moment == "reading":
            time.sleep(0.6)
            assert not wal.exists(), "still reading the workbook: the plan is not opened yet"
        elif moment == "plan-opened":
            wait_for(wal.exists, proc)
        else:  # pages of the new systems are being written to the WAL, not yet committed
            wait_for(lambda: wal.exists() and wal.stat().st_size > 0, proc)
            # (the workbook was read without error, or the plan would never have been opened)
    finally:
        kill(proc)
    assert proc.returncode == -signal.SIGKILL
    assert_plan_as_before(plan, before)


_DRIVER = r"""
import sys, time
from migration_planner.inventory import read_inventory
from migration_planner.store import Plan

def hold(session, diff):
    session.flush()  # every new row is in the transaction; nothing is committed
    print("written", len(diff.added), flush=True)
    time.sleep(120)

records = read_inventory(sys.argv[1]).records
plan = Plan.open(sys.argv[2])
plan.apply_inventory(records, source=sys.argv[1], hooks=[hold])
"""


def test_sigkill_after_every_row_is_written_but_before_commit(setup, tmp_path):
    """Deterministic: the import's own transaction holds all 50,000 rows (spilled to the WAL file)
    when the process is killed; the plan must still hold the 60 systems."""
    big, _, before = setup
    plan = copy_plan(setup, tmp_path)
    proc = subprocess.Popen([sys.executable, "-c", _DRIVER, str(big), str(plan)], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.split() == ["written", str(N_ROWS)], proc.stderr.read() if not line else line
        wal_size = os.path.getsize(f"{plan}-wal")
    finally:
        kill(proc)
    assert wal_size > 1_000_000  # the rows really reached the file before the kill
    assert_plan_as_before(plan, before)
    # And the plan still takes changes after the crash.
    with Plan.open(str(plan), create=False) as p:
        diff = p.apply_inventory(before[:59])
        assert [r.system_id for r in diff.removed] == [before[59].system_id]
        assert p.system_count() == 59
