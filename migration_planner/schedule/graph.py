"""A task DAG as numpy arrays, and the critical path method over it.

The graph is edge arrays ``src → dst`` over ``n`` tasks. :func:`levelize` sorts it into topological
levels once (Kahn's algorithm, a level at a time, vectorised); the forward and backward passes then
do a handful of numpy operations per *level*, not per task, and work the same on one duration
vector (the plan) or a samples × tasks matrix (Monte Carlo). Cost grows with the graph's depth,
which is small for project networks (the 40-step chain plus cut-over ordering).
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
    # Per level ≥ 1: the in-edges' sources grouped by destination (for maximum.reduceat).
    in_src: list[np.ndarray] = field(default_factory=list)
    in_at: list[np.ndarray] = field(default_factory=list)
    # Per level: tasks with successors, their out-edges' destinations grouped (for minimum.reduceat).
    out_nodes: list[np.ndarray] = field(default_factory=list)
    out_dst: list[np.ndarray] = field(default_factory=list)
    out_at: list[np.ndarray] = field(default_factory=list)
    # CSR of in-edges by task, for tracing the critical path back.
    pred_ptr: np.ndarray | None = None
    pred_src: np.ndarray | None = None

    @property
    def depth(self) -> int:
        return len(self.bounds) - 1

    def level(self, k: int) -> np.ndarray:
        return self.order[self.bounds[k]:self.bounds[k + 1]]


def levelize(n: int, src, dst) -> Levels:
    """Topological levels of the DAG (level = longest edge count from a source).

    Raises :class:`CycleError` when some tasks cannot be ordered.
    """
    src = np.asarray(src, dtype=np.int64)
    dst = np.asarray(dst, dtype=np.int64)
    # Out-edge CSR.
    by_src = np.argsort(src, kind="stable")
    out_dst_all = dst[by_src]
    out_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=out_ptr[1:])
    indeg = np.bincount(dst, minlength=n)
    level = np.zeros(n, dtype=np.int64)
    frontier = np.flatnonzero(indeg == 0)
    chunks = []
    k = 0
    done = 0
    while frontier.size:
        chunks.append(frontier)
        level[frontier] = k
        done += frontier.size
        starts, ends = out_ptr[frontier], out_ptr[frontier + 1]
        counts = ends - starts
        total = int(counts.sum())
        if total == 0:
            break
        # Indices of all out-edges of the frontier, without a Python loop.
        rep = np.repeat(starts - np.concatenate(([0], np.cumsum(counts)[:-1])), counts)
        targets = out_dst_all[rep + np.arange(total)]
        hit = np.bincount(targets, minlength=n)
        before = indeg
        indeg = indeg - hit
        frontier = np.flatnonzero((indeg == 0) & (before > 0))
        k += 1
    if done < n:
        raise CycleError(np.flatnonzero(indeg > 0))
    order = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int64)
    bounds = np.zeros(len(chunks) + 1, dtype=np.int64)
    np.cumsum([c.size for c in chunks], out=bounds[1:])
    lv = Levels(n, src, dst, order, bounds)

    # In-edges grouped by destination's level, then destination in level order.
    pos = np.empty(n, dtype=np.int64)
    pos[order] = np.arange(n)
    e = np.lexsort((src, pos[dst]))
    s_sorted, d_sorted = src[e], dst[e]
    dlevel = level[d_sorted]
    lstart = np.searchsorted(dlevel, np.arange(len(chunks) + 1))
    for k in range(len(chunks)):
        a, b = lstart[k], lstart[k + 1]
        lv.in_src.append(s_sorted[a:b])
        d = d_sorted[a:b]
        lv.in_at.append(np.flatnonzero(np.r_[True, d[1:] != d[:-1]]) if b > a else np.zeros(0, dtype=np.int64))
    # Out-edges grouped by source's level, then source.
    e = np.lexsort((dst, pos[src]))
    s_sorted, d_sorted = src[e], dst[e]
    slevel = level[s_sorted]
    lstart = np.searchsorted(slevel, np.arange(len(chunks) + 1))
    for k in range(len(chunks)):
        a, b = lstart[k], lstart[k + 1]
        s = s_sorted[a:b]
        first = np.flatnonzero(np.r_[True, s[1:] != s[:-1]]) if b > a else np.zeros(0, dtype=np.int64)
        lv.out_nodes.append(s[first])
        lv.out_dst.append(d_sorted[a:b])
        lv.out_at.append(first)
    e = np.argsort(dst, kind="stable")
    lv.pred_src = src[e]
    lv.pred_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(dst, minlength=n), out=lv.pred_ptr[1:])
    return lv


def forward(lv: Levels, dur: np.ndarray, release: np.ndarray | None = None, hook=None):
    """Early start and finish. ``dur`` is (tasks,) or (samples, tasks); ``release`` (tasks,) or
    matching ``dur``: a task starts no earlier than it. ``hook(k, nodes, es)`` may move the early
    starts of level ``k`` (blackout months) and returns them."""
    two_d = dur.ndim == 2
    d = dur if two_d else dur[None, :]
    es = np.zeros_like(d)
    ef = np.zeros_like(d)
    rel = None if release is None else (release if release.ndim == 2 else release[None, :])
    for k in range(lv.depth):
        nodes = lv.level(k)
        if k == 0:
            start = np.zeros((d.shape[0], nodes.size), dtype=d.dtype)
        else:
            start = np.maximum.reduceat(ef[:, lv.in_src[k]], lv.in_at[k], axis=1)
        if rel is not None:
            start = np.maximum(start, rel[:, nodes])
        if hook is not None:
            start = hook(k, nodes, start)
        es[:, nodes] = start
        ef[:, nodes] = start + d[:, nodes]
    return (es, ef) if two_d else (es[0], ef[0])


def backward(lv: Levels, dur: np.ndarray, finish) -> tuple[np.ndarray, np.ndarray]:
    """Late start and finish with every sink due at ``finish`` (scalar or per task)."""
    d = dur
    lf = np.empty_like(d)
    lf[:] = finish
    ls = lf - d
    for k in range(lv.depth - 1, -1, -1):
        nodes = lv.out_nodes[k]
        if nodes.size:
            lf[nodes] = np.minimum(lf[nodes], np.minimum.reduceat(ls[lv.out_dst[k]], lv.out_at[k]))
        level_nodes = lv.level(k)
        ls[level_nodes] = lf[level_nodes] - d[level_nodes]
    return ls, lf


def critical_chain(lv: Levels, es: np.ndarray, ef: np.ndarray, end: int | None = None) -> list[int]:
    """The chain of driving predecessors back from the task that finishes last (or ``end``).

    A predecessor drives a task when it finishes exactly when the task starts; the chain stops at a
    task started by its release (as-of date, vendor slot or blackout) rather than by a predecessor.
    """
    v = int(np.argmax(ef)) if end is None else int(end)
    chain = [v]
    while True:
        preds = lv.pred_src[lv.pred_ptr[v]:lv.pred_ptr[v + 1]]
        if preds.size == 0:
            break
        driving = preds[ef[preds] == es[v]]
        if driving.size == 0:
            break
        # Among ties, the longest-running chain (largest duration) reads most naturally.
        v = int(driving[np.argmax(ef[driving] - es[driving])])
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
