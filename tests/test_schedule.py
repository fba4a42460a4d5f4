"""The workloads' schedule: steps, CPM, precedence, shared cut-over, capacity, blackout, calendar, MC."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from migration_planner.inventory import read_inventory
from migration_planner.schedule import (
    LATE,
    MIGRATED,
    ON_TIME,
    ScheduleError,
    add_edge,
    compute_schedule,
    late_months_by_workload,
    remove_edge,
    schedule_inputs,
    solve,
)
from migration_planner.schedule import catalog
from migration_planner.schedule.commands import (
    BlackoutCommand,
    CapacityCommand,
    EdgeCommand,
    EstimateCommand,
    FlagsCommand,
    ProgressCommand,
)
from migration_planner.schedule.graph import CycleError, cpm, levelize
from migration_planner.schedule.planner import monte_carlo
from migration_planner.schedule.steps import BUILD_AND_TEST, DONE, N_STEPS, NOT_APPLICABLE, PHASES, STEPS, progress_fraction
from migration_planner.store import Plan
from migration_planner.tasks import Cancelled, TaskState

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2026, 11, 21)


@pytest.fixture
def plan(tmp_path):
    p = Plan.open(str(tmp_path / "p.mplan"))
    yield p
    p.close()


@pytest.fixture
def city(plan):
    result = read_inventory(str(ROOT / "sample_inventory.xlsx"))
    plan.apply_inventory(result.records)
    return plan


def only_cutover_left(inp, codes):
    """Every step but ⑱ 運用開始 done for ``codes``."""
    for c in codes:
        inp.progress[c] = [catalog.StepState(DONE)] * (N_STEPS - 1) + [catalog.StepState()]


# ---------------------------------------------------------------- template
def test_forty_steps_in_two_phases_in_dependency_order():
    assert len(STEPS) == 40 and [s.no for s in STEPS] == list(range(1, 41))
    assert {s.phase for s in STEPS} == set(PHASES)
    assert STEPS[0].name == "体制案" and STEPS[-1].name == "運用開始"
    assert all(p < s.no for s in STEPS for p in s.predecessors)
    groups = [s.group for s in STEPS]
    assert groups == sorted(groups, key="①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱".index)
    assert {STEPS[n - 1].group for n in BUILD_AND_TEST} == set("⑬⑭⑮⑯")
    assert all(s.optimistic <= s.likely <= s.pessimistic for s in STEPS)


def test_progress_counts_done_and_not_applicable():
    assert progress_fraction([DONE] * 5 + [NOT_APPLICABLE] * 2 + ["作業中"] + ["未着手"] * 32) == 7 / 40


# ---------------------------------------------------------------- CPM
def _random_dag(rng, n):
    edges = {(int(i), j) for j in range(1, n) for i in rng.choice(j, size=min(j, int(rng.integers(0, 4))), replace=False)}
    return sorted(edges)


def _nx_longest(n, edges, dur):
    g = nx.DiGraph()
    g.add_nodes_from(range(n))
    g.add_node("s")
    for a, b in edges:
        g.add_edge(a, b, w=float(dur[b]))
    for v in range(n):
        g.add_edge("s", v, w=float(dur[v]))
    return nx.dag_longest_path(g, weight="w")[1:], nx.dag_longest_path_length(g, weight="w")


def test_critical_path_matches_networkx_longest_path():
    rng = np.random.default_rng(7)
    for _ in range(30):
        n = int(rng.integers(2, 80))
        edges = _random_dag(rng, n)
        dur = rng.random(n) * 10
        src, dst = (np.array([e[k] for e in edges], dtype=np.int64) for k in (0, 1))
        res = cpm(n, src, dst, dur)
        path, length = _nx_longest(n, edges, dur)
        assert res.length == pytest.approx(length)
        assert res.path == path
        assert np.allclose(res.slack[res.path], 0) and (res.slack >= -1e-9).all()


def test_a_cycle_in_the_task_graph_is_detected():
    with pytest.raises(CycleError):
        levelize(3, [0, 1, 2], [1, 2, 1])


def test_plan_length_equals_longest_path_of_its_own_graph(plan):
    inp = schedule_inputs(plan)
    inp.capacity, inp.blackout = 99, ()
    res = solve(inp, AS_OF)
    m = res.model
    edges = list(zip(m.src.tolist(), m.dst.tolist()))
    _, length = _nx_longest(m.n, edges, m.dur)
    assert res.ef.max() == length
    # The reported critical tasks form a chain as long as networkx's longest path.
    assert sum(t.duration_days for t in res.tasks if t.critical) == length
    assert res.critical_path and all(w.critical == (w.code in res.critical_path) for w in res.workloads)


# ---------------------------------------------------------------- the rules each move the plan
def _finish(res, code):
    return res.workload(code).finish


def test_precedence_a_consumer_goes_live_no_earlier_than_its_provider(plan):
    inp = schedule_inputs(plan, ["1", "6-a"])
    inp.blackout = ()
    base = solve(inp, AS_OF)
    assert _finish(base, "6-a") >= _finish(base, "1")
    inp.estimates["1"][28] = (300, 300, 300)  # 移行時設定 of the provider takes much longer
    slow = solve(inp, AS_OF)
    assert _finish(slow, "1") > _finish(base, "1")
    assert _finish(slow, "6-a") > _finish(base, "6-a") and _finish(slow, "6-a") >= _finish(slow, "1")
    inp.edges = []  # without the linkage the consumer no longer waits
    free = solve(inp, AS_OF)
    assert _finish(free, "6-a") < _finish(slow, "6-a")


def test_workloads_on_one_system_cut_over_together(city):
    inp = schedule_inputs(city, ["7", "8", "9", "10"])
    inp.blackout = ()
    base = solve(inp, AS_OF)
    assert len({_finish(base, c) for c in "7 8 9 10".split()}) == 1
    inp.estimates["9"][32] = (200, 200, 200)  # only 法人住民税's テスト grows
    res = solve(inp, AS_OF)
    finishes = {_finish(res, c) for c in "7 8 9 10".split()}
    assert len(finishes) == 1 and finishes.pop() > _finish(base, "7")
    assert res.workload("7").bundle == ["7", "8", "9", "10"]


def _bt_windows(res, codes):
    out = []
    for c in codes:
        rows = [t for t in res.tasks if t.workload == c and 28 <= t.step <= 37]
        out.append((min(t.start for t in rows), max(t.finish for t in rows)))
    return out


def test_vendor_capacity_delays_the_third_migration(city):
    # 7 税務, 11 国民健康保険, 14 介護保険: three systems (three migrations) of 淀川データサービス.
    inp = schedule_inputs(city, ["7", "11", "14"])
    inp.blackout, inp.edges = (), []
    inp.capacity = 3
    free = solve(inp, AS_OF)
    assert all(w.capacity_delay_days == 0 for w in free.workloads)
    inp.capacity = 2
    tight = solve(inp, AS_OF)
    delayed = [w for w in tight.workloads if w.capacity_delay_days > 0]
    assert len(delayed) == 1 and delayed[0].finish > _finish(free, delayed[0].code)
    assert any("ベンダの体制不足" in c for c in delayed[0].causes)
    windows = _bt_windows(tight, ["7", "11", "14"])
    for day in {w[0] for w in windows}:
        assert sum(1 for s, e in windows if s <= day <= e) <= 2
    inp.capacity = 1
    one = solve(inp, AS_OF)
    windows = sorted(_bt_windows(one, ["7", "11", "14"]))
    assert all(windows[k][1] < windows[k + 1][0] for k in range(2))


def test_vendor_capacity_is_stored_and_drives_compute_schedule(city):
    assert catalog.vendor_capacity(city) == 2
    a = compute_schedule(city, AS_OF)
    catalog.set_vendor_capacity(city, 3)
    b = compute_schedule(city, AS_OF)
    assert b.overall["finish"] < a.overall["finish"]
    assert a.workload("5").capacity_delay_days > 0 and b.workload("5").capacity_delay_days == 0


def test_no_cutover_in_blackout_months(plan):
    inp = schedule_inputs(plan, ["6-a"])
    only_cutover_left(inp, ["6-a"])
    as_of = dt.date(2027, 4, 5)
    inp.blackout = ()
    open_ = solve(inp, as_of)
    assert _finish(open_, "6-a").month == 4
    inp.blackout = (4, 5)
    shut = solve(inp, as_of)
    cut = next(t for t in shut.tasks if t.step == 40)
    assert cut.start == dt.date(2027, 6, 1) and cut.finish.month == 6
    assert shut.workload("6-a").blackout_delay_days > 0


def test_a_cutover_may_not_run_into_a_blackout_month(plan):
    inp = schedule_inputs(plan, ["6-a"])
    only_cutover_left(inp, ["6-a"])
    res = solve(inp, dt.date(2027, 3, 30))  # a 4-day cut-over would end in April
    cut = next(t for t in res.tasks if t.step == 40)
    assert cut.start == dt.date(2027, 6, 1)


def test_working_days_skip_weekends_holidays_and_year_end(plan):
    inp = schedule_inputs(plan, ["6-a"])
    inp.blackout = ()
    only_cutover_left(inp, ["6-a"])
    inp.estimates["6-a"][39] = (4, 4, 4)
    # Fri 12/25, Mon 12/28, (12/29–1/3 closed), Mon 1/4, Tue 1/5.
    assert _finish(solve(inp, dt.date(2026, 12, 25)), "6-a") == dt.date(2027, 1, 5)
    # Fri 1/8, (Mon 1/11 成人の日), 1/12, 1/13, 1/14.
    assert _finish(solve(inp, dt.date(2027, 1, 8)), "6-a") == dt.date(2027, 1, 14)
    # Starting on a Saturday: Mon–Thu.
    assert _finish(solve(inp, dt.date(2027, 2, 6)), "6-a") == dt.date(2027, 2, 12)  # 2/11 建国記念の日


# ---------------------------------------------------------------- resource-aware late dates
def _release(res):
    """Release dates rebuilt from the slots: a delayed migration's build-and-test waits for its slot."""
    m = res.model
    rel = np.zeros(m.n, dtype=np.int64)
    for slot in res.slots:
        if slot.start > slot.planned_start:
            for i in m.migrations[slot.migration]:
                rel[[m.task(i, n) for n in BUILD_AND_TEST]] = slot.start
    return rel


