"""The core's translatable text (migration_planner.i18n): exactly the Japanese it always was, and
every message of the core has its English in the translation file.

No Qt here: the core is read as the command line, the export and the plan file read it.
"""

from __future__ import annotations

import ast
import copy
import datetime as dt
import json
import pickle
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from migration_planner.i18n import QT_TRANSLATE_NOOP, Joined, Msg, yen_msg
from migration_planner.inventory.contract import SystemRecord

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "migration_planner_en.ts"
SAMPLE = ROOT / "sample_inventory.xlsx"


def _record(**kw) -> SystemRecord:
    base = dict(system_id="T-001", name="庶務事務システム", department="総務局", tier="内部情報系基幹", servers=6,
                workloads=[], resident_core=False, saas_candidate="庶務事務クラウド", saas_fit="未検討",
                cloud_blocker="", next_renewal_fy=2027)
    base.update(kw)
    return SystemRecord(**base)


# ---------------------------------------------------------------- Msg itself
def test_msg_is_the_japanese_text_and_keeps_its_parts():
    inner = Msg("placement", "SaaS")
    m = Msg("placement", "ステップ{step}：{reason}", step=2, reason=inner)
    assert m == "ステップ2：SaaS" and isinstance(m, str)
    assert (m.context, m.template, m.kwargs["reason"].template) == ("placement", "ステップ{step}：{reason}", "SaaS")
    assert {m: 1}["ステップ2：SaaS"] == 1            # hashes as the text (dict keys, sets)
    assert json.dumps([m], ensure_ascii=False) == '["ステップ2：SaaS"]'
    assert type(str(m)) is str and str(m) == m
    for other in (copy.copy(m), copy.deepcopy(m), pickle.loads(pickle.dumps(m))):
        assert other == m and isinstance(other, Msg) and other.template == m.template
        assert other.kwargs["reason"].template == "SaaS"


def test_msg_without_arguments_is_the_template_as_written():
    assert Msg("subsidy", "{x}はそのまま") == "{x}はそのまま"         # no format, no KeyError
    assert Msg("schedule", "{0}月", 4) == "4月"
    assert Msg("subsidy", "上振れ{pct:g}%", pct=12.50) == "上振れ12.5%"


def test_joined_and_yen():
    j = Joined([Msg("schedule", "{0}月", 4), Msg("schedule", "{0}月", 5)])
    assert j == "4月、5月" and isinstance(j, Msg) and j.template == "、" and len(j.args) == 2
    assert Joined(["A", "B"], "・") == "A・B" and Joined([], "・") == ""
    assert pickle.loads(pickle.dumps(j)) == j
    assert QT_TRANSLATE_NOOP("core", "、") == "、"
    for text, template, number in (("18.6億円", "{0}億円", "18.6"), ("1,860百万円", "{0}百万円", "1,860"),
                                   ("△0.5億円", "{0}億円", "△0.5"), ("12,000千円", "{0}千円", "12,000"),
                                   ("0円", "{0}円", "0")):
        m = yen_msg(text)
        assert m == text and (m.template, m.args) == (template, (number,))
    assert yen_msg("—") == "—"


# ---------------------------------------------------------------- the core's text is unchanged
def test_placement_reasons_labels_and_caveat_are_the_same_japanese():
    from migration_planner.placement import CAVEAT_SAAS_UNREVIEWED, DESTINATION_LABELS, fy_label, place

    p = place(_record())
    assert p.reasons == [
        "ステップ1：標準化対象業務を含まず、住民基本系でもないため 該当せず",
        "ステップ2：SaaS候補「庶務事務クラウド」があり、SaaS適合が「未検討」のため SaaS（注意：SaaS適合 未検討）",
    ]
    assert all(isinstance(r, Msg) for r in p.reasons)
    assert p.trace[2].sentence == "ステップ3：未判定（ステップ2で決定）" and p.trace[2].status == "未判定"
    assert p.caveat == CAVEAT_SAAS_UNREVIEWED == "SaaS適合 未検討"
    assert DESTINATION_LABELS["common_cloud"] == "大阪市共通クラウド" and isinstance(DESTINATION_LABELS["saas"], Msg)
    blocked = place(_record(saas_candidate="", cloud_blocker="専用端末"))
    assert blocked.sentence == "ステップ4：クラウド化阻害要因「専用端末」によりクラウドへ移せないため オンプレミス"
    assert fy_label(2026) == "2026年度（令和8年度）" and fy_label(2018) == "2018年度（平成30年度）"
    assert json.loads(json.dumps(p.to_json(), ensure_ascii=False))["reasons"] == p.reasons


