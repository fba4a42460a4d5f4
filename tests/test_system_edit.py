"""Editing a system in the core: a value is read exactly as an import reads the same cell, and the
form's several edits are one step that undo restores exactly (issue 3). No Qt here."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migration_planner.inventory.contract import INVENTORY_COLUMNS, SystemRecord
from migration_planner.inventory.issues import ImportFailed
from migration_planner.inventory.loader import parse_table
from migration_planner.inventory.workbook import Table
from migration_planner.placement import (
    EDITABLE_FIELDS,
    PlacementError,
    SystemEditCommand,
    SystemEditsCommand,
    classify,
    normalise_field,
    overrides,
    set_override,
)
from migration_planner.plan_ops import import_hooks

from benchmarks.generators import _rows  # noqa: E402

KEYS = [c.key for c in INVENTORY_COLUMNS]
VALID_ROW = {"system_id": "S-1", "name": "住民記録システム", "department": "市民局", "tier": "各局", "servers": 2}


def rec(sid="S-1", **kw) -> SystemRecord:
    base = dict(system_id=sid, name=f"システム{sid}", department="総務局", tier="各局", servers=2)
    return SystemRecord(**(base | kw))


def load(plan, records) -> None:
    plan.apply_inventory(records, source="test.xlsx", hooks=import_hooks())


def imported(field: str, cell: object) -> object:
    """What an import makes of ``cell`` in column ``field`` (raises ImportFailed when it refuses it).

    The table has a second system, S-2, so that a link to it is valid."""
    cells = [VALID_ROW.get(k) for k in KEYS]
    cells[KEYS.index(field)] = cell
    other = ["S-2", "別システム", "総務局", "各局", 1] + [None] * (len(KEYS) - 5)
    table = Table("t.xlsx", "システム一覧", 1, {k: i for i, k in enumerate(KEYS)}, {c.key: c.header for c in INVENTORY_COLUMNS},
                  {}, [(2, cells), (3, other)])
    return getattr(parse_table(table).records[0], field)


def edited(field: str, cell: object) -> object:
    return normalise_field(field, cell)


# ---------------------------------------------------------------- same parsers as the import
def test_every_cell_form_the_generator_writes_is_read_as_the_import_reads_it():
    """The benchmark generator writes the forms planners use (和暦, Excel dates, ○/はい/1, 1,234千円 in
    full width, lists with mixed separators, workload names); an edit reads each the same way."""
    checked = 0
    for cells, record in _rows(400, seed=3):
        for key, cell in zip(KEYS, cells):
            if key == "system_id":
                continue
            assert edited(key, cell) == getattr(record, key), (key, cell)
            checked += 1
    assert checked == 400 * 17


@pytest.mark.parametrize("field, typed, value", [
    ("tier", "住民情報系", "住民情報系基幹"),          # the importer's aliases, not only the exact names
    ("saas_fit", "○", "適合"),
    ("saas_fit", "", "未検討"),
    ("scale", "中規模", "中"),
    ("workloads", "子ども・子育て支援、1", ["1", "19"]),  # a name with ・ is one workload
    ("workloads", "就学", ["6-a", "6-b"]),
    ("next_renewal_fy", "令和9年度", 2027),
    ("next_renewal_fy", dt.date(2027, 2, 1), 2026),
    ("annual_cost", "１，２３４千円", 1234),
    ("annual_cost", "", None),
    ("servers", "12台", 12),
    ("resident_core", "はい", True),
    ("links_to", "S-2、S-2", ["S-2"]),
])
def test_planner_forms_give_the_imported_value(field, typed, value):
    assert edited(field, typed) == value == imported(field, typed)


@pytest.mark.parametrize("field, typed, words", [
    ("servers", "abc", "0以上の整数"),
    ("servers", "", "必須"),
    ("name", "  ", "必須"),
    ("tier", "本庁", "住民情報系基幹／内部情報系基幹／各局"),
    ("saas_fit", "たぶん", "適合"),
    ("annual_cost", "-5", "負"),
    ("next_renewal_fy", "来年", "年度として読めません"),
    ("workloads", "1, 住民登録X", "「住民登録X」"),
    ("resident_core", "maybe", "フラグ"),
])
def test_wrong_values_are_refused_as_the_import_refuses_them(field, typed, words):
    with pytest.raises(PlacementError, match=words) as info:
        edited(field, typed)
    assert str(info.value).startswith(dict((c.key, c.header) for c in INVENTORY_COLUMNS)[field])
    with pytest.raises(ImportFailed):
        imported(field, typed)


_FORMS = st.sampled_from([
    "", " ", "○", "×", "はい", "いいえ", "1", "0", "2", "R7", "令和9年度", "H30", "FY2030", "2027", "1,234",
    "１，２３４千円", "-3", "3台", "12.5", "abc", "住民情報系", "各局", "内部情報系基幹", "大", "中規模", "適合",
    "不適合", "未検討", "未", "6-a", "20", "21", "住民基本台帳", "就学・健康管理", "S-2", "S-2, S-2", "x・y",
])
_CELLS = st.one_of(
    _FORMS, st.text(alphabet="0123456789０１２３,、・ -R令和年度○×千円台aS", max_size=8),
    st.integers(min_value=-3, max_value=50_000), st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(), st.none(), st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2090, 1, 1)),
)


@pytest.fixture(scope="module")
def two_systems(tmp_path_factory):
    """A plan holding the same two systems as :func:`imported`'s table (links are checked against it)."""
    from migration_planner.store import Plan

    p = Plan.open(str(tmp_path_factory.mktemp("edit") / "p.mplan"))
    load(p, [SystemRecord(**VALID_ROW), rec("S-2", name="別システム", servers=1)])
    yield p
    p.close()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(EDITABLE_FIELDS), cell=_CELLS)
