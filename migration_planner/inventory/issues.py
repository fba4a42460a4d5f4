"""Problems found in an input workbook, reported all at once."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem: where it is (sheet, Excel row, column header), the value, and why."""

    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    value: str = ""
    level: str = "error"  # "error" stops the import; "warning" does not

    def line(self) -> str:
        """One line a planner can read and quote: 「シート『一覧』 12行 『サーバ台数』 値『abc』：…」."""
        where = []
        if self.sheet:
            where.append(f"シート「{self.sheet}」")
        if self.row is not None:
            where.append(f"{self.row}行")
        if self.column:
            # Headers are often wrapped inside the cell (年間運用経費⏎（千円）): keep the line one line.
            where.append(f"列「{_one_line(self.column)}」")
        if self.value != "":
            value = _one_line(self.value)
            shown = value if len(value) <= 60 else value[:57] + "…"
            where.append(f"値「{shown}」")
        prefix = " ".join(where)
        message = _one_line(self.message)
        return f"{prefix}：{message}" if prefix else message

    def to_json(self) -> dict:
        return asdict(self)


def _one_line(text: str) -> str:
    """``text`` with its line breaks (and the spaces around them) replaced by one space."""
    return _BREAKS.sub(" ", text)


_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+\s*")


class FileProblem(Exception):
    """The file cannot be read as an .xlsx workbook at all (one clear message)."""

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.path = path


class ImportFailed(Exception):
    """The workbook was read but has errors; nothing was written. ``issues`` lists them all."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        errors = [i for i in issues if i.level == "error"]
        super().__init__(f"{len(errors)} 件のエラーがあります")

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.level == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.level == "warning"]
