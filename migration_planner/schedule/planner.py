"""The workloads' schedule from actual progress: task graph, vendor capacity, blackout, CPM, status.

Model (all in working days from the as-of date, see :mod:`.calendar`):

* Each workload is the 40 steps of :mod:`.steps` with their in-workload precedences. A finished
  step (完了済み / 対象外) takes 0 days, a step 作業中 half its estimate, others their estimate. The
  plan uses each step's PERT mean (o + 4m + p) / 6, rounded up to whole days.
* **Migration** = the workloads connected by sharing a system (one system is one migration;
  5 選挙人名簿管理 ties its three systems into one). Vendor capacity counts migrations.
* **Cut-over bundle** = migrations that must go live together: one migration's workloads cut over
  together, and a consumer goes live no earlier than its provider; where the linkage edges between
  migrations form a loop (default edges: 4 戸籍 → 1 住民基本台帳 → 3 戸籍の附票) the loop's
  migrations can only satisfy "no earlier than" by going live the same day, so they form one bundle.
  A bundle has two zero-length nodes: *ready* (after every member's steps before ⑱, and after its
  provider bundles' go-live) and *go-live* (after every member's ⑱). A workload's finish is its
  bundle's go-live. Bundles are ordered by the edges, so a consumer's ⑱ starts after the provider is live.
* **Blackout**: a bundle's cut-over (⑱, as long as its longest member's) may neither start nor end in
  a blackout month; the ready node is moved to the first start that fits.
* **Vendor capacity**: at most N migrations per vendor in build-and-test (⑬–⑯) at once. A
  migration's build-and-test window depends only on its own progress, so windows are placed once,
  in order of their earliest start (city order on ties), each at the earliest time its vendor has a
  free slot for the window's whole length; migrations already in build-and-test keep their slot.
  The slot becomes a release date on the migration's build-and-test steps. Systems with no vendor
  recorded are not limited. The hand-over (the window that freed the slot → the one that waited)
  becomes a **resource link** in the task graph, so that late dates, slack and the critical path
  see that a slip in the first delays the second.
* **Late dates** (``ls``/``lf``, each task's ``slack_days``): the backward pass over precedences and
  resource links from the plan's end, moving each bundle's late cut-over earlier out of the blackout
  months (the mirror of the forward rule).
* **Slack** (``slack_days``) is in **working days**: deadline offset − go-live offset; negative
  means late by that many working days.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

import networkx as nx
import numpy as np

from migration_planner.i18n import Joined, Msg
from migration_planner.schedule import catalog
from migration_planner.schedule.calendar import (
    WorkCalendar,
    previous_allowed,
    shift_back_out_of_blackout,
    shift_out_of_blackout,
)
from migration_planner.schedule.graph import CycleError, Levels, backward, critical_chain, forward, levelize
from migration_planner.schedule.steps import (
    BUILD_AND_TEST,
    BY_NO,
    CUTOVER_STEP,
    FINISHED_STATUSES,
    IN_PROGRESS,
    IN_PROGRESS_REMAINING,
    N_STEPS,
    STEPS,
)
from migration_planner.store import Plan
from migration_planner.tasks import NULL_STATE, TaskState
from migration_planner.workloads import BY_CODE, WORKLOAD_CODES, workload_label

DEADLINE = dt.date(2026, 3, 31)             # 令和7年度末 (the law's deadline)
EXTENDED_DEADLINE = dt.date(2031, 3, 31)    # 特定移行支援システム: 概ね5年以内 ≈ end of FY2030 (an assumption)
MIGRATED, ON_TIME, LATE = Msg("schedule", "移行済み"), Msg("schedule", "期限内"), Msg("schedule", "期限超過")

_PLANNING_NOTE = Msg("schedule", "工程表を作成しています")

_BT = np.array([s.build_and_test for s in STEPS])
_PRED_PAIRS = [(p - 1, s.no - 1) for s in STEPS for p in s.predecessors if s.no != CUTOVER_STEP]
_CUT_PREDS = [p - 1 for p in BY_NO[CUTOVER_STEP].predecessors]
_CUT = CUTOVER_STEP - 1


# ---------------------------------------------------------------- inputs
@dataclass(slots=True)
class ScheduleInputs:
    """Everything the schedule depends on, read from a plan (or built directly in tests)."""

    codes: list[str]
    estimates: dict[str, list[tuple[float, float, float]]]
    progress: dict[str, list[catalog.StepState]]
    edges: list[tuple[str, str]]
    systems: dict[str, list[catalog.SystemRef]]
    capacity: int = catalog.DEFAULT_CAPACITY
    blackout: tuple[int, ...] = (4, 5)
    flags: dict[str, list[str]] = field(default_factory=dict)


def schedule_inputs(plan: Plan, codes=None) -> ScheduleInputs:
    codes = list(WORKLOAD_CODES if codes is None else codes)
    keep = set(codes)
    return ScheduleInputs(
        codes=codes,
        estimates=catalog.estimates(plan),
        progress=catalog.progress(plan),
        edges=[(p, c) for p, c in catalog.edges(plan) if p in keep and c in keep],
        systems=catalog.workload_systems(plan),
        capacity=catalog.vendor_capacity(plan),
        blackout=catalog.blackout_months(plan),
        flags=catalog.workload_flags(plan),
    )


# ---------------------------------------------------------------- the task graph
@dataclass(slots=True)
class TaskModel:
    """The task graph of one plan as arrays: 40 tasks per workload, then 2 nodes per bundle."""

    codes: list[str]
    n: int
    src: np.ndarray
    dst: np.ndarray
    levels: Levels
    o: np.ndarray                 # remaining optimistic / likely / pessimistic durations (days)
    m: np.ndarray
    p: np.ndarray
    dur: np.ndarray               # the plan's durations (int days)
    remaining: np.ndarray         # bool: the task still has work (a step not finished)
    done: np.ndarray              # per workload: every step finished
    migrations: list[list[int]]   # workload indices per migration
    migration_of: np.ndarray
    bundles: list[list[int]]      # workload indices per cut-over bundle
    bundle_of: np.ndarray         # -1 for finished workloads
    ready: np.ndarray             # ready node per bundle
    golive: np.ndarray            # go-live node per workload (own ⑱ for finished ones)
    cut_tasks: list[np.ndarray]   # member ⑱ tasks per bundle
    # Resource links (vendor capacity): the build-and-test that freed a slot → the one that waited
    # for it. ``levels`` covers them as well as the precedences ``src → dst``.
    res_src: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    res_dst: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def task(self, w: int, step_no: int) -> int:
        return w * N_STEPS + step_no - 1


def _ceil(x: np.ndarray) -> np.ndarray:
    return np.ceil(np.asarray(x, dtype=np.float64) - 1e-9).astype(np.int64)


def build_model(inp: ScheduleInputs) -> TaskModel:
    codes = inp.codes
    W = len(codes)
    index = {c: i for i, c in enumerate(codes)}
    est = np.array([inp.estimates[c] for c in codes], dtype=np.float64).reshape(W * N_STEPS, 3)
    status = [st.status for c in codes for st in inp.progress[c]]
    factor = np.array([0.0 if s in FINISHED_STATUSES else IN_PROGRESS_REMAINING if s == IN_PROGRESS else 1.0
                       for s in status])
    done = factor.reshape(W, N_STEPS).max(axis=1) == 0
    o, m, p = (est[:, k] * factor for k in range(3))

    # Migrations: workloads that share a system.
    g = nx.Graph()
    g.add_nodes_from(range(W))
    owner: dict[str, int] = {}
    for i, c in enumerate(codes):
        for ref in inp.systems.get(c, []):
            if ref.system_id in owner:
                g.add_edge(owner[ref.system_id], i)
            owner.setdefault(ref.system_id, i)
    migrations = sorted((sorted(cc) for cc in nx.connected_components(g)), key=lambda x: x[0])
    migration_of = np.empty(W, dtype=np.int64)
    for k, mem in enumerate(migrations):
        migration_of[mem] = k

    # Bundles: the live migrations, merged along loops of linkage edges between them.
    live_edges = [(index[a], index[b]) for a, b in inp.edges if a in index and b in index
                  and not done[index[a]] and not done[index[b]]]
    mg = nx.DiGraph()
    mg.add_nodes_from(k for k, mem in enumerate(migrations) if not done[mem].all())
    for a, b in live_edges:
        ma, mb = migration_of[a], migration_of[b]
        if ma != mb:
            mg.add_edge(ma, mb)
    cond = nx.condensation(mg)
    bundles = sorted(
        (sorted(i for k in cond.nodes[b]["members"] for i in migrations[k] if not done[i]) for b in cond.nodes),
        key=lambda x: x[0])
    bundle_of = np.full(W, -1, dtype=np.int64)
    for b, mem in enumerate(bundles):
        bundle_of[mem] = b

    n_steps = W * N_STEPS
    B = len(bundles)
    ready = n_steps + 2 * np.arange(B)
    gl = ready + 1
    n = n_steps + 2 * B
    base = np.arange(W)[:, None] * N_STEPS
    intra = np.array(_PRED_PAIRS, dtype=np.int64)
    src = [(base + intra[:, 0]).ravel()]
    dst = [(base + intra[:, 1]).ravel()]
    golive = np.empty(W, dtype=np.int64)
    cut_tasks = []
    extra_s: list[int] = []
    extra_d: list[int] = []
    for i in range(W):
        cut = i * N_STEPS + _CUT
        if bundle_of[i] < 0:
            extra_s += [i * N_STEPS + q for q in _CUT_PREDS]
            extra_d += [cut] * len(_CUT_PREDS)
            golive[i] = cut
        else:
            b = bundle_of[i]
            extra_s += [i * N_STEPS + q for q in _CUT_PREDS] + [ready[b], cut]
            extra_d += [ready[b]] * len(_CUT_PREDS) + [cut, gl[b]]
            golive[i] = gl[b]
    for b, mem in enumerate(bundles):
        cut_tasks.append(np.array([i * N_STEPS + _CUT for i in mem], dtype=np.int64))
    bundle_edges = {(bundle_of[a], bundle_of[b_]) for a, b_ in live_edges if bundle_of[a] != bundle_of[b_]}
    for pb, cb in sorted(bundle_edges):
        extra_s.append(gl[pb])
        extra_d.append(ready[cb])
    src.append(np.array(extra_s, dtype=np.int64))
    dst.append(np.array(extra_d, dtype=np.int64))
    src_a, dst_a = np.concatenate(src), np.concatenate(dst)
    try:
        lv = levelize(n, src_a, dst_a)
    except CycleError:  # cannot happen with bundles built from the condensation; keep the message honest
        cyc = nx.find_cycle(nx.DiGraph(inp.edges))
        raise catalog.ScheduleError(catalog.cycle_message([a for a, _ in cyc] + [cyc[0][0]])) from None

    pad = np.zeros(n - n_steps)
    o, m, p = (np.concatenate([x, pad]) for x in (o, m, p))
    dur = _ceil((o + 4 * m + p) / 6)
    remaining = np.concatenate([factor > 0, np.zeros(n - n_steps, dtype=bool)])
    return TaskModel(codes, n, src_a, dst_a, lv, o, m, p, dur, remaining, done, migrations, migration_of,
                     bundles, bundle_of, ready, golive, cut_tasks)


# ---------------------------------------------------------------- blackout and capacity
class _Blackout:
    """The pass hooks that keep bundles' cut-overs out of the blackout months: called as the forward
    hook it moves ready nodes' early starts later; :meth:`late` is the backward hook that moves their
    late starts earlier."""

    def __init__(self, model: TaskModel, cal: WorkCalendar, months) -> None:
        self.allowed, self.next = cal.blackout_tables(months)
        self.prev = previous_allowed(self.allowed)
        self.model = model
        self.active = bool(months)
        self.window: np.ndarray | None = None  # (samples, bundles) cut-over lengths
        self.moved: np.ndarray | None = None
        self.index_levels()

    def index_levels(self) -> None:
        """Where each bundle's ready node sits in ``model.levels`` (again after links are added)."""
        lv = self.model.levels
        self.by_level: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        if not self.model.ready.size:
            return
        where = np.empty(lv.n, dtype=np.int64)
        where[lv.order] = np.arange(lv.n)
        at = where[self.model.ready]                       # positions in the order, per bundle
        level = np.searchsorted(lv.bounds, at, side="right") - 1
        for k in np.unique(level).tolist():
            bidx = np.flatnonzero(level == k)
            self.by_level[k] = (at[bidx] - lv.bounds[k], bidx)

    def windows(self, dur: np.ndarray) -> np.ndarray:
        d = dur if dur.ndim == 2 else dur[None, :]
        out = np.zeros((d.shape[0], len(self.model.bundles)), dtype=d.dtype)
        for b, cuts in enumerate(self.model.cut_tasks):
            out[:, b] = d[:, cuts].max(axis=1)
        return out

    def __call__(self, k, nodes, start):
        hit = self.by_level.get(k)
        if hit is None or not self.active:
            return start
        pos, bidx = hit
        before = start[:, pos]
        after = shift_out_of_blackout(before, self.window[:, bidx], self.allowed, self.next)
        start[:, pos] = after
        if self.moved is not None:
            self.moved[:, bidx] = after - before
        return start

    def late(self, k, nodes, lf):
        """Backward hook (one plan): a ready node's late finish is its bundle's latest cut-over
        start; move it earlier until the cut-over neither starts nor ends in a blackout month."""
        hit = self.by_level.get(k)
        if hit is None or not self.active:
            return lf
        pos, bidx = hit
        lf[pos] = shift_back_out_of_blackout(lf[pos], self.window[0, bidx], self.allowed, self.prev)
        return lf


