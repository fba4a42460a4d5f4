"""A plan: one SQLite file (WAL) through SQLModel, with a recorded schema version.

Every change runs in one transaction, so a crash mid-way leaves the plan as it was. A plan written
by an older version is migrated when opened; one written by a newer version is refused unchanged.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from operator import attrgetter

from sqlalchemy import select as sa_select
from sqlalchemy import bindparam, column, delete, event, func, insert, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session, SQLModel, create_engine, select

from migration_planner import __version__
from migration_planner.inventory.contract import RECORD_FIELDS, SystemRecord
from migration_planner.inventory.diff import InventoryDiff, diff_records
from migration_planner.models import AuditEntry, PlanMeta, Scenario, System, Workload, WorkloadEdge
from migration_planner.planfile import (  # noqa: F401 — PLAN_SUFFIX and PlanError are re-exported
    PLAN_SUFFIX,
    SCHEMA_VERSION,
    PlanError,
    check_header,
    check_schema_version,
    not_a_plan,
)
from migration_planner.tasks import NULL_STATE, TaskState, gc_paused
from migration_planner.workloads import DEFAULT_EDGES, WORKLOADS

# The schema version, the suffix, the error and the file checks live in the light planfile module
# (no SQLAlchemy), which the window also uses for its quick first read; they are re-exported here.
#: Steps from schema version N to N + 1 (bump planfile.SCHEMA_VERSION with each new step).
MIGRATIONS: dict[int, Callable[[Connection], None]] = {}


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (e.g. a service account without USER set)
        return "unknown"


def _set_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


#: SystemRecord's fields in its positional order (what :meth:`Plan.records` builds it from), and the
#: columns the lists and the extra attributes are stored in.
_RECORD_ORDER = tuple(f.name for f in dataclasses.fields(SystemRecord))
_STORED = {"workloads": "workloads_json", "links_to": "links_json", "extra": "extra_json"}
assert _RECORD_ORDER == (
    "system_id", "name", "department", "tier", "servers", "workloads", "resident_core", "saas_candidate", "saas_fit",
    "cloud_blocker", "next_renewal_fy", "annual_cost", "migration_cost", "budget_request", "scale", "links_to",
    "vendor", "notes", "extra"), "SystemRecord's fields changed: update Plan.records"


class Plan:
    """An open plan file."""

    def __init__(self, path: str, engine: Engine) -> None:
        self.path = path
        #: The file the planner knows this plan by: ``path``, or for the window's working copy
        #: (migration_planner.workcopy) the plan file it was copied from and is saved to.
        self.display_path = path
        self.engine = engine

    # ------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: str, *, create: bool = True) -> "Plan":
        """Open ``path``, creating a new plan there when it does not exist and ``create`` is true."""
        path = os.path.abspath(path)
        name = os.path.basename(path)
        exists = check_header(path, create=create)
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _set_pragmas)
        plan = cls(path, engine)
        try:
            plan._prepare(new=not exists)
        except PlanError:
            engine.dispose()
            raise
        except Exception as exc:
            engine.dispose()
            raise PlanError(f"プラン「{name}」を開けません（{type(exc).__name__}: {exc}）。") from None
        return plan

    def _prepare(self, *, new: bool) -> None:
        name = os.path.basename(self.path)
        with self.engine.begin() as conn:
            tables = set(inspect(conn).get_table_names())
            if not new and "plan_meta" not in tables:
                raise not_a_plan(name)
            version = 0
            if "plan_meta" in tables:
                row = conn.execute(text("SELECT value FROM plan_meta WHERE key='schema_version'")).first()
                version = int(row[0]) if row else 0
            check_schema_version(name, version, SCHEMA_VERSION)
            for step in range(max(version, 1), SCHEMA_VERSION):
                MIGRATIONS[step](conn)
            SQLModel.metadata.create_all(conn)
            now = dt.datetime.now().isoformat(timespec="seconds")
            meta = {"schema_version": str(SCHEMA_VERSION), "app_version": __version__}
            if version == 0:
                meta |= {"created_at": now, "name": os.path.splitext(name)[0]}
            stored = dict(conn.execute(text("SELECT key, value FROM plan_meta")).all())
            for key, value in meta.items():
                if stored.get(key) == value:
                    continue  # opening a plan does not write to it (a read-only look stays read-only)
                conn.execute(
                    text("INSERT INTO plan_meta(key, value) VALUES (:k, :v) "
                         "ON CONFLICT(key) DO UPDATE SET value=excluded.value"),
                    {"k": key, "v": value},
                )
            if version == 0:
                # A new plan starts with the baseline subsidy scenario (domain.md §5 defaults), so
                # showing the subsidy view does not have to write one (an edit to save).
                from migration_planner.subsidy.params import ScenarioParams
                from migration_planner.subsidy.scenarios import BASELINE_NAME

                conn.execute(insert(Scenario), [{"name": BASELINE_NAME, "is_baseline": True, "position": 0,
                                                 "params_json": ScenarioParams().dumps()}])
            if not conn.execute(text("SELECT 1 FROM workload LIMIT 1")).first():
                conn.execute(insert(Workload), [
                    {"code": w.code, "number": w.number, "name": w.name, "position": i}
                    for i, w in enumerate(WORKLOADS)
                ])
                conn.execute(insert(WorkloadEdge), [{"provider": p, "consumer": c} for p, c in DEFAULT_EDGES])

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Plan":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed as one transaction, or rolled back on any error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    # ------------------------------------------------------------ meta
    def meta(self, key: str, default: str = "") -> str:
        with Session(self.engine) as s:
            row = s.get(PlanMeta, key)
            return row.value if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.session() as s:
            s.merge(PlanMeta(key=key, value=value))

    @property
    def name(self) -> str:
        return self.meta("name") or os.path.splitext(os.path.basename(self.path))[0]

    @property
    def schema_version(self) -> int:
        return int(self.meta("schema_version", "0"))

    # ------------------------------------------------------------ systems
    def systems(self) -> list[System]:
        with Session(self.engine, expire_on_commit=False) as s:
            return list(s.exec(select(System).order_by(System.position)))

    def records(self, ids: Iterable[str] | None = None) -> list[SystemRecord]:
        """All systems as plain records, in inventory order (a fast path: no ORM objects).

        With ``ids``, only the systems of those IDs (in inventory order; an ID the plan does not
        hold is left out): what a view re-reads after some systems were edited, found through the
        ID's index rather than by reading every system.

        Columns that repeat a few values (所属, 系統, 事業者…) hold one string object per value, not
        one per system, and a link is the same string as the ID it names: SQLite hands out a new
        string for every cell, and at 100k systems the copies were a third of the records' memory
        (benchmarks/bench_memory.py).
        """
        cols = System.__table__.c
        query = sa_select(*(cols[_STORED.get(f, f)] for f in _RECORD_ORDER)).order_by(cols.position)
        if ids is not None:
            # One parameter however many IDs (SQLite limits a statement's parameters): a JSON list.
            query = query.where(cols.system_id.in_(
                sa_select(column("value")).select_from(func.json_each(bindparam("ids")))
            )).params(ids=json.dumps(list(ids), ensure_ascii=False))
        loads = json.loads
        one: dict[str, str] = {}
        keep = one.setdefault
        out = []
        append = out.append
        with self.engine.connect() as conn:
            for (sid, name, dept, tier, servers, workloads, resident, saas, fit, blocker, fy, annual, migration,
                 budget, scale, links, vendor, notes, extra) in conn.execute(query):
                append(SystemRecord(  # most lists are empty: no JSON parse for those
                    sid, name, keep(dept, dept), keep(tier, tier), servers,
                    [] if workloads == "[]" else loads(workloads), resident, keep(saas, saas), keep(fit, fit),
                    keep(blocker, blocker), fy, annual, migration, budget, keep(scale, scale),
                    [] if links == "[]" else loads(links), keep(vendor, vendor), notes,
                    {} if extra == "{}" else loads(extra)))
        ids = {r.system_id: r.system_id for r in out}
        for r in out:
            if r.links_to:
                r.links_to = [ids.get(x, x) for x in r.links_to]
        return out

    def system_count(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT COUNT(*) FROM system")).scalar_one()

    def diff(self, records: list[SystemRecord]) -> InventoryDiff:
        return diff_records(self.records(), records)

    def apply_inventory(
        self,
        records: list[SystemRecord],
        *,
        source: str = "",
        state: TaskState = NULL_STATE,
        hooks: list[Callable[[Session, InventoryDiff], None]] | None = None,
    ) -> InventoryDiff:
        """Make the plan's systems equal ``records``, in one transaction; return what changed.

        ``hooks`` run inside the same transaction (placement uses one to flag stale overrides).
        """
        state.report(0.9, "プランに保存しています")
        with gc_paused(), self.session() as s:
            conn = s.connection()
            # The plan's rows as records, in table order (what an ORM select of System gives),
            # read without ORM objects: a re-import of 100k systems reads them all.
            cols = System.__table__.c
            plain = [f for f in RECORD_FIELDS if f not in ("workloads", "links_to", "extra")]
            query = sa_select(cols.id, cols.position, *(cols[f] for f in plain), cols.workloads_json,
                              cols.links_json, cols.extra_json)
            loads = json.loads
            old: list[SystemRecord] = []
            stored: dict[str, tuple[int, int, SystemRecord]] = {}  # system_id → (pk, position, record)
            for row in conn.execute(query):
                rec = SystemRecord(**dict(zip(plain, row[2:-3])), workloads=loads(row[-3]),
                                   links_to=loads(row[-2]), extra=loads(row[-1]))
                old.append(rec)
                stored[rec.system_id] = (row[0], row[1], rec)
            changes = diff_records(old, records)
            removed = [r.system_id for r in changes.removed]
            if removed:
                for chunk in _chunks(removed, 500):
                    s.exec(delete(System).where(System.system_id.in_(chunk)))
            new_rows, upd_rows = [], []
            for pos, rec in enumerate(records):
                prev = stored.get(rec.system_id)
                if prev is None:
                    new_rows.append(_system_values(rec, pos))
                elif prev[1] != pos or prev[2] != rec:  # an unchanged row in its place is left alone
                    upd_rows.append((*_system_values(rec, pos), prev[0]))
            if upd_rows:
                conn.exec_driver_sql(_UPDATE_SYSTEM, upd_rows)
            if new_rows:
                conn.exec_driver_sql(_INSERT_SYSTEM, new_rows)
            state.check()
            s.add(AuditEntry(
                user=current_user(), action="import", to_value=os.path.basename(source),
                detail_json=_import_detail(changes),
            ))
            for hook in hooks or ():
                hook(s, changes)
            s.flush()
            state.check()  # last chance to cancel: nothing is committed yet
        return changes

    def audit(self, system_id: str | None = None) -> list[AuditEntry]:
        with Session(self.engine, expire_on_commit=False) as s:
            q = select(AuditEntry).order_by(AuditEntry.id)
            if system_id is not None:
                q = q.where(AuditEntry.system_id == system_id)
            return list(s.exec(q))


#: Systems listed by id in an import's audit entry; beyond it the entry keeps the counts only.
AUDIT_DETAIL_MAX_SYSTEMS = 2000


def _import_detail(changes: InventoryDiff) -> str:
    """The import's audit detail as valid JSON of bounded size (a 100k-system import stays small)."""
    data = {"summary": changes.summary(), **changes.to_json()}
    limit = AUDIT_DETAIL_MAX_SYSTEMS
    if len(changes.added) + len(changes.removed) + len(changes.changed) > limit:
        data["added"] = data["added"][:limit]
        data["removed"] = data["removed"][:limit]
        data["changed"] = dict(list(data["changed"].items())[:limit])
        data["truncated"] = True
        data["counts"] = {"added": len(changes.added), "removed": len(changes.removed), "changed": len(changes.changed)}
    return json.dumps(data, ensure_ascii=False, default=str)


