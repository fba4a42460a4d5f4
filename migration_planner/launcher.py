"""Headless entry point: ``python -m migration_planner.launcher VERB …`` runs the command line.

The window is started by the top-level ``main.py`` (the ``migration-planner`` command), because
the core never imports the ``ui`` package.
"""

from __future__ import annotations

import sys

from migration_planner.cli import main as cli_main


def main(argv: list[str] | None = None) -> int:
    return cli_main(list(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    raise SystemExit(main())
