"""The plan file: WAL, schema version, older plans migrated, newer plans refused unchanged."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from migration_planner import store
from migration_planner.inventory.contract import SystemRecord
from migration_planner.store import Plan, PlanError


def _records(n=3):
    return [SystemRecord(f"S-{i}", f"システム{i}", "市民局", "各局", i) for i in range(n)]


def test_new_plan_is_sqlite_in_wal_with_schema_version(tmp_path):
    path = tmp_path / "p.mplan"
    with Plan.open(str(path)) as plan:
        plan.apply_inventory(_records())
        assert plan.schema_version == store.SCHEMA_VERSION
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("SELECT value FROM plan_meta WHERE key='schema_version'").fetchone()[0] == str(store.SCHEMA_VERSION)
    assert con.execute("SELECT COUNT(*) FROM workload").fetchone()[0] == 22
    con.close()


def test_reopened_plan_keeps_systems_and_order(tmp_path):
    path = str(tmp_path / "p.mplan")
    recs = _records(5)
    recs[2].workloads = ["6-a", "20-b"]
    recs[3].links_to = ["S-1"]
    recs[4].extra = {"独自列": "値"}
    with Plan.open(path) as plan:
        plan.apply_inventory(recs)
    with Plan.open(path, create=False) as plan:
        assert plan.records() == recs


def test_plan_from_a_newer_version_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "p.mplan"
    with Plan.open(str(path)) as plan:
        plan.apply_inventory(_records())
    con = sqlite3.connect(path)
    con.execute("UPDATE plan_meta SET value='999' WHERE key='schema_version'")
    con.commit()
    con.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(PlanError, match="新しい版"):
        Plan.open(str(path))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_plan_from_an_older_version_is_migrated(tmp_path, monkeypatch):
    path = str(tmp_path / "p.mplan")
    with Plan.open(path) as plan:
        plan.apply_inventory(_records())
    calls = []

    def add_column(conn):
        calls.append(1)
        conn.exec_driver_sql("ALTER TABLE system ADD COLUMN future_flag INTEGER DEFAULT 0")

    monkeypatch.setattr(store, "SCHEMA_VERSION", store.SCHEMA_VERSION + 1)
    monkeypatch.setitem(store.MIGRATIONS, store.SCHEMA_VERSION - 1, add_column)
    with Plan.open(path) as plan:
        assert plan.schema_version == store.SCHEMA_VERSION
        assert plan.system_count() == 3
    assert calls == [1]
    con = sqlite3.connect(path)
    cols = [r[1] for r in con.execute("PRAGMA table_info(system)")]
    assert "future_flag" in cols


def test_a_file_that_is_not_a_plan_is_refused(tmp_path):
    other = tmp_path / "other.mplan"
    other.write_text("hello", encoding="utf-8")
    with pytest.raises(PlanError, match="プランファイルではありません"):
        Plan.open(str(other))
    foreign = tmp_path / "foreign.sqlite"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t(x)")
    con.commit()
    con.close()
    with pytest.raises(PlanError, match="このプログラムのプランではありません"):
        Plan.open(str(foreign))
    with pytest.raises(PlanError, match="見つかりません"):
        Plan.open(str(tmp_path / "missing.mplan"), create=False)


def test_a_failing_change_leaves_the_plan_as_it_was(tmp_path):
    path = str(tmp_path / "p.mplan")
    with Plan.open(path) as plan:
        plan.apply_inventory(_records(3))

        def boom(session, diff):
            raise RuntimeError("crash in the middle")

        with pytest.raises(RuntimeError):
            plan.apply_inventory(_records(10), hooks=[boom])
        assert plan.system_count() == 3
        assert [a.action for a in plan.audit()] == ["import"]


def test_opening_an_existing_plan_does_not_write_to_it(tmp_path):
    """Opening (and closing) a current plan leaves its file byte for byte as it was."""
    import hashlib

    from migration_planner.store import Plan

    path = tmp_path / "p.mplan"
    Plan.open(str(path)).close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    mtime = path.stat().st_mtime_ns
    Plan.open(str(path), create=False).close()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before and path.stat().st_mtime_ns == mtime


def test_a_new_plan_starts_with_the_baseline_scenario(tmp_path):
    from migration_planner.store import Plan
    from migration_planner.subsidy.params import ScenarioParams
    from migration_planner.subsidy.scenarios import baseline, ensure_baseline

    with Plan.open(str(tmp_path / "p.mplan")) as plan:
        found = baseline(plan)
        assert found is not None and found.params == ScenarioParams()
        assert ensure_baseline(plan) == found  # nothing to create when the view asks
