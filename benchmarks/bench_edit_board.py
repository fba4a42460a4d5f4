"""Editing one system in a 100k-system plan with the placement board opened (issue 7): the board's
tab behind the table, then in front. The measuring is ``benchmarks/bench_edit.py``'s
(:func:`benchmarks.bench_edit.run_board`), against the same absolute target of 0.2 s. ::

    python -m benchmarks.bench_edit_board [N]
"""

from __future__ import annotations

import sys

from benchmarks.bench_edit import ROOT, run_board

QUICK_KWARGS = {"n": 2_000, "repeats": 3}


def run(n: int = 100_000, repeats: int = 5) -> list[dict]:
    return run_board(n, repeats)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from benchmarks.run_all import print_rows

    print_rows(run(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000), "bench_edit_board")
