"""The working copy of a plan: edits are autosaved into a copy, and Save writes the copy back.

The window never edits the planner's plan file ``P`` directly. Opening ``P`` copies its last
committed state (a plain file copy while ``P`` is held against writers, or the SQLite backup API
while another program writes it: :func:`_copy_database`) to a working file in a recovery folder,
and the window's :class:`~migration_planner.store.Plan` is opened on that copy, so every edit is
written there at once, one transaction each (autosave). Next to the copy a small JSON *sidecar*
records which plan it belongs to, ``P``'s size and modification time when it was opened, the
process that owns it (pid, its start time, boot, host), and the edits made since the last save
with a *dirty* flag; while the copy stays dirty, changes of the edit list are appended to an
*edit log* beside it (one line each) instead of rewriting the sidecar.

Save copies the working file (its WAL folded in first) to a temporary file next to ``P``, flushes
it to disk and renames it over ``P`` (:func:`save_database`): a crash during a save leaves ``P``
either as it was or as saved, never half written. ``P``'s own ``-wal`` file is folded back into
``P`` and removed before the rename, so no stale write-ahead log can ever be replayed onto the new
file.

After a crash the copy and its sidecar are left behind; :func:`find_copies` finds them when ``P``
is opened again, and :meth:`WorkingCopy.adopt` takes a dead process's copy over.

Crash ordering: the sidecar is marked dirty (and flushed to disk) *before* the first transaction
after a save commits (an engine ``commit`` hook), so a copy that holds unsaved edits is never
recorded as clean; the new working file is flushed to disk (on another thread, after the open)
before that, so a copy recorded as dirty is whole on disk. The edit descriptions are written after
each edit; a crash between an edit and its description loses only the description.

Old copies no one will recover (their plan gone for 30 days, or clean and their process dead) are
removed by :func:`clean_up_orphans`, from the listing alone.

The command-line verbs do not use a working copy: they write the plan file directly, each change
in one transaction, as before.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

# Light at import (the window installs its session before SQLAlchemy is loaded): the store, and
# SQLAlchemy with it, is imported when a plan is first opened.
from migration_planner.planfile import PLAN_SUFFIX, PlanError, is_sqlite_file

if TYPE_CHECKING:
    from migration_planner.store import Plan

SIDECAR_FORMAT = 1
SIDECAR_SUFFIX = ".json"
#: The sidecar's edit log: one line appended per change of the edit list (see WorkingCopy.record).
EDITS_SUFFIX = ".edits"
#: Companion files SQLite keeps next to a database.
_COMPANIONS = ("-wal", "-shm", "-journal")
#: How long a save waits for another program's transaction on the plan file before giving up.
LOCK_TIMEOUT_S = 5.0
#: How long a plain file copy waits for a database's write lock before the backup API is used.
QUICK_LOCK_S = 0.05


class SaveError(PlanError):
    """The plan could not be saved; the plan file is unchanged. ``str(exc)`` is for the planner."""


class PlanChangedOnDisk(SaveError):
    """The plan file changed on disk since it was opened (another program wrote it)."""


class CorruptWorkingCopy(PlanError):
    """A working copy left behind cannot be read; ``str(exc)`` says why, in Japanese."""


# ---------------------------------------------------------------- processes
def _linux_start_ticks(pid: int) -> str:
    """The process's start time in clock ticks since boot (``/proc/<pid>/stat`` field 22), or ''."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            data = fh.read()
    except OSError:
        return ""
    # The command name (field 2) may hold spaces and parentheses: fields resume after the last ')'.
    rest = data[data.rfind(b")") + 2:].split()
    return rest[19].decode() if len(rest) > 19 else ""


def _windows_process(pid: int) -> tuple[bool, str]:
    """(alive, creation time) of ``pid`` on Windows, through the Win32 API."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        # Access denied means it exists (another user's process); anything else: gone.
        return ctypes.get_last_error() == 5, ""
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) or code.value != 259:  # STILL_ACTIVE
            return False, ""
        times = [wintypes.FILETIME() for _ in range(4)]
        if kernel32.GetProcessTimes(handle, *(ctypes.byref(t) for t in times)):
            created = times[0]
            return True, str((created.dwHighDateTime << 32) | created.dwLowDateTime)
        return True, ""
    finally:
        kernel32.CloseHandle(handle)


def process_start(pid: int) -> str:
    """A token that tells this process from a later one given the same pid ('' when unknown)."""
    if sys.platform.startswith("linux"):
        return _linux_start_ticks(pid)
    if sys.platform == "win32":
        return _windows_process(pid)[1]
    return ""


def boot_id() -> str:
    """Changes on every boot (Linux); '' where the system does not say."""
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as fh:
            return fh.read().strip()
    except OSError:
        return ""


def process_alive(pid: int, start: str = "") -> bool:
    """Whether ``pid`` runs on this machine and, when ``start`` is known, is the same process."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        alive, token = _windows_process(pid)  # os.kill(pid, 0) would terminate it on Windows
    else:
        try:
            os.kill(pid, 0)
            alive = True
        except ProcessLookupError:
            alive = False
        except PermissionError:  # exists, owned by someone else
            alive = True
        except OSError:
            alive = False
        token = process_start(pid) if alive and start else ""
    if alive and start and token:
        return token == start
    return alive


