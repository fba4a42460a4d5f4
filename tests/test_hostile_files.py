"""Hostile files (issue 7): each gets a clear Japanese message, quickly and with bounded memory, and
the plan is left unchanged. A property test: random inventories give a result or our own error."""

from __future__ import annotations

import datetime as dt
import json
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migration_planner.inventory import FileProblem, ImportFailed, ImportResult, read_inventory
from migration_planner.workloads import WORKLOAD_CODES

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample_inventory.xlsx"
SHEET_XML = "xl/worksheets/sheet1.xml"  # the sample's table sheet
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: What a planner may wait for one bad file, on a slow shared machine.
QUICK = 5.0

ENTITY_BOMB_DTD = (
    b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&%s;" % bytes([97 + i])) * 10) for i in range(9))
    + b"]>"
)


# ---------------------------------------------------------------- building the corpus
def rebuild(dest: Path, replace: dict[str, bytes], *, src: Path = SAMPLE) -> Path:
    """A copy of ``src`` (a real workbook) with some members replaced (or added)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, replace.get(info.filename, zin.read(info)))
        for name in set(replace) - set(zin.namelist()):
            zout.writestr(name, replace[name])
    return dest


def sheet_xml() -> bytes:
    with zipfile.ZipFile(SAMPLE) as z:
        return z.read(SHEET_XML)


def without_prolog(xml: bytes) -> bytes:
    return xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml


def patch_declared_size(path: Path, member: str, size: int) -> None:
    """Rewrite ``member``'s declared uncompressed size in its local header and central directory."""
    buf = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        offset = z.getinfo(member).header_offset
    assert buf[offset:offset + 4] == b"PK\x03\x04"
    struct.pack_into("<I", buf, offset + 22, size)
    name = member.encode()
    cd = buf.find(b"PK\x01\x02")
    while buf[cd + 46:cd + 46 + struct.unpack_from("<H", buf, cd + 28)[0]] != name:
        cd = buf.find(b"PK\x01\x02", cd + 4)
        assert cd > 0
    struct.pack_into("<I", buf, cd + 24, size)
    path.write_bytes(bytes(buf))


def make_old_xls(p: Path) -> None:
    # An OLE2 compound document header (what Excel 97–2003 writes) followed by sectors of junk.
    p.write_bytes(OLE2 + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + b"\x00" * 480 + "Workbook".encode("utf-16-le") + bytes(range(256)) * 8)


def make_encrypted(p: Path) -> None:
    # A password-protected .xlsx is an OLE2 container with EncryptionInfo and EncryptedPackage streams.
    body = b"\x00" * 512 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le")
    p.write_bytes(OLE2 + b"\x00" * 504 + body + b"\x5a" * 4096)


def make_csv_utf8(p: Path) -> None:
    p.write_text("システムID,システム名,所管所属,系統,サーバ台数\nA-1,住民,市民局,各局,3\n", encoding="utf-8")


def make_csv_cp932(p: Path) -> None:
    p.write_bytes("システムID,システム名,所管所属,系統,サーバ台数\r\nA-1,住民,市民局,各局,3\r\n".encode("cp932"))


