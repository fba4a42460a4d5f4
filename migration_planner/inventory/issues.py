"""Problems found in an input workbook, reported all at once."""

from __future__ import annotations

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
            where.append(f"列「{self.column}」")
        if self.value != "":
            shown = self.value if len(self.value) <= 60 else self.value[:57] + "…"
            where.append(f"値「{shown}」")
        prefix = " ".join(where)
        return f"{prefix}：{self.message}" if prefix else self.message

    def to_json(self) -> dict:
        return asdict(self)


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
