"""The benchmarks run and report (issue 7): each bench module with a tiny input returns rows with
positive figures, and the runner turns a broken benchmark into a failed row. No timing is asserted
here: speed is measured by ``python -m benchmarks.run_all``, never in unit tests."""

from __future__ import annotations

import sys
import types

import pytest

from benchmarks import run_all  # noqa: E402
from benchmarks.generators import HEADER, inventory_records, write_inventory  # noqa: E402


def _check_rows(rows: list[dict]) -> None:
    assert rows
    for row in rows:
        value = row.get("value", row.get("value_s"))
        baseline = row.get("baseline", row.get("baseline_s"))
        assert row["name"] and row["baseline_name"], row
        assert value > 0 and baseline > 0 and row["ratio"] > 0, row
        assert row["target"] is None or row["target"] > 0, row


def test_generated_inventory_reads_back_as_the_generators_records(tmp_path):
    from migration_planner.inventory import read_inventory

    path = write_inventory(tmp_path / "inv.xlsx", 300, seed=7)
    result = read_inventory(path)
    assert result.warnings == []
    assert result.records == inventory_records(300, seed=7)
    assert len(HEADER) == 18
    forms = {type(r.next_renewal_fy) for r in result.records} | {bool(r.links_to) for r in result.records}
    assert forms == {int, type(None), True, False}  # years present and blank, links present and absent


def test_bench_inventory_runs():
    from benchmarks import bench_inventory

    _check_rows(bench_inventory.run(n=300, repeats=1))


@pytest.mark.gui
def test_bench_table_runs():
    from benchmarks import bench_table

    _check_rows(bench_table.run(n=300, repeats=1))


@pytest.mark.slow
def test_bench_startup_runs():
    from benchmarks import bench_startup

    _check_rows(bench_startup.run(repeats=1))


def test_runner_finds_every_bench_module():
    assert {"bench_inventory", "bench_table", "bench_startup"} <= set(run_all.discover())


def test_runner_reports_a_broken_benchmark_as_a_failed_row(monkeypatch, capsys):
    broken = types.ModuleType("benchmarks.bench_broken")

    def run(n=100):
        raise ValueError("no input")

    broken.run = run
    monkeypatch.setitem(sys.modules, "benchmarks.bench_broken", broken)
    rows, _seconds = run_all.run_module("bench_broken", quick=True)
    assert [r["ok"] for r in rows] == ["FAILED"]
    assert "ValueError: no input" in rows[0]["error"]
    assert "FAILED: ValueError: no input" in "\n".join(run_all.table_lines(rows))


def test_runner_passes_a_smaller_n_when_quick(monkeypatch):
    seen = {}
    fake = types.ModuleType("benchmarks.bench_fake")

    def run(n=100_000):
        seen["n"] = n
        return [{"name": "x", "value_s": 2.0, "baseline_name": "y", "baseline_s": 1.0, "ratio": 2.0, "target": 1.5}]

    fake.run = run
    monkeypatch.setitem(sys.modules, "benchmarks.bench_fake", fake)
    rows, _ = run_all.run_module("bench_fake", quick=True)
    assert seen["n"] == run_all.QUICK_N
    assert rows[0]["ok"] == "NO" and rows[0]["ratio"] == "2.00×"


def test_runner_writes_the_table_with_the_machine(tmp_path, monkeypatch):
    monkeypatch.setattr(run_all, "discover", lambda: ["bench_fake2"])
    fake = types.ModuleType("benchmarks.bench_fake2")
    fake.run = lambda: [{"name": "fast thing", "value_s": 0.001, "baseline_name": "plain", "baseline_s": 0.002,
                         "ratio": 0.5, "target": 2.0}]
    monkeypatch.setitem(sys.modules, "benchmarks.bench_fake2", fake)
    out = tmp_path / "latest.md"
    assert run_all.main(["--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "| fast thing" in text and "0.50×" in text and "yes" in text
    assert "Machine:" in text and "Python" in text
