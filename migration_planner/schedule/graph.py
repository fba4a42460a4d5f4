"""A task DAG as numpy arrays, and the critical path method over it.

The graph is edge arrays ``src → dst`` over ``n`` tasks. :func:`levelize` sorts it into topological
levels once (Kahn's algorithm, a level at a time, vectorised); the forward and backward passes then
do a handful of numpy operations per *level*, not per task, and work the same on one duration
vector (the plan) or a samples × tasks matrix (Monte Carlo). Cost grows with the graph's depth,
which is small for project networks (the 40-step chain plus cut-over ordering). For deep, narrow
graphs (hundreds of levels of a few tasks), where a numpy call per level would cost more than the
level's edges, :func:`levelize` expands narrow frontiers with plain Python lists, sorts edges with a
16-bit radix argsort, and the critical chain is followed through a driving-predecessor array
computed for every task at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


class CycleError(ValueError):
    """The graph has a cycle; ``nodes`` are the tasks that could not be ordered."""

    def __init__(self, nodes: np.ndarray) -> None:
        super().__init__(f"cycle among {len(nodes)} tasks")
        self.nodes = nodes


@dataclass(slots=True)
class Levels:
    """A DAG prepared for level-at-a-time passes."""

    n: int
    src: np.ndarray
    dst: np.ndarray
    order: np.ndarray                       # tasks in topological order, level by level
    bounds: np.ndarray                      # level L is order[bounds[L]:bounds[L+1]]
    # Per level ≥ 1: (tasks, their in-edges' sources grouped by task, group offsets for reduceat).
    fw: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = field(default_factory=list)
    # Per level, deepest first: (tasks with successors, out-edges' targets grouped, offsets, all tasks).
    bw: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = field(default_factory=list)
    # CSR of in-edges by task, for tracing the critical path back.
    pred_ptr: np.ndarray | None = None
    pred_src: np.ndarray | None = None

    @property
    def depth(self) -> int:
        return len(self.bounds) - 1

    def level(self, k: int) -> np.ndarray:
        return self.order[self.bounds[k]:self.bounds[k + 1]]


def _stable_argsort(keys: np.ndarray, n: int) -> np.ndarray:
    """``np.argsort(keys, kind="stable")`` for keys in ``[0, n)``, as a radix sort on 16-bit digits.

    numpy sorts 16-bit integers stably by radix in linear time but int64 by merge sort, which on the
    edge arrays here costs more than the rest of :func:`levelize`.
    """
    if n <= 1 << 16:
        return np.argsort(keys.astype(np.uint16), kind="stable")
    first = np.argsort((keys & 0xFFFF).astype(np.uint16), kind="stable")
    high = keys[first] >> 16
    if n <= 1 << 32:
        return first[np.argsort(high.astype(np.uint16), kind="stable")]
    return first[np.argsort(high, kind="stable")]


def _grouped(key_sorted: np.ndarray, other: np.ndarray, level_of_key: np.ndarray, depth: int):
    """Per level: the distinct keys, ``other`` for the level's edges, and each key's first edge."""
    first = np.flatnonzero(np.r_[True, key_sorted[1:] != key_sorted[:-1]]) if key_sorted.size else key_sorted
    cut = np.searchsorted(level_of_key, np.arange(depth + 1))
    gcut = np.searchsorted(first, cut)
    out = []
    for k in range(depth):
        a, b = cut[k], cut[k + 1]
        g = first[gcut[k]:gcut[k + 1]]
        out.append((key_sorted[g], other[a:b], g - a))
    return out


#: A frontier of at least this many tasks is expanded with numpy, a smaller one with plain Python
#: lists: a numpy step costs ≈ 20 µs however small, which on a deep, narrow graph (hundreds of levels
#: of a dozen tasks) would cost more than the edges themselves. Below :data:`_NARROW` the lists take
#: over again (the gap keeps a graph whose width hovers near one threshold from switching each level).
_WIDE, _NARROW = 256, 64


def _kahn_levels(n: int, src: np.ndarray, dst: np.ndarray) -> tuple[np.ndarray, list[int], np.ndarray]:
    """Kahn's algorithm a level at a time: the tasks level by level (each level sorted), the levels'
    sizes, and the in-degrees left (positive on a cycle)."""
    out_dst_all = dst if not src.size or (src[1:] >= src[:-1]).all() else dst[_stable_argsort(src, n)]
    out_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=out_ptr[1:])
    indeg = np.bincount(dst, minlength=n)
    frontier = np.flatnonzero(indeg == 0)
    ptr0, ptr1 = out_ptr[:-1], out_ptr[1:]
    ar = np.arange(max(src.size, 1))
    segments: list[np.ndarray] = []   # the order so far, in pieces
    sizes: list[int] = []
    lists = None                      # (out_ptr, out_dst) as Python lists, made when first needed
    deg: list[int] | None = None      # in-degrees as a list while the narrow loop runs
    run: list[int] = []               # the narrow loop's part of the order, not yet in segments
    while len(frontier):
        if deg is None and len(frontier) < _NARROW:
            if lists is None:
                lists = (out_ptr.tolist(), out_dst_all.tolist())
            deg = indeg.tolist()
            frontier = frontier.tolist()
        elif deg is not None and len(frontier) >= _WIDE:
            indeg = np.array(deg, dtype=np.int64)
            deg = None
            frontier = np.sort(np.array(frontier, dtype=np.int64))
            segments.append(np.array(run, dtype=np.int64))
            run = []
        if deg is not None:
            ptr, out = lists
            frontier.sort()
            run += frontier
            sizes.append(len(frontier))
            nxt: list[int] = []
            for v in frontier:
                for w in out[ptr[v]:ptr[v + 1]]:
                    d = deg[w] - 1
                    deg[w] = d
                    if not d:
                        nxt.append(w)
            frontier = nxt
            continue
        segments.append(frontier)
        sizes.append(frontier.size)
        starts = ptr0[frontier]
        counts = ptr1[frontier] - starts
        ends = np.cumsum(counts)
        total = int(ends[-1])
        if total == 0:
            break
        # All out-edges of the frontier without a Python loop; only the touched tasks' in-degrees
        # change, so a level costs its own edges, not n.
        targets = out_dst_all[np.repeat(starts - (ends - counts), counts) + ar[:total]]
        hit, times = np.unique(targets, return_counts=True)
        indeg[hit] -= times
        frontier = hit[indeg[hit] == 0]
    if deg is not None:
        indeg = np.array(deg, dtype=np.int64)
    if run:
        segments.append(np.array(run, dtype=np.int64))
    order = np.concatenate(segments) if segments else np.zeros(0, dtype=np.int64)
    return order, sizes, indeg


def levelize(n: int, src, dst) -> Levels:
    """Topological levels of the DAG (level = longest edge count from a source).

    Raises :class:`CycleError` when some tasks cannot be ordered.
    """
    src = np.asarray(src, dtype=np.int64)
    dst = np.asarray(dst, dtype=np.int64)
    order, sizes, indeg = _kahn_levels(n, src, dst)
    if order.size < n:
        raise CycleError(np.flatnonzero(indeg > 0))
    depth = len(sizes)
    bounds = np.zeros(depth + 1, dtype=np.int64)
    np.cumsum(sizes, out=bounds[1:])
    level = np.empty(n, dtype=np.int64)
    level[order] = np.repeat(np.arange(depth), np.diff(bounds))
    pos = np.empty(n, dtype=np.int64)
    pos[order] = np.arange(n)
    lv = Levels(n, src, dst, order, bounds)
    e = _stable_argsort(pos[dst], n)
    lv.fw = _grouped(dst[e], src[e], level[dst[e]], depth)
    e = _stable_argsort(pos[src], n)
    bw = _grouped(src[e], dst[e], level[src[e]], depth)
    lv.bw = [(*bw[k], lv.level(k)) for k in range(depth - 1, -1, -1)]
    e = _stable_argsort(dst, n)
    lv.pred_src = src[e]
    lv.pred_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(dst, minlength=n), out=lv.pred_ptr[1:])
    return lv


def forward(lv: Levels, dur: np.ndarray, release: np.ndarray | None = None, hook=None):
    """Early start and finish. ``dur`` is (tasks,) or (samples, tasks); ``release`` (tasks,): a task
    starts no earlier than it. ``hook(k, nodes, start)`` may move level ``k``'s early starts (given
    and returned as samples × tasks-of-the-level; blackout months).

    Samples run along the last axis internally (tasks × samples), so that gathering a level's
    predecessors reads contiguous rows.
    """
    two_d = dur.ndim == 2
    d = np.ascontiguousarray(dur.T) if two_d else dur
    es = np.zeros_like(d)
    ef = np.zeros_like(d)
    rel = None if release is None else (release[:, None] if two_d else release)
    for k in range(lv.depth):
        if k == 0:
            nodes = lv.level(0)
            start = np.zeros_like(d[nodes])
        else:
            nodes, isrc, at = lv.fw[k]
            start = np.maximum.reduceat(ef[isrc], at, axis=0)
        if rel is not None:
            np.maximum(start, rel[nodes], out=start)
        if hook is not None:
            start = hook(k, nodes, start.T).T if two_d else hook(k, nodes, start[None, :])[0]
        es[nodes] = start
        ef[nodes] = start + d[nodes]
    return (es.T, ef.T) if two_d else (es, ef)


def backward(lv: Levels, dur: np.ndarray, finish, hook=None) -> tuple[np.ndarray, np.ndarray]:
    """Late start and finish (one duration vector) with every sink due at ``finish``.
    ``hook(k, nodes, lf)`` may move level ``k``'s late finishes earlier (the mirror of
    :func:`forward`'s hook: blackout months)."""
    lf = np.empty_like(dur)
    lf[:] = finish
    ls = lf - dur
    top = lv.depth - 1
    for i, (nodes, odst, at, level_nodes) in enumerate(lv.bw):
        if nodes.size:
            lf[nodes] = np.minimum(lf[nodes], np.minimum.reduceat(ls[odst], at))
        if hook is not None:
            lf[level_nodes] = hook(top - i, level_nodes, lf[level_nodes])
        ls[level_nodes] = lf[level_nodes] - dur[level_nodes]
    return ls, lf


