"""How the inventory reader gets its rows (issues 2 and 7): a chunk at a time, column by column, or
streamed for a sheet whose range is huge. Every way must give the same records and the same errors
as any other; the fast checks must agree with the general ones they stand in for."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migration_planner.inventory import FileProblem, ImportFailed, read_inventory
from migration_planner.inventory import workbook
from migration_planner.inventory.workbook import _ends_table, _table_end, _value_cells, streamed_sheets
from migration_planner.store import _dump_list

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample_inventory.xlsx"
SHEET_XML = "xl/worksheets/sheet1.xml"  # the sample's table sheet
HEADER = [
    "システムID", "システム名", "所管所属", "系統", "サーバ台数", "標準化対象業務", "住民基本系", "SaaS候補",
    "SaaS適合", "クラウド化阻害要因", "次期更新年度", "年間運用経費（千円）", "移行経費見込（千円）", "予算要求",
    "規模", "連携先システムID", "保守事業者", "備考",
]


def outcome(path, **kw):
    """Everything a read gives: records and warnings, or every issue, or the file's problem."""
    try:
        r = read_inventory(str(path), **kw)
    except ImportFailed as exc:
        return "failed", [i.to_json() for i in exc.issues]
    except FileProblem as exc:
        return "file", exc.message
    return "ok", r.sheet, r.header_row, [x.to_json() for x in r.records], [i.to_json() for i in r.warnings]


# ---------------------------------------------------------------- random tables
_ids = st.sampled_from(["S-1", "S-2", "S-3", "Ｓ－１", "S-4", "S-5", "", None, 1, 2.0])
_text = st.lists(st.sampled_from(list("ab 　ｱｶﾞ①,、・計tＴ-（）1２") + ["S-1", "S-2", "住民記録", "合計"]), max_size=5).map("".join)
_any = st.one_of(st.none(), _text, st.integers(-3, 3), st.floats(-5, 5, allow_nan=False, width=32), st.booleans(),
                 st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)),
                 # Whole seconds: a serial a hair past midnight (float noise) is a date-time to calamine
                 # and a date to the streamed reading (see workbook._as_calamine_reads).
                 st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2099, 12, 31)).map(lambda d: d.replace(microsecond=0)))
CELLS = {
    "システムID": _ids,
    "所管所属": st.one_of(st.sampled_from(["市民局", "財政局", "  ", None]), _any),
    "系統": st.one_of(st.sampled_from(["住民情報系基幹", "内部情報系基幹", "各局", "局", "本庁"]), _any),
    "サーバ台数": st.one_of(st.sampled_from([0, 1, 3, "１２", "12台", -1, 1.5, True]), _any),
    "標準化対象業務": st.one_of(st.sampled_from(["1,2", "6", "就学", "健康管理", "子ども・子育て支援", "21", 1, True]), _any),
    "住民基本系": st.one_of(st.sampled_from(["○", "×", "はい", "対象外", "2", 1, 0, True, False]), _any),
    "SaaS適合": st.one_of(st.sampled_from(["適合", "不適合", "未検討", "たぶん"]), _any),
    "次期更新年度": st.one_of(st.sampled_from(["R7", "令和8年度", "FY2025", "H30", 2030, 2030.0, True, "来年"]), _any),
    "年間運用経費（千円）": st.one_of(st.sampled_from(["1,234千円", "１２３", "1千円2", -5, 7.5, True]), _any),
    "規模": st.one_of(st.sampled_from(["大", "中", "小", "特大"]), _any),
    "連携先システムID": st.one_of(st.sampled_from(["S-1", "S-2,S-3", "Z-9", "S-1・S-2", " S-2 , S-1 "]), _any),
}
VALID = {"システムID": "S-9", "システム名": "名", "所管所属": "市民局", "系統": "各局", "サーバ台数": 1}


@st.composite
def tables(draw):
    """Header and rows: valid rows, rows with random cells (repeated IDs, wrong forms, blanks), and
    now and then a blank row or a 合計 row (where the table ends)."""
    rows = []
    for n in range(draw(st.integers(0, 9))):
        kind = draw(st.sampled_from(["valid", "random", "random", "random", "end"]))
        if kind == "valid":
            rows.append([{**VALID, "システムID": f"V-{n}"}.get(h) for h in HEADER])
        elif kind == "random":
            rows.append([draw(CELLS.get(h, _any)) for h in HEADER])
        else:
            rows.append(draw(st.sampled_from([[None] * len(HEADER), ["合計"], [None, "計"]])))
    return rows