@dataclass(slots=True)
class CapacitySlot:
    migration: int
    vendors: tuple[str, ...]
    planned_start: int    # earliest start of its build-and-test window without the limit
    start: int            # where the vendor's slot puts it
    length: int
    after: tuple[int, ...] = ()   # migrations whose windows ended when this one's slot freed up

    @property
    def delay(self) -> int:
        return self.start - self.planned_start


def _earliest_fit(busy: list[tuple[int, int, int]], t: int, length: int, cap: int) -> int:
    for c in sorted({t} | {e for _, e, _ in busy if e > t}):
        if sum(1 for s, e, _ in busy if s < c + length and e > c) < cap:
            return c
    return t  # unreachable: past every end nothing overlaps


def level_capacity(model: TaskModel, inp: ScheduleInputs, es: np.ndarray, ef: np.ndarray) -> tuple[np.ndarray, list[CapacitySlot]]:
    """Release dates that keep each vendor to ``inp.capacity`` migrations in build-and-test at once."""
    release = np.zeros(model.n, dtype=es.dtype)
    W = len(model.codes)
    bt_mask = np.zeros(model.n, dtype=bool)
    bt_mask[: W * N_STEPS] = np.tile(_BT, W)
    windows = []
    for k, mem in enumerate(model.migrations):
        tasks = np.concatenate([np.arange(i * N_STEPS, (i + 1) * N_STEPS) for i in mem])
        tasks = tasks[bt_mask[tasks]]
        work = tasks[model.remaining[tasks] & (model.dur[tasks] > 0)]
        vendors = tuple(sorted({r.vendor for i in mem for r in inp.systems.get(model.codes[i], []) if r.vendor}))
        if work.size == 0 or not vendors:
            continue
        started = bool((~model.remaining[tasks]).any() or any(
            inp.progress[model.codes[i]][q - 1].status == IN_PROGRESS for i in mem for q in range(1, N_STEPS + 1) if _BT[q - 1]))
        s0, e0 = int(es[work].min()), int(ef[work].max())
        windows.append((0 if started else 1, s0, mem[0], k, vendors, s0, e0 - s0, tasks))
    windows.sort(key=lambda w: (w[0], w[1], w[2]))
    busy: dict[str, list[tuple[int, int, int]]] = {}   # vendor → (start, end, migration)
    slots: list[CapacitySlot] = []
    for first, _, _, k, vendors, s0, length, tasks in windows:
        t = s0
        if first:  # not yet started: wait for a free slot at every vendor involved
            while True:
                t2 = max(_earliest_fit(busy.get(v, []), t, length, inp.capacity) for v in vendors)
                if t2 == t:
                    break
                t = t2
        after: tuple[int, ...] = ()
        if t > s0:
            release[tasks] = t
            # Each vendor that had no slot before t hands one over at t from a window ending then
            # (the first placed, when several end together): one unit of its capacity passes on.
            after = tuple(sorted({
                next(j for _, e, j in busy[v] if e == t) for v in vendors
                if v in busy and _earliest_fit(busy[v], s0, length, inp.capacity) == t}))
        for v in vendors:
            busy.setdefault(v, []).append((t, t + length, k))
        slots.append(CapacitySlot(k, vendors, s0, t, length, after))
    return release, slots


