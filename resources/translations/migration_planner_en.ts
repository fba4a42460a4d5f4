<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ja_JP">
<context>
    <name></name>
    <message>
        <location filename="../../ui/inventory_table.py" line="103"/>
        <location filename="../../ui/system_detail.py" line="92"/>
        <source>システムID</source>
        <extracomment>Roles the view asks for each cell that this model never answers: :meth:`SystemTableModel.data` returns at once for them (sizing and painting ask ~8 roles a cell; start-up paints them all). Cell alignments (AlignRight | AlignVCenter, AlignLeft | AlignVCenter). What Qt&apos;s item delegate adds to a cell&apos;s text in width: a margin either side (focus frame + 1, 2 + 1 pixels in Qt&apos;s styles) and the grid line. Not asked of the style at start-up: see above. The record&apos;s attribute the column shows as it is (None: the column computes its value). Its sort keys are then read a column at a time (``attrgetter``) rather than one call a row.</extracomment>
        <translation>System ID</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="104"/>
        <source>システム名</source>
        <translation>System name</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="105"/>
        <location filename="../../ui/system_detail.py" line="93"/>
        <source>所管所属</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="106"/>
        <location filename="../../ui/system_detail.py" line="94"/>
        <source>系統</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="107"/>
        <location filename="../../ui/system_detail.py" line="95"/>
        <source>サーバ台数</source>
        <translation>Servers</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="109"/>
        <source>標準化対象業務</source>
        <translation>Standardization workloads</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="114"/>
        <location filename="../../ui/system_detail.py" line="96"/>
        <source>住民基本系</source>
        <translation>Resident records</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="115"/>
        <location filename="../../ui/system_detail.py" line="97"/>
        <source>SaaS候補</source>
        <translation>SaaS candidate</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="116"/>
        <location filename="../../ui/system_detail.py" line="98"/>
        <source>SaaS適合</source>
        <translation>SaaS fit</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="117"/>
        <location filename="../../ui/system_detail.py" line="99"/>
        <source>クラウド化阻害要因</source>
        <translation>Cloud blocker</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="118"/>
        <location filename="../../ui/system_detail.py" line="100"/>
        <source>次期更新年度</source>
        <translation>Next renewal FY</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="119"/>
        <source>年間運用経費（千円）</source>
        <translation>Annual running cost (thousand yen)</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="120"/>
        <source>移行経費見込（千円）</source>
        <translation>Est. migration cost (thousand yen)</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="121"/>
        <location filename="../../ui/system_detail.py" line="104"/>
        <source>予算要求</source>
        <translation>Budget request</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="122"/>
        <location filename="../../ui/system_detail.py" line="105"/>
        <source>規模</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="123"/>
        <location filename="../../ui/system_detail.py" line="106"/>
        <source>保守事業者</source>
        <translation>Maintenance vendor</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="124"/>
        <source>連携先</source>
        <translation>Linked systems</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="125"/>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="765"/>
        <source>手動・要確認</source>
        <translation>Manual · review</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="765"/>
        <source>手動</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="771"/>
        <source>理由：{0}
変更者：{1}
自動判定：{2}</source>
        <translation>Reason: {0}
Changed by: {1}
Automatic: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77"/>
        <location filename="../../ui/placement_board.py" line="775"/>
        <source>移行先</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77"/>
        <location filename="../../ui/placement_board.py" line="780"/>
        <source>判定ステップ</source>
        <translation>Rule step</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="78"/>
        <location filename="../../ui/placement_board.py" line="782"/>
        <source>手動設定</source>
        <translation>Override</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="197"/>
        <source>FY2025期限 2026-03-31</source>
        <translation>FY2025 deadline 2026-03-31</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="198"/>
        <source>延長期限（特定移行支援）</source>
        <translation>Extended deadline (special migration support system)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="199"/>
        <source>基準日（今日）</source>
        <translation>As of (today)</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="89"/>
        <source>{0} 千円</source>
        <translation>{0} thousand yen</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="95"/>
        <source>{0} 台</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="100"/>
        <source>{0}年度（令和{1}年度）</source>
        <translation>FY{0} (Reiwa {1})</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="102"/>
        <source>年間運用経費</source>
        <translation>Annual running cost</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="103"/>
        <source>移行経費見込</source>
        <translation>Est. migration cost</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation type="vanished">&amp;Save</translation>
    </message>
    <message>
        <source>変更をプランファイルに保存します</source>
        <translation type="vanished">Save the changes to the plan file</translation>
    </message>
    <message>
        <source>名前を付けて保存(&amp;A)…</source>
        <translation type="vanished">Save &amp;As…</translation>
    </message>
    <message>
        <source>プランを別の名前のファイルに保存します</source>
        <translation type="vanished">Save the plan to a file under another name</translation>
    </message>
    <message>
        <source>編集は作業用コピーに自動で保存されています。プランファイルへは「保存」で書き込みます。</source>
        <translation type="vanished">Edits are saved automatically to a working copy. “Save” writes them to the plan file.</translation>
    </message>
    <message>
        <source>自動保存 {0}</source>
        <translation type="vanished">Autosaved {0}</translation>
    </message>
    <message>
        <source>プラン: {0}</source>
        <translation type="vanished">Plan: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="196"/>
        <source>（なし）</source>
        <extracomment>How each editable field is edited: text, choice (a combo of the contract&apos;s values), flag (○/×), count (a spin box), amount and year (spin boxes that may be blank and read what planners type), list (text: codes or names, IDs, separated as in a cell).</extracomment>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="200"/>
        <source>○（あり）</source>
        <translation>○ (yes)</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="201"/>
        <source>—（なし）</source>
        <translation>— (no)</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="206"/>
        <source>（空欄）</source>
        <translation>(blank)</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="207"/>
        <source>千円単位。12,345 や 12,345千円 と書けます。空欄にするには内容を消します</source>
        <translation>In thousand yen, e.g. 12,345. Clear the box to leave it blank</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="211"/>
        <source>（未定）</source>
        <translation>(TBD)</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="212"/>
        <source>2027、R9、令和9年度、FY2027 のように書けます。空欄にするには内容を消します</source>
        <translation>Write it as 2027, R9 or FY2027 (the Japanese era form also works). Clear the box to leave it blank</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="221"/>
        <source>例）1, 6-a, 住民基本台帳</source>
        <translation>e.g. 1, 6-a, 20-b</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="222"/>
        <source>標準化対象業務のコードまたは名称を、読点やカンマで区切って書きます</source>
        <translation>Standardization workload codes or names, separated by commas</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="224"/>
        <source>例）OSK-001, OSK-002</source>
        <translation>e.g. OSK-001, OSK-002</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="225"/>
        <source>連携先のシステムIDを、読点やカンマで区切って書きます</source>
        <translation>IDs of the linked systems, separated by commas</translation>
    </message>
</context>
<context>
    <name>BlackoutEditor</name>
    <message>
        <location filename="../../ui/schedule_editors.py" line="40"/>
        <source>切替禁止月</source>
        <translation>Blackout months</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_editors.py" line="41"/>
        <source>チェックした月には移行（⑱運用開始）を始めも終えもしません。既定は4月・5月（転入転出の繁忙期）。</source>
        <translation>No cut-over (step ⑱, go-live) starts or ends in a checked month. Default: April and May (the peak season for residents moving in and out).</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_editors.py" line="46"/>
        <source>{0}月</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_editors.py" line="47"/>
        <source>{0}月を切替禁止にする</source>
        <translation>No cut-over in month {0}</translation>
    </message>
</context>
<context>
    <name>CauseFlagsEditor</name>
    <message>
        <location filename="../../ui/schedule_editors.py" line="78"/>
        <source>遅延要因（担当者の判断）</source>
        <translation>Causes of delay (planner&apos;s judgement)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_editors.py" line="79"/>
        <source>期限超過のとき「要因」に表示します。チェックがなくても、システムの備考から要因を読み取ることがあります。</source>
        <translation>Shown under “Driver” when a workload misses the deadline. Even when nothing is checked, a cause may be read from the system&apos;s notes.</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="66"/>
        <source>取り込みによる変更の確認</source>
        <translation>Review Changes from Import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="69"/>
        <source>「{0}」を取り込むと、プランは次のように変わります：{1}</source>
        <translation>Importing “{0}” will change the plan as follows: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="73"/>
        <source>システム / 項目</source>
        <translation>System / field</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="73"/>
        <source>変更前</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="73"/>
        <source>変更後</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="76"/>
        <source>追加（{0}件）</source>
        <translation>Added ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="77"/>
        <source>削除（{0}件）</source>
        <translation>Removed ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="87"/>
        <source>変更（{0}件）</source>
        <translation>Changed ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="102"/>
        <source>警告（取り込みは止まりません）：</source>
        <translation>Warnings (the import still goes ahead):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="105"/>
        <source>変更を反映</source>
        <translation>Apply Changes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="106"/>
        <source>取り込まない</source>
        <translation>Don&apos;t Import</translation>
    </message>
