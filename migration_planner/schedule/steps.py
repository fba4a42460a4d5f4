"""The national procedure manual's 40 steps, their phases and default three-point durations.

Source: domain.md §3 (自治体情報システムの標準化・共通化に係る手順書). The manual groups its work in
18 groups ① … ⑱; the PMO tool reports 40 steps. The group contents listed in domain.md name 36
steps. **Assumption**: the four missing ones are placed where the manual's migration groups hold
more work than those names cover — ⑬ ガバメントクラウド環境構築 (before 移行時設定),
⑭ 移行リハーサル (between クレンジング and 最終データ移行), ⑮ 受入テスト (after テスト) and
⑰ 業務手順見直し (BPR beside 条例・規則改正). ①–⑫ (steps 1–27) are the phase 計画立案,
⑬–⑱ (steps 28–40) the phase 移行.

Durations are **defaults** in working days (optimistic, likely, pessimistic); the manual publishes
none. They are tuned so that one migration from scratch takes about 3 years of working days on its
critical chain, of which the vendor's build-and-test (⑬–⑯) takes about 1.2 years — in line with
the early national assumption of 6–12 months of vendor development plus Osaka's own note that a
city of its size needs five years or more once vendor capacity is counted. Edit them per workload.

Step numbers follow a topological order of the in-workload precedences below, so "the first k
steps are done" (how the progress sheet reports) is always a consistent state.
"""

from __future__ import annotations

from dataclasses import dataclass

from migration_planner.i18n import Msg

# Phases, statuses and step names are Msg (equal to the Japanese text the plan stores and the
# progress sheet writes), so that the window can show them in its own language.
PLANNING, MIGRATION = Msg("schedule", "計画立案"), Msg("schedule", "移行")
DONE, IN_PROGRESS, NOT_STARTED, NOT_APPLICABLE = (
    Msg("schedule", "完了済み"), Msg("schedule", "作業中"), Msg("schedule", "未着手"), Msg("schedule", "対象外"))
STATUSES: tuple[str, ...] = (DONE, IN_PROGRESS, NOT_STARTED, NOT_APPLICABLE)
#: Statuses that count as finished in the PMO tool's progress rate.
FINISHED_STATUSES = frozenset({DONE, NOT_APPLICABLE})
#: Share of a step's duration still to do when it is 作業中 (an assumption: half done).
IN_PROGRESS_REMAINING = 0.5


@dataclass(frozen=True, slots=True)
class StepDef:
    no: int                      # 1 … 40
    group: str                   # ① … ⑱
    name: str
    phase: str                   # 計画立案 / 移行
    predecessors: tuple[int, ...]
    optimistic: float
    likely: float
    pessimistic: float
    build_and_test: bool = False  # consumes the vendor's capacity (⑬–⑯)
    cutover: bool = False         # the cut-over itself (⑱ 運用開始)

    @property
    def label(self) -> str:
        return f"{self.group} {self.name}"


def _s(no, group, name, preds, o, m, p, **kw) -> StepDef:
    return StepDef(no, group, name, PLANNING if no <= 27 else MIGRATION, tuple(preds), o, m, p, **kw)


_BT = {"build_and_test": True}

