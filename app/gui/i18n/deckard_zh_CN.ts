<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../about_dialog.py" line="18" />
        <source>&lt;h3&gt;Deckard %1&lt;/h3&gt;&lt;p&gt;Spaced-repetition flashcards from your own notes: SM-2 scheduling on SQLite, a keyboard-first review window, Anki import and export.&lt;/p&gt;&lt;p&gt;Collection: &lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Qt for Python %3 · MIT licence&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Deckard %1&lt;/h3&gt;&lt;p&gt;用你自己的笔记做间隔重复记忆卡片：基于 SQLite 的 SM-2 调度、以键盘为先的复习窗口、Anki 导入与导出。&lt;/p&gt;&lt;p&gt;卡片集：&lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Qt for Python %3 · MIT 许可证&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../about_dialog.py" line="31" />
        <source>About Deckard</source>
        <translation>关于 Deckard</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../workers.py" line="101" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../workers.py" line="115" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>CardEditor</name>
    <message>
        <location filename="../review_widget.py" line="89" />
        <source>Question (Markdown)</source>
        <translation>问题（Markdown）</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="90" />
        <source>Answer (Markdown)</source>
        <translation>答案（Markdown）</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="91" />
        <source>Save (Ctrl+Enter)</source>
        <translation>保存 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="92" />
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
</context>
<context>
    <name>DeckOverview</name>
    <message>
        <location filename="../deck_overview.py" line="57" />
        <source>All decks</source>
        <translation>全部牌组</translation>
    </message>
    <message>
        <location filename="../deck_overview.py" line="64" />
        <source>New</source>
        <translation>新卡</translation>
    </message>
    <message>
        <location filename="../deck_overview.py" line="64" />
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../deck_overview.py" line="64" />
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../deck_overview.py" line="71" />
        <source>Study now</source>
        <translation>开始学习</translation>
    </message>
    <message>
        <location filename="../deck_overview.py" line="76" />
        <source>Today: %1 cards reviewed in %2</source>
        <translation>今日：已复习 %1 张，用时 %2</translation>
    </message>