#: Build-and-test steps with no build-and-test successor (the window's ends) and with no
#: build-and-test predecessor (its starts): linking every end of one window to every start of
#: another puts the whole of the second after the whole of the first.
_BT_ENDS = [n for n in BUILD_AND_TEST if not any(n in s.predecessors for s in STEPS if s.build_and_test)]
_BT_STARTS = [n for n in BUILD_AND_TEST if not any(BY_NO[q].build_and_test for q in BY_NO[n].predecessors)]


def resource_links(model: TaskModel, slots: list[CapacitySlot]) -> tuple[np.ndarray, np.ndarray]:
    """Edges from the build-and-test of each migration that handed over a vendor slot to that of the
    migration that waited for it, so that the passes treat the wait as a precedence (a resource-flow
    network: each unit of a vendor's capacity passes from one migration to the next).

    When several windows end the moment a slot frees up, the first placed hands over; the others
    keep the slack they have, as the waiting migration could equally have taken their slot.
    """
    src: list[int] = []
    dst: list[int] = []
    for slot in slots:
        if not slot.after:
            continue
        starts = [model.task(i, n) for i in model.migrations[slot.migration] for n in _BT_STARTS]
        for k in slot.after:
            ends = [model.task(i, n) for i in model.migrations[k] for n in _BT_ENDS]
            src += [a for a in ends for _ in starts]
            dst += starts * len(ends)
    return np.array(src, dtype=np.int64), np.array(dst, dtype=np.int64)


