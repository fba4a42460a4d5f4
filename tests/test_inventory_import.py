"""The importer on workbooks written here for every form and every error of the contract
(../shared/inventory-format.md), the re-import diff, and the bundled sample."""

from __future__ import annotations

import collections
import datetime as dt

import pytest

from migration_planner.inventory import FileProblem, ImportFailed, read_inventory
from migration_planner.inventory.diff import diff_records
from migration_planner.workloads import WORKLOAD_CODES

SHEET = "システム一覧"


def base(header: list[str], sid: str = "A-01", **cells) -> list:
    """A valid row for ``header`` (required cells filled), with ``cells`` keyed by header text."""
    defaults = {"システムID": sid, "システム名": f"{sid}システム", "所管所属": "市民局", "系統": "各局", "サーバ台数": 2}
    values = {**defaults, **cells}
    unknown = set(values) - set(header) - set(defaults)
    assert not unknown, f"no such header in this test's workbook: {unknown}"
    return [values.get(h) for h in header]


def read(path):
    return read_inventory(str(path))


def errors_of(path) -> list:
    with pytest.raises(ImportFailed) as exc:
        read(path)
    return exc.value.errors


# ================================================================= where the table is
def test_title_rows_before_the_header_are_skipped_and_rows_keep_excel_numbers(make_workbook):
    H = make_workbook.HEADER
    path = make_workbook(
        H, [base(H, "A-01"), base(H, "A-02", サーバ台数="x")],
        title_rows=[["大阪市 情報システム一覧"], ["令和7年4月1日現在"], [], ["（単位：千円）"]],
    )
    errors = errors_of(path)
    # Header on row 5 (four title rows), so the second data row is Excel row 7.
    assert [(e.sheet, e.row, e.column, e.value) for e in errors] == [(SHEET, 7, "サーバ台数", "x")]


def test_title_rows_header_row_number_in_result(make_workbook):
    H = make_workbook.HEADER
    path = make_workbook(H, [base(H)], title_rows=[["システム一覧"], ["作成日", dt.date(2025, 4, 1)], []])
    result = read(path)
    assert result.sheet == SHEET
    assert result.header_row == 4
    assert [r.system_id for r in result.records] == ["A-01"]


def test_sheets_before_the_table_without_its_header_are_skipped(make_workbook):
    H = make_workbook.HEADER
    path = make_workbook(
        H, [base(H, "A-01"), base(H, "A-02")],
        sheets_before=[
            ("表紙", [["システム一覧（説明）"], ["この資料は例示です"]]),
            ("空白", []),
            # A sheet with some (not all) of the headers is not the table.
            ("メモ", [["システムID", "システム名"], ["Z-99", "メモのシステム"]]),
        ],
        sheets_after=[("別表", [H, base(H, "B-01")])],
    )
    result = read(path)
    assert result.sheet == SHEET
    assert [r.system_id for r in result.records] == ["A-01", "A-02"]


def test_table_not_starting_at_column_a(make_workbook):
    H = make_workbook.HEADER
    path = make_workbook(H, [base(H, "A-01", 備考="列Cから")], start_col=3, title_rows=[["一覧"]])
    rec = read(path).records[0]
    assert rec.system_id == "A-01" and rec.notes == "列Cから" and rec.servers == 2


@pytest.mark.parametrize("blank", [[], [None] * 18])
def test_table_ends_at_the_first_blank_row(make_workbook, blank):
    H = make_workbook.HEADER
    path = make_workbook(H, [base(H, "A-01"), base(H, "A-02"), blank, base(H, "A-03"), ["メモ：以下は参考"]])
    assert [r.system_id for r in read(path).records] == ["A-01", "A-02"]


@pytest.mark.parametrize("marker", ["合計", "計", "Total", "TOTAL", "合　計", "ｔｏｔａｌ"])
def test_table_ends_at_a_total_row(make_workbook, marker):
    H = make_workbook.HEADER
    total = [marker, None, None, None, 4] + [None] * 6 + [2000]
    path = make_workbook(H, [base(H, "A-01", **{"年間運用経費（千円）": 1000}),
                             base(H, "A-02", **{"年間運用経費（千円）": 1000})], total_row=total)
    result = read(path)
    assert [r.system_id for r in result.records] == ["A-01", "A-02"]
    assert sum(r.annual_cost for r in result.records) == 2000


