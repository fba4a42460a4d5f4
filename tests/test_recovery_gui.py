"""PlanSession: the working copy seen from the window — modified marker, Save, 変更を保存しますか？, and
the offer to recover a crashed session's edits (a dirty sidecar left with a dead pid). Message boxes are
answered by patching ``QMessageBox.exec``: an unexpected question fails the test."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QMessageBox, QWidget  # noqa: E402

from migration_planner.inventory import read_inventory  # noqa: E402
from migration_planner.placement import OverrideCommand, overrides  # noqa: E402
from migration_planner.store import Plan  # noqa: E402
from migration_planner.workcopy import WorkingCopy, find_copies, read_sidecar  # noqa: E402
from ui.context import PlanContext  # noqa: E402
from ui.placement_board import CoreUndoCommand  # noqa: E402
from ui.recovery import PlanSession, install_session  # noqa: E402

pytestmark = pytest.mark.gui
REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample_inventory.xlsx"


class Answers:
    """The answers to give, in order (a button's objectName), and the questions that were asked."""

    def __init__(self) -> None:
        self.queue: list[str] = []
        self.asked: list[dict] = []

    def __call__(self, box: QMessageBox) -> int:
        names = [b.objectName() for b in box.buttons()]
        self.asked.append({"title": box.windowTitle(), "text": box.text(), "info": box.informativeText(),
                           "detail": box.detailedText(), "buttons": names,
                           "labels": [b.text() for b in box.buttons()]})
        assert self.queue, f"unexpected question: {box.text()} {box.informativeText()}"
        answer = self.queue.pop(0)
        assert answer in names, (answer, names, box.text())
        next(b for b in box.buttons() if b.objectName() == answer).click()
        return 0


@pytest.fixture
def answers(monkeypatch) -> Answers:
    a = Answers()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: a(box))
    yield a
    assert not a.queue, f"answers not used: {a.queue}"


@pytest.fixture(scope="module")
def saved_plan(tmp_path_factory) -> Path:
    from plan_rows import write_sample_plan

    return write_sample_plan(tmp_path_factory.mktemp("template") / "令和8年度計画.mplan")


@pytest.fixture
def plan_file(tmp_path, saved_plan) -> Path:
    path = tmp_path / saved_plan.name
    shutil.copyfile(saved_plan, path)
    return path


@pytest.fixture
def recovery(tmp_path) -> str:
    return str(tmp_path / "recovery")


@pytest.fixture
def session(qtbot, recovery, answers):
    owner = QWidget()  # as in the window: one parent owns the context and the session
    qtbot.addWidget(owner)
    s = PlanSession(PlanContext(owner), owner, recovery_dir=recovery)
    yield s
    s._discard_approved = True
    s.close()


def saved_overrides(path: Path) -> dict:
    """Overrides in the plan file itself, read without writing it."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT system_id, destination FROM placement_override").fetchall())
    finally:
        conn.close()


def move(session: PlanSession, system_id: str = "OSK-001", destination: str = "SaaS") -> str:
    """A planner's override, through the undo stack as the placement board does it."""
    context = session.context
    command = OverrideCommand.set(context.plan, system_id, destination, "所管課と協議済み")
    context.undo_stack.push(CoreUndoCommand(context, command))
    return command.text


def sidecar_of(session: PlanSession) -> dict:
    """The session's sidecar as another process reads it (its edit log applied)."""
    data = read_sidecar(session.working.sidecar_path)
    assert data is not None
    return data


