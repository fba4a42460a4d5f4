"""The quick read of a plan (issue 2): the same systems as ``Plan.records()``, read with plain
``sqlite3`` for the window's first paint, and the same refusals as ``Plan.open`` in the same words.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys

import pytest

from migration_planner import planfile, store
from migration_planner.inventory.contract import RECORD_FIELDS, SystemRecord
from migration_planner.models import System
from migration_planner.planfile import PlanError, read_quick
from migration_planner.store import Plan


def _digest(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


@pytest.fixture(scope="module")
def sample_plan(tmp_path_factory):
    """A plan holding the bundled sample, imported the way a planner does (60 systems)."""
    from plan_rows import write_sample_plan

    return str(write_sample_plan(tmp_path_factory.mktemp("quick") / "sample.mplan", hooks=True))


def test_quick_read_equals_plan_records_on_the_sample(sample_plan):
    quick = read_quick(sample_plan)
    with Plan.open(sample_plan, create=False) as plan:
        records, name = plan.records(), plan.name
    assert len(records) == 60
    assert quick.records == records  # every field, types included (bools, None, lists, extra)
    assert [type(r.resident_core) for r in quick.records] == [bool] * 60
    assert quick.name == name == "sample"
    assert quick.path == os.path.abspath(sample_plan)


@pytest.mark.parametrize("folder", ["100% 確認?", "計画#2 (案)", "a%3fb", "スペース と 日本語"])
def test_quick_read_finds_a_plan_whatever_its_folder_is_called(sample_plan, tmp_path, folder):
    """The quick read opens the plan through an SQLite URI: ?, # and % in a name would end or
    escape its path, spaces and Japanese must pass as they are."""
    import shutil

    target = tmp_path / folder / "計画.mplan"
    target.parent.mkdir()
    shutil.copyfile(sample_plan, target)
    quick = read_quick(str(target))
    assert quick is not None and len(quick.records) == 60 and quick.path == str(target)
    assert not os.path.exists(str(tmp_path / "100% 確認"))  # nothing made where the name was cut


def test_quick_read_keeps_lists_extra_and_empty_values(tmp_path):
    path = str(tmp_path / "p.mplan")
    recs = [SystemRecord(f"S-{i}", f"システム{i}", "市民局", "各局", i) for i in range(4)]
    recs[1].workloads = ["6-a", "20-b"]
    recs[2].links_to = ["S-1", 'a "quoted" id']
    recs[3].extra = {"独自列": "値"}
    recs[3].next_renewal_fy, recs[3].annual_cost, recs[3].budget_request = 2027, 0, True
    with Plan.open(path) as plan:
        plan.apply_inventory(recs)
        plan.set_meta("name", "区の計画")
    quick = read_quick(path)
    assert quick.records == recs
    assert quick.name == "区の計画"


def test_quick_read_columns_are_the_system_tables():
    """The hand-written query names columns of models.System: they must not drift apart."""
    columns = set(System.__table__.c.keys())
    assert set(planfile.PLAIN_FIELDS + planfile.JSON_COLUMNS) <= columns
    assert set(planfile.PLAIN_FIELDS) == set(RECORD_FIELDS) - {"workloads", "links_to", "extra"}
    assert "position" in columns
    assert planfile.PLAN_SUFFIX == store.PLAN_SUFFIX and planfile.PlanError is store.PlanError
    assert planfile.SCHEMA_VERSION == store.SCHEMA_VERSION


def test_newer_plan_is_refused_by_the_quick_read_without_modification(tmp_path):
    path = tmp_path / "p.mplan"
    with Plan.open(str(path)) as plan:
        plan.apply_inventory([SystemRecord("S-1", "システム", "市民局", "各局", 1)])
    con = sqlite3.connect(path)
    con.execute("UPDATE plan_meta SET value=? WHERE key='schema_version'", (str(store.SCHEMA_VERSION + 1),))
    con.commit()
    con.close()
    before = _digest(path)
    with pytest.raises(PlanError) as quick:
        read_quick(str(path))
    assert _digest(path) == before
    with pytest.raises(PlanError) as full:
        Plan.open(str(path))
    assert str(quick.value) == str(full.value)
    assert "新しい版" in str(quick.value) and "p.mplan" in str(quick.value)
    assert _digest(path) == before


def test_what_plan_open_refuses_the_quick_read_refuses_alike(tmp_path):
    not_sqlite = tmp_path / "text.mplan"
    not_sqlite.write_text("hello", encoding="utf-8")
    other_db = tmp_path / "other.mplan"
    con = sqlite3.connect(other_db)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    for path in (not_sqlite, other_db):
        with pytest.raises(PlanError) as quick:
            read_quick(str(path))
        with pytest.raises(PlanError) as full:
            Plan.open(str(path), create=False)
        assert str(quick.value) == str(full.value)


def test_quick_read_leaves_to_the_full_open_what_only_it_can_do(tmp_path, monkeypatch):
    # No file yet: a new plan, made by Plan.open.
    assert read_quick(str(tmp_path / "new.mplan")) is None
    assert not (tmp_path / "new.mplan").exists()
    # An older schema: Plan.open migrates it first.
    path = str(tmp_path / "p.mplan")
    with Plan.open(path) as plan:
        plan.apply_inventory([SystemRecord("S-1", "システム", "市民局", "各局", 1)])
    monkeypatch.setattr(planfile, "SCHEMA_VERSION", planfile.SCHEMA_VERSION + 1)
    assert read_quick(path) is None


def test_quick_read_imports_no_database_layer(repo_root):
    """The point of the quick read: none of SQLAlchemy, SQLModel, pydantic or numpy is imported."""
    code = ("import sys, migration_planner.planfile; "
            "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'pydantic', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=repo_root, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
