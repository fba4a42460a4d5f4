"""The city offices' working-day calendar and the blackout months for cut-overs.

Offices close on weekends, national holidays (``jpholiday``) and 12/29 – 1/3 (domain.md §6), which
no holiday library includes. Schedules count in working days from an origin (the as-of date); this
module converts offsets to dates and back with numpy's business-day functions.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import numpy as np

DEFAULT_BLACKOUT_MONTHS: tuple[int, ...] = (4, 5)  # resident-move peak (domain.md §3)


def _cache_file() -> str:
    """Where computed holidays are kept between runs (the user's cache folder; no Qt in the core)."""
    import os

    base = os.environ.get("LOCALAPPDATA") if os.name == "nt" else os.environ.get("XDG_CACHE_HOME")
    base = base or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "migration-planner", "holidays.json")


def _national_holidays(first_year: int, last_year: int) -> list[dt.date]:
    """jpholiday's holidays of the span, kept in a small cache file per jpholiday version.

    jpholiday works out equinoxes and substitute holidays day by day in pure Python: about 0.7 s
    for the usual 14 years in every new process (and that long holding the GIL's attention in a
    window's worker). The cache file makes it a file read after the first run; any problem with
    the file (missing, unreadable, another version) falls back to jpholiday.
    """
    import json
    import os
    from importlib import metadata

    import jpholiday

    try:
        version = metadata.version("jpholiday")
    except metadata.PackageNotFoundError:
        version = "?"
    key = f"{version}:{first_year}-{last_year}"
    path = _cache_file()
    cached: dict = {}
    try:
        with open(path, encoding="utf-8") as fh:
            cached = json.load(fh)
        if isinstance(cached, dict) and isinstance(cached.get(key), list):
            return [dt.date.fromisoformat(d) for d in cached[key]]
    except (OSError, ValueError, TypeError):
        cached = {}
    days = sorted({d for d, _ in jpholiday.between(dt.date(first_year, 1, 1), dt.date(last_year, 12, 31))})
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        entries = {k: v for k, v in cached.items() if k.startswith(f"{version}:")} if isinstance(cached, dict) else {}
        entries[key] = [d.isoformat() for d in days]
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(entries, fh)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home: computed again next time
    return days


@lru_cache(maxsize=32)
def _holidays(first_year: int, last_year: int) -> tuple[np.datetime64, ...]:
    """National holidays (jpholiday, cached on disk) and the year-end closure, 1/1 of ``first_year``
    to 12/31 of ``last_year``."""
    days = set(_national_holidays(first_year, last_year))
    for y in range(first_year, last_year + 1):
        days.update((dt.date(y, 1, 1), dt.date(y, 1, 2), dt.date(y, 1, 3)))
        days.update((dt.date(y, 12, 29), dt.date(y, 12, 30), dt.date(y, 12, 31)))
    return tuple(np.datetime64(d, "D") for d in sorted(days))


