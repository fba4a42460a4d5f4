"""Text the core writes for people, in Japanese, and still translatable by the interface.

The core never imports Qt, yet the window shows its sentences (placement reasons, the schedule's
statuses and causes, the subsidy's labels and explanation lines) in the interface's language.
Two markers make that possible without changing what the core returns:

* :func:`QT_TRANSLATE_NOOP` marks a fixed text (a label in a table of labels) for extraction and
  returns it unchanged; the interface translates the value where it shows it
  (``QCoreApplication.translate(context, value)``).
* :class:`Msg` is a ``str`` — exactly the Japanese ``template.format(*args, **kwargs)`` — that also
  remembers its ``context``, ``template`` and arguments, so that ``ui.i18n.tr_core`` can look the
  template up in the translation and fill it in again (arguments that are ``Msg`` themselves are
  translated too).

So the command line, the Excel export, JSON output, the plan file and every test see the very same
Japanese text as before; only the window, which knows the language, translates.

``tools/update_translations.sh`` collects ``Msg("context", "literal template", …)`` and
``QT_TRANSLATE_NOOP("context", "literal")`` calls from the core into the .ts file (a template that
is not a literal cannot be extracted and is listed on stderr). Operations on a ``Msg`` that make a
new string (``+``, slicing, ``.join``) give a plain ``str``: build the whole sentence as one ``Msg``
(nest ``Msg`` arguments) rather than concatenating.
"""

from __future__ import annotations

__all__ = ["QT_TRANSLATE_NOOP", "Joined", "Msg", "yen_msg"]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 — Qt's name, which lupdate looks for
    """Mark ``text`` for translation in ``context``; returns ``text`` itself."""
    return text


_str_new = str.__new__


def _rebuild(context: str, template: str, args: tuple, kwargs: dict) -> "Msg":
    return Msg(context, template, *args, **kwargs)


class Msg(str):
    """A Japanese sentence (``template`` filled with the arguments) that keeps what it was made from.

    >>> m = Msg("placement", "ステップ{step}：{text}", step=2, text="SaaS候補がないため 該当せず")
    >>> m == "ステップ2：SaaS候補がないため 該当せず", m.template
    (True, 'ステップ{step}：{text}')

    Without arguments the template is the text itself (no ``format``, so braces are kept as written).
    """

    # Slots, not an instance dict: a Msg costs about twice an f-string's time (placement builds
    # one per trace sentence, the subsidy some seventy per evaluation).
    __slots__ = ("context", "template", "args", "kwargs")

    def __new__(cls, context: str, template: str, /, *args, **kwargs) -> "Msg":
        text = template.format(*args, **kwargs) if (args or kwargs) else template
        self = _str_new(cls, text)
        self.context = context
        self.template = template
        self.args = args
        self.kwargs = kwargs
        return self

    def __reduce__(self):
        # str's own reduction would call Msg(text): keep the parts (copy, deepcopy, pickle).
        return _rebuild, (self.context, self.template, self.args, self.kwargs)


class Joined(Msg):
    """Items listed with ``sep`` (「、」 or 「・」): equal to ``sep.join(items)``.

    The interface translates each item (a ``Msg`` item) and the separator (context ``core``), so
    that 「4月、5月」 can read "April, May".
    """

    __slots__ = ()

    def __new__(cls, items, sep: str = "、") -> "Joined":
        items = tuple(items)
        self = _str_new(cls, sep.join(items))
        self.context, self.template, self.args, self.kwargs = "core", sep, items, {}
        return self

    def __reduce__(self):
        return Joined, (self.args, self.template)


#: An amount's unit → its template in context ``money``.
_YEN_TEMPLATES = {
    "百万円": QT_TRANSLATE_NOOP("money", "{0}百万円"),
    "億円": QT_TRANSLATE_NOOP("money", "{0}億円"),
    "千円": QT_TRANSLATE_NOOP("money", "{0}千円"),
    "万円": QT_TRANSLATE_NOOP("money", "{0}万円"),
    "円": QT_TRANSLATE_NOOP("money", "{0}円"),
}


def yen_msg(text: str) -> str:
    """An amount formatted by :mod:`migration_planner.money` (「18.6億円」) as a :class:`Msg` whose
    unit the window can translate; text without a yen unit is returned as it is."""
    for n in (3, 2, 1):  # 百万円, then 億円 / 千円 / 万円, then 円
        template = _YEN_TEMPLATES.get(text[-n:])
        if template is not None:
            return Msg("money", template, text[:-n])
    return text