def _nx_early_late(m, edges, rel):
    """Early starts and late starts by networkx Bellman–Ford on negated weights: longest paths from a
    source (each task's release) and to a sink (the plan's end)."""
    g = nx.DiGraph()
    g.add_nodes_from(range(m.n))
    for a, b in edges:
        g.add_edge(a, b, w=-float(m.dur[a]))
    for v in range(m.n):
        g.add_edge("S", v, w=-float(rel[v]))
    dist = nx.single_source_bellman_ford_path_length(g, "S", weight="w")
    es = np.array([-dist[v] for v in range(m.n)])
    end = (es + m.dur).max()
    r = nx.DiGraph()
    r.add_nodes_from(range(m.n))
    for a, b in edges:
        r.add_edge(b, a, w=-float(m.dur[a]))
    for v in range(m.n):
        r.add_edge("T", v, w=-float(m.dur[v]))
    tail = nx.single_source_bellman_ford_path_length(r, "T", weight="w")
    return es, np.array([end + tail[v] for v in range(m.n)])


@pytest.mark.parametrize("capacity", [1, 2])
def test_late_dates_are_longest_paths_over_precedences_and_vendor_hand_overs(city, capacity):
    inp = schedule_inputs(city)
    inp.capacity, inp.blackout = capacity, ()
    res = solve(inp, AS_OF)
    m = res.model
    assert m.res_src.size and any(s.after for s in res.slots)
    links = list(zip(m.res_src.tolist(), m.res_dst.tolist()))
    edges = list(zip(m.src.tolist(), m.dst.tolist())) + links
    es, ls = _nx_early_late(m, edges, _release(res))
    assert (res.es == es).all() and (res.ls == ls).all()
    assert (res.ls >= res.es).all()
    # Without the hand-overs the same backward pass would overstate some tasks' slack.
    _, ls_plain = _nx_early_late(m, list(zip(m.src.tolist(), m.dst.tolist())), _release(res))
    assert (ls_plain >= ls).all() and (ls_plain > ls).any()
    # The reported critical chain is a chain of driving links ending at the plan's end.
    crit = [t for t in res.tasks if t.critical]
    assert crit and all(t.slack_days == 0 for t in crit)
    assert max(t.finish for t in res.tasks) == max(t.finish for t in crit)