# ================================================================= header matching
ALIASES = ["システム番号", "名称", "所管", "区分", "サーバー台数", "標準化業務", "住民基本系", "SaaS候補", "SaaS適合",
           "阻害要因", "更新予定年度", "運用経費", "移行経費", "次年度予算要求", "規模", "連携先", "ベンダ", "備考"]


def _full_row(header_names, sid, link):
    return [sid, "税務事務システム", "財政局", "住民情報系基幹", 8, "7,8,9,10", "○", "クラウド税務", "適合",
            "閉域網", "R8", "12,345", "1,000千円", "はい", "大", link, "浪速情報", "メモ"]


@pytest.mark.parametrize(
    "header",
    [
        ALIASES,
        ["ID", "システム名称", "所属", "区分", "サーバ数", "標準化業務", "住民基本系", "SaaS候補", "SaaS適合",
         "クラウド化阻害要因", "次期更新年度", "年間運用経費（千円）", "移行経費見込（千円）", "予算要求", "規模",
         "連携先システムID", "事業者", "備考"],
        ["ＩＤ", "名　称", "担当所属", "区 分", "サーバ台数（台）", "標準化対象業務", "住民 基本系", "ｓａａｓ候補",
         "ＳＡＡＳ適合", "阻害要因", "更新予定年度", "運用経費（千円）", "移行経費 [千円]", "予算要求", "規　模",
         "連携先", "保守事業者", "備　考"],
    ],
    ids=["aliases", "aliases-2", "full-width-and-units"],
)
def test_header_aliases_full_width_and_units(make_workbook, header):
    rows = [_full_row(header, "T-1", "T-2"), _full_row(header, "T-2", None)]
    result = read(make_workbook(header, rows))
    assert result.warnings == []  # every header recognised: nothing reported as unknown
    rec = result.records[0]
    assert rec.system_id == "T-1" and rec.name == "税務事務システム" and rec.department == "財政局"
    assert rec.tier == "住民情報系基幹" and rec.servers == 8
    assert rec.workloads == ["7", "8", "9", "10"]
    assert rec.resident_core is True and rec.budget_request is True
    assert rec.saas_candidate == "クラウド税務" and rec.saas_fit == "適合"
    assert rec.cloud_blocker == "閉域網" and rec.next_renewal_fy == 2026
    assert rec.annual_cost == 12345 and rec.migration_cost == 1000
    assert rec.scale == "大" and rec.links_to == ["T-2"] and rec.vendor == "浪速情報" and rec.notes == "メモ"


def test_unknown_columns_are_kept_as_extras_with_a_warning(make_workbook):
    H = make_workbook.HEADER + ["設置場所", "ＯＳ"]
    rows = [base(H, "A-01", **{"設置場所": "本庁舎", "ＯＳ": "Windows"}), base(H, "A-02")]
    result = read(make_workbook(H, rows))
    assert [r.system_id for r in result.records] == ["A-01", "A-02"]
    assert result.records[0].extra == {"設置場所": "本庁舎", "OS": "Windows"}
    assert result.records[1].extra == {}
    warned = sorted(w.column for w in result.warnings)
    assert warned == ["OS", "設置場所"]
    assert all(w.level == "warning" and "未知の列" in w.message for w in result.warnings)


def test_only_required_columns_is_enough_and_blank_optionals_get_defaults(make_workbook):
    H = ["システムID", "システム名", "所管所属", "系統", "サーバ台数"]
    rec = read(make_workbook(H, [base(H)])).records[0]
    assert rec.workloads == [] and rec.links_to == [] and rec.resident_core is False and rec.budget_request is False
    assert rec.saas_fit == "未検討"  # blank = 未検討
    assert rec.next_renewal_fy is None and rec.annual_cost is None and rec.migration_cost is None


# ================================================================= value forms
def test_nfkc_full_width_digits_ids_and_links(make_workbook):
    H = make_workbook.HEADER
    rows = [
        base(H, "ＯＳＫ－００１", サーバ台数="１２", システム名="ｅ－Ｔａｘ連携", 連携先システムID="OSK-002"),
        base(H, "OSK-002", サーバ台数=" ３ ", 連携先システムID="ＯＳＫ－００１"),
    ]
    recs = read(make_workbook(H, rows)).records
    assert [r.system_id for r in recs] == ["OSK-001", "OSK-002"]
    assert [r.servers for r in recs] == [12, 3]
    assert recs[0].name == "e-Tax連携"
    assert recs[0].links_to == ["OSK-002"] and recs[1].links_to == ["OSK-001"]


