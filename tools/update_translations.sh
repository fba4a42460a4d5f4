#!/usr/bin/env bash
# Refresh the English translation of the interface.
#
#   bash tools/update_translations.sh [--no-release]
#
# 1. pyside6-lupdate scans main.py and every ui/*.py for self.tr("…") / QCoreApplication.translate(…)
#    and merges what it finds into resources/translations/migration_planner_en.ts: translations
#    already there are kept, new strings arrive as type="unfinished", strings gone from the source
#    are kept as "vanished" (a string that comes back gets its translation back).
# 2. A second pass (Python's ast, below) adds what lupdate's Python parser misses: calls through an
#    alias (t = QCoreApplication.translate; tr = self.tr), self.tr handed to a helper function
#    (lupdate files those under the empty context, where Qt never looks them up), and self.tr inside
#    f-strings. It lists self.tr(variable) calls on stderr: no tool can extract their text.
#    It also reads the core (the files of migration_planner/ that call Msg or QT_TRANSLATE_NOOP),
#    which never imports Qt: Msg("context", "template", …) and QT_TRANSLATE_NOOP("context", "text")
#    there are the core's sentences and labels that ui.i18n.tr_core translates where they are shown.
# 3. pyside6-lrelease compiles the .ts into migration_planner_en.qm, which ui/app.py loads when the
#    language is English (MIGRATION_PLANNER_LANG=en or the setting ui/language).
#
# Translate the unfinished messages (Qt Linguist, or by editing the .ts) and run this again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

pick() {  # the venv's tool, else the one on PATH
    if [[ -x ".venv/bin/$1" ]]; then echo ".venv/bin/$1"; else command -v "$1"; fi
}
lupdate="${PYSIDE6_LUPDATE:-$(pick pyside6-lupdate)}"
lrelease="${PYSIDE6_LRELEASE:-$(pick pyside6-lrelease)}"
python="${PYTHON:-$(pick python3)}"

ts="resources/translations/migration_planner_en.ts"
qm="${ts%.ts}.qm"
mkdir -p "$(dirname "$ts")"