@dataclass(frozen=True)
class Owner:
    """The process that owns a working copy."""

    pid: int
    start: str
    boot: str
    host: str

    @classmethod
    def me(cls) -> "Owner":
        pid = os.getpid()
        import socket  # here, not at import: the window installs its session at start-up

        return cls(pid, process_start(pid), boot_id(), socket.gethostname())

    def alive(self, me: "Owner | None" = None) -> bool:
        """True when the owner still runs. Another host's process cannot be checked: taken as gone."""
        me = me or Owner.me()
        if self.host != me.host:
            return False
        if self.boot and me.boot and self.boot != me.boot:
            return False
        return process_alive(self.pid, self.start)


# ---------------------------------------------------------------- paths and fingerprints
def normalize(path: str | os.PathLike) -> str:
    """One spelling per plan file (absolute, symlinks resolved, case-folded where the OS does)."""
    return os.path.normcase(os.path.realpath(os.path.abspath(os.fspath(path))))


def path_key(path: str | os.PathLike) -> str:
    """The working files' name prefix for a plan: a hash of its normalized absolute path."""
    import hashlib

    return hashlib.sha256(normalize(path).encode("utf-8")).hexdigest()[:16]


def fingerprint(path: str) -> list[int]:
    """[size, mtime_ns, unmerged WAL bytes] of a plan file: changes whenever another program writes it."""
    try:
        st = os.stat(path)
    except OSError:
        return [-1, -1, 0]
    try:
        wal = os.path.getsize(path + "-wal")
    except OSError:
        wal = 0
    return [st.st_size, st.st_mtime_ns, wal]


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


def _remove_database(path: str) -> None:
    """Remove a database file and its companions; the companions first (a main file left without
    them is harmless, a companion left without its main file could be replayed onto the next one)."""
    for suffix in _COMPANIONS:
        _remove(path + suffix)
    _remove(path)


def _fsync_path(path: str) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_quietly(path: str) -> None:
    try:
        _fsync_path(path)
    except OSError:  # removed meanwhile (discarded), or a file system that refuses: nothing to keep
        pass


def _fsync_dir(folder: str) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles to flush)."""
    if os.name == "nt":
        return
    try:
        _fsync_path(folder or ".")
    except OSError:  # some file systems refuse: the rename is still atomic, only less durable
        pass


def _append(path: str, data: bytes) -> None:
    """Append ``data`` to the file at ``path`` (created if need be); not flushed to disk."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
    try:
        while data:
            data = data[os.write(fd, data):]
    finally:
        os.close(fd)


def _write_json_atomic(path: str, data: dict, *, durable: bool) -> None:
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        if durable:
            fh.flush()
            os.fsync(fh.fileno())
    os.replace(tmp, path)
    if durable:
        _fsync_dir(os.path.dirname(path))


