"""Autosave, Save / Save As and crash recovery for the window: :class:`PlanSession`.

The window edits a working copy of the plan (``migration_planner.workcopy``): every edit is written
there at once (autosave), the plan file changes only on 保存 (Ctrl+S) or 名前を付けて保存
(Ctrl+Shift+S), closing with unsaved edits asks 「変更を保存しますか？」, and a copy left by a crash is
offered back (復元 / 破棄) the next time its plan is opened. The command-line verbs still write the plan
file directly.

Integration into ``MainWindow`` (ui/main_window.py) and ``ui/app.py`` — the exact steps
------------------------------------------------------------------------------------------
(Written against the light start-up version of the window: quick read, then ``_finish_open``.)

1. ``MainWindow.__init__``, after ``self._build_actions()`` (and the export action, if any)::

       from ui.recovery import install_session   # light: no SQLAlchemy at import
       self.session = install_session(self)

   This adds to the ファイル menu, after 開く: 保存(&S) (Ctrl+S, QKeySequence.Save) and
   名前を付けて保存(&A)… (Ctrl+Shift+S, QKeySequence.SaveAs), puts 保存 on the toolbar after 開く
   (``self.act_save`` / ``self.act_save_as``), adds a permanent status label 「自動保存 14:03」
   (``self.autosave_label``), binds ``setWindowModified`` to the session, and after every
   ``reload`` names the plan file (not the working copy) in the title 「<file name>[*] — 移行計画プランナー」
   and in the status bar. It also makes the session flush pending input of views that have a
   ``save_now`` method (the subsidy inputs) before saving or closing.
2. Wherever the window opens the full plan — ``open_plan`` (the non-quick path) and
   ``_finish_open`` — replace ``plan = Plan.open(path, create=create)`` + ``self._install(plan)``
   (and its ``except PlanError`` branch) with::

       plan = self.session.open(path, create=create, install=self._install)
       if plan is None:          # cancelled, or refused (the session has shown why)
           if self.session.last_error:
               self._forget_recent(path)
           ...                   # in _finish_open: the same clean-up as the old PlanError branch,
           return False          # without the second message box; emit sig_plan_ready(False)

   ``session.open`` first asks 「変更を保存しますか？」 about the current plan's edits, offers a crashed
   session's edits back, warns when another window has the plan, and then calls ``install(plan)``
   (which must call ``context.set_plan(plan)``, as ``_install`` does). The quick read may stay: it
   only reads the plan file.
3. ``MainWindow._install``: remember the plan file, not the working copy —
   ``self._remember_recent(self.session.plan_path or plan.path)``.
4. ``MainWindow.closeEvent``: after the busy check, before writing the settings::

       if not self.session.maybe_close():
           event.ignore()
           return

   and replace ``if self.plan is not None: self.plan.close()`` with ``self.session.close()``.
5. The import's ``saved`` callback in ``MainWindow._after_read``, right after
   ``self.context.undo_stack.clear()``::

       self.session.note_edit(self.tr("「{0}」の取り込み").format(name))

   (An import is not on the undo stack; without this the session still notices the write and lists
   it as 「元に戻せない変更（取り込みなど）」.)
6. ``ui/app.py`` ``open_initial``, the first start on the sample: the loaded sample is the plan's
   starting point, so save it silently and the first start asks nothing, now or at exit. In
   ``then_progress`` replace the ``undo_stack.clear()`` lambda with::

       def saved_start(_ok):
           window.context.undo_stack.clear()
           window.session.save()
       window.sig_progress_imported.connect(saved_start)

   and call ``window.session.save()`` when ``changed`` is false as well.
7. Optional: ``reload``/``_show_plan_name`` can use ``self.session.display_name()`` and
   ``self.session.plan_path`` directly (step 1's refresher then has nothing left to correct), and
   ``app._excepthook`` can say that the edits were autosaved and will be offered back.

The recovery folder is ``QStandardPaths.AppDataLocation/recovery`` (tests pass their own). After the
session's first ``open`` (the window is up by then) it removes the copies there that no one will
recover, on a worker thread (``PlanSession.clean_up_orphans``); the window needs no change for it.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from migration_planner.planfile import PLAN_SUFFIX, PlanError
from migration_planner.workcopy import (
    CorruptWorkingCopy,
    FoundCopy,
    SaveError,
    WorkingCopy,
    check_database,
    clean_up_orphans,
    find_copies,
    normalize,
)
from ui.context import PlanContext
from ui.i18n import app_name
from ui.icons import icon

if TYPE_CHECKING:  # the window installs its session before SQLAlchemy is loaded
    from migration_planner.store import Plan

#: Edits listed in a message box; the rest are under 詳細.
MAX_LISTED = 10


def default_recovery_dir() -> str:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return os.path.join(base or os.path.expanduser("~"), "recovery")


def _when(moment: dt.datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "—"


class PlanSession(QObject):
    """The open plan's working copy and its saved state, bound to the context's undo stack.

    Unsaved ("modified") means: the undo stack is not at its clean index, or the working copy took a
    write that the undo stack cannot take back (an import; a stack cleared with edits on it).

    ``window`` parents the session and its message boxes; give the context the same parent, so the
    undo stack (which signals as it is destroyed) never outlives the session's slots.
    """

    sig_modified_changed = Signal(bool)
    """The plan gained (True) or lost (False) unsaved edits: bind to ``QWidget.setWindowModified``."""
    sig_autosaved = Signal(str)
    """An edit was written to the working copy; the argument is the time (HH:MM)."""
    sig_path_changed = Signal(str)
    """The plan file is now this path (opened, or saved under another name)."""
    sig_flush_requested = Signal()
    """About to save or close: views write pending input now (e.g. ``SubsidyView.save_now``)."""
    sig_message = Signal(str)
    """A short note for the status bar."""
    _sig_written = Signal()
    """The working copy took a write (emitted from the writing thread; handled on the GUI thread)."""

    def __init__(self, context: PlanContext, window: QWidget | None = None, *, recovery_dir: str | None = None):
        super().__init__(window)
        self.context = context
        self.window = window
        self.recovery_dir = recovery_dir or default_recovery_dir()
        self.working: WorkingCopy | None = None
        self.last_error = ""
        """The reason the last :meth:`open` failed ('' when it succeeded or was cancelled)."""
        self._loose = False            # a write the undo stack cannot take back
        self._loose_edits: list[str] = []
        self._write_pending = False    # a write not yet matched by an undo-stack change
        self._unnoted = False          # ... nor described by note_edit()
        self._generic_at: int | None = None  # where a generic description stands in for one
        self._stack_dirty = False      # the stack's clean state as last seen (before a clear)
        self._stack_texts: list[str] = []
        self._modified = False
        self._resetting = False
        self._discard_approved = False
        self._clean_up: threading.Thread | None = None
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(0)
        self._settle_timer.timeout.connect(self._settle)
        stack = context.undo_stack
        stack.indexChanged.connect(self._on_index)
        stack.cleanChanged.connect(self._on_clean)
        self._sig_written.connect(self._on_written)

    # ------------------------------------------------------------ state
    @property
    def plan(self) -> Plan | None:
        return self.working.plan if self.working else None

    @property
    def plan_path(self) -> str:
        return self.working.plan_path if self.working else ""

    def display_name(self) -> str:
        """The plan as the planner knows it: its file name without the extension."""
        return os.path.splitext(os.path.basename(self.plan_path))[0] if self.working else ""

    def window_title(self) -> str:
        name = self.display_name()
        return f"{name}[*] — {app_name()}" if name else app_name()

    def is_modified(self) -> bool:
        if self.working is None:
            return False
        return self._loose or self._write_pending or not self.context.undo_stack.isClean()

    def edits(self) -> list[str]:
        """Descriptions of the unsaved edits, oldest first."""
        return [*self._loose_edits, *self._current_stack_texts()]

    def _current_stack_texts(self) -> list[str]:
        stack = self.context.undo_stack
        clean, index = stack.cleanIndex(), stack.index()
        if clean < 0:  # the saved state can no longer be reached by undo: all that is done counts
            return [stack.text(i) for i in range(index)]
        if index >= clean:
            return [stack.text(i) for i in range(clean, index)]
        return [self.tr("元に戻す：{0}").format(stack.text(i)) for i in reversed(range(index, clean))]

    def note_edit(self, text: str) -> None:
        """Record an edit made outside the undo stack (an import): it stays unsaved until Save."""
        if self.working is None:
            return
        self._loose = True
        self._unnoted = False
        if self._generic_at is not None and self._generic_at < len(self._loose_edits):
            self._loose_edits[self._generic_at] = text  # the write already listed, now described
        else:
            self._loose_edits.append(text)
        self._generic_at = None
        self._update()

    # ------------------------------------------------------------ tracking edits
    def _on_written(self) -> None:
        if self.working is None:
            return
        self._write_pending = True
        self._unnoted = True
        self._generic_at = None
        self.sig_autosaved.emit(dt.datetime.now().strftime("%H:%M"))
        # A write by an undo command is followed by an index change in the same turn of the
        # event loop; one that is not is a write the stack knows nothing of.
        self._settle_timer.start()
        self._update()

    def _settle(self) -> None:
        if self.working is None or not (self._write_pending or self._unnoted):
            return
        if self._write_pending:
            self._write_pending = False
            self._loose = True
        if self._unnoted:  # written, not by an undo command, and nobody said what it was
            self._unnoted = False
            self._generic_at = len(self._loose_edits)
            self._loose_edits.append(self.tr("元に戻せない変更（取り込みなど）"))
        self._update()

    def _on_index(self, _index: int) -> None:
        if self._resetting or self.working is None:
            return
        stack = self.context.undo_stack
        if stack.count() == 0:
            # Cleared: what it held can no longer be undone, so it stays unsaved until Save. A write
            # just before (an import) is loose too; _settle describes it if note_edit() does not.
            if self._stack_dirty or self._write_pending:
                self._loose_edits.extend(self._stack_texts)
                self._loose = True
            self._stack_dirty = False
        else:
            self._unnoted = False  # the write was an undo command's
        self._write_pending = False
        self._stack_texts = self._current_stack_texts()
        self._update()

    def _on_clean(self, clean: bool) -> None:
        if self._resetting or self.working is None:
            return
        self._stack_dirty = not clean
        self._stack_texts = self._current_stack_texts()
        self._update()

    def _update(self) -> None:
        if self.working is None:
            return
        modified = self.is_modified()
        self.working.record(self.edits(), dirty=modified)
        if modified != self._modified:
            self._modified = modified
            self.sig_modified_changed.emit(modified)

    # ------------------------------------------------------------ message boxes
    def _box(self, icon, title: str, text: str, informative: str = "", detailed: str = "") -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self.window)
        if informative:
            box.setInformativeText(informative)
        if detailed:
            box.setDetailedText(detailed)
        return box

    def _button(self, box: QMessageBox, which, text: str, name: str):
        """A standard button (its role kept) with our wording; ``name`` lets tests find it."""
        button = box.addButton(which) if isinstance(which, QMessageBox.StandardButton) else box.addButton(text, which)
        button.setText(text)
        button.setObjectName(name)
        return button

    def _ask(self, box: QMessageBox, buttons=(), default: str = "", escape: str = "") -> str:
        """Add ``buttons`` ((standard button or role, text, name), …), show ``box``, and return the
        clicked button's name ('' when closed some other way)."""
        named = {name: self._button(box, which, text, name) for which, text, name in buttons}
        if default:
            box.setDefaultButton(named[default])
        if escape:
            box.setEscapeButton(named[escape])
        box.exec()
        clicked = box.clickedButton()
        return clicked.objectName() if clicked is not None else ""

    def _warn(self, title: str, text: str) -> None:
        box = self._box(QMessageBox.Icon.Warning, title, text)
        self._ask(box, [(QMessageBox.StandardButton.Ok, self.tr("OK"), "ok")])

    def _edit_list(self, edits: list[str]) -> tuple[str, str]:
        """(the first edits as lines, all of them when there are more) for a message box."""
        shown = "\n".join(f"・{e}" for e in edits[:MAX_LISTED])
        if len(edits) <= MAX_LISTED:
            return shown, ""
        return shown + "\n" + self.tr("ほか {0} 件（詳細を表示）").format(len(edits) - MAX_LISTED), "\n".join(edits)

    def _ask_recover(self, found: FoundCopy) -> str:
        """'restore', 'discard' or 'cancel' for a crashed session's copy."""
        edits = found.edits
        when = _when(found.last_edit)
        if edits:
            text = self.tr("前回、保存されずに終了した編集があります（{0} 件、最終 {1}）。復元しますか？").format(len(edits), when)
        else:
            text = self.tr("前回、保存されずに終了した編集があります（最終 {0}）。復元しますか？").format(when)
        shown, everything = self._edit_list(edits)
        informative = (shown + "\n\n" if shown else "") + self.tr(
            "復元：その編集の続きから始めます（プランファイルにはまだ保存されていません）。\n"
            "破棄：その編集を捨てて、保存されているプランを開きます。")
        box = self._box(QMessageBox.Icon.Question, self.tr("編集の復元"), text, informative, everything)
        answer = self._ask(box, [
            (QMessageBox.ButtonRole.AcceptRole, self.tr("復元"), "restore"),
            (QMessageBox.ButtonRole.DestructiveRole, self.tr("破棄"), "discard"),
            (QMessageBox.StandardButton.Cancel, self.tr("キャンセル"), "cancel"),
        ], default="restore", escape="cancel")
        return answer if answer in ("restore", "discard") else "cancel"

    def _ask_open_anyway(self, path: str, found: FoundCopy) -> bool:
        box = self._box(
            QMessageBox.Icon.Information, self.tr("プランを開く"),
            self.tr("プラン「{0}」は、このプログラムの別のウィンドウで開かれています（{1} から）。").format(
                os.path.basename(path), _when(found.opened_at)),
            self.tr("このまま開くと、両方のウィンドウで別々に編集することになります。"
                    "あとから保存するときに、先に保存された内容を上書きするかどうかを確認します。"))
        return self._ask(box, [
            (QMessageBox.StandardButton.Open, self.tr("このまま開く"), "open"),
            (QMessageBox.StandardButton.Cancel, self.tr("キャンセル"), "cancel"),
        ], default="open", escape="cancel") == "open"

    # ------------------------------------------------------------ opening
    def open(self, path: str, *, create: bool = False, install: Callable[[Plan], None] | None = None
             ) -> Plan | None:
        """Open ``path`` for editing (after asking to save the current plan's edits).

        Offers a crashed session's edits back, warns when another window has the plan open, and
        hands the plan (on its working copy) to ``install`` — by default ``context.set_plan``; the
        window passes its own, which must call ``context.set_plan``. Returns the plan, or None when
        cancelled or when it cannot be opened (the reason was shown and is in :attr:`last_error`);
        the current plan then stays.

        The first call also clears the recovery folder of copies no one will recover
        (:meth:`clean_up_orphans`): by then the window is up, so the launch does not wait for it.
        """
        try:
            return self._open(path, create, install)
        finally:
            self.clean_up_orphans()

    def clean_up_orphans(self) -> None:
        """Remove the recovery folder's orphaned copies (``workcopy.clean_up_orphans``), once per
        session, on a worker thread: it reads only the folder's listing and small files, but the
        folder may be on a network drive (a roaming profile). Copies of live processes, this one's
        included, and dirty copies of existing plans are never touched."""
        if self._clean_up is not None:
            return
        self._clean_up = threading.Thread(target=clean_up_orphans, args=(self.recovery_dir,),
                                          name="recovery-clean-up", daemon=True)
        self._clean_up.start()

    def _open(self, path: str, create: bool, install: Callable[[Plan], None] | None) -> Plan | None:
        self.last_error = ""
        path = os.path.abspath(path)
        if self.working is not None and normalize(path) == normalize(self.working.plan_path):
            return self.working.plan  # already open here
        if not self.maybe_close():
            return None
        try:
            copy = self._open_copy(path, create)
        except PlanError as exc:
            self.last_error = str(exc)
            self._warn(self.tr("プランを開けません"), str(exc))
            copy = None
        if copy is None:
            self._discard_approved = False  # the current plan stays open, its edits unsaved
            return None
        self._switch_to(copy, install or self.context.set_plan)
        if copy.dirty:
            self.sig_message.emit(self.tr("前回の編集を復元しました。まだ保存されていません（Ctrl+S で保存）。"))
        return copy.plan

    def _open_copy(self, path: str, create: bool) -> WorkingCopy | None:
        mine = self.working.sidecar_path if self.working else ""
        found = [c for c in find_copies(path, self.recovery_dir) if c.sidecar_path != mine]
        live = [c for c in found if c.alive]
        if live and not self._ask_open_anyway(path, live[0]):
            return None
        for orphan in (c for c in found if not c.alive):
            if not orphan.dirty:
                orphan.discard()  # nothing unsaved in it
                continue
            try:
                check_database(orphan.work_path)
            except CorruptWorkingCopy as exc:
                self._warn(self.tr("編集を復元できません"),
                           self.tr("前回、保存されずに終了した編集がありますが、復元できません（{0}）。"
                                   "保存されているプランを開きます。").format(exc))
                orphan.discard()
                continue
            answer = self._ask_recover(orphan)
            if answer == "cancel":
                return None
            if answer == "discard":
                orphan.discard()
                continue
            try:
                return WorkingCopy.adopt(orphan, plan_path=path)
            except CorruptWorkingCopy as exc:
                self._warn(self.tr("編集を復元できません"),
                           self.tr("前回の編集を復元できません（{0}）。保存されているプランを開きます。").format(exc))
                orphan.discard()
            # Other copies of a crash, if any, are offered the next time this plan is opened.
            break
        return WorkingCopy.open(path, self.recovery_dir, create=create)

    def _switch_to(self, copy: WorkingCopy, install: Callable[[Plan], None]) -> None:
        old, discard_old = self.working, self._discard_approved
        self._resetting = True
        try:
            self.context.undo_stack.clear()
        finally:
            self._resetting = False
        self.working = copy
        copy.on_write = self._sig_written.emit
        restored = copy.dirty
        self._loose = restored
        self._loose_edits = copy.edits if restored else []
        self._write_pending = self._unnoted = self._stack_dirty = self._discard_approved = False
        self._generic_at = None
        self._stack_texts = []
        try:
            install(copy.plan)  # set_plan: the stack is empty already, so its clear is silent
        except BaseException:  # a bug in the window's install: keep the plan that was open
            self.working, self._discard_approved = old, discard_old
            copy.discard()
            raise
        if old is not None:
            old.discard() if discard_old else old.close()
        self._modified = not restored  # force the signal below
        self._update()
        self.sig_path_changed.emit(copy.plan_path)

    # ------------------------------------------------------------ saving
    def save(self) -> bool:
        """保存 (Ctrl+S): write the edits to the plan file. False when cancelled or failed (shown)."""
        if self.working is None:
            return False
        self.sig_flush_requested.emit()
        force = False
        if self.working.changed_on_disk():
            answer = self._ask_changed_on_disk()
            if answer == "save_as":
                return self.save_as()
            if answer != "overwrite":
                return False
            force = True
        try:
            self.working.save(force=force)
        except SaveError as exc:
            self._warn(self.tr("保存できません"), str(exc))
            return False
        self._after_save()
        return True

    def _ask_changed_on_disk(self) -> str:
        name = os.path.basename(self.plan_path)
        box = self._box(
            QMessageBox.Icon.Warning, self.tr("保存"),
            self.tr("プラン「{0}」は、開いたあとでほかのプログラム（コマンドラインや別のウィンドウ）によって変更されています。").format(name),
            self.tr("上書きして保存すると、その変更は失われます。別の名前で保存することもできます。"))
        return self._ask(box, [
            (QMessageBox.StandardButton.Save, self.tr("上書き保存"), "overwrite"),
            (QMessageBox.ButtonRole.ActionRole, self.tr("名前を付けて保存…"), "save_as"),
            (QMessageBox.StandardButton.Cancel, self.tr("キャンセル"), "cancel"),
        ], default="cancel", escape="cancel")

    def save_as(self, path: str | None = None) -> bool:
        """名前を付けて保存 (Ctrl+Shift+S): write the plan to ``path`` (asked when None); it becomes the plan."""
        if self.working is None:
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("名前を付けて保存"), self.plan_path,
                self.tr("移行計画プラン (*{0})").format(PLAN_SUFFIX))
            if not path:
                return False
            if not path.endswith(PLAN_SUFFIX):
                path += PLAN_SUFFIX
        path = os.path.abspath(path)
        if normalize(path) == normalize(self.plan_path):
            return self.save()
        self.sig_flush_requested.emit()
        try:
            self.working.save_as(path)
        except SaveError as exc:
            self._warn(self.tr("保存できません"), str(exc))
            return False
        self._after_save()
        self.sig_path_changed.emit(path)
        return True

    def _after_save(self) -> None:
        self._loose = self.working.dirty  # something was written while saving: still unsaved
        self._loose_edits = [] if not self._loose else self._loose_edits
        self._write_pending = self._unnoted = self._discard_approved = False
        self._generic_at = None
        self.context.undo_stack.setClean()
        self._stack_dirty = False
        self._stack_texts = []
        self._update()
        self.sig_message.emit(self.tr("「{0}」に保存しました。").format(os.path.basename(self.plan_path)))

    # ------------------------------------------------------------ closing
    def maybe_close(self) -> bool:
        """Before closing the plan (another plan, quit): ask to save unsaved edits.

        True when the caller may go on (saved, not needed, or 保存しない), False on キャンセル or a
        failed save.
        """
        if self.working is None:
            return True
        self.sig_flush_requested.emit()
        if not self.is_modified():
            return True
        edits = self.edits()
        shown, everything = self._edit_list(edits)
        box = self._box(
            QMessageBox.Icon.Warning, app_name(), self.tr("変更を保存しますか？"),
            self.tr("プラン「{0}」に、保存されていない変更が {1} 件あります。").format(
                os.path.basename(self.plan_path), len(edits)) + ("\n\n" + shown if shown else ""),
            everything)
        answer = self._ask(box, [
            (QMessageBox.StandardButton.Save, self.tr("保存"), "save"),
            (QMessageBox.StandardButton.Discard, self.tr("保存しない"), "dont_save"),
            (QMessageBox.StandardButton.Cancel, self.tr("キャンセル"), "cancel"),
        ], default="save", escape="cancel")
        if answer == "save":
            return self.save()
        if answer == "dont_save":
            self._discard_approved = True
            return True
        return False

    def close(self) -> None:
        """Close the plan: its working copy is removed, unless it holds edits the planner was not
        asked about (then it is kept and offered back next time)."""
        copy, self.working = self.working, None
        if copy is None:
            return
        if self._discard_approved:
            copy.discard()
        else:
            copy.close()
        self._discard_approved = False


