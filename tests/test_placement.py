"""Placement by the refresh plan's decision order: steps, trace, overrides, audit, undo, CLI."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import subprocess
import sys
from collections import Counter

import pytest

from migration_planner.inventory import read_inventory
from migration_planner.inventory.contract import SystemRecord
from migration_planner.placement import (
    CAVEAT_SAAS_UNREVIEWED,
    OverrideCommand,
    PlacementError,
    ReasonRequired,
    SystemEditCommand,
    audit_line,
    classify,
    clear_override,
    confirm_override,
    destination_code,
    in_group,
    migration_window,
    overrides,
    place,
    place_many,
    renewal_soon,
    set_override,
)
from migration_planner.plan_ops import import_hooks
from migration_planner.store import Plan


def rec(sid="S-1", **kw) -> SystemRecord:
    base = dict(system_id=sid, name=f"システム{sid}", department="総務局", tier="各局", servers=2)
    return SystemRecord(**(base | kw))


def load(plan: Plan, records: list[SystemRecord]) -> None:
    plan.apply_inventory(records, source="test.xlsx", hooks=import_hooks())


# ---------------------------------------------------------------- the decision order
@pytest.mark.parametrize(
    "fields, destination, step",
    [
        # step 1: a workload, the flag, or both
        (dict(workloads=["1", "2"]), "gov_cloud", 1),
        (dict(resident_core=True), "gov_cloud", 1),
        (dict(workloads=["14"], resident_core=True, saas_candidate="X", saas_fit="適合"), "gov_cloud", 1),
        # step 1 beats a SaaS candidate and a cloud blocker
        (dict(workloads=["5"], cloud_blocker="専用回線"), "gov_cloud", 1),
        # step 2: a candidate whose fit is not 不適合
        (dict(saas_candidate="X", saas_fit="適合"), "saas", 2),
        (dict(saas_candidate="X", saas_fit="未検討"), "saas", 2),
        (dict(saas_candidate="X", saas_fit="適合", cloud_blocker="専用回線"), "saas", 2),
        # step 2 → 3: 不適合, or no candidate at all (a fit without a candidate means nothing)
        (dict(saas_candidate="X", saas_fit="不適合"), "common_cloud", 3),
        (dict(saas_candidate="", saas_fit="適合"), "common_cloud", 3),
        (dict(), "common_cloud", 3),
        # step 3 → 4: a blocker, with or without a rejected SaaS
        (dict(cloud_blocker="閉域の制御系ネットワーク"), "on_premises", 4),
        (dict(saas_candidate="X", saas_fit="不適合", cloud_blocker="特殊機器"), "on_premises", 4),
    ],
)
def test_each_step_and_boundary(fields, destination, step):
    p = place(rec(**fields))
    assert (p.destination, p.step) == (destination, step)


def test_unreviewed_fit_goes_to_saas_with_the_caveat_and_reviewed_ones_do_not():
    assert place(rec(saas_candidate="X", saas_fit="未検討")).caveat == CAVEAT_SAAS_UNREVIEWED
    assert place(rec(saas_candidate="X", saas_fit="")).caveat == CAVEAT_SAAS_UNREVIEWED  # blank reads as 未検討
    assert place(rec(saas_candidate="X", saas_fit="適合")).caveat == ""
    assert place(rec(cloud_blocker="x")).caveat == ""


def test_fast_path_agrees_with_the_trace_for_every_combination():
    combos = itertools.product(([], ["3"]), (False, True), ("", "X"), ("適合", "不適合", "未検討"), ("", "専用回線"))
    records = [rec(f"S{i}", workloads=w, resident_core=r, saas_candidate=c, saas_fit=f, cloud_blocker=b)
               for i, (w, r, c, f, b) in enumerate(combos)]
    for p in place_many(records):
        matched = [t.step for t in p.trace if t.matched]
        assert matched == [p.step], p  # exactly the deciding step matched
        assert all(t.matched is None for t in p.trace if t.step > p.step)
        assert all(t.matched is False for t in p.trace if t.step < p.step)
    assert place_many(records).counts() == dict(Counter(p.destination for p in place_many(records)))


# ---------------------------------------------------------------- the trace a planner quotes
def test_trace_sentence_for_workloads_is_the_one_the_issue_quotes():
    p = place(rec(workloads=["1", "2"], resident_core=True))
    assert p.reasons == ["ステップ1：標準化対象業務（1 住民基本台帳、2 印鑑登録）を含むため ガバメントクラウド"]
    assert [t.status for t in p.trace] == ["該当", "未判定", "未判定", "未判定"]
    assert p.trace[0].inputs == {"workloads": ["1", "2"], "resident_core": True}
    assert p.trace[1].sentence == "ステップ2：未判定（ステップ1で決定）"


def test_trace_sentences_for_each_later_step_name_the_values_read():
    flag = place(rec(resident_core=True))
    assert flag.sentence == "ステップ1：住民基本系のため ガバメントクラウド"

    saas = place(rec(saas_candidate="電子申請クラウド", saas_fit="未検討"))
    assert saas.reasons == [
        "ステップ1：標準化対象業務を含まず、住民基本系でもないため 該当せず",
        "ステップ2：SaaS候補「電子申請クラウド」があり、SaaS適合が「未検討」のため SaaS（注意：SaaS適合 未検討）",
    ]
    common = place(rec(saas_candidate="文書管理SaaS", saas_fit="不適合"))
    assert common.reasons[1:] == [
        "ステップ2：SaaS候補「文書管理SaaS」はSaaS適合が「不適合」のため 該当せず",
        "ステップ3：クラウド化阻害要因がないため 大阪市共通クラウド",
    ]
    onprem = place(rec(cloud_blocker="専用回線"))
    assert onprem.reasons[1:] == [
        "ステップ2：SaaS候補がないため 該当せず",
        "ステップ3：クラウド化阻害要因「専用回線」があるため 該当せず",
        "ステップ4：クラウド化阻害要因「専用回線」によりクラウドへ移せないため オンプレミス",
    ]
    assert onprem.trace[2].inputs == {"cloud_blocker": "専用回線"}


def test_destinations_are_read_by_code_or_japanese_label():
    assert destination_code("大阪市共通クラウド") == "common_cloud"
    assert destination_code("saas") == "saas" and destination_code("ＳａａＳ") == "saas"
    with pytest.raises(PlacementError, match="移行先「クラウド」はありません"):
        destination_code("クラウド")


# ---------------------------------------------------------------- the sample and classify
def test_sample_inventory_places_as_the_refresh_plan_expects(plan, sample_path):
    load(plan, read_inventory(str(sample_path)).records)
    items = classify(plan)
    assert len(items) == 60
    assert Counter(c.destination for c in items) == {"gov_cloud": 15, "saas": 23, "common_cloud": 16, "on_premises": 6}
    first = items[0]
    assert (first.system_id, first.destination, first.step) == ("OSK-001", "gov_cloud", 1)
    assert first.reasons[-1] == "ステップ1：標準化対象業務（1 住民基本台帳、2 印鑑登録）を含むため ガバメントクラウド"
    unreviewed = [c for c in items if c.caveat]
    assert unreviewed and all(c.destination == "saas" for c in unreviewed)


# ---------------------------------------------------------------- overrides and their audit
def test_override_needs_a_reason_and_writes_nothing_without_one(plan):
    load(plan, [rec("S-1")])
    with pytest.raises(ReasonRequired, match="理由"):
        set_override(plan, "S-1", "saas", "   ")
    assert isinstance(ReasonRequired("x"), ValueError)
    assert overrides(plan) == {}
    assert [a.action for a in plan.audit("S-1")] == []


def test_override_of_unknown_system_or_destination_is_refused(plan):
    load(plan, [rec("S-1")])
    with pytest.raises(PlacementError, match="S-9"):
        set_override(plan, "S-9", "saas", "理由")
    with pytest.raises(PlacementError):
        set_override(plan, "S-1", "moon", "理由")


def test_override_and_its_audit_survive_reopening_the_plan(tmp_path):
    path = tmp_path / "p.mplan"
    with Plan.open(str(path)) as plan:
        load(plan, [rec("S-1", saas_candidate="X", saas_fit="未検討")])
        set_override(plan, "S-1", "オンプレミス", "庁内LAN専用端末のため", user="tanaka")
    with Plan.open(str(path), create=False) as plan:
        item = classify(plan)[0]
        assert (item.destination, item.automatic_destination, item.overridden) == ("on_premises", "saas", True)
        assert item.caveat == ""  # the caveat follows the system while it is in SaaS
        assert item.override.reason == "庁内LAN専用端末のため"
        assert item.override.inputs == {"workloads": [], "resident_core": False, "saas_candidate": "X",
                                        "saas_fit": "未検討", "cloud_blocker": ""}
        entry = plan.audit("S-1")[-1]
        assert (entry.action, entry.user, entry.from_value, entry.to_value, entry.reason) == (
            "override", "tanaka", "saas", "on_premises", "庁内LAN専用端末のため")
        assert isinstance(entry.at, dt.datetime)
        assert "SaaS → オンプレミス（庁内LAN専用端末のため）" in audit_line(entry)


def test_clear_override_is_audited_and_history_is_kept(plan):
    load(plan, [rec("S-1")])
    set_override(plan, "S-1", "saas", "SaaS化を先行検討")
    clear_override(plan, "S-1", "検討の結果、共通クラウドへ")
    assert classify(plan)[0].destination == "common_cloud"
    assert [(a.action, a.from_value, a.to_value) for a in plan.audit("S-1")] == [
        ("override", "common_cloud", "saas"), ("clear_override", "saas", "common_cloud")]
    with pytest.raises(PlacementError):
        clear_override(plan, "S-1")


def test_one_active_override_per_system(plan):
    load(plan, [rec("S-1")])
    set_override(plan, "S-1", "saas", "一")
    set_override(plan, "S-1", "on_premises", "二")
    assert list(overrides(plan)) == ["S-1"]
    assert overrides(plan)["S-1"].destination == "on_premises"
    assert [a.from_value for a in plan.audit("S-1")] == ["common_cloud", "saas"]


# ---------------------------------------------------------------- re-import
def test_reimport_flags_a_stale_override_and_keeps_an_unchanged_one(plan):
    load(plan, [rec("S-1", saas_candidate="X", saas_fit="未検討"), rec("S-2"), rec("S-3", cloud_blocker="専用回線")])
    set_override(plan, "S-1", "common_cloud", "SaaSの適合は見込めない")
    set_override(plan, "S-2", "saas", "全庁SaaSに載せる")
    set_override(plan, "S-3", "common_cloud", "回線を閉域接続で解消")
    # S-1's fit was reviewed (an input changed); S-2 only changed its cost; S-3 left the inventory.
    load(plan, [rec("S-1", saas_candidate="X", saas_fit="適合"), rec("S-2", annual_cost=1200)])
    state = overrides(plan)
    assert state["S-1"].needs_review and not state["S-2"].needs_review
    assert state["S-3"].needs_review, "an override of a removed system is kept, flagged"
    flag = plan.audit("S-1")[-1]
    assert flag.action == "review_flag" and "SaaS適合：未検討 → 適合" in flag.reason
    assert plan.audit("S-3")[-1].action == "review_flag"
    items = {c.system_id: c for c in classify(plan)}
    assert items["S-1"].needs_review and items["S-1"].destination == "common_cloud"
    assert not items["S-2"].needs_review and items["S-2"].destination == "saas"
    # A second re-import with the same data adds no further flag lines.
    n = len(plan.audit())
    load(plan, [rec("S-1", saas_candidate="X", saas_fit="適合"), rec("S-2", annual_cost=1300)])
    assert [a.action for a in plan.audit()[n:]] == ["import"]
    # The planner confirms: the flag clears and a later unchanged re-import keeps it clear.
    confirm_override(plan, "S-1", user="suzuki")
    assert not overrides(plan)["S-1"].needs_review
    assert (plan.audit("S-1")[-1].action, plan.audit("S-1")[-1].user) == ("confirm_override", "suzuki")
    assert overrides(plan)["S-1"].inputs["saas_fit"] == "適合"


def test_cli_import_runs_the_placement_hook(plan, tmp_path, sample_path, python, repo_root):
    path = str(tmp_path / "cli.mplan")
    with Plan.open(path) as p:
        load(p, read_inventory(str(sample_path)).records)
        set_override(p, "OSK-017", "common_cloud", "庶務事務は共通クラウドで内製")
    # Re-import through the command line with OSK-017's SaaS fit reviewed: the hook must run.
    with Plan.open(path) as p:
        records = p.records()
    records[16] = dataclasses.replace(records[16], saas_fit="適合")
    assert records[16].system_id == "OSK-017"
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["システムID", "システム名", "所管所属", "系統", "サーバ台数", "標準化対象業務", "住民基本系",
               "SaaS候補", "SaaS適合", "クラウド化阻害要因"])
    for r in records:
        ws.append([r.system_id, r.name, r.department, r.tier, r.servers, ",".join(r.workloads),
                   "○" if r.resident_core else "", r.saas_candidate, r.saas_fit, r.cloud_blocker])
    book = tmp_path / "again.xlsx"
    wb.save(book)
    out = subprocess.run([python, "-m", "migration_planner.launcher", "import", str(book), "--plan", path],
                         capture_output=True, text=True, cwd=repo_root, timeout=120)
    assert out.returncode == 0, out.stderr
    with Plan.open(path) as p:
        state = overrides(p)
    assert state["OSK-017"].needs_review


# ---------------------------------------------------------------- undo / redo as plain commands
def test_override_command_undo_restores_the_previous_override_and_audits_it(plan):
    load(plan, [rec("S-1")])
    set_override(plan, "S-1", "saas", "一回目")
    cmd = OverrideCommand.set(plan, "S-1", "on_premises", "二回目")
    cmd.apply(plan)
    assert classify(plan)[0].destination == "on_premises"
    cmd.revert(plan)
    assert classify(plan)[0].destination == "saas"
    assert overrides(plan)["S-1"].reason == "一回目"
    cmd.apply(plan, redo=True)
    assert classify(plan)[0].destination == "on_premises"
    actions = [a.action for a in plan.audit("S-1")]
    assert actions == ["override", "override", "undo_override", "override"]
    assert "元に戻す" in plan.audit("S-1")[2].reason


def test_undoing_a_clear_brings_the_override_back_with_its_flag(plan):
    load(plan, [rec("S-1", cloud_blocker="x")])
    set_override(plan, "S-1", "common_cloud", "閉域接続で対応")
    load(plan, [rec("S-1", cloud_blocker="y")])
    assert overrides(plan)["S-1"].needs_review
    cmd = OverrideCommand.clear(plan, "S-1")
    cmd.apply(plan)
    assert classify(plan)[0].destination == "on_premises"
    cmd.revert(plan)
    back = overrides(plan)["S-1"]
    assert back.destination == "common_cloud" and back.needs_review and back.reason == "閉域接続で対応"


def test_system_edit_command_changes_placement_and_undo_restores_it(plan):
    load(plan, [rec("S-1", saas_candidate="X", saas_fit="未検討")])
    edit = SystemEditCommand.make(plan, "S-1", "saas_fit", "不適合")
    edit.apply(plan)
    assert classify(plan)[0].destination == "common_cloud"
    edit.revert(plan)
    assert classify(plan)[0].destination == "saas"
    fy = SystemEditCommand.make(plan, "S-1", "next_renewal_fy", "R9")
    fy.apply(plan)
    assert plan.records()[0].next_renewal_fy == 2027
    assert [a.action for a in plan.audit("S-1")][-3:] == ["edit", "undo_edit", "edit"]
    with pytest.raises(PlacementError, match="SaaS適合"):
        SystemEditCommand.make(plan, "S-1", "saas_fit", "たぶん")


def test_editing_an_input_of_an_overridden_system_flags_it_and_undo_unflags(plan):
    load(plan, [rec("S-1")])
    set_override(plan, "S-1", "saas", "全庁SaaS")
    edit = SystemEditCommand.make(plan, "S-1", "workloads", "住民基本台帳")
    edit.apply(plan)
    assert overrides(plan)["S-1"].needs_review
    assert classify(plan)[0].automatic_destination == "gov_cloud"
    edit.revert(plan)
    assert not overrides(plan)["S-1"].needs_review


# ---------------------------------------------------------------- timing and groups
def test_migration_window_and_groups():
    window = migration_window(2027)
    assert (window.prepare_fy, window.migrate_fy) == (2026, 2027)
    assert window.label() == "準備 2026年度（令和8年度）・移行 2027年度（令和9年度）"
    assert migration_window(None) is None
    today = dt.date(2026, 11, 21)
    assert [renewal_soon(fy, today) for fy in (2025, 2026, 2027, 2028)] == [False, True, True, False]
    assert renewal_soon(2025, dt.date(2026, 3, 31))  # still FY2025 in March
    r = rec(budget_request=True, scale="大", next_renewal_fy=2027)
    assert in_group(r, "budget_request") and in_group(r, "large_scale") and in_group(r, "renewal_soon", as_of=today)
    assert not in_group(rec(scale="中"), "large_scale")


# ---------------------------------------------------------------- command line
@pytest.mark.slow
def test_cli_classify_json_on_the_sample(tmp_path, sample_path, python, repo_root):
    path = str(tmp_path / "s.mplan")
    common = dict(capture_output=True, text=True, cwd=repo_root, timeout=120)
    out = subprocess.run([python, "-m", "migration_planner.launcher", "import", str(sample_path), "--plan", path], **common)
    assert out.returncode == 0, out.stderr
    out = subprocess.run([python, "main.py", "override", "OSK-018", "SaaS", "--reason", "文書管理SaaSを再評価",
                          "--plan", path], **common)
    assert out.returncode == 0, out.stderr
    out = subprocess.run([python, "main.py", "override", "OSK-019", "saas", "--plan", path], **common)
    assert out.returncode == 2 and "理由" in out.stderr
    out = subprocess.run([python, "-m", "migration_planner.launcher", "classify", "--plan", path, "--json"], **common)
    assert out.returncode == 0, out.stderr
    items = json.loads(out.stdout)
    assert len(items) == 60
    assert {"system_id", "name", "destination", "step", "reasons", "overridden"} <= set(items[0])
    assert Counter(i["destination"] for i in items) == {"gov_cloud": 15, "saas": 24, "common_cloud": 15, "on_premises": 6}
    doc = next(i for i in items if i["system_id"] == "OSK-018")
    assert doc["overridden"] and doc["step"] == 3 and doc["automatic_destination"] == "common_cloud"
    assert doc["reasons"][-1] == "ステップ3：クラウド化阻害要因がないため 大阪市共通クラウド"
    assert items[0]["reasons"] == ["ステップ1：標準化対象業務（1 住民基本台帳、2 印鑑登録）を含むため ガバメントクラウド"]
    out = subprocess.run([python, "main.py", "classify", "--plan", path, "--json", "--group", "large_scale"], **common)
    large = json.loads(out.stdout)
    assert 0 < len(large) < 60
