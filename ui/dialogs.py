"""Dialogs: the list of import problems (copyable) and the re-import changes to accept."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from migration_planner.inventory.diff import InventoryDiff, show_value
from migration_planner.inventory.issues import Issue


class IssueListDialog(QDialog):
    """Every problem found in a workbook, one per row; the whole list can be copied."""

    def __init__(self, title: str, summary: str, issues: list[Issue], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 480)
        self.issues = issues
        layout = QVBoxLayout(self)
        label = QLabel(summary, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("種別"), self.tr("シート"), self.tr("行"), self.tr("列"), self.tr("値"), self.tr("内容")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSortingEnabled(True)
        for issue in issues:
            kind = self.tr("エラー") if issue.level == "error" else self.tr("警告")
            item = QTreeWidgetItem([kind, issue.sheet, "" if issue.row is None else str(issue.row), issue.column, issue.value, issue.message])
            item.setToolTip(5, issue.message)
            self.tree.addTopLevelItem(item)
        for col, width in enumerate((60, 110, 50, 150, 160)):
            self.tree.setColumnWidth(col, width)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(self.tr("すべてコピー"), self)
        copy.clicked.connect(self.copy_all)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def text(self) -> str:
        return "\n".join(i.line() for i in self.issues)

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.text())


class DiffDialog(QDialog):
    """What a re-import changes: added, removed, and changed fields per system. Apply or cancel."""

    def __init__(self, diff: InventoryDiff, source: str, warnings: list[Issue], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("取り込みによる変更の確認"))
        self.resize(820, 520)
        layout = QVBoxLayout(self)
        head = QLabel(self.tr("「{0}」を取り込むと、プランは次のように変わります：{1}").format(source, diff.summary()), self)
        head.setWordWrap(True)
        layout.addWidget(head)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("システム / 項目"), self.tr("変更前"), self.tr("変更後")])
        self.tree.setAlternatingRowColors(True)
        groups = (
            (self.tr("追加（{0}件）"), diff.added),
            (self.tr("削除（{0}件）"), diff.removed),
        )
        for title, records in groups:
            if records:
                top = QTreeWidgetItem([title.format(len(records))])
                for r in records:
                    QTreeWidgetItem(top, [f"{r.system_id} {r.name}"])
                self.tree.addTopLevelItem(top)
                top.setExpanded(True)
        if diff.changed:
            top = QTreeWidgetItem([self.tr("変更（{0}件）").format(len(diff.changed))])
            for change in diff.changed:
                item = QTreeWidgetItem(top, [f"{change.system_id} {change.name}"])
                for fc in change.changes:
                    QTreeWidgetItem(item, [fc.label, show_value(fc.old), show_value(fc.new)])
                item.setExpanded(True)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.tree.setColumnWidth(0, 320)
        self.tree.setColumnWidth(1, 220)
        layout.addWidget(self.tree)
        if warnings:
            warn = QPlainTextEdit("\n".join(w.line() for w in warnings), self)
            warn.setReadOnly(True)
            warn.setMaximumHeight(90)
            layout.addWidget(QLabel(self.tr("警告（取り込みは止まりません）："), self))
            layout.addWidget(warn)
        buttons = QDialogButtonBox(self)
        self.apply_button = buttons.addButton(self.tr("変更を反映"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取り込まない"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
