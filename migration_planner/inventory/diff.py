"""What a re-import would change in a plan: systems added, removed, and fields changed per system."""

from __future__ import annotations

from dataclasses import dataclass, field

from migration_planner.inventory.contract import FIELD_LABELS, RECORD_FIELDS, SystemRecord


def show_value(value: object) -> str:
    """A field value as a planner reads it in a diff."""
    if value is None or value == "" or value == [] or value == {}:
        return "（空欄）"
    if isinstance(value, bool):
        return "○" if value else "×"
    if isinstance(value, list):
        return "、".join(map(str, value))
    if isinstance(value, dict):
        return "、".join(f"{k}={v}" for k, v in value.items())
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: object
    new: object

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.field, self.field)

    def line(self) -> str:
        return f"{self.label}：{show_value(self.old)} → {show_value(self.new)}"


@dataclass(frozen=True, slots=True)
class SystemChange:
    system_id: str
    name: str
    changes: tuple[FieldChange, ...]


@dataclass(slots=True)
class InventoryDiff:
    added: list[SystemRecord] = field(default_factory=list)
    removed: list[SystemRecord] = field(default_factory=list)
    changed: list[SystemChange] = field(default_factory=list)
    unchanged: int = 0
    order_changed: bool = False

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def summary(self) -> str:
        return f"追加 {len(self.added)} 件・削除 {len(self.removed)} 件・変更 {len(self.changed)} 件・変更なし {self.unchanged} 件"

    def lines(self) -> list[str]:
        out: list[str] = []
        for r in self.added:
            out.append(f"＋ 追加  {r.system_id} {r.name}")
        for r in self.removed:
            out.append(f"－ 削除  {r.system_id} {r.name}")
        for c in self.changed:
            out.append(f"＊ 変更  {c.system_id} {c.name}")
            out.extend(f"      {fc.line()}" for fc in c.changes)
        return out

    def to_json(self) -> dict:
        return {
            "added": [r.system_id for r in self.added],
            "removed": [r.system_id for r in self.removed],
            "changed": {
                c.system_id: {fc.field: {"old": fc.old, "new": fc.new} for fc in c.changes} for c in self.changed
            },
            "unchanged": self.unchanged,
        }


def diff_records(old: list[SystemRecord], new: list[SystemRecord]) -> InventoryDiff:
    before = {r.system_id: r for r in old}
    after_ids = {r.system_id for r in new}
    result = InventoryDiff()
    for rec in new:
        prev = before.get(rec.system_id)
        if prev is None:
            result.added.append(rec)
            continue
        changes = tuple(
            FieldChange(f, getattr(prev, f), getattr(rec, f))
            for f in RECORD_FIELDS
            if getattr(prev, f) != getattr(rec, f)
        )
        if changes:
            result.changed.append(SystemChange(rec.system_id, rec.name, changes))
        else:
            result.unchanged += 1
    result.removed = [r for r in old if r.system_id not in after_ids]
    result.order_changed = [r.system_id for r in old if r.system_id in after_ids] != [
        r.system_id for r in new if r.system_id in before
    ]
    return result