def test_capacity_one_the_first_migration_has_no_slack_beyond_the_second(city):
    # 7 税務 and 11 国民健康保険: two systems of 淀川データサービス, no linkage between them.
    inp = schedule_inputs(city, ["7", "11"])
    inp.capacity, inp.blackout, inp.edges = 1, (), []
    res = solve(inp, AS_OF)
    first, second = sorted(res.workloads, key=lambda w: w.finish)
    assert second.capacity_delay_days > 0
    slot = next(s for s in res.slots if s.start > s.planned_start)
    assert slot.after == (res.model.migration_of[res.model.codes.index(first.code)],)
    # The second's build-and-test waits for the first's: its predecessor is the first.
    m = res.model
    links = set(zip(m.res_src.tolist(), m.res_dst.tolist()))
    i, j = m.codes.index(first.code), m.codes.index(second.code)
    assert (m.task(i, 34), m.task(j, 28)) in links
    rows = {t.id: t for t in res.tasks}
    bt_first = [rows[f"{first.code}:{n}"] for n in BUILD_AND_TEST]
    bt_second = [rows[f"{second.code}:{n}"] for n in BUILD_AND_TEST]
    assert min(t.slack_days for t in bt_first) == min(t.slack_days for t in bt_second) == 0
    assert all(a.slack_days <= max(b.slack_days for b in bt_second) for a in bt_first)
    assert res.critical_path == [first.code, second.code]
    # The JSON's predecessors stay the plan's precedences; the hand-over is not one.
    assert f"{first.code}:34" not in rows[f"{second.code}:28"].predecessors


