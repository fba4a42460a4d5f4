"""Value forms as planners write them (inventory-format.md, "Value forms") and the workload catalog."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from migration_planner.values import (
    ValueProblem,
    fiscal_year_of,
    nfkc,
    parse_amount,
    parse_count,
    parse_fiscal_year,
    parse_flag,
    split_list,
)
from migration_planner.workloads import (
    BY_CODE,
    SYSTEM_WORKLOADS,
    WORKLOAD_CODES,
    WORKLOADS,
    parse_workload_token,
    sort_codes,
)

# The contract's spellings, verbatim.
TRUE_SPELLINGS = ["○", "◯", "●", "✓", "✔", "はい", "有", "有り", "あり", "Y", "Yes", "TRUE", "1", "対象"]
FALSE_SPELLINGS = [None, "", "×", "✕", "-", "ー", "いいえ", "無", "無し", "なし", "N", "No", "FALSE", "0", "対象外"]


# ---------------------------------------------------------------- text
def test_text_is_nfkc_normalised_and_trimmed():
    assert nfkc("　ＯＳＫ－００１ ") == "OSK-001"
    assert nfkc("ＳａａＳ") == "SaaS"
    assert nfkc(None) == ""
    assert nfkc(12.0) == "12"


# ---------------------------------------------------------------- flags
@pytest.mark.parametrize("raw", TRUE_SPELLINGS + ["yes", "true", "y", "ＹＥＳ", "１", True, 1, 1.0])
def test_every_true_spelling_is_true(raw):
    assert parse_flag(raw) is True


@pytest.mark.parametrize("raw", FALSE_SPELLINGS + ["no", "false", "n", "０", False, 0, 0.0])
def test_every_false_spelling_is_false(raw):
    assert parse_flag(raw) is False


@pytest.mark.parametrize("raw", ["2", "maybe", "△", "？", "たぶん", 0.5, 2])
def test_any_other_flag_is_an_error_in_japanese(raw):
    with pytest.raises(ValueProblem) as exc:
        parse_flag(raw)
    assert "フラグ" in str(exc.value)


# ---------------------------------------------------------------- fiscal years
@pytest.mark.parametrize(
    "raw, year",
    [
        ("2025", 2025), (2025, 2025), (2025.0, 2025), ("FY2025", 2025), ("fy2025", 2025), ("FY 2025", 2025),
        ("ＦＹ２０２５", 2025), ("R7", 2025), ("r7", 2025), ("Ｒ７", 2025), ("令和7年度", 2025), ("令和７年度", 2025),
        ("令和7", 2025), ("令和元年度", 2019), ("H30", 2018), ("平成30年度", 2018), ("2025年度", 2025),
        ("R12", 2030), ("令和5年度", 2023),
    ],
)
def test_fiscal_year_forms(raw, year):
    assert parse_fiscal_year(raw) == year


@pytest.mark.parametrize(
    "day, year",
    [
        (dt.date(2026, 2, 10), 2025),          # February belongs to the fiscal year that began last April
        (dt.datetime(2026, 3, 31, 23, 59), 2025),
        (dt.date(2026, 4, 1), 2026),           # April starts a new fiscal year
        (dt.datetime(2025, 4, 1), 2025),
    ],
)
def test_excel_dates_give_their_fiscal_year(day, year):
    assert parse_fiscal_year(day) == year
    assert fiscal_year_of(day if isinstance(day, dt.date) and not isinstance(day, dt.datetime) else day.date()) == year


def test_an_excel_date_serial_number_gives_its_fiscal_year():
    # 46063 is 2026-02-10 in Excel's 1900 date system.
    assert parse_fiscal_year(46063) == 2025


@pytest.mark.parametrize("raw", ["来年", "R", "FY", "20255", "令和", "abc", True, 1.5, -2025])
def test_unreadable_fiscal_year_is_an_error(raw):
    with pytest.raises(ValueProblem) as exc:
        parse_fiscal_year(raw)
    assert "年度" in str(exc.value)


# ---------------------------------------------------------------- amounts
@pytest.mark.parametrize(
    "raw, value",
    [(1234, 1234), (1234.0, 1234), ("1234", 1234), ("1,234", 1234), ("１，２３４", 1234), ("１２３４", 1234),
     ("1,234千円", 1234), ("1,234 千円", 1234), ("１，２３４千円", 1234), (0, 0), ("1,234,567", 1234567)],
)
def test_amount_forms_in_thousand_yen(raw, value):
    assert parse_amount(raw) == value


@pytest.mark.parametrize("raw", [-1, -0.5, "-1", "－１", "-1,234千円", "△100", "▲100"])
def test_negative_amount_is_an_error(raw):
    with pytest.raises(ValueProblem) as exc:
        parse_amount(raw)
    assert "負" in str(exc.value)


@pytest.mark.parametrize("raw", ["abc", "1.2.3", "千円", "十万", True, float("nan")])
def test_unreadable_amount_is_an_error(raw):
    with pytest.raises(ValueProblem) as exc:
        parse_amount(raw)
    assert "金額" in str(exc.value)


# ---------------------------------------------------------------- server counts
@pytest.mark.parametrize("raw, value", [(12, 12), (12.0, 12), ("12", 12), ("１２", 12), ("12台", 12), (0, 0)])
def test_server_count_forms(raw, value):
    assert parse_count(raw) == value


@pytest.mark.parametrize("raw", [-1, "-1", 1.5, "abc", "十二", True])
def test_server_count_must_be_a_non_negative_integer(raw):
    with pytest.raises(ValueProblem) as exc:
        parse_count(raw)
    assert "整数" in str(exc.value)


# ---------------------------------------------------------------- lists
@pytest.mark.parametrize(
    "raw", ["A,B,C", "A、B、C", "A，B，C", "A・B・C", "A;B;C", "A\nB\nC", "A\r\nB\r\nC", " A , B ,, C ", "A；B；C"]
)
def test_every_list_separator(raw):
    assert split_list(raw) == ["A", "B", "C"]


def test_blank_list_is_empty_and_a_number_is_one_item():
    assert split_list(None) == []
    assert split_list("") == []
    assert split_list(1002.0) == ["1002"]


# ---------------------------------------------------------------- workloads
def test_catalog_has_20_workloads_in_22_codes():
    assert len(WORKLOADS) == 22
    assert len({w.number for w in WORKLOADS}) == 20
    assert {"6-a", "6-b", "20-a", "20-b"} <= set(WORKLOAD_CODES)
    assert "6" not in WORKLOAD_CODES and "20" not in WORKLOAD_CODES
    # domain.md §2: every code belongs to a system of the city's mapping.
    assert sorted({c for codes in SYSTEM_WORKLOADS.values() for c in codes}, key=WORKLOAD_CODES.index) == list(WORKLOAD_CODES)


@pytest.mark.parametrize(
    "token, codes",
    [
        ("1", ("1",)), ("01", ("1",)), ("１", ("1",)), ("6-a", ("6-a",)), ("6a", ("6-a",)), ("6-A", ("6-a",)),
        ("６－ａ", ("6-a",)), ("20-b", ("20-b",)), ("6", ("6-a", "6-b")), ("20", ("20-a", "20-b")),
        ("住民基本台帳", ("1",)), ("印鑑登録", ("2",)), ("戸籍の附票", ("3",)), ("戸籍", ("4",)),
        ("選挙人名簿管理", ("5",)), ("固定資産税", ("7",)), ("障がい者福祉", ("15",)), ("子ども子育て支援", ("19",)),
        # The national PMO tool's names.
        ("住民記録", ("1",)), ("戸籍附票", ("3",)), ("障害者福祉", ("15",)), ("子ども・子育て支援", ("19",)),
        # Names that cover both halves of a split workload.
        ("就学", ("6-a", "6-b")), ("健康管理", ("20-a", "20-b")),
        ("就学（学齢簿編成等）", ("6-a",)), ("健康管理（がん検診・接種履歴）", ("20-b",)),
        ("1 住民基本台帳", ("1",)),
    ],
)
def test_workload_codes_and_names(token, codes):
    assert parse_workload_token(token) == codes


@pytest.mark.parametrize("token", ["0", "21", "6-c", "20-c", "1-a", "住民", "税", "", "abc"])
def test_unknown_workload_is_none(token):
    assert parse_workload_token(token) is None


def test_codes_sort_in_the_citys_order():
    assert sort_codes(["20-b", "6-a", "1", "10", "2", "6-a"]) == ["1", "2", "6-a", "10", "20-b"]
    assert BY_CODE["6-b"].name == "就学（就学援助）"


# ---------------------------------------------------------------- whole columns at once
# The importer reads a column at a time (nfkc_texts, split_lists, plain_amounts); each must give
# exactly what the cell-by-cell function gives, whatever the column holds.
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from migration_planner.values import (  # noqa: E402
    _BLANKS_AFTER_NFKC,
    _FULL_WIDTH_TABLE,
    nfkc_str,
    nfkc_texts,
    plain_amounts,
    split_lists,
)

_tricky = st.sampled_from(list("ab 1Ａ１，、・;；\n\r\t\u3000\xa0ｶﾞ①\u0301,計ｔＴ-（）\x00\x1c\u2028") + ["SYS-01", "ＳＹＳ０１", "ｶﾞｷﾞ"])
_text = st.lists(st.one_of(_tricky, st.characters(blacklist_categories=("Cs",))), max_size=10).map("".join)
_cells = st.lists(st.one_of(_text, _text, st.none(), st.integers(-5, 5), st.floats(allow_nan=False),
                            st.booleans(), st.dates()), max_size=8)


@settings(max_examples=400, deadline=None)
@given(_cells)
def test_a_column_of_text_is_normalised_as_cell_by_cell(cells):
    assert nfkc_texts(cells) == [nfkc(c) for c in cells]
    assert [nfkc_str(c) for c in cells if isinstance(c, str)] == [
        unicodedata.normalize("NFKC", c) for c in cells if isinstance(c, str)]


@settings(max_examples=400, deadline=None)
@given(_cells)
def test_a_column_of_lists_is_split_as_cell_by_cell(cells):
    assert split_lists(cells) == [split_list(c) for c in cells]
    assert split_lists(cells, unique=True) == [list(dict.fromkeys(split_list(c))) for c in cells]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("0123456789０１２３４５６７８９,，千円 -.x\x00")), max_size=10), max_size=8))
def test_amounts_read_all_at_once_are_what_parse_amount_reads(texts):
    found = plain_amounts(texts)
    assert set(found) <= set(texts)
    for text in texts:
        if text in found:
            assert parse_amount(text) == found[text]


def test_amounts_read_all_at_once_take_the_common_forms_and_leave_the_rest():
    texts = ["1,234", "１，２３４千円", "12千円", "０", "abc", "-5", "1千円2", " 7"]
    assert plain_amounts(texts) == {"1,234": 1234, "１，２３４千円": 1234, "12千円": 12, "０": 0}


def test_the_full_width_table_and_the_blank_list_agree_with_unicode():
    for code, ascii_code in _FULL_WIDTH_TABLE.items():
        assert unicodedata.normalize("NFKC", chr(code)) == chr(ascii_code)
    blanks = {chr(c) for c in range(0x110000) if chr(c).isspace() and chr(c) not in "\n\r"
              and unicodedata.normalize("NFKC", chr(c)) == chr(c)}
    assert blanks == set(_BLANKS_AFTER_NFKC)


def test_the_ascii_blanks_are_what_isspace_and_the_blank_pattern_find_in_ascii():
    import re

    from migration_planner.values import ASCII_BLANKS

    assert set(ASCII_BLANKS) == {chr(c) for c in range(128) if chr(c).isspace()}
    assert set(ASCII_BLANKS) == {chr(c) for c in range(128) if re.match(r"\s", chr(c))}


def test_a_column_normalised_twice_in_a_row_gives_the_same_answer():
    """nfkc_joined keeps the last text it changed (the reader normalises a chunk's first column twice):
    equal text gives the same answer, other text its own."""
    from migration_planner.values import nfkc_joined

    a = "\x00".join(["ＳＹＳ００１", "SYS002"])
    first = nfkc_joined(a)
    assert first == "SYS001\x00SYS002"
    assert nfkc_joined("".join(["ＳＹＳ００１", "\x00", "SYS002"])) is first  # equal, not the same object
    assert nfkc_joined("ＳＹＳ００３") == "SYS003"
    assert nfkc_joined(a) == first
