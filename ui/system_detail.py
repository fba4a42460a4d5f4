"""The detail panel for the selected system: every field, its workloads and links, and sections
that other features add (placement trace, audit history)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from migration_planner.inventory.contract import SystemRecord
from migration_planner.workloads import workload_label

#: A section provider: (record, annotation) → (title, html body) or None.
SectionProvider = Callable[[SystemRecord, dict], "tuple[str, str] | None"]


#: What html.escape(…, quote=True) replaces (the html module is not imported at start-up: it
#: brings a table of every named entity).
_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def _e(value: object) -> str:
    return str(value).translate(_HTML_ESCAPES)


class SystemDetail(QTextBrowser):
    """The selected system's fields and sections, with an 「編集…」 button once editing is offered."""

    sig_edit_requested = Signal(str)
    """The planner asked to edit the shown system (its ID)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self._providers: list[SectionProvider] = []
        self._names: dict[str, str] = {}
        self.record: SystemRecord | None = None
        # A button bar in the top margin of the scroll area: the text scrolls under it, the button stays.
        # A layout keeps it across the top (a resizeEvent in Python would build QEvent's ~190-member
        # enum before the first paint: ~1.8 ms of a launch, issue 2).
        self.button_bar = QWidget(self)
        top = QVBoxLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.button_bar)
        top.addStretch(1)
        bar = QHBoxLayout(self.button_bar)
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addStretch(1)
        self.edit_button = QPushButton(self.tr("編集…"), self.button_bar)
        self.edit_button.setToolTip(self.tr("このシステムの項目をフォームで編集します（元に戻せます）"))
        self.edit_button.clicked.connect(self._edit_clicked)
        bar.addWidget(self.edit_button)
        self.button_bar.hide()
        self.show_empty()

    def set_editable(self, editable: bool) -> None:
        """Show the 「編集…」 button (it asks through :attr:`sig_edit_requested`)."""
        self.button_bar.setVisible(editable)
        self.setViewportMargins(0, self.button_bar.sizeHint().height() if editable else 0, 0, 0)
        self.edit_button.setEnabled(self.record is not None)

    def _edit_clicked(self) -> None:
        if self.record is not None:
            self.sig_edit_requested.emit(self.record.system_id)

    def add_section_provider(self, provider: SectionProvider) -> None:
        self._providers.append(provider)

    def set_names(self, names: dict[str, str]) -> None:
        """system_id → name, to show links by name."""
        self._names = names

    def show_empty(self) -> None:
        self.record = None
        self.edit_button.setEnabled(False)
        self.setHtml(f"<p style='color:#666'>{_e(self.tr('表でシステムを選ぶと、ここに詳細が表示されます。'))}</p>")

    def show_system(self, record: SystemRecord | None, annotation: dict | None = None) -> None:
        if record is None:
            self.show_empty()
            return
        self.record = record
        self.edit_button.setEnabled(True)
        tr = self.tr
        r = record

        def money(v):
            return "—" if v is None else tr("{0} 千円").format(f"{v:,}")

        rows = [
            (tr("システムID"), r.system_id),
            (tr("所管所属"), r.department),
            (tr("系統"), r.tier),
            (tr("サーバ台数"), tr("{0} 台").format(r.servers)),
            (tr("住民基本系"), "○" if r.resident_core else "—"),
            (tr("SaaS候補"), r.saas_candidate or "—"),
            (tr("SaaS適合"), r.saas_fit),
            (tr("クラウド化阻害要因"), r.cloud_blocker or "—"),
            (tr("次期更新年度"), tr("{0}年度（令和{1}年度）").format(r.next_renewal_fy, r.next_renewal_fy - 2018)
             if r.next_renewal_fy else "—"),
            (tr("年間運用経費"), money(r.annual_cost)),
            (tr("移行経費見込"), money(r.migration_cost)),
            (tr("予算要求"), "○" if r.budget_request else "—"),
            (tr("規模"), r.scale or "—"),
            (tr("保守事業者"), r.vendor or "—"),
        ]
        parts = [f"<h3 style='margin-bottom:4px'>{_e(r.name)}</h3>", "<table cellspacing='0' cellpadding='2'>"]
        for label, value in rows:
            parts.append(f"<tr><td style='color:#555;padding-right:12px'>{_e(label)}</td><td>{_e(value)}</td></tr>")
        parts.append("</table>")
        if r.workloads:
            parts.append(f"<h4>{_e(tr('標準化対象業務'))}</h4><ul>")
            parts += [f"<li>{_e(workload_label(c))}</li>" for c in r.workloads]
            parts.append("</ul>")
        if r.links_to:
            parts.append(f"<h4>{_e(tr('連携先'))}</h4><ul>")
            parts += [f"<li>{_e(s)} {_e(self._names.get(s, ''))}</li>" for s in r.links_to]
            parts.append("</ul>")
        for provider in self._providers:
            section = provider(r, annotation or {})
            if section:
                title, body = section
                parts.append(f"<h4>{_e(title)}</h4>{body}")
        if r.notes:
            parts.append(f"<h4>{_e(tr('備考'))}</h4><p>{_e(r.notes)}</p>")
        if r.extra:
            parts.append(f"<h4>{_e(tr('追加属性'))}</h4><table>")
            parts += [f"<tr><td style='color:#555;padding-right:12px'>{_e(k)}</td><td>{_e(v)}</td></tr>" for k, v in r.extra.items()]
            parts.append("</table>")
        self.setHtml("".join(parts))
