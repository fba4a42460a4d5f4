"""Reading a few systems of a plan by ID (what the window re-reads after an edit): the same records a
full read gives, in inventory order, however many IDs are asked for."""

from __future__ import annotations


from benchmarks.generators import inventory_records  # noqa: E402
from migration_planner.placement import overrides, set_override  # noqa: E402


def test_records_of_some_ids_are_those_of_the_full_read_in_inventory_order(plan):
    plan.apply_inventory(inventory_records(1_200, seed=4))
    everything = plan.records()
    wanted = [everything[i].system_id for i in (900, 3, 450, 3)] + ["NOT-IN-PLAN", "'); DROP TABLE system; --"]
    assert plan.records(ids=wanted) == [everything[3], everything[450], everything[900]]
    assert plan.records(ids=[]) == []
    assert plan.records(ids=iter([everything[7].system_id])) == [everything[7]]
    # More IDs than SQLite takes parameters in one statement on older builds (999): one JSON text.
    assert plan.records(ids=[r.system_id for r in everything]) == everything
    assert plan.system_count() == 1_200


def test_overrides_of_some_systems(plan):
    plan.apply_inventory(inventory_records(20, seed=4))
    ids = [r.system_id for r in plan.records()]
    set_override(plan, ids[2], "on_premises", "閉域網が必要")
    set_override(plan, ids[5], "saas", "共同利用の予定")
    assert set(overrides(plan)) == {ids[2], ids[5]}
    assert set(overrides(plan, [ids[5], ids[9]])) == {ids[5]}
    assert overrides(plan, [ids[5]])[ids[5]] == overrides(plan)[ids[5]]
    assert overrides(plan, []) == {}