def plan_capacity(model: TaskModel, inp: ScheduleInputs, blackout: "_Blackout"):
    """Place the vendors' build-and-test windows and add the hand-overs to the task graph.

    Runs the forward pass without the limit, levels capacity (:func:`level_capacity`), then adds
    :func:`resource_links` to ``model`` and re-levels its graph (and ``blackout``'s index of it).
    Returns ``(es0, ef0, release, slots)``: the early dates without the limit, the release dates
    and the slots.
    """
    es0, ef0 = forward(model.levels, model.dur, None, blackout)
    release, slots = level_capacity(model, inp, es0, ef0)
    rs, rd = resource_links(model, slots)
    if rs.size:
        model.res_src, model.res_dst = rs, rd
        model.levels = levelize(model.n, np.concatenate([model.src, rs]), np.concatenate([model.dst, rd]))
        blackout.index_levels()
    return es0, ef0, release, slots


# ---------------------------------------------------------------- the result
@dataclass(slots=True)
class WorkloadPlan:
    code: str
    name: str
    systems: list[str]            # system ids
    system_names: list[str]
    vendors: list[str]
    start: dt.date | None         # first remaining work
    finish: dt.date | None        # go-live (for 移行済み: the latest recorded as-of date, if any)
    finish_offset: int            # working days from the as-of date (exclusive end)
    slack_days: int               # against the FY2025 deadline, working days (negative = late)
    slack_extended_days: int      # against the extended deadline, working days
    critical: bool
    status: str
    causes: list[str]
    progress: float
    capacity_delay_days: int      # how much later it goes live because of vendor capacity
    blackout_delay_days: int
    bundle: list[str]             # codes that go live with it
    p_on_time: float | None = None
    p_extended: float | None = None
    p50: dt.date | None = None
    p80: dt.date | None = None

    @property
    def label(self) -> str:
        return workload_label(self.code)


