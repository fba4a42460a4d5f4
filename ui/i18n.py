"""The core's Japanese text in the interface's language.

The core builds its sentences as :class:`migration_planner.i18n.Msg` (a Japanese ``str`` that
remembers its context, template and arguments) and marks fixed labels with ``QT_TRANSLATE_NOOP``.
:func:`tr_core` turns either into the installed translation where the window shows it; with no
translation (the Japanese interface) it gives back the very same text.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from migration_planner import APP_NAME
from migration_planner.i18n import QT_TRANSLATE_NOOP, Joined, Msg, yen_msg

#: The program's name, for the window title (the core's APP_NAME is the Japanese one).
QT_TRANSLATE_NOOP("app", "移行計画プランナー")
#: How the core's lists read: 「A、B」 / 「A・B」 / 「A／B」 in Japanese, "A, B" in English (Joined's separators).
QT_TRANSLATE_NOOP("core", "、")
QT_TRANSLATE_NOOP("core", "・")
QT_TRANSLATE_NOOP("core", "／")
#: A unit on its own (a unit chooser, an axis title).
_UNIT_NAMES = {
    "千円": QT_TRANSLATE_NOOP("money", "千円"),
    "百万円": QT_TRANSLATE_NOOP("money", "百万円"),
    "億円": QT_TRANSLATE_NOOP("money", "億円"),
}


def tr_core(value, context: str | None = None):
    """``value`` as the interface shows it.

    * a :class:`Msg`: its template translated in its context and filled with its arguments
      (arguments that are ``Msg`` are translated first); a :class:`Joined` list: its items
      translated and joined with the translated separator;
    * a plain ``str`` with ``context``: ``QCoreApplication.translate(context, value)`` (a label the
      core marked with ``QT_TRANSLATE_NOOP``, possibly read back from the plan as plain text);
    * an exception whose only argument is a ``Msg``: that message, translated;
    * anything else: unchanged.

    A translation whose placeholders do not fit the arguments falls back to the Japanese text
    rather than failing in front of the planner.
    """
    if isinstance(value, Joined):
        sep = QCoreApplication.translate("core", value.template)
        return sep.join(str(tr_core(a)) for a in value.args)
    if isinstance(value, Msg):
        text = QCoreApplication.translate(value.context, value.template)
        if not (value.args or value.kwargs):
            return text
        try:
            return text.format(*(tr_core(a) for a in value.args),
                               **{k: tr_core(v) for k, v in value.kwargs.items()})
        except (IndexError, KeyError, ValueError):
            return str(value)
    if isinstance(value, str):
        return QCoreApplication.translate(context, value) if context and value else value
    if isinstance(value, BaseException):
        args = value.args
        return tr_core(args[0]) if len(args) == 1 and isinstance(args[0], Msg) else str(value)
    return value


def tr_join(values: Iterable, context: str | None = None) -> str:
    """The values translated (:func:`tr_core`) and listed as the language lists them (「、」 / ", ")."""
    return QCoreApplication.translate("core", "、").join(str(tr_core(v, context)) for v in values)


def tr_lines(values: Iterable, context: str | None = None) -> list[str]:
    """Each value translated (:func:`tr_core`)."""
    return [str(tr_core(v, context)) for v in values]


def app_name() -> str:
    """The program's name in the interface's language (for titles and message boxes)."""
    return QCoreApplication.translate("app", APP_NAME)


def unit_name(unit: str) -> str:
    """A money unit (「億円」) in the interface's language."""
    source = _UNIT_NAMES.get(unit)
    return QCoreApplication.translate("money", source) if source else unit


def yen(amount: int, unit: str = "億円", **kw) -> str:
    """``migration_planner.money.format_yen`` with the unit in the interface's language."""
    from migration_planner.money import format_yen

    text = format_yen(amount, unit, **kw)
    return tr_core(yen_msg(text)) if kw.get("suffix", True) else text


def yen_auto(amount: int, **kw) -> str:
    """``migration_planner.money.format_yen_auto`` with the unit in the interface's language."""
    from migration_planner.money import format_yen_auto

    return tr_core(yen_msg(format_yen_auto(amount, **kw)))