shopt -s nullglob
sources=(main.py ui/*.py)
shopt -u nullglob
# Core files with translatable text (Msg / QT_TRANSLATE_NOOP from migration_planner.i18n): read by
# the second pass only (lupdate would find the NOOPs but not the Msg templates).
mapfile -t core_sources < <(grep -rlE --include='*.py' '\b(Msg|QT_TRANSLATE_NOOP)\(' migration_planner | sort)

"$lupdate" -locations absolute -target-language en_US -source-language ja_JP "${sources[@]}" -ts "$ts"

"$python" - "$ts" "${sources[@]}" -- "${core_sources[@]}" <<'PY'
"""Second pass after lupdate: messages its Python parser misses, in the context Qt looks them up in.

pyside6-lupdate does not see
  * calls through an alias: ``t = QCoreApplication.translate; t("Ctx", "…")``;
  * ``tr = self.tr; tr("…")`` or ``self.tr`` handed to a function whose ``tr("…")`` calls it
    files under the empty context, where QTranslator never looks (it has no fallback);
  * ``self.tr("…")`` written inside an f-string;
  * the core's ``Msg("Ctx", "template", …)`` and ``QT_TRANSLATE_NOOP("Ctx", "text")`` (the core
    files are given after ``--``; lupdate does not read them).
A wrapper ``def _tr(text): return QCoreApplication.translate("Ctx", text)`` counts in its own file
only (several files each have a ``_tr`` of their own context).
This pass reads the sources with Python's ast, adds what is missing to the .ts (keeping any
translation the message had, also one lupdate has just marked "vanished"), and prints
``self.tr(variable)`` calls, whose text no tool can extract.
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TRANSLATE_NAMES = {"translate"}  # QCoreApplication.translate, QApplication.translate, …
CORE_NAMES = {"Msg", "QT_TRANSLATE_NOOP"}  # migration_planner.i18n: (context, text, …) like translate


def _const(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_self_tr(node) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "tr" and isinstance(node.value, ast.Name) and node.value.id == "self"


def _is_translate(node) -> bool:
    return isinstance(node, ast.Attribute) and node.attr in TRANSLATE_NAMES


def _is_core_marker(node) -> bool:
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
    return name in CORE_NAMES


class _Sites(ast.NodeVisitor):
    """First pass: which functions receive ``self.tr`` from which classes, by parameter name."""

    def __init__(self) -> None:
        self.classes: list[str] = []
        self.passed: dict[tuple[str, int | str], set[str]] = {}  # (callee, index|keyword) → classes
        self.file = ""
        # file → {name: (context, index)}: def f(text): return X.translate("Ctx", text)
        self.wrappers: dict[str, dict[str, tuple[str, int]]] = {}

    def visit_FunctionDef(self, node):
        params = [a.arg for a in node.args.posonlyargs + node.args.args]
        for stmt in node.body:
            call = stmt.value if isinstance(stmt, ast.Return) else None
            if (isinstance(call, ast.Call) and _is_translate(call.func) and len(call.args) >= 2
                    and _const(call.args[0]) is not None and isinstance(call.args[1], ast.Name)
                    and call.args[1].id in params and not self.classes):
                self.wrappers.setdefault(self.file, {})[node.name] = (
                    _const(call.args[0]), params.index(call.args[1].id))
        self.generic_visit(node)

    def visit_ClassDef(self, node):
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node):
        callee = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        if callee and self.classes:
            for i, arg in enumerate(node.args):
                if _is_self_tr(arg):
                    self.passed.setdefault((callee, i), set()).add(self.classes[-1])
            for kw in node.keywords:
                if kw.arg and _is_self_tr(kw.value):
                    self.passed.setdefault((callee, kw.arg), set()).add(self.classes[-1])
        self.generic_visit(node)


class _Extract(ast.NodeVisitor):
    def __init__(self, rel: str, passed, wrappers) -> None:
        self.rel = rel
        self.passed = passed
        self.wrappers = wrappers
        self.classes: list[str] = []
        self.functions: list[str | None] = []
        # Scopes of names bound to a translator: name → ("tr", {contexts}) or ("translate", None).
        self.scopes: list[dict[str, tuple[str, set[str] | None]]] = [{}]
        self.found: list[tuple[str, str, str | None, str, int]] = []  # context, source, comment, file, line
        self.dynamic: list[tuple[str, int, str]] = []

    def _lookup(self, name: str):
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        return None

    def visit_ClassDef(self, node):
        self.classes.append(node.name)
        self.scopes.append({})
        self.generic_visit(node)
        self.scopes.pop()
        self.classes.pop()

    def _visit_function(self, node):
        scope: dict = {}
        params = [a.arg for a in node.args.posonlyargs + node.args.args]
        if params and params[0] in ("self", "cls") and self.classes:
            params = params[1:]
        name = getattr(node, "name", None)  # a lambda has none
        for i, p in enumerate(params if name else ()):
            ctxs = self.passed.get((name, i), set()) | self.passed.get((name, p), set())
            if ctxs:
                scope[p] = ("tr", set(ctxs))
        for a in node.args.kwonlyargs if name else ():
            ctxs = self.passed.get((name, a.arg), set())
            if ctxs:
                scope[a.arg] = ("tr", set(ctxs))
        self.scopes.append(scope)
        self.functions.append(name)
        # Aliases first, so a use above nothing but a nested def still resolves.
        for stmt in ast.walk(node):
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                self._bind(stmt.targets[0].id, stmt.value, scope)
        self.generic_visit(node)
        self.functions.pop()
        self.scopes.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _visit_function  # type: ignore[assignment]

    def _bind(self, name, value, scope) -> None:
        if _is_self_tr(value) and self.classes:
            scope[name] = ("tr", {self.classes[-1]})
        elif _is_translate(value):
            scope[name] = ("translate", None)
        elif isinstance(value, ast.Name) and self._lookup(value.id):
            scope[name] = self._lookup(value.id)

    def visit_Module(self, node):
        for name, (ctx, index) in self.wrappers.items():
            self.scopes[0][name] = ("wrapper", (ctx, index))
        for stmt in node.body:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                self._bind(stmt.targets[0].id, stmt.value, self.scopes[0])
        self.generic_visit(node)

    def visit_Call(self, node):
        f = node.func
        kind, ctxs = None, None
        if _is_self_tr(f) and self.classes:
            kind, ctxs = "tr", {self.classes[-1]}
        elif _is_translate(f):
            kind = "translate"
        elif isinstance(f, ast.Name) and self._lookup(f.id):
            kind, ctxs = self._lookup(f.id)
        if kind == "wrapper":
            ctx, index = ctxs
            text = _const(node.args[index]) if len(node.args) > index else None
            if text is None:
                self.dynamic.append((self.rel, node.lineno, ast.unparse(node)))
            else:
                self.found.append((ctx, text, None, self.rel, node.lineno))
        elif kind == "tr" and node.args:
            text = _const(node.args[0])
            comment = _const(node.args[1]) if len(node.args) > 1 else None
            if text is None:
                self.dynamic.append((self.rel, node.lineno, ast.unparse(node)))
            else:
                for c in sorted(ctxs or ()):
                    self.found.append((c, text, comment, self.rel, node.lineno))
        elif _is_core_marker(f) and len(node.args) >= 2:
            ctx, text = _const(node.args[0]), _const(node.args[1])
            if ctx is None or text is None:
                self.dynamic.append((self.rel, node.lineno, ast.unparse(node)))
            else:
                self.found.append((ctx, text, None, self.rel, node.lineno))
        elif kind == "translate" and len(node.args) >= 2:
            ctx, text = _const(node.args[0]), _const(node.args[1])
            comment = _const(node.args[2]) if len(node.args) > 2 else None
            wrapper = next((fn for fn in self.functions if fn in self.wrappers), None)
            if wrapper and ctx is not None and isinstance(node.args[1], ast.Name):
                pass  # the body of a wrapper: its callers' texts are extracted instead
            elif ctx is None or text is None:
                self.dynamic.append((self.rel, node.lineno, ast.unparse(node)))
            else:
                self.found.append((ctx, text, comment, self.rel, node.lineno))
        self.generic_visit(node)


def extract(root: Path, sources: list[str]):
    trees = {s: ast.parse((root / s).read_text(encoding="utf-8"), s) for s in sources}
    sites = _Sites()
    for s, tree in trees.items():
        sites.file = s
        sites.visit(tree)
    found, dynamic = [], []
    for s, tree in trees.items():
        x = _Extract(s, sites.passed, sites.wrappers.get(s, {}))
        x.visit(tree)
        found += x.found
        dynamic += x.dynamic
    return found, dynamic


def _esc(text: str, attr: bool = False) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("'", "&apos;")


def write_ts(root: ET.Element, path: Path) -> None:
    """Write as lupdate does, so its next run and this pass do not fight over the layout."""
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>"]
    attrs = "".join(f' {k}="{_esc(v)}"' for k, v in root.attrib.items())
    out.append(f"<TS{attrs}>")
    for ctx in root.findall("context"):
        out.append("<context>")
        out.append(f"    <name>{_esc(ctx.findtext('name') or '')}</name>")
        for m in ctx.findall("message"):
            mattrs = "".join(f' {k}="{_esc(v)}"' for k, v in m.attrib.items())
            out.append(f"    <message{mattrs}>")
            for child in m:
                cattrs = "".join(f' {k}="{_esc(v)}"' for k, v in child.attrib.items())
                if child.tag == "location":
                    out.append(f"        <location{cattrs}/>")
                elif child.tag == "translation" and len(child):
                    out.append(f"        <translation{cattrs}>")
                    for nf in child:
                        out.append(f"            <numerusform>{_esc(nf.text or '')}</numerusform>")
                    out.append("        </translation>")
                else:
                    out.append(f"        <{child.tag}{cattrs}>{_esc(child.text or '')}</{child.tag}>")
            out.append("    </message>")
        out.append("</context>")
    out.append("</TS>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def supplement(ts_path: Path, root: Path, sources: list[str]) -> int:
    found, dynamic = extract(root, sources)
    tree = ET.parse(ts_path)
    ts = tree.getroot()
    contexts = {c.findtext("name") or "": c for c in ts.findall("context")}
    rel_prefix = Path(*[".."] * len(ts_path.relative_to(root).parent.parts))
    added = revived = 0
    owned: set[int] = set()  # messages this pass is responsible for (lupdate did not see them)
    for ctx_name, text, comment, rel, line in found:
        ctx = contexts.get(ctx_name)
        if ctx is None:
            ctx = ET.SubElement(ts, "context")
            ET.SubElement(ctx, "name").text = ctx_name
            contexts[ctx_name] = ctx
        msg = next((m for m in ctx.findall("message")
                    if m.findtext("source") == text and m.findtext("comment") == comment), None)
        location = ET.Element("location", {"filename": (rel_prefix / rel).as_posix(), "line": str(line)})
        if msg is None:
            msg = ET.SubElement(ctx, "message")
            msg.append(location)
            ET.SubElement(msg, "source").text = text
            if comment is not None:
                ET.SubElement(msg, "comment").text = comment
            ET.SubElement(msg, "translation", {"type": "unfinished"})
            owned.add(id(msg))
            added += 1
            continue
        tr = msg.find("translation")
        if tr.get("type") in ("vanished", "obsolete"):
            for loc in msg.findall("location"):
                msg.remove(loc)
            if tr.text or len(tr):
                del tr.attrib["type"]
            else:
                tr.set("type", "unfinished")
            owned.add(id(msg))
            revived += 1
        if id(msg) in owned:
            locs = msg.findall("location")
            if not any(l.attrib == location.attrib for l in locs):
                msg.insert(len(locs), location)
    # Contexts in lupdate's order (sorted by name); new messages stay at their context's end.
    for ctx in sorted(contexts.values(), key=lambda c: c.findtext("name") or ""):
        ts.remove(ctx)
        ts.append(ctx)
    write_ts(ts, ts_path)
    print(f"    supplement: {added} message(s) added, {revived} brought back from vanished")
    for rel, line, call in dynamic:
        print(f"    not extractable (text is not a literal): {rel}:{line}: {call}", file=sys.stderr)
    return 0


ts_file, *args = sys.argv[1:]
srcs = [a for a in args if a != "--"]
sys.exit(supplement(Path.cwd() / ts_file, Path.cwd(), srcs))
PY

if [[ "${1:-}" != "--no-release" ]]; then
    "$lrelease" "$ts" -qm "$qm"
fi
