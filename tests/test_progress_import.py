"""The progress sheet: its value forms, its errors (all at once, nothing written), the CLI verb."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from migration_planner.inventory import FileProblem, ImportFailed
from migration_planner.schedule import catalog, compute_schedule
from migration_planner.schedule.progress_sheet import apply_progress, read_progress
from migration_planner.schedule.steps import DONE, NOT_STARTED
from migration_planner.store import Plan

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 21)


def write(path, header, rows, *, title=True, percent_cells=(), before=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    if before:  # another table first (an inventory sheet in the same workbook)
        ws.title = "システム一覧"
        for r in before:
            ws.append(r)
        ws = wb.create_sheet("進捗")
    else:
        ws.title = "進捗"
    if title:
        ws.append(["標準化業務 進捗報告"])
        ws.append([])
    ws.append(header)
    for r in rows:
        ws.append(r)
    for ref in percent_cells:
        ws[ref].number_format = "0.0%"
    wb.save(path)
    return str(path)


@pytest.fixture
def plan(tmp_path):
    p = Plan.open(str(tmp_path / "p.mplan"))
    yield p
    p.close()


def completed(plan, code):
    return sum(1 for s in catalog.progress(plan)[code] if s.status == DONE)


def test_rate_forms_and_completed_steps_and_dates(tmp_path, plan):
    path = write(tmp_path / "p.xlsx", ["業務名", "進捗率（%）", "完了ステップ数", "基準日"], [
        ["住民基本台帳", 0.175, None, dt.datetime(2026, 1, 31)],    # a percent-formatted cell: fraction
        ["印鑑登録", 17.5, None, "2026/01/31"],                     # a percent as a number
        ["戸籍", "17.5%", None, "令和8年1月31日"],                   # text, 和暦
        ["8", None, 7, "2026-01-31"],                               # completed steps
        ["健康管理", "１００％", None, None],                       # both halves, full-width, default date
        ["6-a", 0, None, 46053],                                    # an Excel serial date
    ], percent_cells=("B4",))
    result = read_progress(path, today=TODAY)
    got = {r.code: (r.completed, r.as_of) for r in result.rows}
    jan31 = dt.date(2026, 1, 31)
    assert got["1"] == got["2"] == got["4"] == got["8"] == (7, jan31)
    assert got["20-a"] == got["20-b"] == (40, TODAY)
    assert got["6-a"] == (0, dt.date(2026, 1, 31))
    apply_progress(plan, result)
    states = catalog.progress(plan)["1"]
    assert [s.status for s in states[:8]] == [DONE] * 7 + [NOT_STARTED]
    assert states[0].as_of == jan31
    res = compute_schedule(plan, TODAY)
    assert res.workload("1").progress == pytest.approx(0.175)
    assert res.workload("20-a").status == "移行済み"


def test_progress_sheet_after_an_inventory_sheet(tmp_path):
    inventory = [["システムID", "システム名", "標準化対象業務"], ["OSK-001", "住基", "1,2"]]
    path = write(tmp_path / "p.xlsx", ["標準化対象業務", "完了ステップ"], [["1", 3]], before=inventory, title=False)
    result = read_progress(path, today=TODAY)
    assert result.sheet == "進捗" and result.rows[0].completed == 3


def test_every_error_at_once_and_nothing_written(tmp_path, plan):
    path = write(tmp_path / "bad.xlsx", ["標準化対象業務", "進捗率", "完了ステップ数", "基準日"], [
        ["住民基本台帳", 0.5, None, None],
        ["99", 0.1, None, None],                 # unknown workload
        ["印鑑登録", 150, None, None],           # above 100 %
        ["戸籍", None, None, None],              # neither rate nor steps
        ["7", None, 41, None],                   # too many steps
        ["8", "abc", None, None],                # not a rate
        ["9", 0.25, None, "2026/02/30"],         # no such date
        ["住民記録", 0.5, None, None],           # 1 again (PMO name)
        ["10", 0.25, 3, None],                   # steps and rate disagree
    ])
    with pytest.raises(ImportFailed) as exc:
        read_progress(path, today=TODAY)
    errors = exc.value.errors
    assert [e.row for e in errors] == [5, 6, 7, 8, 9, 10, 11, 12]
    assert all(e.sheet == "進捗" and e.column for e in errors)
    by_row = {e.row: e for e in errors}
    assert by_row[5].column == "標準化対象業務" and by_row[5].value == "99"
    assert by_row[6].column == "進捗率" and "100%" in by_row[6].message
    assert by_row[8].column == "完了ステップ数" and by_row[8].value == "41"
    assert "存在しない日付" in by_row[10].message
    assert "4行" in by_row[11].message
    assert "一致しません" in by_row[12].message
    assert catalog.raw_step_states(plan, ["1"])[("1", 1)] is None


def test_not_a_progress_sheet_or_not_a_workbook(tmp_path):
    path = write(tmp_path / "x.xlsx", ["標準化対象業務", "備考"], [["1", "x"]])
    with pytest.raises(FileProblem, match="完了ステップ数 または 進捗率"):
        read_progress(path)
    csv = tmp_path / "p.xlsx"
    csv.write_text("標準化対象業務,進捗率\n1,0.5\n", encoding="utf-8")
    with pytest.raises(FileProblem, match="CSV"):
        read_progress(str(csv))


def test_rate_not_on_a_step_is_a_warning_rounded_down(tmp_path):
    path = write(tmp_path / "p.xlsx", ["業務", "進捗"], [["14", "18%"]])
    result = read_progress(path, today=TODAY)
    assert result.rows[0].completed == 7 and result.warnings and "2.5%" in result.warnings[0].message


def test_cli_progress_import(tmp_path, plan):
    plan.close()
    good = write(tmp_path / "ok.xlsx", ["標準化対象業務", "進捗率"], [["14", "50%"]])
    run = lambda *a: subprocess.run([sys.executable, "main.py", "progress", "import", *a, "--plan", plan.path],  # noqa: E731
                                    cwd=ROOT, capture_output=True, text=True, timeout=60)
    out = run(good, "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["progress"][0] == {"code": "14", "completed_steps": 20,
                                                     "as_of": json.loads(out.stdout)["progress"][0]["as_of"]}
    bad = write(tmp_path / "bad.xlsx", ["標準化対象業務", "進捗率"], [["14", "x"], ["99", "10%"]])
    out = run(bad)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    # As with the inventory import: one line per error on stderr, the summary on stdout.
    assert len(lines) == 2 and "4行" in lines[0] and "列「進捗率」" in lines[0] and "5行" in lines[1]
    assert "エラー 2 件" in out.stdout
    with Plan.open(plan.path) as p:
        assert sum(1 for s in catalog.progress(p)["14"] if s.status == DONE) == 20
