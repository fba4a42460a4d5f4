"""Plans for tests: one holding the bundled sample, and a plan's content as plain rows (for tests
that check a plan was left exactly as it was)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


SAMPLE = Path(__file__).resolve().parents[1] / "sample_inventory.xlsx"


def write_sample_plan(path: str | Path, *, hooks: bool = False, **apply) -> Path:
    """A plan at ``path`` holding the sample's 60 systems as the importer reads them; ``hooks``:
    imported as the window and the command line do (placement and schedule hooks), ``apply``: more
    arguments of ``Plan.apply_inventory`` (``source``…)."""
    from migration_planner.inventory import read_inventory
    from migration_planner.store import Plan

    if hooks:
        from migration_planner.plan_ops import import_hooks

        apply["hooks"] = import_hooks()
    with Plan.open(str(path)) as plan:
        plan.apply_inventory(read_inventory(str(SAMPLE)).records, **apply)
    return Path(path)


def table_rows(path: str | Path) -> dict[str, list[tuple]]:
    """Every table's rows (rowid first, in rowid order), read through a read-only connection of
    its own: safe beside a window or a process that holds the plan open (WAL)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: conn.execute(f'SELECT rowid, * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
    finally:
        conn.close()