# ---------------------------------------------------------------- the window's side
def install_session(window, *, recovery_dir: str | None = None) -> PlanSession:
    """Give ``window`` (a MainWindow) a :class:`PlanSession`: Save actions, title marker, status label.

    See the module docstring for the changes ``MainWindow`` itself needs (open_plan, closeEvent,
    the import's note_edit).
    """
    session = PlanSession(window.context, window, recovery_dir=recovery_dir)
    window._session = session  # what MainWindow.session answers from now on (it installs one itself otherwise)
    t = QCoreApplication.translate  # the window's context: these belong to its menus and status bar
    if getattr(window, "act_save", None) is not None:
        # The window made its Save actions itself (they go through window.session, which installs
        # this on first use): only the title, the status label and the signals are left to do.
        _connect_session(window, session)
        return session

    act_save = QAction(t("MainWindow", "保存(&S)"), window)
    act_save.setShortcuts(QKeySequence.StandardKey.Save)  # setShortcuts: see MainWindow._build_actions
    act_save.setIcon(icon("save"))  # ui/icons.py: not the style's, which costs start-up time
    act_save.setStatusTip(t("MainWindow", "変更をプランファイルに保存します"))
    act_save.triggered.connect(session.save)
    act_save_as = QAction(t("MainWindow", "名前を付けて保存(&A)…"), window)
    act_save_as.setShortcuts(QKeySequence.StandardKey.SaveAs)
    act_save_as.setStatusTip(t("MainWindow", "プランを別の名前のファイルに保存します"))
    act_save_as.triggered.connect(lambda: session.save_as())
    before = window.recent_menu.menuAction()
    window.file_menu.insertAction(before, act_save)
    window.file_menu.insertAction(before, act_save_as)
    toolbar_actions = window.toolbar.actions()
    after_open = toolbar_actions.index(window.act_open) + 1 if window.act_open in toolbar_actions else len(toolbar_actions)
    if after_open < len(toolbar_actions):
        window.toolbar.insertAction(toolbar_actions[after_open], act_save)
    else:
        window.toolbar.addAction(act_save)
    window.act_save, window.act_save_as = act_save, act_save_as
    _connect_session(window, session)
    return session