</context>
<context>
    <name>DeckTreeModel</name>
    <message>
        <location filename="../deck_tree_model.py" line="194" />
        <source>Deck</source>
        <translation>牌组</translation>
    </message>
    <message>
        <location filename="../deck_tree_model.py" line="194" />
        <source>New</source>
        <translation>新卡</translation>
    </message>
    <message>
        <location filename="../deck_tree_model.py" line="194" />
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../deck_tree_model.py" line="194" />
        <source>Due</source>
        <translation>到期</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../done_screen.py" line="73" />
        <source>Done for today</source>
        <translation>今日已完成</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="74" />
        <source>All decks</source>
        <translation>全部牌组</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="75" />
        <source>Nothing more to study in %1 today.</source>
        <translation>%1 今天没有要学习的卡片了。</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="77" />
        <source>Cards reviewed today</source>
        <translation>今日已复习</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="78" />
        <source>Time spent</source>
        <translation>用时</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="79" />
        <source>Due tomorrow</source>
        <translation>明天到期</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="80" />
        <source>Due in the next 7 days</source>
        <translation>未来 7 天到期</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="84" />
        <source>Back to decks (Esc)</source>
        <translation>返回牌组列表 (Esc)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../export_dialog.py" line="24" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="26" />
        <source>All decks</source>
        <translation>全部牌组</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="32" />
        <source>Anki package (.apkg)</source>
        <translation>Anki 卡包 (.apkg)</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="33" />
        <source>Markdown deck (.md)</source>
        <translation>Markdown 牌组 (.md)</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="34" />
        <source>CSV in Anki's text format (.csv)</source>
        <translation>Anki 文本格式的 CSV (.csv)</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="35" />
        <source>Include scheduling and review history</source>
        <translation>包含调度信息和复习记录</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="37" />
        <source>Include media files</source>
        <translation>包含媒体文件</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="41" />
        <source>Deck:</source>
        <translation>牌组：</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="42" />
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <location filename="../transfer.py" line="155" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="183" />
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="191" />
        <source>Exported %1 cards to %2.</source>
        <translation>已导出 %1 张卡片到 %2。</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../transfer.py" line="28" />
        <source>Everything Deckard reads</source>
        <translation>Deckard 可读取的全部格式</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="30" />
        <source>Notes or Markdown deck</source>
        <translation>笔记或 Markdown 牌组</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="33" />
        <source>Anki package</source>
        <translation>Anki 卡包</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="34" />
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="55" />
        <location filename="../transfer.py" line="107" />
        <location filename="../transfer.py" line="112" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="71" />
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="87" />
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="94" />
        <source>%1 holds %2 cards and %3 media files.</source>
        <translation>%1 包含 %2 张卡片和 %3 个媒体文件。</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="100" />
        <source>%1 items will be skipped:</source>
        <translation>将跳过 %1 项：</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="105" />
        <source>Cards already in the collection are updated and keep their history. Import now?</source>
        <translation>卡片集中已有的卡片会被更新并保留复习记录。现在导入吗？</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="117" />
        <source>Added %1, updated %2, unchanged %3, suspended %4, skipped %5.</source>
        <translation>新增 %1，更新 %2，未变 %3，暂停 %4，跳过 %5。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="185" />
        <location filename="../main_window.py" line="411" />
        <source>Deckard</source>
        <translation>Deckard</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="186" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="187" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="189" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="190" />
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="191" />
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="192" />
        <source>&amp;Backup now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="193" />
        <source>&amp;Restore backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="194" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="195" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="196" />
        <source>&amp;Browse</source>
        <translation>浏览卡片(&amp;B)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="197" />
        <source>&amp;Statistics</source>
        <translation>统计(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="198" />
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="199" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="200" />
        <source>&amp;About Deckard</source>
        <translation>关于 Deckard(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="302" />
        <source>Nothing to undo</source>
        <translation>没有可撤销的操作</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="372" />
        <source>Backup saved: %1</source>
        <translation>备份已保存：%1</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../preferences_dialog.py" line="59" />
        <location filename="../preferences_dialog.py" line="159" />
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="79" />
        <source>Four buttons: Again, Hard, Good, Easy (keys 1–4)</source>
        <translation>四个按钮：重来、困难、良好、简单（按键 1–4）</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="81" />
        <source>Six grades 0–5, as in SuperMemo (keys 0–5)</source>
        <translation>六级评分 0–5，同 SuperMemo（按键 0–5）</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="86" />
        <source>Deck:</source>
        <translation>牌组：</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="87" />
        <source>New cards per day:</source>
        <translation>每日新卡数：</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="88" />
        <source>Reviews per day:</source>
        <translation>每日复习上限：</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="89" />
        <source>Sub-decks count toward their parent's limits.</source>
        <translation>子牌组计入其上级牌组的限额。</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="92" />
        <source>Next day starts at:</source>
        <translation>新的一天开始于：</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="93" />
        <source>Grading:</source>
        <translation>评分方式：</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="103" />
        <location filename="../preferences_dialog.py" line="111" />
        <source>Follow system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="112" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="113" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="123" />
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="124" />
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="125" />
        <source>Card font size:</source>
        <translation>卡片字号：</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="126" />
        <source>Ctrl+= and Ctrl+- also zoom while reviewing.</source>
        <translation>复习时也可用 Ctrl+= 和 Ctrl+- 缩放。</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="131" />
        <source>Study</source>
        <translation>学习</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="132" />
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
</context>
<context>
    <name>ReviewWidget</name>
    <message>
        <location filename="../review_widget.py" line="330" />
        <source>Again</source>
        <translation>重来</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="330" />
        <source>Hard</source>
        <translation>困难</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="330" />
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="330" />
        <source>Easy</source>
        <translation>简单</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="348" />
        <source>Key %1</source>
        <translation>按键 %1</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="389" />
        <source>All decks</source>
        <translation>全部牌组</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="391" />
        <source>%1 — left today: %2 new · %3 repeat · %4 due</source>
        <translation>%1 — 今日剩余：新卡 %2 · 重复 %3 · 到期 %4</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="400" />
        <source>%1 on this card</source>
        <translation>本卡已用 %1</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="403" />
        <source>Show answer (Space)</source>
        <translation>显示答案（空格）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../shortcuts_dialog.py" line="22" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="25" />
        <source>Deck list</source>
        <translation>牌组列表</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="26" />
        <source>Study the selected deck</source>
        <translation>学习选中的牌组</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="27" />
        <source>Move in the deck list, fold and unfold sub-decks</source>
        <translation>在牌组列表中移动，折叠或展开子牌组</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="28" />
        <source>Review</source>
        <translation>复习</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="29" />
        <source>Space or Enter</source>
        <translation>空格或回车</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="29" />
        <source>Show the answer; once shown, grade Good</source>
        <translation>显示答案；显示后再按则评为“良好”</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="30" />
        <source>Again, Hard, Good, Easy</source>
        <translation>重来、困难、良好、简单</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="31" />
        <source>The six grades, when six-grade mode is on</source>
        <translation>六级评分（开启六级评分模式时）</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="32" />
        <source>Undo the last answer and show that card again</source>
        <translation>撤销上一次评分并重新显示该卡片</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="33" />
        <source>Edit the current card</source>
        <translation>编辑当前卡片</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="34" />
        <source>Bury the card until tomorrow</source>
        <translation>搁置此卡到明天</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="35" />
        <source>Suspend the card</source>
        <translation>暂停此卡</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="36" />
        <source>Larger / smaller card text</source>
        <translation>放大 / 缩小卡片文字</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="37" />
        <source>Back to the deck list</source>
        <translation>返回牌组列表</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="38" />
        <source>Everywhere</source>
        <translation>任何界面</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="39" />
        <source>Import a file</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="40" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="41" />
        <source>Browse cards</source>
        <translation>浏览卡片</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="42" />
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="43" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="46" />
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="46" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
</TS>