@dataclass(slots=True)
class TaskPlan:
    id: str
    workload: str
    step: int
    name: str
    phase: str
    start: dt.date
    finish: dt.date
    duration_days: int
    predecessors: list[str]
    slack_days: int               # total float within the schedule (working days)
    critical: bool


@dataclass(slots=True)
class ScheduleResult:
    as_of: dt.date
    deadline: dt.date
    extended_deadline: dt.date
    capacity: int
    blackout_months: tuple[int, ...]
    workloads: list[WorkloadPlan]
    tasks: list[TaskPlan]
    critical_path: list[str]
    slots: list[CapacitySlot]
    calendar: WorkCalendar
    model: TaskModel
    es: np.ndarray
    ef: np.ndarray
    samples: int = 0
    seed: int | None = None
    overall: dict = field(default_factory=dict)
    ls: np.ndarray | None = None  # late start / finish (resource-aware), working days
    lf: np.ndarray | None = None
    release: np.ndarray | None = None  # vendor-slot release dates (working days), for Monte Carlo

    def workload(self, code: str) -> WorkloadPlan:
        return next(w for w in self.workloads if w.code == code)

    def to_json(self) -> dict:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {
            "as_of": iso(self.as_of),
            "deadline": iso(self.deadline),
            "extended_deadline": iso(self.extended_deadline),
            "slack_unit": "working_days",
            "vendor_capacity": self.capacity,
            "blackout_months": list(self.blackout_months),
            "samples": self.samples,
            "seed": self.seed,
            "overall": {k: iso(v) if isinstance(v, dt.date) else v for k, v in self.overall.items()},
            "workloads": [{
                "code": w.code, "name": w.name, "systems": w.systems, "system_names": w.system_names,
                "vendors": w.vendors, "start": iso(w.start), "finish": iso(w.finish),
                "slack_days": w.slack_days, "slack_extended_days": w.slack_extended_days,
                "critical": w.critical, "status": w.status, "causes": w.causes,
                "progress": round(w.progress, 4), "p_on_time": w.p_on_time, "p_extended": w.p_extended,
                "p50": iso(w.p50), "p80": iso(w.p80), "bundle": w.bundle,
                "capacity_delay_days": w.capacity_delay_days, "blackout_delay_days": w.blackout_delay_days,
            } for w in self.workloads],
            "critical_path": self.critical_path,
            "tasks": [{
                "id": t.id, "workload": t.workload, "step": t.step, "name": t.name, "phase": t.phase,
                "start": iso(t.start), "finish": iso(t.finish), "duration_days": t.duration_days,
                "predecessors": t.predecessors, "slack_days": t.slack_days, "critical": t.critical,
            } for t in self.tasks],
        }


