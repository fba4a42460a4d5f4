"""Subsidy shortfall model, scenarios in the plan, sensitivity and the ``subsidy`` verb (issue 5)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migration_planner.inventory import read_inventory
from migration_planner.inventory.contract import SystemRecord
from migration_planner.money import format_hyakuman, format_oku, format_sen, format_yen, parse_yen
from migration_planner.store import Plan
from migration_planner.subsidy import (
    BASELINE_NAME,
    AddScenario,
    CostBase,
    DeleteScenario,
    RenameScenario,
    ScenarioError,
    ScenarioParams,
    UpdateScenario,
    compare_scenarios,
    duplicate_command,
    ensure_baseline,
    evaluate,
    evaluate_scenario,
    list_scenarios,
    related_reason,
    shares_by_workload,
    tornado,
)
from migration_planner.workloads import WORKLOAD_CODES

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_inventory.xlsx"


@pytest.fixture(scope="module")
def records():
    return read_inventory(str(SAMPLE)).records


@pytest.fixture(scope="module")
def base(records):
    return CostBase.from_records(records)


@pytest.fixture
def plan(tmp_path, records):
    p = Plan.open(str(tmp_path / "p.mplan"))
    p.apply_inventory(records)
    yield p
    p.close()


def assert_identities(r):
    assert r.remaining_cap == r.cap - r.committed
    assert r.subsidy_covered == min(r.eligible_cost, max(0, r.remaining_cap))
    assert r.shortfall == r.eligible_cost - r.subsidy_covered + r.ineligible_cost + r.extra_running_cost
    fys = r.by_fiscal_year.values()
    assert sum(f.eligible_cost for f in fys) == r.eligible_cost
    assert sum(f.subsidy_covered for f in fys) == r.subsidy_covered
    assert sum(f.ineligible_cost for f in fys) == r.ineligible_cost
    assert sum(f.extra_running_cost for f in fys) == r.extra_running_cost
    assert sum(f.shortfall for f in fys) == r.shortfall
    for f in fys:
        assert f.shortfall == f.eligible_cost - f.subsidy_covered + f.ineligible_cost + f.extra_running_cost
        assert 0 <= f.subsidy_covered <= f.eligible_cost
    ws = r.by_workload.values()
    assert sum(w.eligible_cost for w in ws) == r.eligible_cost
    assert sum(w.subsidy_covered for w in ws) == r.subsidy_covered
    assert sum(w.extra_running_cost for w in ws) == r.extra_running_cost
    assert sum(w.shortfall for w in ws) + r.ineligible_cost == r.shortfall
    for w in ws:
        assert 0 <= w.subsidy_covered <= w.eligible_cost
    for v in (r.cap, r.committed, r.remaining_cap, r.eligible_cost, r.ineligible_cost,
              r.subsidy_covered, r.extra_running_cost, r.shortfall):
        assert type(v) is int


# ---------------------------------------------------------------- the figures
def test_baseline_figures_of_the_sample(base):
    r = evaluate(base, ScenarioParams(), scenario=BASELINE_NAME)
    assert_identities(r)
    # 12 workload systems' 移行経費見込 in the sample add up to 7,833,000千円.
    assert r.eligible_cost == 7_833_000_000
    assert r.remaining_cap == 680_000_000
    assert r.subsidy_covered == 680_000_000
    assert r.extra_running_cost == 0
    assert r.ineligible_cost > 0  # linked systems such as 団体内統合宛名システム are related work
    assert "OSK-013" in {x.system_id for x in r.related}
    assert not any(x.system_id == "OSK-001" for x in r.related)
    # Related work is never eligible: it lands in the shortfall in full.
    assert r.shortfall == 7_833_000_000 - 680_000_000 + r.ineligible_cost
    # 税務事務システム (1,850,000千円) shared equally by 7, 8, 9, 10.
    assert r.by_workload["8"].migration_cost == 462_500_000
    # 5 選挙人名簿管理 is carried by three systems.
    assert r.by_workload["5"].migration_cost == (180_000 + 42_000 + 31_000) * 1000
    for key in ("eligible_cost", "remaining_cap", "subsidy_covered", "shortfall", "ineligible_cost"):
        assert r.explanations[key]
    assert "6.8億円" in r.explanations["remaining_cap"]
    assert all(w.explanation.startswith(w.code) for w in r.by_workload.values())
    assert all(f.explanation.startswith("令和") for f in r.by_fiscal_year.values())
    assert list(r.by_fiscal_year) == [2024, 2025]


def test_delay_adds_side_by_side_running_in_later_years(base):
    p = ScenarioParams(delay_months=18, slipping=["8"])
    r = evaluate(base, p)
    assert_identities(r)
    w = r.by_workload["8"]
    # 税務事務システム 912,000千円 a year shared by 4 → 228,000,000; the old system kept 18 months.
    assert w.running_cost_today == 228_000_000
    assert w.extra_running_cost == 228_000_000 * 18 // 12
    assert w.finish_fy == 2027
    assert r.by_fiscal_year[2026].extra_running_cost == 228_000_000
    assert r.by_fiscal_year[2027].extra_running_cost == 228_000_000 * 6 // 12
    assert r.by_workload["7"].extra_running_cost == 0
    # Counting the new environment instead: × 2.3.
    new = evaluate(base, p.with_(parallel_rule="new"))
    assert new.by_workload["8"].extra_running_cost == round(228_000_000 * 2.3 * 18 / 12)
    assert new.by_fiscal_year[2027].extra_running_cost == round(228_000_000 * 2.3 * 6 / 12)


def test_parallel_rule_says_what_a_late_month_costs(base):
    late = {"14": 12.0}
    ann = evaluate(base, ScenarioParams()).by_workload["14"].running_cost_today   # 268,000千円
    default = evaluate(base, ScenarioParams(), late)
    new = evaluate(base, ScenarioParams(parallel_rule="new"), late).by_workload["14"].extra_running_cost
    old = evaluate(base, ScenarioParams(parallel_rule="old"), late).by_workload["14"].extra_running_cost
    both = evaluate(base, ScenarioParams(parallel_rule="both"), late).by_workload["14"].extra_running_cost
    assert (ann, new, old, both) == (268_000_000, 616_400_000, 268_000_000, 884_400_000)
    # The default counts the old system kept alive (the package docstring, step 5, says why) …
    assert ScenarioParams().parallel_rule == "old"
    assert default.by_workload["14"].extra_running_cost == old
    # … and every line that explains side-by-side running says which rule it used.
    assert "旧システムの運用経費" in default.explanations["extra_running_cost"]
    assert "旧システムの運用経費" in default.by_workload["14"].explanation
    assert "旧システムの運用経費" in default.by_fiscal_year[2026].explanation
    on_time = evaluate(base, ScenarioParams(parallel_rule="new"))
    assert "新環境の運用経費" in on_time.explanations["extra_running_cost"]


def test_schedule_lateness_is_an_input(base):
    r = evaluate(base, ScenarioParams(), {"1": 3.0, "2": 3.0})
    assert r.by_workload["1"].late_months == 3
    assert r.by_workload["1"].extra_running_cost > 0
    assert r.by_workload["3"].extra_running_cost == 0
    assert_identities(r)


def test_weight_rule_moves_cost_between_workloads_of_one_system(base):
    p = ScenarioParams(share_rule="weight", share_weights={"7": 2, "8": 1, "9": 1, "10": 0})
    r = evaluate(base, p)
    assert r.by_workload["7"].migration_cost == 925_000_000
    assert r.by_workload["10"].migration_cost == 0
    assert r.eligible_cost == 7_833_000_000  # sharing never changes the total
    assert_identities(r)


def test_related_rules(base):
    none = evaluate(base, ScenarioParams(related_rule="none"))
    listed = evaluate(base, ScenarioParams(related_rule="listed", related_systems=["OSK-043", "OSK-001", "X"]))
    half = evaluate(base, ScenarioParams(related_share_pct=50, related_extra=10_000_000))
    full = evaluate(base, ScenarioParams())
    assert none.ineligible_cost == 0
    assert listed.ineligible_cost == 850_000_000        # 下水道… only; a workload system never counts
    assert len(listed.notes) == 2                        # one for OSK-001, one for the unknown id
    assert half.ineligible_cost == full.ineligible_cost // 2 + 10_000_000
    for r in (none, listed, half):
        assert_identities(r)


def test_a_linked_system_can_be_excluded_from_related_work(base):
    full = evaluate(base, ScenarioParams())
    osk13 = next(x for x in full.related if x.system_id == "OSK-013")
    p = ScenarioParams(related_excluded=["OSK-013", "OSK-013"])
    assert p.normalized().related_excluded == ["OSK-013"]
    fewer = evaluate(base, p)
    assert "OSK-013" not in {x.system_id for x in fewer.related}
    assert fewer.ineligible_cost == full.ineligible_cost - osk13.ineligible_cost
    assert "除外1" in fewer.explanations["ineligible_cost"]
    assert_identities(fewer)
    # Exclusion belongs to the "linked" rule: a listed system is counted whatever the exclusions.
    listed = evaluate(base, p.with_(related_rule="listed", related_systems=["OSK-013"]))
    assert [x.system_id for x in listed.related] == ["OSK-013"]
    assert "除外しています" in related_reason(base, p, "OSK-013")
    assert "として数えます" in related_reason(base, ScenarioParams(), "OSK-013")
    assert "補助対象" in related_reason(base, ScenarioParams(), "OSK-001")        # a workload system
    assert "計上しない" in related_reason(base, ScenarioParams(related_rule="none"), "OSK-013")


def test_shares_by_workload_say_how_each_systems_cost_is_split(base):
    equal = shares_by_workload(base, ScenarioParams())
    r = evaluate(base, ScenarioParams())
    for code, parts in equal.items():
        assert sum(x.migration_part for x in parts) == r.by_workload[code].migration_cost
        assert sum(x.annual_part for x in parts) == r.by_workload[code].running_cost_today
    (tax,) = equal["8"]
    assert (tax.name, tax.weight, tax.total_weight, tax.migration_part) == ("税務事務システム", 1.0, 4.0, 462_500_000)
    assert len(equal["5"]) == 3                                                    # three systems carry 5
    p = ScenarioParams(share_rule="weight", share_weights={"7": 2, "8": 1, "9": 1, "10": 0})
    (tax,) = shares_by_workload(base, p)["7"]
    assert (tax.weight, tax.total_weight, tax.migration_part) == (2.0, 4.0, 925_000_000)
    assert "重み 2" in evaluate(base, p).by_workload["7"].explanation


def test_escalation_rounds_half_up_per_workload(base):
    r = evaluate(base, ScenarioParams(escalation_pct=10))
    assert r.by_workload["8"].eligible_cost == 508_750_000
    assert_identities(r)


params_st = st.builds(
    ScenarioParams,
    cap=st.integers(0, 20_000_000_000),
    committed=st.integers(0, 20_000_000_000),
    escalation_pct=st.floats(-50, 100, allow_nan=False).map(lambda x: round(x, 2)),
    running_multiplier=st.floats(0, 10, allow_nan=False).map(lambda x: round(x, 2)),
    delay_months=st.floats(0, 60, allow_nan=False).map(lambda x: round(x, 2)),
    slipping=st.one_of(st.none(), st.lists(st.sampled_from(WORKLOAD_CODES), max_size=6)),
    share_rule=st.sampled_from(["equal", "weight"]),
    share_weights=st.dictionaries(st.sampled_from(WORKLOAD_CODES), st.floats(0, 5).map(lambda x: round(x, 2))),
    related_rule=st.sampled_from(["linked", "listed", "none"]),
    related_systems=st.lists(st.sampled_from([f"OSK-{i:03d}" for i in range(1, 61)]), max_size=4),
    related_excluded=st.lists(st.sampled_from([f"OSK-{i:03d}" for i in range(1, 61)]), max_size=4),
    related_share_pct=st.floats(0, 100).map(lambda x: round(x, 2)),
    related_extra=st.integers(0, 1_000_000_000),
    spread_years=st.integers(1, 5),
    parallel_rule=st.sampled_from(["new", "old", "both"]),
)
late_st = st.dictionaries(st.sampled_from(WORKLOAD_CODES), st.floats(0, 48).map(lambda x: round(x, 2)))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(p=params_st, late=late_st)
def test_identities_hold_for_any_assumptions(base, p, late):
    assert_identities(evaluate(base, p, late))


@settings(max_examples=60, deadline=None)
@given(
    costs=st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 10**7),
                             st.lists(st.sampled_from(WORKLOAD_CODES), max_size=4)), min_size=1, max_size=8),
    p=params_st,
)
def test_identities_hold_for_any_inventory(costs, p):
    recs = [
        SystemRecord(system_id=f"S{i}", name=f"sys{i}", department="d", tier="各局", servers=1,
                     workloads=ws, annual_cost=a, migration_cost=m, links_to=[f"S{(i + 1) % len(costs)}"])
        for i, (a, m, ws) in enumerate(costs)
    ]
    assert_identities(evaluate(CostBase.from_records(recs), p))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(p=params_st, raise_cap=st.integers(0, 5_000_000_000), more_delay=st.floats(0, 36).map(lambda x: round(x, 2)),
       late=late_st)
def test_monotonic_in_cap_and_delay(base, p, raise_cap, more_delay, late):
    r = evaluate(base, p, late)
    higher_cap = evaluate(base, p.with_(cap=p.cap + raise_cap), late)
    assert higher_cap.shortfall <= r.shortfall
    later = evaluate(base, p.with_(delay_months=min(240, p.delay_months + more_delay)), late)
    assert later.shortfall >= r.shortfall
    later_schedule = evaluate(base, p, {c: v + more_delay for c, v in late.items()})
    assert later_schedule.shortfall >= r.shortfall


def test_evaluation_is_fast(base):
    p = ScenarioParams(delay_months=7.5, escalation_pct=12.5)
    evaluate(base, p)
    n = 200
    t = time.perf_counter()
    for _ in range(n):
        evaluate(base, p)
    per_call = (time.perf_counter() - t) / n
    assert per_call < 0.010, f"{per_call * 1000:.2f} ms per evaluation"


# ---------------------------------------------------------------- scenarios in the plan
def test_scenarios_survive_reopening(tmp_path, records):
    path = str(tmp_path / "p.mplan")
    with Plan.open(path) as plan:
        plan.apply_inventory(records)
        b = ensure_baseline(plan)
        assert b.name == BASELINE_NAME and b.is_baseline
        add = AddScenario("遅延12か月", ScenarioParams(delay_months=12, running_multiplier=5.7, slipping=["1", "2"]))
        add.apply(plan)
    with Plan.open(path) as plan:
        infos = list_scenarios(plan)
        assert [i.name for i in infos] == [BASELINE_NAME, "遅延12か月"]
        p = infos[1].params
        assert (p.delay_months, p.running_multiplier, p.slipping) == (12.0, 5.7, ["1", "2"])
        assert ensure_baseline(plan).id == b.id  # not created twice
        r = evaluate_scenario(plan, "遅延12か月")
        assert r.scenario == "遅延12か月" and r.extra_running_cost > 0


def test_duplicate_rename_delete_and_undo(plan):
    b = ensure_baseline(plan)
    UpdateScenario(b.id, b.params.with_(escalation_pct=5)).apply(plan)
    dup = duplicate_command(plan, b.id)
    info = dup.apply(plan)
    assert info.name == f"{BASELINE_NAME}のコピー" and info.params.escalation_pct == 5 and not info.is_baseline
    dup.revert(plan)
    assert [i.name for i in list_scenarios(plan)] == [BASELINE_NAME]
    dup.apply(plan)  # redo keeps the id
    assert list_scenarios(plan)[1].id == info.id

    ren = RenameScenario(info.id, "  上振れ20%  ")
    assert ren.apply(plan).name == "上振れ20%"
    with pytest.raises(ScenarioError, match="既にあります"):
        RenameScenario(info.id, BASELINE_NAME).apply(plan)
    with pytest.raises(ScenarioError):
        RenameScenario(info.id, " ").apply(plan)
    ren.revert(plan)
    assert list_scenarios(plan)[1].name == f"{BASELINE_NAME}のコピー"

    upd = UpdateScenario(info.id, info.params.with_(cap=2_000_000_000))
    upd.apply(plan)
    assert list_scenarios(plan)[1].params.cap == 2_000_000_000
    upd.revert(plan)
    assert list_scenarios(plan)[1].params.cap == 1_860_000_000

    with pytest.raises(ScenarioError, match="削除できません"):
        DeleteScenario(b.id).apply(plan)
    dele = DeleteScenario(info.id)
    dele.apply(plan)
    assert len(list_scenarios(plan)) == 1
    dele.revert(plan)
    back = list_scenarios(plan)[1]
    assert (back.id, back.name, back.params.escalation_pct) == (info.id, f"{BASELINE_NAME}のコピー", 5)


def test_comparison_shows_differences_from_the_baseline(plan):
    b = ensure_baseline(plan)
    # Lateness from the scenario only, so the figures do not depend on the schedule's estimates.
    UpdateScenario(b.id, b.params.with_(delay_source="manual")).apply(plan)
    AddScenario("上限25億円", ScenarioParams(cap=2_500_000_000, delay_source="manual")).apply(plan)
    AddScenario("全業務1年遅れ", ScenarioParams(delay_months=12, delay_source="manual")).apply(plan)
    cmp = compare_scenarios(plan)
    assert cmp.scenarios == [BASELINE_NAME, "上限25億円", "全業務1年遅れ"]
    rows = {r.key: r for r in cmp.rows}
    assert rows["cap"].diffs == [0, 640_000_000, 0]
    assert rows["shortfall"].diffs[1] == -640_000_000
    assert rows["shortfall"].diffs[2] == rows["extra_running_cost"].values[2] > 0
    assert rows["delay_months"].values == [0.0, 0.0, 12.0]
    AddScenario("新環境で数える", ScenarioParams(parallel_rule="new", delay_source="manual")).apply(plan)
    rows = {r.key: r for r in compare_scenarios(plan).rows}
    assert rows["parallel_rule"].kind == "rule"
    assert rows["parallel_rule"].values[0].startswith("旧システム") and rows["parallel_rule"].values[3].startswith("新環境")
    assert rows["parallel_rule"].diffs == [False, False, False, True]
    assert json.loads(json.dumps(cmp.to_json(), ensure_ascii=False))["baseline"] == BASELINE_NAME


def test_unknown_scenario_lists_the_scenarios(plan):
    ensure_baseline(plan)
    AddScenario("悲観").apply(plan)
    with pytest.raises(ScenarioError, match="「ベースライン」、「悲観」"):
        evaluate_scenario(plan, "楽観")


# ---------------------------------------------------------------- sensitivity
def test_tornado_is_sorted_by_swing_and_moves_the_right_way(base):
    p = ScenarioParams(delay_months=6)
    rows = tornado(base, p)
    swings = [r.swing for r in rows]
    assert swings == sorted(swings, reverse=True)
    by = {r.key: r for r in rows}
    assert set(by) >= {"cap", "escalation_pct", "running_multiplier", "delay_months"}
    assert by["cap"].shortfall_high <= by["cap"].shortfall_low          # more cap, less burden
    assert by["delay_months"].shortfall_high >= by["delay_months"].shortfall_low
    assert by["cap"].swing == 744_000_000                                 # ±20 % of 18.6億円, all used
    base_short = evaluate(base, p).shortfall
    assert all(r.base_shortfall == base_short for r in rows)


def test_tornado_without_delay_gives_the_multiplier_no_swing(base):
    by = {r.key: r for r in tornado(base, ScenarioParams(slipping=[]))}
    assert by["running_multiplier"].swing == 0
    assert by["delay_months"].swing == 0


# ---------------------------------------------------------------- money formatting
def test_money_formats():
    assert format_oku(1_860_000_000) == "18.6億円"
    assert format_sen(1_860_000_000) == "1,860,000千円"
    assert format_hyakuman(1_860_000_000) == "1,860百万円"
    assert format_yen(-50_000_000, "億円") == "△0.5億円"
    assert format_yen(50_000_000, "億円", sign=True) == "+0.5億円"
    assert format_yen(4_000_000, "億円") == "0.0億円"
    assert format_yen(1_234_567_890, "億円", digits=2) == "12.35億円"
    assert parse_yen("18.6億円") == 1_860_000_000
    assert parse_yen("１，８６０百万円") == 1_860_000_000
    assert parse_yen("△5億円") == -500_000_000
    with pytest.raises(ValueError):
        parse_yen("たくさん")


# ---------------------------------------------------------------- command line
def _cli(*args):
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_cli_json(plan):
    ensure_baseline(plan)
    AddScenario("遅延", ScenarioParams(delay_months=6, delay_source="manual")).apply(plan)
    plan.close()
    out = _cli("subsidy", "--plan", plan.path, "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["scenario"] == BASELINE_NAME
    for key in ("cap", "committed", "remaining_cap", "eligible_cost", "ineligible_cost", "subsidy_covered",
                "extra_running_cost", "shortfall"):
        assert type(data[key]) is int
    assert data["shortfall"] == (data["eligible_cost"] - data["subsidy_covered"] + data["ineligible_cost"]
                                 + data["extra_running_cost"])
    assert set(data["by_workload"]) == set(WORKLOAD_CODES)
    assert sum(v["shortfall"] for v in data["by_fiscal_year"].values()) == data["shortfall"]

    out = _cli("subsidy", "--plan", plan.path, "--json", "--scenario", "遅延", "--cap", "2500000000",
               "--committed", "18.6億円")
    data = json.loads(out.stdout)
    assert (data["scenario"], data["cap"], data["committed"], data["remaining_cap"]) == \
        ("遅延", 2_500_000_000, 1_860_000_000, 640_000_000)
    assert data["extra_running_cost"] > 0

    out = _cli("subsidy", "--plan", plan.path, "--scenario", "ない")
    assert out.returncode == 2
    assert "シナリオ「ない」はありません" in out.stderr and "遅延" in out.stderr

    out = _cli("subsidy", "--plan", plan.path)
    assert out.returncode == 0 and "不足額（市の負担）" in out.stdout and "億円" in out.stdout
