"""The 20 standardization workloads, Osaka City's systems for them, and data-linkage edges.

Source: ../shared/domain.md §2 (seed 002, section 5). The city splits 6 (就学) and 20 (健康管理)
in two; a code without its letter (``6``, ``20``) or a name that covers both means both halves.
The default data-linkage edges are an assumption (the official matrix is not public) and are
editable in a plan.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import NamedTuple


class WorkloadDef(NamedTuple):
    # A NamedTuple, not a frozen dataclass: the same record, made in a tenth of the time
    # (dataclasses write and compile their methods when the module loads: the window's start).
    code: str          # "1" … "20", "6-a", "6-b", "20-a", "20-b"
    number: int        # the law's number, 1 … 20
    name: str          # the city's name
    system: str        # the city's system that carries it (the first one for 5)


#: Catalog in the city's order. 22 entries = 20 workloads with two of them split.
WORKLOADS: tuple[WorkloadDef, ...] = (
    WorkloadDef("1", 1, "住民基本台帳", "住民基本台帳等事務システム"),
    WorkloadDef("2", 2, "印鑑登録", "住民基本台帳等事務システム"),
    WorkloadDef("3", 3, "戸籍の附票", "戸籍情報システム"),
    WorkloadDef("4", 4, "戸籍", "戸籍情報システム"),
    WorkloadDef("5", 5, "選挙人名簿管理", "選挙事務システム"),
    WorkloadDef("6-a", 6, "就学（学齢簿編成等）", "就学システム"),
    WorkloadDef("6-b", 6, "就学（就学援助）", "校園ネットワーク業務システム"),
    WorkloadDef("7", 7, "固定資産税", "税務事務システム"),
    WorkloadDef("8", 8, "個人住民税", "税務事務システム"),
    WorkloadDef("9", 9, "法人住民税", "税務事務システム"),
    WorkloadDef("10", 10, "軽自動車税", "税務事務システム"),
    WorkloadDef("11", 11, "国民健康保険", "国民健康保険等システム"),
    WorkloadDef("12", 12, "国民年金", "国民健康保険等システム"),
    WorkloadDef("13", 13, "後期高齢者医療", "国民健康保険等システム"),
    WorkloadDef("14", 14, "介護保険", "介護保険システム"),
    WorkloadDef("15", 15, "障がい者福祉", "総合福祉システム"),
    WorkloadDef("16", 16, "生活保護", "総合福祉システム"),
    WorkloadDef("17", 17, "児童手当", "総合福祉システム"),
    WorkloadDef("18", 18, "児童扶養手当", "総合福祉システム"),
    WorkloadDef("19", 19, "子ども子育て支援", "保健衛生システム"),
    WorkloadDef("20-a", 20, "健康管理（母子保健）", "保健衛生システム"),
    WorkloadDef("20-b", 20, "健康管理（がん検診・接種履歴）", "保健衛生システム"),
)

WORKLOAD_CODES: tuple[str, ...] = tuple(w.code for w in WORKLOADS)
BY_CODE: dict[str, WorkloadDef] = {w.code: w for w in WORKLOADS}
_ORDER = {c: i for i, c in enumerate(WORKLOAD_CODES)}

#: The city's systems and the workloads each carries (domain.md §2).
SYSTEM_WORKLOADS: dict[str, tuple[str, ...]] = {
    "住民基本台帳等事務システム": ("1", "2"),
    "戸籍情報システム": ("3", "4"),
    "選挙事務システム": ("5",),
    "期日前・不在者投票管理システム": ("5",),
    "当日投票管理システム": ("5",),
    "就学システム": ("6-a",),
    "校園ネットワーク業務システム": ("6-b",),
    "税務事務システム": ("7", "8", "9", "10"),
    "国民健康保険等システム": ("11", "12", "13"),
    "介護保険システム": ("14",),
    "総合福祉システム": ("15", "16", "17", "18"),
    "保健衛生システム": ("19", "20-a", "20-b"),
}


def _key(text: str) -> str:
    """Normalise a workload name for lookup: NFKC, no whitespace, no brackets' spacing."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _build_names() -> dict[str, tuple[str, ...]]:
    names: dict[str, tuple[str, ...]] = {}
    for w in WORKLOADS:
        names[_key(w.name)] = (w.code,)
    # Names that cover both halves of a split workload.
    names[_key("就学")] = ("6-a", "6-b")
    names[_key("健康管理")] = ("20-a", "20-b")
    # Names the national PMO tool uses, and common variants.
    aliases = {
        "住民記録": ("1",),
        "戸籍附票": ("3",),
        "障害者福祉": ("15",),
        "障害福祉": ("15",),
        "子ども・子育て支援": ("19",),
        "子ども子育て支援": ("19",),
        "子育て支援": ("19",),
        "選挙人名簿": ("5",),
        "学齢簿編成": ("6-a",),
        "就学援助": ("6-b",),
        "母子保健": ("20-a",),
        "がん検診": ("20-b",),
        "後期高齢者医療(資格・収納)": ("13",),
    }
    for name, codes in aliases.items():
        names[_key(name)] = codes
    return names