def test_late_cutover_moves_earlier_out_of_a_blackout(plan):
    # 6-a has only its 10-day cut-over left; 14's last work ends in April, so its cut-over (and the
    # plan's end) waits for June. 6-a's latest start, 10 days before that end, would fall in May.
    inp = schedule_inputs(plan, ["6-a", "14"])
    inp.edges = []
    only_cutover_left(inp, ["6-a", "14"])
    inp.progress["14"][38] = catalog.StepState()             # 39 業務手順見直し still to do
    inp.estimates["14"][38] = (60, 60, 60)
    inp.estimates["6-a"][39] = (10, 10, 10)
    res = solve(inp, dt.date(2027, 1, 4))
    m, cal = res.model, res.calendar
    assert res.workload("14").finish.month == 6
    cut = m.task(m.codes.index("6-a"), 40)
    from migration_planner.schedule.graph import backward

    naive_ls, _ = backward(m.levels, m.dur, int(res.ef.max()))
    assert cal.date(int(naive_ls[cut])).month == 5             # what the pass gave before
    assert cal.date(int(res.ls[cut])) < dt.date(2027, 4, 1)
    assert cal.date(int(res.ls[cut]) + 9) == dt.date(2027, 3, 31)   # ends on March's last working day
    row = next(t for t in res.tasks if t.id == "6-a:40")
    assert row.slack_days == int(res.ls[cut] - res.es[cut]) and row.start == dt.date(2027, 1, 4)


