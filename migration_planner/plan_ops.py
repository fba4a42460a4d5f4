"""Operations on a plan that several front ends share (the window and the command line)."""

from __future__ import annotations

from collections.abc import Callable

#: Functions run inside the import transaction with (session, diff). Later features register here
#: (placement flags overrides whose inputs changed).
_IMPORT_HOOKS: list[Callable] = []


def register_import_hook(hook: Callable) -> None:
    if hook not in _IMPORT_HOOKS:
        _IMPORT_HOOKS.append(hook)


def import_hooks() -> list[Callable]:
    """The hooks every import runs. Importing the features here (not at module import) registers
    their hooks for every front end without making the store depend on them."""
    import migration_planner.placement  # noqa: F401  (registers flag_stale_overrides)

    return list(_IMPORT_HOOKS)
