"""Shared pieces of the command-line verbs."""

from __future__ import annotations

import json
import sys

from migration_planner.store import Plan, PlanError


class CliError(Exception):
    """Stop a verb with ``code`` (2 = bad input, 1 = other), printing ``lines`` to stderr."""

    def __init__(self, lines: list[str] | str, code: int = 2) -> None:
        self.lines = [lines] if isinstance(lines, str) else list(lines)
        self.code = code
        super().__init__("\n".join(self.lines))


def parse_as_of(text: str | None):
    """The ``--as-of`` option as a date (None when not given); a bad date is an input error (exit 2)."""
    from migration_planner.values import ValueProblem, parse_date

    if not text:
        return None
    try:
        return parse_date(text)
    except ValueProblem as exc:
        raise CliError(f"--as-of「{text}」：{exc}", 2) from None


def open_plan(path: str, *, create: bool = False) -> Plan:
    try:
        return Plan.open(path, create=create)
    except PlanError as exc:
        raise CliError(str(exc), 2) from None


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
