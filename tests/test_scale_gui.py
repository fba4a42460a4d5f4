"""A large plan in the window (issue 7, item 6): it opens with every system as stored, and filters and
sorts to the same rows and order as plain Python over the same records. 20k systems here (the
benchmark, ``benchmarks/bench_memory.py``, measures 100k); no timing is asserted."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from PySide6.QtCore import QSettings, Qt  # noqa: E402

from benchmarks.bench_memory import make_plan  # noqa: E402
from benchmarks.generators import inventory_records  # noqa: E402
from migration_planner.inventory.contract import SystemRecord  # noqa: E402

pytestmark = pytest.mark.gui
N = 20_000
NEEDLE = "要調査"


@pytest.fixture(scope="module")
def big_plan(tmp_path_factory) -> str:
    return make_plan(str(tmp_path_factory.mktemp("scale") / "big.mplan"), N, seed=5)


@pytest.fixture
def window(qtbot, tmp_path, big_plan):
    from ui.main_window import MainWindow

    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    assert w.open_plan(big_plan)
    yield w
    w.close()


def searched(r: SystemRecord) -> str:
    """The fields the table's text filter searches, as a planner would list them."""
    return "\t".join((r.system_id, r.name, r.department, r.vendor, r.saas_candidate, r.notes, r.cloud_blocker,
                      " ".join(r.workloads))).lower()


def column(window, key: str) -> int:
    model = window.table.model
    return next(c for c in range(model.columnCount()) if model.column_key(c) == key)


def test_a_large_plan_opens_with_every_system_as_stored(window):
    model = window.table.model
    assert model.rowCount() == model.total_count() == N
    assert model.visible_records() == inventory_records(N, seed=5)  # shared strings change no value
    assert f"表示 {N:,} / 全 {N:,}".replace(",", "") in window._status_counts.text().replace(",", "")
    last = model.index(N - 1, column(window, "system_id"))
    assert model.data(last) == f"SYS{N - 1:06d}"


def test_a_large_plan_filters_and_sorts_like_plain_python(window):
    table, model = window.table, window.table.model
    records = inventory_records(N, seed=5)

    table.filter_edit.setText(NEEDLE)
    table.apply_filter()
    expected = [r for r in records if NEEDLE in searched(r)]
    assert 0 < len(expected) < N
    assert model.visible_records() == expected
    assert f"{len(expected)} / {N} 件" == table.count_label.text()

    table.view.sortByColumn(column(window, "name"), Qt.SortOrder.AscendingOrder)
    assert model.visible_records() == sorted(expected, key=lambda r: r.name)
    table.view.sortByColumn(column(window, "servers"), Qt.SortOrder.DescendingOrder)
    assert [r.servers for r in model.visible_records()] == sorted((r.servers for r in expected), reverse=True)

    table.tier_combo.setCurrentIndex(table.tier_combo.findData("各局"))  # text AND tier
    assert {r.system_id for r in model.visible_records()} == {r.system_id for r in expected if r.tier == "各局"}

    table.tier_combo.setCurrentIndex(0)
    table.filter_edit.setText("SYS0001")  # upper case typed, IDs matched whatever the case: 100 systems
    table.apply_filter()
    assert sorted(r.system_id for r in model.visible_records()) == [f"SYS{i:06d}" for i in range(100, 200)]

    table.filter_edit.clear()
    table.apply_filter()
    assert model.rowCount() == N
    assert [r.servers for r in model.visible_records()] == sorted((r.servers for r in records), reverse=True)


def test_a_large_plan_filters_by_destination(window):
    from migration_planner.placement import classify_records

    combo = window.destination_combo
    combo.setCurrentIndex(combo.findData("on_premises"))
    expected = {c.system_id for c in classify_records(inventory_records(N, seed=5)) if c.destination == "on_premises"}
    assert {r.system_id for r in window.table.model.visible_records()} == expected
    assert 0 < len(expected) < N


# ---------------------------------------------------------------- the search text, chunk by chunk
_TEXT = st.text(alphabet="aAbBİıiI市民局要調査 -", max_size=6)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(_TEXT, min_size=1, max_size=12), notes=st.lists(_TEXT, min_size=12, max_size=12),
       needle=st.text(alphabet="abiıI市民調査 -\x00", min_size=1, max_size=3))
def test_the_text_filter_matches_each_row_whose_text_holds_the_needle(qapp, monkeypatch, names, notes, needle):
    """Rows are searched a chunk of rows to a string: hits near chunk and row edges, and İ (which
    lower-cases to two characters), land on the right rows."""
    import ui.inventory_table as it

    monkeypatch.setattr(it, "_HAY_CHUNK", 5)  # the same for every example
    records = [SystemRecord(f"S-{i}", name, "総務局", "各局", 1, notes=note) for i, (name, note) in enumerate(zip(names, notes))]
    model = it.SystemTableModel(it.base_columns(lambda t: t))
    model.set_records(records)
    model.set_filter(needle)
    wanted = needle.strip().lower()
    assert model.visible_records() == [r for r in records if wanted in searched(r)] if wanted else records


@pytest.mark.slow
def test_the_memory_benchmark_runs_and_reports_against_the_raw_data():
    from benchmarks import bench_memory

    rows = bench_memory.run(n=400)
    assert rows[0]["target"] == 1.5 and rows[0]["unit"] == "MB"
    assert all(r["value"] > 0 and r["baseline"] > 0 for r in rows[:2])
    assert "sqlite3 tuples" in rows[0]["baseline_name"]


def test_plan_records_hold_one_string_per_repeated_value(big_plan):
    """What keeps the window small: repeated text is one object, a link is the ID it names."""
    from migration_planner.store import Plan

    with Plan.open(big_plan, create=False) as plan:
        records = plan.records()
    assert records == inventory_records(N, seed=5)
    for field in ("department", "tier", "vendor", "saas_fit"):
        values = [getattr(r, field) for r in records]
        assert len({id(v) for v in values}) == len(set(values)) < 30, field
    by_id = {r.system_id: r for r in records}
    links = [(x, by_id[x].system_id) for r in records for x in r.links_to]
    assert links and all(x is sid for x, sid in links)
