<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../about_dialog.py" line="18"/>
        <source>&lt;h3&gt;Deckard %1&lt;/h3&gt;&lt;p&gt;Spaced-repetition flashcards from your own notes: SM-2 scheduling on SQLite, a keyboard-first review window, Anki import and export.&lt;/p&gt;&lt;p&gt;Collection: &lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Qt for Python %3 · MIT licence&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Deckard %1&lt;/h3&gt;&lt;p&gt;用你自己的笔记做间隔重复记忆卡片：基于 SQLite 的 SM-2 调度、以键盘为先的复习窗口、Anki 导入与导出。&lt;/p&gt;&lt;p&gt;卡片集：&lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Qt for Python %3 · MIT 许可证&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../about_dialog.py" line="31"/>
        <source>About Deckard</source>
        <translation>关于 Deckard</translation>
    </message>
</context>
<context>
    <name>AddCardDialog</name>
    <message>
        <location filename="../add_card_dialog.py" line="66"/>
        <source>Add cards</source>
        <translation>添加卡片</translation>
    </message>
    <message>
        <location filename="../add_card_dialog.py" line="67"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../add_card_dialog.py" line="68"/>
        <source>Add the card (Ctrl+Enter)</source>
        <translation>添加卡片 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../add_card_dialog.py" line="69"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../add_card_dialog.py" line="92"/>
        <source>Added to %1. Cards added so far: %2</source>
        <translation>已添加到 %1。本次共添加 %2 张。</translation>
    </message>
    <message>
        <location filename="../add_card_dialog.py" line="106"/>
        <source>Type a question first.</source>
        <translation>请先输入问题。</translation>
    </message>
    <message>
        <location filename="../add_card_dialog.py" line="108"/>
        <source>Type an answer first.</source>
        <translation>请先输入答案。</translation>
    </message>
    <message>
        <location filename="../add_card_dialog.py" line="110"/>
        <source>Choose a deck: a name, or Parent::Child.</source>
        <translation>请选择牌组：一个名称，或 上级::子级。</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../workers.py" line="101"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../workers.py" line="115"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>BrowserWindow</name>
    <message>
        <location filename="../browser.py" line="186"/>
        <source>Browse cards</source>
        <translation>浏览卡片</translation>
    </message>
    <message>
        <location filename="../browser.py" line="188"/>
        <source>Search: words, &quot;a phrase&quot;, deck:Docker tag:net is:due prop:ivl&gt;30 -is:new</source>
        <translation>搜索：词语、&quot;短语&quot;、deck:Docker tag:net is:due prop:ivl&gt;30 -is:new</translation>
    </message>
    <message>
        <location filename="../browser.py" line="192"/>
        <source>Words match the question or answer. Filters: deck:NAME tag:NAME is:new|due|review|learning|suspended|buried prop:ivl|ease|reps|lapses|due&gt;N added:DAYS rated:DAYS. Combine with and, or, -, (parentheses).</source>
        <translation>词语匹配问题或答案。筛选条件：deck:名称 tag:名称 is:new|due|review|learning|suspended|buried prop:ivl|ease|reps|lapses|due&gt;N added:天数 rated:天数。可用 and、or、-、（括号）组合。</translation>
    </message>
    <message>
        <location filename="../browser.py" line="197"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../browser.py" line="198"/>
        <source>&amp;Cards</source>
        <translation>卡片(&amp;C)</translation>
    </message>
    <message>
        <location filename="../browser.py" line="199"/>
        <location filename="../main_window.py" line="247"/>
        <source>&amp;Add cards…</source>
        <translation>添加卡片(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../browser.py" line="200"/>
        <source>&amp;Suspend / unsuspend</source>
        <translation>暂停 / 恢复(&amp;S)</translation>
    </message>
    <message>
        <location filename="../browser.py" line="201"/>
        <source>&amp;Reset to new</source>
        <translation>重置为新卡(&amp;R)</translation>
    </message>
    <message>
        <location filename="../browser.py" line="202"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../browser.py" line="203"/>
        <source>&amp;Undo delete</source>
        <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
        <location filename="../browser.py" line="204"/>
        <source>&amp;Move to deck…</source>
        <translation>移动到牌组(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../browser.py" line="205"/>
        <source>Add &amp;tags…</source>
        <translation>添加标签(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../browser.py" line="206"/>
        <source>Remo&amp;ve tags…</source>
        <translation>移除标签(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../browser.py" line="207"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../browser.py" line="208"/>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../browser.py" line="209"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../browser.py" line="259"/>
        <source>Cannot search: %1</source>
        <translation>无法搜索：%1</translation>
    </message>
    <message>
        <location filename="../browser.py" line="267"/>
        <source>Cards: %1</source>
        <translation>卡片：%1</translation>
    </message>
    <message>
        <location filename="../browser.py" line="269"/>
        <source>selected: %1</source>
        <translation>已选：%1</translation>
    </message>
    <message>
        <location filename="../browser.py" line="371"/>
        <source>Delete the selected cards (%1) and their review history?</source>
        <translation>删除所选卡片（%1 张）及其复习记录吗？</translation>
    </message>
    <message>
        <location filename="../browser.py" line="382"/>
        <source>Cards deleted: %1. Undo with Ctrl+Z.</source>
        <translation>已删除卡片：%1。可用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../browser.py" line="393"/>
        <source>Cards restored: %1.</source>
        <translation>已恢复卡片：%1。</translation>
    </message>
    <message>
        <location filename="../browser.py" line="406"/>
        <source>Move to deck</source>
        <translation>移动到牌组</translation>
    </message>
    <message>
        <location filename="../browser.py" line="407"/>
        <source>Move the selected cards (%1) to deck:</source>
        <translation>将所选卡片（%1 张）移动到牌组：</translation>
    </message>
    <message>
        <location filename="../browser.py" line="420"/>
        <source>Add tags</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <location filename="../browser.py" line="426"/>
        <source>Remove tags</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <location filename="../browser.py" line="436"/>
        <source>Tags for the selected cards (%1), separated by spaces:</source>
        <translation>所选卡片（%1 张）的标签，用空格分隔：</translation>
    </message>
    <message>
        <location filename="../browser.py" line="461"/>
        <source>Deckard</source>
        <translation>Deckard</translation>
    </message>
    <message>
        <location filename="../browser.py" line="464"/>
        <source>Delete cards</source>
        <translation>删除卡片</translation>
    </message>
</context>
<context>
    <name>CardEditor</name>
    <message>
        <location filename="../card_editor.py" line="191"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="192"/>
        <source>Save the changes (Ctrl+S)</source>
        <translation>保存修改 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="193"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="216"/>
        <source>Select a card to edit it.</source>
        <translation>选择一张卡片进行编辑。</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="228"/>
        <source>New card</source>
        <translation>新卡片</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="231"/>
        <source>Due %1 · interval %2 d · ease %3 · lapses %4</source>
        <translation>到期 %1 · 间隔 %2 天 · 难度系数 %3 · 遗忘 %4 次</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="238"/>
        <source>suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="241"/>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="254"/>
        <source>A card needs both a question and an answer.</source>
        <translation>卡片必须同时有问题和答案。</translation>
    </message>
</context>
<context>
    <name>CardForm</name>
    <message>
        <location filename="../card_editor.py" line="104"/>
        <source>Deck</source>
        <translation>牌组</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="105"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="106"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="107"/>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="108"/>
        <source>Preview, as the review screen shows it:</source>
        <translation>预览（与复习界面显示一致）：</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="109"/>
        <source>space-separated, e.g. network docker::cli</source>
        <translation>用空格分隔，例如 network docker::cli</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="110"/>
        <source>Markdown: **bold**, `code`, ```fences```</source>
        <translation>Markdown：**粗体**、`代码`、```代码块```</translation>
    </message>
</context>
<context>
    <name>CardTableModel</name>
    <message>
        <location filename="../card_table_model.py" line="196"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="197"/>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="198"/>
        <source>Deck</source>
        <translation>牌组</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="199"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="200"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="201"/>
        <source>Interval</source>
        <translation>间隔</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="202"/>
        <source>Ease</source>
        <translation>难度系数</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="203"/>
        <source>Reviews</source>
        <translation>复习次数</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="204"/>
        <source>Lapses</source>
        <translation>遗忘次数</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="205"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="211"/>
        <source>new</source>
        <translation>新卡</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="212"/>
        <source>learning</source>
        <translation>学习中</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="213"/>
        <source>review</source>
        <translation>复习</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="214"/>
        <source>buried</source>
        <translation>已搁置</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="215"/>
        <source>suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="254"/>
        <source>(new)</source>
        <translation>（新卡）</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="257"/>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <location filename="../check_dialog.py" line="25"/>
        <source>Check collection</source>
        <translation>检查卡片集</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="33"/>
        <source>%1 review(s) of cards that no longer exist</source>
        <translation>%1 条复习记录的卡片已不存在</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="39"/>
        <source>removed %1 review(s) of missing cards</source>
        <translation>删除了 %1 条已不存在卡片的复习记录</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="43"/>
        <source>%1 card(s) in a deck that no longer exists</source>
        <translation>%1 张卡片所在的牌组已不存在</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="49"/>
        <source>moved %1 card(s) to the deck &apos;Recovered&apos;</source>
        <translation>已将 %1 张卡片移到牌组“Recovered”</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="55"/>
        <source>Backed up the collection first to %1</source>
        <translation>已先将卡片集备份到 %1</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="59"/>
        <source>No backup could be made first (%1)</source>
        <translation>未能先做备份（%1）</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="63"/>
        <source>Rebuilt every index.</source>
        <translation>已重建全部索引。</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="80"/>
        <source>Found: %1</source>
        <translation>发现：%1</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="85"/>
        <source>Repaired: %1</source>
        <translation>已修复：%1</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="89"/>
        <source>Not repaired: %1</source>
        <translation>未修复：%1</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="95"/>
        <source>The collection is damaged beyond a safe repair; restore a backup (File › Restore backup…, or deckard restore FILE).</source>
        <translation>卡片集已损坏，无法安全修复；请恢复备份（文件 › 恢复备份…，或 deckard restore 文件）。</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="101"/>
        <source>The collection is sound now.</source>
        <translation>卡片集现已完好。</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="103"/>
        <source>No problems found; the collection is sound.</source>
        <translation>未发现问题，卡片集完好。</translation>
    </message>
</context>
<context>
    <name>DeckOverview</name>
    <message>
        <location filename="../deck_overview.py" line="57"/>
        <source>All decks</source>
        <translation>全部牌组</translation>
    </message>
    <message>
        <location filename="../deck_overview.py" line="64"/>
        <source>New</source>
        <translation>新卡</translation>
    </message>
    <message>
        <location filename="../deck_overview.py" line="64"/>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../deck_overview.py" line="64"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../deck_overview.py" line="71"/>
        <source>Study now</source>
        <translation>开始学习</translation>
    </message>
    <message>
        <location filename="../deck_overview.py" line="76"/>
        <source>Today: %1 cards reviewed in %2</source>
        <translation>今日：已复习 %1 张，用时 %2</translation>
    </message>
</context>
<context>
    <name>DeckTreeModel</name>
    <message>
        <location filename="../deck_tree_model.py" line="194"/>
        <source>Deck</source>
        <translation>牌组</translation>
    </message>
    <message>
        <location filename="../deck_tree_model.py" line="194"/>
        <source>New</source>
        <translation>新卡</translation>
    </message>
    <message>
        <location filename="../deck_tree_model.py" line="194"/>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../deck_tree_model.py" line="194"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../dialogs.py" line="18"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="19"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="20"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="21"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="22"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../done_screen.py" line="74"/>
        <source>Done for today</source>
        <translation>今日已完成</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="75"/>
        <source>All decks</source>
        <translation>全部牌组</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="76"/>
        <source>Nothing more to study in %1 today.</source>
        <translation>%1 今天没有要学习的卡片了。</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="78"/>
        <source>Cards reviewed today</source>
        <translation>今日已复习</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="79"/>
        <source>Time spent</source>
        <translation>用时</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="80"/>
        <source>Due tomorrow</source>
        <translation>明天到期</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="81"/>
        <source>Due in the next 7 days</source>
        <translation>未来 7 天到期</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="85"/>
        <source>Back to decks (Esc)</source>
        <translation>返回牌组列表 (Esc)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../export_dialog.py" line="24"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="26"/>
        <source>All decks</source>
        <translation>全部牌组</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="32"/>
        <source>Anki package (.apkg)</source>
        <translation>Anki 卡包 (.apkg)</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="33"/>
        <source>Markdown deck (.md)</source>
        <translation>Markdown 牌组 (.md)</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="34"/>
        <source>CSV in Anki&apos;s text format (.csv)</source>
        <translation>Anki 文本格式的 CSV (.csv)</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="35"/>
        <source>Include scheduling and review history</source>
        <translation>包含调度信息和复习记录</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="37"/>
        <source>Include media files</source>
        <translation>包含媒体文件</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="41"/>
        <source>Deck:</source>
        <translation>牌组：</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="42"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <location filename="../transfer.py" line="170"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="198"/>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="208"/>
        <source>Exported %1 cards to %2.</source>
        <translation>已导出 %1 张卡片到 %2。</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../transfer.py" line="28"/>
        <source>Everything Deckard reads</source>
        <translation>Deckard 可读取的全部格式</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="30"/>
        <source>Notes or Markdown deck</source>
        <translation>笔记或 Markdown 牌组</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="33"/>
        <source>Anki package</source>
        <translation>Anki 卡包</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="34"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="55"/>
        <location filename="../transfer.py" line="111"/>
        <location filename="../transfer.py" line="127"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="76"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="94"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="118"/>
        <source>%1 holds %2 cards and %3 media files.</source>
        <translation>%1 包含 %2 张卡片和 %3 个媒体文件。</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="104"/>
        <source>%1 items will be skipped:</source>
        <translation>将跳过 %1 项：</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="109"/>
        <source>Cards already in the collection are updated and keep their history. Import now?</source>
        <translation>卡片集中已有的卡片会被更新并保留复习记录。现在导入吗？</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="132"/>
        <source>Added %1, updated %2, unchanged %3, suspended %4, skipped %5.</source>
        <translation>新增 %1，更新 %2，未变 %3，暂停 %4，跳过 %5。</translation>
    </message>
</context>
<context>
    <name>InlineCardEditor</name>
    <message>
        <location filename="../inline_editor.py" line="55"/>
        <source>Question (Markdown)</source>
        <translation>问题（Markdown）</translation>
    </message>
    <message>
        <location filename="../inline_editor.py" line="56"/>
        <source>Answer (Markdown)</source>
        <translation>答案（Markdown）</translation>
    </message>
    <message>
        <location filename="../inline_editor.py" line="57"/>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../inline_editor.py" line="58"/>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
</context>
<context>
    <name>Intervals</name>
    <message>
        <location filename="../review_widget.py" line="41"/>
        <source>%1d</source>
        <translation>%1天</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="44"/>
        <source>%1mo</source>
        <translation>%1个月</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="46"/>
        <source>%1y</source>
        <translation>%1年</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="234"/>
        <location filename="../main_window.py" line="544"/>
        <source>Deckard</source>
        <translation>Deckard</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="235"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="236"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="237"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="238"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="239"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="240"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="241"/>
        <source>&amp;Backup now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="242"/>
        <source>&amp;Restore backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="243"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="244"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="245"/>
        <source>&amp;Browse</source>
        <translation>浏览卡片(&amp;B)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="248"/>
        <source>&amp;Statistics</source>
        <translation>统计(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="249"/>
        <source>&amp;Check collection</source>
        <translation>检查卡片集(&amp;C)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="250"/>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="251"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="252"/>
        <source>&amp;About Deckard</source>
        <translation>关于 Deckard(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="355"/>
        <source>Nothing to undo</source>
        <translation>没有可撤销的操作</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="468"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="478"/>
        <source>Backup saved: %1</source>
        <translation>备份已保存：%1</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../preferences_dialog.py" line="59"/>
        <location filename="../preferences_dialog.py" line="159"/>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="79"/>
        <source>Four buttons: Again, Hard, Good, Easy (keys 1–4)</source>
        <translation>四个按钮：重来、困难、良好、简单（按键 1–4）</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="81"/>
        <source>Six grades 0–5, as in SuperMemo (keys 0–5)</source>
        <translation>六级评分 0–5，同 SuperMemo（按键 0–5）</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="86"/>
        <source>Deck:</source>
        <translation>牌组：</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="87"/>
        <source>New cards per day:</source>
        <translation>每日新卡数：</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="88"/>
        <source>Reviews per day:</source>
        <translation>每日复习上限：</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="89"/>
        <source>Sub-decks count toward their parent&apos;s limits.</source>
        <translation>子牌组计入其上级牌组的限额。</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="92"/>
        <source>Next day starts at:</source>
        <translation>新的一天开始于：</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="93"/>
        <source>Grading:</source>
        <translation>评分方式：</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="103"/>
        <location filename="../preferences_dialog.py" line="111"/>
        <source>Follow system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="112"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="113"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="123"/>
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="124"/>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="125"/>
        <source>Card font size:</source>
        <translation>卡片字号：</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="126"/>
        <source>Ctrl+= and Ctrl+- also zoom while reviewing.</source>
        <translation>复习时也可用 Ctrl+= 和 Ctrl+- 缩放。</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="131"/>
        <source>Study</source>
        <translation>学习</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="132"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
</context>
<context>
    <name>QueryError</name>
    <message>
        <location filename="../query_errors.py" line="17"/>
        <source>this quote is never closed: add a closing &quot;</source>
        <translation>这个引号没有闭合：请补上结尾的 &quot;</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="18"/>
        <source>this &quot;)&quot; has no matching &quot;(&quot;: put text in quotes to search for it</source>
        <translation>这个 &quot;)&quot; 没有对应的 &quot;(&quot;：要搜索它，请把文字放进引号</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="21"/>
        <source>unexpected %1</source>
        <translation>这里不应出现 %1</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="22"/>
        <source>%1 needs a search term after it</source>
        <translation>%1 后面需要一个搜索词</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="23"/>
        <source>%1 needs a search term before it</source>
        <translation>%1 前面需要一个搜索词</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="24"/>
        <source>the query ends where a search term was expected</source>
        <translation>查询在应有搜索词的地方结束了</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="25"/>
        <source>&quot;-&quot; must be followed directly by a search term</source>
        <translation>&quot;-&quot; 后面必须紧跟一个搜索词</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="26"/>
        <source>parentheses are nested too deeply</source>
        <translation>括号嵌套太深</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="27"/>
        <source>this &quot;(&quot; is never closed: add a &quot;)&quot;</source>
        <translation>这个 &quot;(&quot; 没有闭合：请补上 &quot;)&quot;</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="28"/>
        <source>empty parentheses: put a search term inside</source>
        <translation>括号是空的：请在里面写一个搜索词</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="29"/>
        <source>too many search terms (at most %1)</source>
        <translation>搜索词太多（最多 %1 个）</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="30"/>
        <source>empty quotes: put the text to search for between the &quot;&quot;</source>
        <translation>引号是空的：请把要搜索的文字写在 &quot;&quot; 之间</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="31"/>
        <source>unknown filter %1 (known: %2); put text in quotes to search for it</source>
        <translation>未知的筛选条件 %1（可用：%2）；要搜索这段文字，请放进引号</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="34"/>
        <source>%1: needs a value after the colon</source>
        <translation>%1: 冒号后面需要一个值</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="35"/>
        <source>is: takes one of %1, not %2</source>
        <translation>is: 只接受 %1 之一，而不是 %2</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="36"/>
        <source>prop: needs a property, a comparison and a number, like prop:ivl&gt;30</source>
        <translation>prop: 需要属性、比较符和数字，例如 prop:ivl&gt;30</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="39"/>
        <source>unknown property %1 (known: %2)</source>
        <translation>未知的属性 %1（可用：%2）</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="40"/>
        <source>prop:%1 compares with a number like 2.5</source>
        <translation>prop:%1 要与数字比较，例如 2.5</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="41"/>
        <source>prop:%1 compares with a whole number</source>
        <translation>prop:%1 要与整数比较</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="42"/>
        <source>rated:DAYS:GRADE takes a grade from 0 to 5</source>
        <translation>rated:天数:评分 中的评分须为 0 到 5</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="43"/>
        <source>%1: takes a number of days from 1, like %1:7</source>
        <translation>%1: 需要从 1 起的天数，例如 %1:7</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="59"/>
        <source>%1 (at character %2)</source>
        <translation>%1（第 %2 个字符处）</translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <location filename="../backup_dialog.py" line="46"/>
        <location filename="../backup_dialog.py" line="132"/>
        <location filename="../backup_dialog.py" line="137"/>
        <location filename="../backup_dialog.py" line="142"/>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../backup_dialog.py" line="53"/>
        <source>Made</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../backup_dialog.py" line="53"/>
        <source>Cards</source>
        <translation>卡片数</translation>
    </message>
    <message>
        <location filename="../backup_dialog.py" line="53"/>
        <source>Reviews</source>
        <translation>复习次数</translation>
    </message>
    <message>
        <location filename="../backup_dialog.py" line="53"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../backup_dialog.py" line="67"/>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../backup_dialog.py" line="101"/>
        <source>Choose a backup to restore. The collection as it is now is backed up first, so you can come back to it.</source>
        <translation>选择要恢复的备份。恢复前会先备份当前卡片集，之后仍可回到现在的状态。</translation>
    </message>
    <message>
        <location filename="../backup_dialog.py" line="109"/>
        <source>There are no backups yet. Deckard makes one every 30 minutes of use and when it closes; File › Backup now makes one at once.</source>
        <translation>还没有备份。Deckard 每使用 30 分钟及关闭时各备份一次；也可用 文件 › 立即备份 马上备份。</translation>
    </message>
    <message>
        <location filename="../backup_dialog.py" line="128"/>
        <source>Replace the collection with the backup of %1 (%2 cards)?</source>
        <translation>用 %1 的备份（%2 张卡片）替换当前卡片集吗？</translation>
    </message>
    <message>
        <location filename="../backup_dialog.py" line="143"/>
        <source>Restored the backup of %1. The collection as it was is kept in %2.</source>
        <translation>已恢复 %1 的备份。原来的卡片集保存在 %2。</translation>
    </message>
</context>
<context>
    <name>ReviewWidget</name>
    <message>
        <location filename="../review_widget.py" line="304"/>
        <source>Again</source>
        <translation>重来</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="299"/>
        <location filename="../review_widget.py" line="304"/>
        <source>Hard</source>
        <translation>困难</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="296"/>
        <source>Blackout</source>
        <translation>完全忘记</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="297"/>
        <source>Wrong</source>
        <translation>答错</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="298"/>
        <source>Nearly</source>
        <translation>差一点</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="300"/>
        <location filename="../review_widget.py" line="304"/>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="301"/>
        <source>Perfect</source>
        <translation>完美</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="304"/>
        <source>Easy</source>
        <translation>简单</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="310"/>
        <source>Key %1</source>
        <translation>按键 %1</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="312"/>
        <source>Complete blackout</source>
        <translation>完全想不起来</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="313"/>
        <source>Wrong, but the answer was familiar once shown</source>
        <translation>答错，但看到答案后觉得熟悉</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="314"/>
        <source>Wrong, but the answer seemed easy to recall</source>
        <translation>答错，但答案似乎很容易想起</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="315"/>
        <source>Right, with serious difficulty</source>
        <translation>答对，但非常吃力</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="316"/>
        <source>Right, after a hesitation</source>
        <translation>答对，稍有犹豫</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="317"/>
        <source>Right at once, without hesitation</source>
        <translation>答对，毫不犹豫</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="319"/>
        <source>%1 (key %2)</source>
        <translation>%1（按键 %2）</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="376"/>
        <source>All decks</source>
        <translation>全部牌组</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="378"/>
        <source>%1 — left today: %2 new · %3 repeat · %4 due</source>
        <translation>%1 — 今日剩余：新卡 %2 · 重复 %3 · 到期 %4</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="387"/>
        <source>%1 on this card</source>
        <translation>本卡已用 %1</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="390"/>
        <source>Show answer (Space)</source>
        <translation>显示答案（空格）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../shortcuts_dialog.py" line="23"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="26"/>
        <source>Deck list</source>
        <translation>牌组列表</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="27"/>
        <source>Study the selected deck</source>
        <translation>学习选中的牌组</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="28"/>
        <source>Move in the deck list, fold and unfold sub-decks</source>
        <translation>在牌组列表中移动，折叠或展开子牌组</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="29"/>
        <source>Review</source>
        <translation>复习</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="30"/>
        <source>Space or Enter</source>
        <translation>空格或回车</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="30"/>
        <source>Show the answer; once shown, grade Good</source>
        <translation>显示答案；显示后再按则评为“良好”</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="31"/>
        <source>Again, Hard, Good, Easy</source>
        <translation>重来、困难、良好、简单</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="32"/>
        <source>The six grades, when six-grade mode is on</source>
        <translation>六级评分（开启六级评分模式时）</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="33"/>
        <source>Undo the last answer and show that card again</source>
        <translation>撤销上一次评分并重新显示该卡片</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="34"/>
        <source>Edit the current card</source>
        <translation>编辑当前卡片</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="35"/>
        <source>Bury the card until tomorrow</source>
        <translation>搁置此卡到明天</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="36"/>
        <source>Suspend the card</source>
        <translation>暂停此卡</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="37"/>
        <source>Larger / smaller card text</source>
        <translation>放大 / 缩小卡片文字</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="38"/>
        <source>Back to the deck list</source>
        <translation>返回牌组列表</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="39"/>
        <source>Everywhere</source>
        <translation>任何界面</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="40"/>
        <source>Import a file</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="41"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="42"/>
        <source>Add cards to the selected deck</source>
        <translation>向选中的牌组添加卡片</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="43"/>
        <source>Browse cards</source>
        <translation>浏览卡片</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="44"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="45"/>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="46"/>
        <source>This list of shortcuts</source>
        <translation>本快捷键列表</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="47"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="50"/>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="50"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>StatsWindow</name>
    <message>
        <location filename="../stats_window.py" line="170"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="171"/>
        <source>Deck:</source>
        <translation>牌组：</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="172"/>
        <source>Whole collection</source>
        <translation>整个卡片集</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="173"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="175"/>
        <source>Reviews per day, past year</source>
        <translation>过去一年每日复习量</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="176"/>
        <source>Due cards, next 30 days</source>
        <translation>未来 30 天到期卡片</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="177"/>
        <source>Reviews per day, past 30 days</source>
        <translation>过去 30 天每日复习量</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="178"/>
        <source>Retention by interval</source>
        <translation>按间隔的记忆保持率</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="179"/>
        <source>Grades given</source>
        <translation>评分分布</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="180"/>
        <source>Cards by state</source>
        <translation>卡片状态</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="181"/>
        <source>Studied cards by interval</source>
        <translation>已学卡片的间隔分布</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="186"/>
        <source>cards</source>
        <translation>张卡片</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="187"/>
        <source>due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="188"/>
        <source>reviewed today</source>
        <translation>今日已复习</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="189"/>
        <source>day streak</source>
        <translation>连续学习天数</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="190"/>
        <source>retention, 30 days</source>
        <translation>30 天保持率</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="191"/>
        <source>average ease</source>
        <translation>平均难度系数</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="196"/>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="197"/>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="198"/>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="199"/>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="200"/>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="201"/>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="202"/>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="203"/>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="204"/>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="205"/>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="206"/>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="207"/>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="210"/>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="212"/>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="214"/>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="216"/>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="218"/>
        <source>Less</source>
        <translation>少</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="219"/>
        <source>More</source>
        <translation>多</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="221"/>
        <source>Reviews on %1: %2</source>
        <translation>%1 复习：%2 次</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="243"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="280"/>
        <source>%1 (%2 min)</source>
        <translation>%1（%2 分钟）</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="299"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="300"/>
        <source>Day (today first; overdue cards count as today)</source>
        <translation>日期（今天在前；逾期卡片计入今天）</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="301"/>
        <location filename="../stats_window.py" line="369"/>
        <location filename="../stats_window.py" line="370"/>
        <location filename="../stats_window.py" line="376"/>
        <location filename="../stats_window.py" line="378"/>
        <source>Cards</source>
        <translation>卡片数</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="302"/>
        <source>Nothing due in the next 30 days</source>
        <translation>未来 30 天没有到期卡片</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="310"/>
        <location filename="../stats_window.py" line="344"/>
        <location filename="../stats_window.py" line="359"/>
        <source>New</source>
        <translation>新卡</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="311"/>
        <location filename="../stats_window.py" line="346"/>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="312"/>
        <location filename="../stats_window.py" line="349"/>
        <location filename="../stats_window.py" line="361"/>
        <source>Review</source>
        <translation>复习</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="314"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="315"/>
        <location filename="../stats_window.py" line="353"/>
        <source>Answers</source>
        <translation>回答次数</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="316"/>
        <source>No reviews in the past 30 days</source>
        <translation>过去 30 天没有复习</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="323"/>
        <source>%1: %2 of %3 reviews passed</source>
        <translation>%1：%3 次复习中通过 %2 次</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="331"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="332"/>
        <source>Interval before the review</source>
        <translation>复习前的间隔</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="333"/>
        <source>% passed (grade 3+)</source>
        <translation>通过率 %（评分 3 及以上）</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="334"/>
        <source>No reviews of learned cards yet</source>
        <translation>已学卡片还没有复习记录</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="352"/>
        <source>Grade (0-2 fail, 3-5 pass)</source>
        <translation>评分（0-2 未通过，3-5 通过）</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="354"/>
        <source>No answers yet</source>
        <translation>还没有回答</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="360"/>
        <source>Learning</source>
        <translation>学习中</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="362"/>
        <source>Buried</source>
        <translation>已搁置</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="363"/>
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="371"/>
        <source>No cards</source>
        <translation>没有卡片</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="377"/>
        <source>Current interval</source>
        <translation>当前间隔</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="379"/>
        <source>No studied cards yet</source>
        <translation>还没有学过的卡片</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="385"/>
        <source>&gt;%1 y</source>
        <translation>&gt;%1 年</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="386"/>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="386"/>
        <source>%1 mo</source>
        <translation>%1 个月</translation>
    </message>
</context>
</TS>
