"""SQLModel tables of a plan. One SQLite file holds one plan.

Lists and free-form attributes are stored as JSON text: they are read whole and never queried
inside. Tables for placement overrides, the workload schedule and subsidy scenarios live here too,
so that every part of the program shares one schema and one schema version (see ``store.py``).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Optional

from sqlmodel import Field, SQLModel, UniqueConstraint

from migration_planner.inventory.contract import RECORD_FIELDS, SystemRecord


def now() -> dt.datetime:
    """The local time, timezone-aware (the plan keeps aware datetimes), to the second."""
    return dt.datetime.now().astimezone().replace(microsecond=0)


class PlanMeta(SQLModel, table=True):
    __tablename__ = "plan_meta"
    key: str = Field(primary_key=True)
    value: str = ""


class System(SQLModel, table=True):
    """A server-owning information system, as imported (and possibly edited) from the inventory."""

    __tablename__ = "system"
    id: Optional[int] = Field(default=None, primary_key=True)
    system_id: str = Field(index=True, unique=True)
    position: int = 0
    name: str = ""
    department: str = Field(default="", index=True)
    tier: str = ""
    servers: int = 0
    workloads_json: str = "[]"
    resident_core: bool = False
    saas_candidate: str = ""
    saas_fit: str = "未検討"
    cloud_blocker: str = ""
    next_renewal_fy: Optional[int] = None
    annual_cost: Optional[int] = None
    migration_cost: Optional[int] = None
    budget_request: bool = False
    scale: str = ""
    links_json: str = "[]"
    vendor: str = ""
    notes: str = ""
    extra_json: str = "{}"

    @property
    def workloads(self) -> list[str]:
        return json.loads(self.workloads_json)

    @property
    def links_to(self) -> list[str]:
        return json.loads(self.links_json)

    @property
    def extra(self) -> dict[str, str]:
        return json.loads(self.extra_json)

    def to_record(self) -> SystemRecord:
        return SystemRecord(**{f: getattr(self, f) for f in RECORD_FIELDS})

    @staticmethod
    def row_from_record(record: SystemRecord, position: int) -> dict:
        """Column values for an insert or update."""
        row = {f: getattr(record, f) for f in RECORD_FIELDS if f not in ("workloads", "links_to", "extra")}
        row["workloads_json"] = json.dumps(record.workloads, ensure_ascii=False)
        row["links_json"] = json.dumps(record.links_to, ensure_ascii=False)
        row["extra_json"] = json.dumps(record.extra, ensure_ascii=False, sort_keys=True)
        row["position"] = position
        return row


class Workload(SQLModel, table=True):
    """One of the 20 standardization workloads (22 with Osaka's splits)."""

    __tablename__ = "workload"
    code: str = Field(primary_key=True)
    number: int = 0
    name: str = ""
    position: int = 0


class WorkloadEdge(SQLModel, table=True):
    """Data linkage: ``consumer`` uses data ``provider`` keeps, so it cuts over no earlier."""

    __tablename__ = "workload_edge"
    __table_args__ = (UniqueConstraint("provider", "consumer"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    provider: str = Field(foreign_key="workload.code")
    consumer: str = Field(foreign_key="workload.code")


class Override(SQLModel, table=True):
    """A planner's decision that overrules the automatic placement of one system."""

    __tablename__ = "placement_override"
    id: Optional[int] = Field(default=None, primary_key=True)
    system_id: str = Field(index=True, unique=True)
    destination: str = ""
    reason: str = ""
    user: str = ""
    created_at: dt.datetime = Field(default_factory=lambda: now())
    #: The placement inputs the override was made against; a re-import that changes them flags it.
    inputs_json: str = "{}"
    needs_review: bool = False


class AuditEntry(SQLModel, table=True):
    """Append-only history: who did what to which system, when and why. Never edited or deleted."""

    __tablename__ = "audit_entry"
    id: Optional[int] = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=lambda: now(), index=True)
    user: str = ""
    action: str = ""            # import, override, clear_override, edit, review_flag, …
    system_id: str = Field(default="", index=True)
    from_value: str = ""
    to_value: str = ""
    reason: str = ""
    detail_json: str = "{}"


class StepEstimate(SQLModel, table=True):
    """Three-point duration (working days) of one procedure step for one workload."""

    __tablename__ = "step_estimate"
    workload_code: str = Field(primary_key=True, foreign_key="workload.code")
    step_no: int = Field(primary_key=True)
    optimistic: float = 0
    likely: float = 0
    pessimistic: float = 0


class StepProgress(SQLModel, table=True):
    """Status of one procedure step for one workload: 完了済み / 作業中 / 未着手 / 対象外."""

    __tablename__ = "step_progress"
    workload_code: str = Field(primary_key=True, foreign_key="workload.code")
    step_no: int = Field(primary_key=True)
    status: str = "未着手"
    as_of: Optional[dt.date] = None


class Scenario(SQLModel, table=True):
    """A named set of subsidy what-if assumptions."""

    __tablename__ = "scenario"
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    is_baseline: bool = False
    position: int = 0
    params_json: str = "{}"
