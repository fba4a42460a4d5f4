"""A plan's content as plain rows, for tests that check a plan was left exactly as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path


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