def late_months_by_workload(result: ScheduleResult) -> dict[str, float]:
    """Months (average month = 365.25 / 12 days) past 2026-03-31 of each workload's finish; 0 when
    it finishes by then. For the subsidy's cost of delay."""
    out = {}
    for w in result.workloads:
        days = (w.finish - result.deadline).days if w.finish else 0
        out[w.code] = round(max(0, days) / (365.25 / 12), 3)
    return out


# ---------------------------------------------------------------- causes
_CUSTOM = re.compile(r"独自開発|独自システム|自庁開発|自主開発|スクラッチ|個別開発|カスタマイズ")
_MAINFRAME = re.compile(r"メインフレーム|汎用機|ホストコンピュータ")
_NO_PRODUCT = re.compile(r"標準準拠製品.{0,20}(提供時期|未提供|なし|無し|ない|未定|遅れ|遅延)|標準準拠製品がない|製品なし")


def _causes(code: str, inp: ScheduleInputs, capacity_delay: int, blackout_delay: int, vendors) -> list[str]:
    flags = set(inp.flags.get(code, []))
    text = " ".join(f"{r.notes} {r.cloud_blocker}" for r in inp.systems.get(code, []))
    out = []
    if capacity_delay > 0:
        out.append(Msg("schedule", "ベンダの体制不足（{vendors}、{days}営業日の待ち）",
                       vendors=Joined(vendors, "・") if vendors else Msg("schedule", "事業者"), days=capacity_delay))
    if catalog.FLAG_NO_PRODUCT in flags or _NO_PRODUCT.search(text):
        out.append(Msg("schedule", "標準準拠製品の提供が間に合わない"))
    if catalog.FLAG_CUSTOM_BUILT in flags or _CUSTOM.search(text):
        out.append(Msg("schedule", "独自開発（カスタマイズ）のシステム"))
    if catalog.FLAG_MAINFRAME in flags or _MAINFRAME.search(text):
        out.append(Msg("schedule", "メインフレーム"))
    if blackout_delay > 0:
        out.append(Msg("schedule", "切替禁止月を避けて{days}営業日延期", days=blackout_delay))
    if not out:
        out.append(Msg("schedule", "残りの工程が期限までに収まらない"))
    return out


# ---------------------------------------------------------------- solving
def compute_schedule(plan: Plan, as_of: dt.date | None = None, *, samples: int = 0, seed: int | None = 0,
                     codes=None, state: TaskState = NULL_STATE) -> ScheduleResult:
    """Plan the workloads of ``plan`` from ``as_of`` (default today); with ``samples`` > 0 also run
    the Monte Carlo simulation (seeded by ``seed``)."""
    return solve(schedule_inputs(plan, codes), as_of, samples=samples, seed=seed, state=state)


