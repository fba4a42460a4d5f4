"""Generators of large, valid inputs for the benchmarks.

``write_inventory(path, n, seed)`` writes an N-system inventory workbook that follows the contract
(../shared/inventory-format.md): all 18 columns, a title row above the header, and values in the
varied forms planners write (和暦 and Excel-date fiscal years, ○/× and はい/1 flags, amounts as
numbers and as ``1,234千円`` text with full-width digits, lists with mixed separators, workload codes
and names on some rows, links to other rows). ``inventory_records(n, seed)`` returns the typed
:class:`SystemRecord` rows the importer must read back from that file, without writing one.

The mix of forms follows ``sample_inventory.xlsx``: numbers mostly typed as numbers (a tenth of the
amounts and a twentieth of the server counts as text), fiscal years half as text (和暦, FY…),
flags as ○/× and their variants, most rows linked to up to four earlier rows, most notes sentences
of their own.

Both come from one row generator, so ``read_inventory(write_inventory(p, n, s)).records ==
inventory_records(n, s)``: a benchmark can check the importer's answer before timing it.

``random_dag(n, seed)`` gives an N-task graph for the schedule benchmarks.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from collections.abc import Iterator

from migration_planner.inventory.contract import SystemRecord

#: The contract's primary headers, in the contract's order.
HEADER = [
    "システムID", "システム名", "所管所属", "系統", "サーバ台数", "標準化対象業務", "住民基本系", "SaaS候補",
    "SaaS適合", "クラウド化阻害要因", "次期更新年度", "年間運用経費（千円）", "移行経費見込（千円）", "予算要求",
    "規模", "連携先システムID", "保守事業者", "備考",
]

_DEPTS = (
    "市民局", "財政局", "総務局", "福祉局", "健康局", "こども青少年局", "教育委員会事務局", "建設局",
    "水道局", "危機管理室", "デジタル統括室", "環境局", "都市整備局", "経済戦略局", "港湾局", "消防局",
    "北区役所", "中央区役所", "西成区役所", "住之江区役所",
)
_TIER_FORMS = (
    ("住民情報系基幹", "住民情報系基幹"), ("内部情報系基幹", "内部情報系基幹"), ("各局", "各局"),
    ("住民情報系", "住民情報系基幹"), ("各局システム", "各局"),
)
_VENDORS = tuple(f"{p}情報システム株式会社" for p in (
    "浪速", "淀川", "御堂筋", "中之島", "天満橋", "堺筋", "咲洲", "上町", "心斎橋", "北浜", "梅田", "難波"))
_SAAS = ("kintone", "Garoon", "LGWAN-ASP 電子申請", "クラウド文書管理サービス", "ガバメントクラウド共通機能")
_BLOCKERS = ("閉域の制御ネットワーク", "専用端末との常時接続", "庁内LANからの分離が必要", "リアルタイム監視")
_NOTES = ("", "次期更新で統合予定", "保守期限 令和9年3月", "帳票は外部委託", "※ 要調査", "標準化対象外", "庁内LANで運用")
#: (cell, codes): workload cells in the forms planners write, codes in the city's order.
_WORKLOADS = (
    ("1,2", ["1", "2"]), ("6-a", ["6-a"]), ("住民基本台帳", ["1"]), ("20-b", ["20-b"]),
    ("7、8、9、10", ["7", "8", "9", "10"]), ("就学", ["6-a", "6-b"]), ("子ども・子育て支援", ["19"]),
    ("１４", ["14"]), ("11・12・13", ["11", "12", "13"]), ("健康管理", ["20-a", "20-b"]),
)
_TRUE_FORMS = ("○", "はい", "有", 1, "Y", "対象", True)
_FALSE_FORMS = ("×", None, "いいえ", "無", 0, "-", "対象外")
_SCALES = (("大", "大"), ("中", "中"), ("小", "小"), (None, ""), ("中規模", "中"))
_FITS = (("適合", "適合"), ("不適合", "不適合"), ("未検討", "未検討"), (None, "未検討"), ("○", "適合"))
_SEPARATORS = (",", "、", "，", "・", ";", "\n")
_FULL_WIDTH = str.maketrans("0123456789,", "０１２３４５６７８９，")


def _sid(i: int) -> str:
    return f"SYS{i:06d}"


def _fiscal_year(rng: random.Random) -> tuple[object, int | None]:
    year = rng.randint(2023, 2032)
    form = rng.randrange(10)
    if form == 0:
        return None, None
    if form == 1:
        return f"FY{year}", year
    if form == 2:
        return f"R{year - 2018}", year
    if form == 3:
        return f"令和{year - 2018}年度", year
    if form == 4:
        # An Excel date: its fiscal year runs April–March.
        day = dt.datetime(year, rng.randint(1, 12), rng.randint(1, 28))
        return day, year if day.month >= 4 else year - 1
    if form == 5:
        year = rng.randint(2016, 2018)  # an old renewal, written in 平成
        return (f"平成{year - 1988}年度", f"H{year - 1988}")[year % 2], year
    if form == 6:
        return f"令和{year - 2018}", year
    return year, year


def _amount(rng: random.Random, blank_every: int) -> tuple[object, int | None]:
    if rng.randrange(blank_every) == 0:
        return None, None
    value = rng.randint(0, 2_000_000)
    form = rng.randrange(100)
    if form < 7:
        return f"{value:,}", value
    if form < 10:
        return f"{value:,}千円".translate(_FULL_WIDTH), value
    if form < 20:
        return float(value), value
    return value, value


def _flag(rng: random.Random, p_true: float) -> tuple[object, bool]:
    if rng.random() < p_true:
        return rng.choice(_TRUE_FORMS), True
    return rng.choice(_FALSE_FORMS), False


def _rows(n: int, seed: int) -> Iterator[tuple[list, SystemRecord]]:
    """(cells as written, the typed record the importer must produce) for each of ``n`` systems."""
    rng = random.Random(seed)
    for i in range(n):
        sid = _sid(i)
        sid_cell = sid.translate(str.maketrans("0123456789", "０１２３４５６７８９")) if i % 17 == 5 else sid
        name = f"業務システム{i}" if i % 10 else f"{_DEPTS[i % len(_DEPTS)]}　管理システム{i}"
        name_typed = name.replace("　", " ")
        dept = _DEPTS[rng.randrange(len(_DEPTS))]
        tier_cell, tier = _TIER_FORMS[rng.randrange(len(_TIER_FORMS))]
        servers = rng.randint(0, 40)
        servers_cell: object = f"{servers}台" if i % 20 == 7 else servers
        if i % 9 == 0:
            wl_cell, codes = _WORKLOADS[(i // 9) % len(_WORKLOADS)]
        else:
            wl_cell, codes = None, []
        resident_cell, resident = _flag(rng, 0.1)
        saas = _SAAS[rng.randrange(len(_SAAS))] if rng.random() < 0.4 else ""
        fit_cell, fit = _FITS[rng.randrange(len(_FITS))]
        blocker = _BLOCKERS[rng.randrange(len(_BLOCKERS))] if rng.random() < 0.2 else ""
        fy_cell, fy = _fiscal_year(rng)
        annual_cell, annual = _amount(rng, 20)
        migration_cell, migration = _amount(rng, 10)
        budget_cell, budget = _flag(rng, 0.3)
        scale_cell, scale = _SCALES[rng.randrange(len(_SCALES))]
        links: list[str] = []
        if i > 0 and rng.random() < 0.7:
            links = list(dict.fromkeys(_sid(rng.randrange(i)) for _ in range(rng.randint(1, 4))))
        links_cell = rng.choice(_SEPARATORS).join(links) if links else None
        vendor = _VENDORS[rng.randrange(len(_VENDORS))]
        notes = _NOTES[rng.randrange(len(_NOTES))]
        notes_cell = notes
        if notes and rng.random() < 0.7:  # most notes are sentences of their own, as in the sample
            notes_cell = f"{notes}。{dept}の窓口{i % 24 + 1}か所で利用（{servers}台構成、No.{i}）"
            notes = notes_cell.replace("（", "(").replace("）", ")")  # NFKC: full-width brackets
        cells = [
            sid_cell, name, dept, tier_cell, servers_cell, wl_cell, resident_cell, saas or None, fit_cell,
            blocker or None, fy_cell, annual_cell, migration_cell, budget_cell, scale_cell, links_cell, vendor,
            notes_cell or None,
        ]
        record = SystemRecord(
            system_id=sid, name=name_typed, department=dept, tier=tier, servers=servers, workloads=list(codes),
            resident_core=resident, saas_candidate=saas, saas_fit=fit, cloud_blocker=blocker, next_renewal_fy=fy,
            annual_cost=annual, migration_cost=migration, budget_request=budget, scale=scale, links_to=links,
            vendor=vendor, notes=notes,
        )
        yield cells, record


def inventory_records(n: int, seed: int = 0) -> list[SystemRecord]:
    """The ``n`` typed records :func:`write_inventory` writes for ``seed`` (no file)."""
    return [record for _cells, record in _rows(n, seed)]


def write_inventory(path: str | os.PathLike, n: int, seed: int = 0) -> str:
    """Write an ``n``-system inventory workbook to ``path`` (openpyxl write-only mode) and return its path."""
    from openpyxl import Workbook

    path = os.fspath(path)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("システム一覧")
    ws.append([f"情報システム一覧（ベンチマーク用 {n} システム、seed {seed}）"])
    ws.append([])
    ws.append(HEADER)
    for cells, _record in _rows(n, seed):
        ws.append(cells)
    wb.save(path)
    return path


def random_dag(n: int, seed: int = 0, *, max_preds: int = 3, window: int | None = None):
    """A random task DAG for the schedule benchmarks: ``(src, dst, dur)`` numpy arrays.

    Task j > 0 takes 1…``max_preds`` predecessors drawn uniformly from the ``window`` tasks before it
    (all earlier tasks when None); durations are whole working days 1–60. A narrow window gives a
    deep, chain-like graph (many topological levels), a wide one a shallow project network.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    j = np.arange(1, n)
    k = rng.integers(1, max_preds + 1, size=n - 1)
    dst = np.repeat(j, k)
    lo = np.repeat(np.maximum(0, j - window) if window else np.zeros(n - 1, dtype=np.int64), k)
    src = lo + (rng.random(dst.size) * (dst - lo)).astype(np.int64)
    pairs = np.unique(np.stack([src, dst], axis=1), axis=0)
    dur = rng.integers(1, 61, size=n).astype(np.int64)
    return pairs[:, 0].copy(), pairs[:, 1].copy(), dur