def test_schedule_statuses_and_causes_are_the_same_japanese(plan):
    from migration_planner.inventory import read_inventory
    from migration_planner.schedule import catalog, compute_schedule
    from migration_planner.schedule.steps import DONE, STATUSES, STEPS

    assert STATUSES == ("完了済み", "作業中", "未着手", "対象外") and all(isinstance(s, Msg) for s in STATUSES)
    assert STEPS[0].name == "体制案" and STEPS[0].label == "① 体制案" and STEPS[39].phase == "移行"
    plan.apply_inventory(read_inventory(str(SAMPLE)).records)
    catalog.set_step_status(plan, "8", 1, DONE, dt.date(2026, 4, 1))
    stored = catalog.progress(plan)["8"][0]
    assert stored.status == "完了済み" and type(stored.status) is str  # the plan holds plain text
    result = compute_schedule(plan, dt.date(2026, 11, 21))
    assert result.workload("7").status == "期限超過" and isinstance(result.workload("7").status, Msg)
    assert result.workload("7").causes == ["標準準拠製品の提供が間に合わない"]
    assert re.fullmatch(r"ベンダの体制不足（浪速情報システム株式会社、\d+営業日の待ち）", result.workload("5").causes[0])
    assert re.fullmatch(r"切替禁止月を避けて\d+営業日延期", result.workload("1").causes[0])
    assert all(isinstance(c, Msg) for w in result.workloads for c in w.causes)
    with pytest.raises(catalog.ScheduleError) as exc:
        catalog.validate_blackout_months(range(1, 13))
    assert str(exc.value) == "すべての月を切替禁止にはできません。" and isinstance(exc.value.args[0], Msg)


def test_subsidy_labels_and_explanations_are_the_same_japanese():
    from migration_planner.inventory import read_inventory
    from migration_planner.subsidy import FIGURE_LABELS, PARAM_LABELS, CostBase, ParamError, ScenarioParams, evaluate

    assert PARAM_LABELS["cap"] == "補助上限額（円）" and FIGURE_LABELS["shortfall"] == "不足額（市の負担）"
    r = evaluate(CostBase.from_records(read_inventory(str(SAMPLE)).records), ScenarioParams())
    assert r.explanations["remaining_cap"] == "上限 18.6億円 − 計上済み 11.8億円 = 6.8億円"
    assert isinstance(r.explanations["shortfall"], Msg)
    assert r.explanations["shortfall"].kwargs["shortfall"].template == "{0}億円"
    assert r.by_fiscal_year[2025].label == "令和7年度"
    with pytest.raises(ParamError) as exc:
        ScenarioParams(cap=-1, delay_months=-1).normalized()
    assert str(exc.value) == "補助上限額は0円以上にしてください。\n遅延月数は0〜240か月にしてください。"


# ---------------------------------------------------------------- every core message is translated
def _core_messages() -> set[tuple[str, str]]:
    """(context, text) of every Msg / QT_TRANSLATE_NOOP with literal arguments in the core."""
    found = set()
    for path in (ROOT / "migration_planner").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) else getattr(f, "attr", None)
            ctx, text = node.args[0], node.args[1]
            if name in ("Msg", "QT_TRANSLATE_NOOP") and all(
                    isinstance(a, ast.Constant) and isinstance(a.value, str) for a in (ctx, text)):
                found.add((ctx.value, text.value))
    return found


def test_every_core_message_has_its_english():
    messages = _core_messages()
    assert len(messages) > 200, "the core's Msg calls were not found"
    translated = {}
    for ctx in ET.parse(TS).getroot().iter("context"):
        for m in ctx.iter("message"):
            tr = m.find("translation")
            if tr.get("type") is None and tr.text:
                translated[(ctx.findtext("name") or "", m.findtext("source"))] = tr.text
    missing = sorted(messages - translated.keys())
    assert not missing, "run bash tools/update_translations.sh and translate:\n" + "\n".join(map(str, missing))
    placeholder = re.compile(r"\{[^{}]*\}")
    for key in messages:
        assert sorted(placeholder.findall(key[1])) == sorted(placeholder.findall(translated[key])), key
