"""Build ``sample_inventory.xlsx``: an illustrative inventory of Osaka City's 60 server-owning systems.

Run from anywhere::

    python tools/build_sample_inventory.py            # writes <repo>/sample_inventory.xlsx, then checks it
    python tools/build_sample_inventory.py OUT.xlsx   # writes OUT.xlsx instead

The workbook follows ../shared/inventory-format.md (the Excel contract). The figures are invented
examples, not Osaka City's real numbers; the system names, departments, the 60-system count, the three
tiers and the workload-to-system table come from ../shared/domain.md and the seed documents
(seed 002 section 5, and the ICT action plan items in seed 002 section 1).

The output is byte-for-byte deterministic: no randomness, fixed document properties, and the zip is
re-packed with fixed timestamps (openpyxl stamps "now" into both).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "sample_inventory.xlsx"
FIXED_TIME = dt.datetime(2025, 4, 1, 9, 0, 0)  # document properties and zip entry timestamps
AS_OF = "令和7年4月1日"

SHEET = "システム一覧"
TITLE = "大阪市 情報システム一覧（サーバ所有システム）"
SUBTITLE = f"基準日：{AS_OF}　金額単位：千円　※架空の例示データ（説明シート参照）"

# Header row: the contract's primary headers, in the contract's order.
HEADERS = [
    "システムID", "システム名", "所管所属", "系統", "サーバ台数", "標準化対象業務", "住民基本系",
    "SaaS候補", "SaaS適合", "クラウド化阻害要因", "次期更新年度", "年間運用経費（千円）",
    "移行経費見込（千円）", "予算要求", "規模", "連携先システムID", "保守事業者", "備考",
]
WIDTHS = [11, 34, 17, 15, 8, 22, 8, 34, 9, 40, 13, 14, 14, 8, 6, 30, 30, 62]
WRAP_COLS = {"標準化対象業務", "クラウド化阻害要因", "連携先システムID", "備考"}

J, N, K = "住民情報系基幹", "内部情報系基幹", "各局"
O = "○"

# Fictional maintenance vendors (place-name style; none is meant to be a real company).
V1 = "浪速情報システム株式会社"
V2 = "淀川データサービス株式会社"
V3 = "御堂筋ソリューションズ株式会社"
V4 = "中之島テクノロジー株式会社"
V5 = "天満橋システム開発株式会社"
V6 = "堺筋ネットワークス株式会社"
V7 = "咲洲制御エンジニアリング株式会社"
V8 = "上町防災通信株式会社"
V9 = "心斎橋クラウドサービス株式会社"
V10 = "北浜地図情報株式会社"


@dataclass(frozen=True)
class Row:
    no: int
    name: str
    dept: str
    tier: str
    servers: int
    workloads: str | None = None
    resident: str | None = None
    saas: str | None = None
    fit: str | None = None
    blocker: str | None = None
    fy: object = None           # int, str or datetime: the forms planners write
    annual: object = None       # int or text amount
    migration: object = None    # int or text amount
    budget: str | None = None
    scale: str | None = None
    links: tuple[int, ...] = ()
    sep: str = ","
    vendor: str | None = None
    notes: str | None = None

    @property
    def system_id(self) -> str:
        return sid(self.no)

    def cells(self) -> list[object]:
        links = self.sep.join(sid(n) for n in self.links) or None
        return [
            self.system_id, self.name, self.dept, self.tier, self.servers, self.workloads,
            self.resident, self.saas, self.fit, self.blocker, self.fy, self.annual, self.migration,
            self.budget, self.scale, links, self.vendor, self.notes,
        ]


def sid(no: int) -> str:
    return f"OSK-{no:03d}"


# fmt: off
ROWS: list[Row] = [
    # ── 住民情報系基幹: the 12 systems carrying the 20 standardization workloads (domain.md §2) ──
    Row(1, "住民基本台帳等事務システム", "市民局", J, 24, "住民基本台帳、印鑑登録", O,
        fy="R7", annual=486_000, migration=1_250_000, budget=O, scale="大",
        links=(2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 15), sep="、", vendor=V1,
        notes="標準化対象（1.住民基本台帳・2.印鑑登録）。全24区の区役所窓口で利用。住民異動を各業務システムへ連携するハブ。"),
    Row(2, "戸籍情報システム", "市民局", J, 12, "3,4", O,
        fy="令和7年度", annual=198_000, migration=460_000, budget=O, scale="大",
        links=(1,), vendor=V1,
        notes="標準化対象（3.戸籍の附票・4.戸籍）。戸籍の届出を住民基本台帳へ連携。"),
    Row(3, "選挙事務システム", "行政委員会事務局", J, 6, "5", O,
        fy=2025, annual=62_000, migration=180_000, budget=O, scale="中",
        links=(4, 5), vendor=V1,
        notes="標準化対象（5.選挙人名簿管理）。期日前・当日投票管理システムと一体で切替える想定。"),
    Row(4, "期日前・不在者投票管理システム", "行政委員会事務局", J, 3, "選挙人名簿管理", O,
        fy="FY2025", annual=18_500, migration=42_000, budget=O, scale="小",
        links=(3,), vendor=V1,
        notes="選挙人名簿管理（5）を選挙事務システムと共有。選挙期間中は切替不可。"),
    Row(5, "当日投票管理システム", "行政委員会事務局", J, 2, "5", O,
        fy=2025, annual="12,800", migration=31_000, budget=O, scale="小",
        links=(3,), vendor=V1,
        notes="投票所の受付端末を含む。年間運用経費は文字列（桁区切り）で入力した例。"),
    Row(6, "就学システム", "教育委員会事務局", J, 4, "6-a", O,
        fy="令和8年度", annual=24_000, migration=150_000, budget=O, scale="中",
        links=(7,), vendor=V6,
        notes="標準化対象（6-a.就学（学齢簿編成等））。住民基本台帳から異動情報を受ける。"),
    Row(7, "校園ネットワーク業務システム", "教育委員会事務局", K, 10, "6-b", None,
        fy=dt.datetime(2026, 1, 15), annual=96_000, migration=120_000, budget="×", scale="中",
        links=(6, 52), vendor=V6,
        notes="学校園の業務システム。うち就学援助機能のみ標準化対象（6-b）で、切り出して移行する想定。系統は各局だが標準化業務を持つ。次期更新年度は日付セル（2026/1/15＝2025年度）で入力した例。"),
    Row(8, "税務事務システム", "財政局", J, 38, "７,８,９,１０", O,
        fy="R9", annual=912_000, migration=1_850_000, budget=O, scale="大",
        links=(9, 10, 11, 12, 7, 35, 36, 56), vendor=V2,
        notes="標準化対象（7.固定資産税・8.個人住民税・9.法人住民税・10.軽自動車税）。所得情報を福祉・保険系へ提供。標準準拠製品の提供時期から特定移行支援システムに該当する見込み。業務コードは全角数字で入力した例。"),
    Row(9, "国民健康保険等システム", "福祉局", J, 16, "11、12、13", O,
        fy=2026, annual=342_000, migration=900_000, budget=O, scale="大",
        links=(12, 36), vendor=V2,
        notes="標準化対象（11.国民健康保険・12.国民年金・13.後期高齢者医療）。後期高齢者医療は資格・収納のみ（賦課・給付は広域連合）。"),
    Row(10, "介護保険システム", "福祉局", J, 12, "介護保険", O,
        fy="FY2025", annual=268_000, migration=720_000, budget=O, scale="大",
        links=(9, 37), vendor=V2,
        notes="標準化対象（14.介護保険）。業務を名称で入力した例。"),
    Row(11, "総合福祉システム", "福祉局", J, 28, "15\n16\n17\n18", O,
        fy="令和10年度", annual=624_000, migration=1_520_000, budget=O, scale="大",
        links=(9, 10, 7, 34), vendor=V3,
        notes="標準化対象（15.障がい者福祉・16.生活保護・17.児童手当・18.児童扶養手当）。児童手当等はこども青少年局と共同利用。特定移行支援システムに該当する見込み。"),
    Row(12, "保健衛生システム", "健康局", J, 14, "19,20-a,20-b", O,
        fy="R8", annual=238_000, migration=610_000, budget=O, scale="大",
        links=(35,), vendor=V3,
        notes="標準化対象（19.子ども子育て支援・20-a.健康管理（母子保健）・20-b.健康管理（がん検診・接種履歴））。"),
    # ── 住民情報系基幹: resident-core systems without a workload (住民基本系 flag alone) ──
    Row(13, "団体内統合宛名システム", "デジタル統括室", J, 6, None, O,
        fy="令和7", annual=54_000, migration=88_000, budget=O, scale="中",
        links=(14,), vendor=V1,
        notes="マイナンバー制度の情報連携用に宛名番号を管理。標準化20業務の対象外だが住民基本系のため政府クラウドへ（補助対象外）。"),
    Row(14, "住民情報系データ連携基盤", "デジタル統括室", J, 8, None, O,
        fy="R8", annual=72_000, migration=135_000, budget=O, scale="大",
        links=(1, 8, 9, 10, 11, 12), sep="\n", vendor=V1,
        notes="標準準拠システム間、および各局システムとのデータ連携を仲介（ファイル連携・API連携）。"),
    Row(15, "証明書コンビニ交付システム", "市民局", J, 4, None, O,
        saas="証明書交付クラウドサービス（架空）", fit="適合",
        fy=2027, annual=41_000, migration=26_000, scale="小",
        links=(1, 2), vendor=V9,
        notes="SaaS候補は適合だが、住民基本系のため手順(1)で政府クラウドが優先される例。"),
    # ── 内部情報系基幹 ──
    Row(16, "人事給与システム", "総務局", N, 18,
        saas="人事給与クラウドサービス（架空）", fit="適合",
        fy="FY2026", annual=356_000, migration=480_000, budget=O, scale="大",
        links=(17, 20, 26), vendor=V4,
        notes="全職員の人事・給与・共済。令和8年度の機器更新に合わせSaaS化を検討。"),
    Row(17, "庶務事務システム", "総務局", N, 6,
        saas="庶務事務クラウド（架空）", fit="未検討",
        fy=2026, annual=68_000, migration=52_000, budget=O, scale="中",
        links=(16,), vendor=V4,
        notes="出退勤・休暇・旅費等。人事給与システムと同時期に更新。"),
    Row(18, "文書管理システム", "総務局", N, 8,
        fy="令和9年度", annual=88_000, migration=140_000, scale="大",
        links=(19,), vendor=V4,
        notes="公文書の登録・保存年限管理。適合するSaaSが見当たらず大阪市共通クラウドで再構築する想定。"),
    Row(19, "電子決裁システム", "総務局", N, 4,
        saas="電子決裁サービス（架空）",
        fy="R9", annual=36_000, migration=45_000, scale="中",
        links=(18, 20), vendor=V4,
        notes="文書管理システムと一体的に検討。SaaS適合は空欄（＝未検討）。"),
    Row(20, "財務会計システム", "会計室", N, 14,
        saas="自治体財務会計クラウド（架空）", fit="不適合",
        fy=2025, annual=298_000, migration=620_000, budget=O, scale="大",
        links=(21, 22), vendor=V5,
        notes="政令市の会計区分・予算科目体系にSaaSが対応できず不適合。大阪市共通クラウドで再構築。"),
    Row(21, "予算編成システム", "財政局", N, 4,
        fy=2025, annual=46_000, migration=98_000, budget=O, scale="中",
        links=(20,), vendor=V5,
        notes="財務会計システムと同時期に再構築。"),
    Row(22, "契約管理システム", "契約管財局", N, 4,
        fy="令和8年度", annual=38_000, migration=76_000, scale="中",
        links=(20, 24), vendor=V5),
    Row(23, "公有財産管理システム", "契約管財局", N, 3,
        saas="公有財産台帳クラウド（架空）", fit="適合",
        fy="R10", annual=22_000, migration=18_000, scale="小",
        links=(20,), vendor=V5,
        notes="固定資産台帳（新地方公会計）を財務会計システムへ連携。"),
    Row(24, "電子調達システム", "契約管財局", N, 5,
        saas="共同利用型電子入札サービス（架空）", fit="適合",
        fy="FY2027", annual=51_000, migration=34_000, budget="×", scale="中",
        links=(22,), vendor=V5,
        notes="入札参加資格審査・電子入札。"),
    Row(25, "グループウェア・庁内ポータル", "デジタル統括室", N, 12,
        saas="クラウド型グループウェア（架空）", fit="適合",
        fy="2024", annual=186_000, migration=95_000, budget=O, scale="大",
        links=(26,), vendor=V6,
        notes="メール・スケジュール・掲示板。庁外からの利用（BYOD・テレワーク端末）あり。"),
    Row(26, "統合認証基盤", "デジタル統括室", N, 6,
        fy="令和7年度", annual=58_000, migration=72_000, budget=O, scale="中",
        vendor=V6,
        notes="職員IDの一元管理・シングルサインオン。各システムの認証を集約。"),
    # ── 各局システム ──
    Row(27, "行政オンラインシステム", "デジタル統括室", K, 6,
        saas="電子申請クラウドサービス（架空）", fit="適合",
        fy="R9", annual=124_000, migration=60_000, scale="大",
        links=(13, 28), vendor=V9,
        notes="2020年8月運用開始。約600手続をオンライン化（2022年3月末）。手続き判定ナビ・スマート申請。"),
    Row(28, "AIチャットボット基盤", "デジタル統括室", K, 2,
        saas="AIチャットボットサービス（架空）", fit="適合",
        fy=2026, annual=18_000, migration="8,500", budget="×", scale="小",
        vendor=V9,
        notes="問合せ対応の自動化。移行経費見込は文字列（桁区切り）で入力した例。"),
    Row(29, "ファイル全文検索システム", "デジタル統括室", K, 3,
        saas="AI全文検索サービス（架空）", fit="未検討",
        fy="令和8", annual=21_000, migration=15_000, scale="小",
        links=(25,), vendor=V6,
        notes="AIを活用したファイル全文検索。対象範囲を拡大中。"),
    Row(30, "区役所窓口支援システム", "市民局", K, 6,
        fy="FY2027", annual=64_000, migration=110_000, budget=O, scale="中",
        links=(1, 13, 27), vendor=V1,
        notes="マイナンバーカードを活用した書かない窓口・スマート申請の来庁時受付。"),
    Row(31, "施設予約システム", "市民局", K, 3,
        saas="施設予約クラウド（架空）", fit="適合",
        fy=2024, annual=27_000, migration=12_000, budget=O, scale="小",
        vendor=V9,
        notes="スポーツ施設・会館等の予約・抽選。"),
    Row(32, "防災情報システム", "危機管理室", K, 10,
        saas="防災情報共有クラウド（架空）", fit="不適合",
        fy="令和9年度", annual=142_000, migration=230_000, scale="大",
        links=(33, 55), vendor=V8,
        notes="2021年度に再構築。避難所・被害情報の集約と共有。災害時の可用性要件を満たさずSaaS不適合、共通クラウドで冗長化。"),
    Row(33, "防災行政無線制御システム", "危機管理室", K, 4,
        blocker="特殊機器との直結（防災行政無線の親局・中継局装置）",
        fy=2028, annual=76_000, scale="中",
        links=(32,), vendor=V8,
        notes="無線設備と一体で更新。移行経費は未積算（空欄）。"),
    Row(34, "児童相談等システム", "こども青少年局", K, 8,
        saas="児童相談支援クラウド（架空）", fit="不適合",
        fy="令和8年度", annual=98_000, migration=160_000, budget=O, scale="中",
        links=(11, 13), vendor=V3,
        notes="2021年4月稼働。虐待防止に向け機能拡張中。要保護児童の情報を扱うため独自要件が多くSaaS不適合。"),
    Row(35, "保育所等利用調整システム", "こども青少年局", K, 5,
        saas="保育利用調整AIサービス（架空）", fit="未検討",
        fy=2027, annual=44_000, migration=58_000, scale="中",
        links=(8, 12), vendor=V3,
        notes="入所選考・利用調整。保健衛生システム（子ども子育て支援）・税務事務システムと連携。"),
    Row(36, "福祉医療費助成システム", "福祉局", K, 6,
        fy="R8", annual=72_000, migration="48,000千円", budget=O, scale="中",
        links=(1, 8, 9), vendor=V3,
        notes="重度障がい者・ひとり親家庭・こども医療費助成。標準化に伴う改修が必要だが20業務外のため補助対象外。移行経費見込は「千円」付き文字列で入力した例。"),
    Row(37, "地域包括ケア情報共有システム", "福祉局", K, 2,
        saas="多職種連携クラウド（架空）", fit="適合",
        fy=2026, annual=9_800, migration=6_000, budget="×", scale="小",
        links=(10,), vendor=V9),
    Row(38, "感染者情報管理システム", "健康局", K, 3,
        saas="感染症情報管理クラウド（架空）", fit="適合",
        fy=2024, annual=32_000, migration=14_000, scale="小",
        links=(12,), vendor=V3,
        notes="保健所業務効率化PTで導入。"),
    Row(39, "ワクチン接種予約システム", "健康局", K, 4,
        saas="接種予約クラウド（架空）", fit="適合",
        fy=2023, annual=26_000, migration=9_000, budget="×", scale="小",
        links=(12,), vendor=V9,
        notes="令和3年に開発。接種履歴は保健衛生システムへ連携。"),
    Row(40, "道路台帳管理システム", "建設局", K, 5,
        saas="道路台帳GISクラウド（架空）", fit="未検討",
        fy="令和10年度", annual=47_000, migration=66_000, scale="中",
        links=(57,), vendor=V10,
        notes="MMS（移動三次元測量）による現況平面測量データを取込み。"),
    Row(41, "ホームページコンテンツ管理システム", "政策企画室", K, 4,
        saas="自治体CMSクラウド（架空）", fit="適合",
        fy=2025, annual=39_000, migration=28_000, budget=O, scale="中",
        vendor=V9,
        notes="市ホームページの作成・公開。リニューアルに合わせSaaSへ移行予定。"),
    Row(42, "公園施設管理システム", "建設局", K, 2,
        saas="公園施設管理クラウド（架空）",
        fy=2028, annual=11_000, migration=9_500, scale="小",
        vendor=V10,
        notes="遊具点検・長寿命化計画。SaaS適合は空欄（＝未検討）。"),
    Row(43, "下水道施設監視制御システム", "建設局", K, 22,
        saas="下水道施設監視クラウド（架空）", fit="不適合",
        blocker="閉域の制御系ネットワーク（下水処理場・抽水所の監視制御）",
        fy="FY2029", annual=386_000, migration=850_000, budget=O, scale="大",
        vendor=V7,
        notes="処理場・抽水所の運転監視。SaaS不適合かつ制御系のためオンプレミスを維持する例。"),
    Row(44, "配水管布設工事施工監理システム", "水道局", K, 2,
        saas="工事施工管理クラウド（架空）", fit="適合",
        fy="令和9年度", annual=12_000, migration=8_000, scale="小",
        links=(48,), vendor=V10,
        notes="タブレットで施工状況をリアルタイム確認・現場巡視報告書作成。2021年度に本格運用開始。"),
    Row(45, "浄水場等の監視制御システム", "水道局", K, 26,
        blocker="閉域の制御系ネットワーク（浄水場監視制御）",
        fy="FY2030", annual=412_000, migration=980_000, scale="大",
        vendor=V7,
        notes="浄水場・配水場の運転監視。民間企業と高度化を共同研究中。"),
    Row(46, "水道料金システム", "水道局", K, 10,
        saas="水道料金クラウド（架空）", fit="不適合",
        fy=2026, annual=168_000, migration=320_000, budget=O, scale="大",
        links=(47,), vendor=V2,
        notes="料金計算・収納・お客さまセンター。大規模事業体の料金体系にSaaSが対応できず不適合。"),
    Row(47, "水道スマートメーター検針データ管理システム", "水道局", K, 2,
        saas="スマートメーターデータ管理サービス（架空）",
        fy="R10", annual=16_000, migration="２４，６００", scale="小",
        links=(46,), vendor=V9,
        notes="スマートメーター導入に伴う検針データ管理。移行経費見込は全角数字で入力した例。"),
    Row(48, "管路情報マッピングシステム", "水道局", K, 4,
        fy=2027, annual=28_000, migration=42_000, scale="中",
        vendor=V10,
        notes="配水管の管路図・漏水履歴。"),
    Row(49, "消防指令システム", "消防局", K, 16,
        saas="クラウド型消防指令サービス（架空）", fit="不適合",
        blocker="消防指令の専用回線（119番通報受信・出動指令）",
        fy="令和12年度", annual=298_000, migration=1_100_000, scale="大",
        links=(50,), vendor=V8,
        notes="指令センターの指令台・消防救急無線と一体。SaaS不適合かつ専用回線のためオンプレミスを維持する例。"),
    Row(50, "救急活動記録システム", "消防局", K, 3,
        saas="救急活動記録クラウド（架空）", fit="未検討",
        fy=dt.datetime(2027, 4, 1), annual=19_000, migration=16_000, scale="小",
        links=(49,), vendor=V8,
        notes="次期更新年度は日付セル（2027/4/1＝2027年度）で入力した例。"),
    Row(51, "消防予防業務システム", "消防局", K, 3,
        fy="R11", annual=23_000, migration=38_000, scale="小",
        links=(49,), vendor=V8,
        notes="査察・違反処理・危険物許可。"),
    Row(52, "校務支援システム", "教育委員会事務局", K, 12,
        saas="校務支援クラウド（架空）", fit="適合",
        fy="令和8年度", annual=212_000, migration=260_000, budget=O, scale="大",
        links=(7,), vendor=V6,
        notes="成績・出欠等。大阪市学校教育ICTビジョンに基づき更新。"),
    Row(53, "図書館情報システム", "教育委員会事務局", K, 6,
        saas="図書館クラウドサービス（架空）", fit="適合",
        blocker="特殊機器との直結（自動貸出機・ICゲート）",
        fy=2028, annual=58_000, migration=47_000, scale="中",
        vendor=V9,
        notes="中央図書館と地域図書館。SaaSが適合するため阻害要因があっても手順(2)でSaaSとなる例（館内機器はゲートウェイ接続を検討）。"),
    Row(54, "港湾情報システム", "大阪港湾局", K, 4,
        fy="FY2028", annual=34_000, migration=52_000, scale="中",
        links=(55,), vendor=V10,
        notes="岸壁・上屋の使用許可、入出港情報。"),
    Row(55, "防潮扉遠隔監視制御システム", "大阪港湾局", K, 6,
        blocker="特殊機器との直結（防潮扉・水門の制御盤）",
        fy="R11", annual=64_000, migration=210_000, scale="中",
        links=(32,), vendor=V7,
        notes="高潮時の防潮扉の遠隔開閉。"),
    Row(56, "市営住宅管理システム", "都市整備局", K, 6,
        saas="公営住宅管理クラウド（架空）", fit="不適合",
        fy="令和9", annual=61_000, migration=95_000, budget="×", scale="中",
        links=(8,), vendor=V5,
        notes="入居者管理・家賃算定。家賃算定のため税務事務システムから所得情報を受ける。"),
    Row(57, "都市計画情報システム", "計画調整局", K, 4,
        fy=2029, annual=29_000, migration=46_000, scale="中",
        links=(40,), vendor=V10,
        notes="都市計画図のGIS管理・公開。"),
    Row(58, "大気環境常時監視システム", "環境局", K, 3,
        blocker="測定局との専用回線（テレメータ）",
        fy=2029, annual=25_000, scale="小",
        vendor=V7,
        notes="測定局のデータを常時収集。移行経費は未積算（空欄）。"),
    Row(59, "粗大ごみ収集受付システム", "環境局", K, 2,
        saas="粗大ごみ受付クラウド（架空）", fit="適合",
        fy="R7", annual=33_000, migration=7_000, budget=O, scale="小",
        vendor=V9,
        notes="インターネット・電話受付。"),
    Row(60, "市場取引情報システム", "中央卸売市場", K, 4,
        fy="Ｒ１０", annual=21_000, migration=30_000, scale="小",
        vendor=V5,
        notes="卸売の取引・市況情報。次期更新年度は全角（Ｒ１０＝2028年度）で入力した例。"),
]
# fmt: on

# The 説明 sheet: one row per column (header, aliases, type, required, meaning).
COLUMN_DOCS = [
    ("システムID", "システム番号、ID", "文字列（一意・空欄不可）", "必須",
     "システムを識別する番号。本サンプルでは OSK-001～OSK-060。連携先システムIDから参照される。"),
    ("システム名", "システム名称、名称", "文字列", "必須", "システムの名称。"),
    ("所管所属", "所管、所属、担当所属", "文字列", "必須", "システムを所管する局・室・区等。"),
    ("系統", "区分", "住民情報系基幹／内部情報系基幹／各局 のいずれか", "必須",
     "大阪市システム刷新計画の3区分（住民情報系基幹システム・内部情報系基幹システム・各局システム）。"),
    ("サーバ台数", "サーバー台数、サーバ数", "0以上の整数", "必須", "システムが所有するサーバの台数。"),
    ("標準化対象業務", "標準化業務", "業務コードまたは業務名の一覧", "任意",
     "標準化対象20業務のうちこのシステムが担う業務。コード（1～20、6-a、6-b、20-a、20-b）または名称（住民基本台帳 等）。"
     "区切りは「,」「、」「，」「・」「;」または改行。"),
    ("住民基本系", "―", "フラグ", "任意",
     "住民基本系基幹システムなら「○」。標準化対象業務が無くても○なら手順(1)で政府クラウド（Gov-Cloud）へ。"),
    ("SaaS候補", "―", "文字列（製品・サービス名）", "任意",
     "移行先として検討するSaaSの名称。本サンプルの名称はすべて架空。"),
    ("SaaS適合", "―", "適合／不適合／未検討 のいずれか", "任意（空欄＝未検討）",
     "SaaS候補が業務要件に適合するか。不適合なら手順(3)以降（共通クラウド／オンプレミス）で検討。"),
    ("クラウド化阻害要因", "阻害要因", "文字列", "任意",
     "クラウドへ移せない理由（閉域の制御系ネットワーク、専用回線、特殊機器との直結 等）。記入があると手順(3)を通らずオンプレミス。"),
    ("次期更新年度", "更新予定年度", "年度", "任意",
     "機器更新・再構築の予定年度。2025、FY2025、R7、令和7年度、令和7、H30、平成30年度、またはExcelの日付（4月～翌3月で年度に換算）。"),
    ("年間運用経費（千円）", "運用経費", "金額（千円）", "任意",
     "現行の年間運用経費。数値、または「1,234」「1,234千円」・全角数字の文字列。負の値は不可。"),
    ("移行経費見込（千円）", "移行経費", "金額（千円）", "任意",
     "次期環境への移行（標準化対応・再構築）に要する経費の見込み。形式は年間運用経費と同じ。"),
    ("予算要求", "次年度予算要求", "フラグ", "任意", "次年度の予算要求があるなら「○」、無ければ空欄または「×」。"),
    ("規模", "―", "大／中／小 のいずれか", "任意", "システムの規模。"),
    ("連携先システムID", "連携先", "システムIDの一覧", "任意",
     "データを連携する相手のシステムID（この表に存在するIDに限る）。区切りは標準化対象業務と同じ。"),
    ("保守事業者", "ベンダ、事業者", "文字列", "任意",
     "保守・運用を担う事業者。本サンプルの事業者名はすべて架空。"),
    ("備考", "―", "文字列", "任意", "補足事項。"),
]


# ─────────────────────────────────────────────────────────────────────────────────────────────
# Building


#: Progress of the 20 workloads as reported to the national PMO tool (illustrative), as of 2026-10-31.
#: (workload as written, completed steps or None, rate or None). Mixed forms exercise the contract.
PROGRESS_AS_OF = dt.datetime(2026, 10, 31)
PROGRESS_ROWS = [
    ("1", 34, None), ("2", 34, None), ("3", 36, None), ("4", 36, None),
    ("選挙人名簿管理", 30, None), ("6-a", None, 0.8), ("6-b", None, 0.7),
    ("7", 33, None), ("8", 33, None), ("9", 33, None), ("10", 33, None),
    ("11", None, "77.5%"), ("12", None, "77.5%"), ("13", None, "77.5%"),
    ("介護保険", 26, None), ("15", 29, None), ("16", 29, None), ("17", 29, None), ("18", 29, None),
    ("子ども・子育て支援", 30, None), ("20-a", 31, None), ("20-b", 31, None),
]


def _fill_progress(ws) -> None:
    """A progress sheet (inventory-format.md, "The progress sheet") in the same workbook."""
    ws.append(["標準化対象業務の進捗（国のPMOツール報告値・架空の例示データ）"])
    ws.append([])
    ws.append(["標準化対象業務", "完了ステップ数", "進捗率", "基準日"])
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for workload, done, rate in PROGRESS_ROWS:
        ws.append([workload, done, rate, PROGRESS_AS_OF])
    for row in ws.iter_rows(min_row=4, min_col=3, max_col=4):
        row[0].number_format = "0.0%"
        row[1].number_format = "yyyy/mm/dd"
    for col, width in zip("ABCD", (26, 16, 12, 14)):
        ws.column_dimensions[col].width = width


def build_workbook() -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    _fill_inventory(ws)
    _fill_progress(wb.create_sheet("進捗"))
    _fill_explanation(wb.create_sheet("説明"))
    props = wb.properties
    props.title = TITLE
    props.subject = "移行計画プランナー サンプル在庫表（架空の例示データ）"
    props.creator = "migration-planner tools/build_sample_inventory.py"
    props.lastModifiedBy = props.creator
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    return wb


def _fill_inventory(ws) -> None:
    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws["A1"] = TITLE
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = SUBTITLE
    ws["A2"].font = Font(size=10, color="595959")
    # Row 3 is left blank; the header row follows.
    header_row = 4
    for col, header in enumerate(HEADERS, start=1):
        cell = ws.cell(row=header_row, column=col, value=header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E78")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS[col - 1]
    ws.row_dimensions[header_row].height = 32

    first = header_row + 1
    for r, row in enumerate(ROWS, start=first):
        for col, value in enumerate(row.cells(), start=1):
            header = HEADERS[col - 1]
            cell = ws.cell(row=r, column=col, value=value)
            cell.border = border
            cell.alignment = Alignment(vertical="top", wrap_text=header in WRAP_COLS)
            if header in ("年間運用経費（千円）", "移行経費見込（千円）"):
                if isinstance(value, int):
                    cell.number_format = "#,##0"
                cell.alignment = Alignment(horizontal="right", vertical="top")
            elif header == "次期更新年度" and isinstance(value, dt.datetime):
                cell.number_format = "yyyy/mm/dd"
            elif header in ("住民基本系", "SaaS適合", "予算要求", "規模", "サーバ台数"):
                cell.alignment = Alignment(horizontal="center", vertical="top")
    last = first + len(ROWS) - 1

    # A 合計 row: the contract ends the table at a row whose first cell reads 合計.
    total = last + 1
    ws.cell(row=total, column=1, value="合計").font = Font(bold=True)
    for header in ("サーバ台数", "年間運用経費（千円）", "移行経費見込（千円）"):
        col = HEADERS.index(header) + 1
        letter = get_column_letter(col)
        cell = ws.cell(row=total, column=col, value=f"=SUM({letter}{first}:{letter}{last})")
        cell.font = Font(bold=True)
        cell.number_format = "#,##0"
    for col in range(1, len(HEADERS) + 1):
        c = ws.cell(row=total, column=col)
        c.fill = PatternFill("solid", fgColor="F2F2F2")
        c.border = border
    ws.cell(row=total + 2, column=1,
            value="※ 合計行の SUM は文字列で入力した金額（例：「12,800」「48,000千円」）を含みません。").font = Font(
        size=9, color="595959")

    ws.freeze_panes = ws.cell(row=first, column=3)  # header row and the ID/name columns stay in view
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(HEADERS))}{last}"
    ws.sheet_view.zoomScale = 90


def _fill_explanation(ws) -> None:
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 22
    ws.column_dimensions["C"].width = 30
    ws.column_dimensions["D"].width = 16
    ws.column_dimensions["E"].width = 80
    wrap = Alignment(vertical="top", wrap_text=True)
    lines = [
        ("このブックについて", True),
        ("【重要】システム一覧シートの数値・事業者名・SaaS候補名などは、移行計画プランナーの動作確認用に作成した"
         "架空の例示データであり、実際の大阪市のシステムの数値ではありません。", True),
        ("システム名・所管所属・系統の区分・サーバ所有60システムという件数・標準化対象業務とシステムの対応は、"
         "下記の出典に基づきます。サーバ台数・経費・更新年度・連携先・保守事業者・SaaS適合・阻害要因は例示です。", False),
        ("", False),
        ("出典", True),
        ("・domain.md（移行計画プランナーのドメイン整理。§1 刷新計画と検討順序、§2 標準化対象20業務とシステムの対応、§5 補助金）", False),
        ("・第5回大阪市ICT戦略本部会議資料（令和4年4月26日、デジタル統括室）5.大阪市システム刷新計画・システム標準化対応、"
         "および 1.大阪市ICT戦略アクションプラン2021年度の取組実績（防災情報システム、児童相談等システム、行政オンラインシステム、"
         "浄水場等の監視制御システム、配水管布設工事施工監理システム 等）", False),
        ("・令和4年度デジタル統括室運営方針、令和6年度デジタル統括室運営方針、大阪市ICT戦略の推進（大阪市ホームページ）", False),
        ("・Excelの書式は inventory-format.md（在庫表の取込み仕様）に従います。", False),
        ("", False),
        ("移行先の検討順序（大阪市システム刷新計画）", True),
        ("(1) 住民基本系基幹システム（標準化対象業務を持つ、または住民基本系が○）→ ガバメントクラウド（Gov-Cloud）", False),
        ("(2) (1)以外はまずSaaSを検討（SaaS候補があり、SaaS適合が「不適合」でないもの）→ SaaS", False),
        ("(3) システム整備が必要なものは大阪市共通クラウド（クラウド化阻害要因が無いもの）→ 大阪市共通クラウド", False),
        ("(4) 上記を検討してもクラウド化が困難なもの → オンプレミス", False),
        ("", False),
        ("表の範囲：見出し行（システムID～備考）の次の行から、最初の空行または先頭セルが「合計」の行の直前まで。", False),
        ("", False),
        ("列の説明（システム一覧シート）", True),
    ]
    r = 1
    for text, bold in lines:
        cell = ws.cell(row=r, column=1, value=text or None)
        if text:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
            cell.alignment = wrap
            if bold:
                cell.font = Font(bold=True, size=12 if r == 1 else 11)
            if len(text) > 90:
                ws.row_dimensions[r].height = 15 * (len(text) // 90 + 1)
        r += 1
    heads = ["見出し", "別名（エイリアス）", "型", "必須", "意味"]
    for c, h in enumerate(heads, start=1):
        cell = ws.cell(row=r, column=c, value=h)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E78")
    r += 1
    for doc in COLUMN_DOCS:
        for c, v in enumerate(doc, start=1):
            ws.cell(row=r, column=c, value=v).alignment = wrap
        r += 1


def save_deterministic(wb: Workbook, path: Path) -> None:
    """Save without openpyxl's "now" stamps: fixed core properties and fixed zip timestamps."""
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).write_data()  # unlike save_workbook, keeps properties.modified
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            zout.writestr(fixed, zin.read(info.filename))
    path.write_bytes(out.getvalue())