def make_truncated(p: Path) -> None:
    data = SAMPLE.read_bytes()
    p.write_bytes(data[: len(data) // 2])


def make_empty(p: Path) -> None:
    p.write_bytes(b"")


def make_zip_not_workbook(p: Path) -> None:
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("readme.txt", "これはExcelではありません")
        z.writestr("word/document.xml", "<w:document/>")


def make_random_binary(p: Path) -> None:
    p.write_bytes(bytes((i * 7919) % 251 for i in range(8192)))


def make_entity_bomb(p: Path) -> None:
    xml = without_prolog(sheet_xml())
    xml = xml.replace(b"<sheetData>", b'<sheetData><row r="1000"><c r="A1000" t="inlineStr"><is><t>&j;</t></is></c></row>', 1)
    rebuild(p, {SHEET_XML: b'<?xml version="1.0" encoding="UTF-8"?>' + ENTITY_BOMB_DTD + xml})


def make_hidden_entity_bomb(p: Path) -> None:
    # The DTD pushed past the first 64 KB by a long comment in the prolog.
    xml = without_prolog(sheet_xml())
    prolog = b'<?xml version="1.0" encoding="UTF-8"?><!--' + b"x" * 100_000 + b"-->"
    rebuild(p, {SHEET_XML: prolog + ENTITY_BOMB_DTD + xml})


def make_entity_bomb_in_shared_strings(p: Path) -> None:
    rebuild(p, {"xl/sharedStrings.xml": b'<?xml version="1.0"?>' + ENTITY_BOMB_DTD.replace(b"worksheet", b"sst")
                + b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&j;</t></si></sst>'})


def make_utf16_entity_bomb(p: Path) -> None:
    # The same DTD in a small UTF-16 part: invisible to a search for the bytes b"<!DOCTYPE".
    sst = ('<?xml version="1.0" encoding="UTF-16"?>' + ENTITY_BOMB_DTD.decode().replace("worksheet", "sst")
           + '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&j;</t></si></sst>')
    rebuild(p, {"xl/sharedStrings.xml": sst.encode("utf-16")})


def make_zip_bomb(p: Path) -> None:
    # 200 MB of one repeated byte, deflated to ~200 KB: a sheet that inflates far beyond its file.
    with zipfile.ZipFile(SAMPLE) as zin, zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename == SHEET_XML:
                zi = zipfile.ZipInfo(SHEET_XML)
                zi.compress_type = zipfile.ZIP_DEFLATED
                with zout.open(zi, "w", force_zip64=True) as w:
                    chunk = b"<" * (1 << 20)
                    for _ in range(200):
                        w.write(chunk)
            else:
                zout.writestr(info.filename, zin.read(info))


def make_declared_gigabytes(p: Path) -> None:
    # A small file whose central directory says the sheet inflates to 3.5 GB.
    rebuild(p, {})
    patch_declared_size(p, SHEET_XML, 3_500_000_000)


def make_lying_sizes(p: Path) -> None:
    # The opposite lie: the sheet declares 200 KB but inflates to 50 MB (only reading finds out).
    xml = sheet_xml().replace(b"<sheetData>", b"<sheetData>" + b" " * (50 << 20), 1)
    rebuild(p, {SHEET_XML: xml})
    patch_declared_size(p, SHEET_XML, 200_000)


def make_damaged_sheet(p: Path) -> None:
    rebuild(p, {SHEET_XML: b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ID</t>'})


def make_no_sheets(p: Path) -> None:
    rebuild(p, {"xl/workbook.xml": b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets/></workbook>'})


def make_empty_workbook(p: Path) -> None:
    import openpyxl

    openpyxl.Workbook().save(p)


#: kind → (builder, words the message must contain)
CORPUS = {
    "old-xls": (make_old_xls, ["古いExcel形式", ".xls", "保存し直して"]),
    "encrypted": (make_encrypted, ["パスワード"]),
    "csv-utf8": (make_csv_utf8, ["CSV"]),
    "csv-cp932": (make_csv_cp932, ["CSV"]),
    "truncated": (make_truncated, ["壊れている", "途中で切れて"]),
    "empty-file": (make_empty, ["空"]),
    "zip-not-workbook": (make_zip_not_workbook, ["zip形式", "Excelブック"]),
    "random-binary": (make_random_binary, ["Excelブックではない"]),
    "entity-bomb": (make_entity_bomb, ["DTD", "XML爆弾"]),
    "hidden-entity-bomb": (make_hidden_entity_bomb, ["DTD", "XML爆弾"]),
    "entity-bomb-shared-strings": (make_entity_bomb_in_shared_strings, ["DTD", "sharedStrings"]),
    "utf16-entity-bomb": (make_utf16_entity_bomb, ["DTD", "sharedStrings", "XML爆弾"]),
    "zip-bomb": (make_zip_bomb, ["圧縮爆弾"]),
    "declared-gigabytes": (make_declared_gigabytes, ["圧縮爆弾", "MB"]),
    "lying-sizes": (make_lying_sizes, ["壊れている"]),
    "damaged-sheet": (make_damaged_sheet, ["読めません", "壊れている"]),
    "no-sheets": (make_no_sheets, ["シート"]),
    "empty-workbook": (make_empty_workbook, ["見出し行が見つかりません", "システムID"]),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    paths = {}
    for kind, (build, _) in CORPUS.items():
        path = folder / f"{kind}.xlsx"
        build(path)
        paths[kind] = path
    return paths


@pytest.mark.parametrize("kind", list(CORPUS))
def test_hostile_file_gets_a_clear_message_quickly(corpus, kind):
    path = corpus[kind]
    start = time.perf_counter()
    with pytest.raises(FileProblem) as exc:
        read_inventory(str(path))
    elapsed = time.perf_counter() - start
    message = exc.value.message
    assert elapsed < QUICK, f"{kind}: {elapsed:.1f} s"
    for word in CORPUS[kind][1]:
        assert word in message, (kind, message)
    assert "Traceback" not in message and "\n" not in message
    if kind not in ("empty-workbook", "no-sheets", "damaged-sheet"):
        assert path.name in message  # the message says which file


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(FileProblem) as exc:
        read_inventory(str(tmp_path / "ない.xlsx"))
    assert "ない.xlsx" in exc.value.message and "見つかりません" in exc.value.message
    with pytest.raises(FileProblem) as exc:
        read_inventory(str(tmp_path))
    assert "フォルダ" in exc.value.message


def test_hostile_files_leave_the_plan_unchanged(corpus, plan):
    plan.apply_inventory(read_inventory(str(SAMPLE)).records, source=str(SAMPLE))
    before = plan.records()
    for kind, path in corpus.items():
        with pytest.raises(FileProblem):
            plan.apply_inventory(read_inventory(str(path)).records)
    assert plan.records() == before and len(before) == 60


def test_hostile_files_through_the_command_line(corpus, tmp_path):
    """One CLI run per hostile file would be slow; a few representative ones, with plan unchanged."""
    from migration_planner.store import Plan

    plan_path = tmp_path / "p.mplan"
    with Plan.open(str(plan_path)) as p:
        p.apply_inventory(read_inventory(str(SAMPLE)).records)
        before = p.records()
    for kind in ("zip-bomb", "entity-bomb", "encrypted"):
        proc = subprocess.run([sys.executable, "main.py", "import", str(corpus[kind]), "--plan", str(plan_path), "--json"],
                              cwd=REPO, capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2, (kind, proc.stderr)
        assert "Traceback" not in proc.stderr + proc.stdout
        out = json.loads(proc.stdout)
        assert out["systems"] == 0 and len(out["errors"]) == 1
        assert proc.stderr.strip() == out["errors"][0]["message"]
    with Plan.open(str(plan_path), create=False) as p:
        assert p.records() == before


_MEMORY_PROBE = r"""
import json, resource, sys, time
from migration_planner.inventory import FileProblem, ImportFailed, read_inventory
out = {}
for path in sys.argv[1:]:
    t = time.perf_counter()
    try:
        r = read_inventory(path)
        outcome = f"ok {len(r.records)}"
    except (FileProblem, ImportFailed) as exc:
        outcome = type(exc).__name__
    out[path] = [outcome, time.perf_counter() - t]
# Peak resident memory of this process. ru_maxrss keeps the parent's peak across fork+exec on
# Linux (pytest's own memory would be counted), so VmHWM, which starts afresh with the new image.
try:
    with open("/proc/self/status") as fh:
        out["maxrss_mb"] = next(int(l.split()[1]) for l in fh if l.startswith("VmHWM:")) / 1024
except OSError:
    out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def test_bombs_and_a_sheet_formatted_to_the_last_row_stay_within_bounded_memory(corpus, tmp_path):
    """Bounds: the zip's declared sizes are checked before parsing (a member ≤ 1 GiB, all ≤ 2 GiB, a
    ratio ≤ 200 for members above 32 MiB), so a bomb is refused before it inflates. Reading all of
    these in one process stays under 300 MB of resident memory."""
    formatted = tmp_path / "formatted.xlsx"
    xml = sheet_xml()
    rows = b"".join(b'<row r="%d" s="1" customFormat="1"><c r="A%d" s="1"/><c r="R%d" s="1"/></row>' % (r, r, r)
                    for r in range(2000, 1_048_577, 4999))
    xml = xml.replace(b"</sheetData>", rows + b'<row r="1048576" s="1" customFormat="1"><c r="R1048576" s="1"/></row></sheetData>')
    import re

    xml = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:R1048576"', xml)
    rebuild(formatted, {SHEET_XML: xml})
    paths = [str(corpus[k]) for k in ("zip-bomb", "declared-gigabytes", "lying-sizes", "entity-bomb", "hidden-entity-bomb")]
    proc = subprocess.run([sys.executable, "-c", _MEMORY_PROBE, *paths, str(formatted)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    peak = out.pop("maxrss_mb")
    assert peak < 300, f"{peak:.0f} MB"
    assert out.pop(str(formatted))[0] == "ok 60", out  # the formatting below the table is ignored
    for path, (outcome, seconds) in out.items():
        assert outcome == "FileProblem", path
        assert seconds < QUICK, path


def _stray(xml: bytes, ref: bytes, *, dimension: bool = True) -> bytes:
    """The sample's table sheet with one more value, at ``ref`` (say b"R1048576"), and the range
    Excel then declares (or none at all: other writers may leave it out)."""
    import re

    row = re.search(rb"\d+", ref).group()
    xml = xml.replace(b"</sheetData>", b'<row r="%s"><c r="%s" t="n"><v>7</v></c></row></sheetData>' % (row, ref))
    col = re.match(rb"[A-Z]+", ref).group()
    ref_all = b"A1:%s%s" % (col if len(col) > 1 or col > b"R" else b"R", row)
    return re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="%s" />' % ref_all if dimension else b"", xml)


def test_a_stray_value_far_below_or_right_of_the_table_is_read_quickly_within_bounded_memory(tmp_path):
    """A value typed by mistake in row 1,048,576 made python-calamine build the sheet's whole range
    (~600 MB resident, 2 s), and one in column XFD as well more than any machine has (the process
    aborted, taking the window with it). Such a sheet is sized before it is loaded (its declared
    range, or a scan of its cells) and streamed, one row at a time, up to the table's end. Reading
    all of these in one process stays under 200 MB resident, each within seconds, with the sample's
    60 systems (the stray value is below the table's end, so it is not read)."""
    xml = sheet_xml()
    files = {
        "row 1,048,576": _stray(xml, b"R1048576"),
        "row 1,048,576, no dimension": _stray(xml, b"R1048576", dimension=False),
        "XFD1048576": _stray(xml, b"XFD1048576"),
        "XFD1048576, no dimension": _stray(xml, b"XFD1048576", dimension=False),
        "column XFD, row 70": _stray(xml, b"XFD70"),
        "row 300,000": _stray(xml, b"A300000"),
    }
    paths = [str(rebuild(tmp_path / f"stray{i}.xlsx", {SHEET_XML: x})) for i, x in enumerate(files.values())]
    proc = subprocess.run([sys.executable, "-c", _MEMORY_PROBE, *paths], cwd=REPO, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout)
    peak = out.pop("maxrss_mb")
    for (what, _), path in zip(files.items(), paths):
        outcome, seconds = out[path]
        assert outcome == "ok 60", (what, outcome)
        assert seconds < QUICK, (what, seconds)
    assert peak < 200, f"{peak:.0f} MB"


def test_a_stray_value_under_a_large_table_is_streamed_to_the_same_records(tmp_path):
    """A sheet too large to scan cheaply (over SCAN_BYTES_MAX of XML) is judged by the range it
    declares; declared huge, its cells are scanned, and a stray value makes it streamed: the same
    records as the table read without it."""
    import re

    from migration_planner.inventory.workbook import SCAN_BYTES_MAX, streamed_sheets

    from benchmarks.generators import write_inventory

    plain = write_inventory(tmp_path / "plain.xlsx", 3000, seed=5)
    with zipfile.ZipFile(plain) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
    assert len(xml) > SCAN_BYTES_MAX
    xml = xml.replace(b"</sheetData>", b'<row r="1048576"><c r="R1048576" t="n"><v>7</v></c></row></sheetData>')
    xml = re.sub(rb"<sheetData>", b'<dimension ref="A1:R1048576"/><sheetData>', xml, count=1)
    stray = rebuild(tmp_path / "stray.xlsx", {"xl/worksheets/sheet1.xml": xml}, src=plain)
    assert streamed_sheets(str(stray)) == {"システム一覧"} and streamed_sheets(plain) == set()
    assert read_inventory(str(stray)).records == read_inventory(plain).records


# ---------------------------------------------------------------- property: a result or our own error
HEADER = [
    "システムID", "システム名", "所管所属", "系統", "サーバ台数", "標準化対象業務", "住民基本系", "SaaS候補",
    "SaaS適合", "クラウド化阻害要因", "次期更新年度", "年間運用経費（千円）", "移行経費見込（千円）", "予算要求",
    "規模", "連携先システムID", "保守事業者", "備考",
]
_safe_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)
_any = st.one_of(
    st.none(), _safe_text, st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(), st.dates(dt.date(1950, 1, 1), dt.date(2099, 12, 31)),
)
_ids = st.sampled_from(["S-1", "S-2", "S-3", "Ｓ－１", "", None, 1, 2.0])
COLUMN_VALUES = {
    "システムID": _ids,
    "システム名": st.one_of(st.sampled_from(["住民基本台帳等事務システム", "税務", "", None]), _any),
    "所管所属": st.one_of(st.sampled_from(["市民局", "財政局", None]), _any),
    "系統": st.one_of(st.sampled_from(["住民情報系基幹", "内部情報系基幹", "各局", "局", "本庁"]), _any),
    "サーバ台数": st.one_of(st.sampled_from([0, 3, "１２", "12台", -1, 1.5, "多数"]), _any),
    "標準化対象業務": st.one_of(st.sampled_from(["1,2", "6", "就学", "健康管理", "子ども・子育て支援", "21", "6-c"]), _any),
    "住民基本系": st.one_of(st.sampled_from(["○", "×", "はい", "対象外", "2", "△"]), _any),
    "SaaS適合": st.one_of(st.sampled_from(["適合", "不適合", "未検討", "たぶん"]), _any),
    "次期更新年度": st.one_of(st.sampled_from(["R7", "令和8年度", "FY2025", "H30", 2030, "来年"]), _any),
    "年間運用経費（千円）": st.one_of(st.sampled_from(["1,234千円", "１２３", -5, "高い"]), _any),
    "規模": st.one_of(st.sampled_from(["大", "中", "小", "特大"]), _any),
    "連携先システムID": st.one_of(st.sampled_from(["S-1", "S-2,S-3", "Z-9", "S-1・S-2"]), _any),
}


@st.composite
def inventories(draw):
    n = draw(st.integers(0, 6))
    rows = []
    for _ in range(n):
        rows.append([draw(COLUMN_VALUES.get(h, _any)) for h in HEADER])
    title = draw(st.lists(st.lists(_any, max_size=3), max_size=2))
    return title, rows


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inventories())
def test_random_inventories_give_a_result_or_our_own_error(inventory):
    import openpyxl

    title, rows = inventory
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "システム一覧"
    for r in title:
        ws.append([v if not (isinstance(v, str) and v.startswith("=")) else "'" + v for v in r] or [None])
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.xlsx"
        wb.save(path)
        try:
            result = read_inventory(str(path))
        except ImportFailed as exc:
            assert exc.errors, "ImportFailed without an error"
            for e in exc.errors:
                assert e.message and e.sheet == "システム一覧"
                assert e.row is not None and e.row >= 1
                assert e.line()
            return
        except FileProblem as exc:
            assert exc.message
            return
    assert isinstance(result, ImportResult)
    ids = [r.system_id for r in result.records]
    assert len(ids) == len(set(ids)) and all(ids)
    for r in result.records:
        assert isinstance(r.servers, int) and r.servers >= 0
        assert set(r.workloads) <= set(WORKLOAD_CODES)
        assert r.tier in ("住民情報系基幹", "内部情報系基幹", "各局")
        assert r.saas_fit in ("適合", "不適合", "未検討")
        assert set(r.links_to) <= set(ids)
        assert r.annual_cost is None or r.annual_cost >= 0
        assert r.next_renewal_fy is None or 1990 <= r.next_renewal_fy <= 2100
