"""Reading cell values as planners write them (../shared/inventory-format.md, "Value forms").

Every parser takes a raw cell value (str, int, float, bool, date, datetime or None) and returns
the typed value, or raises :class:`ValueProblem` with a Japanese reason a planner can act on.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

#: Excel's day zero for serial dates (the 1900 system, with its leap-year bug accounted for).
_EXCEL_EPOCH = dt.date(1899, 12, 30)
#: Serial numbers we accept as Excel dates: 1990-01-01 … 2100-12-31.
_SERIAL_MIN, _SERIAL_MAX = 32874, 73415


class ValueProblem(ValueError):
    """A cell value of the wrong form; ``str(exc)`` is the Japanese reason."""


def nfkc(value: object) -> str:
    """Text of a cell: NFKC-normalised and trimmed ('' for blank)."""
    if type(value) is str:
        return nfkc_str(value).strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfkc_str(str(value)).strip()


_NORMALIZE = unicodedata.normalize
_IS_NORMALIZED = unicodedata.is_normalized
#: Full-width ASCII forms and the ideographic space: NFKC maps each to the one ASCII character
#: ``chr(c - 0xFEE0)`` (a space for U+3000), and CPython's full NFKC pass is slow (several µs for a
#: short note), so they are replaced directly (tests/test_values.py checks the table against NFKC).
_FULL_WIDTH_RUN = re.compile("[\uff01-\uff5e\u3000]+")
_FULL_WIDTH_CHAR = re.compile("[\uff01-\uff5e\u3000]")
_FULL_WIDTH_TABLE = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _half_width(match: re.Match) -> str:
    return match.group().translate(_FULL_WIDTH_TABLE)


def nfkc_str(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, faster for the text planners write.

    Text already in NFKC (all ASCII, most Japanese) is returned as it is. Otherwise full-width
    ASCII forms are first replaced by their ASCII characters: NFKC maps each of them to exactly that
    character, so the text's NFKC form is unchanged by the replacement, and most text needs nothing
    more (checked with ``is_normalized``); what is left (half-width katakana, circled digits…) goes
    through the full normalisation.
    """
    if text.isascii() or _IS_NORMALIZED("NFKC", text):
        return text
    text = _FULL_WIDTH_RUN.sub(_half_width, text)
    return text if _IS_NORMALIZED("NFKC", text) else _NORMALIZE("NFKC", text)


#: The last text :func:`nfkc_joined` changed, and what it gave: the reader normalises a chunk's
#: first column twice in a row (where the table ends, then the IDs), and telling equal text is a
#: memcmp. (Replaced whole, so a thread reading it meanwhile sees one pair or the other.)
_last_changed: tuple[str, str] = ("", "")


def nfkc_joined(joined: str) -> str:
    """The NFKC form of a column's cells joined with NUL (see :func:`nfkc_texts`): each cell's
    NFKC form, joined the same way."""
    global _last_changed
    if joined.isascii() or _IS_NORMALIZED("NFKC", joined):
        return joined
    last = _last_changed
    if joined == last[0]:
        return last[1]
    normal = _nfkc_changed(joined)
    _last_changed = (joined, normal)
    return normal


def _nfkc_changed(joined: str) -> str:
    # A column repeats a few full-width characters (（）, digits, the ideographic space): each
    # distinct one is replaced throughout at once (str.replace is fast); many, match by match.
    # ``is_normalized`` says when none is left: it stops at the first character NFKC changes and
    # reads the rest at a few ns a character, several times faster than a regular expression
    # searching to the end (~11 ns a character for text that is not Latin-1).
    search = _FULL_WIDTH_CHAR.search
    start = 0
    for _ in range(24):
        found = search(joined, start)
        if found is None:  # something else NFKC changes (half-width kana, circled digits…)
            break
        char = found.group()
        joined = joined.replace(char, chr(_FULL_WIDTH_TABLE[ord(char)]))
        if joined.isascii() or _IS_NORMALIZED("NFKC", joined):  # (isascii: no reading at all)
            return joined
        start = found.start()
    else:
        joined = _FULL_WIDTH_RUN.sub(_half_width, joined)
        if _IS_NORMALIZED("NFKC", joined):
            return joined
    return "\x00".join(map(nfkc_str, joined.split("\x00")))


