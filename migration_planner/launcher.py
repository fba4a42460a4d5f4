"""Entry point of ``migration-planner`` and ``python main.py``.

A verb (``import``, ``systems``, …) runs the headless command line, which never imports Qt;
anything else (nothing, or a plan / inventory path) opens the window.
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
