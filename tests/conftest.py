"""Shared fixtures: the bundled sample, a fresh plan, and a factory of inventory workbooks."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # GUI tests by others run with no display
# The window's working copies (ui/recovery.py: AppDataLocation/recovery) and default settings go
# to a folder of this test run, never the tester's own (XDG paths are what Qt reads on Linux).
import tempfile as _tempfile  # noqa: E402

_RUN_HOME = _tempfile.mkdtemp(prefix="mp-tests-")
os.environ["XDG_DATA_HOME"] = os.path.join(_RUN_HOME, "data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_RUN_HOME, "config")

import re  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import zipfile  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402
from xml.sax.saxutils import escape  # noqa: E402

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample_inventory.xlsx"

#: The contract's headers, in the contract's order (../shared/inventory-format.md).
HEADER = [
    "システムID", "システム名", "所管所属", "系統", "サーバ台数", "標準化対象業務", "住民基本系", "SaaS候補",
    "SaaS適合", "クラウド化阻害要因", "次期更新年度", "年間運用経費（千円）", "移行経費見込（千円）", "予算要求",
    "規模", "連携先システムID", "保守事業者", "備考",
]
REQUIRED = HEADER[:5]


@dataclass(frozen=True)
class Formula:
    """A cell holding a formula and the value Excel cached for it (what a reader must see)."""

    formula: str          # e.g. "=A2*2"
    cached: object        # str, int or float


class WorkbookFactory:
    """``make_workbook(header, rows, ...)`` writes an .xlsx with openpyxl and returns its path.

    Options: ``title_rows`` (rows written above the header), ``total_row`` (a row written after the
    data, e.g. ``["合計", ...]``), ``sheets_before`` / ``sheets_after`` (``[(name, rows)]``),
    ``sheet`` (the table's sheet name), ``start_col`` (1-based column of the table's first column),
    ``name`` (file name). Cells may be ``datetime``/``date`` (written as Excel dates) or
    :class:`Formula` (written as a formula with a cached value by post-processing the sheet XML,
    since openpyxl cannot write cached values).
    """

    Formula = Formula
    HEADER = HEADER

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._n = 0

    def __call__(
        self,
        header: list | None,
        rows: list[list],
        *,
        title_rows: list[list] = (),
        total_row: list | None = None,
        sheets_before: list[tuple[str, list[list]]] = (),
        sheets_after: list[tuple[str, list[list]]] = (),
        sheet: str = "システム一覧",
        start_col: int = 1,
        name: str | None = None,
    ) -> Path:
        import openpyxl

        self._n += 1
        path = self.folder / (name or f"inventory_{self._n}.xlsx")
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        formulas: dict[int, dict[str, object]] = {}  # sheet index → {cell ref: cached value}

        def write(ws, index: int, all_rows: list[list], col0: int = 1) -> None:
            for r, values in enumerate(all_rows, start=1):
                for c, value in enumerate(values, start=col0):
                    if value is None:
                        continue
                    cell = ws.cell(row=r, column=c)
                    if isinstance(value, Formula):
                        cell.value = value.formula
                        formulas.setdefault(index, {})[cell.coordinate] = value.cached
                    else:
                        cell.value = value
                        if hasattr(value, "year") and hasattr(value, "month"):
                            cell.number_format = "yyyy/mm/dd"

        index = 0
        for sheet_name, sheet_rows in sheets_before:
            index += 1
            write(wb.create_sheet(sheet_name), index, sheet_rows)
        index += 1
        table = list(title_rows) + ([list(header)] if header is not None else []) + [list(r) for r in rows]
        if total_row is not None:
            table.append(list(total_row))
        write(wb.create_sheet(sheet), index, table, start_col)
        for sheet_name, sheet_rows in sheets_after:
            index += 1
            write(wb.create_sheet(sheet_name), index, sheet_rows)
        wb.save(path)
        if formulas:
            _add_cached_values(path, formulas)
        return path


def _add_cached_values(path: Path, formulas: dict[int, dict[str, object]]) -> None:
    """Give each formula cell its cached value (``<v>``) inside the sheet XML of the zip."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            m = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", info.filename)
            if m and int(m.group(1)) in formulas:
                xml = data.decode("utf-8")
                for ref, cached in formulas[int(m.group(1))].items():
                    pattern = re.compile(r'<c r="%s"([^>]*)><f>(.*?)</f><v\s*/>' % ref)
                    assert pattern.search(xml), f"formula cell {ref} not found in {info.filename}"
                    if isinstance(cached, str):
                        repl = lambda mm, c=cached: f'<c r="{ref}"{mm.group(1)} t="str"><f>{mm.group(2)}</f><v>{escape(c)}</v>'
                    else:
                        repl = lambda mm, c=cached: f'<c r="{ref}"{mm.group(1)}><f>{mm.group(2)}</f><v>{c}</v>'
                    xml = pattern.sub(repl, xml, count=1)
                data = xml.encode("utf-8")
            dst.writestr(info, data)
    shutil.move(tmp, path)