def driving_predecessors(lv: Levels, es: np.ndarray, ef: np.ndarray) -> np.ndarray:
    """Each task's driving predecessor (−1 for none): one that finishes exactly when the task starts;
    among ties the longest-running one (largest duration), then the first in edge order.

    Computed for every task at once over the edge arrays, so that following a chain back costs one
    list lookup a step, however long the chain (a deep graph's runs to hundreds of tasks).
    """
    n = lv.n
    drv = np.full(n, -1, dtype=np.int64)
    if not lv.pred_src.size:
        return drv
    to = np.repeat(np.arange(n), np.diff(lv.pred_ptr))       # edges sorted by target
    e = np.flatnonzero(ef[lv.pred_src] == es[to])
    if not e.size:
        return drv
    t_e, s_e = to[e], lv.pred_src[e]
    d_e = ef[s_e] - es[s_e]
    first = np.flatnonzero(np.r_[True, t_e[1:] != t_e[:-1]])
    longest = np.repeat(np.maximum.reduceat(d_e, first), np.diff(np.r_[first, e.size]))
    keep = d_e == longest
    t_k, s_k = t_e[keep], s_e[keep]
    first = np.flatnonzero(np.r_[True, t_k[1:] != t_k[:-1]])
    drv[t_k[first]] = s_k[first]
    return drv


