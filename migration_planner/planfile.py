"""What a plan file is, without SQLAlchemy: its suffix, header and schema version, and a quick read
of its systems for the window's first paint (issue 2).

Opening a plan through :class:`migration_planner.store.Plan` imports SQLAlchemy, SQLModel and
pydantic, which costs more than the rest of the start-up together. This module uses only the
standard library (``sqlite3``), so the window can show the plan's systems at once and open the
full plan on the next turn of the event loop. :mod:`migration_planner.store` takes the suffix,
the schema version, the error and the checks from here, so the two paths refuse the same files
with the same words.

The quick read never writes: it opens the file read-only and leaves migrations, the metadata and
everything else to :meth:`Plan.open <migration_planner.store.Plan.open>`.
"""

from __future__ import annotations

import json
import os
import sqlite3
from typing import NamedTuple

from migration_planner.inventory.contract import RECORD_FIELDS, SystemRecord

#: Bump on every schema change and add a step to ``store.MIGRATIONS`` (from version N to N + 1).
SCHEMA_VERSION = 1
PLAN_SUFFIX = ".mplan"
SQLITE_MAGIC = b"SQLite format 3\x00"

#: The ``system`` table's columns a record is made of, in :data:`RECORD_FIELDS` order (the lists
#: and free-form attributes are stored as JSON text). A test compares them with ``models.System``.
PLAIN_FIELDS: tuple[str, ...] = tuple(f for f in RECORD_FIELDS if f not in ("workloads", "links_to", "extra"))
JSON_COLUMNS: tuple[str, ...] = ("workloads_json", "links_json", "extra_json")
_BOOL_FIELDS = ("resident_core", "budget_request")
_SELECT_SYSTEMS = f"SELECT {', '.join(PLAIN_FIELDS + JSON_COLUMNS)} FROM system ORDER BY position"


class PlanError(Exception):
    """The plan cannot be opened or written; ``str(exc)`` is a Japanese message for the planner."""


def is_sqlite_file(path: str) -> bool:
    """Whether the file at ``path`` starts as an SQLite database does (OSError if it cannot be read)."""
    with open(path, "rb") as fh:
        return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def check_header(path: str, *, create: bool) -> bool:
    """Whether a plan is at ``path`` (True) or may be created there (False); else :class:`PlanError`.

    ``path`` is absolute. A file that is not SQLite, a missing plan when ``create`` is false, and a
    missing folder are refused in the planner's words.
    """
    name = os.path.basename(path)
    exists = os.path.exists(path) and os.path.getsize(path) > 0
    if exists:
        try:
            is_db = is_sqlite_file(path)
        except OSError as exc:
            raise PlanError(f"プラン「{name}」を開けません（{exc.strerror or exc}）。") from None
        if not is_db:
            raise PlanError(f"「{name}」はプランファイルではありません。")
    elif not create:
        raise PlanError(f"プラン「{name}」が見つかりません。")
    else:
        folder = os.path.dirname(path)
        if folder and not os.path.isdir(folder):
            raise PlanError(f"フォルダ「{folder}」がありません。")
    return exists


def not_a_plan(name: str) -> PlanError:
    """An SQLite database without the plan's metadata table."""
    return PlanError(f"「{name}」はこのプログラムのプランではありません（別のSQLiteデータベースです）。")


def check_schema_version(name: str, version: int, supported: int = SCHEMA_VERSION) -> None:
    """Refuse a plan written by a newer version of the program (its schema is unknown here)."""
    if version > supported:
        raise PlanError(
            f"プラン「{name}」は新しい版のプログラム（スキーマ {version}）で作られています。"
            f"この版（スキーマ {supported}）では開けません。プログラムを更新してください。"
        )


class QuickPlan(NamedTuple):
    """A plan's name and systems, read without opening it for writing."""

    path: str
    name: str
    records: list[SystemRecord]


def _uri_path(path: str) -> str:
    """``path`` as the path of an SQLite ``file:`` URI: the characters that would end or escape it
    percent-encoded (SQLite takes the rest, UTF-8 included, as written; Windows' backslashes too).
    Not urllib.parse.quote: importing urllib.parse (and ipaddress with it) costs the start-up."""
    return path.replace("%", "%25").replace("?", "%3f").replace("#", "%23")


def read_quick(path: str) -> QuickPlan | None:
    """The plan at ``path`` as the table first shows it, or None when the quick read does not apply.

    Raises :class:`PlanError` for what :meth:`Plan.open` would refuse as well: a file that is not a
    plan, another SQLite database, a plan of a newer schema. Returns None where only the full open
    can tell: no file yet (a new plan), an older schema (to be migrated), or a table that does not
    read as expected; the caller then opens the plan the full way.
    """
    path = os.path.abspath(path)
    name = os.path.basename(path)
    if not check_header(path, create=True):
        return None
    try:
        # Read-only: the quick read never changes a plan, not even one it refuses.
        conn = sqlite3.connect(f"file:{_uri_path(path)}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return None
    try:
        try:
            rows = conn.execute("SELECT key, value FROM plan_meta WHERE key IN ('schema_version', 'name')").fetchall()
        except sqlite3.DatabaseError as exc:
            if "no such table" in str(exc):
                raise not_a_plan(name) from None
            return None
        meta = dict(rows)
        try:
            version = int(meta.get("schema_version", 0))
        except ValueError:
            return None
        check_schema_version(name, version)
        if version != SCHEMA_VERSION:
            return None  # an older plan: Plan.open migrates it first
        try:
            cursor = conn.execute(_SELECT_SYSTEMS)
        except sqlite3.DatabaseError:
            return None
        records = _records(cursor)
    except (sqlite3.DatabaseError, ValueError, TypeError):
        return None  # damaged or unexpected: the full open says what is wrong
    finally:
        conn.close()
    return QuickPlan(path, meta.get("name") or os.path.splitext(name)[0], records)


def _records(rows) -> list[SystemRecord]:
    loads = json.loads
    n = len(PLAIN_FIELDS)
    bools = [PLAIN_FIELDS.index(f) for f in _BOOL_FIELDS]
    out = []
    for row in rows:
        values = list(row[:n])
        for i in bools:
            values[i] = bool(values[i])
        fields = dict(zip(PLAIN_FIELDS, values))
        out.append(SystemRecord(**fields, workloads=loads(row[n]), links_to=loads(row[n + 1]), extra=loads(row[n + 2])))
    return out