@pytest.fixture
def sample_path() -> Path:
    """The repository's bundled sample_inventory.xlsx (60 illustrative systems)."""
    assert SAMPLE.exists(), "sample_inventory.xlsx is missing from the repository"
    return SAMPLE


@pytest.fixture
def plan(tmp_path):
    """A new, empty plan in a temporary folder, closed after the test."""
    from migration_planner.store import Plan

    p = Plan.open(str(tmp_path / "p.mplan"))
    try:
        yield p
    finally:
        p.close()


@pytest.fixture
def make_workbook(tmp_path) -> WorkbookFactory:
    return WorkbookFactory(tmp_path)


@pytest.fixture
def repo_root() -> Path:
    return REPO


@pytest.fixture
def python() -> str:
    return sys.executable


@pytest.fixture(autouse=True)
def _message_boxes_answer_by_default(request, monkeypatch):
    """A modal ``QMessageBox.exec`` that a GUI test did not arrange for would wait forever.

    It is answered with its default button instead (for 「変更を保存しますか？」 at a window's
    close: 保存, into the test's own temporary plan) and its text is recorded in
    ``request.node.message_boxes``. Tests that answer boxes themselves patch ``exec`` again.
    """
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield
        return
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []
    request.node.message_boxes = seen

    def answer(box):
        seen.append(box.text())
        button = box.defaultButton() or box.escapeButton()
        if button is not None:
            button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)

    # The static helpers (question, warning, …) run their own box in C++, past ``exec`` above: a
    # window closed while a job still runs asks 「処理の途中です…」 with one and would wait forever.
    def static(kind, accept):
        def box(_parent, _title, text, *args, **kwargs):
            seen.append(text)
            return accept
        monkeypatch.setattr(QMessageBox, kind, staticmethod(box))

    yes, ok = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok
    for kind, accept in (("question", yes), ("warning", ok), ("information", ok), ("critical", ok)):
        static(kind, accept)
    yield


@pytest.fixture
def sample_window(qtbot, tmp_path):
    """A shown MainWindow on a new plan ``tmp_path/plan.mplan`` holding the imported sample
    (settings in ``tmp_path/settings.ini``); closed afterwards."""
    from PySide6.QtCore import QSettings

    from ui.main_window import MainWindow

    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    assert w.open_plan(str(tmp_path / "plan.mplan"), create=True)
    with qtbot.waitSignal(w.sig_import_finished, timeout=30000) as blocker:
        w.import_file(str(SAMPLE), confirm=False)
    assert blocker.args == [True]
    yield w
    w.close()


@pytest.fixture
def classify_calls(monkeypatch):
    """The ``ids`` of every call of ``classify`` the board makes (None: the whole plan)."""
    import ui.placement_board as board_module

    calls: list = []
    real = board_module.classify

    def counting(plan, ids=None):
        calls.append(None if ids is None else sorted(ids))
        return real(plan, ids) if ids is not None else real(plan)

    monkeypatch.setattr(board_module, "classify", counting)
    return calls


def pytest_collection_finish(session):
    """ui/__init__ pauses the garbage collector until the first window is drawn (start-up speed):
    the tests run with it on, as the program does once its window is up."""
    ui = sys.modules.get("ui")
    if ui is not None:
        ui.start_done()
