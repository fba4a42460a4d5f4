"""The inventory workbook: its contract, reading, validation and the diff against a plan."""

from migration_planner.inventory.contract import INVENTORY_COLUMNS, SystemRecord


def __getattr__(name: str):
    # The reader is imported when first asked for: the window shows a plan's systems (which need
    # only the contract) before anything is read from a workbook (issue 2); so are its problems.
    if name in ("ImportResult", "read_inventory"):
        from migration_planner.inventory import loader

        return getattr(loader, name)
    if name in ("FileProblem", "ImportFailed", "Issue"):
        from migration_planner.inventory import issues

        return getattr(issues, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "INVENTORY_COLUMNS",
    "SystemRecord",
    "FileProblem",
    "ImportFailed",
    "Issue",
    "ImportResult",
    "read_inventory",
]