# ---------------------------------------------------------------- copying and saving databases
def _copy_quiet_file(source: str, dest: str, *, fold_wal: bool) -> bool:
    """Copy ``source``'s main file to ``dest`` byte for byte, if that file alone holds every committed
    transaction; False (and no ``dest``) when it does not or cannot be held still.

    A connection holds ``source``'s write lock throughout (``BEGIN IMMEDIATE``, which also rolls back
    a crashed writer's hot journal first), so no transaction can commit and no checkpoint has
    anything to write while the file is read. Frames in a ``-wal`` not yet folded into the main file
    make it incomplete: with ``fold_wal`` (our own working copy) a passive checkpoint folds them in
    first, else (the planner's plan file, which opening only reads) the caller falls back to the
    backup API. A plain copy takes a fifth of the backup API's time (30 MB at 100k systems).
    """
    try:
        hold = sqlite3.connect(source, timeout=QUICK_LOCK_S, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        # Refused for a read-only file, and while another connection writes (a command-line import,
        # an import into the copy on a worker thread): the backup API does not wait for it.
        hold.execute("BEGIN IMMEDIATE")
        wal = source + "-wal"
        if os.path.exists(wal) and os.path.getsize(wal) > 0:
            if not fold_wal:
                return False
            # Another connection: a checkpoint cannot run inside a transaction. Passive: it does not
            # wait for readers; a reader on an older snapshot keeps frames out (then the backup API).
            fold = sqlite3.connect(source, timeout=QUICK_LOCK_S, isolation_level=None)
            try:
                busy, frames, folded = fold.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            finally:
                fold.close()
            if busy or frames != folded:
                return False
        import shutil  # here, not at import: the window installs its session at start-up

        shutil.copyfile(source, dest)
        return True
    except (OSError, sqlite3.Error):
        _remove(dest)
        return False
    finally:
        hold.close()  # ends the transaction: it wrote nothing


def _copy_database(source: str, dest: str, *, wal: bool = False, fold_wal: bool = False) -> None:
    """Copy the last committed state of ``source`` into a new file ``dest`` that stands alone (no
    companion files), in WAL mode when ``wal``, else in rollback-journal mode.

    A plain file copy when ``source``'s main file holds it all (see :func:`_copy_quiet_file`, and
    ``fold_wal`` there), else the SQLite backup API (a consistent snapshot even while another program
    writes ``source``). Not flushed: the caller flushes ``dest`` before relying on it.
    """
    copied = _copy_quiet_file(source, dest, fold_wal=fold_wal)
    dst = sqlite3.connect(dest)
    try:
        # ``dest`` is new and worthless until complete: no syncs while it is written (the caller
        # flushes the finished file), and no journal while the backup API fills it.
        dst.execute("PRAGMA synchronous=OFF")
        if not copied:
            dst.execute("PRAGMA journal_mode=OFF")
            src = sqlite3.connect(source, timeout=LOCK_TIMEOUT_S)
            try:
                src.backup(dst)
            finally:
                src.close()
        # Either copy keeps the source's journal mode in the header: set the one wanted (a WAL-mode
        # working copy spares Plan.open the switch, a fully synced write of its own).
        want = "wal" if wal else "delete"
        mode = dst.execute(f"PRAGMA journal_mode={want}").fetchone()[0]
        if str(mode).lower() != want:
            raise sqlite3.OperationalError(f"journal mode stays {mode}")
    finally:
        dst.close()  # the last connection: a WAL is folded in and removed


def _quiesce(target: str) -> sqlite3.Connection | None:
    """Fold ``target``'s WAL back into it, drop the WAL, and hold it locked until the rename.

    Returns the connection holding the lock (close it after the rename), or None when ``target``
    is not an SQLite database (then stray companions are removed: they cannot belong to it).
    Raises ``sqlite3.OperationalError('database is locked')`` while another program uses it.
    """
    if not os.path.exists(target):
        for suffix in _COMPANIONS:
            _remove(target + suffix)
        return None
    if not is_sqlite_file(target):
        for suffix in _COMPANIONS:
            _remove(target + suffix)
        return None
    conn = sqlite3.connect(target, timeout=LOCK_TIMEOUT_S, isolation_level=None)
    try:
        # Leaving WAL mode needs the only connection: it checkpoints and deletes the -wal.
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise sqlite3.OperationalError("database is locked")
        if os.name != "nt":
            # Hold an exclusive lock across the rename so no reader sees the old file mid-way.
            # (Windows cannot rename a file it holds open; there the rename itself fails if anyone
            # else has the plan open, which protects it the same way.)
            conn.execute("BEGIN EXCLUSIVE")
        else:
            conn.close()
            return None
    except BaseException:
        conn.close()
        raise
    return conn


def _replace(tmp: str, target: str) -> None:
    # On Windows a virus scanner or indexer may hold the file for a moment: try a few times.
    for attempt in range(5 if os.name == "nt" else 1):
        try:
            os.replace(tmp, target)
            return
        except PermissionError:
            if attempt == 4 or os.name != "nt":
                raise
            time.sleep(0.1)


def _temp_name(target: str) -> str:
    folder, name = os.path.split(target)
    return os.path.join(folder, f".~{name}.{os.getpid()}.saving")


def _remove_stale_temps(target: str) -> None:
    """Temporary files of earlier saves of ``target`` whose process died mid-save."""
    folder, name = os.path.split(target)
    prefix = f".~{name}."
    try:
        entries = os.listdir(folder or ".")
    except OSError:
        return
    for entry in entries:
        if not entry.startswith(prefix):
            continue
        stem = entry[len(prefix):]
        pid_text, _, rest = stem.partition(".")
        if not pid_text.isdigit() or not rest.startswith("saving"):
            continue
        if int(pid_text) == os.getpid() or not process_alive(int(pid_text)):
            _remove(os.path.join(folder, entry))


def _save_message(name: str, exc: BaseException) -> str:
    text = str(exc)
    if isinstance(exc, PermissionError):
        reason = "書き込めません。ほかのプログラムが開いているか、書き込みの権限がありません"
    elif isinstance(exc, sqlite3.OperationalError) and "locked" in text:
        return (f"プラン「{name}」はほかのプログラム（コマンドラインなど）が使用中のため保存できません。"
                "しばらくしてから、もう一度保存してください。プランファイルは変わっていません。")
    elif "disk is full" in text or getattr(exc, "errno", None) == 28:
        reason = "ディスクの空きが足りません"
    elif isinstance(exc, FileNotFoundError):
        reason = "保存先のフォルダがありません"
    elif "unable to open" in text:
        reason = "ファイルを開けません"
    else:
        reason = getattr(exc, "strerror", None) or text or type(exc).__name__
    return f"プラン「{name}」を保存できません（{reason}）。プランファイルは変わっていません。"


def save_database(source: str, target: str) -> None:
    """Write the database ``source`` over ``target`` atomically: ``target`` is, at every instant,
    either the old file or the complete new one, with no ``-wal`` that could be replayed onto it.

    Steps: copy to a temporary file next to ``target`` (:func:`_copy_database`) → fsync → fold
    ``target``'s WAL in, drop it and lock ``target`` → ``os.replace`` → fsync the folder → unlock.
    Raises :class:`SaveError` with the reason; ``target`` is then unchanged.
    """
    target = os.path.abspath(target)
    name = os.path.basename(target)
    tmp = _temp_name(target)
    lock: sqlite3.Connection | None = None
    try:
        if not os.path.isdir(os.path.dirname(target)):
            raise FileNotFoundError(target)
        _remove_stale_temps(target)
        _remove_database(tmp)
        _copy_database(source, tmp, fold_wal=True)
        _fsync_path(tmp)
        lock = _quiesce(target)
        _replace(tmp, target)
        _fsync_dir(os.path.dirname(target))
    except (OSError, sqlite3.Error) as exc:
        _remove_database(tmp)
        raise SaveError(_save_message(name, exc)) from None
    finally:
        if lock is not None:
            try:
                lock.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            lock.close()


# ---------------------------------------------------------------- copies found in the folder
@dataclass
class FoundCopy:
    """A working copy of a plan found in the recovery folder (another window's, or a crash's)."""

    sidecar_path: str
    work_path: str
    data: dict | None
    """The sidecar's content; None when it cannot be read."""
    owner: Owner | None

    @property
    def alive(self) -> bool:
        """Its process still runs: the plan is open in another window of this program."""
        return self.owner is not None and self.owner.alive()

    @property
    def mine(self) -> bool:
        return self.owner is not None and self.owner.pid == os.getpid() and self.alive

    @property
    def dirty(self) -> bool:
        """It holds edits not saved to the plan (an unreadable sidecar counts as dirty: it may)."""
        return True if self.data is None else bool(self.data.get("dirty"))

    @property
    def edits(self) -> list[str]:
        return [str(e) for e in (self.data or {}).get("edits", [])]

    @property
    def has_file(self) -> bool:
        return os.path.exists(self.work_path)

    @property
    def last_edit(self) -> dt.datetime | None:
        """When the last edit was made (the sidecar's record, else the file's time)."""
        text = (self.data or {}).get("last_edit_at") or ""
        try:
            return dt.datetime.fromisoformat(text)
        except ValueError:
            pass
        times = [os.path.getmtime(p) for p in (self.work_path, self.work_path + "-wal") if os.path.exists(p)]
        return dt.datetime.fromtimestamp(max(times)).replace(microsecond=0) if times else None

    @property
    def opened_at(self) -> dt.datetime | None:
        try:
            return dt.datetime.fromisoformat((self.data or {}).get("opened_at") or "")
        except ValueError:
            return None

    def discard(self) -> None:
        """Remove it: the sidecar first (so a crash mid-way never offers half a copy), then the file."""
        _remove(self.sidecar_path)
        _remove(_log_path(self.sidecar_path))
        _remove_database(self.work_path)


def _log_path(sidecar_path: str) -> str:
    return sidecar_path[: -len(SIDECAR_SUFFIX)] + EDITS_SUFFIX


def _load_sidecar(path: str) -> dict | None:
    """A sidecar's own content (without its edit log), or None when it cannot be read."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and "plan_path" in data else None


def read_sidecar(path: str) -> dict | None:
    """A sidecar's content with its edit log applied (the edit list and the last edit's time as the
    owner last recorded them), or None when it cannot be read."""
    data = _load_sidecar(path)
    if data is None:
        return None
    try:
        with open(_log_path(path), "rb") as fh:
            lines = fh.read().split(b"\n")[:-1]  # what follows the last newline is a line cut short
    except OSError:
        return data
    edits = [str(e) for e in data.get("edits") or []]
    last = data.get("last_edit_at")
    for line in lines:
        try:
            entry = json.loads(line)
            if entry["g"] != data.get("log_gen"):
                continue  # a line of an older generation, whose removal a crash cut short
            edits = edits[: int(entry["keep"])] + [str(e) for e in entry["add"]]
            last = entry.get("at") or last
        except (ValueError, KeyError, TypeError):
            continue
    return {**data, "edits": edits, "last_edit_at": last}


def _owner_of(data: dict | None, stem: str) -> Owner | None:
    if data is not None:
        try:
            return Owner(int(data["pid"]), str(data.get("process_start", "")), str(data.get("boot_id", "")),
                         str(data.get("hostname", "")))
        except (KeyError, TypeError, ValueError):
            pass
    # An unreadable sidecar: the pid is also in the file name (<key>-<pid>-<token>); assume this host.
    parts = stem.split("-")
    if len(parts) >= 3 and parts[1].isdigit():
        import socket

        return Owner(int(parts[1]), "", "", socket.gethostname())
    return None


def find_copies(plan_path: str, folder: str) -> list[FoundCopy]:
    """Every working copy of ``plan_path`` in ``folder``, the most recently edited first.

    Also removes debris no one can use: working files with no sidecar whose process is gone
    (a crash between making the copy and recording it: no edit can have been made yet).
    """
    if not os.path.isdir(folder):
        return []
    want, key = normalize(plan_path), path_key(plan_path)
    found: list[FoundCopy] = []
    names = set(os.listdir(folder))
    for entry in sorted(names):
        full = os.path.join(folder, entry)
        if entry.startswith(key + "-") and (entry.endswith((PLAN_SUFFIX, EDITS_SUFFIX)) or ".tmp" in entry):
            stem = entry.split(".", 1)[0]
            if ".tmp" in entry or stem + SIDECAR_SUFFIX not in names:
                # Half-made files of a process that is gone (a copy not yet recorded, a sidecar
                # being rewritten): no edit can be in them.
                owner = _owner_of(None, stem)
                if owner is None or not owner.alive():
                    _remove(full)
                    if entry.endswith(PLAN_SUFFIX):
                        _remove_database(full)
            continue
        if not entry.endswith(SIDECAR_SUFFIX):
            continue
        stem = entry[: -len(SIDECAR_SUFFIX)]
        data = read_sidecar(full)
        if data is not None:
            if normalize(str(data["plan_path"])) != want:
                continue
            work = os.path.join(folder, str(data.get("working_file") or stem + PLAN_SUFFIX))
        elif entry.startswith(key + "-"):
            work = os.path.join(folder, stem + PLAN_SUFFIX)
        else:
            continue
        found.append(FoundCopy(full, work, data, _owner_of(data, stem)))
    found.sort(key=lambda c: c.last_edit or dt.datetime.min, reverse=True)
    return found


#: A copy of a plan that no longer exists is kept this long after its last write (see clean_up_orphans).
ORPHAN_DAYS = 30
#: ``<path key>-<pid>-<token>``: the stem of every file a working copy is made of.
_STEM = re.compile(r"[0-9a-f]{16}-[0-9]+-[0-9a-f]+")


def _removal_order(suffix: str) -> tuple[int, str]:
    """The sidecar first (a copy is never offered half removed), then its log and temporaries, the
    database's companions before the database (as :func:`_remove_database`)."""
    if suffix == SIDECAR_SUFFIX:
        return 0, suffix
    if suffix == EDITS_SUFFIX or ".tmp" in suffix:
        return 1, suffix
    return (3 if suffix == PLAN_SUFFIX else 2), suffix


