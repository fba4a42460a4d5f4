"""The headless command line, run as a planner runs it: ``python main.py import|systems …``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from migration_planner.inventory.contract import INVENTORY_COLUMNS

REPO = Path(__file__).resolve().parents[1]
CONTRACT_KEYS = [c.key for c in INVENTORY_COLUMNS]
FLAGS = {"resident_core", "budget_request"}
AMOUNTS = {"annual_cost", "migration_cost"}
TEXTS = {"system_id", "name", "department", "tier", "saas_candidate", "saas_fit", "cloud_blocker", "scale",
         "vendor", "notes"}


def run(*args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [sys.executable, "main.py", *map(str, args)], cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    for stream in (proc.stdout, proc.stderr):
        assert "Traceback" not in stream, stream
    return proc


def systems_json(plan: Path) -> list[dict]:
    proc = run("systems", "--plan", plan, "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def plan_records(plan: Path):
    """The plan's systems, read in-process (cheaper than a subprocess when checking "unchanged")."""
    from migration_planner.store import Plan

    with Plan.open(str(plan), create=False) as p:
        return p.records()


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    """(plan, its systems as ``systems --json`` prints them): the sample imported through the CLI once."""
    plan = tmp_path_factory.mktemp("city") / "city.mplan"
    proc = run("import", REPO / "sample_inventory.xlsx", "--plan", plan)
    assert proc.returncode == 0, proc.stderr
    assert not Path(f"{plan}-wal").exists()  # closed cleanly: the file alone is the plan
    return plan, systems_json(plan)


@pytest.fixture
def imported(tmp_path, city) -> Path:
    """A private copy of the plan holding the sample."""
    plan = tmp_path / "city.mplan"
    shutil.copyfile(city[0], plan)
    return plan


@pytest.fixture(scope="module")
def city_records(city):
    return plan_records(city[0])


def bad_rows(H):
    def row(sid, **cells):
        d = {"システムID": sid, "システム名": "X", "所管所属": "市民局", "系統": "各局", "サーバ台数": 1, **cells}
        return [d.get(h) for h in H]
    # A value written on two lines inside its cell still makes one line of error.
    return [row("B-1"), row("B-2", サーバ台数="多数\n（予定）"), row("B-1", 連携先システムID="Z-9"),
            row("B-4", 次期更新年度="いつか")]


BAD_PLACES = [(3, "サーバ台数"), (4, "システムID"), (4, "連携先システムID"), (5, "次期更新年度")]


