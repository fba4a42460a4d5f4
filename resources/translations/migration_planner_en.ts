<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ja_JP">
<context>
    <name></name>
    <message>
        <location filename="../../ui/inventory_table.py" line="67"/>
        <location filename="../../ui/system_detail.py" line="54"/>
        <source>システムID</source>
        <extracomment>A section provider: (record, annotation) → (title, html body) or None.</extracomment>
        <translation>System ID</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="68"/>
        <source>システム名</source>
        <translation>System name</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="69"/>
        <location filename="../../ui/system_detail.py" line="55"/>
        <source>所管所属</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="70"/>
        <location filename="../../ui/system_detail.py" line="56"/>
        <source>系統</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="71"/>
        <location filename="../../ui/system_detail.py" line="57"/>
        <source>サーバ台数</source>
        <translation>Servers</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="73"/>
        <source>標準化対象業務</source>
        <translation>Standardization workloads</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="78"/>
        <location filename="../../ui/system_detail.py" line="58"/>
        <source>住民基本系</source>
        <translation>Resident records</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="79"/>
        <location filename="../../ui/system_detail.py" line="59"/>
        <source>SaaS候補</source>
        <translation>SaaS candidate</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="80"/>
        <location filename="../../ui/system_detail.py" line="60"/>
        <source>SaaS適合</source>
        <translation>SaaS fit</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="81"/>
        <location filename="../../ui/system_detail.py" line="61"/>
        <source>クラウド化阻害要因</source>
        <translation>Cloud blocker</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="82"/>
        <location filename="../../ui/system_detail.py" line="62"/>
        <source>次期更新年度</source>
        <translation>Next renewal FY</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="83"/>
        <source>年間運用経費（千円）</source>
        <translation>Annual running cost (thousand yen)</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="84"/>
        <source>移行経費見込（千円）</source>
        <translation>Est. migration cost (thousand yen)</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="85"/>
        <location filename="../../ui/system_detail.py" line="65"/>
        <source>予算要求</source>
        <translation>Budget request</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="86"/>
        <location filename="../../ui/system_detail.py" line="66"/>
        <source>規模</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="87"/>
        <location filename="../../ui/system_detail.py" line="67"/>
        <source>保守事業者</source>
        <translation>Maintenance vendor</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="88"/>
        <source>連携先</source>
        <translation>Linked systems</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="89"/>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="581"/>
        <source>手動・要確認</source>
        <translation>Manual · review</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="581"/>
        <source>手動</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="587"/>
        <source>理由：{0}
変更者：{1}
自動判定：{2}</source>
        <translation>Reason: {0}
Changed by: {1}
Automatic: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="591"/>
        <source>移行先</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="595"/>
        <source>判定ステップ</source>
        <translation>Rule step</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="597"/>
        <source>手動設定</source>
        <translation>Override</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="179"/>
        <source>FY2025期限 2026-03-31</source>
        <translation>FY2025 deadline 2026-03-31</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="180"/>
        <source>延長期限（特定移行支援）</source>
        <translation>Extended deadline (special migration support system)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="181"/>
        <source>基準日（今日）</source>
        <translation>As of (today)</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="63"/>
        <source>年間運用経費</source>
        <translation>Annual running cost</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="64"/>
        <source>移行経費見込</source>
        <translation>Est. migration cost</translation>
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
        <translation>Don’t Import</translation>
    </message>
</context>
<context>
    <name>EstimateDialog</name>
    <message>
        <location filename="../../ui/schedule_view.py" line="283"/>
        <source>所要日数（営業日）：</source>
        <translation>Duration (working days): </translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="286"/>
        <source>手順</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="286"/>
        <source>楽観</source>
        <translation>Optimistic</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="286"/>
        <source>最可能</source>
        <translation>Most likely</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="286"/>
        <source>悲観</source>
        <translation>Pessimistic</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="315"/>
        <source>数値で入力してください。</source>
        <translation>Please enter a number.</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="319"/>
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
        <location filename="../../ui/schedule_view.py" line="271"/>
        <source>工程（青：計画立案、橙：移行）</source>
        <translation>Phases (blue: planning, orange: migration)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="179"/>
        <source>FY2025期限 2026-03-31</source>
        <translation>FY2025 deadline 2026-03-31</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="180"/>
        <source>延長期限（特定移行支援）</source>
        <translation>Extended deadline (special migration support system)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="181"/>
        <source>基準日（今日）</source>
        <translation>As of (today)</translation>
    </message>