def clean_up_orphans(folder: str, *, max_age_days: float = ORPHAN_DAYS, now: float | None = None) -> list[str]:
    """Remove the working copies in ``folder`` that no one will recover; return their names (stems).

    Removed: a copy that holds nothing unsaved (not dirty) whose process has ended; a copy whose
    plan file no longer exists (deleted or moved) and that nobody has written for ``max_age_days``;
    the debris of a process that has ended (files without a sidecar, half-written temporaries).
    Never removed: a dirty copy of a plan that exists (opening the plan offers it back), a copy whose
    process still runs, a clean copy of another machine's process (it cannot be checked from here),
    a copy whose sidecar cannot be read (its plan is unknown), and files that are not a working
    copy's. A file that cannot be removed (held open on Windows) is left for the next time.

    Cheap enough for start-up: the folder's listing, the sidecars (small JSON files) and the files'
    times; no database is opened.
    """
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    now = time.time() if now is None else now
    groups: dict[str, list[str]] = {}
    for name in names:
        stem = name.split(".", 1)[0]
        if _STEM.fullmatch(stem):
            groups.setdefault(stem, []).append(name)
    me = Owner.me() if groups else None
    removed = []
    for stem, files in sorted(groups.items()):
        sidecar = os.path.join(folder, stem + SIDECAR_SUFFIX)
        data = _load_sidecar(sidecar) if stem + SIDECAR_SUFFIX in files else None
        owner = _owner_of(data, stem)  # without a sidecar: the pid in the name, on this machine
        here = owner is not None and owner.host == me.host
        running = owner is None or (here and owner.alive(me))
        if data is None:
            if stem + SIDECAR_SUFFIX in files or running:
                continue  # an unreadable sidecar, or a copy being made
            doomed = files  # debris of a process that is gone: no edit can be in it
        else:
            newest = 0.0
            for name in files:
                try:
                    newest = max(newest, os.stat(os.path.join(folder, name)).st_mtime)
                except OSError:
                    pass
            clean_and_ended = not data.get("dirty") and here and not running
            plan_gone = (not running and now - newest > max_age_days * 86400
                         and not os.path.exists(str(data["plan_path"])))
            if clean_and_ended or plan_gone:
                doomed = files
            else:  # kept; only a dead writer's half-written sidecar goes
                doomed = [n for n in files if ".tmp" in n] if here and not running else []
        failed = False
        for name in sorted(doomed, key=lambda n: _removal_order(n[len(stem):])):
            try:
                _remove(os.path.join(folder, name))
            except OSError:
                failed = True
                break
        if doomed == files and not failed:
            removed.append(stem)
    return removed