# ---------------------------------------------------------------- status and causes
def test_statuses_migrated_on_time_and_late(plan):
    inp = schedule_inputs(plan, ["2", "6-a", "14"])
    inp.edges = []
    inp.progress["2"] = [catalog.StepState(DONE, dt.date(2025, 12, 1))] * N_STEPS
    only_cutover_left(inp, ["6-a"])
    res = solve(inp, dt.date(2025, 12, 1))
    assert res.workload("2").status == MIGRATED and res.workload("2").progress == 1.0
    assert res.workload("6-a").status == ON_TIME and res.workload("6-a").slack_days >= 0
    assert res.workload("14").status == LATE and res.workload("14").slack_days < 0
    assert res.workload("6-a").progress == pytest.approx(39 / 40)


def test_sample_city_is_late_with_causes_from_the_data(city):
    res = compute_schedule(city, AS_OF)
    assert all(w.status == LATE for w in res.workloads)  # nothing started, deadline long past
    assert any("標準準拠製品" in c for c in res.workload("8").causes)  # its notes say so
    assert any("ベンダの体制不足" in c for c in res.workload("5").causes)
    catalog.set_workload_flags(city, "16", [catalog.FLAG_CUSTOM_BUILT])
    res = compute_schedule(city, AS_OF)
    assert any("独自開発" in c for c in res.workload("16").causes)
    months = late_months_by_workload(res)
    assert set(months) == {w.code for w in res.workloads}
    w = res.workload("5")
    assert months["5"] == pytest.approx((w.finish - dt.date(2026, 3, 31)).days / (365.25 / 12), abs=1e-3)
    assert len(res.workloads) == 22 and res.workload("1").systems == ["OSK-001"]


# ---------------------------------------------------------------- edges
def test_a_cycle_is_refused_with_its_names(plan):
    with pytest.raises(ScheduleError) as exc:
        add_edge(plan, "8", "1")
    assert str(exc.value) == "循環する連携になります：1 住民基本台帳 → 8 個人住民税 → 1 住民基本台帳"
    with pytest.raises(ScheduleError, match="循環"):
        add_edge(plan, "20-a", "11")  # 11 → 20-a exists
    assert ("8", "1") not in catalog.edges(plan)


def test_edge_commands_apply_and_undo(plan):
    cmd = EdgeCommand("14", "20-b", add=True)
    cmd.apply(plan)
    assert ("14", "20-b") in catalog.edges(plan)
    cmd.inverse().apply(plan)
    assert ("14", "20-b") not in catalog.edges(plan)
    assert remove_edge(plan, "1", "2") and ("1", "2") not in catalog.edges(plan)


def test_estimate_capacity_and_progress_commands_round_trip(plan):
    before = compute_schedule(plan, AS_OF).workload("14").finish
    cmd = EstimateCommand.make(plan, "14", 29, (200, 250, 300))
    cmd.apply(plan)
    assert compute_schedule(plan, AS_OF).workload("14").finish > before
    cmd.inverse().apply(plan)
    assert catalog.estimate_overrides(plan) == {} and compute_schedule(plan, AS_OF).workload("14").finish == before
    with pytest.raises(ScheduleError):
        EstimateCommand.make(plan, "14", 29, (5, 3, 1))
    cap = CapacityCommand.make(plan, 4)
    cap.apply(plan)
    assert catalog.vendor_capacity(plan) == 4
    cap.inverse().apply(plan)
    assert catalog.vendor_capacity(plan) == 2
    prog = ProgressCommand.make(plan, {("14", 1): catalog.StepState(DONE, AS_OF)})
    prog.apply(plan)
    assert compute_schedule(plan, AS_OF).workload("14").progress == 1 / 40
    prog.inverse().apply(plan)
    assert catalog.raw_step_states(plan, ["14"])[("14", 1)] is None