@pytest.fixture
def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def leave_crashed_copy(plan_file: Path, recovery: str, dead_pid: int, moves: list[tuple[str, str]]) -> list[str]:
    """What a crash leaves: a working copy with edits, its sidecar dirty, owned by a process now gone."""
    copy = WorkingCopy.open(str(plan_file), recovery)
    texts = []
    for system_id, destination in moves:
        command = OverrideCommand.set(copy.plan, system_id, destination, "検討中")
        command.apply(copy.plan)
        texts.append(command.text)
        copy.record(texts, dirty=True)
    copy.plan.close()
    with open(copy.sidecar_path, encoding="utf-8") as fh:
        data = json.load(fh)
    data.update(pid=dead_pid, process_start="")
    with open(copy.sidecar_path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
    return texts


# ---------------------------------------------------------------- editing and saving
def test_opening_asks_nothing_and_edits_stay_unsaved_until_save(session, plan_file, qtbot):
    plan = session.open(str(plan_file))
    assert plan is not None and session.context.plan is plan
    assert plan.path != str(plan_file) and session.plan_path == str(plan_file)
    assert not session.is_modified()
    assert session.window_title().startswith("令和8年度計画[*] — ")

    with qtbot.waitSignal(session.sig_modified_changed) as changed:
        text = move(session)
    assert changed.args == [True] and session.is_modified()
    assert overrides(plan)["OSK-001"].destination == "saas"  # autosaved into the working copy
    assert saved_overrides(plan_file) == {}                   # the plan file is as it was
    assert sidecar_of(session)["dirty"] is True and sidecar_of(session)["edits"] == [text]

    session.context.undo_stack.undo()  # back to the saved state: nothing unsaved
    assert not session.is_modified() and sidecar_of(session)["dirty"] is False
    assert sidecar_of(session)["edits"] == []
    session.context.undo_stack.redo()
    assert session.is_modified()

    assert session.save()
    assert not session.is_modified() and session.context.undo_stack.isClean()
    assert saved_overrides(plan_file) == {"OSK-001": "saas"}
    assert sidecar_of(session)["dirty"] is False
    session.context.undo_stack.undo()  # undoing past the save is an unsaved edit again
    assert session.is_modified()
    assert sidecar_of(session)["edits"] == [f"元に戻す：{text}"]


def test_save_as_makes_the_new_file_the_plan(session, plan_file, tmp_path, answers):
    session.open(str(plan_file))
    move(session)
    target = tmp_path / "別案.mplan"
    assert session.save_as(str(target))
    assert session.plan_path == str(target) and not session.is_modified()
    assert saved_overrides(target) == {"OSK-001": "saas"} and saved_overrides(plan_file) == {}
    move(session, "OSK-002", "オンプレミス")
    assert session.save()
    assert saved_overrides(target) == {"OSK-001": "saas", "OSK-002": "on_premises"}
    assert saved_overrides(plan_file) == {}


def test_save_asks_before_overwriting_a_plan_changed_on_disk(session, plan_file, answers):
    session.open(str(plan_file))
    move(session)
    with Plan.open(str(plan_file), create=False) as cli:  # the command line writes the plan meanwhile
        cli.set_meta("note", "cli")
    answers.queue = ["cancel"]
    assert not session.save()
    assert "ほかのプログラム" in answers.asked[-1]["text"]
    assert sorted(answers.asked[-1]["buttons"]) == ["cancel", "overwrite", "save_as"]
    assert session.is_modified() and saved_overrides(plan_file) == {}
    answers.queue = ["overwrite"]
    assert session.save()
    assert saved_overrides(plan_file) == {"OSK-001": "saas"} and not session.is_modified()


def test_a_save_that_fails_says_why_and_keeps_the_edits(session, plan_file, tmp_path, answers):
    session.open(str(plan_file))
    move(session)
    answers.queue = ["ok"]
    assert not session.save_as(str(tmp_path / "ない" / "x.mplan"))
    assert "保存先のフォルダがありません" in answers.asked[-1]["text"]
    assert session.is_modified() and session.plan_path == str(plan_file)


# ---------------------------------------------------------------- 変更を保存しますか？
def test_closing_with_unsaved_edits_asks_save_dont_save_cancel(session, plan_file, answers):
    session.open(str(plan_file))
    text = move(session)
    answers.queue = ["cancel"]
    assert not session.maybe_close()
    asked = answers.asked[-1]
    assert asked["text"] == "変更を保存しますか？"
    assert dict(zip(asked["buttons"], asked["labels"])) == {"save": "保存", "dont_save": "保存しない", "cancel": "キャンセル"}
    assert "1 件" in asked["info"] and text in asked["info"]
    assert session.is_modified()

    answers.queue = ["dont_save"]
    assert session.maybe_close()
    work = session.working.work_path
    session.close()
    assert not os.path.exists(work) and find_copies(str(plan_file), session.recovery_dir) == []
    assert saved_overrides(plan_file) == {}


def test_closing_and_choosing_save_writes_the_plan(session, plan_file, answers):
    session.open(str(plan_file))
    move(session)
    answers.queue = ["save"]
    assert session.maybe_close()
    session.close()
    assert saved_overrides(plan_file) == {"OSK-001": "saas"}
    assert os.listdir(session.recovery_dir) == []


def test_closing_without_edits_asks_nothing(session, plan_file):
    session.open(str(plan_file))
    move(session)
    session.context.undo_stack.undo()
    assert session.maybe_close()
    session.close()
    assert os.listdir(session.recovery_dir) == []


def test_opening_another_plan_asks_about_the_current_ones_edits(session, plan_file, tmp_path, answers):
    other = tmp_path / "other.mplan"
    shutil.copyfile(plan_file, other)
    session.open(str(plan_file))
    first_copy = session.working.work_path
    move(session)
    answers.queue = ["cancel"]
    assert session.open(str(other)) is None
    assert session.plan_path == str(plan_file) and session.is_modified()
    answers.queue = ["dont_save"]
    assert session.open(str(other)) is not None
    assert session.plan_path == str(other) and not session.is_modified()
    assert session.context.undo_stack.count() == 0
    assert not os.path.exists(first_copy) and saved_overrides(plan_file) == {}


def test_a_plan_that_cannot_be_opened_keeps_the_current_one(session, plan_file, tmp_path, answers):
    session.open(str(plan_file))
    junk = tmp_path / "壊れた.mplan"
    junk.write_bytes(b"junk")
    answers.queue = ["ok"]
    assert session.open(str(junk)) is None
    assert "「壊れた.mplan」はプランファイルではありません" in answers.asked[-1]["text"]
    assert session.last_error and session.plan_path == str(plan_file)
    assert session.context.plan is session.plan and session.plan.system_count() == 60


# ---------------------------------------------------------------- edits the undo stack does not hold
def test_an_import_is_an_unsaved_edit_described_once(session, plan_file):
    session.open(str(plan_file))
    move(session)
    records = session.plan.records()
    session.plan.apply_inventory(records[:59], source="新一覧.xlsx")  # as MainWindow's import does
    session.context.undo_stack.clear()
    session.note_edit("「新一覧.xlsx」の取り込み")
    assert session.is_modified() and session.context.undo_stack.isClean()
    edits = session.edits()
    assert edits[-1] == "「新一覧.xlsx」の取り込み" and len(edits) == 2  # the move, then the import
    assert session.save()
    assert not session.is_modified()


def test_a_write_outside_the_undo_stack_is_noticed_without_a_note(session, plan_file, qtbot):
    session.open(str(plan_file))
    session.plan.set_meta("capacity", "3")  # no undo command, nobody tells the session
    qtbot.waitUntil(lambda: session.edits() == ["元に戻せない変更（取り込みなど）"], timeout=2000)
    assert session.is_modified()
    move(session)
    session.context.undo_stack.undo()  # the stack is clean again, the loose write is not
    assert session.is_modified()


def test_an_import_in_the_window_marks_the_plan_modified(qtbot, tmp_path, plan_file, recovery, answers):
    """Through the real window: the import is written from a worker thread into the working copy."""
    from ui.main_window import MainWindow

    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    session = install_session(window, recovery_dir=recovery)
    try:
        assert session.open(str(plan_file)) is not None
        assert window.windowTitle() == "令和8年度計画[*] — 移行計画プランナー" and not window.isWindowModified()
        assert window._status_plan.text().endswith(str(plan_file))
        actions = {a.objectName() or a.text(): a for a in window.file_menu.actions()}
        assert actions["保存(&S)"].shortcut().toString() == "Ctrl+S"
        assert actions["名前を付けて保存(&A)…"].shortcut().toString() == "Ctrl+Shift+S"
        menu = [a.text() for a in window.file_menu.actions()]
        assert menu.index("保存(&S)") == menu.index("開く(&O)…") + 1

        book = tmp_path / "一覧.xlsx"
        shutil.copyfile(SAMPLE, book)
        session.plan.apply_inventory(session.plan.records()[:50])  # so the sample differs from the plan
        session.save()
        with qtbot.waitSignal(window.sig_import_finished, timeout=20000) as done:
            window.import_file(str(book), confirm=False)
        assert done.args == [True]
        qtbot.waitUntil(window.isWindowModified, timeout=2000)
        assert session.is_modified() and session.plan.system_count() == 60
        assert window.windowTitle().endswith("[*] — 移行計画プランナー")  # the window's reload kept the marker
        assert window.autosave_label.text().startswith("自動保存 ")
        conn = sqlite3.connect(f"file:{plan_file}?mode=ro", uri=True)
        assert conn.execute("SELECT COUNT(*) FROM system").fetchone()[0] == 50  # until saved
        conn.close()
        window.act_save.trigger()
        assert not window.isWindowModified()
    finally:
        session._discard_approved = True
        session.close()
        window.close()


# ---------------------------------------------------------------- crash recovery
def test_a_crashed_session_is_offered_and_restored(session, plan_file, recovery, dead_pid, answers):
    texts = leave_crashed_copy(plan_file, recovery, dead_pid, [("OSK-001", "SaaS"), ("OSK-002", "オンプレミス")])
    answers.queue = ["restore"]
    plan = session.open(str(plan_file))
    asked = answers.asked[-1]
    assert asked["text"].startswith("前回、保存されずに終了した編集があります（2 件、最終 ")
    assert asked["text"].endswith("）。復元しますか？")
    assert dict(zip(asked["buttons"], asked["labels"])) == {"restore": "復元", "discard": "破棄", "cancel": "キャンセル"}
    assert all(t in asked["info"] for t in texts)
    assert {k: v.destination for k, v in overrides(plan).items()} == {"OSK-001": "saas", "OSK-002": "on_premises"}
    assert session.is_modified() and session.edits() == texts
    assert saved_overrides(plan_file) == {}
    (copy,) = find_copies(str(plan_file), recovery)
    assert copy.alive and copy.edits == texts  # this process's now
    move(session, "OSK-003", "SaaS")
    assert len(session.edits()) == 3
    assert session.save()
    assert saved_overrides(plan_file) == {"OSK-001": "saas", "OSK-002": "on_premises", "OSK-003": "saas"}


def test_a_crashed_session_can_be_discarded(session, plan_file, recovery, dead_pid, answers):
    leave_crashed_copy(plan_file, recovery, dead_pid, [("OSK-001", "SaaS")])
    answers.queue = ["discard"]
    plan = session.open(str(plan_file))
    assert overrides(plan) == {} and not session.is_modified()
    (copy,) = find_copies(str(plan_file), recovery)
    assert copy.sidecar_path == session.working.sidecar_path  # only the new session's copy is left


def test_cancelling_the_offer_opens_nothing_and_keeps_the_edits(session, plan_file, recovery, dead_pid, answers):
    leave_crashed_copy(plan_file, recovery, dead_pid, [("OSK-001", "SaaS")])
    answers.queue = ["cancel"]
    assert session.open(str(plan_file)) is None and session.context.plan is None
    (copy,) = find_copies(str(plan_file), recovery)
    assert copy.dirty and not copy.alive
    answers.queue = ["restore"]
    assert overrides(session.open(str(plan_file)))["OSK-001"].destination == "saas"


def test_many_edits_are_listed_in_the_details(session, plan_file, recovery, dead_pid, answers):
    moves = [(f"OSK-{i:03d}", "SaaS") for i in range(1, 14)]
    texts = leave_crashed_copy(plan_file, recovery, dead_pid, moves)
    answers.queue = ["discard"]
    session.open(str(plan_file))
    asked = answers.asked[-1]
    assert "（13 件、最終" in asked["text"]
    assert "ほか 3 件" in asked["info"] and asked["detail"].splitlines() == texts


def test_a_corrupt_working_copy_is_reported_and_the_plan_opens(session, plan_file, recovery, dead_pid, answers):
    leave_crashed_copy(plan_file, recovery, dead_pid, [("OSK-001", "SaaS")])
    (copy,) = find_copies(str(plan_file), recovery)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(copy.work_path + suffix):
            os.remove(copy.work_path + suffix)
    Path(copy.work_path).write_bytes(b"\0" * 4096)
    answers.queue = ["ok"]
    plan = session.open(str(plan_file))
    assert "復元できません" in answers.asked[-1]["text"]
    assert plan is not None and overrides(plan) == {} and not session.is_modified()


def test_the_first_open_clears_copies_no_one_will_recover(session, plan_file, tmp_path, recovery, dead_pid):
    other = tmp_path / "別の計画.mplan"
    shutil.copyfile(plan_file, other)
    texts = leave_crashed_copy(other, recovery, dead_pid, [("OSK-001", "SaaS")])
    ended = WorkingCopy.open(str(other), recovery)  # a window that died before any edit
    ended.plan.close()
    data = json.loads(Path(ended.sidecar_path).read_text(encoding="utf-8"))
    Path(ended.sidecar_path).write_text(json.dumps(dict(data, pid=dead_pid, process_start="")), encoding="utf-8")

    assert session.open(str(plan_file)) is not None  # asks nothing: those copies are another plan's
    first = session._clean_up
    first.join(10)
    assert not os.path.exists(ended.sidecar_path) and not os.path.exists(ended.work_path)
    (kept,) = find_copies(str(other), recovery)  # its edits are still offered when that plan opens
    assert kept.dirty and kept.edits == texts
    assert session.working.plan.system_count() == 60  # the session's own copy is untouched
    session.open(str(plan_file))
    assert session._clean_up is first  # once per session


def test_a_plan_open_in_another_window_is_said_so(session, plan_file, recovery, answers):
    other_window = WorkingCopy.open(str(plan_file), recovery)  # alive: this very process
    try:
        answers.queue = ["cancel"]
        assert session.open(str(plan_file)) is None
        assert "別のウィンドウで開かれています" in answers.asked[-1]["text"]
        answers.queue = ["open"]
        assert session.open(str(plan_file)) is not None
        assert session.working.work_path != other_window.work_path
    finally:
        other_window.discard()


def test_first_start_asks_nothing(session, tmp_path, recovery):
    """A brand-new plan (the first start's sample plan) opens and closes without a single question."""
    new = tmp_path / "サンプルプラン.mplan"
    plan = session.open(str(new), create=True)
    assert plan is not None and plan.system_count() == 0
    plan.apply_inventory(read_inventory(str(SAMPLE)).records, source=str(SAMPLE))
    session.context.undo_stack.clear()
    assert session.is_modified()
    assert session.save()  # what open_initial does once the sample is in
    assert session.maybe_close()
    session.close()
    assert os.listdir(recovery) == []
    with Plan.open(str(new), create=False) as p:
        assert p.system_count() == 60


def test_open_hands_the_plan_to_the_windows_install(session, plan_file, qtbot):
    installed = []

    def install(plan):
        installed.append(plan)
        session.context.set_plan(plan)

    with qtbot.waitSignal(session.sig_path_changed) as changed:
        plan = session.open(str(plan_file), install=install)
    assert installed == [plan] and session.context.plan is plan
    assert changed.args == [str(plan_file)]


def test_views_flush_pending_input_before_save_and_close(session, plan_file, answers):
    """The subsidy inputs save on a timer: what is typed must be in the plan before Save and the question."""
    session.open(str(plan_file))
    flushed = []
    session.sig_flush_requested.connect(lambda: flushed.append(move(session, "OSK-004", "SaaS")) if not flushed else None)
    answers.queue = ["dont_save"]
    assert session.maybe_close()
    assert flushed and "1 件" in answers.asked[-1]["info"]  # the flushed edit is among those asked about


def test_the_window_flushes_views_with_save_now(qtbot, tmp_path, plan_file, recovery, answers):
    from PySide6.QtWidgets import QVBoxLayout

    from ui.main_window import MainWindow

    class Inputs(QWidget):
        """Stands in for the subsidy view: input waiting on its save timer."""

        calls = 0

        def save_now(self):
            Inputs.calls += 1

    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    session = install_session(window, recovery_dir=recovery)
    holder = QWidget()
    QVBoxLayout(holder).addWidget(Inputs())
    window.tabs.addTab(holder, "試算")
    try:
        session.open(str(plan_file))
        window.act_save.trigger()
        assert Inputs.calls == 1
        assert session.maybe_close() and Inputs.calls == 2
    finally:
        session.close()
        window.close()