</context>
<context>
    <name>InventoryTable</name>
    <message>
        <location filename="../../ui/inventory_table.py" line="259"/>
        <source>名称・ID・所属・事業者で絞り込み</source>
        <translation>Filter by name, ID, department, vendor</translation>
    </message>
    <message>
        <source>システム名・ID・所属・事業者・SaaS候補・備考・標準化対象業務で絞り込みます（Ctrl+F）</source>
        <translation>Filters by system name, ID, department, vendor, SaaS candidate, notes and workloads (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="262"/>
        <source>すべての系統</source>
        <translation>All tiers</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="268"/>
        <location filename="../../ui/inventory_table.py" line="372"/>
        <source>すべての所属</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="272"/>
        <source>絞り込み:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="348"/>
        <source>{0} / {1} 件</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="67"/>
        <source>システムID</source>
        <translation>System ID</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="68"/>
        <source>システム名</source>
        <translation>System name</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="69"/>
        <source>所管所属</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="70"/>
        <source>系統</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="71"/>
        <source>サーバ台数</source>
        <translation>Servers</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="73"/>
        <source>標準化対象業務</source>
        <translation>Standardization workloads</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="78"/>
        <source>住民基本系</source>
        <translation>Resident records</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="79"/>
        <source>SaaS候補</source>
        <translation>SaaS candidate</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="80"/>
        <source>SaaS適合</source>
        <translation>SaaS fit</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="81"/>
        <source>クラウド化阻害要因</source>
        <translation>Cloud blocker</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="82"/>
        <source>次期更新年度</source>
        <translation>Next renewal FY</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="83"/>
        <source>年間運用経費（千円）</source>
        <translation>Annual running cost (thousand yen)</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="84"/>
        <source>移行経費見込（千円）</source>
        <translation>Est. migration cost (thousand yen)</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="85"/>
        <source>予算要求</source>
        <translation>Budget request</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="86"/>
        <source>規模</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="87"/>
        <source>保守事業者</source>
        <translation>Maintenance vendor</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="88"/>
        <source>連携先</source>
        <translation>Linked systems</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="89"/>
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
        <location filename="../../ui/workers.py" line="59"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/workers.py" line="78"/>
        <source>キャンセルしています…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="82"/>
        <source>システム一覧</source>
        <extracomment>Feature tabs, created the first time they are shown (start-up does not import matplotlib). (module, class, title). A module that is not there yet is skipped.</extracomment>
        <translation>Systems</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126"/>
        <source>新規(&amp;N)…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126"/>
        <source>新しいプランを作ります</source>
        <translation>Create a new plan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127"/>
        <source>開く(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127"/>
        <source>プランを開きます</source>
        <translation>Open a plan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128"/>
        <source>取り込み(&amp;I)…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128"/>
        <source>システム一覧（.xlsx）を取り込みます</source>
        <translation>Import a system inventory (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>進捗表の取り込み(&amp;P)…</source>
        <translation>Import &amp;Progress Sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131"/>
        <source>標準化対象業務の進捗表（.xlsx）を取り込みます（元に戻せます）</source>
        <translation>Import the progress sheet (.xlsx) of the standardization workloads (can be undone)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132"/>
        <source>終了(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132"/>
        <source>プログラムを終了します</source>
        <translation>Quit the program</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>元に戻す(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136"/>
        <source>やり直し(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>絞り込み(&amp;F)</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144"/>
        <source>最近使ったプラン(&amp;R)</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152"/>
        <source>編集(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158"/>
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165"/>
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="166"/>
        <source>バージョン情報(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <source>ツールバー</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192"/>
        <source>この画面を表示できません：{0}</source>
        <translation>This view cannot be shown: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219"/>
        <source>プランを開けません</source>
        <translation>Cannot Open Plan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="228"/>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>新しいプラン</source>
        <translation>New Plan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="229"/>
        <source>移行計画プラン (*{0})</source>
        <translation>Migration plans (*{0})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>「{0}」はすでにあります。別の名前を選んでください。</source>
        <translation>“{0}” already exists. Please choose another name.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>新しいプランを作りました。ファイル → 取り込み でシステム一覧を読み込んでください。</source>
        <translation>New plan created. Use File → Import to load a system inventory.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243"/>
        <source>プランを開く</source>
        <translation>Open Plan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="244"/>
        <source>移行計画プラン (*{0});;すべてのファイル (*)</source>
        <translation>Migration plans (*{0});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="259"/>
        <source>プラン: {0}</source>
        <translation>Plan: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="280"/>
        <source>すべての移行先</source>
        <translation>All destinations</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>すべてのシステム</source>
        <translation>All systems</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>市が先に検討するシステム：次年度予算要求あり、2年度以内に更新、規模の大きいもの</source>
        <translation>Systems the city reviews first: budget request for next year, renewal within two fiscal years, large scale</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="320"/>
        <source>表示 {0} / 全 {1} システム　サーバ {2:,} 台　年間運用経費 {3:,} 千円</source>
        <translation>Showing {0} of {1} systems    Servers: {2:,}    Annual running cost: {3:,} thousand yen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="327"/>
        <source>システム一覧を取り込む</source>
        <translation>Import System Inventory</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="328"/>
        <location filename="../../ui/main_window.py" line="394"/>
        <source>Excelブック (*.xlsx *.xlsm);;すべてのファイル (*)</source>
        <translation>Excel workbooks (*.xlsx *.xlsm);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="336"/>
        <location filename="../../ui/main_window.py" line="358"/>
        <source>取り込み</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="336"/>
        <source>先にプランを作るか開いてください。</source>
        <translation>Please create or open a plan first.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="353"/>
        <source>「{0}」を読み込んでいます</source>
        <translation>Reading “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="358"/>
        <source>「{0}」の内容はプランと同じです。変更はありません。</source>
        <translation>“{0}” matches the plan. Nothing has changed.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="365"/>
        <source>取り込みを取りやめました。プランは変わっていません。</source>
        <translation>Import cancelled. The plan is unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="377"/>
        <source>「{0}」を取り込みました（{1}）。</source>
        <translation>Imported “{0}” ({1}).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="379"/>
        <source> 警告 {0} 件。</source>
        <translation> Warnings: {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="382"/>
        <source>取り込みの警告</source>
        <translation>Import Warnings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="389"/>
        <source>プランに保存しています</source>
        <translation>Saving to the plan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="394"/>
        <source>進捗表を取り込む</source>
        <translation>Import Progress Sheet</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="412"/>
        <source>進捗表「{0}」の取り込み</source>
        <translation>Import progress sheet “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="415"/>
        <source>「{0}」から {1} 業務の進捗を取り込みました（シート「{2}」）。</source>
        <translation>Imported progress for {1} workload(s) from “{0}” (sheet “{2}”).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="422"/>
        <source>「{0}」の進捗を読み込んでいます</source>
        <translation>Reading progress from “{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="428"/>
        <source>取り込みエラー</source>
        <translation>Import Errors</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="429"/>
        <source>「{0}」に {1} 件のエラーがあります。プランには何も書き込んでいません。Excelで直してから、もう一度取り込んでください。</source>
        <translation>“{0}” has {1} error(s). Nothing was written to the plan. Fix them in Excel, then import again.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="436"/>
        <location filename="../../ui/main_window.py" line="441"/>
        <source>取り込めません</source>
        <translation>Cannot Import</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="438"/>
        <source>プランに保存できません</source>
        <translation>Cannot Save to the Plan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="442"/>
        <source>予期しないエラーで取り込めませんでした。プランは変わっていません。
{0}: {1}</source>
        <translation>The import failed with an unexpected error. The plan is unchanged.
{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="503"/>
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="522"/>
        <source>処理の途中です。中止して終了しますか？（プランは処理前の状態のまま残ります）</source>
        <translation>A task is still running. Stop it and exit? (The plan stays as it was before the task.)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="539"/>
        <source>バージョン情報</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="540"/>
        <source>&lt;h3&gt;{0}&lt;/h3&gt;&lt;p&gt;バージョン {1}&lt;/p&gt;&lt;p&gt;大阪市 デジタル統括室のシステム刷新計画・標準化対応のための計画ツール。&lt;/p&gt;&lt;p&gt;日本語フォント：IPAexゴシック（IPAフォントライセンス v1.0）&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{0}&lt;/h3&gt;&lt;p&gt;Version {1}&lt;/p&gt;&lt;p&gt;A planning tool for Osaka City Digital Office’s system renewal and standardization programme.&lt;/p&gt;&lt;p&gt;Japanese font: IPAexGothic (IPA Font License v1.0)&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="67"/>
        <source>システムID</source>
        <translation>System ID</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="68"/>
        <source>システム名</source>
        <translation>System name</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="69"/>
        <source>所管所属</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="70"/>
        <source>系統</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="71"/>
        <source>サーバ台数</source>
        <translation>Servers</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="73"/>
        <source>標準化対象業務</source>
        <translation>Standardization workloads</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="78"/>
        <source>住民基本系</source>
        <translation>Resident records</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="79"/>
        <source>SaaS候補</source>
        <translation>SaaS candidate</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="80"/>
        <source>SaaS適合</source>
        <translation>SaaS fit</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="81"/>
        <source>クラウド化阻害要因</source>
        <translation>Cloud blocker</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="82"/>
        <source>次期更新年度</source>
        <translation>Next renewal FY</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="83"/>
        <source>年間運用経費（千円）</source>
        <translation>Annual running cost (thousand yen)</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="84"/>
        <source>移行経費見込（千円）</source>
        <translation>Est. migration cost (thousand yen)</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="85"/>
        <source>予算要求</source>
        <translation>Budget request</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="86"/>
        <source>規模</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="87"/>
        <source>保守事業者</source>
        <translation>Maintenance vendor</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="88"/>
        <source>連携先</source>
        <translation>Linked systems</translation>
    </message>
    <message>
        <location filename="../../ui/inventory_table.py" line="89"/>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="581"/>
        <source>手動・要確認</source>
        <translation>Manual · review</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="581"/>
        <source>手動</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="587"/>
        <source>理由：{0}
変更者：{1}
自動判定：{2}</source>
        <translation>Reason: {0}
Changed by: {1}
Automatic: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="591"/>
        <source>移行先</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="595"/>
        <source>判定ステップ</source>
        <translation>Rule step</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="597"/>
        <source>手動設定</source>
        <translation>Override</translation>
    </message>
</context>
<context>
    <name>PlacementBoard</name>
    <message>
        <location filename="../../ui/placement_board.py" line="386"/>
        <source>優先して検討するグループ：</source>
        <translation>Review first:</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="388"/>
        <source>予算要求あり</source>
        <translation>Budget requested</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="389"/>
        <source>2年度以内に更新</source>
        <translation>Renewal within 2 FYs</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="390"/>
        <source>規模 大</source>
        <translation>Large scale</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="413"/>
        <source>カードを別の列へドラッグすると移行先を変更できます（理由が必要です）。右クリックでも変更・解除できます。</source>
        <translation>Drag a card to another column to change its destination (a reason is required). Right-click to change or clear an override.</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="441"/>
        <source>{0}システム表示（全{1}）・手動設定 {2}件</source>
        <translation>Showing {0} of {1} systems · {2} overridden</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="443"/>
        <source>・要確認 {0}件</source>
        <translation> · {0} to review</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="452"/>
        <source> ほか{0}件</source>
        <translation> and {0} more</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="453"/>
        <source>{0} の移行先を「{1}」に変更します。理由を入力してください。</source>
        <translation>Changing the destination of {0} to “{1}”. Please enter a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="479"/>
        <source>移行先を変更できません</source>
        <translation>Cannot Change Destination</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="481"/>
        <source>{0}件の移行先を {1} に変更</source>
        <translation>Change destination of {0} system(s) to {1}</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="530"/>
        <source>移行先を変更</source>
        <translation>Change Destination</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="538"/>
        <source>手動設定を解除（自動判定「{0}」に戻す）</source>
        <translation>Clear Override (back to automatic “{0}”)</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="541"/>
        <source>入力の変更を確認済みにする（手動設定を維持）</source>
        <translation>Mark Input Changes as Reviewed (keep override)</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="640"/>
        <source>変更履歴</source>
        <translation>Change history</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="73"/>
        <source>ガバメントクラウド</source>
        <translation>Gov-Cloud</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="74"/>
        <source>SaaS</source>
        <translation>SaaS</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="75"/>
        <source>大阪市共通クラウド</source>
        <translation>Osaka City common cloud</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="76"/>
        <source>オンプレミス</source>
        <translation>On-premises</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="84"/>
        <source>{0}千円</source>
        <translation>{0} thousand yen</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="85"/>
        <source>{0}百万円</source>
        <translation>{0} million yen</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="237"/>
        <source>手動設定：{0}（{1}、{2}）</source>
        <translation>Override: {0} ({1}, {2})</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="239"/>
        <source>自動判定：{0}</source>
        <translation>Automatic: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="241"/>
        <location filename="../../ui/placement_board.py" line="619"/>
        <source>要確認：手動設定の後に判定の入力が変わりました</source>
        <translation>Review: the inputs to the rules changed after the override</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="279"/>
        <source>要確認</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="281"/>
        <source>手動</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="283"/>
        <source>SaaS適合 未検討</source>
        <translation>SaaS fit not assessed</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="308"/>
        <source>サーバ {0}台</source>
        <translation>{0} servers</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="358"/>
        <source>（未記入 {0}件）</source>
        <translation> ({0} blank)</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="361"/>
        <source>{0}システム・サーバ {1}台</source>
        <translation>{0} systems · {1} servers</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="362"/>
        <source>年間運用経費 {0}</source>
        <translation>Annual running cost {0}</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="364"/>
        <source>年間運用経費は千円単位の入力の合計です。</source>
        <translation>The annual running cost is the sum of the entered amounts (in thousand yen).</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="614"/>
        <source>（手動設定。自動判定は{0}）</source>
        <translation> (overridden; automatic: {0})</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="621"/>
        <source>手動設定の理由：{0}</source>
        <translation>Reason for override: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="629"/>
        <source>移行先の判定</source>
        <translation>Destination decision</translation>
    </message>
</context>
<context>
    <name>PlacementChart</name>
    <message>
        <location filename="../../ui/placement_chart.py" line="50"/>
        <source>グラフを準備しています…</source>
        <translation>Preparing the chart…</translation>
    </message>
    <message>
        <location filename="../../ui/placement_chart.py" line="107"/>
        <source>移行先別・系統別のシステム数</source>
        <translation>Systems by destination and tier</translation>
    </message>
    <message>
        <location filename="../../ui/placement_chart.py" line="108"/>
        <source>システム数</source>
        <translation>Systems</translation>
    </message>
    <message>
        <location filename="../../ui/placement_chart.py" line="119"/>
        <source>移行年度（次期更新年度）別のシステム数</source>
        <translation>Systems by migration FY (next renewal FY)</translation>
    </message>
    <message>
        <location filename="../../ui/placement_chart.py" line="120"/>
        <source>年度</source>
        <translation>FY</translation>
    </message>
    <message>
        <location filename="../../ui/placement_chart.py" line="127"/>
        <source>システムがありません（システム一覧を取り込んでください）</source>
        <translation>No systems (import a system inventory)</translation>
    </message>
    <message>
        <location filename="../../ui/placement_chart.py" line="35"/>
        <source>未定</source>
        <translation>TBD</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/placement_board.py" line="118"/>
        <source>移行先の変更</source>
        <extracomment>Lane colours (header band and card edge), calm and distinguishable in grey scale too.</extracomment>
        <translation>Change Destination</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="126"/>
        <source>理由（必須）：例）特殊機器と直結しているため共通クラウドへは移せない</source>
        <translation>Reason (required): e.g. wired directly to special equipment, so it cannot move to the common cloud</translation>
    </message>
    <message>
        <location filename="../../ui/placement_board.py" line="129"/>
        <source>理由は変更者・日時とともに履歴に残ります。</source>
        <translation>The reason is kept in the history with who changed it and when.</translation>
    </message>
</context>
<context>
    <name>ScheduleTableModel</name>
    <message>
        <location filename="../../ui/schedule_view.py" line="70"/>
        <source>業務</source>
        <translation>Workload</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="70"/>
        <source>システム</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="70"/>
        <source>開始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="70"/>
        <source>完了（稼働）</source>
        <translation>Finish (go-live)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="71"/>
        <source>余裕（営業日）</source>
        <translation>Slack (working days)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="71"/>
        <source>進捗</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="71"/>
        <source>P(期限内)</source>
        <translation>P(on time)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="71"/>
        <source>P(延長期限内)</source>
        <translation>P(by extended deadline)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="72"/>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="72"/>
        <source>要因</source>
        <translation>Driver</translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
    <message>
        <location filename="../../ui/schedule_view.py" line="343"/>
        <source>ベンダごとの同時移行数 </source>
        <translation>Concurrent migrations per vendor: </translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="350"/>
        <source>連携を追加</source>
        <translation>Add Link</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="351"/>
        <source>連携を削除</source>
        <translation>Remove Link</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="360"/>
        <source>提供元</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="373"/>
        <source>依存関係</source>
        <translation>Dependencies</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="374"/>
        <source>ガント</source>
        <translation>Gantt</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="375"/>
        <source>一覧</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="381"/>
        <source>業務をクリックすると計画を表示します</source>
        <translation>Click a workload to show its plan</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="384"/>
        <source>手順</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="384"/>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="384"/>
        <source>開始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="384"/>
        <source>完了</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="384"/>
        <source>日数</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="386"/>
        <source>所要日数を編集…</source>
        <translation>Edit Durations…</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="469"/>
        <source>その連携はありません。</source>
        <translation>There is no such link.</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="477"/>
        <source>進捗を変更：</source>
        <translation>Change progress: </translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="498"/>
        <source>稼働 </source>
        <translation>Go-live </translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="498"/>
        <source>進捗 </source>
        <translation>Progress </translation>
    </message>
</context>
<context>
    <name>SubsidyChart</name>
    <message>
        <location filename="../../ui/subsidy_view.py" line="306"/>
        <source>グラフを準備しています…</source>
        <translation>Preparing the chart…</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="348"/>
        <source>プランを開いてください</source>
        <translation>Please open a plan</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="359"/>
        <source>補助対象経費</source>
        <translation>Eligible costs</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="360"/>
        <source>補助</source>
        <translation>Subsidy</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="361"/>
        <source>対象外（関連作業）</source>
        <translation>Ineligible (related work)</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="362"/>
        <source>並行運用</source>
        <translation>Parallel running</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="363"/>
        <source>不足額（市の負担）</source>
        <translation>Shortfall (city’s share)</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="371"/>
        <source>経費 → 補助 → 不足額</source>
        <translation>Costs → subsidy → shortfall</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="379"/>
        <source>補助で賄う</source>
        <translation>Covered by subsidy</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="380"/>
        <source>市負担：対象経費の残り</source>
        <translation>City’s share: rest of eligible costs</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="381"/>
        <source>市負担：対象外</source>
        <translation>City’s share: ineligible</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="382"/>
        <source>市負担：並行運用</source>
        <translation>City’s share: parallel running</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="389"/>
        <source>年度別の経費と負担</source>
        <translation>Costs and city’s share by fiscal year</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="400"/>
        <source>範囲の下限</source>
        <translation>Low end of range</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="401"/>
        <source>範囲の上限</source>
        <translation>High end of range</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="404"/>
        <source>不足額を最も動かす前提（トルネード図）</source>
        <translation>Assumptions that move the shortfall most (tornado chart)</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="405"/>
        <source>不足額（{0}）</source>
        <translation>Shortfall ({0})</translation>
    </message>
</context>
<context>
    <name>SubsidyView</name>
    <message>
        <location filename="../../ui/subsidy_view.py" line="494"/>
        <location filename="../../ui/subsidy_view.py" line="873"/>
        <location filename="../../ui/subsidy_view.py" line="931"/>
        <source>シナリオ</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="502"/>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="503"/>
        <source>複製</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="504"/>
        <source>名前変更</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="505"/>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="534"/>
        <source> 年</source>
        <translation> yr</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="566"/>
        <source>金額の単位</source>
        <translation>Amount unit</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="576"/>
        <source>結果</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="607"/>
        <source>経費→補助→不足額</source>
        <translation>Costs → subsidy → shortfall</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="608"/>
        <source>年度別</source>
        <translation>By fiscal year</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="609"/>
        <source>感度（トルネード）</source>
        <translation>Sensitivity (tornado)</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="613"/>
        <source>年度別の表</source>
        <translation>Table by fiscal year</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="613"/>
        <source>業務別の表</source>
        <translation>Table by workload</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="614"/>
        <source>シナリオ比較</source>
        <translation>Scenario comparison</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="804"/>
        <source>工程表を計算しています…（それまではシナリオの遅延月数だけで計算）</source>
        <translation>Computing the schedule… (until then, only the scenario’s months of delay are used)</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="879"/>
        <source>シナリオ名：</source>
        <translation>Scenario name:</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="890"/>
        <source>シナリオの追加</source>
        <translation>Add Scenario</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="902"/>
        <source>シナリオの複製</source>
        <translation>Duplicate Scenario</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="921"/>
        <source>シナリオ名の変更</source>
        <translation>Rename Scenario</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="931"/>
        <source>ベースラインは削除できません。</source>
        <translation>The baseline cannot be deleted.</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="138"/>
        <source>（基準）</source>
        <translation> (baseline)</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="140"/>
        <source>ベースライン：削除できません</source>
        <translation>Baseline: cannot be deleted</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="166"/>
        <source>年度</source>
        <translation>FY</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="167"/>
        <location filename="../../ui/subsidy_view.py" line="177"/>
        <source>補助対象経費</source>
        <translation>Eligible costs</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="168"/>
        <location filename="../../ui/subsidy_view.py" line="178"/>
        <source>補助</source>
        <translation>Subsidy</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="169"/>
        <source>補助対象外</source>
        <translation>Ineligible</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="170"/>
        <location filename="../../ui/subsidy_view.py" line="180"/>
        <source>並行運用</source>
        <translation>Parallel running</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="171"/>
        <location filename="../../ui/subsidy_view.py" line="181"/>
        <source>市の負担</source>
        <translation>City’s share</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="172"/>
        <location filename="../../ui/subsidy_view.py" line="182"/>
        <source>説明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="176"/>
        <source>業務</source>
        <translation>Workload</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="179"/>
        <source>遅れ（か月）</source>
        <translation>Delay (months)</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="285"/>
        <source>項目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/subsidy_view.py" line="290"/>
        <source>差（{0}）</source>
        <translation>Difference ({0})</translation>
    </message>
</context>
<context>
    <name>SystemDetail</name>
    <message>
        <location filename="../../ui/system_detail.py" line="40"/>
        <source>表でシステムを選ぶと、ここに詳細が表示されます。</source>
        <translation>Select a system in the table to see its details here.</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="54"/>
        <source>システムID</source>
        <translation>System ID</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="55"/>
        <source>所管所属</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="56"/>
        <source>系統</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="57"/>
        <source>サーバ台数</source>
        <translation>Servers</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="58"/>
        <source>住民基本系</source>
        <translation>Resident records</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="59"/>
        <source>SaaS候補</source>
        <translation>SaaS candidate</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="60"/>
        <source>SaaS適合</source>
        <translation>SaaS fit</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="61"/>
        <source>クラウド化阻害要因</source>
        <translation>Cloud blocker</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="62"/>
        <source>次期更新年度</source>
        <translation>Next renewal FY</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="63"/>
        <source>年間運用経費</source>
        <translation>Annual running cost</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="64"/>
        <source>移行経費見込</source>
        <translation>Est. migration cost</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="65"/>
        <source>予算要求</source>
        <translation>Budget request</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="66"/>
        <source>規模</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="67"/>
        <source>保守事業者</source>
        <translation>Maintenance vendor</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="74"/>
        <source>標準化対象業務</source>
        <translation>Standardization workloads</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="78"/>
        <source>連携先</source>
        <translation>Linked systems</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="87"/>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/system_detail.py" line="89"/>
        <source>追加属性</source>
        <translation>Additional attributes</translation>
    </message>
</context>
<context>
    <name>WorkloadGraph</name>
    <message>
        <location filename="../../ui/schedule_view.py" line="231"/>
        <source>標準化20業務の稼働日と連携（太枠・橙：クリティカルパス、赤：期限超過）</source>
        <translation>Go-live dates and links of the 20 standardization workloads (bold orange outline: critical path, red: past the deadline)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="179"/>
        <source>FY2025期限 2026-03-31</source>
        <translation>FY2025 deadline 2026-03-31</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="180"/>
        <source>延長期限（特定移行支援）</source>
        <translation>Extended deadline (special migration support system)</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_view.py" line="181"/>
        <source>基準日（今日）</source>
        <translation>As of (today)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="58"/>
        <source>予期しないエラーが発生しました。プランは最後に保存した状態のままです。
{0}: {1}</source>
        <translation>An unexpected error occurred. The plan is as it was last saved.
{0}: {1}</translation>
    </message>
</context>
</TS>
