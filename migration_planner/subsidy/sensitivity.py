"""Which assumption moves the shortfall most: a tornado over stated ranges.

Each range is evaluated with every other assumption held at the scenario's value; the swing is
|shortfall at the high end − shortfall at the low end|. Rows come sorted by swing, largest first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from migration_planner.i18n import Msg
from migration_planner.subsidy.model import CostBase, evaluate
from migration_planner.subsidy.params import PARAM_LABELS, ScenarioParams


@dataclass(frozen=True, slots=True)
class SensitivityRange:
    key: str
    label: str
    #: (scenario params) → (low, high) values of the parameter.
    bounds: Callable[[ScenarioParams], tuple[float, float]]
    description: str


def _cap_range(p: ScenarioParams) -> tuple[int, int]:
    return round(p.cap * 0.8), round(p.cap * 1.2)


def _committed_range(p: ScenarioParams) -> tuple[int, int]:
    return round(p.committed * 0.8), round(p.committed * 1.2)


#: The stated ranges (domain.md §5 for the multiplier: 1.0× = no change … 5.7× = the worst reported).
RANGES: tuple[SensitivityRange, ...] = (
    SensitivityRange("cap", PARAM_LABELS["cap"], _cap_range, Msg("subsidy", "補助上限額 ±20 %")),
    SensitivityRange("committed", PARAM_LABELS["committed"], _committed_range, Msg("subsidy", "計上済み額 ±20 %")),
    SensitivityRange("escalation_pct", PARAM_LABELS["escalation_pct"], lambda p: (0.0, 20.0), Msg("subsidy", "上振れ率 0〜20 %")),
    SensitivityRange("running_multiplier", PARAM_LABELS["running_multiplier"], lambda p: (1.0, 5.7),
                     Msg("subsidy", "運用経費倍率 1.0〜5.7倍")),
    SensitivityRange("delay_months", PARAM_LABELS["delay_months"], lambda p: (0.0, 24.0), Msg("subsidy", "遅延 0〜24か月")),
    SensitivityRange("related_share_pct", PARAM_LABELS["related_share_pct"], lambda p: (0.0, 100.0),
                     Msg("subsidy", "関連作業の計上率 0〜100 %")),
)


@dataclass(frozen=True, slots=True)
class TornadoRow:
    key: str
    label: str
    description: str
    low: float
    high: float
    shortfall_low: int
    shortfall_high: int
    base_shortfall: int

    @property
    def swing(self) -> int:
        return abs(self.shortfall_high - self.shortfall_low)

    def to_json(self) -> dict:
        return {k: getattr(self, k) for k in self.__slots__} | {"swing": self.swing}


def tornado(
    base: CostBase,
    params: ScenarioParams,
    late_months: Mapping[str, float] | None = None,
    ranges: tuple[SensitivityRange, ...] = RANGES,
) -> list[TornadoRow]:
    """Shortfall at each end of each range; sorted by swing, largest first (ties keep the order)."""
    base_short = evaluate(base, params, late_months, explain=False).shortfall
    rows = []
    for r in ranges:
        lo, hi = r.bounds(params)
        s_lo = evaluate(base, params.with_(**{r.key: lo}), late_months, explain=False).shortfall
        s_hi = evaluate(base, params.with_(**{r.key: hi}), late_months, explain=False).shortfall
        rows.append(TornadoRow(r.key, r.label, r.description, lo, hi, s_lo, s_hi, base_short))
    return sorted(rows, key=lambda row: -row.swing)