def write(rows, folder: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "システム一覧"
    ws.append(["一覧"])
    ws.append(HEADER)
    for r in rows:
        ws.append([v if not (isinstance(v, str) and v.startswith("=")) else "'" + v for v in r])
    path = folder / "t.xlsx"
    wb.save(path)
    return path


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(tables())
def test_any_chunk_size_and_the_streamed_reading_give_the_same_outcome(monkeypatch, rows):
    """The reader types a chunk of rows at a time and keeps IDs from chunk to chunk: a repeated ID,
    an error, the table's end may fall anywhere in a chunk or across chunks. Reading one row, two
    rows or all rows at a time, and streaming the sheet (openpyxl) instead of loading it whole
    (calamine), must give the same records and warnings, or the same errors in the same order."""
    with tempfile.TemporaryDirectory() as folder:
        path = write(rows, Path(folder))
        whole = outcome(path)
        for size in (1, 2, 3):
            monkeypatch.setattr(workbook, "CHUNK_ROWS", size)
            assert outcome(path) == whole, size
        monkeypatch.setattr(workbook, "CHUNK_ROWS", 2)
        assert outcome(path, stream=True) == whole


def test_the_sample_reads_the_same_streamed(sample_path):
    assert outcome(sample_path, stream=True) == outcome(sample_path)
    assert outcome(sample_path)[0] == "ok" and len(outcome(sample_path)[3]) == 60


def test_a_repeated_id_across_chunks_is_reported_at_its_row_with_the_first_row(monkeypatch, make_workbook):
    H = make_workbook.HEADER
    row = lambda sid, name: [sid, name, "市民局", "各局", 1]  # noqa: E731
    path = make_workbook(H[:5], [row("A", "一"), row("B", "二"), row("C", "三"), row("A", "四"), row("B", "五")])
    monkeypatch.setattr(workbook, "CHUNK_ROWS", 2)
    with pytest.raises(ImportFailed) as exc:
        read_inventory(str(path))
    assert [(e.row, e.value, e.message) for e in exc.value.errors] == [
        (5, "A", "システムIDが重複しています（2行と同じ）"), (6, "B", "システムIDが重複しています（3行と同じ）")]


_link_ids = st.sampled_from(["S-1", "S-2", "S-3", "Ｓ－２", "Z-9"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["S-1", "S-2", "S-3", "S-4", "S-5", "S-6"]),
                          st.lists(_link_ids, max_size=3), st.sampled_from([",", "、", "・", "\n", " , "])),
                min_size=1, max_size=8))
def test_rows_read_whole_report_repeated_ids_and_links_as_the_contract_says(monkeypatch, rows):
    """Valid rows (read whole, a chunk at a time: their IDs and links are checked against sets at the
    end) but for repeated IDs and links naming no system or their own row: reported like this,
    the repeated IDs in row order, then the links in row order, whatever the chunk size."""
    from migration_planner.values import nfkc

    header_row = 2  # below the title row (see ``write``)
    first: dict[str, int] = {}
    expected = []
    for n, (sid, _links, _sep) in enumerate(rows):
        row = header_row + 1 + n
        if sid in first:
            expected.append((row, "システムID", sid, f"システムIDが重複しています（{first[sid]}行と同じ）"))
        else:
            first[sid] = row
    for n, (sid, links, _sep) in enumerate(rows):
        for target in dict.fromkeys(map(nfkc, links)):
            message = ("連携先のシステムIDが表にありません" if target not in first else
                       "自分自身を連携先にしています" if target == sid else None)
            if message:
                expected.append((header_row + 1 + n, "連携先システムID", target, message))
    cells = [[{**VALID, "システムID": sid, "連携先システムID": sep.join(links) or None}.get(h) for h in HEADER]
             for sid, links, sep in rows]
    with tempfile.TemporaryDirectory() as folder:
        path = write(cells, Path(folder))
        for size in (1000, 1, 2, 3):
            monkeypatch.setattr(workbook, "CHUNK_ROWS", size)
            if not expected:
                assert [r.links_to for r in read_inventory(str(path)).records] == [
                    list(dict.fromkeys(map(nfkc, links))) for _sid, links, _sep in rows]
                continue
            with pytest.raises(ImportFailed) as exc:
                read_inventory(str(path))
            assert [(e.row, e.column, e.value, e.message) for e in exc.value.errors] == expected, size