def nfkc_texts(values: list) -> list[str]:
    """``[nfkc(v) for v in values]``, for a whole column at once.

    A column of text (python-calamine gives ``''`` for a blank cell) is joined into one string and
    checked (and, where needed, converted) in one pass: about a third of the time of a call per
    cell. NUL never occurs in a worksheet's text (XML 1.0 cannot hold it) and separates the cells;
    it is a starter that composes with nothing, so NFKC never reaches across it (and no character's
    NFKC form holds one). Any other column (None, numbers, dates) is read cell by cell.
    """
    try:
        joined = "\x00".join(values)
    except TypeError:  # not all text
        return [nfkc_str(v).strip() if type(v) is str else nfkc(v) for v in values]
    normal = nfkc_joined(joined)
    # Nothing to trim in ASCII without blanks (IDs, codes): the cells as they are.
    trim = not normal.isascii() or any(map(normal.__contains__, ASCII_BLANKS))
    if normal is joined:  # already NFKC: the cells themselves, trimmed (str.strip returns a trimmed one as it is)
        return list(map(str.strip, values)) if trim else list(values)
    cells = normal.split("\x00")
    if len(cells) != len(values):  # a NUL in a cell after all (a hand-made file): cell by cell
        return [nfkc_str(v).strip() for v in values]
    return list(map(str.strip, cells)) if trim else cells