</context>
<context>
    <name>EstimateDialog</name>
    <message>
        <location filename="../../ui/schedule_view.py" line="301"/>
        <source>所要日数（営業日）：</source>
        <translation>Duration (working days): </translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="304"/>
        <source>手順</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="304"/>
        <source>楽観</source>
        <translation>Optimistic</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="304"/>
        <source>最可能</source>
        <translation>Most likely</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="304"/>
        <source>悲観</source>
        <translation>Pessimistic</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="333"/>
        <source>数値で入力してください。</source>
        <translation>Please enter a number.</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="337"/>
        <source>所要日数を変更：</source>
        <translation>Change durations: </translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../../ui/export_action.py" line="36"/>
        <source>Excelに出力(&amp;E)…</source>
        <translation>&amp;Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="37"/>
        <source>プラン（スケジュール・振り分け結果・補助金試算など）をExcelブックに出力します</source>
        <translation>Export the plan (schedule, placement results, subsidy estimates, …) to an Excel workbook</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="38"/>
        <source>CSVに出力(&amp;V)…</source>
        <translation>Export to CS&amp;V…</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="39"/>
        <source>各表をCSV（UTF-8 BOM付き）でフォルダに出力します</source>
        <translation>Export each table as CSV (UTF-8 with BOM) to a folder</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="40"/>
        <source>グラフを出力(&amp;G)…</source>
        <translation>Export C&amp;harts…</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="41"/>
        <source>グラフをPNGとPDFでフォルダに出力します</source>
        <translation>Export the charts as PNG and PDF to a folder</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="58"/>
        <source>出力</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="58"/>
        <source>先にプランを開いてください。</source>
        <translation>Please open a plan first.</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="81"/>
        <source>Excelに出力</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="81"/>
        <source>Excelブック (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="87"/>
        <source>Excelに出力しています</source>
        <translation>Exporting to Excel</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="100"/>
        <source>CSVに出力</source>
        <translation>Export to CSV</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="103"/>
        <source>グラフを出力</source>
        <translation>Export Charts</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="115"/>
        <location filename="../../ui/export_action.py" line="163"/>
        <location filename="../../ui/export_action.py" line="165"/>
        <location filename="../../ui/export_action.py" line="168"/>
        <source>出力できません</source>
        <translation>Cannot Export</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="148"/>
        <source>出力しました：</source>
        <translation>Exported:</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="150"/>
        <source>ほか {0} ファイル</source>
        <translation>and {0} more file(s)</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="152"/>
        <source>注記：</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="153"/>
        <source>ファイルを開きますか？</source>
        <translation>Open the file?</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="153"/>
        <source>フォルダを開きますか？</source>
        <translation>Open the folder?</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="156"/>
        <source>出力しました</source>
        <translation>Export Complete</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="166"/>
        <source>ファイルを書き込めませんでした（{0}）。何も残していません。</source>
        <translation>Could not write the file ({0}). Nothing was left behind.</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="169"/>
        <source>予期しないエラーで出力できませんでした。
{0}: {1}</source>
        <translation>The export failed with an unexpected error.
{0}: {1}</translation>
    </message>
</context>
<context>
    <name>GanttChart</name>
    <message>
        <location filename="../../ui/schedule_view.py" line="289"/>
        <source>工程（青：計画立案、橙：移行）</source>
        <translation>Phases (blue: planning, orange: migration)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="197"/>
        <source>FY2025期限 2026-03-31</source>
        <translation>FY2025 deadline 2026-03-31</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="198"/>
        <source>延長期限（特定移行支援）</source>
        <translation>Extended deadline (special migration support system)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="199"/>
        <source>基準日（今日）</source>
        <translation>As of (today)</translation>
    </message>
</context>
<context>
    <name>InventoryTable</name>
    <message>
        <location filename="../../ui/inventory_table.py" line="577"/>
        <source>名称・ID・所属・事業者で絞り込み</source>
        <extracomment>Applies an edit (system_id, field, value as typed); returns None when done, else the Japanese reason it was refused (nothing changed). The new values then arrive through :meth:`SystemTableModel.update_records` (or the plan&apos;s reload). The column titles, for the view&apos;s horizontal header (see :meth:`InventoryTable.__init__`): a Qt model, so drawing and sizing the header calls no Python (1,300 calls at start-up). What a model must carry over to a successor that takes its place in the view.</extracomment>
        <translation>Filter by name, ID, department, vendor</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="578"/>
        <source>システム名・ID・所属・事業者・SaaS候補・備考・標準化対象業務で絞り込みます（Ctrl+F）</source>
        <translation>Filters by system name, ID, department, vendor, SaaS candidate, notes and workloads (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="581"/>
        <source>すべての系統</source>
        <translation>All tiers</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="587"/>
        <location filename="../../ui/inventory_table.py" line="826"/>
        <source>すべての所属</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="591"/>
        <source>絞り込み:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="709"/>
        <source>{0} は変更していません。{1}</source>
        <translation>{0} was not changed. {1}</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="743"/>
        <location filename="../../ui/inventory_table.py" line="797"/>
        <source>{0} / {1} 件</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="103"/>
        <source>システムID</source>
        <translation>System ID</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="104"/>
        <source>システム名</source>
        <translation>System name</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="105"/>
        <source>所管所属</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="106"/>
        <source>系統</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="107"/>
        <source>サーバ台数</source>
        <translation>Servers</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="109"/>
        <source>標準化対象業務</source>
        <translation>Standardization workloads</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="114"/>
        <source>住民基本系</source>
        <translation>Resident records</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="115"/>
        <source>SaaS候補</source>
        <translation>SaaS candidate</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="116"/>
        <source>SaaS適合</source>
        <translation>SaaS fit</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="117"/>
        <source>クラウド化阻害要因</source>
        <translation>Cloud blocker</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="118"/>
        <source>次期更新年度</source>
        <translation>Next renewal FY</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="119"/>
        <source>年間運用経費（千円）</source>
        <translation>Annual running cost (thousand yen)</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="120"/>
        <source>移行経費見込（千円）</source>
        <translation>Est. migration cost (thousand yen)</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="121"/>
        <source>予算要求</source>
        <translation>Budget request</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="122"/>
        <source>規模</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="123"/>
        <source>保守事業者</source>
        <translation>Maintenance vendor</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="124"/>
        <source>連携先</source>
        <translation>Linked systems</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="125"/>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>IssueListDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="34"/>
        <source>種別</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="34"/>
        <source>シート</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="34"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="34"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="34"/>
        <source>値</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="34"/>
        <source>内容</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="39"/>
        <source>エラー</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="39"/>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="47"/>
        <source>すべてコピー</source>
        <translation>Copy All</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../../ui/workers.py" line="138"/>
        <source>キャンセル</source>
        <extracomment>The interpreter&apos;s switch interval while any worker runs (see the module docstring); Python&apos;s default is 5 ms. At 1 ms one repaint of the table during an export still took 0.7–0.9 s.</extracomment>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/workers.py" line="157"/>
        <source>キャンセルしています…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="60"/>
        <source>振り分けボード</source>
        <extracomment>What the full open of a plan imports, one module a turn of the event loop, so that the window answers input in between (SQLAlchemy&apos;s core alone takes about a fifth of a second). Feature tabs, created the first time they are shown (start-up does not import matplotlib). (module, class, title). A module that is not there yet is skipped. The titles are translated where the tabs are made (self.tr); QT_TRANSLATE_NOOP lists them for lupdate.</extracomment>
        <translation>Placement Board</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="61"/>
        <source>振り分けグラフ</source>
        <translation>Placement Chart</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="62"/>
        <source>標準化スケジュール</source>
        <translation>Standardization Schedule</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="63"/>
        <source>補助金試算</source>
        <translation>Subsidy What-If</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>システム一覧</source>
        <extracomment>The window&apos;s size on a first start, where the screen has room for it.</extracomment>
        <translation>Systems</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193"/>
        <source>新規(&amp;N)…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193"/>
        <source>新しいプランを作ります</source>
        <translation>Create a new plan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194"/>
        <source>開く(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194"/>
        <source>プランを開きます</source>
        <translation>Open a plan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195"/>
        <source>取り込み(&amp;I)…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195"/>
        <source>システム一覧（.xlsx）を取り込みます</source>
        <translation>Import a system inventory (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="197"/>
        <source>進捗表の取り込み(&amp;P)…</source>
        <translation>Import &amp;Progress Sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <source>標準化対象業務の進捗表（.xlsx）を取り込みます（元に戻せます）</source>
        <translation>Import the progress sheet (.xlsx) of the standardization workloads (can be undone)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <source>終了(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <source>プログラムを終了します</source>
        <translation>Quit the program</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204"/>
        <source>元に戻す(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207"/>
        <source>やり直し(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210"/>
        <source>絞り込み(&amp;F)</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212"/>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>最近使ったプラン(&amp;R)</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>編集(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231"/>
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242"/>
        <source>バージョン情報(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="244"/>
        <source>ツールバー</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>この画面を表示できません：{0}</source>
        <translation>This view cannot be shown: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="324"/>
        <source>プランを開けません</source>
        <translation>Cannot Open Plan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="336"/>
        <source>プランを開いています…</source>
        <translation>Opening the plan…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="407"/>
        <location filename="../../ui/main_window.py" line="415"/>
        <source>新しいプラン</source>
        <translation>New Plan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="408"/>
        <source>移行計画プラン (*{0})</source>
        <translation>Migration plans (*{0})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="415"/>
        <source>「{0}」はすでにあります。別の名前を選んでください。</source>
        <translation>“{0}” already exists. Please choose another name.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="418"/>
        <source>新しいプランを作りました。ファイル → 取り込み でシステム一覧を読み込んでください。</source>
        <translation>New plan created. Use File → Import to load a system inventory.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="422"/>
        <source>プランを開く</source>
        <translation>Open Plan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="423"/>
        <source>移行計画プラン (*{0});;すべてのファイル (*)</source>
        <translation>Migration plans (*{0});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="493"/>
        <source>プラン: {0}</source>
        <extracomment>system_id → name of the plan&apos;s systems, as the detail panel shows links (set by :meth:`reload`).</extracomment>
        <translation>Plan: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="567"/>
        <source>すべての移行先</source>
        <translation>All destinations</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="569"/>
        <source>すべてのシステム</source>
        <translation>All systems</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="570"/>
        <source>市が先に検討するシステム：次年度予算要求あり、2年度以内に更新、規模の大きいもの</source>
        <translation>Systems the city reviews first: budget request for next year, renewal within two fiscal years, large scale</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="625"/>
        <source>表示 {0} / 全 {1} システム　サーバ {2:,} 台　年間運用経費 {3:,} 千円</source>
        <translation>Showing {0} of {1} systems    Servers: {2:,}    Annual running cost: {3:,} thousand yen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="635"/>
        <source>システム一覧を取り込む</source>
        <extracomment>(servers, annual cost) of the rows shown, as the status bar last showed them.</extracomment>
        <translation>Import System Inventory</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="636"/>
        <location filename="../../ui/main_window.py" line="718"/>
        <source>Excelブック (*.xlsx *.xlsm);;すべてのファイル (*)</source>
        <translation>Excel workbooks (*.xlsx *.xlsm);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="650"/>
        <location filename="../../ui/main_window.py" line="673"/>
        <source>取り込み</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="650"/>
        <source>先にプランを作るか開いてください。</source>
        <translation>Please create or open a plan first.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="668"/>
        <source>「{0}」を読み込んでいます</source>
        <translation>Reading “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="673"/>
        <source>「{0}」の内容はプランと同じです。変更はありません。</source>
        <translation>“{0}” matches the plan. Nothing has changed.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="683"/>
        <source>取り込みを取りやめました。プランは変わっていません。</source>
        <translation>Import cancelled. The plan is unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="698"/>
        <source>「{0}」の取り込み</source>
        <translation>Import of “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="701"/>
        <source>「{0}」を取り込みました（{1}）。</source>
        <translation>Imported “{0}” ({1}).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="703"/>
        <source> 警告 {0} 件。</source>
        <translation> Warnings: {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="706"/>
        <source>取り込みの警告</source>
        <translation>Import Warnings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="713"/>
        <source>プランに保存しています</source>
        <translation>Saving to the plan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="718"/>
        <source>進捗表を取り込む</source>
        <translation>Import Progress Sheet</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="739"/>
        <source>進捗表「{0}」の取り込み</source>
        <translation>Import progress sheet “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="742"/>
        <source>「{0}」から {1} 業務の進捗を取り込みました（シート「{2}」）。</source>
        <translation>Imported progress for {1} workload(s) from “{0}” (sheet “{2}”).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="749"/>
        <source>「{0}」の進捗を読み込んでいます</source>
        <translation>Reading progress from “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="758"/>
        <source>取り込みエラー</source>
        <translation>Import Errors</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="759"/>
        <source>「{0}」に {1} 件のエラーがあります。プランには何も書き込んでいません。Excelで直してから、もう一度取り込んでください。</source>
        <translation>“{0}” has {1} error(s). Nothing was written to the plan. Fix them in Excel, then import again.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="766"/>
        <location filename="../../ui/main_window.py" line="771"/>
        <source>取り込めません</source>
        <translation>Cannot Import</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="768"/>
        <source>プランに保存できません</source>
        <translation>Cannot Save to the Plan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="772"/>
        <source>予期しないエラーで取り込めませんでした。プランは変わっていません。
{0}: {1}</source>
        <translation>The import failed with an unexpected error. The plan is unchanged.
{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="835"/>
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="854"/>
        <source>処理の途中です。中止して終了しますか？（プランは処理前の状態のまま残ります）</source>
        <translation>A task is still running. Stop it and exit? (The plan stays as it was before the task.)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="875"/>
        <source>バージョン情報</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="876"/>
        <source>&lt;h3&gt;{0}&lt;/h3&gt;&lt;p&gt;バージョン {1}&lt;/p&gt;&lt;p&gt;大阪市 デジタル統括室のシステム刷新計画・標準化対応のための計画ツール。&lt;/p&gt;&lt;p&gt;日本語フォント：IPAexゴシック（IPAフォントライセンス v1.0）&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{0}&lt;/h3&gt;&lt;p&gt;Version {1}&lt;/p&gt;&lt;p&gt;A planning tool for Osaka City Digital Office&apos;s system renewal and standardization programme.&lt;/p&gt;&lt;p&gt;Japanese font: IPAexGothic (IPA Font License v1.0)&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="103"/>
        <source>システムID</source>
        <translation>System ID</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="104"/>
        <source>システム名</source>
        <translation>System name</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="105"/>
        <source>所管所属</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="106"/>
        <source>系統</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="107"/>
        <source>サーバ台数</source>
        <translation>Servers</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="109"/>
        <source>標準化対象業務</source>
        <translation>Standardization workloads</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="114"/>
        <source>住民基本系</source>
        <translation>Resident records</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="115"/>
        <source>SaaS候補</source>
        <translation>SaaS candidate</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="116"/>
        <source>SaaS適合</source>
        <translation>SaaS fit</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="117"/>
        <source>クラウド化阻害要因</source>
        <translation>Cloud blocker</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="118"/>
        <source>次期更新年度</source>
        <translation>Next renewal FY</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="119"/>
        <source>年間運用経費（千円）</source>
        <translation>Annual running cost (thousand yen)</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="120"/>
        <source>移行経費見込（千円）</source>
        <translation>Est. migration cost (thousand yen)</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="121"/>
        <source>予算要求</source>
        <translation>Budget request</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="122"/>
        <source>規模</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="123"/>
        <source>保守事業者</source>
        <translation>Maintenance vendor</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="124"/>
        <source>連携先</source>
        <translation>Linked systems</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="125"/>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="765"/>
        <source>手動・要確認</source>
        <translation>Manual · review</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="765"/>
        <source>手動</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="771"/>
        <source>理由：{0}
変更者：{1}
自動判定：{2}</source>
        <translation>Reason: {0}
Changed by: {1}
Automatic: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77"/>
        <location filename="../../ui/placement_board.py" line="775"/>
        <source>移行先</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77"/>
        <location filename="../../ui/placement_board.py" line="780"/>
        <source>判定ステップ</source>
        <translation>Rule step</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="78"/>
        <location filename="../../ui/placement_board.py" line="782"/>
        <source>手動設定</source>
        <translation>Override</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>変更をプランファイルに保存します</source>
        <translation>Save the changes to the plan file</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>名前を付けて保存(&amp;A)…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202"/>
        <source>プランを別の名前のファイルに保存します</source>
        <translation>Save the plan to a file under another name</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="614"/>
        <source>編集は作業用コピーに自動で保存されています。プランファイルへは「保存」で書き込みます。</source>
        <translation>Edits are saved automatically to a working copy. “Save” writes them to the plan file.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="619"/>
        <source>自動保存 {0}</source>
        <translation>Autosaved {0}</translation>
    </message>
</context>
<context>
    <name>PlacementBoard</name>
    <message>
        <location filename="../../ui/placement_board.py" line="454"/>
        <source>優先して検討するグループ：</source>
        <translation>Review first:</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="456"/>
        <source>予算要求あり</source>
        <translation>Budget requested</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="457"/>
        <source>2年度以内に更新</source>
        <translation>Renewal within 2 FYs</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="458"/>
        <source>規模 大</source>
        <translation>Large scale</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="481"/>
        <source>カードを別の列へドラッグすると移行先を変更できます（理由が必要です）。右クリックでも変更・解除できます。</source>
        <translation>Drag a card to another column to change its destination (a reason is required). Right-click to change or clear an override.</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="552"/>
        <source>{0}システム表示（全{1}）・手動設定 {2}件</source>
        <translation>Showing {0} of {1} systems · {2} overridden</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="554"/>
        <source>・要確認 {0}件</source>
        <translation> · {0} to review</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="622"/>
        <source> ほか{0}件</source>
        <translation> and {0} more</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="623"/>
        <source>{0} の移行先を「{1}」に変更します。理由を入力してください。</source>
        <translation>Changing the destination of {0} to “{1}”. Please enter a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="649"/>
        <source>移行先を変更できません</source>
        <translation>Cannot Change Destination</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="651"/>
        <source>{0}件の移行先を {1} に変更</source>
        <translation>Change destination of {0} system(s) to {1}</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="700"/>
        <source>移行先を変更</source>
        <translation>Change Destination</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="708"/>
        <source>手動設定を解除（自動判定「{0}」に戻す）</source>
        <translation>Clear Override (back to automatic “{0}”)</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="711"/>
        <source>入力の変更を確認済みにする（手動設定を維持）</source>
        <translation>Mark Input Changes as Reviewed (keep override)</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="825"/>
        <source>変更履歴</source>
        <translation>Change history</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="78"/>
        <source>ガバメントクラウド</source>
        <translation>Gov-Cloud</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="79"/>
        <source>SaaS</source>
        <translation>SaaS</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="80"/>
        <source>大阪市共通クラウド</source>
        <translation>Osaka City common cloud</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="81"/>
        <source>オンプレミス</source>
        <translation>On-premises</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="89"/>
        <source>{0}千円</source>
        <translation>{0} thousand yen</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="90"/>
        <source>{0}百万円</source>
        <translation>{0} million yen</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="273"/>
        <source>手動設定：{0}（{1}、{2}）</source>
        <translation>Override: {0} ({1}, {2})</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="275"/>
        <source>自動判定：{0}</source>
        <translation>Automatic: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="277"/>
        <location filename="../../ui/placement_board.py" line="804"/>
        <source>要確認：手動設定の後に判定の入力が変わりました</source>
        <translation>Review: the inputs to the rules changed after the override</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="315"/>
        <source>要確認</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="317"/>
        <source>手動</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="319"/>
        <source>SaaS適合 未検討</source>
        <translation>SaaS fit not assessed</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="344"/>
        <source>サーバ {0}台</source>
        <translation>{0} servers</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="422"/>
        <source>（未記入 {0}件）</source>
        <translation> ({0} blank)</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="425"/>
        <source>{0}システム・サーバ {1}台</source>
        <translation>{0} systems · {1} servers</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="426"/>
        <source>年間運用経費 {0}</source>
        <translation>Annual running cost {0}</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="428"/>
        <source>年間運用経費は千円単位の入力の合計です。</source>
        <translation>The annual running cost is the sum of the entered amounts (in thousand yen).</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="799"/>
        <source>（手動設定。自動判定は{0}）</source>
        <translation> (overridden; automatic: {0})</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="806"/>
        <source>手動設定の理由：{0}</source>
        <translation>Reason for override: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="814"/>
        <source>移行先の判定</source>
        <translation>Destination decision</translation>
    </message>
</context>
<context>
    <name>PlacementChart</name>
    <message>
        <location filename="../../ui/placement_chart.py" line="53"/>
        <source>グラフを準備しています…</source>
        <translation>Preparing the chart…</translation>
    </message>
    <message>
        <location filename="../../ui/placement_chart.py" line="96"/>
        <source>移行先別・系統別のシステム数</source>
        <translation>Systems by destination and tier</translation>
    </message>
    <message>
        <location filename="../../ui/placement_chart.py" line="97"/>
        <source>システム数</source>
        <translation>Systems</translation>
    </message>
    <message>
        <location filename="../../ui/placement_chart.py" line="108"/>
        <source>移行年度（次期更新年度）別のシステム数</source>
        <translation>Systems by migration FY (next renewal FY)</translation>
    </message>
    <message>
        <location filename="../../ui/placement_chart.py" line="109"/>
        <source>年度</source>
        <translation>FY</translation>
    </message>
    <message>
        <location filename="../../ui/placement_chart.py" line="116"/>
        <source>システムがありません（システム一覧を取り込んでください）</source>
        <translation>No systems (import a system inventory)</translation>
    </message>
    <message>
        <location filename="../../ui/placement_chart.py" line="36"/>
        <source>未定</source>
        <translation>TBD</translation>
    </message>
</context>
<context>
    <name>PlanSession</name>
    <message>
        <location filename="../../ui/recovery.py" line="202"/>
        <source>元に戻す：{0}</source>
        <extracomment>Edits listed in a message box; the rest are under 詳細.</extracomment>
        <translation>Undone: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="239"/>
        <source>元に戻せない変更（取り込みなど）</source>
        <translation>A change that cannot be undone (such as an import)</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="305"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="312"/>
        <source>ほか {0} 件（詳細を表示）</source>
        <translation>and {0} more (see Show Details)</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="319"/>
        <source>前回、保存されずに終了した編集があります（{0} 件、最終 {1}）。復元しますか？</source>
        <translation>The last session ended with unsaved edits ({0} edit(s), the last at {1}). Restore them?</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="321"/>
        <source>前回、保存されずに終了した編集があります（最終 {0}）。復元しますか？</source>
        <translation>The last session ended with unsaved edits (the last at {0}). Restore them?</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="324"/>
        <source>復元：その編集の続きから始めます（プランファイルにはまだ保存されていません）。
破棄：その編集を捨てて、保存されているプランを開きます。</source>
        <translation>Restore: carry on from those edits (they are not saved to the plan file yet).
Discard: throw those edits away and open the saved plan.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="326"/>
        <source>編集の復元</source>
        <translation>Restore Edits</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="328"/>
        <source>復元</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="329"/>
        <source>破棄</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="330"/>
        <location filename="../../ui/recovery.py" line="343"/>
        <location filename="../../ui/recovery.py" line="489"/>
        <location filename="../../ui/recovery.py" line="550"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="336"/>
        <source>プランを開く</source>
        <translation>Open Plan</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="337"/>
        <source>プラン「{0}」は、このプログラムの別のウィンドウで開かれています（{1} から）。</source>
        <translation>Plan “{0}” is open in another window of this program (since {1}).</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="339"/>
        <source>このまま開くと、両方のウィンドウで別々に編集することになります。あとから保存するときに、先に保存された内容を上書きするかどうかを確認します。</source>
        <translation>If you open it anyway, the two windows will edit it separately. When you save later, you will be asked whether to overwrite what the other window saved first.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="342"/>
        <source>このまま開く</source>
        <translation>Open Anyway</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="387"/>
        <source>プランを開けません</source>
        <translation>Cannot Open Plan</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="394"/>
        <source>前回の編集を復元しました。まだ保存されていません（Ctrl+S で保存）。</source>
        <translation>Restored the edits from the last session. They are not saved yet (Ctrl+S to save).</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="410"/>
        <location filename="../../ui/recovery.py" line="424"/>
        <source>編集を復元できません</source>
        <translation>Cannot Restore Edits</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="411"/>
        <source>前回、保存されずに終了した編集がありますが、復元できません（{0}）。保存されているプランを開きます。</source>
        <translation>The last session ended with unsaved edits, but they cannot be restored ({0}). Opening the saved plan.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="425"/>
        <source>前回の編集を復元できません（{0}）。保存されているプランを開きます。</source>
        <translation>The edits from the last session cannot be restored ({0}). Opening the saved plan.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="475"/>
        <location filename="../../ui/recovery.py" line="511"/>
        <source>保存できません</source>
        <translation>Cannot Save</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="483"/>
        <location filename="../../ui/recovery.py" line="548"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="484"/>
        <source>プラン「{0}」は、開いたあとでほかのプログラム（コマンドラインや別のウィンドウ）によって変更されています。</source>
        <translation>Plan “{0}” has been changed by another program (the command line or another window) since you opened it.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="485"/>
        <source>上書きして保存すると、その変更は失われます。別の名前で保存することもできます。</source>
        <translation>If you overwrite it, those changes will be lost. You can also save under another name.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="487"/>
        <source>上書き保存</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="488"/>
        <source>名前を付けて保存…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="498"/>
        <source>名前を付けて保存</source>
        <translation>Save As</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="499"/>
        <source>移行計画プラン (*{0})</source>
        <translation>Migration plans (*{0})</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="526"/>
        <source>「{0}」に保存しました。</source>
        <translation>Saved to “{0}”.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="543"/>
        <source>変更を保存しますか？</source>
        <translation>Save your changes?</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="544"/>
        <source>プラン「{0}」に、保存されていない変更が {1} 件あります。</source>
        <translation>Plan “{0}” has {1} unsaved change(s).</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="549"/>
        <source>保存しない</source>
        <translation>Don&apos;t Save</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/placement_board.py" line="132"/>
        <source>移行先の変更</source>
        <extracomment>Lane colours (header band and card edge), calm and distinguishable in grey scale too.</extracomment>
        <translation>Change Destination</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="140"/>
        <source>理由（必須）：例）特殊機器と直結しているため共通クラウドへは移せない</source>
        <translation>Reason (required): e.g. wired directly to special equipment, so it cannot move to the common cloud</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="143"/>
        <source>理由は変更者・日時とともに履歴に残ります。</source>
        <translation>The reason is kept in the history with who changed it and when.</translation>
    </message>
</context>
<context>
    <name>ScheduleEditors</name>
    <message>
        <location filename="../../ui/schedule_editors.py" line="23"/>
        <source>独自開発（カスタマイズ）</source>
        <translation>Custom-built (customized)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_editors.py" line="24"/>
        <source>標準準拠製品の提供が間に合わない</source>
        <translation>No standard-compliant product in time</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_editors.py" line="25"/>
        <source>メインフレーム</source>
        <translation>Mainframe</translation>
    </message>
</context>
<context>
    <name>ScheduleTableModel</name>
    <message>
        <location filename="../../ui/schedule_view.py" line="88"/>
        <source>業務</source>
        <translation>Workload</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="88"/>
        <source>システム</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="88"/>
        <source>開始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="88"/>
        <source>完了（稼働）</source>
        <translation>Finish (go-live)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="89"/>
        <source>余裕（営業日）</source>
        <translation>Slack (working days)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="89"/>
        <source>進捗</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="89"/>
        <source>P(期限内)</source>
        <translation>P(on time)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="89"/>
        <source>P(延長期限内)</source>
        <translation>P(by extended deadline)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="90"/>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="90"/>
        <source>要因</source>
        <translation>Driver</translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
    <message>
        <location filename="../../ui/schedule_view.py" line="374"/>
        <source>ベンダごとの同時移行数 </source>
        <extracomment>Re-plan on the GUI thread (then Monte Carlo in the background) while the plan is this small: the 20 workloads&apos; ≈ 900 tasks take ≈ 15 ms. A larger task graph, or an inventory so large that reading its systems takes long, is re-planned wholly in the background (latest edit wins). Size, not a measured time, decides, so that the same edit behaves the same on a busy machine.</extracomment>
        <translation>Concurrent migrations per vendor: </translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="381"/>
        <source>連携を追加</source>
        <translation>Add Link</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="382"/>
        <source>連携を削除</source>
        <translation>Remove Link</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="391"/>
        <source>提供元</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="402"/>
        <source>モンテカルロ（1万回）</source>
        <translation>Monte Carlo (10,000 runs)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="403"/>
        <source>所要日数のばらつきを1万回試行して P(期限内) を求め直します（中止できます）</source>
        <translation>Recompute P(on time) from 10,000 trials of varying durations (can be cancelled)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="426"/>
        <source>依存関係</source>
        <translation>Dependencies</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="427"/>
        <source>ガント</source>
        <translation>Gantt</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="428"/>
        <source>一覧</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="434"/>
        <source>業務をクリックすると計画を表示します</source>
        <translation>Click a workload to show its plan</translation>
    </message>
    <message>
        <source>手順</source>
        <translation type="vanished">Step</translation>
    </message>
    <message>
        <source>状況</source>
        <translation type="vanished">Status</translation>
    </message>
    <message>
        <source>開始</source>
        <translation type="vanished">Start</translation>
    </message>
    <message>
        <source>完了</source>
        <translation type="vanished">Finish</translation>
    </message>
    <message>
        <source>日数</source>
        <translation type="vanished">Days</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="440"/>
        <source>所要日数を編集…</source>
        <translation>Edit Durations…</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="498"/>
        <source>再計算中…</source>
        <translation>Recalculating…</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="510"/>
        <source>P(期限内)：計算中…</source>
        <translation>P(on time): calculating…</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="538"/>
        <source>スケジュールを計算できませんでした：{0}</source>
        <translation>Could not compute the schedule: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="558"/>
        <source>シミュレーションに失敗しました：{0}</source>
        <translation>The simulation failed: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="560"/>
        <source>モンテカルロ・シミュレーション（{0} 回）</source>
        <translation>Monte Carlo simulation ({0} runs)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="563"/>
        <source>P(期限内)：モンテカルロ {0} 回を計算中…</source>
        <translation>P(on time): running Monte Carlo, {0} runs…</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="573"/>
        <source>P(期限内)：モンテカルロ {0} 回（乱数の種 {1}）</source>
        <translation>P(on time): Monte Carlo, {0} runs (seed {1})</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="662"/>
        <source>その連携はありません。</source>
        <translation>There is no such link.</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="674"/>
        <location filename="../../ui/schedule_view.py" line="676"/>
        <source>進捗を変更：</source>
        <translation>Change progress: </translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="674"/>
        <source>手順{0}</source>
        <translation>step {0}</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="677"/>
        <source>{0}手順</source>
        <translation>{0} steps</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="705"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="706"/>
        <source>稼働 </source>
        <translation>Go-live </translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="706"/>
        <source>進捗 </source>
        <translation>Progress </translation>
    </message>
</context>
<context>
    <name>StepsDelegate</name>
    <message>
        <location filename="../../ui/schedule_steps.py" line="181"/>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_steps.py" line="193"/>
        <source>基準日</source>
        <translation>As of</translation>
    </message>
</context>
<context>
    <name>StepsModel</name>
    <message>
        <location filename="../../ui/schedule_steps.py" line="90"/>
        <source>手順</source>
        <extracomment>The date editor&apos;s minimum stands for &quot;no date&quot; (shown as —).</extracomment>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_steps.py" line="90"/>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_steps.py" line="90"/>
        <source>基準日</source>
        <translation>As of</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_steps.py" line="90"/>
        <source>開始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_steps.py" line="90"/>
        <source>完了</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_steps.py" line="91"/>
        <source>日数</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_steps.py" line="91"/>
        <source>余裕（営業日）</source>
        <translation>Slack (working days)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_steps.py" line="153"/>
        <source>ダブルクリックまたはF2で編集（Enterで確定）</source>
        <translation>Double-click or press F2 to edit (Enter to confirm)</translation>
    </message>
</context>
<context>
    <name>StepsTable</name>
    <message>
        <location filename="../../ui/schedule_steps.py" line="234"/>
        <source>手順と進捗</source>
        <translation>Steps and progress</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_steps.py" line="238"/>
        <source>選択した手順の状況</source>
        <translation>Status of the selected steps</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_steps.py" line="243"/>
        <source>選択した手順の基準日</source>
        <translation>As-of date of the selected steps</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_steps.py" line="244"/>
        <source>選択した手順に設定</source>
        <translation>Apply to Selected Steps</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_steps.py" line="245"/>
        <source>表で選んだ手順（Shift/Ctrl+矢印で複数選択）の状況と基準日をまとめて設定します</source>
        <translation>Set the status and as-of date of all the steps selected in the table at once (Shift/Ctrl+arrow keys select several)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_steps.py" line="248"/>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_steps.py" line="250"/>
        <source>基準日</source>
        <translation>As of</translation>
    </message>
</context>
<context>
    <name>SubsidyChart</name>
    <message>
        <location filename="../../ui/subsidy_view.py" line="388"/>
        <source>グラフを準備しています…</source>
        <extracomment>What ``ParamEditCommand.id`` returns: QUndoStack offers the step just done ``mergeWith`` the next.</extracomment>
        <translation>Preparing the chart…</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="413"/>
        <source>プランを開いてください</source>
        <translation>Please open a plan</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="423"/>
        <source>補助対象経費</source>
        <translation>Eligible costs</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="424"/>
        <source>補助</source>
        <translation>Subsidy</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="425"/>
        <source>対象外（関連作業）</source>
        <translation>Ineligible (related work)</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="426"/>
        <source>並行運用</source>
        <translation>Parallel running</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="427"/>
        <source>不足額（市の負担）</source>
        <translation>Shortfall (city&apos;s share)</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="435"/>
        <source>経費 → 補助 → 不足額</source>
        <translation>Costs → subsidy → shortfall</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="443"/>
        <source>補助で賄う</source>
        <translation>Covered by subsidy</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="444"/>
        <source>市負担：対象経費の残り</source>
        <translation>City&apos;s share: rest of eligible costs</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="445"/>
        <source>市負担：対象外</source>
        <translation>City&apos;s share: ineligible</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="446"/>
        <source>市負担：並行運用</source>
        <translation>City&apos;s share: parallel running</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="453"/>
        <source>年度別の経費と負担</source>
        <translation>Costs and city&apos;s share by fiscal year</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="464"/>
        <source>範囲の下限</source>
        <translation>Low end of range</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="465"/>
        <source>範囲の上限</source>
        <translation>High end of range</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="468"/>
        <source>不足額を最も動かす前提（トルネード図）</source>
        <translation>Assumptions that move the shortfall most (tornado chart)</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="469"/>
        <source>不足額（{0}）</source>
        <translation>Shortfall ({0})</translation>
    </message>
</context>
<context>
    <name>SubsidyEditors</name>
    <message>
        <location filename="../../ui/subsidy_editors.py" line="87"/>
        <source>業務</source>
        <translation>Workload</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_editors.py" line="87"/>
        <source>重み</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_editors.py" line="87"/>
        <source>配分された移行経費</source>
        <translation>Allocated migration cost</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_editors.py" line="87"/>
        <source>配分された年間運用経費</source>
        <translation>Allocated annual running cost</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_editors.py" line="88"/>
        <source>担当システム（移行経費見込）</source>
        <translation>Systems (est. migration cost)</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_editors.py" line="88"/>
        <source>配分の説明</source>
        <translation>How it is allocated</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_editors.py" line="106"/>
        <source>この業務を担当するシステムが在庫表にありません（移行経費0円）。</source>
        <translation>No system in the inventory carries this workload (migration cost: 0 yen).</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_editors.py" line="110"/>
        <source>{0} {1} をこの業務だけで負担</source>
        <translation>{0} {1}, borne by this workload alone</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_editors.py" line="112"/>
        <source>{0} {1} × {2:g}/{3:g} = {4}</source>
        <translation>{0} {1} × {2:g}/{3:g} = {4}</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_editors.py" line="135"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_editors.py" line="148"/>
        <source>配分ルールを「重み付け」にすると重みを編集できます（均等割ではすべて1）。</source>
        <translation>Set the allocation rule to “weighted” to edit the weights (under an equal split, every weight is 1).</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_editors.py" line="198"/>
        <source>関連作業</source>
        <translation>Related work</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_editors.py" line="198"/>
        <source>システムID</source>
        <translation>System ID</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_editors.py" line="198"/>
        <source>システム名</source>
        <translation>System name</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_editors.py" line="198"/>
        <source>移行経費見込</source>
        <translation>Est. migration cost</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_editors.py" line="199"/>
        <source>連携する標準化対象業務</source>
        <translation>Linked standardization workloads</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_editors.py" line="199"/>
        <source>補助対象外経費</source>
        <translation>Ineligible costs</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_editors.py" line="199"/>
        <source>説明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_editors.py" line="256"/>
        <source>数える</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_editors.py" line="262"/>
        <source>未記入</source>
        <translation>Blank</translation>
    </message>
</context>
<context>
    <name>SubsidyView</name>
    <message>
        <location filename="../../ui/subsidy_view.py" line="518"/>
        <source> 億円</source>
        <translation> ×100M yen</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="518"/>
        <source> 倍</source>
        <translation> ×</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="519"/>
        <source> か月</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="587"/>
        <location filename="../../ui/subsidy_view.py" line="1104"/>
        <location filename="../../ui/subsidy_view.py" line="1159"/>
        <source>シナリオ</source>
        <extracomment>The rules: their choices and the input tab they sit on (the related-work rule above its list). The rules whose current choice is explained in a line under the choice (texts in ``_rule_notes``).</extracomment>
        <translation>Scenario</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="595"/>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="596"/>
        <source>複製</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="597"/>
        <source>名前変更</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="598"/>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="638"/>
        <source>（円）</source>
        <translation>(yen)</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="638"/>
        <source>（億円）</source>
        <translation>(×100M yen)</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="641"/>
        <source> 年</source>
        <translation> yr</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="679"/>
        <source>前提</source>
        <translation>Assumptions</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="692"/>
        <source>業務への配分</source>
        <translation>Allocation to workloads</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="699"/>
        <source>システムIDまたは名前で絞り込み</source>
        <translation>Filter by system ID or name</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="702"/>
        <source>絞り込み</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="715"/>
        <source>関連作業</source>
        <translation>Related work</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="721"/>
        <source>金額の単位</source>
        <translation>Amount unit</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="731"/>
        <source>結果</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="762"/>
        <source>経費→補助→不足額</source>
        <translation>Costs → subsidy → shortfall</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="763"/>
        <source>年度別</source>
        <translation>By fiscal year</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="764"/>
        <source>感度（トルネード）</source>
        <translation>Sensitivity (tornado)</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="768"/>
        <source>年度別の表</source>
        <translation>Table by fiscal year</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="768"/>
        <source>業務別の表</source>
        <translation>Table by workload</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="769"/>
        <source>シナリオ比較</source>
        <translation>Scenario comparison</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="787"/>
        <source>既定。遅れた1か月ごとに旧システムを動かし続ける費用（現行の運用経費の12分の1）を数えます。新環境の運用経費は期限どおりでも期限後に払うため、遅れで増えるのは旧システムの分です。</source>
        <translation>Default. Each month of delay counts the cost of keeping the old system running (1/12 of the current annual running cost). The new environment&apos;s running cost is paid after the deadline even when on time, so what a delay adds is the old system&apos;s cost.</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="789"/>
        <source>遅れた1か月ごとに新環境（ガバメントクラウド）の運用経費（現行 × 倍率の12分の1）を数えます。旧システムの経費は通常予算で続くとみる見方で、期限どおりでも払う新環境の経費を遅れの費用に含めます。</source>
        <translation>Each month of delay counts the running cost of the new environment (Gov-Cloud): 1/12 of current × multiplier. This view assumes the old system&apos;s cost carries on under the regular budget, and counts as a cost of delay the new environment&apos;s cost that would be paid even when on time.</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="791"/>
        <source>遅れた1か月ごとに新旧両方の運用経費（現行 × (1 + 倍率) の12分の1）を数えます（最も大きく見る見方）。</source>
        <translation>Each month of delay counts the running costs of both old and new (1/12 of current × (1 + multiplier)): the highest estimate.</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="794"/>
        <source>複数の業務を担うシステムの経費を、その業務に均等に分けます（例：4業務なら1/4ずつ）。</source>
        <translation>Splits the costs of a system that carries several workloads equally among them (e.g. 1/4 each for 4 workloads).</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="795"/>
        <source>下の表の重みの比で分けます（重み0の業務は0円、指定しない業務は1）。重みのセルをダブルクリックして編集します。</source>
        <translation>Splits the costs in proportion to the weights in the table below (a workload with weight 0 gets 0 yen; one without a weight counts as 1). Double-click a weight cell to edit it.</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="798"/>
        <source>標準化対象システムと連携する対象外システムを自動で数えます。下の表でチェックを外すと除外、ほかのシステムにチェックすると追加します。</source>
        <translation>Counts automatically the out-of-scope systems linked with standardization systems. In the table below, uncheck a system to exclude it, or check another system to add it.</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="800"/>
        <source>下の表でチェックしたシステムだけを数えます。</source>
        <translation>Counts only the systems checked in the table below.</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="801"/>
        <source>関連作業を数えません（補助対象外経費は追加の関連作業費だけになります）。</source>
        <translation>Counts no related work (ineligible costs are then only the additional related-work costs).</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="997"/>
        <source>配分の重み（{0}）</source>
        <translation>Allocation weight ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="1003"/>
        <source>関連作業（{0}）</source>
        <translation>Related work ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="1025"/>
        <source>プランに保存できなかったため、変更を取り消しました（{0}）。</source>
        <translation>The change could not be saved to the plan, so it was reverted ({0}).</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="1042"/>
        <source>工程表を計算しています…（それまではシナリオの遅延月数だけで計算）</source>
        <translation>Computing the schedule… (until then, only the scenario&apos;s months of delay are used)</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="1110"/>
        <source>シナリオ名：</source>
        <translation>Scenario name:</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="1120"/>
        <source>シナリオの追加</source>
        <translation>Add Scenario</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="1131"/>
        <source>シナリオの複製</source>
        <translation>Duplicate Scenario</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="1149"/>
        <source>シナリオ名の変更</source>
        <translation>Rename Scenario</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="1159"/>
        <source>ベースラインは削除できません。</source>
        <translation>The baseline cannot be deleted.</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="202"/>
        <source>（基準）</source>
        <translation> (baseline)</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="204"/>
        <source>ベースライン：削除できません</source>
        <translation>Baseline: cannot be deleted</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="230"/>
        <source>年度</source>
        <translation>FY</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="231"/>
        <location filename="../../ui/subsidy_view.py" line="241"/>
        <source>補助対象経費</source>
        <translation>Eligible costs</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="232"/>
        <location filename="../../ui/subsidy_view.py" line="242"/>
        <source>補助</source>
        <translation>Subsidy</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="233"/>
        <source>補助対象外</source>
        <translation>Ineligible</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="234"/>
        <location filename="../../ui/subsidy_view.py" line="244"/>
        <source>並行運用</source>
        <translation>Parallel running</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="235"/>
        <location filename="../../ui/subsidy_view.py" line="245"/>
        <source>市の負担</source>
        <translation>City&apos;s share</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="236"/>
        <location filename="../../ui/subsidy_view.py" line="246"/>
        <source>説明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="240"/>
        <source>業務</source>
        <translation>Workload</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="243"/>
        <source>遅れ（か月）</source>
        <translation>Delay (months)</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="366"/>
        <source>項目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="371"/>
        <source>差（{0}）</source>
        <translation>Difference ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="321"/>
        <source>異なる</source>
        <translation>Differs</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="354"/>
        <source>「{0}」の値 − 基準「{1}」の値</source>
        <translation>Value in “{0}” − value in baseline “{1}”</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="358"/>
        <source>シナリオ「{0}」の前提</source>
        <translation>Assumption of scenario “{0}”</translation>
    </message>
</context>
<context>
    <name>SystemDetail</name>
    <message>
        <location filename="../../ui/system_detail.py" line="77"/>
        <source>表でシステムを選ぶと、ここに詳細が表示されます。</source>
        <translation>Select a system in the table to see its details here.</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="92"/>
        <source>システムID</source>
        <translation>System ID</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="93"/>
        <source>所管所属</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="94"/>
        <source>系統</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="95"/>
        <source>サーバ台数</source>
        <translation>Servers</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="96"/>
        <source>住民基本系</source>
        <translation>Resident records</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="97"/>
        <source>SaaS候補</source>
        <translation>SaaS candidate</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="98"/>
        <source>SaaS適合</source>
        <translation>SaaS fit</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="99"/>
        <source>クラウド化阻害要因</source>
        <translation>Cloud blocker</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="100"/>
        <source>次期更新年度</source>
        <translation>Next renewal FY</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="102"/>
        <source>年間運用経費</source>
        <translation>Annual running cost</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="103"/>
        <source>移行経費見込</source>
        <translation>Est. migration cost</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="104"/>
        <source>予算要求</source>
        <translation>Budget request</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="105"/>
        <source>規模</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="106"/>
        <source>保守事業者</source>
        <translation>Maintenance vendor</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="113"/>
        <source>標準化対象業務</source>
        <translation>Standardization workloads</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="117"/>
        <source>連携先</source>
        <translation>Linked systems</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="126"/>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="128"/>
        <source>追加属性</source>
        <translation>Additional attributes</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="50"/>
        <source>編集…</source>
        <extracomment>A section provider: (record, annotation) → (title, html body) or None. What html.escape(…, quote=True) replaces (the html module is not imported at start-up: it brings a table of every named entity).</extracomment>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="51"/>
        <source>このシステムの項目をフォームで編集します（元に戻せます）</source>
        <translation>Edit this system&apos;s fields in a form (can be undone)</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="89"/>
        <source>{0} 千円</source>
        <translation>{0} thousand yen</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="95"/>
        <source>{0} 台</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="100"/>
        <source>{0}年度（令和{1}年度）</source>
        <translation>FY{0} (Reiwa {1})</translation>
    </message>
</context>
<context>
    <name>SystemEdit</name>
    <message>
        <source>独自開発（カスタマイズ）</source>
        <translation type="vanished">Custom-built (customized)</translation>
    </message>
    <message>
        <source>標準準拠製品の提供が間に合わない</source>
        <translation type="vanished">No standard-compliant product in time</translation>
    </message>
    <message>
        <source>メインフレーム</source>
        <translation type="vanished">Mainframe</translation>
    </message>
    <message>
        <source>業務</source>
        <translation type="vanished">Workload</translation>
    </message>
    <message>
        <source>重み</source>
        <translation type="vanished">Weight</translation>
    </message>
    <message>
        <source>配分された移行経費</source>
        <translation type="vanished">Allocated migration cost</translation>
    </message>
    <message>
        <source>配分された年間運用経費</source>
        <translation type="vanished">Allocated annual running cost</translation>
    </message>
    <message>
        <source>担当システム（移行経費見込）</source>
        <translation type="vanished">Systems (est. migration cost)</translation>
    </message>
    <message>
        <source>配分の説明</source>
        <translation type="vanished">How it is allocated</translation>
    </message>
    <message>
        <source>この業務を担当するシステムが在庫表にありません（移行経費0円）。</source>
        <translation type="vanished">No system in the inventory carries this workload (migration cost: 0 yen).</translation>
    </message>
    <message>
        <source>{0} {1} をこの業務だけで負担</source>
        <translation type="vanished">{0} {1}, borne by this workload alone</translation>
    </message>
    <message>
        <source>{0} {1} × {2:g}/{3:g} = {4}</source>
        <translation type="vanished">{0} {1} × {2:g}/{3:g} = {4}</translation>
    </message>
    <message>
        <source>配分ルールを「重み付け」にすると重みを編集できます（均等割ではすべて1）。</source>
        <translation type="vanished">Set the allocation rule to “weighted” to edit the weights (under an equal split, every weight is 1).</translation>
    </message>
    <message>
        <source>関連作業</source>
        <translation type="vanished">Related work</translation>
    </message>
    <message>
        <source>システムID</source>
        <translation type="vanished">System ID</translation>
    </message>
    <message>
        <source>システム名</source>
        <translation type="vanished">System name</translation>
    </message>
    <message>
        <source>移行経費見込</source>
        <translation type="vanished">Est. migration cost</translation>
    </message>
    <message>
        <source>連携する標準化対象業務</source>
        <translation type="vanished">Linked standardization workloads</translation>
    </message>
    <message>
        <source>補助対象外経費</source>
        <translation type="vanished">Ineligible costs</translation>
    </message>
    <message>
        <source>説明</source>
        <translation type="vanished">Explanation</translation>
    </message>
    <message>
        <source>数える</source>
        <translation type="vanished">Counted</translation>
    </message>
    <message>
        <source>未記入</source>
        <translation type="vanished">Blank</translation>
    </message>
    <message>
        <source>（基準）</source>
        <translation type="vanished"> (baseline)</translation>
    </message>
    <message>
        <source>ベースライン：削除できません</source>
        <translation type="vanished">Baseline: cannot be deleted</translation>
    </message>
    <message>
        <source>年度</source>
        <translation type="vanished">FY</translation>
    </message>
    <message>
        <source>補助対象経費</source>
        <translation type="vanished">Eligible costs</translation>
    </message>
    <message>
        <source>補助</source>
        <translation type="vanished">Subsidy</translation>
    </message>
    <message>
        <source>補助対象外</source>
        <translation type="vanished">Ineligible</translation>
    </message>
    <message>
        <source>並行運用</source>
        <translation type="vanished">Parallel running</translation>
    </message>
    <message>
        <source>市の負担</source>
        <translation type="vanished">City&apos;s share</translation>
    </message>
    <message>
        <source>遅れ（か月）</source>
        <translation type="vanished">Delay (months)</translation>
    </message>
    <message>
        <source>異なる</source>
        <translation type="vanished">Differs</translation>
    </message>
    <message>
        <source>「{0}」の値 − 基準「{1}」の値</source>
        <translation type="vanished">Value in “{0}” − value in baseline “{1}”</translation>
    </message>
    <message>
        <source>シナリオ「{0}」の前提</source>
        <translation type="vanished">Assumption of scenario “{0}”</translation>
    </message>
    <message>
        <source>項目</source>
        <translation type="vanished">Item</translation>
    </message>
    <message>
        <source>差（{0}）</source>
        <translation type="vanished">Difference ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="77"/>
        <source>プランが開かれていません。</source>
        <translation>No plan is open.</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="196"/>
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="200"/>
        <source>○（あり）</source>
        <translation>○ (yes)</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="201"/>
        <source>—（なし）</source>
        <translation>— (no)</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="206"/>
        <source>（空欄）</source>
        <translation>(blank)</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="207"/>
        <source>千円単位。12,345 や 12,345千円 と書けます。空欄にするには内容を消します</source>
        <translation>In thousand yen, e.g. 12,345. Clear the box to leave it blank</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="211"/>
        <source>（未定）</source>
        <translation>(TBD)</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="212"/>
        <source>2027、R9、令和9年度、FY2027 のように書けます。空欄にするには内容を消します</source>
        <translation>Write it as 2027, R9 or FY2027 (the Japanese era form also works). Clear the box to leave it blank</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="221"/>
        <source>例）1, 6-a, 住民基本台帳</source>
        <translation>e.g. 1, 6-a, 20-b</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="222"/>
        <source>標準化対象業務のコードまたは名称を、読点やカンマで区切って書きます</source>
        <translation>Standardization workload codes or names, separated by commas</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="224"/>
        <source>例）OSK-001, OSK-002</source>
        <translation>e.g. OSK-001, OSK-002</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="225"/>
        <source>連携先のシステムIDを、読点やカンマで区切って書きます</source>
        <translation>IDs of the linked systems, separated by commas</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="362"/>
        <source>プランを開いている途中です。開き終わってから編集してください。</source>
        <translation>The plan is still opening. Please edit once it has finished.</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="376"/>
        <source>{0} を変更しました（元に戻す：Ctrl+Z）。</source>
        <translation>Changed {0} (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="383"/>
        <source>選択したシステムを編集(&amp;S)…</source>
        <translation>Edit &amp;Selected System…</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="384"/>
        <source>選択したシステムのすべての項目をフォームで編集します（元に戻せます）</source>
        <translation>Edit every field of the selected system in a form (can be undone)</translation>
    </message>
</context>
<context>
    <name>SystemEditDialog</name>
    <message>
        <location filename="../../ui/system_edit.py" line="295"/>
        <source>システムの編集：{0}</source>
        <translation>Edit System: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="298"/>
        <source>連携先システムID</source>
        <translation>Linked system IDs</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="317"/>
        <source>値は取り込みと同じ規則で読みます。変更は履歴に残り、「元に戻す」で取り消せます。</source>
        <translation>Values are read by the same rules as an import. Changes are kept in the history and can be reverted with Undo.</translation>
    </message>
    <message>
        <location filename="../../ui/system_edit.py" line="338"/>
        <source>次の値を直してください（何も変更していません）：
{0}</source>
        <translation>Please correct these values (nothing has been changed):
{0}</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="103"/>
        <source>システムID</source>
        <translation>System ID</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="104"/>
        <source>システム名</source>
        <translation>System name</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="105"/>
        <source>所管所属</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="106"/>
        <source>系統</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="107"/>
        <source>サーバ台数</source>
        <translation>Servers</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="109"/>
        <source>標準化対象業務</source>
        <translation>Standardization workloads</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="114"/>
        <source>住民基本系</source>
        <translation>Resident records</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="115"/>
        <source>SaaS候補</source>
        <translation>SaaS candidate</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="116"/>
        <source>SaaS適合</source>
        <translation>SaaS fit</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="117"/>
        <source>クラウド化阻害要因</source>
        <translation>Cloud blocker</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="118"/>
        <source>次期更新年度</source>
        <translation>Next renewal FY</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="119"/>
        <source>年間運用経費（千円）</source>
        <translation>Annual running cost (thousand yen)</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="120"/>
        <source>移行経費見込（千円）</source>
        <translation>Est. migration cost (thousand yen)</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="121"/>
        <source>予算要求</source>
        <translation>Budget request</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="122"/>
        <source>規模</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="123"/>
        <source>保守事業者</source>
        <translation>Maintenance vendor</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="124"/>
        <source>連携先</source>
        <translation>Linked systems</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="125"/>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>WorkloadGraph</name>
    <message>
        <location filename="../../ui/schedule_view.py" line="249"/>
        <source>標準化20業務の稼働日と連携（太枠・橙：クリティカルパス、赤：期限超過）</source>
        <translation>Go-live dates and links of the 20 standardization workloads (bold orange outline: critical path, red: past the deadline)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="197"/>
        <source>FY2025期限 2026-03-31</source>
        <translation>FY2025 deadline 2026-03-31</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="198"/>
        <source>延長期限（特定移行支援）</source>
        <translation>Extended deadline (special migration support system)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="199"/>
        <source>基準日（今日）</source>
        <translation>As of (today)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="64"/>
        <source>予期しないエラーが発生しました。プランは最後に保存した状態のままです。
{0}: {1}</source>
        <translation>An unexpected error occurred. The plan is as it was last saved.
{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="19"/>
        <source>移行計画プランナー</source>
        <extracomment>The program&apos;s name, for the window title (the core&apos;s APP_NAME is the Japanese one).</extracomment>
        <translation>Migration Planner</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../ui/i18n.py" line="21"/>
        <location filename="../../ui/i18n.py" line="68"/>
        <source>、</source>
        <extracomment>How the core&apos;s lists read: 「A、B」 / 「A・B」 / 「A／B」 in Japanese, &quot;A, B&quot; in English (Joined&apos;s separators).</extracomment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="22"/>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="23"/>
        <source>／</source>
        <translation> / </translation>
    </message>
</context>
<context>
    <name>money</name>
    <message>
        <location filename="../../ui/i18n.py" line="26"/>
        <source>千円</source>
        <extracomment>A unit on its own (a unit chooser, an axis title).</extracomment>
        <translation>thousand yen</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="27"/>
        <source>百万円</source>
        <translation>million yen</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="28"/>
        <source>億円</source>
        <translation>×100M yen</translation>
    </message>
    <message>
        <location filename="../../migration_planner/i18n.py" line="91"/>
        <source>{0}百万円</source>
        <translation>{0} million yen</translation>
    </message>
    <message>
        <location filename="../../migration_planner/i18n.py" line="92"/>
        <source>{0}億円</source>
        <translation>{0} ×100M yen</translation>
    </message>
    <message>
        <location filename="../../migration_planner/i18n.py" line="93"/>
        <source>{0}千円</source>
        <translation>{0} thousand yen</translation>
    </message>
    <message>
        <location filename="../../migration_planner/i18n.py" line="94"/>
        <source>{0}万円</source>
        <translation>{0} ten thousand yen</translation>
    </message>
    <message>
        <location filename="../../migration_planner/i18n.py" line="95"/>
        <source>{0}円</source>
        <translation>{0} yen</translation>
    </message>
</context>
<context>
    <name>placement</name>
    <message>
        <location filename="../../migration_planner/placement.py" line="75"/>
        <source>ガバメントクラウド</source>
        <translation>Gov-Cloud</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="76"/>
        <source>SaaS</source>
        <translation>SaaS</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="77"/>
        <source>大阪市共通クラウド</source>
        <translation>Osaka City common cloud</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="78"/>
        <source>オンプレミス</source>
        <translation>On-premises</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="83"/>
        <source>SaaS適合 未検討</source>
        <translation>SaaS fit not assessed</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="91"/>
        <source>適合</source>
        <translation>fit</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="91"/>
        <source>不適合</source>
        <translation>not fit</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="92"/>
        <source>未検討</source>
        <translation>not assessed</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="93"/>
        <source>該当</source>
        <translation>Matched</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="93"/>
        <source>非該当</source>
        <translation>Not matched</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="93"/>
        <source>未判定</source>
        <translation>Not evaluated</translation>
    </message>
    <message>
        <source>ステップ{step}：未判定（ステップ{decided}で決定）</source>
        <translation type="vanished">Step {step}: not evaluated (decided at step {decided})</translation>
    </message>
    <message>
        <source>ステップ{step}：{reason}</source>
        <translation type="vanished">Step {step}: {reason}</translation>
    </message>
    <message>
        <source>標準化対象業務（{workloads}）を含むため {destination}</source>
        <translation type="vanished">Carries standardization workloads ({workloads}), so {destination}</translation>
    </message>
    <message>
        <source>住民基本系のため {destination}</source>
        <translation type="vanished">A resident-core system, so {destination}</translation>
    </message>
    <message>
        <source>標準化対象業務を含まず、住民基本系でもないため 該当せず</source>
        <translation type="vanished">No standardization workload and not resident-core, so this step does not apply</translation>
    </message>
    <message>
        <source>SaaS候補「{candidate}」があり、SaaS適合が「{fit}」のため {destination}（注意：{caveat}）</source>
        <translation type="vanished">SaaS candidate “{candidate}” with SaaS fit “{fit}”, so {destination} (note: {caveat})</translation>
    </message>
    <message>
        <source>SaaS候補「{candidate}」があり、SaaS適合が「{fit}」のため {destination}</source>
        <translation type="vanished">SaaS candidate “{candidate}” with SaaS fit “{fit}”, so {destination}</translation>
    </message>
    <message>
        <source>SaaS候補「{candidate}」はSaaS適合が「{fit}」のため 該当せず</source>
        <translation type="vanished">SaaS candidate “{candidate}” has SaaS fit “{fit}”, so this step does not apply</translation>
    </message>
    <message>
        <source>SaaS候補がないため 該当せず</source>
        <translation type="vanished">No SaaS candidate, so this step does not apply</translation>
    </message>
    <message>
        <source>クラウド化阻害要因がないため {destination}</source>
        <translation type="vanished">No cloud blocker, so {destination}</translation>
    </message>
    <message>
        <source>クラウド化阻害要因「{blocker}」があるため 該当せず</source>
        <translation type="vanished">Cloud blocker “{blocker}”, so this step does not apply</translation>
    </message>
    <message>
        <source>クラウド化阻害要因「{blocker}」によりクラウドへ移せないため {destination}</source>
        <translation type="vanished">Cloud blocker “{blocker}” keeps it off the cloud, so {destination}</translation>
    </message>
    <message>
        <source>上記のいずれにも該当しないため {destination}</source>
        <translation type="vanished">None of the above applies, so {destination}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="375"/>
        <source>準備 {prepare}・移行 {migrate}</source>
        <translation>Prepare {prepare} · migrate {migrate}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="382"/>
        <source>{fy}年度（令和{era}年度）</source>
        <translation>FY{fy} (Reiwa {era})</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="383"/>
        <source>{fy}年度（平成{era}年度）</source>
        <translation>FY{fy} (Heisei {era})</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="553"/>
        <source>{system} の手動設定を解除</source>
        <translation>Clear the override of {system}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="555"/>
        <source>{system} の手動設定を確認</source>
        <translation>Confirm the override of {system}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="556"/>
        <source>{system} の移行先を {destination} に変更</source>
        <translation>Change the destination of {system} to {destination}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="922"/>
        <source> {before} → {after}</source>
        <translation> {before} → {after}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="923"/>
        <source>（{reason}）</source>
        <translation> ({reason})</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="924"/>
        <source>{at} {user} {action}{move}{reason}</source>
        <translation>{at} {user} {action}{move}{reason}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="931"/>
        <source>移行先変更</source>
        <translation>destination changed</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="931"/>
        <source>手動設定解除</source>
        <translation>override cleared</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="932"/>
        <source>手動設定確認</source>
        <translation>override confirmed</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="932"/>
        <location filename="../../migration_planner/placement.py" line="933"/>
        <location filename="../../migration_planner/placement.py" line="934"/>
        <source>元に戻す</source>
        <translation>undone</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="934"/>
        <source>要確認</source>
        <translation>flagged for review</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="934"/>
        <source>編集</source>
        <translation>edited</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="935"/>
        <source>取込</source>
        <translation>imported</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="180"/>
        <source>ステップ2：未判定（ステップ1で決定）</source>
        <translation>Step 2: not evaluated (decided at step 1)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="181"/>
        <source>ステップ3：未判定（ステップ1で決定）</source>
        <translation>Step 3: not evaluated (decided at step 1)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="182"/>
        <source>ステップ4：未判定（ステップ1で決定）</source>
        <translation>Step 4: not evaluated (decided at step 1)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="183"/>
        <source>ステップ3：未判定（ステップ2で決定）</source>
        <translation>Step 3: not evaluated (decided at step 2)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="184"/>
        <source>ステップ4：未判定（ステップ2で決定）</source>
        <translation>Step 4: not evaluated (decided at step 2)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="185"/>
        <source>ステップ4：未判定（ステップ3で決定）</source>
        <translation>Step 4: not evaluated (decided at step 3)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="187"/>
        <source>ステップ1：住民基本系のため {destination}</source>
        <translation>Step 1: a resident-core system, so {destination}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="188"/>
        <source>ステップ1：標準化対象業務を含まず、住民基本系でもないため 該当せず</source>
        <translation>Step 1: no standardization workload and not resident-core, so this step does not apply</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="189"/>
        <source>ステップ2：SaaS候補がないため 該当せず</source>
        <translation>Step 2: no SaaS candidate, so this step does not apply</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="190"/>
        <source>ステップ3：クラウド化阻害要因がないため {destination}</source>
        <translation>Step 3: no cloud blocker, so {destination}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="191"/>
        <source>ステップ4：上記のいずれにも該当しないため {destination}</source>
        <translation>Step 4: none of the above applies, so {destination}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="199"/>
        <source>ステップ1：標準化対象業務（{workloads}）を含むため {destination}</source>
        <translation>Step 1: carries standardization workloads ({workloads}), so {destination}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="209"/>
        <source>ステップ2：SaaS候補「{candidate}」はSaaS適合が「{fit}」のため 該当せず</source>
        <translation>Step 2: SaaS candidate “{candidate}” has SaaS fit “{fit}”, so this step does not apply</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="212"/>
        <source>ステップ2：SaaS候補「{candidate}」があり、SaaS適合が「{fit}」のため {destination}（注意：{caveat}）</source>
        <translation>Step 2: SaaS candidate “{candidate}” with SaaS fit “{fit}”, so {destination} (note: {caveat})</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="214"/>
        <source>ステップ2：SaaS候補「{candidate}」があり、SaaS適合が「{fit}」のため {destination}</source>
        <translation>Step 2: SaaS candidate “{candidate}” with SaaS fit “{fit}”, so {destination}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="221"/>
        <source>ステップ3：クラウド化阻害要因「{blocker}」があるため 該当せず</source>
        <translation>Step 3: cloud blocker “{blocker}”, so this step does not apply</translation>
    </message>
    <message>
        <location filename="../../migration_planner/placement.py" line="227"/>
        <source>ステップ4：クラウド化阻害要因「{blocker}」によりクラウドへ移せないため {destination}</source>
        <translation>Step 4: cloud blocker “{blocker}” keeps it off the cloud, so {destination}</translation>
    </message>
</context>
<context>
    <name>schedule</name>
    <message>
        <location filename="../../migration_planner/schedule/catalog.py" line="92"/>
        <source>循環する連携になります：{path}</source>
        <translation>This link would close a loop: {path}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/catalog.py" line="97"/>
        <location filename="../../migration_planner/schedule/commands.py" line="115"/>
        <source>標準化対象業務「{code}」はありません。</source>
        <translation>There is no standardization workload “{code}”.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/catalog.py" line="148"/>
        <source>所要日数は0以上で入力してください。</source>
        <translation>Durations must be 0 or more.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/catalog.py" line="150"/>
        <source>所要日数は 楽観 ≤ 最可能 ≤ 悲観 の順にしてください。</source>
        <translation>Durations must be in the order optimistic ≤ most likely ≤ pessimistic.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/catalog.py" line="158"/>
        <location filename="../../migration_planner/schedule/catalog.py" line="199"/>
        <source>手順 {step} はありません（1〜{steps}）。</source>
        <translation>There is no step {step} (1–{steps}).</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/catalog.py" line="201"/>
        <source>状況「{status}」は {statuses} のいずれかにしてください。</source>
        <translation>Status “{status}” must be one of {statuses}.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/catalog.py" line="236"/>
        <source>同時に進められる移行の数は1以上にしてください。</source>
        <translation>The number of concurrent migrations must be at least 1.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/catalog.py" line="250"/>
        <source>切替禁止月は1〜12で指定してください。</source>
        <translation>Blackout months must be between 1 and 12.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/catalog.py" line="262"/>
        <source>すべての月を切替禁止にはできません。</source>
        <translation>Not every month can be a blackout month.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/catalog.py" line="283"/>
        <source>遅延要因「{flags}」はありません。</source>
        <translation>There is no cause of delay “{flags}”.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/commands.py" line="27"/>
        <source>連携を追加：{provider} → {consumer}</source>
        <translation>Add link: {provider} → {consumer}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/commands.py" line="28"/>
        <source>連携を削除：{provider} → {consumer}</source>
        <translation>Remove link: {provider} → {consumer}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/commands.py" line="51"/>
        <source>所要日数を変更：{workload} 手順{step}</source>
        <translation>Change durations: {workload} step {step}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/commands.py" line="71"/>
        <source>ベンダの同時移行数を {n} に変更</source>
        <translation>Set concurrent migrations per vendor to {n}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/commands.py" line="94"/>
        <source>切替禁止月を変更：なし</source>
        <translation>Change blackout months: none</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/commands.py" line="95"/>
        <source>切替禁止月を変更：{months}</source>
        <translation>Change blackout months: {months}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/commands.py" line="95"/>
        <source>{0}月</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/commands.py" line="121"/>
        <source>遅延要因を変更：{workload}</source>
        <translation>Change causes of delay: {workload}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/montecarlo.py" line="100"/>
        <location filename="../../migration_planner/schedule/montecarlo.py" line="106"/>
        <source>シミュレーション {done:,}/{samples:,}</source>
        <translation>Simulation {done:,}/{samples:,}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/montecarlo.py" line="113"/>
        <source>シミュレーション完了</source>
        <translation>Simulation finished</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/planner.py" line="68"/>
        <source>移行済み</source>
        <translation>Migrated</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/planner.py" line="68"/>
        <source>期限内</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/planner.py" line="68"/>
        <source>期限超過</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/planner.py" line="70"/>
        <source>工程表を作成しています</source>
        <translation>Building the schedule</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/planner.py" line="523"/>
        <source>ベンダの体制不足（{vendors}、{days}営業日の待ち）</source>
        <translation>Vendor capacity shortage ({vendors}; {days} working days of waiting)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/planner.py" line="524"/>
        <source>事業者</source>
        <translation>the vendor</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/planner.py" line="526"/>
        <source>標準準拠製品の提供が間に合わない</source>
        <translation>No standard-compliant product in time</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/planner.py" line="528"/>
        <source>独自開発（カスタマイズ）のシステム</source>
        <translation>Custom-built (customized) system</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/planner.py" line="530"/>
        <source>メインフレーム</source>
        <translation>Mainframe</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/planner.py" line="532"/>
        <source>切替禁止月を避けて{days}営業日延期</source>
        <translation>Postponed {days} working days to avoid blackout months</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/planner.py" line="534"/>
        <source>残りの工程が期限までに収まらない</source>
        <translation>The remaining steps do not fit before the deadline</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/planner.py" line="629"/>
        <source>工程表を作成しました</source>
        <translation>Schedule built</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="29"/>
        <source>計画立案</source>
        <translation>Planning</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="29"/>
        <source>移行</source>
        <translation>Migration</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="31"/>
        <source>完了済み</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="31"/>
        <source>作業中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="31"/>
        <source>未着手</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="31"/>
        <source>対象外</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="64"/>
        <source>体制案</source>
        <translation>Organization plan</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="65"/>
        <source>関係部局調整</source>
        <translation>Coordination with departments</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="66"/>
        <source>首長報告</source>
        <translation>Report to the mayor</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="67"/>
        <source>基礎調査</source>
        <translation>Baseline survey</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="68"/>
        <source>連携一覧</source>
        <translation>Data-linkage list</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="69"/>
        <source>現行ベンダ協議</source>
        <translation>Talks with the current vendor</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="70"/>
        <source>取りまとめ</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="71"/>
        <source>Fit&amp;Gap</source>
        <translation>Fit&amp;Gap</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="72"/>
        <source>移行方針</source>
        <translation>Migration policy</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="73"/>
        <source>調達方式</source>
        <translation>Procurement method</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="74"/>
        <source>調達スケジュール</source>
        <translation>Procurement schedule</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="75"/>
        <source>課題整理</source>
        <translation>Issue list</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="76"/>
        <source>RFI作成</source>
        <translation>Draft the RFI</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="77"/>
        <source>RFI質疑</source>
        <translation>RFI questions</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="78"/>
        <source>RFI回答受領</source>
        <translation>Receive RFI responses</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="79"/>
        <source>RFI分析</source>
        <translation>Analyse RFI responses</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="80"/>
        <source>移行計画詳細化</source>
        <translation>Detail the migration plan</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="81"/>
        <source>予算根拠</source>
        <translation>Budget basis</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="82"/>
        <source>予算要求</source>
        <translation>Budget request</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="83"/>
        <source>RFP作成</source>
        <translation>Draft the RFP</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="84"/>
        <source>RFP質疑</source>
        <translation>RFP questions</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="85"/>
        <source>RFP回答受領</source>
        <translation>Receive RFP responses</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="86"/>
        <source>ベンダ評価</source>
        <translation>Vendor evaluation</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="87"/>
        <source>ベンダ選定</source>
        <translation>Vendor selection</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="88"/>
        <source>契約協議</source>
        <translation>Contract negotiation</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="89"/>
        <source>詳細スケジュール確定</source>
        <translation>Fix the detailed schedule</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="90"/>
        <source>特定個人情報保護評価</source>
        <translation>Specific personal information protection assessment</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="91"/>
        <source>ガバメントクラウド環境構築</source>
        <translation>Build the Gov-Cloud environment</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="92"/>
        <source>移行時設定</source>
        <translation>Migration settings</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="93"/>
        <source>データクレンジング</source>
        <translation>Data cleansing</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="94"/>
        <source>移行リハーサル</source>
        <translation>Migration rehearsal</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="95"/>
        <source>最終データ移行</source>
        <translation>Final data migration</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="96"/>
        <source>テスト</source>
        <translation>Testing</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="97"/>
        <source>受入テスト</source>
        <translation>Acceptance testing</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="98"/>
        <source>研修</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="99"/>
        <source>機器調達</source>
        <translation>Equipment procurement</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="100"/>
        <source>庁内NW接続</source>
        <translation>Connection to the city network</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="101"/>
        <source>条例・規則改正</source>
        <translation>Amend ordinances and rules</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="102"/>
        <source>業務手順見直し</source>
        <translation>Review business procedures</translation>
    </message>
    <message>
        <location filename="../../migration_planner/schedule/steps.py" line="104"/>
        <source>運用開始</source>
        <translation>Go-live</translation>
    </message>
</context>
<context>
    <name>subsidy</name>
    <message>
        <location filename="../../migration_planner/subsidy/__init__.py" line="168"/>
        <source>「{name}」</source>
        <translation>“{name}”</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/__init__.py" line="169"/>
        <source>なし（既定の「{baseline}」のみ）</source>
        <translation>none (only the default “{baseline}”)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/__init__.py" line="173"/>
        <source>シナリオ「{name}」はありません。このプランのシナリオ：{names}</source>
        <translation>There is no scenario “{name}”. Scenarios in this plan: {names}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="41"/>
        <source>令和{era}年度</source>
        <translation>FY R{era}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="41"/>
        <source>{fy}年度</source>
        <translation>FY{fy}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="268"/>
        <source>補助上限額</source>
        <translation>Subsidy cap</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="269"/>
        <source>計上済み額</source>
        <translation>Already committed</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="270"/>
        <source>上限残額</source>
        <translation>Cap remaining</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="271"/>
        <source>補助対象経費</source>
        <translation>Eligible costs</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="272"/>
        <source>補助対象外経費（関連作業）</source>
        <translation>Ineligible costs (related work)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="273"/>
        <source>補助で賄える額</source>
        <translation>Covered by the subsidy</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="274"/>
        <source>並行運用の追加経費</source>
        <translation>Extra cost of parallel running</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="275"/>
        <source>不足額（市の負担）</source>
        <translation>Shortfall (city&apos;s share)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="276"/>
        <source>現行の年間運用経費（標準化対象）</source>
        <translation>Annual running cost now</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="277"/>
        <source>移行後の年間運用経費（見込）</source>
        <translation>Annual running cost after (est.)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="293"/>
        <source>関連作業に指定したシステム {system} はプランにありません（無視しました）。</source>
        <translation>System {system}, chosen as related work, is not in the plan (ignored).</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="295"/>
        <source>{system} {name} は標準化対象業務を持つため、関連作業には数えません。</source>
        <translation>{system} {name} carries standardization workloads, so it is not counted as related work.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="316"/>
        <source>{system} はプランにありません。</source>
        <translation>{system} is not in the plan.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="318"/>
        <source>標準化対象業務を持つシステムは補助対象で、関連作業には数えません。</source>
        <translation>A system with standardization workloads is eligible for the subsidy and is not counted as related work.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="320"/>
        <source>標準化対象業務（{codes}）のシステムと連携</source>
        <translation>Linked with systems of standardization workloads ({codes})</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="321"/>
        <source>標準化対象のシステムと連携なし</source>
        <translation>Not linked with any standardization system</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="323"/>
        <source>{via}。関連作業は「計上しない」ルールのため数えません。</source>
        <translation>{via}. Not counted: the rule counts no related work.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="326"/>
        <source>{via}していますが、このシナリオでは除外しています。</source>
        <translation>{via}, but excluded in this scenario.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="327"/>
        <source>{via}しているため、関連作業（補助対象外）として数えます。</source>
        <translation>{via}, so counted as related work (not eligible).</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="329"/>
        <source>{via}。指定により関連作業（補助対象外）として数えます。</source>
        <translation>{via}. Counted as related work (not eligible) as chosen.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="330"/>
        <source>{via}。関連作業には数えていません（チェックすると数えます）。</source>
        <translation>{via}. Not counted as related work (check it to count it).</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="388"/>
        <source>移行経費見込が未記入のシステムは0円として計算しています：{systems}。</source>
        <translation>Systems with a blank estimated migration cost are counted as 0 yen: {systems}.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="498"/>
        <source>新環境の運用経費（現行運用経費 × {multiplier:g}倍）</source>
        <translation>the new environment&apos;s running cost (current running cost × {multiplier:g})</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="500"/>
        <source>新旧両方の運用経費（現行運用経費 × (1 + {multiplier:g})）</source>
        <translation>the running cost of both old and new (current running cost × (1 + {multiplier:g}))</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="501"/>
        <source>旧システムの運用経費（現行運用経費 × 1）</source>
        <translation>the old system&apos;s running cost (current running cost × 1)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="507"/>
        <source>上振れ{pct:g}%</source>
        <translation>{pct:g}% escalation</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="508"/>
        <source>上振れなし</source>
        <translation>no escalation</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="515"/>
        <source>補助上限額 {cap}（人口規模で一律に決まる上限。本市は約18.6億円）</source>
        <translation>Cap {cap}, set by population size (Osaka City: about 1.86 billion yen)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="516"/>
        <source>令和3〜4年度予算で計上済みの {committed}</source>
        <translation>{committed} committed in the FY2021–22 budgets</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="517"/>
        <source>上限 {cap} − 計上済み {committed} = {remaining}</source>
        <translation>Cap {cap} − committed {committed} = {remaining}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="519"/>
        <source>標準化対象業務を持つ{n}システムの移行経費見込を業務に{share}で配分し、{escalation}で {eligible}</source>
        <translation>Est. migration costs of the {n} workload systems, split among workloads ({share}), {escalation}: {eligible}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="522"/>
        <source>関連作業（{rule}{excluded}）{n}システムの移行経費 × {pct:g}%（{escalation}）{extra} = {ineligible}。補助の対象外</source>
        <translation>Related work ({rule}{excluded}): migration costs of {n} systems × {pct:g}% ({escalation}){extra} = {ineligible}; not eligible</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="525"/>
        <source>、除外{n}</source>
        <translation>, {n} excluded</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="527"/>
        <source> ＋ 追加 {amount}</source>
        <translation> + additional {amount}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="529"/>
        <source>補助対象経費 {eligible} と上限残額 {remaining} の小さい方 = {covered}</source>
        <translation>The smaller of eligible costs {eligible} and cap remaining {remaining} = {covered}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="533"/>
        <source>遅れる{n}業務で、遅れた月数だけ並行運用として{parallel}を払う額 = {extra}</source>
        <translation>{n} late workloads: {parallel} for each month of delay = {extra}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="535"/>
        <source>遅れる業務がないため0円（遅れた場合は{parallel}を月割りで数えます）</source>
        <translation>0 yen, as no workload is late (a delay would count {parallel} per month)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="537"/>
        <source>対象経費 {eligible} − 補助 {covered} ＋ 対象外 {ineligible} ＋ 並行運用 {extra} = {shortfall}</source>
        <translation>Eligible {eligible} − subsidy {covered} + ineligible {ineligible} + parallel running {extra} = {shortfall}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="541"/>
        <source>標準化対象システムの現行の年間運用経費の合計 {today}</source>
        <translation>Current annual running cost of the workload systems: {today}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="543"/>
        <source>現行 {today} × {multiplier:g}倍 = 年 {after}（不足額には含めない参考値）</source>
        <translation>Now {today} × {multiplier:g} = {after} a year (for reference; not in the shortfall)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="547"/>
        <source>（{parallel}を遅れた月数分）</source>
        <translation> ({parallel} for the months of delay)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="549"/>
        <source>{year}：対象経費 {eligible} のうち補助 {covered}（上限残額を年度順に充当）、対象外 {ineligible}、並行運用 {extra}{parallel} → 市負担 {shortfall}</source>
        <translation>{year}: subsidy {covered} of eligible costs {eligible} (the cap remaining is drawn in year order); ineligible {ineligible}; parallel running {extra}{parallel} → city&apos;s share {shortfall}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="558"/>
        <source>担当システムなし</source>
        <translation>no system</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="560"/>
        <source>{months:g}か月遅れて並行運用 {extra}（{parallel} × {months:g}/12）</source>
        <translation>{months:g} months late: parallel running {extra} ({parallel} × {months:g}/12)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="562"/>
        <source>期限内</source>
        <translation>on time</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="564"/>
        <source>（重み {weight:g}）</source>
        <translation>, weight {weight:g}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/model.py" line="565"/>
        <source>{code} {name}：{systems}の移行経費の{share}{weight}分 {migration}（{escalation}）から補助 {covered}（対象経費で按分）、{lateness} → 市負担 {shortfall}</source>
        <translation>{code} {name}: its part ({share}{weight}) of the migration costs of {systems}, {migration} ({escalation}); subsidy {covered} (pro rata to eligible costs); {lateness} → city&apos;s share {shortfall}</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="23"/>
        <source>均等割</source>
        <translation>Equal split</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="23"/>
        <source>重み付け</source>
        <translation>Weighted</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="25"/>
        <source>連携先（標準化対象システムと連携する対象外システム）</source>
        <translation>Linked systems (linked to a workload system)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="26"/>
        <source>指定したシステムのみ</source>
        <translation>Only the chosen systems</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="27"/>
        <source>計上しない</source>
        <translation>None counted</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="30"/>
        <source>旧システム（現行の運用経費）</source>
        <translation>Old system (current running cost)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="31"/>
        <source>新環境（現行の運用経費 × 倍率）</source>
        <translation>New environment (current running cost × multiplier)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="32"/>
        <source>新旧両方（現行 × (1 + 倍率)）</source>
        <translation>Both (current × (1 + multiplier))</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="34"/>
        <source>工程表の遅れ＋シナリオの遅延月数</source>
        <translation>Schedule&apos;s delay + scenario&apos;s months of delay</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="35"/>
        <source>シナリオの遅延月数のみ</source>
        <translation>Scenario&apos;s months of delay only</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="114"/>
        <source>補助上限額は0円以上にしてください。</source>
        <translation>The subsidy cap must be 0 yen or more.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="116"/>
        <source>計上済み額は0円以上にしてください。</source>
        <translation>The committed amount must be 0 yen or more.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="118"/>
        <source>上振れ率は −100 % より大きく 1000 % 以下にしてください。</source>
        <translation>The escalation must be more than −100 % and at most 1000 %.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="120"/>
        <source>運用経費の倍率は0〜100倍にしてください。</source>
        <translation>The running-cost multiplier must be between 0 and 100.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="122"/>
        <source>遅延月数は0〜240か月にしてください。</source>
        <translation>The months of delay must be between 0 and 240.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="124"/>
        <source>配分ルール「{value}」は使えません（{choices}）。</source>
        <translation>Allocation rule “{value}” is not available ({choices}).</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="127"/>
        <source>配分の重みは0以上にしてください。</source>
        <translation>Allocation weights must be 0 or more.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="129"/>
        <source>関連作業のルール「{value}」は使えません（{choices}）。</source>
        <translation>Related-work rule “{value}” is not available ({choices}).</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="132"/>
        <source>関連作業の計上率は0〜100 %にしてください。</source>
        <translation>The share of related work counted must be between 0 and 100 %.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="134"/>
        <source>追加の関連作業費は0円以上にしてください。</source>
        <translation>Additional related-work costs must be 0 yen or more.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="136"/>
        <source>移行経費を配分する年数は1〜10年にしてください。</source>
        <translation>Migration costs must be spread over 1 to 10 years.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="138"/>
        <source>並行運用の数え方「{value}」は使えません（{choices}）。</source>
        <translation>Parallel-running rule “{value}” is not available ({choices}).</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="141"/>
        <source>遅れの基準「{value}」は使えません（{choices}）。</source>
        <translation>Delay basis “{value}” is not available ({choices}).</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="156"/>
        <source>補助上限額（円）</source>
        <translation>Subsidy cap (yen)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="157"/>
        <source>計上済み額（令和3〜4年度予算）（円）</source>
        <translation>Committed in FY2021–22 (yen)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="158"/>
        <source>移行経費の上振れ率（%）</source>
        <translation>Migration cost escalation (%)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="159"/>
        <source>ガバメントクラウド移行後の運用経費倍率（倍）</source>
        <translation>Gov-Cloud running-cost multiplier (×)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="160"/>
        <source>遅延月数（か月）</source>
        <translation>Delay (months)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="161"/>
        <source>遅れる業務</source>
        <translation>Workloads that slip</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="162"/>
        <source>遅れの基準</source>
        <translation>Delay basis</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="163"/>
        <source>遅れた月の並行運用で追加になる経費</source>
        <translation>What a month of delay costs</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="164"/>
        <source>システム経費の業務への配分ルール</source>
        <translation>Rule for allocating system costs to workloads</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="165"/>
        <source>配分の重み（業務別）</source>
        <translation>Allocation weights (by workload)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="166"/>
        <source>関連作業（補助対象外）とするシステム</source>
        <translation>Systems counted as related work (not eligible)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="167"/>
        <source>関連作業とするシステムID</source>
        <translation>System IDs counted as related work</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="168"/>
        <source>関連作業から除くシステムID（連携先のうち）</source>
        <translation>System IDs excluded from related work (among linked systems)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="169"/>
        <source>関連システム移行経費の計上率（%）</source>
        <translation>Share of related systems&apos; migration cost counted (%)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="170"/>
        <source>追加の関連作業費（円）</source>
        <translation>Additional related-work costs (yen)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/params.py" line="171"/>
        <source>移行経費を配分する年数（年）</source>
        <translation>Years to spread migration costs (years)</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/scenarios.py" line="99"/>
        <source>シナリオ名を入力してください。</source>
        <translation>Please enter a scenario name.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/scenarios.py" line="101"/>
        <source>シナリオ名は100文字以内にしてください。</source>
        <translation>A scenario name can be at most 100 characters.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/scenarios.py" line="104"/>
        <source>シナリオ「{name}」は既にあります。別の名前にしてください。</source>
        <translation>A scenario “{name}” already exists. Please choose another name.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/scenarios.py" line="115"/>
        <source>シナリオ（id {id}）が見つかりません。</source>
        <translation>Scenario (id {id}) not found.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/scenarios.py" line="136"/>
        <source>シナリオ「{name}」を追加</source>
        <translation>Add scenario “{name}”</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/scenarios.py" line="172"/>
        <source>シナリオ名を「{name}」に変更</source>
        <translation>Rename scenario to “{name}”</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/scenarios.py" line="198"/>
        <source>シナリオ「{name}」を削除</source>
        <translation>Delete scenario “{name}”</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/scenarios.py" line="204"/>
        <source>ベースライン「{name}」は削除できません。</source>
        <translation>The baseline “{name}” cannot be deleted.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/scenarios.py" line="226"/>
        <source>シナリオの前提（{what}）を変更</source>
        <translation>Change scenario assumption ({what})</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/scenarios.py" line="227"/>
        <source>シナリオの前提を変更</source>
        <translation>Change scenario assumptions</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/scenarios.py" line="294"/>
        <source>遅れる業務の数</source>
        <translation>Number of late workloads</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/scenarios.py" line="301"/>
        <source>関連作業とするシステムの数</source>
        <translation>Number of systems counted as related work</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/schedule_link.py" line="13"/>
        <source>工程表（スケジュール）がまだ使えないため、シナリオの遅延月数だけで計算しています。</source>
        <translation>The schedule is not available yet, so only the scenario&apos;s months of delay are used.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/schedule_link.py" line="14"/>
        <source>各業務の遅れは工程表から（2026-03-31を過ぎて完了する月数）、シナリオの遅延月数はその上乗せです。</source>
        <translation>Each workload&apos;s delay comes from the schedule (the months it finishes after 2026-03-31); the scenario&apos;s months of delay are added on top.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/schedule_link.py" line="30"/>
        <source>工程表を計算できなかったため（{error}）、シナリオの遅延月数だけで計算しています。</source>
        <translation>The schedule could not be computed ({error}), so only the scenario&apos;s months of delay are used.</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/sensitivity.py" line="36"/>
        <source>補助上限額 ±20 %</source>
        <translation>Subsidy cap ±20 %</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/sensitivity.py" line="37"/>
        <source>計上済み額 ±20 %</source>
        <translation>Committed amount ±20 %</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/sensitivity.py" line="38"/>
        <source>上振れ率 0〜20 %</source>
        <translation>Escalation 0–20 %</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/sensitivity.py" line="40"/>
        <source>運用経費倍率 1.0〜5.7倍</source>
        <translation>Running-cost multiplier 1.0–5.7×</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/sensitivity.py" line="41"/>
        <source>遅延 0〜24か月</source>
        <translation>Delay 0–24 months</translation>
    </message>
    <message>
        <location filename="../../migration_planner/subsidy/sensitivity.py" line="43"/>
        <source>関連作業の計上率 0〜100 %</source>
        <translation>Related work counted 0–100 %</translation>
    </message>
</context>
</TS>