def __getattr__(name: str):
    # WORKLOAD_NAMES (normalised name → codes) is built when first asked for: reading a workbook
    # needs it, showing a plan does not (the window's start, issue 2).
    if name == "WORKLOAD_NAMES":
        return _names()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def _names() -> dict[str, tuple[str, ...]]:
    return _build_names()


# Compiled by re (and kept in its cache) the first time a token is parsed, not at import.
_CODE_RE = r"^0*(\d{1,2})(?:-?([ab]))?$"
_PREFIXED_RE = r"^0*(\d{1,2}(?:-?[ab])?)[\s.．:：)）]*(.+)$"


def parse_workload_token(token: str) -> tuple[str, ...] | None:
    """Codes for one workload token (a code or a name), or None when it is unknown.

    ``"1"`` → ("1",); ``"6"`` → ("6-a", "6-b"); ``"6a"``/``"6-A"`` → ("6-a",);
    ``"住民記録"`` → ("1",); ``"1 住民基本台帳"`` → ("1",).
    """
    text = _key(token).lower()
    if not text:
        return None
    m = re.match(_CODE_RE, text)
    if m:
        number, half = int(m.group(1)), m.group(2)
        if half:
            code = f"{number}-{half}"
            return (code,) if code in BY_CODE else None
        if str(number) in BY_CODE:
            return (str(number),)
        halves = tuple(c for c in WORKLOAD_CODES if BY_CODE[c].number == number)
        return halves or None
    names = _names()
    if text in names:
        return names[text]
    m = re.match(_PREFIXED_RE, text)
    if m:
        by_code = parse_workload_token(m.group(1))
        by_name = names.get(m.group(2))
        if by_code and by_name and set(by_name) <= set(by_code):
            return by_name
        if by_code and by_name is None:
            return None
        return by_code if by_code and by_name and set(by_code) & set(by_name) else None
    return None


def sort_codes(codes) -> list[str]:
    """Codes in the city's order, without duplicates."""
    return sorted(set(codes), key=lambda c: _ORDER.get(c, len(_ORDER)))


def _default_edges() -> tuple[tuple[str, str], ...]:
    edges: list[tuple[str, str]] = []
    # 住民基本台帳 feeds nearly every other workload; 戸籍 feeds 住民基本台帳 (not the reverse).
    edges += [("1", c) for c in WORKLOAD_CODES if c not in ("1", "4")]
    edges += [("4", "1"), ("4", "3")]
    # 個人住民税 (income data) feeds the means-tested workloads.
    edges += [("8", c) for c in ("11", "14", "13", "15", "17", "18", "19", "6-b", "16", "20-a", "20-b")]
    # 生活保護 feeds health insurance, long-term care, disability welfare and school aid.
    edges += [("16", c) for c in ("11", "14", "15", "6-b")]
    # 国民健康保険 feeds health management.
    edges += [("11", "20-a"), ("11", "20-b")]
    return tuple(edges)


#: Default data-linkage edges (provider, consumer). An assumption: see domain.md §2.
DEFAULT_EDGES: tuple[tuple[str, str], ...] = _default_edges()


def workload_label(code: str) -> str:
    """「1 住民基本台帳」 style label."""
    w = BY_CODE.get(code)
    return f"{code} {w.name}" if w else code