#: What ``str.isspace`` (and ``\s``) finds in ASCII: searched for one by one in ASCII text, several
#: times faster than a regular expression (tests/test_values.py checks the list).
ASCII_BLANKS = tuple(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f")


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# ---------------------------------------------------------------- flags
_TRUE = {"○", "◯", "●", "✓", "✔", "はい", "有", "有り", "あり", "y", "yes", "true", "1", "対象", "〇"}
_FALSE = {"", "×", "✕", "-", "ー", "−", "―", "いいえ", "無", "無し", "なし", "n", "no", "false", "0", "対象外"}


def parse_flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = nfkc(value).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueProblem("○／× などのフラグとして読めません（○・はい・有・1 または ×・いいえ・無・0・空欄）")


# ---------------------------------------------------------------- fiscal years
_ERAS = {"令和": 2018, "r": 2018, "平成": 1988, "h": 1988}
_FY_RE = re.compile(
    r"^(?:(?P<era>令和|平成|r|h)\.?\s*(?P<eyear>\d{1,2}|元)|(?:fy)?\s*(?P<year>\d{4}))\s*(?:年度|年)?$"
)


def fiscal_year_of(day: dt.date) -> int:
    """The fiscal year (April–March) a date falls in."""
    return day.year if day.month >= 4 else day.year - 1


def parse_fiscal_year(value: object) -> int:
    if isinstance(value, (dt.datetime, dt.date)):
        day = value.date() if isinstance(value, dt.datetime) else value
        return fiscal_year_of(day)
    if isinstance(value, bool):
        raise ValueProblem("年度として読めません")
    if isinstance(value, (int, float)):
        if float(value).is_integer() and 1990 <= value <= 2100:
            return int(value)
        if _SERIAL_MIN <= value <= _SERIAL_MAX:
            return fiscal_year_of(_EXCEL_EPOCH + dt.timedelta(days=int(value)))
        raise ValueProblem("年度として読めません（例：2025、FY2025、R7、令和7年度）")
    text = nfkc(value).lower().replace(" ", "")
    m = _FY_RE.match(text)
    if m:
        if m.group("year"):
            year = int(m.group("year"))
        else:
            eyear = m.group("eyear")
            year = _ERAS[m.group("era")] + (1 if eyear == "元" else int(eyear))
        if 1990 <= year <= 2100:
            return year
    # A date written as text: 2026/01/31, 2026-01-31, 令和8年1月31日.
    try:
        return fiscal_year_of(parse_date(value))
    except ValueProblem:
        pass
    raise ValueProblem("年度として読めません（例：2025、FY2025、R7、令和7年度、H30）")


# ---------------------------------------------------------------- dates
_DATE_RE = re.compile(r"^(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?$")
_ERA_DATE_RE = re.compile(r"^(令和|平成|r|h)\.?(\d{1,2}|元)[年/.\-](\d{1,2})[月/.\-](\d{1,2})日?$")


def parse_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if _SERIAL_MIN <= value <= _SERIAL_MAX:
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise ValueProblem("日付として読めません")
    text = nfkc(value).lower().replace(" ", "")
    try:
        m = _DATE_RE.match(text)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = _ERA_DATE_RE.match(text)
        if m:
            eyear = m.group(2)
            year = _ERAS[m.group(1)] + (1 if eyear == "元" else int(eyear))
            return dt.date(year, int(m.group(3)), int(m.group(4)))
    except ValueError:
        raise ValueProblem("存在しない日付です") from None
    raise ValueProblem("日付として読めません（例：2026/01/31、2026-01-31、令和8年1月31日）")


# ---------------------------------------------------------------- numbers
_AMOUNT_RE = re.compile(r"^[+]?\d+(?:\.\d+)?$")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９，", "0123456789,")
_FULL_WIDTH_AMOUNT_CHAR = re.compile("[０-９，]")


def parse_amount(value: object) -> int:
    """An amount in 千円: a number, ``1,234``, full-width digits, or ``1,234千円``."""
    if type(value) is str:
        # Fast path for the commonest text: digits (half- or full-width) with or without separators
        # and 千円 ("1,234", "１，２３４千円"). The general path below gives the same: NFKC maps
        # exactly these full-width characters to ASCII, and a float holds every whole number of up
        # to 15 digits exactly.
        digits = value.translate(_FULL_WIDTH_DIGITS)
        if digits.endswith("千円"):
            digits = digits[:-2]
        digits = digits.replace(",", "")
        if digits.isascii() and digits.isdigit() and len(digits) <= 15:
            return int(digits)
    elif isinstance(value, bool):
        raise ValueProblem("金額として読めません")
    elif isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueProblem("金額として読めません")
        if value < 0:
            raise ValueProblem("金額が負の値です")
        return int(round(value))
    text = nfkc(value).replace(",", "").replace(" ", "")
    if text.endswith("千円"):
        text = text[:-2]
    if text.startswith(("-", "△", "▲", "−")):
        raise ValueProblem("金額が負の値です")
    if not _AMOUNT_RE.match(text):
        raise ValueProblem("金額として読めません（千円単位の数値。例：12,345 または 12,345千円）")
    return int(round(float(text)))


def plain_amounts(texts: list[str]) -> dict[str, int]:
    """The amounts of those ``texts`` that :func:`parse_amount` reads on its fast path (digits,
    half- or full-width, with separators and 千円), as it reads them, found all at once; the others
    are left out (for :func:`parse_amount` to read or refuse)."""
    joined = "\x00".join(texts)
    if not joined.isascii():
        found = _FULL_WIDTH_AMOUNT_CHAR.search(joined)
        while found is not None:  # at most the ten digits and the comma
            char = found.group()
            joined = joined.replace(char, char.translate(_FULL_WIDTH_DIGITS))
            found = _FULL_WIDTH_AMOUNT_CHAR.search(joined, found.start())
    all_digits = joined.replace(",", "").split("\x00")
    if len(all_digits) != len(texts):  # a NUL in a text
        return {}
    out = {}
    for text, digits in zip(texts, all_digits):
        if digits.endswith("千円"):
            digits = digits[:-2]
        if digits.isascii() and digits.isdigit() and len(digits) <= 15:
            out[text] = int(digits)
    return out


def parse_count(value: object) -> int:
    """A non-negative integer (server counts)."""
    if isinstance(value, bool):
        raise ValueProblem("0以上の整数ではありません")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueProblem("0以上の整数ではありません")
        value = int(value)
    if isinstance(value, int):
        if value < 0:
            raise ValueProblem("0以上の整数ではありません")
        return value
    text = nfkc(value).replace(",", "")
    for suffix in ("台", "式"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if not text.isdigit():
        raise ValueProblem("0以上の整数ではありません")
    return int(text)


# ---------------------------------------------------------------- lists
_LIST_SPLIT = re.compile(r"[,、，;；\n\r・]+")


def split_list(value: object) -> list[str]:
    """Items of a list cell (``,`` ``、`` ``，`` ``・`` ``;`` or new lines), blank items dropped."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if value is None:
        return []
    raw = nfkc_str(str(value))
    return [item for part in _LIST_SPLIT.split(raw) if (item := part.strip())]


#: A run of separators with the blanks around it (slow to search: a column with no blank but
#: new lines does without it).
_SEPARATOR_RUN_BLANKS = re.compile(r"\s*(?:[,、，;；\n\r・]\s*)+")
#: The characters str.strip removes that NFKC leaves as they are, but for the new lines (which
#: separate list items): a search for each is faster than for a class of characters.
#: (tests/test_values.py checks the list against Unicode.)
_BLANKS_AFTER_NFKC = tuple("\t\x0b\x0c\x1c\x1d\x1e\x1f \x85\u1680\u2028\u2029")


def split_lists(values: list, *, unique: bool = False) -> list[list[str]]:
    """``[split_list(v) for v in values]`` for a whole column (``unique``: each cell's repeated
    items dropped, first kept), normalised and split in one pass as in :func:`nfkc_texts`."""
    try:
        joined = "\x00".join(values)
    except TypeError:  # not all text
        joined = None
    if joined is None or not values:
        return _split_each(values, unique)
    # Every cell's separators become one comma: its items are what lies between. They are replaced
    # before NFKC too (str.replace: several times faster than a regular expression): a list of IDs
    # is then often ASCII, which needs no normalising. That gives the same as after: each separator
    # is a starter that NFKC leaves alone (、;\n\r・) or makes ASCII (，；), composing with nothing.
    joined = _commas_for_separators(joined)
    if not joined.isascii():
        joined = _commas_for_separators(nfkc_joined(joined))  # (NFKC makes 、・ of half-width ones)
    if any(map(joined.__contains__, _BLANKS_AFTER_NFKC)):  # blanks to trim (around separators, at the ends)
        cells = [c.strip().strip(",") for c in _SEPARATOR_RUN_BLANKS.sub(",", joined).split("\x00")]
        lists = [c.split(",") if c else [] for c in cells]
    else:
        # No blank at all: with the commas made spaces, str.split() gives each cell's items (none
        # for a cell of separators or none, no empty item between separators), at C speed.
        cells = joined.replace(",", " ").split("\x00")
        lists = list(map(str.split, cells))
    if len(cells) != len(values):  # a NUL in a cell after all (a hand-made file)
        return _split_each(values, unique)
    if unique:  # a cell rarely repeats an item: looked for with a set per cell, dropped where found
        multi = [items for items in lists if len(items) > 1]
        if sum(map(len, map(set, multi))) != sum(map(len, multi)):
            fromkeys = dict.fromkeys
            lists = [list(fromkeys(items)) if len(items) > 1 else items for items in lists]
    return lists


def _split_each(values: list, unique: bool) -> list[list[str]]:
    lists = [split_list(v) for v in values]
    return [list(dict.fromkeys(items)) if len(items) > 1 else items for items in lists] if unique else lists


def _commas_for_separators(joined: str) -> str:
    for sep in "、，;；\n\r・":
        if sep in joined:
            joined = joined.replace(sep, ",")
    return joined


def split_list_keeping(value: object, known: set[str]) -> list[str]:
    """Like :func:`split_list`, but rejoins neighbours split at ``・`` when they form a known name
    (``子ども・子育て支援`` is one workload, not two)."""
    if value is None:
        return []
    raw = nfkc_str(str(int(value) if isinstance(value, float) and value.is_integer() else value))
    items: list[str] = []
    for chunk in re.split(r"[,、，;；\n\r]+", raw):
        parts = [p.strip() for p in chunk.split("・")]
        i = 0
        while i < len(parts):
            joined = None
            for j in range(len(parts), i + 1, -1):
                candidate = "・".join(parts[i:j])
                if re.sub(r"\s+", "", candidate) in known:
                    joined, i = candidate, j
                    break
            if joined is None:
                joined, i = parts[i], i + 1
            if joined:
                items.append(joined)
    return items


# ---------------------------------------------------------------- choices
def parse_choice(value: object, choices: dict[str, str], what: str) -> str:
    """One of a fixed set: ``choices`` maps accepted spellings (NFKC, lower) to the stored value."""
    text = nfkc(value).lower().replace(" ", "")
    if text in choices:
        return choices[text]
    shown = "／".join(dict.fromkeys(choices.values()))
    raise ValueProblem(f"{what}は {shown} のいずれかで書いてください")