FY_FORMS = [
    ("2025", 2025), (2025, 2025), ("FY2025", 2025), ("R7", 2025), ("令和7年度", 2025), ("令和7", 2025),
    ("H30", 2018), ("平成30年度", 2018), ("ＦＹ２０２６", 2026), ("令和８年度", 2026),
    (dt.datetime(2026, 2, 10), 2025),  # a real Excel date cell in February 2026 → FY2025
    (dt.datetime(2026, 4, 1), 2026),   # … and in April 2026 → FY2026
    (dt.date(2026, 3, 31), 2025),
]


def test_fiscal_year_forms_in_cells(make_workbook):
    H = make_workbook.HEADER
    rows = [base(H, f"Y-{i:02d}", 次期更新年度=raw) for i, (raw, _) in enumerate(FY_FORMS)]
    recs = read(make_workbook(H, rows)).records
    assert [r.next_renewal_fy for r in recs] == [fy for _, fy in FY_FORMS]


TRUE_SPELLINGS = ["○", "◯", "●", "✓", "✔", "はい", "有", "有り", "あり", "Y", "Yes", "TRUE", "1", "対象", True, 1]
FALSE_SPELLINGS = [None, "×", "✕", "-", "ー", "いいえ", "無", "無し", "なし", "N", "No", "FALSE", "0", "対象外", False, 0]


def test_every_flag_spelling_in_cells(make_workbook):
    H = make_workbook.HEADER
    rows = [base(H, f"T-{i:02d}", 住民基本系=v, 予算要求=v) for i, v in enumerate(TRUE_SPELLINGS)]
    rows += [base(H, f"F-{i:02d}", 住民基本系=v, 予算要求=v) for i, v in enumerate(FALSE_SPELLINGS)]
    recs = read(make_workbook(H, rows)).records
    assert len(recs) == len(TRUE_SPELLINGS) + len(FALSE_SPELLINGS)
    for r in recs:
        expected = r.system_id.startswith("T-")
        assert r.resident_core is expected and r.budget_request is expected, r.system_id


@pytest.mark.parametrize("bad", ["△", "maybe", "2", "不明"])
def test_an_invalid_flag_is_an_error(make_workbook, bad):
    H = make_workbook.HEADER
    errors = errors_of(make_workbook(H, [base(H, "A-01"), base(H, "A-02", 予算要求=bad)]))
    assert [(e.sheet, e.row, e.column, e.value) for e in errors] == [(SHEET, 3, "予算要求", bad)]
    assert "フラグ" in errors[0].message


def test_amount_forms_in_cells(make_workbook):
    H = make_workbook.HEADER
    forms = [(1234, 1234), (1234.0, 1234), ("1,234", 1234), ("１，２３４", 1234), ("1,234千円", 1234),
             ("１２３４千円", 1234), (0, 0)]
    rows = [base(H, f"M-{i}", **{"年間運用経費（千円）": raw, "移行経費見込（千円）": raw}) for i, (raw, _) in enumerate(forms)]
    recs = read(make_workbook(H, rows)).records
    assert [r.annual_cost for r in recs] == [v for _, v in forms]
    assert [r.migration_cost for r in recs] == [v for _, v in forms]


def test_negative_amount_is_an_error(make_workbook):
    H = make_workbook.HEADER
    rows = [base(H, "A-01", **{"年間運用経費（千円）": -5}), base(H, "A-02", **{"移行経費見込（千円）": "-1,000千円"})]
    errors = errors_of(make_workbook(H, rows))
    assert [(e.row, e.column, e.value) for e in errors] == [
        (2, "年間運用経費(千円)", "-5"), (3, "移行経費見込(千円)", "-1,000千円")]
    assert all("負" in e.message for e in errors)


@pytest.mark.parametrize(
    "cell", ["A-02,A-03", "A-02、A-03", "A-02，A-03", "A-02・A-03", "A-02;A-03", "A-02\nA-03", "A-02\r\nA-03"]
)
def test_list_separators_in_links(make_workbook, cell):
    H = make_workbook.HEADER
    rows = [base(H, "A-01", 連携先システムID=cell), base(H, "A-02"), base(H, "A-03")]
    assert read(make_workbook(H, rows)).records[0].links_to == ["A-02", "A-03"]