def _connect_session(window, session: PlanSession) -> None:
    t = QCoreApplication.translate  # the window's context (an alias the translation scan follows)
    autosave = QLabel(window)
    autosave.setToolTip(t("MainWindow", "編集は作業用コピーに自動で保存されています。プランファイルへは「保存」で書き込みます。"))
    window.statusBar().addPermanentWidget(autosave)
    window.autosave_label = autosave

    def autosaved(time_text: str) -> None:
        autosave.setText(t("MainWindow", "自動保存 {0}").format(time_text))

    def refresh() -> None:
        """After the window's own reload: name the plan file, not the working copy."""
        if session.working is None:
            return
        window.setWindowTitle(session.window_title())
        window.setWindowModified(session.is_modified())
        label = getattr(window, "_status_plan", None)
        if label is not None:
            label.setText(t("MainWindow", "プラン: {0}").format(session.plan_path))
            label.setToolTip(session.plan_path)

    def flush_views() -> None:
        """Views that buffer input (the subsidy inputs' save timer) write it to the plan now."""
        for index in range(window.tabs.count()):
            holder = window.tabs.widget(index)
            layout = holder.layout() if holder is not None else None
            widget = layout.itemAt(0).widget() if layout is not None and layout.count() else None
            if widget is not None and callable(getattr(widget, "save_now", None)):
                widget.save_now()

    session.sig_modified_changed.connect(window.setWindowModified)
    session.sig_autosaved.connect(autosaved)
    session.sig_path_changed.connect(lambda _p: refresh())
    session.sig_flush_requested.connect(flush_views)
    session.sig_message.connect(lambda text: window.statusBar().showMessage(text, 8000))
    # Connected after the window's own reload, so these run after it and have the last word.
    window.context.sig_plan_opened.connect(refresh)
    window.context.sig_systems_changed.connect(refresh)
    window.context.sig_placement_changed.connect(refresh)