# ---------------------------------------------------------------- a column's values, parsed once each
_mixed = st.one_of(
    st.none(), st.sampled_from(["", " ", "0", "1", "1,234", "１，２３４千円", "12千円", "-5", "1.5", "△3", "abc", "12台",
                                "○", "×", "はい", "R7", "令和8年度", "FY2025", "各局", "局", "中規模", "適合", "6-a",
                                "就学", "1,2"]),
    st.booleans(), st.integers(-3, 3), st.sampled_from([0.0, -0.0, 1.0, 2.0, 1.5, 2.5, -1.0, 2030.0, 45000.0]),
    st.floats(allow_nan=True, allow_infinity=True), st.integers(0, 10**7),
    st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(st.lists(_mixed, max_size=12), st.lists(_mixed, max_size=12))
def test_a_column_parsed_once_per_value_reads_as_cell_by_cell(first, second):
    """The fast path parses each distinct value of a column once and looks it up after (keys equal
    as True == 1 == 1.0 must not be taken for one another), and reads amounts a column at a time:
    each cell must read as its parser reads it alone, in this chunk and the next."""
    from migration_planner.inventory import loader
    from migration_planner.values import ValueProblem, is_blank, parse_amount, parse_count, parse_fiscal_year, parse_flag

    parsers = loader._Parsers()
    columns = [(parsers.tier, loader._tier, ""), (parsers.servers, parse_count, 0),
               (parsers.workloads, loader._workload_codes, ()), (parsers.flag, parse_flag, False),
               (parsers.fit, loader._fit, "未検討"), (parsers.year, parse_fiscal_year, None),
               (parsers.scale, loader._scale, ""), (parsers.amount, parse_amount, None)]

    def alone(parse, default, required, cell):
        if is_blank(cell):
            return loader._BAD if required else default
        try:
            return parse(cell)
        except ValueProblem:
            return loader._BAD

    for cells in (first, second, first):
        for parsed, parse, default in columns:
            got = (loader._amount_column(tuple(cells), parsed) if parse is parse_amount
                   else loader._parse_column(tuple(cells), parsed))
            expected = [alone(parse, default, parsed.required, c) for c in cells]
            assert [(type(v), v) if v is not loader._BAD else v for v in got] == [
                (type(v), v) if v is not loader._BAD else v for v in expected], parse.__name__


@pytest.fixture(scope="module")
def inventory_2000(tmp_path_factory):
    from benchmarks.generators import write_inventory

    return write_inventory(tmp_path_factory.mktemp("inventory") / "i.xlsx", 2000)


_YOUNG_MADE_OLD_SCRIPT = r"""
import gc, json, sys, weakref
from migration_planner.inventory import read_inventory

class Node:
    pass

def garbage_cycle():
    node = Node()
    node.me = node
    return weakref.ref(node)

passes = []
gc.callbacks.append(lambda phase, info: passes.append(info["generation"]) if phase == "start" else None)
gc.collect()
passes.clear()
before = garbage_cycle()
result = read_inventory(sys.argv[1])
[[] for _ in range(1000)]  # allocations after the read: more than one young pass waits for
after_read = list(passes)
after = garbage_cycle()
frozen = gc.get_freeze_count()
gc.collect()
out = {"records": len(result.records), "passes": after_read, "frozen": frozen,
       "cycles_collected": before() is None and after() is None}
gc.freeze()  # objects someone froze (the window freezes what its start-up made)
held = gc.get_freeze_count()
read_inventory(sys.argv[1])
out["frozen_kept"] = gc.get_freeze_count() == held
print(json.dumps(out))
"""


def test_what_a_read_built_is_not_left_for_a_pass_of_the_young_generation(inventory_2000):
    """The collector is paused while reading; the records it built then go to the oldest generation
    at once (loader._young_made_old), so that the first allocation after the read does not run a
    pass over all of them. Cyclic garbage made before or after is still collected, no object stays
    frozen, and objects frozen by someone else stay frozen. (In a fresh interpreter: importing
    ``ui`` freezes what it loaded.)"""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", _YOUNG_MADE_OLD_SCRIPT, str(inventory_2000)], cwd=REPO,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"records": 2000, "passes": [0], "frozen": 0, "cycles_collected": True,
                                      "frozen_kept": True}


# ---------------------------------------------------------------- the table's end, column-wise
_first = st.one_of(st.none(), st.sampled_from(["", " ", "　", "合計", "合　計", "計", "Total", "ｔｏｔａｌ", "(計)", "SYS1",
                                                "ＳＹＳ１", "小計", "A-01", "住民記録", "t", 1.0, 0, True, dt.date(2025, 4, 1)]),
                   st.text(max_size=4))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_first, min_size=3, max_size=3), max_size=12), st.integers(0, 2))