WORKLOAD_CELLS = [
    (1, ["1"]), ("1", ["1"]), ("6-a", ["6-a"]), ("20-b", ["20-b"]), ("6", ["6-a", "6-b"]),
    ("1,2", ["1", "2"]), ("1、2", ["1", "2"]), ("1，2", ["1", "2"]), ("1・2", ["1", "2"]), ("1;2", ["1", "2"]),
    ("1\n2", ["1", "2"]), ("７，８，９，１０", ["7", "8", "9", "10"]),
    ("住民基本台帳", ["1"]), ("住民記録", ["1"]), ("戸籍附票", ["3"]), ("障害者福祉", ["15"]),
    ("子ども・子育て支援", ["19"]), ("選挙人名簿管理", ["5"]),
    ("就学", ["6-a", "6-b"]), ("健康管理", ["20-a", "20-b"]),
    ("子ども・子育て支援・健康管理", ["19", "20-a", "20-b"]), ("住民記録、印鑑登録", ["1", "2"]),
    ("20-b,1,6-a", ["1", "6-a", "20-b"]),  # stored in the city's order
]


def test_workload_codes_and_names_in_cells(make_workbook):
    H = make_workbook.HEADER
    rows = [base(H, f"W-{i:02d}", 標準化対象業務=raw) for i, (raw, _) in enumerate(WORKLOAD_CELLS)]
    recs = read(make_workbook(H, rows)).records
    assert [r.workloads for r in recs] == [codes for _, codes in WORKLOAD_CELLS]


@pytest.mark.parametrize("bad", ["21", "6-c", "0", "住民", "1,99"])
def test_unknown_workload_is_an_error(make_workbook, bad):
    H = make_workbook.HEADER
    errors = errors_of(make_workbook(H, [base(H, "A-01", 標準化対象業務=bad)]))
    assert len(errors) == 1
    e = errors[0]
    assert (e.row, e.column) == (2, "標準化対象業務") and e.value in bad
    assert "標準化対象業務" in e.message


def test_formulas_cached_values_are_read(make_workbook):
    H = make_workbook.HEADER
    F = make_workbook.Formula
    rows = [
        base(H, "A-01", システム名=F('="税務"&"事務システム"', "税務事務システム"), サーバ台数=F("=2+3", 5),
             次期更新年度=F("=2024+1", 2025), 標準化対象業務=F('="6-a"', "6-a"),
             **{"年間運用経費（千円）": F("=1000*12", 12000)}),
        [F('="A-"&"02"', "A-02")] + base(H, "A-02")[1:],
    ]
    recs = read(make_workbook(H, rows)).records
    assert [r.system_id for r in recs] == ["A-01", "A-02"]
    a = recs[0]
    assert (a.name, a.servers, a.next_renewal_fy, a.workloads, a.annual_cost) == ("税務事務システム", 5, 2025, ["6-a"], 12000)


# ================================================================= errors, all at once
def test_every_error_is_reported_at_once_with_sheet_row_column_value(make_workbook):
    H = make_workbook.HEADER
    rows = [
        base(H, "A-01"),                                               # row 2: fine
        base(H, None),                                                 # row 3: blank system_id
        base(H, "A-03", システム名=None, 所管所属=None),                  # row 4: two blank required cells
        base(H, "A-01"),                                               # row 5: duplicate of row 2
        base(H, "A-05", 系統="本庁", サーバ台数="たくさん"),              # row 6: two wrong forms
        base(H, "A-06", 次期更新年度="来年度", **{"年間運用経費（千円）": "高い"}),  # row 7
        base(H, "A-07", 標準化対象業務="1,99", 住民基本系="？"),          # row 8
        base(H, "A-08", 連携先システムID="A-01,Z-99"),                   # row 9: links to a missing system
        base(H, "A-09", SaaS適合="たぶん", 規模="特大"),                  # row 10
    ]
    errors = errors_of(make_workbook(H, rows))
    found = {(e.row, e.column, e.value) for e in errors}
    assert found == {
        (3, "システムID", ""),
        (4, "システム名", ""), (4, "所管所属", ""),
        (5, "システムID", "A-01"),
        (6, "系統", "本庁"), (6, "サーバ台数", "たくさん"),
        (7, "次期更新年度", "来年度"), (7, "年間運用経費(千円)", "高い"),
        (8, "標準化対象業務", "99"), (8, "住民基本系", "?"),  # values are shown NFKC-normalised
        (9, "連携先システムID", "Z-99"),
        (10, "SaaS適合", "たぶん"), (10, "規模", "特大"),
    }
    assert len(errors) == len(found)
    for e in errors:
        assert e.sheet == SHEET and e.level == "error" and e.message
        line = e.line()  # what a planner reads: sheet, row, column, value and the reason, on one line
        assert f"シート「{SHEET}」" in line and f"{e.row}行" in line and f"列「{e.column}」" in line and e.message in line
        if e.value:
            assert f"値「{e.value}」" in line
    by_place = {(e.row, e.column): e.message for e in errors}
    assert "空欄" in by_place[(3, "システムID")]
    assert "重複" in by_place[(5, "システムID")] and "2行" in by_place[(5, "システムID")]
    assert "表にありません" in by_place[(9, "連携先システムID")]


