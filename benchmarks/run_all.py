"""Run every benchmark and print one table: each figure, its baseline and the ratio, from one run.

    python -m benchmarks.run_all            # full size (100k rows where a benchmark takes n)
    python -m benchmarks.run_all --quick    # n=10_000: a check that everything runs, not a result
    python -m benchmarks.run_all --only inventory

Every ``benchmarks/bench_*.py`` is found and run; its ``run()`` returns rows::

    {"name", "value_s", "baseline_name", "baseline_s", "ratio", "target"}

(informational rows may give ``value``/``baseline`` with a ``unit`` other than seconds, and
``target`` None; ``bench_memory`` holds megabytes against a target the same way). ``--quick``
passes ``n`` to the ``run()`` functions that take it, or the module's ``QUICK_KWARGS`` when it
defines them. A benchmark that raises is reported as a failed row. The
table is also written as Markdown to ``benchmarks/results/latest.md`` with the machine it ran on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import inspect
import os
import pkgutil
import platform
import subprocess
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "latest.md"
QUICK_N = 10_000
COLUMNS = ("benchmark", "value", "baseline", "baseline value", "ratio", "target", "ok?")


def discover() -> list[str]:
    """Module names of every ``benchmarks/bench_*.py``, sorted."""
    return sorted(m.name for m in pkgutil.iter_modules([str(HERE)]) if m.name.startswith("bench_"))


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.lower().startswith(("model name", "hardware", "processor\t: arm")):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def machine() -> str:
    return (f"{platform.platform()} · {cpu_model()} · {os.cpu_count()} cores · "
            f"Python {platform.python_version()} ({platform.python_implementation()})")


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE.parent, capture_output=True,
                             text=True, timeout=10)
        return out.stdout.strip() if out.returncode == 0 else ""
    except (OSError, subprocess.SubprocessError):
        return ""


def _fmt(value, unit: str = "s") -> str:
    if value is None:
        return "—"
    if unit != "s":
        return f"{value:,.1f} {unit}"
    if value >= 1:
        return f"{value:.3f} s"
    if value >= 1e-3:
        return f"{value * 1e3:.1f} ms"
    return f"{value * 1e6:.0f} µs"


def normalise(row: dict, module: str) -> dict:
    unit = row.get("unit", "s")
    value = row.get("value", row.get("value_s"))
    baseline = row.get("baseline", row.get("baseline_s"))
    ratio = row.get("ratio")
    if ratio is None and value is not None and baseline:
        ratio = value / baseline
    target = row.get("target")
    if row.get("error"):
        ok = "FAILED"
    elif target is None:
        ok = "info"
    elif ratio is None:
        ok = "?"
    else:
        ok = "yes" if ratio <= target else "NO"
    return {
        "module": module,
        "name": str(row.get("name", module)),
        "value": _fmt(value, unit) if not row.get("error") else "—",
        "baseline_name": str(row.get("baseline_name", "")),
        "baseline": _fmt(baseline, unit) if baseline is not None else "—",
        "ratio": f"{ratio:.2f}×" if ratio is not None else "—",
        "target": f"≤ {target:g}×" if target is not None else "—",
        "ok": ok,
        "error": row.get("error", ""),
    }


def run_module(name: str, *, quick: bool) -> tuple[list[dict], float]:
    """Rows of one benchmark module (a failed row when it raises) and its wall time."""
    t0 = time.perf_counter()
    try:
        module = importlib.import_module(f"benchmarks.{name}")
        run = module.run
        kwargs = {}
        if quick:
            params = inspect.signature(run).parameters
            kwargs = dict(getattr(module, "QUICK_KWARGS", {}) or ({"n": QUICK_N} if "n" in params else {}))
        rows = run(**kwargs)
        out = [normalise(r, name) for r in rows]
        if not out:
            out = [normalise({"name": name, "error": "run() returned no rows"}, name)]
    except BaseException as exc:  # noqa: BLE001 — one broken benchmark must not hide the others
        if isinstance(exc, KeyboardInterrupt):
            raise
        traceback.print_exc(file=sys.stderr)
        msg = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
        out = [normalise({"name": f"{name} (failed)", "error": msg}, name)]
    return out, time.perf_counter() - t0


def table_lines(rows: list[dict]) -> list[str]:
    cells = [[r["name"], r["value"], r["baseline_name"], r["baseline"], r["ratio"], r["target"],
              r["ok"] + (f": {r['error']}" if r["error"] else "")] for r in rows]
    widths = [max(len(COLUMNS[i]), *(len(c[i]) for c in cells)) if cells else len(COLUMNS[i])
              for i in range(len(COLUMNS))]

    def line(values) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths)) + " |"

    return [line(COLUMNS), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *(line(c) for c in cells)]


def print_rows(rows: list[dict], module: str = "") -> None:
    """Print raw ``run()`` rows as the table (used by each bench module's ``__main__``)."""
    print("\n".join(table_lines([normalise(r, module) for r in rows])))
    print(machine())


def markdown(rows: list[dict], *, quick: bool, started: dt.datetime, elapsed: float) -> str:
    commit = _commit()
    head = [
        "# Benchmark results",
        "",
        f"Run {started:%Y-%m-%d %H:%M} ({'--quick, smaller inputs: not a result' if quick else 'full size'}), "
        f"{elapsed:.0f} s in all{f', commit {commit}' if commit else ''}.",
        "",
        f"Machine: {machine()}",
        "",
        "Each figure and its baseline ran in the same process (or, for start-up and memory, in fresh processes "
        "from the same parent), "
        "best of several repeats; ratio = value / baseline, target = the most the issue allows.",
        "",
    ]
    return "\n".join(head + table_lines(rows)) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run_all", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"smaller inputs (n={QUICK_N:,}) to check they run")
    parser.add_argument("--only", action="append", default=[], help="run modules whose name contains this")
    parser.add_argument("--out", default=str(RESULTS), help="Markdown file to write (default: %(default)s)")
    args = parser.parse_args(argv)

    started = dt.datetime.now()
    t0 = time.perf_counter()
    names = [n for n in discover() if not args.only or any(o in n for o in args.only)]
    rows: list[dict] = []
    for name in names:
        print(f"… {name}", file=sys.stderr, flush=True)
        module_rows, seconds = run_module(name, quick=args.quick)
        print(f"  {name}: {seconds:.1f} s", file=sys.stderr, flush=True)
        rows.extend(module_rows)
    elapsed = time.perf_counter() - t0

    print("\n".join(table_lines(rows)))
    print(f"Machine: {machine()}")
    text = markdown(rows, quick=args.quick, started=started, elapsed=elapsed)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"Written to {out}")
    failed = [r for r in rows if r["ok"] == "FAILED"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    raise SystemExit(main())