STEPS: tuple[StepDef, ...] = (
    _s(1, "①", Msg("schedule", "体制案"), [], 5, 10, 20),
    _s(2, "①", Msg("schedule", "関係部局調整"), [1], 10, 20, 40),
    _s(3, "①", Msg("schedule", "首長報告"), [2], 2, 5, 10),
    _s(4, "②", Msg("schedule", "基礎調査"), [3], 20, 40, 60),
    _s(5, "②", Msg("schedule", "連携一覧"), [4], 10, 20, 40),
    _s(6, "②", Msg("schedule", "現行ベンダ協議"), [4], 10, 20, 40),
    _s(7, "②", Msg("schedule", "取りまとめ"), [5, 6], 5, 10, 20),
    _s(8, "③", Msg("schedule", "Fit&Gap"), [7], 40, 60, 100),
    _s(9, "④", Msg("schedule", "移行方針"), [8], 10, 20, 30),
    _s(10, "④", Msg("schedule", "調達方式"), [9], 5, 10, 20),
    _s(11, "④", Msg("schedule", "調達スケジュール"), [10], 5, 10, 20),
    _s(12, "④", Msg("schedule", "課題整理"), [9], 10, 15, 30),
    _s(13, "⑤", Msg("schedule", "RFI作成"), [11, 12], 10, 15, 25),
    _s(14, "⑥", Msg("schedule", "RFI質疑"), [13], 10, 15, 20),
    _s(15, "⑥", Msg("schedule", "RFI回答受領"), [14], 15, 20, 30),
    _s(16, "⑦", Msg("schedule", "RFI分析"), [15], 10, 20, 30),
    _s(17, "⑦", Msg("schedule", "移行計画詳細化"), [16], 15, 25, 40),
    _s(18, "⑧", Msg("schedule", "予算根拠"), [16], 10, 20, 30),
    _s(19, "⑧", Msg("schedule", "予算要求"), [18], 40, 60, 80),
    _s(20, "⑨", Msg("schedule", "RFP作成"), [17, 19], 20, 30, 50),
    _s(21, "⑨", Msg("schedule", "RFP質疑"), [20], 10, 15, 20),
    _s(22, "⑨", Msg("schedule", "RFP回答受領"), [21], 15, 20, 30),
    _s(23, "⑩", Msg("schedule", "ベンダ評価"), [22], 10, 20, 30),
    _s(24, "⑩", Msg("schedule", "ベンダ選定"), [23], 5, 10, 20),
    _s(25, "⑪", Msg("schedule", "契約協議"), [24], 15, 25, 40),
    _s(26, "⑪", Msg("schedule", "詳細スケジュール確定"), [25], 10, 15, 25),
    _s(27, "⑫", Msg("schedule", "特定個人情報保護評価"), [17], 40, 60, 90),
    _s(28, "⑬", Msg("schedule", "ガバメントクラウド環境構築"), [26], 40, 60, 100, **_BT),
    _s(29, "⑬", Msg("schedule", "移行時設定"), [28], 60, 100, 160, **_BT),
    _s(30, "⑭", Msg("schedule", "データクレンジング"), [26], 40, 60, 100, **_BT),
    _s(31, "⑭", Msg("schedule", "移行リハーサル"), [29, 30], 20, 30, 50, **_BT),
    _s(32, "⑭", Msg("schedule", "最終データ移行"), [31, 27], 5, 10, 20, **_BT),
    _s(33, "⑮", Msg("schedule", "テスト"), [32], 40, 60, 100, **_BT),
    _s(34, "⑮", Msg("schedule", "受入テスト"), [33], 20, 30, 50, **_BT),
    _s(35, "⑮", Msg("schedule", "研修"), [33], 10, 20, 30, **_BT),
    _s(36, "⑯", Msg("schedule", "機器調達"), [26], 30, 60, 90, **_BT),
    _s(37, "⑯", Msg("schedule", "庁内NW接続"), [36], 10, 20, 40, **_BT),
    _s(38, "⑰", Msg("schedule", "条例・規則改正"), [17], 40, 60, 90),
    _s(39, "⑰", Msg("schedule", "業務手順見直し"), [17], 30, 50, 80),
    # ≥ 4 consecutive closed days for a cut-over (Osaka's 2019 estimate, domain.md §3).
    _s(40, "⑱", Msg("schedule", "運用開始"), [34, 35, 37, 38, 39], 3, 4, 6, cutover=True),
)

N_STEPS = len(STEPS)
BY_NO: dict[int, StepDef] = {s.no: s for s in STEPS}
BUILD_AND_TEST: tuple[int, ...] = tuple(s.no for s in STEPS if s.build_and_test)
CUTOVER_STEP = 40
PHASES: tuple[str, ...] = (PLANNING, MIGRATION)

assert N_STEPS == 40 and all(p < s.no for s in STEPS for p in s.predecessors)


def progress_fraction(statuses) -> float:
    """The PMO tool's progress rate: (完了 + 対象外) / 40."""
    return sum(1 for s in statuses if s in FINISHED_STATUSES) / N_STEPS


def steps_for_rate(rate: float) -> int:
    """Completed steps for a progress rate 0–1 (17.5 % → 7), rounding down."""
    return max(0, min(N_STEPS, int(rate * N_STEPS + 1e-6)))