def test_wrapped_headers_and_multi_line_values_still_make_one_line_per_error(make_workbook):
    # Planners wrap long headers inside the cell (Alt+Enter): 年間運用経費⏎（千円）.
    H = [h.replace("（千円）", "\n（千円）") for h in make_workbook.HEADER]
    rows = [base(H, "A-01", **{"年間運用経費\n（千円）": "12\n34", "移行経費見込\n（千円）": "1,000千円"})]
    errors = errors_of(make_workbook(H, rows))
    assert [(e.row, e.value) for e in errors] == [(2, "12\n34")]
    line = errors[0].line()
    assert len(line.splitlines()) == 1
    assert "年間運用経費" in line and "(千円)" in line and "12 34" in line


def test_no_rows_under_the_header_is_an_error(make_workbook):
    H = make_workbook.HEADER
    errors = errors_of(make_workbook(H, [], title_rows=[["一覧"]]))
    assert len(errors) == 1 and errors[0].row == 2 and "データ行" in errors[0].message


@pytest.mark.parametrize("missing", ["システムID", "システム名", "所管所属", "系統", "サーバ台数"])
def test_a_missing_required_column_is_named(make_workbook, missing):
    H = [h for h in make_workbook.HEADER if h != missing]
    rows = [[v for h, v in zip(make_workbook.HEADER, base(make_workbook.HEADER)) if h != missing]]
    with pytest.raises(FileProblem) as exc:
        read(make_workbook(H, rows, title_rows=[["一覧"]]))
    msg = exc.value.message
    assert missing in msg and "必須の列" in msg and f"シート「{SHEET}」" in msg and "2行目" in msg


def test_no_header_anywhere_names_the_required_columns(make_workbook):
    path = make_workbook(["番号", "なまえ"], [[1, "x"]], sheets_before=[("表紙", [["説明"]])])
    with pytest.raises(FileProblem) as exc:
        read(path)
    for header in ("システムID", "システム名", "所管所属", "系統", "サーバ台数"):
        assert header in exc.value.message


# ================================================================= nothing written on error
def test_an_error_leaves_the_plan_unchanged(make_workbook, plan, sample_path):
    plan.apply_inventory(read(sample_path).records, source=str(sample_path))
    before = plan.records()
    H = make_workbook.HEADER
    bad = make_workbook(H, [base(H, "NEW-1"), base(H, "NEW-2", サーバ台数=-1)])
    with pytest.raises(ImportFailed):
        records = read(bad).records
        plan.apply_inventory(records)  # never reached
    assert plan.records() == before
    assert len(before) == 60


def test_a_failure_inside_the_import_transaction_rolls_everything_back(make_workbook, plan, sample_path):
    plan.apply_inventory(read(sample_path).records)
    before = plan.records()
    H = make_workbook.HEADER
    new = read(make_workbook(H, [base(H, "NEW-1"), base(H, "NEW-2")])).records

    def fail(session, diff):
        raise RuntimeError("simulated failure after the rows were written")

    with pytest.raises(RuntimeError):
        plan.apply_inventory(new, hooks=[fail])
    assert plan.records() == before
    assert plan.system_count() == 60


# ================================================================= re-import: the diff
def _records(make_workbook, rows):
    H = make_workbook.HEADER
    return read(make_workbook(H, [base(H, sid, **cells) for sid, cells in rows])).records


def test_diff_records_added_removed_and_changed_fields(make_workbook):
    old = _records(make_workbook, [("A-01", {}), ("A-02", {}), ("A-03", {"備考": "旧"})])
    new = _records(make_workbook, [
        ("A-01", {}),
        ("A-03", {"備考": "新", "サーバ台数": 5, "標準化対象業務": "就学"}),
        ("A-04", {}),
    ])
    diff = diff_records(old, new)
    assert [r.system_id for r in diff.added] == ["A-04"]
    assert [r.system_id for r in diff.removed] == ["A-02"]
    assert diff.unchanged == 1
    assert [c.system_id for c in diff.changed] == ["A-03"]
    changes = {fc.field: (fc.old, fc.new) for fc in diff.changed[0].changes}
    assert changes == {"servers": (2, 5), "workloads": ([], ["6-a", "6-b"]), "notes": ("旧", "新")}
    text = "\n".join(diff.lines())
    assert "追加  A-04" in text and "削除  A-02" in text and "変更  A-03" in text
    assert "サーバ台数：2 → 5" in text and "備考：旧 → 新" in text
    assert diff.summary() == "追加 1 件・削除 1 件・変更 1 件・変更なし 1 件"


