"""Shared pieces of the command-line verbs."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

# Light: main.py imports this package to tell a verb from a plan to open in the window, and the
# window must not wait for SQLAlchemy (issue 2). The store is imported when a verb opens a plan.
from migration_planner.planfile import PlanError

if TYPE_CHECKING:
    from migration_planner.store import Plan


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


def issue_json(issue) -> dict:
    """One problem as the ``--json`` outputs list it: the issue's fields plus its printed ``line``."""
    return issue.to_json() | {"line": issue.line()}


def file_error_json(message: str) -> dict:
    """A problem with a whole file, shaped like the per-cell errors (no sheet, row or column)."""
    from migration_planner.inventory import Issue

    return issue_json(Issue(message))


def read_input(reader, path: str, *, as_json: bool, count_key: str):
    """``reader(path)`` or exit 2 with every problem: one line each on stderr, or as JSON on stdout.

    ``count_key`` names the count in the JSON (``systems`` / ``workloads``), 0 on failure. Text
    mode puts the summary on stdout, so stderr holds exactly one line per error (row and column).
    """
    from migration_planner.inventory import FileProblem, ImportFailed

    try:
        return reader(path)
    except FileProblem as exc:
        if as_json:
            print_json({count_key: 0, "warnings": [], "errors": [file_error_json(exc.message)]})
        raise CliError(exc.message, 2) from None
    except ImportFailed as exc:
        if as_json:
            print_json({
                count_key: 0,
                "warnings": [issue_json(i) for i in exc.warnings],
                "errors": [issue_json(i) for i in exc.errors],
            })
        else:
            print(f"エラー {len(exc.errors)} 件：何も書き込んでいません。")
        raise CliError([i.line() for i in exc.errors], 2) from None


def open_plan_for(path: str, *, as_json: bool, count_key: str, create: bool = False) -> Plan:
    """:func:`open_plan`, and with ``--json`` the failure also as JSON (not a plan, a newer plan, no folder)."""
    try:
        return open_plan(path, create=create)
    except CliError as exc:
        if as_json:
            print_json({count_key: 0, "warnings": [], "errors": [file_error_json(line) for line in exc.lines]})
        raise


def open_plan(path: str, *, create: bool = False) -> Plan:
    from migration_planner.store import Plan

    try:
        return Plan.open(path, create=create)
    except PlanError as exc:
        raise CliError(str(exc), 2) from None


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