class WorkCalendar:
    """Working days from ``origin``: offset 0 is the first working day on or after it."""

    #: Years of holidays looked up past the origin. Beyond them only weekends are skipped; schedules
    #: of the 20 workloads end well within (about five years of work from scratch).
    YEARS_AHEAD = 12

    def __init__(self, origin: dt.date, years: int = YEARS_AHEAD) -> None:
        self.origin = origin
        # Back to FY2025 so that slack against the 2026-03-31 deadline counts real working days.
        self.first_year, self.last_year = min(origin.year, 2026) - 1, origin.year + years
        self.cal = np.busdaycalendar(weekmask="1111100", holidays=list(_holidays(self.first_year, self.last_year)))
        self.day0 = np.busday_offset(np.datetime64(origin, "D"), 0, roll="forward", busdaycal=self.cal)
        # Day table: offsets 0 … horizon-1 as dates, and each one's month, for vectorised lookups.
        end = np.datetime64(dt.date(self.last_year, 12, 31), "D")
        self.horizon = int(np.busday_count(self.day0, end, busdaycal=self.cal))
        self.days = np.busday_offset(self.day0, np.arange(self.horizon), roll="forward", busdaycal=self.cal)
        self.months = (self.days.astype("datetime64[M]").astype(np.int64) % 12 + 1).astype(np.int8)

    def is_working_day(self, day: dt.date) -> bool:
        return bool(np.is_busday(np.datetime64(day, "D"), busdaycal=self.cal))

    def date(self, offset: int) -> dt.date:
        """The date of working day ``offset`` (negative offsets count back before the origin)."""
        return np.busday_offset(self.day0, int(offset), roll="forward", busdaycal=self.cal).astype(dt.date)

    def dates(self, offsets: np.ndarray) -> np.ndarray:
        return np.busday_offset(self.day0, np.asarray(offsets, dtype=np.int64), roll="forward", busdaycal=self.cal)

    def finish_date(self, end_offset: int) -> dt.date:
        """The last working day of work that ends at exclusive offset ``end_offset``."""
        return self.date(max(int(end_offset) - 1, 0)) if end_offset > 0 else self.date(int(end_offset))

    def offset_by(self, day: dt.date) -> int:
        """Working days from the origin up to and including ``day``: work with an exclusive end
        ``≤ offset_by(day)`` is finished by ``day``. Negative when ``day`` is before the origin."""
        d = np.datetime64(day, "D") + 1
        return int(np.busday_count(self.day0, d, busdaycal=self.cal))

    def blackout_tables(self, months) -> tuple[np.ndarray, np.ndarray]:
        """``allowed[t]`` (working day t is outside the blackout months) and ``next_allowed[t]``
        (the first allowed offset ≥ t). Offsets past the horizon count as allowed."""
        bad = np.isin(self.months, np.asarray(list(months) or [0], dtype=np.int8))
        allowed = np.append(~bad, True)
        idx = np.where(allowed, np.arange(allowed.size), allowed.size - 1)
        next_allowed = np.minimum.accumulate(idx[::-1])[::-1]
        return allowed, next_allowed


def shift_out_of_blackout(start: np.ndarray, length: np.ndarray, allowed: np.ndarray, nxt: np.ndarray) -> np.ndarray:
    """Earliest start ≥ ``start`` whose first and last working day both lie outside the blackout.

    Vectorised over any shape (samples × cut-overs). A cut-over of a few days cannot span a whole
    allowed stretch between blackouts, so checking its two ends is enough.
    """
    top = allowed.size - 1
    s = nxt[np.clip(start, 0, top)]
    last = np.clip(s + np.maximum(length, 1) - 1, 0, top)
    bad = ~allowed[last]
    return np.where(bad, nxt[last], s)


def previous_allowed(allowed: np.ndarray) -> np.ndarray:
    """``prev[t]``: the last allowed offset ≤ t (−1 when there is none)."""
    idx = np.where(allowed, np.arange(allowed.size), -1)
    return np.maximum.accumulate(idx)


def shift_back_out_of_blackout(start: np.ndarray, length: np.ndarray, allowed: np.ndarray,
                               prev: np.ndarray) -> np.ndarray:
    """Latest start ≤ ``start`` whose first and last working day both lie outside the blackout: the
    backward pass's mirror of :func:`shift_out_of_blackout`, for late dates.

    Starts before the origin (no months known) or whose cut-over would end past the calendar's
    horizon (counted as allowed, as in the forward pass) are left where they are.
    """
    start = np.asarray(start)
    top = allowed.size - 1
    w = np.maximum(length, 1)
    end = start + w - 1
    inside = (start >= 0) & (end < top)
    s = prev[np.clip(end, 0, top)] - w + 1          # its last day on the latest allowed day ≤ end
    for _ in range(3):  # once is enough when cut-overs are shorter than any allowed stretch
        bad = (s >= 0) & ~allowed[np.clip(s, 0, top)]   # its first day falls in a blackout:
        if not bad.any():                                # end it before that blackout instead
            break
        s = np.where(bad, prev[np.clip(s, 0, top)] - w + 1, s)
    return np.where(inside & (s >= 0), s, start)
