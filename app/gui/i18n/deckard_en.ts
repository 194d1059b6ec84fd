<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../about_dialog.py" line="18" />
        <source>&lt;h3&gt;Deckard %1&lt;/h3&gt;&lt;p&gt;Spaced-repetition flashcards from your own notes: SM-2 scheduling on SQLite, a keyboard-first review window, Anki import and export.&lt;/p&gt;&lt;p&gt;Collection: &lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Qt for Python %3 · MIT licence&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Deckard %1&lt;/h3&gt;&lt;p&gt;Spaced-repetition flashcards from your own notes: SM-2 scheduling on SQLite, a keyboard-first review window, Anki import and export.&lt;/p&gt;&lt;p&gt;Collection: &lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Qt for Python %3 · MIT licence&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../about_dialog.py" line="31" />
        <source>About Deckard</source>
        <translation>About Deckard</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../workers.py" line="101" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../workers.py" line="115" />
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>CardEditor</name>
    <message>
        <location filename="../review_widget.py" line="89" />
        <source>Question (Markdown)</source>
        <translation>Question (Markdown)</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="90" />
        <source>Answer (Markdown)</source>
        <translation>Answer (Markdown)</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="91" />
        <source>Save (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="92" />
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>DeckOverview</name>
    <message>
        <location filename="../deck_overview.py" line="57" />
        <source>All decks</source>
        <translation>All decks</translation>
    </message>
    <message>
        <location filename="../deck_overview.py" line="64" />
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../deck_overview.py" line="64" />
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../deck_overview.py" line="64" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../deck_overview.py" line="71" />
        <source>Study now</source>
        <translation>Study now</translation>
    </message>
    <message>
        <location filename="../deck_overview.py" line="76" />
        <source>Today: %1 cards reviewed in %2</source>
        <translation>Today: %1 cards reviewed in %2</translation>
    </message>
</context>
<context>
    <name>DeckTreeModel</name>
    <message>
        <location filename="../deck_tree_model.py" line="194" />
        <source>Deck</source>
        <translation>Deck</translation>
    </message>
    <message>
        <location filename="../deck_tree_model.py" line="194" />
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../deck_tree_model.py" line="194" />
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../deck_tree_model.py" line="194" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../done_screen.py" line="73" />
        <source>Done for today</source>
        <translation>Done for today</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="74" />
        <source>All decks</source>
        <translation>All decks</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="75" />
        <source>Nothing more to study in %1 today.</source>
        <translation>Nothing more to study in %1 today.</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="77" />
        <source>Cards reviewed today</source>
        <translation>Cards reviewed today</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="78" />
        <source>Time spent</source>
        <translation>Time spent</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="79" />
        <source>Due tomorrow</source>
        <translation>Due tomorrow</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="80" />
        <source>Due in the next 7 days</source>
        <translation>Due in the next 7 days</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="84" />
        <source>Back to decks (Esc)</source>
        <translation>Back to decks (Esc)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../export_dialog.py" line="24" />
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="26" />
        <source>All decks</source>
        <translation>All decks</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="32" />
        <source>Anki package (.apkg)</source>
        <translation>Anki package (.apkg)</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="33" />
        <source>Markdown deck (.md)</source>
        <translation>Markdown deck (.md)</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="34" />
        <source>CSV in Anki's text format (.csv)</source>
        <translation>CSV in Anki's text format (.csv)</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="35" />
        <source>Include scheduling and review history</source>
        <translation>Include scheduling and review history</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="37" />
        <source>Include media files</source>
        <translation>Include media files</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="41" />
        <source>Deck:</source>
        <translation>Deck:</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="42" />
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <location filename="../transfer.py" line="155" />
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="183" />
        <source>Exporting to %1…</source>
        <translation>Exporting to %1…</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="191" />
        <source>Exported %1 cards to %2.</source>
        <translation>Exported %1 cards to %2.</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../transfer.py" line="28" />
        <source>Everything Deckard reads</source>
        <translation>Everything Deckard reads</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="30" />
        <source>Notes or Markdown deck</source>
        <translation>Notes or Markdown deck</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="33" />
        <source>Anki package</source>
        <translation>Anki package</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="34" />
        <source>All files</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="55" />
        <location filename="../transfer.py" line="107" />
        <location filename="../transfer.py" line="112" />
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="71" />
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="87" />
        <source>Importing %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="94" />
        <source>%1 holds %2 cards and %3 media files.</source>
        <translation>%1 holds %2 cards and %3 media files.</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="100" />
        <source>%1 items will be skipped:</source>
        <translation>%1 items will be skipped:</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="105" />
        <source>Cards already in the collection are updated and keep their history. Import now?</source>
        <translation>Cards already in the collection are updated and keep their history. Import now?</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="117" />
        <source>Added %1, updated %2, unchanged %3, suspended %4, skipped %5.</source>
        <translation>Added %1, updated %2, unchanged %3, suspended %4, skipped %5.</translation>
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
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="187" />
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188" />
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="189" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="190" />
        <source>&amp;Import…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="191" />
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="192" />
        <source>&amp;Backup now</source>
        <translation>&amp;Backup now</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="193" />
        <source>&amp;Restore backup…</source>
        <translation>&amp;Restore backup…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="194" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="195" />
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="196" />
        <source>&amp;Browse</source>
        <translation>&amp;Browse</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="197" />
        <source>&amp;Statistics</source>
        <translation>&amp;Statistics</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="198" />
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="199" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="200" />
        <source>&amp;About Deckard</source>
        <translation>&amp;About Deckard</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="302" />
        <source>Nothing to undo</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="372" />
        <source>Backup saved: %1</source>
        <translation>Backup saved: %1</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../preferences_dialog.py" line="59" />
        <location filename="../preferences_dialog.py" line="159" />
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="79" />
        <source>Four buttons: Again, Hard, Good, Easy (keys 1–4)</source>
        <translation>Four buttons: Again, Hard, Good, Easy (keys 1–4)</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="81" />
        <source>Six grades 0–5, as in SuperMemo (keys 0–5)</source>
        <translation>Six grades 0–5, as in SuperMemo (keys 0–5)</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="86" />
        <source>Deck:</source>
        <translation>Deck:</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="87" />
        <source>New cards per day:</source>
        <translation>New cards per day:</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="88" />
        <source>Reviews per day:</source>
        <translation>Reviews per day:</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="89" />
        <source>Sub-decks count toward their parent's limits.</source>
        <translation>Sub-decks count toward their parent's limits.</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="92" />
        <source>Next day starts at:</source>
        <translation>Next day starts at:</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="93" />
        <source>Grading:</source>
        <translation>Grading:</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="103" />
        <location filename="../preferences_dialog.py" line="111" />
        <source>Follow system</source>
        <translation>Follow system</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="112" />
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="113" />
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="123" />
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="124" />
        <source>Theme:</source>
        <translation>Theme:</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="125" />
        <source>Card font size:</source>
        <translation>Card font size:</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="126" />
        <source>Ctrl+= and Ctrl+- also zoom while reviewing.</source>
        <translation>Ctrl+= and Ctrl+- also zoom while reviewing.</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="131" />
        <source>Study</source>
        <translation>Study</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="132" />
        <source>Appearance</source>
        <translation>Appearance</translation>
    </message>
</context>
<context>
    <name>ReviewWidget</name>
    <message>
        <location filename="../review_widget.py" line="330" />
        <source>Again</source>
        <translation>Again</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="330" />
        <source>Hard</source>
        <translation>Hard</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="330" />
        <source>Good</source>
        <translation>Good</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="330" />
        <source>Easy</source>
        <translation>Easy</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="348" />
        <source>Key %1</source>
        <translation>Key %1</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="389" />
        <source>All decks</source>
        <translation>All decks</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="391" />
        <source>%1 — left today: %2 new · %3 repeat · %4 due</source>
        <translation>%1 — left today: %2 new · %3 repeat · %4 due</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="400" />
        <source>%1 on this card</source>
        <translation>%1 on this card</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="403" />
        <source>Show answer (Space)</source>
        <translation>Show answer (Space)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../shortcuts_dialog.py" line="22" />
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="25" />
        <source>Deck list</source>
        <translation>Deck list</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="26" />
        <source>Study the selected deck</source>
        <translation>Study the selected deck</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="27" />
        <source>Move in the deck list, fold and unfold sub-decks</source>
        <translation>Move in the deck list, fold and unfold sub-decks</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="28" />
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="29" />
        <source>Space or Enter</source>
        <translation>Space or Enter</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="29" />
        <source>Show the answer; once shown, grade Good</source>
        <translation>Show the answer; once shown, grade Good</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="30" />
        <source>Again, Hard, Good, Easy</source>
        <translation>Again, Hard, Good, Easy</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="31" />
        <source>The six grades, when six-grade mode is on</source>
        <translation>The six grades, when six-grade mode is on</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="32" />
        <source>Undo the last answer and show that card again</source>
        <translation>Undo the last answer and show that card again</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="33" />
        <source>Edit the current card</source>
        <translation>Edit the current card</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="34" />
        <source>Bury the card until tomorrow</source>
        <translation>Bury the card until tomorrow</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="35" />
        <source>Suspend the card</source>
        <translation>Suspend the card</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="36" />
        <source>Larger / smaller card text</source>
        <translation>Larger / smaller card text</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="37" />
        <source>Back to the deck list</source>
        <translation>Back to the deck list</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="38" />
        <source>Everywhere</source>
        <translation>Everywhere</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="39" />
        <source>Import a file</source>
        <translation>Import a file</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="40" />
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="41" />
        <source>Browse cards</source>
        <translation>Browse cards</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="42" />
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="43" />
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="46" />
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="46" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
</TS>