def test_plan_diff_shows_changes_and_only_apply_inventory_writes_them(make_workbook, plan):
    first = _records(make_workbook, [("A-01", {}), ("A-02", {})])
    plan.apply_inventory(first)
    second = _records(make_workbook, [("A-01", {"系統": "内部情報系基幹"}), ("A-03", {})])
    diff = plan.diff(second)
    assert [r.system_id for r in diff.added] == ["A-03"]
    assert [r.system_id for r in diff.removed] == ["A-02"]
    assert [(c.system_id, [(f.field, f.old, f.new) for f in c.changes]) for c in diff.changed] == [
        ("A-01", [("tier", "各局", "内部情報系基幹")])]
    # Looking at the diff writes nothing.
    assert [r.system_id for r in plan.records()] == ["A-01", "A-02"]
    assert plan.records()[0].tier == "各局"
    applied = plan.apply_inventory(second)
    assert applied.summary() == diff.summary()
    assert plan.records() == second
    assert plan.diff(second).is_empty


def test_reimporting_the_same_workbook_changes_nothing(plan, sample_path):
    records = read(sample_path).records
    plan.apply_inventory(records)
    again = plan.apply_inventory(read(sample_path).records)
    assert again.is_empty and again.unchanged == 60


# ================================================================= the bundled sample
@pytest.fixture(scope="module")
def sample_records():
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "sample_inventory.xlsx"
    return read_inventory(str(path)).records


def test_sample_has_60_systems_with_no_warnings(sample_path):
    result = read(sample_path)
    assert len(result.records) == 60
    assert result.warnings == []
    assert len({r.system_id for r in result.records}) == 60


def test_sample_covers_all_22_codes_of_the_20_workloads(sample_records):
    covered = {c for r in sample_records for c in r.workloads}
    assert covered == set(WORKLOAD_CODES)
    assert len({c.split("-")[0] for c in covered}) == 20


def test_sample_exercises_every_branch_of_the_decision_order(sample_records):
    tiers = collections.Counter(r.tier for r in sample_records)
    assert set(tiers) == {"住民情報系基幹", "内部情報系基幹", "各局"}
    assert {r.saas_fit for r in sample_records} == {"適合", "不適合", "未検討"}
    assert any(r.saas_candidate for r in sample_records)
    assert any(r.resident_core for r in sample_records) and not all(r.resident_core for r in sample_records)
    assert any(r.cloud_blocker for r in sample_records)
    assert any(r.budget_request for r in sample_records)
    assert {2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030} <= {r.next_renewal_fy for r in sample_records}
    vendors = collections.Counter(r.vendor for r in sample_records if r.vendor)
    assert sum(1 for n in vendors.values() if n >= 2) >= 2  # vendors shared by several systems
    links = [(r.system_id, t) for r in sample_records for t in r.links_to]
    assert links
    ids = {r.system_id for r in sample_records}
    assert all(t in ids for _, t in links)


def test_sample_carries_the_citys_standardization_systems(sample_records):
    by_name = {r.name: r for r in sample_records}
    assert by_name["住民基本台帳等事務システム"].workloads == ["1", "2"]
    assert by_name["就学システム"].workloads == ["6-a"]
    assert by_name["校園ネットワーク業務システム"].workloads == ["6-b"]
    assert by_name["保健衛生システム"].workloads == ["19", "20-a", "20-b"]


def test_sample_round_trips_through_a_plan(plan, sample_path):
    records = read(sample_path).records
    plan.apply_inventory(records, source=str(sample_path))
    assert plan.system_count() == 60
    assert plan.records() == records


def test_the_import_history_of_a_large_import_stays_readable(plan):
    import json

    from migration_planner.inventory.contract import SystemRecord

    records = [SystemRecord(f"L-{i:05d}", f"システム{i}", "市民局", "各局", 1) for i in range(12_000)]
    plan.apply_inventory(records, source="large.xlsx")
    entry = plan.audit()[-1]
    assert entry.action == "import"
    detail = json.loads(entry.detail_json)
    assert "summary" in detail
    assert detail["counts"]["added"] == 12_000 and detail["truncated"]