def solve(inp: ScheduleInputs, as_of: dt.date | None = None, *, samples: int = 0, seed: int | None = 0,
          state: TaskState = NULL_STATE) -> ScheduleResult:
    """Plan ``inp`` from ``as_of`` (default today); with ``samples`` > 0 also run :func:`monte_carlo`.

    ``state`` receives progress (the plan is the first tenth of the work when samples are asked
    for) and cancellation (:class:`~migration_planner.tasks.Cancelled`) between phases.
    """
    share = 0.1 if samples > 0 else 1.0
    state.report(0.0, _PLANNING_NOTE)
    as_of = as_of or dt.date.today()
    cal = WorkCalendar(as_of)
    model = build_model(inp)
    state.report(0.3 * share, _PLANNING_NOTE)
    blackout = _Blackout(model, cal, inp.blackout)
    blackout.window = blackout.windows(model.dur)

    # Without the capacity limit first: the windows to place, and what capacity costs each workload;
    # then the vendors' hand-overs join the graph, so that late dates and the critical path see them.
    es0, ef0, release, slots = plan_capacity(model, inp, blackout)
    state.report(0.6 * share, _PLANNING_NOTE)
    lv = model.levels
    blackout.moved = np.zeros((1, len(model.bundles)), dtype=np.int64)
    es, ef = forward(lv, model.dur, release, blackout)
    moved = blackout.moved[0]
    blackout.moved = None
    end = int(ef.max()) if ef.size else 0
    ls, lf = late_dates(model, blackout, end)
    slack = ls - es
    chain = critical_chain(lv, es, ef) if model.n else []

    d_fy, d_ext = cal.offset_by(DEADLINE), cal.offset_by(EXTENDED_DEADLINE)
    W = len(model.codes)
    chain_codes: list[str] = []
    for v in chain:
        if v < W * N_STEPS and model.remaining[v]:
            c = model.codes[v // N_STEPS]
            if c not in chain_codes:
                chain_codes.append(c)
    on_chain = set(chain_codes)
    state.report(0.8 * share, _PLANNING_NOTE)

    result_w: list[WorkloadPlan] = []
    for i, code in enumerate(model.codes):
        refs = inp.systems.get(code, [])
        vendors = sorted({r.vendor for r in refs if r.vendor})
        states = inp.progress[code]
        prog = sum(1 for s in states if s.status in FINISHED_STATUSES) / N_STEPS
        own = np.arange(i * N_STEPS, (i + 1) * N_STEPS)
        work = own[model.remaining[own]]
        g = model.golive[i]
        if model.done[i]:
            stamps = [s.as_of for s in states if s.as_of]
            finish = max(stamps) if stamps else None
            fo = cal.offset_by(finish) if finish else 0
            status, causes, start = MIGRATED, [], None
            cap_delay = blk = 0
        else:
            fo = int(ef[g])
            finish = cal.finish_date(fo)
            start = cal.date(int(es[work].min())) if work.size else cal.date(0)
            cap_delay = max(0, fo - int(ef0[g]))
            blk = int(moved[model.bundle_of[i]])
            status = ON_TIME if fo <= d_fy else LATE
            causes = _causes(code, inp, cap_delay, blk, vendors) if status == LATE else []
        wp = WorkloadPlan(
            code=code, name=BY_CODE[code].name, systems=[r.system_id for r in refs],
            system_names=[r.name for r in refs], vendors=vendors, start=start, finish=finish,
            finish_offset=fo, slack_days=d_fy - fo, slack_extended_days=d_ext - fo,
            critical=code in on_chain, status=status, causes=causes, progress=prog,
            capacity_delay_days=cap_delay, blackout_delay_days=blk,
            bundle=[model.codes[j] for j in model.bundles[model.bundle_of[i]]] if model.bundle_of[i] >= 0 else [code],
        )
        result_w.append(wp)

    overall: dict = {"finish": max((w.finish for w in result_w if w.finish), default=None),
                     "late_workloads": sum(1 for w in result_w if w.status == LATE),
                     "beyond_extended": sum(1 for w in result_w if w.status == LATE and w.slack_extended_days < 0)}
    tasks = _task_rows(model, cal, es, ef, slack, set(chain))
    result = ScheduleResult(as_of, DEADLINE, EXTENDED_DEADLINE, inp.capacity, tuple(inp.blackout), result_w, tasks,
                            chain_codes, slots, cal, model, es, ef, 0, None, overall, ls, lf, release)
    if samples > 0:
        result = monte_carlo(result, samples=samples, seed=seed, state=state, progress=(share, 1.0), copy=False)
    else:
        state.report(1.0, Msg("schedule", "工程表を作成しました"))
    return result


def monte_carlo(result: ScheduleResult, *, samples: int, seed: int | None = 0, state: TaskState = NULL_STATE,
                progress: tuple[float, float] = (0.0, 1.0), copy: bool = True) -> ScheduleResult:
    """The plan ``result`` with P(on time), P(extended), P50 and P80 from ``samples`` Monte Carlo runs
    seeded by ``seed`` (reproducible). By default a new result (the workloads copied), so that a
    background run never changes the result a view is showing; ``result`` itself is only read.

    ``progress`` maps the simulation onto that part of ``state``'s 0–1 scale.
    """
    from migration_planner.schedule.montecarlo import simulate

    model, cal = result.model, result.calendar
    blackout = _Blackout(model, cal, result.blackout_months)
    mc = simulate(model, cal, blackout, result.release, samples=samples, seed=seed, state=state, span=progress)
    d_fy, d_ext = cal.offset_by(DEADLINE), cal.offset_by(EXTENDED_DEADLINE)
    workloads = [replace(w) for w in result.workloads] if copy else result.workloads
    for i, wp in enumerate(workloads):
        if model.done[i]:
            finish = wp.finish
            wp.p_on_time = 1.0 if finish is None or finish <= DEADLINE else 0.0
            wp.p_extended = 1.0 if finish is None or finish <= EXTENDED_DEADLINE else 0.0
            wp.p50 = wp.p80 = finish
        else:
            f = mc.finish[:, model.golive[i]]
            wp.p_on_time = float(np.mean(f <= d_fy))
            wp.p_extended = float(np.mean(f <= d_ext))
            q50, q80 = np.quantile(f, [0.5, 0.8], method="higher")
            wp.p50, wp.p80 = cal.finish_date(int(q50)), cal.finish_date(int(q80))
    overall = dict(result.overall)
    live = np.array([model.golive[i] for i in range(len(model.codes)) if not model.done[i]], dtype=np.int64)
    if live.size:
        last = mc.finish[:, live].max(axis=1)
        q50, q80 = np.quantile(last, [0.5, 0.8], method="higher")
        overall |= {"p_on_time": float(np.mean(last <= d_fy)), "p_extended": float(np.mean(last <= d_ext)),
                    "p50": cal.finish_date(int(q50)), "p80": cal.finish_date(int(q80))}
    else:
        overall |= {"p_on_time": 1.0, "p_extended": 1.0, "p50": overall["finish"], "p80": overall["finish"]}
    if not copy:
        result.samples, result.seed, result.overall = samples, seed, overall
        return result
    return replace(result, workloads=workloads, samples=samples, seed=seed, overall=overall)


def late_dates(model: TaskModel, blackout: _Blackout, finish: int) -> tuple[np.ndarray, np.ndarray]:
    """Late start and finish of every task with the plan due at ``finish``, over the precedences and
    the vendors' hand-overs, with each bundle's late cut-over moved earlier out of the blackout
    months; the members' ⑱ share their bundle's late cut-over start, as they share the early one."""
    ls, lf = backward(model.levels, model.dur, finish, blackout.late)
    for b, cuts in enumerate(model.cut_tasks):
        ls[cuts] = ls[model.ready[b]]
        lf[cuts] = ls[cuts] + model.dur[cuts]
    return ls, lf


def _task_rows(model: TaskModel, cal: WorkCalendar, es, ef, slack, chain: set[int]) -> list[TaskPlan]:
    """The remaining steps as rows; predecessors reach through the bundles' zero-length nodes."""
    W = len(model.codes)
    n_steps = W * N_STEPS
    lv = model.levels
    # Predecessors as the plan's precedences only (the JSON's "predecessors"); vendor hand-overs
    # are resource links, not precedences.
    by_dst = np.argsort(model.dst, kind="stable")
    pred_src = model.src[by_dst].tolist()
    pred_ptr = np.zeros(model.n + 1, dtype=np.int64)
    np.cumsum(np.bincount(model.dst, minlength=model.n), out=pred_ptr[1:])
    pred_ptr = pred_ptr.tolist()
    expanded: dict[int, set[int]] = {}
    for v in lv.order[lv.order >= n_steps].tolist():  # topological: sync nodes' predecessors first
        acc: set[int] = set()
        for u in pred_src[pred_ptr[v]:pred_ptr[v + 1]]:
            acc |= expanded[u] if u >= n_steps else ({u} if model.remaining[u] else set())
        expanded[v] = acc
    ids = [f"{model.codes[v // N_STEPS]}:{v % N_STEPS + 1}" for v in range(n_steps)]
    work = np.flatnonzero(model.remaining[:n_steps])
    starts = cal.dates(es[work]).astype("datetime64[D]").tolist()
    lasts = cal.dates(np.maximum(ef[work] - 1, es[work])).astype("datetime64[D]").tolist()
    rows = []
    for j, v in enumerate(work):
        v = int(v)
        preds: set[int] = set()
        for u in pred_src[pred_ptr[v]:pred_ptr[v + 1]]:
            preds |= expanded[u] if u >= n_steps else ({u} if model.remaining[u] else set())
        step = STEPS[v % N_STEPS]
        rows.append(TaskPlan(ids[v], model.codes[v // N_STEPS], step.no, step.name, step.phase, starts[j], lasts[j],
                             int(model.dur[v]), [ids[u] for u in sorted(preds)], int(slack[v]), v in chain))
    return rows


__all__ = [
    "DEADLINE", "EXTENDED_DEADLINE", "MIGRATED", "ON_TIME", "LATE",
    "ScheduleInputs", "ScheduleResult", "WorkloadPlan", "TaskPlan", "CapacitySlot", "TaskModel",
    "schedule_inputs", "build_model", "compute_schedule", "solve", "late_months_by_workload",
    "level_capacity", "resource_links", "plan_capacity", "late_dates", "monte_carlo",
]
