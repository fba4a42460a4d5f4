"""Exports: the plan as one Excel workbook, each table as CSV, each chart as PNG and PDF.

Public API
----------
- ``export_plan(plan, options, state=NULL_STATE) -> ExportResult``: read the plan once
  (:func:`.data.collect`) and write what ``options`` asks for. Long: reports progress and honours
  cancellation through ``state`` (run it off the GUI thread).
- ``ExportOptions(out=…, csv_dir=…, charts_dir=…, scenario=…, as_of=…)``.
- ``ExportError``: the export cannot be made as asked (unknown scenario, a folder that is not
  there or not writable, a file open in Excel); ``str(exc)`` is Japanese.
- ``atomic_write(path, fill)``: every file is written to a temporary name in its own folder and
  renamed into place with ``os.replace``, so a failure or a cancellation never leaves half a file
  (and an existing file stays as it was).

The sheets are described in :mod:`.excel`, the formulas of 補助金試算 in :mod:`.subsidy_sheet`,
the text-stays-text rules in :mod:`.xlsx` (workbook) and :mod:`.csv_export` (CSV).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from migration_planner.export.data import ExportData, ExportError, collect
from migration_planner.tasks import NULL_STATE, TaskState

XLSX_SUFFIX = ".xlsx"
_UMASK_LOCK = threading.Lock()


@dataclass(slots=True)
class ExportOptions:
    out: str | None = None              # the workbook (.xlsx)
    csv_dir: str | None = None
    charts_dir: str | None = None
    scenario: str | None = None         # only this subsidy scenario (with the baseline); its waterfall
    as_of: dt.date | None = None        # the schedule's as-of date (default today)
    samples: int = 2000                 # Monte Carlo samples for P(on time)
    seed: int = 0


@dataclass(slots=True)
class ExportResult:
    workbook: str | None
    csv_files: list[str] = field(default_factory=list)
    chart_files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: scenario → figure → cell of the 補助金試算 sheet (e.g. shortfall → "B24").
    subsidy_cells: dict[str, dict[str, str]] = field(default_factory=dict)
    #: scenario → fiscal year → component → cell of the by-year table (and "check" → its check cell).
    subsidy_years: dict[str, dict] = field(default_factory=dict)

    @property
    def files(self) -> list[str]:
        return ([self.workbook] if self.workbook else []) + self.csv_files + self.chart_files


def _umask() -> int:
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


#: A temporary file of an earlier export older than this was left by a killed program: removed.
STALE_TEMP_SECONDS = 3600


def _remove_stale_temps(folder: str, name: str) -> None:
    """Delete ``.{name}.*.tmp`` files beside the target that a killed export left behind.

    Only files older than :data:`STALE_TEMP_SECONDS`, so an export of the same name running at
    this moment in another window keeps its file. Failures are ignored: this is tidying up.
    """
    import glob
    import time

    limit = time.time() - STALE_TEMP_SECONDS
    for leftover in glob.glob(os.path.join(glob.escape(folder), f".{glob.escape(name)}.*.tmp")):
        try:
            if os.path.getmtime(leftover) < limit:
                os.unlink(leftover)
        except OSError:
            pass


def atomic_write(path: str, fill: Callable[[str], None]) -> None:
    """Call ``fill(tmp)`` to write a temporary file beside ``path``, then rename it to ``path``.

    On any failure (or cancellation) the temporary file is removed and ``path`` is untouched.
    Raises :class:`ExportError` for a folder that cannot be written or a target that is locked.
    """
    folder = os.path.dirname(os.path.abspath(path))
    name = os.path.basename(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(f"フォルダ「{folder}」に書き込めません（{exc.strerror or exc}）。") from None
    os.close(fd)
    _remove_stale_temps(folder, name)
    try:
        fill(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual permissions
        try:
            os.replace(tmp, path)
        except PermissionError:
            raise ExportError(f"「{name}」を上書きできません。Excelなどで開いていれば閉じてから、もう一度出力してください。") from None
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _check_folder(folder: str, what: str, *, create: bool) -> str:
    folder = os.path.abspath(folder)
    if not os.path.isdir(folder):
        if os.path.exists(folder):
            raise ExportError(f"{what}「{folder}」はフォルダではありません。")
        if not create:
            raise ExportError(f"{what}「{folder}」がありません。")
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            raise ExportError(f"{what}「{folder}」を作れません（{exc.strerror or exc}）。") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"{what}「{folder}」に書き込む権限がありません。")
    return folder


def check_options(options: ExportOptions) -> None:
    """Refuse, before any work, what cannot be written (Japanese :class:`ExportError`)."""
    if not (options.out or options.csv_dir or options.charts_dir):
        raise ExportError("出力先（Excelファイル、CSVのフォルダ、グラフのフォルダ）を指定してください。")
    if options.out:
        if not options.out.lower().endswith(XLSX_SUFFIX):
            raise ExportError(f"出力ファイル「{os.path.basename(options.out)}」の拡張子は .xlsx にしてください。")
        if os.path.isdir(options.out):
            raise ExportError(f"「{options.out}」はフォルダです。出力するファイル名（.xlsx）を指定してください。")
        _check_folder(os.path.dirname(os.path.abspath(options.out)), "出力先のフォルダ", create=False)
        if os.path.exists(options.out) and not os.access(options.out, os.W_OK):
            raise ExportError(f"「{os.path.basename(options.out)}」は読み取り専用のため上書きできません。")
    if options.csv_dir:
        _check_folder(options.csv_dir, "CSVの出力先", create=True)
    if options.charts_dir:
        _check_folder(options.charts_dir, "グラフの出力先", create=True)


def export_data(data: ExportData, options: ExportOptions, state: TaskState = NULL_STATE) -> ExportResult:
    """Write what ``options`` asks for from already collected ``data``."""
    from migration_planner.export.excel import write_workbook

    check_options(options)
    result = ExportResult(None, notes=list(data.notes))
    if options.out:
        layouts = []
        atomic_write(options.out, lambda tmp: layouts.append(write_workbook(tmp, data, state=state)))
        result.workbook = os.path.abspath(options.out)
        result.subsidy_cells = layouts[0].result_cells
        result.subsidy_years = layouts[0].year_cells
    # Once a file is in place the export finishes: a cancel from here on would report "nothing
    # written" over files that were. Before the first rename, a cancel leaves no file behind.
    progress = state.note if options.out else state.report
    if options.csv_dir:
        from migration_planner.export.csv_export import write_csvs

        progress(0.9, "CSVを書き出しています")
        result.csv_files = write_csvs(options.csv_dir, data, atomic_write)
    if options.charts_dir:
        from migration_planner.export.charts import write_charts

        (state.note if options.out or options.csv_dir else state.report)(0.94, "グラフを書き出しています")
        result.chart_files = write_charts(options.charts_dir, data, atomic_write)
        if data.schedule is None:
            result.notes.append("工程表がないため、標準化スケジュールのグラフは出力していません。")
    state.note(1.0, "出力しました")
    return result


def export_plan(plan, options: ExportOptions, state: TaskState = NULL_STATE) -> ExportResult:
    """Export ``plan`` as ``options`` asks (workbook, CSV files, charts). See the module docstring."""
    check_options(options)
    data = collect(plan, as_of=options.as_of, scenario=options.scenario, samples=options.samples,
                   seed=options.seed, state=state)
    return export_data(data, options, state)


__all__ = [
    "ExportData", "ExportError", "ExportOptions", "ExportResult", "atomic_write", "check_options", "collect",
    "export_data", "export_plan",
]
