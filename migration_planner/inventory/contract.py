"""The inventory contract (../shared/inventory-format.md): columns, aliases and the typed row."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import NamedTuple


class ColumnSpec(NamedTuple):
    """A column the reader looks for: its key, the header as the contract writes it, and aliases.

    Kept here, not in the reader (``workbook``), so that what shows a plan's systems needs only
    this module (issue 2: the window's start-up imports no reading code). A NamedTuple rather
    than a frozen dataclass, which compiles its methods when the module loads.
    """

    key: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False

    def names(self) -> set[str]:
        from migration_planner.inventory.workbook import normalize_header

        return {normalize_header(n) for n in (self.header, *self.aliases)}


TIERS = ("住民情報系基幹", "内部情報系基幹", "各局")
SAAS_FITS = ("適合", "不適合", "未検討")
SCALES = ("大", "中", "小")

INVENTORY_COLUMNS: list[ColumnSpec] = [
    ColumnSpec("system_id", "システムID", ("システム番号", "ID"), True),
    ColumnSpec("name", "システム名", ("システム名称", "名称"), True),
    ColumnSpec("department", "所管所属", ("所管", "所属", "担当所属"), True),
    ColumnSpec("tier", "系統", ("区分",), True),
    ColumnSpec("servers", "サーバ台数", ("サーバー台数", "サーバ数"), True),
    ColumnSpec("workloads", "標準化対象業務", ("標準化業務",)),
    ColumnSpec("resident_core", "住民基本系"),
    ColumnSpec("saas_candidate", "SaaS候補"),
    ColumnSpec("saas_fit", "SaaS適合"),
    ColumnSpec("cloud_blocker", "クラウド化阻害要因", ("阻害要因",)),
    ColumnSpec("next_renewal_fy", "次期更新年度", ("更新予定年度",)),
    ColumnSpec("annual_cost", "年間運用経費（千円）", ("運用経費",)),
    ColumnSpec("migration_cost", "移行経費見込（千円）", ("移行経費",)),
    ColumnSpec("budget_request", "予算要求", ("次年度予算要求",)),
    ColumnSpec("scale", "規模"),
    ColumnSpec("links_to", "連携先システムID", ("連携先",)),
    ColumnSpec("vendor", "保守事業者", ("ベンダ", "事業者")),
    ColumnSpec("notes", "備考"),
]
COLUMN_BY_KEY = {c.key: c for c in INVENTORY_COLUMNS}

#: Japanese labels for each field, as the interface and the diff show them.
FIELD_LABELS: dict[str, str] = {c.key: c.header for c in INVENTORY_COLUMNS} | {"extra": "追加属性"}


@dataclass(slots=True)
class SystemRecord:
    """One system as read from the inventory: plain data, keyed as in the contract."""

    system_id: str
    name: str
    department: str
    tier: str
    servers: int
    workloads: list[str] = field(default_factory=list)
    resident_core: bool = False
    saas_candidate: str = ""
    saas_fit: str = "未検討"
    cloud_blocker: str = ""
    next_renewal_fy: int | None = None
    annual_cost: int | None = None
    migration_cost: int | None = None
    budget_request: bool = False
    scale: str = ""
    links_to: list[str] = field(default_factory=list)
    vendor: str = ""
    notes: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict:
        return asdict(self)


#: The contract's fields in order (what a diff compares and the CLI prints).
RECORD_FIELDS: tuple[str, ...] = tuple(c.key for c in INVENTORY_COLUMNS) + ("extra",)