def critical_chain(lv: Levels, es: np.ndarray, ef: np.ndarray, end: int | None = None,
                   drivers: np.ndarray | None = None) -> list[int]:
    """The chain of driving predecessors back from the task that finishes last (or ``end``).

    A predecessor drives a task when it finishes exactly when the task starts; the chain stops at a
    task started by its release (as-of date, vendor slot or blackout) rather than by a predecessor.
    Among ties the longest-running predecessor (largest duration) is taken, which reads most naturally.
    """
    if lv.n == 0:
        return []
    drv = (driving_predecessors(lv, es, ef) if drivers is None else drivers).tolist()
    v = int(np.argmax(ef)) if end is None else int(end)
    chain = [v]
    while drv[v] >= 0:
        v = drv[v]
        chain.append(v)
    chain.reverse()
    return chain


@dataclass(slots=True)
class CpmResult:
    es: np.ndarray
    ef: np.ndarray
    ls: np.ndarray
    lf: np.ndarray
    slack: np.ndarray
    path: list[int]

    @property
    def length(self):
        return self.ef.max() if self.ef.size else 0


def cpm(n: int, src, dst, dur, release=None, deadline=None, levels: Levels | None = None) -> CpmResult:
    """The critical path method: early/late dates, total slack and the critical path.

    Slack is measured against ``deadline`` when given, else against the project's own end.
    """
    lv = levels or levelize(n, src, dst)
    dur = np.asarray(dur)
    es, ef = forward(lv, dur, None if release is None else np.asarray(release, dtype=dur.dtype))
    end = ef.max() if ef.size else 0
    ls, lf = backward(lv, dur, end if deadline is None else deadline)
    return CpmResult(es, ef, ls, lf, ls - es, critical_chain(lv, es, ef) if n else [])
