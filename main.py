"""移行計画プランナー — the program's entry point (also the ``migration-planner`` command).

``python main.py VERB …`` runs the headless command line (``migration_planner.cli``, no Qt);
anything else — nothing, a plan (.mplan) or an inventory (.xlsx) — opens the window.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from migration_planner.cli import verbs

    if argv and (argv[0] in verbs() or argv[0] in ("-h", "--help", "--version")):
        from migration_planner.cli import main as cli_main

        return cli_main(argv)
    from ui.app import main as gui_main

    return gui_main(argv)


if __name__ == "__main__":
    raise SystemExit(main())