# ---------------------------------------------------------------- success
def test_import_json_summary(tmp_path, sample_path):
    plan = tmp_path / "new.mplan"
    proc = run("import", sample_path, "--plan", plan, "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["systems"] == 60 and isinstance(out["systems"], int)
    assert out["warnings"] == [] and out["errors"] == []
    assert plan.exists()  # the plan was created


def test_import_plain_summary(tmp_path, sample_path):
    proc = run("import", sample_path, "--plan", tmp_path / "p.mplan")
    assert proc.returncode == 0
    assert "60" in proc.stdout and "取り込みました" in proc.stdout
    assert proc.stderr == ""


def test_systems_json_is_keyed_and_typed_as_in_the_contract(city, sample_path):
    systems = city[1]
    assert len(systems) == 60
    for s in systems:
        assert list(s) == CONTRACT_KEYS
        for key in TEXTS:
            assert isinstance(s[key], str), (key, s[key])
        assert isinstance(s["servers"], int) and not isinstance(s["servers"], bool)
        for key in FLAGS:
            assert isinstance(s[key], bool), (key, s[key])
        for key in AMOUNTS:
            assert s[key] is None or (isinstance(s[key], int) and not isinstance(s[key], bool) and s[key] >= 0)
        assert s["next_renewal_fy"] is None or (type(s["next_renewal_fy"]) is int and 2000 < s["next_renewal_fy"] < 2100)
        assert isinstance(s["workloads"], list) and all(isinstance(c, str) for c in s["workloads"])
        assert isinstance(s["links_to"], list) and all(isinstance(t, str) for t in s["links_to"])
    by_name = {s["name"]: s for s in systems}
    assert by_name["就学システム"]["workloads"] == ["6-a"]
    assert by_name["保健衛生システム"]["workloads"] == ["19", "20-a", "20-b"]
    assert by_name["住民基本台帳等事務システム"]["resident_core"] is True
    # The same data the importer reads from the workbook.
    from migration_planner.inventory import read_inventory

    records = read_inventory(str(sample_path)).records
    assert systems == [{k: getattr(r, k) for k in CONTRACT_KEYS} for r in records]


def test_reimport_through_the_command_line_reports_what_changed(imported, city, make_workbook):
    H = make_workbook.HEADER
    current = city[1]
    rows = [[s[c.key] if not isinstance(s[c.key], list) else ",".join(s[c.key]) for c in INVENTORY_COLUMNS]
            for s in current[:59]]  # drop the last system
    rows[0][INVENTORY_COLUMNS.index(next(c for c in INVENTORY_COLUMNS if c.key == "servers"))] = 99
    rows = [[("○" if v is True else "×" if v is False else v) for v in r] for r in rows]
    proc = run("import", make_workbook(H, rows), "--plan", imported, "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert (out["systems"], out.get("added"), out.get("removed"), out.get("changed")) == (59, 0, 1, 1)
    after = systems_json(imported)
    assert len(after) == 59 and after[0]["servers"] == 99
    assert after[1:] == current[1:59]


def test_unknown_columns_are_warnings_in_json(tmp_path, make_workbook):
    H = make_workbook.HEADER + ["設置場所"]
    row = ["W-1", "X", "市民局", "各局", 1] + [None] * 13 + ["本庁"]
    proc = run("import", make_workbook(H, [row]), "--plan", tmp_path / "p.mplan", "--json")
    assert proc.returncode == 0
    out = json.loads(proc.stdout)
    assert out["systems"] == 1 and out["errors"] == []
    assert len(out["warnings"]) == 1 and "設置場所" in json.dumps(out["warnings"], ensure_ascii=False)


# ---------------------------------------------------------------- input errors: exit 2, nothing written
def test_errors_exit_2_one_line_each_with_row_and_column_and_nothing_written(imported, city_records, make_workbook):
    path = make_workbook(make_workbook.HEADER, bad_rows(make_workbook.HEADER))
    proc = run("import", path, "--plan", imported)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == len(BAD_PLACES)  # one line per error, nothing else on stderr
    for row, column in BAD_PLACES:
        assert any(f"{row}行" in line and f"列「{column}」" in line for line in lines), (row, column)
    assert all("シート「システム一覧」" in line for line in lines)
    assert "何も書き込んでいません" in proc.stdout
    assert plan_records(imported) == city_records


def test_errors_in_json(imported, city_records, make_workbook):
    path = make_workbook(make_workbook.HEADER, bad_rows(make_workbook.HEADER))
    proc = run("import", path, "--plan", imported, "--json")
    assert proc.returncode == 2
    out = json.loads(proc.stdout)
    assert out["systems"] == 0
    assert sorted((e["row"], e["column"]) for e in out["errors"]) == sorted(BAD_PLACES)
    assert all(e["sheet"] == "システム一覧" and e["message"] for e in out["errors"])
    assert {e["value"] for e in out["errors"]} == {"多数\n(予定)", "B-1", "Z-9", "いつか"}
    assert len(proc.stderr.strip().splitlines()) == len(BAD_PLACES)
    assert plan_records(imported) == city_records


def test_errors_never_create_a_plan(tmp_path, make_workbook):
    plan = tmp_path / "never.mplan"
    proc = run("import", make_workbook(make_workbook.HEADER, bad_rows(make_workbook.HEADER)), "--plan", plan)
    assert proc.returncode == 2
    assert not plan.exists()


NOT_XLSX = {"csv": "CSV", "xls": ".xls", "empty": "空", "missing": "見つかりません"}


def _write_not_xlsx(path: Path, kind: str) -> None:
    if kind == "csv":
        path.write_text("システムID,システム名\nA-1,住民\n", encoding="cp932")
    elif kind == "xls":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    elif kind == "empty":
        path.write_bytes(b"")


@pytest.mark.parametrize("kind", list(NOT_XLSX))
def test_not_an_xlsx_exits_2_with_a_message(tmp_path, imported, city_records, kind):
    path = tmp_path / "inventory.xlsx"
    _write_not_xlsx(path, kind)
    proc = run("import", path, "--plan", imported)
    assert proc.returncode == 2
    message = proc.stderr.strip()
    assert len(message.splitlines()) == 1 and "inventory.xlsx" in message
    assert NOT_XLSX[kind] in message
    assert plan_records(imported) == city_records


def test_not_an_xlsx_in_json(tmp_path, imported, city_records):
    path = tmp_path / "inventory.xlsx"
    _write_not_xlsx(path, "csv")
    proc = run("import", path, "--plan", imported, "--json")
    assert proc.returncode == 2
    out = json.loads(proc.stdout)
    assert out["systems"] == 0 and out["warnings"] == []
    assert len(out["errors"]) == 1 and "CSV" in out["errors"][0]["message"]
    # Shaped like the per-cell errors, so a script can read every error the same way.
    assert set(out["errors"][0]) >= {"message", "sheet", "row", "column", "value", "line"}
    assert out["errors"][0]["row"] is None
    assert plan_records(imported) == city_records


def test_a_plan_path_that_is_not_a_plan_exits_2_and_is_not_touched(tmp_path, sample_path):
    victim = tmp_path / "inventory_copy.xlsx"
    victim.write_bytes(sample_path.read_bytes())
    proc = run("import", sample_path, "--plan", victim, "--json")
    assert proc.returncode == 2
    assert "プランファイルではありません" in proc.stderr and "inventory_copy.xlsx" in proc.stderr
    assert "プランファイルではありません" in json.loads(proc.stdout)["errors"][0]["message"]
    proc = run("systems", "--plan", victim, "--json")
    assert proc.returncode == 2 and "プランファイルではありません" in proc.stderr
    assert victim.read_bytes() == sample_path.read_bytes()


def test_a_plan_in_a_missing_folder_and_a_missing_plan_exit_2(tmp_path, sample_path):
    proc = run("import", sample_path, "--plan", tmp_path / "no" / "such" / "p.mplan")
    assert proc.returncode == 2 and "フォルダ" in proc.stderr
    proc = run("systems", "--plan", tmp_path / "absent.mplan", "--json")
    assert proc.returncode == 2 and "見つかりません" in proc.stderr
    assert not (tmp_path / "absent.mplan").exists()


def test_usage_errors_exit_2_without_traceback(sample_path):
    proc = run("import", sample_path)  # --plan is required
    assert proc.returncode == 2 and "--plan" in proc.stderr