def test_blackout_and_cause_flag_commands_round_trip_and_refuse_bad_input(plan):
    cmd = BlackoutCommand.make(plan, [6, 4, 5, 6])
    assert (cmd.new, cmd.old) == ((4, 5, 6), (4, 5))
    cmd.apply(plan)
    assert catalog.blackout_months(plan) == (4, 5, 6)
    assert schedule_inputs(plan).blackout == (4, 5, 6)
    cmd.inverse().apply(plan)
    assert catalog.blackout_months(plan) == (4, 5)
    for bad, words in ((range(1, 13), "すべての月"), ([0], "1〜12"), ([13], "1〜12"), (["x"], "1〜12")):
        with pytest.raises(ScheduleError, match=words):
            BlackoutCommand.make(plan, bad)
    assert BlackoutCommand.make(plan, []).new == ()  # no blackout at all is allowed
    flags = FlagsCommand.make(plan, "16", [catalog.FLAG_MAINFRAME, catalog.FLAG_CUSTOM_BUILT])
    assert flags.new == (catalog.FLAG_CUSTOM_BUILT, catalog.FLAG_MAINFRAME) and flags.old == ()
    flags.apply(plan)
    assert catalog.workload_flags(plan) == {"16": [catalog.FLAG_CUSTOM_BUILT, catalog.FLAG_MAINFRAME]}
    flags.inverse().apply(plan)
    assert catalog.workload_flags(plan) == {}
    with pytest.raises(ScheduleError, match="遅延要因"):
        FlagsCommand.make(plan, "16", ["bogus"])
    with pytest.raises(ScheduleError, match="99"):
        FlagsCommand.make(plan, "99", [])


# ---------------------------------------------------------------- Monte Carlo
def test_monte_carlo_on_a_plan_equals_solving_with_samples_and_leaves_the_plan_alone(city):
    inp = schedule_inputs(city)
    plain = solve(inp, AS_OF)
    both = solve(inp, AS_OF, samples=400, seed=2)
    later = monte_carlo(plain, samples=400, seed=2)
    key = lambda r: [(w.p_on_time, w.p_extended, w.p50, w.p80) for w in r.workloads]  # noqa: E731
    assert key(later) == key(both) and later.overall == both.overall
    assert all(w.p_on_time is None for w in plain.workloads) and plain.samples == 0
    assert later.samples == 400 and later.model is plain.model


def test_solve_reports_progress_and_honours_cancellation(city):
    inp = schedule_inputs(city)
    seen = []
    solve(inp, AS_OF, samples=3000, seed=0, state=TaskState(lambda f, m: seen.append(f)))
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen) and len(seen) >= 5
    calls = []

    def stop_half_way(fraction, _message):
        calls.append(fraction)
        if fraction >= 0.5:
            state.cancel()  # honoured at the next report

    state = TaskState(stop_half_way)
    with pytest.raises(Cancelled):
        solve(inp, AS_OF, samples=3000, seed=0, state=state)
    assert max(calls) < 1.0


def test_monte_carlo_is_reproducible_under_a_seed(city):
    a = compute_schedule(city, AS_OF, samples=500, seed=3)
    b = compute_schedule(city, AS_OF, samples=500, seed=3)
    c = compute_schedule(city, AS_OF, samples=500, seed=4)
    key = lambda r: [(w.p_extended, w.p50, w.p80) for w in r.workloads]  # noqa: E731
    assert key(a) == key(b)
    assert key(a) != key(c)
    assert all(0 <= w.p_on_time <= w.p_extended <= 1 for w in a.workloads)
    assert all(w.p50 <= w.p80 for w in a.workloads)