#: Columns of ``system`` written from a record, in the order :func:`_system_values` gives them.
_SYSTEM_COLUMNS: tuple[str, ...] = (
    *(f for f in RECORD_FIELDS if f not in ("workloads", "links_to", "extra")),
    "workloads_json", "links_json", "extra_json", "position",
)
_INSERT_SYSTEM = (f"INSERT INTO system ({', '.join(_SYSTEM_COLUMNS)}) "
                  f"VALUES ({', '.join('?' * len(_SYSTEM_COLUMNS))})")
_UPDATE_SYSTEM = f"UPDATE system SET {', '.join(c + ' = ?' for c in _SYSTEM_COLUMNS)} WHERE id = ?"
_encode_list = json.JSONEncoder(ensure_ascii=False).encode
_dump_extra = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
_PLAIN_FIELDS = attrgetter(*_SYSTEM_COLUMNS[:-4])
#: What json.dumps(..., ensure_ascii=False) escapes in a string.
_JSON_ESCAPED = re.compile(r'[\x00-\x1f"\\]')


def _dump_list(items: list) -> str:
    """``json.dumps(items, ensure_ascii=False)``, written directly for a list of strings that need
    no escaping (system IDs, workload codes; checked on the items joined): a fifth of the time,
    for 100k rows."""
    if not items:
        return "[]"
    try:
        plain = _JSON_ESCAPED.search("".join(items)) is None
    except TypeError:  # not all strings
        plain = False
    return '["' + '", "'.join(items) + '"]' if plain else _encode_list(items)


def _system_values(record: SystemRecord, position: int) -> tuple:
    """The values :meth:`System.row_from_record` gives, as a tuple in :data:`_SYSTEM_COLUMNS`
    order, for a plain DB-API ``executemany`` (100k rows without SQLAlchemy's per-row work)."""
    return (
        *_PLAIN_FIELDS(record),
        _dump_list(record.workloads),
        _dump_list(record.links_to),
        _dump_extra(record.extra) if record.extra else "{}",
        position,
    )




def _chunks(items: list, n: int):
    for i in range(0, len(items), n):
        yield items[i : i + n]
