"""The inventory workbook: its contract, reading, validation and the diff against a plan."""

from migration_planner.inventory.contract import INVENTORY_COLUMNS, SystemRecord
from migration_planner.inventory.issues import FileProblem, ImportFailed, Issue
from migration_planner.inventory.loader import ImportResult, read_inventory

__all__ = [
    "INVENTORY_COLUMNS",
    "SystemRecord",
    "FileProblem",
    "ImportFailed",
    "Issue",
    "ImportResult",
    "read_inventory",
]