def test_monte_carlo_collapses_onto_the_plan_when_estimates_are_equal(city):
    inp = schedule_inputs(city)
    for c in inp.codes:
        inp.estimates[c] = [(m, m, m) for _, m, _ in inp.estimates[c]]
    inp.progress["1"] = [catalog.StepState(DONE)] * 10 + [catalog.StepState("作業中")] + [catalog.StepState()] * 29
    res = solve(inp, AS_OF, samples=200, seed=1)
    for w in res.workloads:
        assert w.p50 == w.p80 == w.finish
        assert w.p_extended == (1.0 if w.slack_extended_days >= 0 else 0.0)
    assert res.overall["p50"] == res.overall["finish"]


# ---------------------------------------------------------------- CLI
def test_cli_schedule_json_shape(city):
    city.close()
    out = subprocess.run(
        [sys.executable, "main.py", "schedule", "--plan", city.path, "--json", "--as-of", "2026-11-21",
         "--samples", "300", "--seed", "5"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["as_of"] == "2026-11-21" and data["deadline"] == "2026-03-31"
    assert data["extended_deadline"] == "2031-03-31"
    assert len(data["workloads"]) == 22
    w = data["workloads"][0]
    assert set(w) >= {"code", "name", "systems", "start", "finish", "slack_days", "critical", "status",
                      "progress", "p_on_time", "p_extended"}
    assert 0 <= w["progress"] <= 1 and dt.date.fromisoformat(w["finish"])
    assert data["critical_path"] and all(c in {x["code"] for x in data["workloads"]} for c in data["critical_path"])
    ids = {t["id"] for t in data["tasks"]}
    t = data["tasks"][-1]
    assert set(t) >= {"id", "workload", "step", "start", "finish", "duration_days", "predecessors"}
    assert all(p in ids for x in data["tasks"] for p in x["predecessors"])
    cut = next(x for x in data["tasks"] if x["id"] == "2:40")
    assert "1:34" in cut["predecessors"]  # shared cut-over: 印鑑登録 waits for 住民基本台帳's tests


def test_cli_schedule_bad_input_exit_codes(tmp_path):
    out = subprocess.run([sys.executable, "main.py", "schedule", "--plan", str(tmp_path / "none.mplan")],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "Traceback" not in out.stderr and out.stderr.strip()


def test_holidays_span_equals_year_by_year_lookup():
    """The one-call holiday span holds exactly jpholiday's holidays of each year plus 12/29–1/3."""
    import datetime as dt

    import jpholiday

    from migration_planner.schedule.calendar import _holidays

    span = {d.astype(dt.date) for d in _holidays(2025, 2031)}
    expected = set()
    for y in range(2025, 2032):
        expected |= {d for d, _ in jpholiday.year_holidays(y)}
        expected |= {dt.date(y, 1, m) for m in (1, 2, 3)} | {dt.date(y, 12, m) for m in (29, 30, 31)}
    assert span == expected
    assert dt.date(2026, 5, 6) in span  # 振替休日 of 2026-05-03 (Sunday)


def test_holidays_come_from_the_cache_file_after_the_first_run(tmp_path, monkeypatch):
    """The second lookup reads the cache file (jpholiday is not asked); a damaged file is recomputed."""
    import datetime as dt
    import json

    import jpholiday

    from migration_planner.schedule import calendar

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = calendar._national_holidays(2026, 2027)
    cache = tmp_path / "migration-planner" / "holidays.json"
    assert dt.date(2026, 1, 12) in first and cache.exists()  # 成人の日 2026
    monkeypatch.setattr(jpholiday, "between", lambda *a: (_ for _ in ()).throw(AssertionError("not cached")))
    assert calendar._national_holidays(2026, 2027) == first
    cache.write_text("{not json")
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert calendar._national_holidays(2026, 2027) == first and json.loads(cache.read_text())
