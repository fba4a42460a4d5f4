"""The headless command line. Imports no Qt.

Each verb lives in a module ``cmd_<verb>.py`` beside this file that defines ``VERB``, ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``. Exit status: 0 success, 2 bad input (every
problem printed one a line), 1 anything else. Never a traceback for bad input.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from migration_planner import APP_NAME, __version__
from migration_planner.cli.common import CliError

EXIT_OK, EXIT_FAILURE, EXIT_INPUT = 0, 1, 2


def verbs() -> list[str]:
    """The verbs, found without importing their modules."""
    return sorted(
        m.name.removeprefix("cmd_").replace("_", "-")
        for m in pkgutil.iter_modules(__path__)
        if m.name.startswith("cmd_")
    )


def _load(verb: str):
    return importlib.import_module(f"{__name__}.cmd_{verb.replace('-', '_')}")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's usage errors are input errors: exit 2, no traceback
        self.print_usage(sys.stderr)
        print(f"{self.prog}: エラー: {message}", file=sys.stderr)
        raise SystemExit(EXIT_INPUT)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``only``, just that verb's module is imported (others' heavy imports, or a
    broken verb module, cannot slow down or break the verb being run)."""
    parser = _Parser(prog="migration-planner", description=f"{APP_NAME}（コマンドライン）。動詞なしで起動するとウィンドウを開きます。")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=_Parser)
    for verb in verbs():
        if only is not None and verb != only:
            continue
        module = _load(verb)
        p = sub.add_parser(verb, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv[0] if argv and argv[0] in verbs() else None)
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return EXIT_INPUT
    try:
        return int(args._run(args) or 0)
    except CliError as exc:
        for line in exc.lines:
            print(line, file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("中断しました。", file=sys.stderr)
        return EXIT_FAILURE
    except BrokenPipeError:
        return EXIT_FAILURE
    except Exception as exc:  # a bug, not bad input: one line, and the details on request
        print(f"予期しないエラーが発生しました：{type(exc).__name__}: {exc}", file=sys.stderr)
        if "--debug" in (argv or sys.argv):
            raise
        return EXIT_FAILURE