# ─────────────────────────────────────────────────────────────────────────────────────────────
# Checking (reads the file back with python-calamine, the reader the planner uses)

ALL_CODES = ["1", "2", "3", "4", "5", "6-a", "6-b", *map(str, range(7, 20)), "20-a", "20-b"]
_NAMES = {"住民基本台帳": "1", "印鑑登録": "2", "戸籍の附票": "3", "戸籍": "4", "選挙人名簿管理": "5",
          "介護保険": "14"}


def _split(text: str) -> list[str]:
    return [t.strip() for t in re.split(r"[,、，・;\n]", unicodedata.normalize("NFKC", text)) if t.strip()]


def placement(rec: dict) -> tuple[str, str]:
    """Expected destination by the city's decision order (first match wins), with the reason."""
    if rec["workloads"] or rec["resident"]:
        return "gov_cloud", "標準化対象業務" if rec["workloads"] else "住民基本系"
    if rec["saas"] and rec["fit"] != "不適合":
        return "saas", f"SaaS候補（{rec['fit'] or '未検討'}）"
    if not rec["blocker"]:
        return "common_cloud", "SaaS不適合" if rec["saas"] else "SaaS候補なし"
    return "on_premises", "阻害要因"


def check(path: Path, verbose: bool = True) -> dict[str, int]:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    assert wb.sheet_names[:3] == [SHEET, "進捗", "説明"], wb.sheet_names
    rows = wb.get_sheet_by_name(SHEET).to_python()
    hdr = next(i for i, row in enumerate(rows) if [str(v) for v in row[: len(HEADERS)]] == HEADERS)
    data = []
    for row in rows[hdr + 1:]:
        first = str(row[0]).strip() if row else ""
        if first in ("合計", "計", "Total") or all(str(v).strip() == "" for v in row):
            break
        data.append(dict(zip(HEADERS, row)))
    assert len(data) == 60, len(data)
    ids = [str(d["システムID"]) for d in data]
    assert len(set(ids)) == 60, "duplicate IDs"
    covered: set[str] = set()
    recs = []
    for d in data:
        for link in _split(str(d["連携先システムID"])):
            assert link in ids, (d["システムID"], link)
        codes = [_NAMES.get(t, t) for t in _split(str(d["標準化対象業務"]))]
        assert all(c in ALL_CODES for c in codes), codes
        covered.update(codes)
        recs.append({
            "id": d["システムID"], "name": d["システム名"], "dept": d["所管所属"], "tier": d["系統"],
            "workloads": codes, "resident": str(d["住民基本系"]).strip() == "○",
            "saas": str(d["SaaS候補"]).strip(), "fit": str(d["SaaS適合"]).strip(),
            "blocker": str(d["クラウド化阻害要因"]).strip(),
        })
    assert covered == set(ALL_CODES), set(ALL_CODES) - covered
    counts = Counter()
    for rec in recs:
        dest, why = placement(rec)
        counts[dest] += 1
        if verbose:
            print(f"{rec['id']}  {rec['name']:<24}\t{rec['tier']:<8}\t{rec['dept']:<10}\t{dest:<13}\t{why}")
    if verbose:
        print(dict(counts), "total", sum(counts.values()))
    return dict(counts)


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    assert len(ROWS) == 60 and [r.no for r in ROWS] == list(range(1, 61))
    save_deterministic(build_workbook(), out)
    print(f"wrote {out}")
    try:
        import python_calamine  # noqa: F401
    except ImportError:
        print("python-calamine not installed; skipped the read-back check")
        return 0
    check(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