def test_an_edit_accepts_a_value_exactly_when_an_import_accepts_the_same_cell(two_systems, field, cell):
    try:
        expected = imported(field, cell)
    except ImportFailed:
        with pytest.raises(PlacementError):
            SystemEditCommand.make(two_systems, "S-1", field, cell)
    else:
        assert SystemEditCommand.make(two_systems, "S-1", field, cell).after == expected


# ---------------------------------------------------------------- the form's edits: one step
def test_several_fields_are_one_step_and_revert_restores_the_plan_exactly(plan):
    load(plan, [rec("S-1", saas_candidate="kintone", saas_fit="未検討"), rec("S-2")])
    before = plan.records()
    cmd = SystemEditsCommand.make(plan, "S-1", {
        "name": "新しい名称", "servers": "5台", "saas_fit": "不適合", "next_renewal_fy": "R10", "links_to": "S-2",
        "department": "総務局",  # unchanged: not an edit
    })
    assert [e.field for e in cmd.edits] == ["name", "servers", "saas_fit", "next_renewal_fy", "links_to"]
    assert cmd.text == "S-1 のシステム名・サーバ台数・SaaS適合・次期更新年度・連携先システムIDを変更"
    cmd.apply(plan)
    after = plan.records()[0]
    assert (after.name, after.servers, after.saas_fit, after.next_renewal_fy, after.links_to) == (
        "新しい名称", 5, "不適合", 2028, ["S-2"])
    assert classify(plan)[0].destination == "common_cloud"
    cmd.revert(plan)
    assert plan.records() == before
    assert classify(plan)[0].destination == "saas"
    assert [a.action for a in plan.audit("S-1")][-10:] == ["edit"] * 5 + ["undo_edit"] * 5
    cmd.apply(plan, redo=True)
    assert plan.records()[0].servers == 5


def test_one_wrong_value_stops_the_whole_form_with_every_problem_listed(plan):
    load(plan, [rec("S-1"), rec("S-2")])
    before = plan.records()
    with pytest.raises(PlacementError) as info:
        SystemEditsCommand.make(plan, "S-1", {"name": "ok", "servers": "many", "links_to": "S-9", "tier": "本庁"})
    lines = str(info.value).splitlines()
    assert len(lines) == 3
    assert any("サーバ台数" in x for x in lines) and any("S-9" in x for x in lines) and any("系統" in x for x in lines)
    assert plan.records() == before


def test_a_link_to_itself_is_refused(plan):
    load(plan, [rec("S-1"), rec("S-2")])
    with pytest.raises(PlacementError, match="S-1"):
        SystemEditCommand.make(plan, "S-1", "links_to", "S-2, S-1")


def test_the_form_flags_an_override_once_and_its_undo_takes_the_flag_back(plan):
    load(plan, [rec("S-1", cloud_blocker="専用回線")])
    set_override(plan, "S-1", "common_cloud", "閉域接続で対応")
    cmd = SystemEditsCommand.make(plan, "S-1", {"cloud_blocker": "リアルタイム監視", "resident_core": "○", "notes": "x"})
    cmd.apply(plan)
    assert overrides(plan)["S-1"].needs_review
    assert [a.action for a in plan.audit("S-1")].count("review_flag") == 1
    cmd.revert(plan)
    assert not overrides(plan)["S-1"].needs_review


def test_an_edit_to_the_same_value_changes_nothing():
    assert not SystemEditCommand("S-1", "servers", 2, 2).changes
    assert SystemEditCommand("S-1", "servers", 2, 3).changes