def check_database(path: str) -> None:
    """Raise :class:`CorruptWorkingCopy` unless ``path`` is a readable SQLite database."""
    try:
        is_db = is_sqlite_file(path)
    except OSError as exc:
        raise CorruptWorkingCopy(f"作業用ファイルを読めません（{exc.strerror or exc}）") from None
    if not is_db:
        raise CorruptWorkingCopy("作業用ファイルが壊れています（SQLite のファイルではありません）")
    try:
        conn = sqlite3.connect(path, timeout=LOCK_TIMEOUT_S)
        try:
            result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise CorruptWorkingCopy(f"作業用ファイルが壊れています（{exc}）") from None
    if result != "ok":
        raise CorruptWorkingCopy(f"作業用ファイルが壊れています（{result}）")


# ---------------------------------------------------------------- the working copy
@dataclass
class _State:
    plan_path: str
    plan_fingerprint: list[int]
    opened_at: str
    saved_at: str | None = None
    last_edit_at: str | None = None
    edits: list[str] = field(default_factory=list)
    dirty: bool = False
    #: The generation of the sidecar on disk: lines of the edit log count only with the same one.
    log_gen: int = 0


class WorkingCopy:
    """A plan opened for editing through a working copy in ``folder``.

    Use :meth:`open` (a fresh copy of the plan) or :meth:`adopt` (a crashed session's copy), then
    edit through :attr:`plan`; :meth:`save` / :meth:`save_as` write the plan file; :meth:`close`
    keeps the copy only if it holds unsaved edits, :meth:`discard` always removes it.

    ``on_write`` (optional) is called after the working copy is marked dirty, before each write
    transaction commits, in the writing thread.
    """

    def __init__(self, folder: str, work_path: str, state: _State) -> None:
        self.folder = folder
        self.work_path = work_path
        self.sidecar_path = work_path[: -len(PLAN_SUFFIX)] + SIDECAR_SUFFIX
        self._state = state
        self._on_disk: tuple[list[str], str | None] | None = None  # (edits, last edit) as recorded
        self._lock = threading.RLock()
        self._writes = 0
        self._flushing: threading.Thread | None = None
        self.owner = Owner.me()
        self.plan: Plan | None = None
        self.on_write: Callable[[], None] | None = None

    # ------------------------------------------------------------ opening
    @staticmethod
    def _new_work_path(folder: str, plan_path: str) -> str:
        import secrets

        return os.path.join(folder, f"{path_key(plan_path)}-{os.getpid()}-{secrets.token_hex(3)}{PLAN_SUFFIX}")

    @classmethod
    def open(cls, plan_path: str, folder: str, *, create: bool = False) -> "WorkingCopy":
        """Copy the plan at ``plan_path`` into a new working copy in ``folder`` and open it.

        With ``create``, a plan that does not exist yet is created first (an empty plan file).
        Raises :class:`PlanError` with the planner-facing reason (the message names the plan, not
        the working file). The plan file itself is only read.
        """
        from migration_planner.store import Plan

        plan_path = os.path.abspath(plan_path)
        name = os.path.basename(plan_path)
        if not (os.path.exists(plan_path) and os.path.getsize(plan_path) > 0):
            Plan.open(plan_path, create=create).close()  # "not found", or a new empty plan
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            raise PlanError(f"作業用フォルダ「{folder}」を作れません（{exc.strerror or exc}）。") from None
        work = cls._new_work_path(folder, plan_path)
        tmp = work + ".tmp"
        try:
            _copy_database(plan_path, tmp, wal=True)
        except (OSError, sqlite3.Error) as exc:
            _remove_database(tmp)
            Plan.open(plan_path, create=False).close()  # says what is wrong with the file, if anything
            raise PlanError(f"プラン「{name}」を開けません（{exc}）。") from None
        print_ = fingerprint(plan_path)
        _remove_database(work)
        os.replace(tmp, work)
        copy = cls(folder, work, _State(plan_path, print_, _now()))
        copy._flush_in_background()
        try:
            copy._write_sidecar(durable=False)
            copy._open_plan(name)
        except BaseException:
            copy.discard()
            raise
        return copy

    @classmethod
    def adopt(cls, found: FoundCopy, *, plan_path: str | None = None) -> "WorkingCopy":
        """Take over a copy whose process is gone: it becomes this process's, still dirty.

        ``plan_path`` stands in for the plan when the sidecar cannot be read (the copy was found by
        its name); the plan file then counts as changed on disk, so Save asks before overwriting.
        Raises :class:`CorruptWorkingCopy` when the copy cannot be read (the caller says so and
        starts from the plan file).
        """
        if found.alive:
            raise PlanError("この作業用コピーは別のウィンドウで使用中です。")
        data = found.data
        if data is None:
            if plan_path is None:
                raise CorruptWorkingCopy("作業用コピーの記録が壊れています")
            data = {"plan_path": os.path.abspath(plan_path)}
        if not found.has_file:
            raise CorruptWorkingCopy("作業用ファイルがありません")
        check_database(found.work_path)
        folder = os.path.dirname(found.sidecar_path)
        state = _State(
            plan_path=str(data["plan_path"]),
            plan_fingerprint=list(data.get("plan_fingerprint") or [-1, -1, 0]),
            opened_at=str(data.get("opened_at") or _now()),
            saved_at=data.get("saved_at"),
            last_edit_at=data.get("last_edit_at"),
            edits=[str(e) for e in data.get("edits", [])],
            dirty=True,
            log_gen=int(data.get("log_gen") or 0),
        )
        copy = cls(folder, found.work_path, state)
        copy.sidecar_path = found.sidecar_path
        copy._write_sidecar(durable=True)  # ours now: another window must not adopt it too
        try:
            copy._open_plan(os.path.basename(state.plan_path))
        except PlanError as exc:
            copy.plan = None
            raise CorruptWorkingCopy(str(exc)) from None
        return copy

    def _flush_in_background(self) -> None:
        """Flush the new copy to disk on another thread (a third of the open's time at 100k systems).

        Nothing relies on it being on disk until the first edit: the sidecar is written durably (as
        dirty, before the first edit commits) only after the flush, so a copy recorded as holding
        edits is complete on disk. Until then a power cut can only lose a copy without edits.
        """
        self._flushing = threading.Thread(target=_fsync_quietly, args=(self.work_path,),
                                          name="workcopy-flush", daemon=True)
        self._flushing.start()

    def _wait_flushed(self) -> None:
        if self._flushing is not None:
            self._flushing.join()

    def _open_plan(self, name: str) -> None:
        from sqlalchemy import event

        from migration_planner.store import Plan

        try:
            plan = Plan.open(self.work_path, create=False)
        except PlanError as exc:
            # The store names the file it opened; the planner knows the plan by its own name.
            raise PlanError(str(exc).replace(os.path.basename(self.work_path), name)) from None
        event.listen(plan.engine, "commit", self._before_commit)
        plan.display_path = self.plan_path
        self.plan = plan

    # ------------------------------------------------------------ state
    @property
    def plan_path(self) -> str:
        return self._state.plan_path

    @property
    def dirty(self) -> bool:
        return self._state.dirty

    @property
    def edits(self) -> list[str]:
        return list(self._state.edits)

    @property
    def opened_at(self) -> str:
        return self._state.opened_at

    @property
    def last_edit_at(self) -> str | None:
        return self._state.last_edit_at

    def _sidecar(self) -> dict:
        s = self._state
        return {
            "format": SIDECAR_FORMAT,
            "plan_path": s.plan_path,
            "plan_fingerprint": s.plan_fingerprint,
            "working_file": os.path.basename(self.work_path),
            "pid": self.owner.pid,
            "process_start": self.owner.start,
            "boot_id": self.owner.boot,
            "hostname": self.owner.host,
            "opened_at": s.opened_at,
            "saved_at": s.saved_at,
            "last_edit_at": s.last_edit_at,
            "edits": s.edits,
            "dirty": s.dirty,
            "log_gen": s.log_gen,
        }

    def _write_sidecar(self, *, durable: bool) -> None:
        """Write the whole sidecar (a new generation), then drop the edit log it includes."""
        with self._lock:
            if durable:
                self._wait_flushed()  # the copy itself is on disk before the sidecar may call it dirty
            s = self._state
            data = self._sidecar()
            data["log_gen"] = s.log_gen + 1
            _write_json_atomic(self.sidecar_path, data, durable=durable)
            s.log_gen += 1  # only once written: the log's next lines must match the sidecar on disk
            self._on_disk = (list(s.edits), s.last_edit_at)
            _remove(_log_path(self.sidecar_path))  # a crash first leaves lines of the old generation

    def _before_commit(self, conn) -> None:
        """Engine hook, before every commit: a write marks the copy dirty, on disk first."""
        dbapi = conn.connection.dbapi_connection
        if dbapi is None or not dbapi.in_transaction:  # a read-only transaction
            return
        with self._lock:
            self._writes += 1
            self._state.last_edit_at = _now()
            if not self._state.dirty:
                self._state.dirty = True
                self._write_sidecar(durable=True)
        callback = self.on_write
        if callback is not None:
            callback()

    def record(self, edits: list[str], *, dirty: bool) -> None:
        """Record the edits since the last save (their descriptions) and whether any remain unsaved.

        While the copy stays dirty, a change of the list is one line appended to the edit log (what
        changed: the length of the common start and the edits after it), not a new sidecar: with the
        whole sidecar written to a temporary file and renamed into place per edit, 200 edits at
        100k systems took 1.4–1.6× as long as on the plan file (bench_workcopy), with the log about
        the same as none. Nothing is written when nothing changed (the window records after every
        change of its undo stack).
        """
        with self._lock:
            s = self._state
            edits = [str(e) for e in edits]
            dirty = bool(dirty)
            if dirty == s.dirty and self._on_disk == (edits, s.last_edit_at):
                return
            if not (dirty and s.dirty and self._on_disk is not None):
                became_dirty = dirty and not s.dirty
                s.edits, s.dirty = edits, dirty
                self._write_sidecar(durable=became_dirty)
                return
            before = self._on_disk[0]
            keep = 0
            for old, new in zip(before, edits):
                if old != new:
                    break
                keep += 1
            line = json.dumps({"g": s.log_gen, "keep": keep, "add": edits[keep:], "at": s.last_edit_at},
                              ensure_ascii=False, separators=(",", ":"))
            _append(_log_path(self.sidecar_path), (line + "\n").encode("utf-8"))
            s.edits = edits
            self._on_disk = (edits, s.last_edit_at)

    # ------------------------------------------------------------ saving
    def changed_on_disk(self) -> bool:
        """The plan file was written by someone else since it was opened (or last saved) here."""
        return fingerprint(self.plan_path) != list(self._state.plan_fingerprint)

    def save(self, *, force: bool = False) -> None:
        """Write the working copy over the plan file (atomically).

        Raises :class:`PlanChangedOnDisk` if another program wrote the plan since it was opened,
        unless ``force``; :class:`SaveError` if it cannot be written (the plan is then unchanged).
        """
        if not force and self.changed_on_disk():
            raise PlanChangedOnDisk(
                f"プラン「{os.path.basename(self.plan_path)}」は、開いたあとでほかのプログラムによって変更されています。")
        self._save_to(self.plan_path)

    def save_as(self, target: str) -> None:
        """Write the working copy to ``target`` (replacing it if it exists); it becomes this copy's plan."""
        self._save_to(os.path.abspath(target))

    def _save_to(self, target: str) -> None:
        with self._lock:
            writes = self._writes
        save_database(self.work_path, target)
        with self._lock:
            s = self._state
            s.plan_path = target
            if self.plan is not None:
                self.plan.display_path = target
            s.plan_fingerprint = fingerprint(target)
            s.saved_at = _now()
            if self._writes == writes:  # nothing was written while the copy was being saved
                s.dirty = False
                s.edits = []
            # Not flushed: should the machine lose it, the copy is offered back once for nothing.
            self._write_sidecar(durable=False)

    # ------------------------------------------------------------ closing
    def _close_plan(self) -> None:
        if self.plan is not None:
            from sqlalchemy import event

            event.remove(self.plan.engine, "commit", self._before_commit)
            self.plan.close()
            self.plan = None

    def discard(self) -> None:
        """Close and remove the working copy, unsaved edits and all."""
        self.on_write = None
        self._close_plan()
        self._wait_flushed()
        _remove(self.sidecar_path)
        _remove(_log_path(self.sidecar_path))
        _remove_database(self.work_path)

    def close(self) -> None:
        """Close: the copy is removed when it holds nothing unsaved, kept for recovery when it does."""
        self.on_write = None
        self._close_plan()
        self._wait_flushed()
        if not self._state.dirty:
            self.discard()


def default_folder(base: str | os.PathLike) -> str:
    """The recovery folder under an application data folder (the window passes its own)."""
    return str(Path(base) / "recovery")