def test_the_column_wise_end_of_table_agrees_with_the_row_by_row_test(rows, first_col):
    used = list(range(first_col, 3))
    expected = next((i for i, r in enumerate(rows) if _ends_table(r, used, first_col)), len(rows))
    assert _table_end(rows, used, first_col) == expected


# ---------------------------------------------------------------- a sheet's range, before loading it
def rebuild(dest: Path, xml: bytes) -> Path:
    with zipfile.ZipFile(SAMPLE) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, xml if info.filename == SHEET_XML else zin.read(info.filename))
    return dest


def sample_xml() -> bytes:
    with zipfile.ZipFile(SAMPLE) as zf:
        return zf.read(SHEET_XML)


def test_a_sheet_is_streamed_only_when_its_values_span_a_huge_range(tmp_path, monkeypatch):
    xml = sample_xml()
    stray = xml.replace(b"</sheetData>", b'<row r="1048576"><c r="R1048576"><v>1</v></c></row></sheetData>')
    formatted = xml.replace(b"</sheetData>", b'<row r="1048576" s="1"><c r="R1048576" s="1"/></row></sheetData>')
    assert streamed_sheets(str(SAMPLE)) == set()
    assert streamed_sheets(str(rebuild(tmp_path / "stray.xlsx", stray))) == {"システム一覧"}
    assert streamed_sheets(str(rebuild(tmp_path / "formatted.xlsx", formatted))) == set()
    # A sheet too large to scan is judged by the range it declares, scanned when that is huge.
    monkeypatch.setattr(workbook, "SCAN_BYTES_MAX", 1000)
    assert streamed_sheets(str(SAMPLE)) == set()  # declares A1:R67
    big = rebuild(tmp_path / "declared.xlsx", formatted.replace(b'<dimension ref="A1:R67"', b'<dimension ref="A1:R1048576"'))
    assert streamed_sheets(str(big)) == set()  # declared huge, but its values end at row 67
    big = rebuild(tmp_path / "declared2.xlsx", stray.replace(b'<dimension ref="A1:R67"', b'<dimension ref="A1:R1048576"'))
    assert streamed_sheets(str(big)) == {"システム一覧"}


@pytest.mark.parametrize("xml, cells", [
    (b'<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="C2" t="s"><v>0</v></c></row></sheetData>', 2 * 3),
    (b'<x:sheetData><x:row r="9"><x:c r="B9" t="n"><x:v>1</x:v></x:c></x:row></x:sheetData>', 9 * 2),
    (b'<sheetData><row r="5"><c r="Z500" s="3"/><c r="B5"><v>1</v></c></row></sheetData>', 5 * 2),  # styled, no value
    (b'<cols><col min="1" max="16384"/></cols><sheetData><row r="1"><c r="XFD1048576"><v>1</v></c></row></sheetData>',
     16384 * 1048576),
    (b'<sheetData><row><c><v>1</v></c></row></sheetData>', None),  # no references: cannot tell
])
def test_the_values_range_is_read_from_the_xml(xml, cells):
    import io

    assert _value_cells(io.BytesIO(xml)) == cells


def test_a_sheet_read_in_small_pieces_is_scanned_the_same(monkeypatch):
    import io

    xml = sample_xml()
    whole = _value_cells(io.BytesIO(xml))
    monkeypatch.setattr(workbook, "_SCAN_CHUNK", 97)  # tags cut anywhere
    assert _value_cells(io.BytesIO(xml)) == whole == 67 * 18


# ---------------------------------------------------------------- saving
@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=6), st.sampled_from(['"', "\\", "\n", "\x00", "ｘ", "S-1"]),
                          st.integers(0, 9)), max_size=5))
def test_lists_are_saved_as_json_dumps_writes_them(items):
    assert _dump_list(items) == json.dumps(items, ensure_ascii=False)


def test_a_text_column_of_mostly_new_values_is_read_all_at_once_from_then_on():
    """Departments and vendors repeat: each distinct text is normalised once and shared. A column
    that turns out to hold new values row after row stops keeping them, with the same results."""
    from migration_planner.inventory.loader import _Texts
    from migration_planner.values import nfkc

    column = _Texts([])
    repeated = ["市民局", "ｻﾞ局", "", None, " 財政局 "] * 200
    assert column.column(repeated) == [nfkc(v) for v in repeated] and column.repeats
    assert column.column(repeated)[1] is column.column(repeated)[1]  # one string for all the rows
    new = [f"事業者Ｎｏ．{i}" for i in range(1000)]
    assert column.column(new) == [nfkc(v) for v in new] and not column.repeats and not column
    assert column.column(repeated) == [nfkc(v) for v in repeated]
