<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../about_dialog.py" line="18"/>
        <source>&lt;h3&gt;Deckard %1&lt;/h3&gt;&lt;p&gt;Spaced-repetition flashcards from your own notes: SM-2 scheduling on SQLite, a keyboard-first review window, Anki import and export.&lt;/p&gt;&lt;p&gt;Collection: &lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Qt for Python %3 · MIT licence&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Deckard %1&lt;/h3&gt;&lt;p&gt;Spaced-repetition flashcards from your own notes: SM-2 scheduling on SQLite, a keyboard-first review window, Anki import and export.&lt;/p&gt;&lt;p&gt;Collection: &lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Qt for Python %3 · MIT licence&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../about_dialog.py" line="31"/>
        <source>About Deckard</source>
        <translation>About Deckard</translation>
    </message>
</context>
<context>
    <name>AddCardDialog</name>
    <message>
        <location filename="../add_card_dialog.py" line="66"/>
        <source>Add cards</source>
        <translation>Add cards</translation>
    </message>
    <message>
        <location filename="../add_card_dialog.py" line="67"/>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../add_card_dialog.py" line="68"/>
        <source>Add the card (Ctrl+Enter)</source>
        <translation>Add the card (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../add_card_dialog.py" line="69"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../add_card_dialog.py" line="92"/>
        <source>Added to %1. Cards added so far: %2</source>
        <translation>Added to %1. Cards added so far: %2</translation>
    </message>
    <message>
        <location filename="../add_card_dialog.py" line="106"/>
        <source>Type a question first.</source>
        <translation>Type a question first.</translation>
    </message>
    <message>
        <location filename="../add_card_dialog.py" line="108"/>
        <source>Type an answer first.</source>
        <translation>Type an answer first.</translation>
    </message>
    <message>
        <location filename="../add_card_dialog.py" line="110"/>
        <source>Choose a deck: a name, or Parent::Child.</source>
        <translation>Choose a deck: a name, or Parent::Child.</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../workers.py" line="101"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../workers.py" line="115"/>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>BrowserWindow</name>
    <message>
        <location filename="../browser.py" line="186"/>
        <source>Browse cards</source>
        <translation>Browse cards</translation>
    </message>
    <message>
        <location filename="../browser.py" line="188"/>
        <source>Search: words, &quot;a phrase&quot;, deck:Docker tag:net is:due prop:ivl&gt;30 -is:new</source>
        <translation>Search: words, &quot;a phrase&quot;, deck:Docker tag:net is:due prop:ivl&gt;30 -is:new</translation>
    </message>
    <message>
        <location filename="../browser.py" line="192"/>
        <source>Words match the question or answer. Filters: deck:NAME tag:NAME is:new|due|review|learning|suspended|buried prop:ivl|ease|reps|lapses|due&gt;N added:DAYS rated:DAYS. Combine with and, or, -, (parentheses).</source>
        <translation>Words match the question or answer. Filters: deck:NAME tag:NAME is:new|due|review|learning|suspended|buried prop:ivl|ease|reps|lapses|due&gt;N added:DAYS rated:DAYS. Combine with and, or, -, (parentheses).</translation>
    </message>
    <message>
        <location filename="../browser.py" line="197"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../browser.py" line="198"/>
        <source>&amp;Cards</source>
        <translation>&amp;Cards</translation>
    </message>
    <message>
        <location filename="../browser.py" line="199"/>
        <location filename="../main_window.py" line="247"/>
        <source>&amp;Add cards…</source>
        <translation>&amp;Add cards…</translation>
    </message>
    <message>
        <location filename="../browser.py" line="200"/>
        <source>&amp;Suspend / unsuspend</source>
        <translation>&amp;Suspend / unsuspend</translation>
    </message>
    <message>
        <location filename="../browser.py" line="201"/>
        <source>&amp;Reset to new</source>
        <translation>&amp;Reset to new</translation>
    </message>
    <message>
        <location filename="../browser.py" line="202"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <location filename="../browser.py" line="203"/>
        <source>&amp;Undo delete</source>
        <translation>&amp;Undo delete</translation>
    </message>
    <message>
        <location filename="../browser.py" line="204"/>
        <source>&amp;Move to deck…</source>
        <translation>&amp;Move to deck…</translation>
    </message>
    <message>
        <location filename="../browser.py" line="205"/>
        <source>Add &amp;tags…</source>
        <translation>Add &amp;tags…</translation>
    </message>
    <message>
        <location filename="../browser.py" line="206"/>
        <source>Remo&amp;ve tags…</source>
        <translation>Remo&amp;ve tags…</translation>
    </message>
    <message>
        <location filename="../browser.py" line="207"/>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../browser.py" line="208"/>
        <source>Select &amp;all</source>
        <translation>Select &amp;all</translation>
    </message>
    <message>
        <location filename="../browser.py" line="209"/>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../browser.py" line="259"/>
        <source>Cannot search: %1</source>
        <translation>Cannot search: %1</translation>
    </message>
    <message>
        <location filename="../browser.py" line="267"/>
        <source>Cards: %1</source>
        <translation>Cards: %1</translation>
    </message>
    <message>
        <location filename="../browser.py" line="269"/>
        <source>selected: %1</source>
        <translation>selected: %1</translation>
    </message>
    <message>
        <location filename="../browser.py" line="371"/>
        <source>Delete the selected cards (%1) and their review history?</source>
        <translation>Delete the selected cards (%1) and their review history?</translation>
    </message>
    <message>
        <location filename="../browser.py" line="382"/>
        <source>Cards deleted: %1. Undo with Ctrl+Z.</source>
        <translation>Cards deleted: %1. Undo with Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../browser.py" line="393"/>
        <source>Cards restored: %1.</source>
        <translation>Cards restored: %1.</translation>
    </message>
    <message>
        <location filename="../browser.py" line="406"/>
        <source>Move to deck</source>
        <translation>Move to deck</translation>
    </message>
    <message>
        <location filename="../browser.py" line="407"/>
        <source>Move the selected cards (%1) to deck:</source>
        <translation>Move the selected cards (%1) to deck:</translation>
    </message>
    <message>
        <location filename="../browser.py" line="420"/>
        <source>Add tags</source>
        <translation>Add tags</translation>
    </message>
    <message>
        <location filename="../browser.py" line="426"/>
        <source>Remove tags</source>
        <translation>Remove tags</translation>
    </message>
    <message>
        <location filename="../browser.py" line="436"/>
        <source>Tags for the selected cards (%1), separated by spaces:</source>
        <translation>Tags for the selected cards (%1), separated by spaces:</translation>
    </message>
    <message>
        <location filename="../browser.py" line="461"/>
        <source>Deckard</source>
        <translation>Deckard</translation>
    </message>
    <message>
        <location filename="../browser.py" line="464"/>
        <source>Delete cards</source>
        <translation>Delete cards</translation>
    </message>
</context>
<context>
    <name>CardEditor</name>
    <message>
        <location filename="../card_editor.py" line="191"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="192"/>
        <source>Save the changes (Ctrl+S)</source>
        <translation>Save the changes (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="193"/>
        <source>Revert</source>
        <translation>Revert</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="216"/>
        <source>Select a card to edit it.</source>
        <translation>Select a card to edit it.</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="228"/>
        <source>New card</source>
        <translation>New card</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="231"/>
        <source>Due %1 · interval %2 d · ease %3 · lapses %4</source>
        <translation>Due %1 · interval %2 d · ease %3 · lapses %4</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="238"/>
        <source>suspended</source>
        <translation>suspended</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="241"/>
        <source>from %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="254"/>
        <source>A card needs both a question and an answer.</source>
        <translation>A card needs both a question and an answer.</translation>
    </message>
</context>
<context>
    <name>CardForm</name>
    <message>
        <location filename="../card_editor.py" line="104"/>
        <source>Deck</source>
        <translation>Deck</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="105"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="106"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="107"/>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="108"/>
        <source>Preview, as the review screen shows it:</source>
        <translation>Preview, as the review screen shows it:</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="109"/>
        <source>space-separated, e.g. network docker::cli</source>
        <translation>space-separated, e.g. network docker::cli</translation>
    </message>
    <message>
        <location filename="../card_editor.py" line="110"/>
        <source>Markdown: **bold**, `code`, ```fences```</source>
        <translation>Markdown: **bold**, `code`, ```fences```</translation>
    </message>
</context>
<context>
    <name>CardTableModel</name>
    <message>
        <location filename="../card_table_model.py" line="196"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="197"/>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="198"/>
        <source>Deck</source>
        <translation>Deck</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="199"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="200"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="201"/>
        <source>Interval</source>
        <translation>Interval</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="202"/>
        <source>Ease</source>
        <translation>Ease</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="203"/>
        <source>Reviews</source>
        <translation>Reviews</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="204"/>
        <source>Lapses</source>
        <translation>Lapses</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="205"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="211"/>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="212"/>
        <source>learning</source>
        <translation>learning</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="213"/>
        <source>review</source>
        <translation>review</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="214"/>
        <source>buried</source>
        <translation>buried</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="215"/>
        <source>suspended</source>
        <translation>suspended</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="254"/>
        <source>(new)</source>
        <translation>(new)</translation>
    </message>
    <message>
        <location filename="../card_table_model.py" line="257"/>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <location filename="../check_dialog.py" line="25"/>
        <source>Check collection</source>
        <translation>Check collection</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="33"/>
        <source>%1 review(s) of cards that no longer exist</source>
        <translation>%1 review(s) of cards that no longer exist</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="39"/>
        <source>removed %1 review(s) of missing cards</source>
        <translation>removed %1 review(s) of missing cards</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="43"/>
        <source>%1 card(s) in a deck that no longer exists</source>
        <translation>%1 card(s) in a deck that no longer exists</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="49"/>
        <source>moved %1 card(s) to the deck &apos;Recovered&apos;</source>
        <translation>moved %1 card(s) to the deck &apos;Recovered&apos;</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="55"/>
        <source>Backed up the collection first to %1</source>
        <translation>Backed up the collection first to %1</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="59"/>
        <source>No backup could be made first (%1)</source>
        <translation>No backup could be made first (%1)</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="63"/>
        <source>Rebuilt every index.</source>
        <translation>Rebuilt every index.</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="80"/>
        <source>Found: %1</source>
        <translation>Found: %1</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="85"/>
        <source>Repaired: %1</source>
        <translation>Repaired: %1</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="89"/>
        <source>Not repaired: %1</source>
        <translation>Not repaired: %1</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="95"/>
        <source>The collection is damaged beyond a safe repair; restore a backup (File › Restore backup…, or deckard restore FILE).</source>
        <translation>The collection is damaged beyond a safe repair; restore a backup (File › Restore backup…, or deckard restore FILE).</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="101"/>
        <source>The collection is sound now.</source>
        <translation>The collection is sound now.</translation>
    </message>
    <message>
        <location filename="../check_dialog.py" line="103"/>
        <source>No problems found; the collection is sound.</source>
        <translation>No problems found; the collection is sound.</translation>
    </message>
</context>
<context>
    <name>DeckOverview</name>
    <message>
        <location filename="../deck_overview.py" line="57"/>
        <source>All decks</source>
        <translation>All decks</translation>
    </message>
    <message>
        <location filename="../deck_overview.py" line="64"/>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../deck_overview.py" line="64"/>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../deck_overview.py" line="64"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../deck_overview.py" line="71"/>
        <source>Study now</source>
        <translation>Study now</translation>
    </message>
    <message>
        <location filename="../deck_overview.py" line="76"/>
        <source>Today: %1 cards reviewed in %2</source>
        <translation>Today: %1 cards reviewed in %2</translation>
    </message>
</context>
<context>
    <name>DeckTreeModel</name>
    <message>
        <location filename="../deck_tree_model.py" line="194"/>
        <source>Deck</source>
        <translation>Deck</translation>
    </message>
    <message>
        <location filename="../deck_tree_model.py" line="194"/>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../deck_tree_model.py" line="194"/>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../deck_tree_model.py" line="194"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../dialogs.py" line="18"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="19"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="20"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="21"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="22"/>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../done_screen.py" line="74"/>
        <source>Done for today</source>
        <translation>Done for today</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="75"/>
        <source>All decks</source>
        <translation>All decks</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="76"/>
        <source>Nothing more to study in %1 today.</source>
        <translation>Nothing more to study in %1 today.</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="78"/>
        <source>Cards reviewed today</source>
        <translation>Cards reviewed today</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="79"/>
        <source>Time spent</source>
        <translation>Time spent</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="80"/>
        <source>Due tomorrow</source>
        <translation>Due tomorrow</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="81"/>
        <source>Due in the next 7 days</source>
        <translation>Due in the next 7 days</translation>
    </message>
    <message>
        <location filename="../done_screen.py" line="85"/>
        <source>Back to decks (Esc)</source>
        <translation>Back to decks (Esc)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../export_dialog.py" line="24"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="26"/>
        <source>All decks</source>
        <translation>All decks</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="32"/>
        <source>Anki package (.apkg)</source>
        <translation>Anki package (.apkg)</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="33"/>
        <source>Markdown deck (.md)</source>
        <translation>Markdown deck (.md)</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="34"/>
        <source>CSV in Anki&apos;s text format (.csv)</source>
        <translation>CSV in Anki&apos;s text format (.csv)</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="35"/>
        <source>Include scheduling and review history</source>
        <translation>Include scheduling and review history</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="37"/>
        <source>Include media files</source>
        <translation>Include media files</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="41"/>
        <source>Deck:</source>
        <translation>Deck:</translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="42"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <location filename="../transfer.py" line="170"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="198"/>
        <source>Exporting to %1…</source>
        <translation>Exporting to %1…</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="208"/>
        <source>Exported %1 cards to %2.</source>
        <translation>Exported %1 cards to %2.</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../transfer.py" line="28"/>
        <source>Everything Deckard reads</source>
        <translation>Everything Deckard reads</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="30"/>
        <source>Notes or Markdown deck</source>
        <translation>Notes or Markdown deck</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="33"/>
        <source>Anki package</source>
        <translation>Anki package</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="34"/>
        <source>All files</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="55"/>
        <location filename="../transfer.py" line="111"/>
        <location filename="../transfer.py" line="127"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="76"/>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="94"/>
        <source>Importing %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="118"/>
        <source>%1 holds %2 cards and %3 media files.</source>
        <translation>%1 holds %2 cards and %3 media files.</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="104"/>
        <source>%1 items will be skipped:</source>
        <translation>%1 items will be skipped:</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="109"/>
        <source>Cards already in the collection are updated and keep their history. Import now?</source>
        <translation>Cards already in the collection are updated and keep their history. Import now?</translation>
    </message>
    <message>
        <location filename="../transfer.py" line="132"/>
        <source>Added %1, updated %2, unchanged %3, suspended %4, skipped %5.</source>
        <translation>Added %1, updated %2, unchanged %3, suspended %4, skipped %5.</translation>
    </message>
</context>
<context>
    <name>InlineCardEditor</name>
    <message>
        <location filename="../inline_editor.py" line="55"/>
        <source>Question (Markdown)</source>
        <translation>Question (Markdown)</translation>
    </message>
    <message>
        <location filename="../inline_editor.py" line="56"/>
        <source>Answer (Markdown)</source>
        <translation>Answer (Markdown)</translation>
    </message>
    <message>
        <location filename="../inline_editor.py" line="57"/>
        <source>Save (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../inline_editor.py" line="58"/>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>Intervals</name>
    <message>
        <location filename="../review_widget.py" line="41"/>
        <source>%1d</source>
        <translation>%1d</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="44"/>
        <source>%1mo</source>
        <translation>%1mo</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="46"/>
        <source>%1y</source>
        <translation>%1y</translation>
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
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="236"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="237"/>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="238"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="239"/>
        <source>&amp;Import…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="240"/>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="241"/>
        <source>&amp;Backup now</source>
        <translation>&amp;Backup now</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="242"/>
        <source>&amp;Restore backup…</source>
        <translation>&amp;Restore backup…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="243"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="244"/>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="245"/>
        <source>&amp;Browse</source>
        <translation>&amp;Browse</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="248"/>
        <source>&amp;Statistics</source>
        <translation>&amp;Statistics</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="249"/>
        <source>&amp;Check collection</source>
        <translation>&amp;Check collection</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="250"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="251"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="252"/>
        <source>&amp;About Deckard</source>
        <translation>&amp;About Deckard</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="355"/>
        <source>Nothing to undo</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="468"/>
        <source>Backing up…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="478"/>
        <source>Backup saved: %1</source>
        <translation>Backup saved: %1</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../preferences_dialog.py" line="59"/>
        <location filename="../preferences_dialog.py" line="159"/>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="79"/>
        <source>Four buttons: Again, Hard, Good, Easy (keys 1–4)</source>
        <translation>Four buttons: Again, Hard, Good, Easy (keys 1–4)</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="81"/>
        <source>Six grades 0–5, as in SuperMemo (keys 0–5)</source>
        <translation>Six grades 0–5, as in SuperMemo (keys 0–5)</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="86"/>
        <source>Deck:</source>
        <translation>Deck:</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="87"/>
        <source>New cards per day:</source>
        <translation>New cards per day:</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="88"/>
        <source>Reviews per day:</source>
        <translation>Reviews per day:</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="89"/>
        <source>Sub-decks count toward their parent&apos;s limits.</source>
        <translation>Sub-decks count toward their parent&apos;s limits.</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="92"/>
        <source>Next day starts at:</source>
        <translation>Next day starts at:</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="93"/>
        <source>Grading:</source>
        <translation>Grading:</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="103"/>
        <location filename="../preferences_dialog.py" line="111"/>
        <source>Follow system</source>
        <translation>Follow system</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="112"/>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="113"/>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="123"/>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="124"/>
        <source>Theme:</source>
        <translation>Theme:</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="125"/>
        <source>Card font size:</source>
        <translation>Card font size:</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="126"/>
        <source>Ctrl+= and Ctrl+- also zoom while reviewing.</source>
        <translation>Ctrl+= and Ctrl+- also zoom while reviewing.</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="131"/>
        <source>Study</source>
        <translation>Study</translation>
    </message>
    <message>
        <location filename="../preferences_dialog.py" line="132"/>
        <source>Appearance</source>
        <translation>Appearance</translation>
    </message>
</context>
<context>
    <name>QueryError</name>
    <message>
        <location filename="../query_errors.py" line="17"/>
        <source>this quote is never closed: add a closing &quot;</source>
        <translation>this quote is never closed: add a closing &quot;</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="18"/>
        <source>this &quot;)&quot; has no matching &quot;(&quot;: put text in quotes to search for it</source>
        <translation>this &quot;)&quot; has no matching &quot;(&quot;: put text in quotes to search for it</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="21"/>
        <source>unexpected %1</source>
        <translation>unexpected %1</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="22"/>
        <source>%1 needs a search term after it</source>
        <translation>%1 needs a search term after it</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="23"/>
        <source>%1 needs a search term before it</source>
        <translation>%1 needs a search term before it</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="24"/>
        <source>the query ends where a search term was expected</source>
        <translation>the query ends where a search term was expected</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="25"/>
        <source>&quot;-&quot; must be followed directly by a search term</source>
        <translation>&quot;-&quot; must be followed directly by a search term</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="26"/>
        <source>parentheses are nested too deeply</source>
        <translation>parentheses are nested too deeply</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="27"/>
        <source>this &quot;(&quot; is never closed: add a &quot;)&quot;</source>
        <translation>this &quot;(&quot; is never closed: add a &quot;)&quot;</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="28"/>
        <source>empty parentheses: put a search term inside</source>
        <translation>empty parentheses: put a search term inside</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="29"/>
        <source>too many search terms (at most %1)</source>
        <translation>too many search terms (at most %1)</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="30"/>
        <source>empty quotes: put the text to search for between the &quot;&quot;</source>
        <translation>empty quotes: put the text to search for between the &quot;&quot;</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="31"/>
        <source>unknown filter %1 (known: %2); put text in quotes to search for it</source>
        <translation>unknown filter %1 (known: %2); put text in quotes to search for it</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="34"/>
        <source>%1: needs a value after the colon</source>
        <translation>%1: needs a value after the colon</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="35"/>
        <source>is: takes one of %1, not %2</source>
        <translation>is: takes one of %1, not %2</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="36"/>
        <source>prop: needs a property, a comparison and a number, like prop:ivl&gt;30</source>
        <translation>prop: needs a property, a comparison and a number, like prop:ivl&gt;30</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="39"/>
        <source>unknown property %1 (known: %2)</source>
        <translation>unknown property %1 (known: %2)</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="40"/>
        <source>prop:%1 compares with a number like 2.5</source>
        <translation>prop:%1 compares with a number like 2.5</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="41"/>
        <source>prop:%1 compares with a whole number</source>
        <translation>prop:%1 compares with a whole number</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="42"/>
        <source>rated:DAYS:GRADE takes a grade from 0 to 5</source>
        <translation>rated:DAYS:GRADE takes a grade from 0 to 5</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="43"/>
        <source>%1: takes a number of days from 1, like %1:7</source>
        <translation>%1: takes a number of days from 1, like %1:7</translation>
    </message>
    <message>
        <location filename="../query_errors.py" line="59"/>
        <source>%1 (at character %2)</source>
        <translation>%1 (at character %2)</translation>
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
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../backup_dialog.py" line="53"/>
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <location filename="../backup_dialog.py" line="53"/>
        <source>Cards</source>
        <translation>Cards</translation>
    </message>
    <message>
        <location filename="../backup_dialog.py" line="53"/>
        <source>Reviews</source>
        <translation>Reviews</translation>
    </message>
    <message>
        <location filename="../backup_dialog.py" line="53"/>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../backup_dialog.py" line="67"/>
        <source>&amp;Restore…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <location filename="../backup_dialog.py" line="101"/>
        <source>Choose a backup to restore. The collection as it is now is backed up first, so you can come back to it.</source>
        <translation>Choose a backup to restore. The collection as it is now is backed up first, so you can come back to it.</translation>
    </message>
    <message>
        <location filename="../backup_dialog.py" line="109"/>
        <source>There are no backups yet. Deckard makes one every 30 minutes of use and when it closes; File › Backup now makes one at once.</source>
        <translation>There are no backups yet. Deckard makes one every 30 minutes of use and when it closes; File › Backup now makes one at once.</translation>
    </message>
    <message>
        <location filename="../backup_dialog.py" line="128"/>
        <source>Replace the collection with the backup of %1 (%2 cards)?</source>
        <translation>Replace the collection with the backup of %1 (%2 cards)?</translation>
    </message>
    <message>
        <location filename="../backup_dialog.py" line="143"/>
        <source>Restored the backup of %1. The collection as it was is kept in %2.</source>
        <translation>Restored the backup of %1. The collection as it was is kept in %2.</translation>
    </message>
</context>
<context>
    <name>ReviewWidget</name>
    <message>
        <location filename="../review_widget.py" line="304"/>
        <source>Again</source>
        <translation>Again</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="299"/>
        <location filename="../review_widget.py" line="304"/>
        <source>Hard</source>
        <translation>Hard</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="296"/>
        <source>Blackout</source>
        <translation>Blackout</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="297"/>
        <source>Wrong</source>
        <translation>Wrong</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="298"/>
        <source>Nearly</source>
        <translation>Nearly</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="300"/>
        <location filename="../review_widget.py" line="304"/>
        <source>Good</source>
        <translation>Good</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="301"/>
        <source>Perfect</source>
        <translation>Perfect</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="304"/>
        <source>Easy</source>
        <translation>Easy</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="310"/>
        <source>Key %1</source>
        <translation>Key %1</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="312"/>
        <source>Complete blackout</source>
        <translation>Complete blackout</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="313"/>
        <source>Wrong, but the answer was familiar once shown</source>
        <translation>Wrong, but the answer was familiar once shown</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="314"/>
        <source>Wrong, but the answer seemed easy to recall</source>
        <translation>Wrong, but the answer seemed easy to recall</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="315"/>
        <source>Right, with serious difficulty</source>
        <translation>Right, with serious difficulty</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="316"/>
        <source>Right, after a hesitation</source>
        <translation>Right, after a hesitation</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="317"/>
        <source>Right at once, without hesitation</source>
        <translation>Right at once, without hesitation</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="319"/>
        <source>%1 (key %2)</source>
        <translation>%1 (key %2)</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="376"/>
        <source>All decks</source>
        <translation>All decks</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="378"/>
        <source>%1 — left today: %2 new · %3 repeat · %4 due</source>
        <translation>%1 — left today: %2 new · %3 repeat · %4 due</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="387"/>
        <source>%1 on this card</source>
        <translation>%1 on this card</translation>
    </message>
    <message>
        <location filename="../review_widget.py" line="390"/>
        <source>Show answer (Space)</source>
        <translation>Show answer (Space)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../shortcuts_dialog.py" line="23"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="26"/>
        <source>Deck list</source>
        <translation>Deck list</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="27"/>
        <source>Study the selected deck</source>
        <translation>Study the selected deck</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="28"/>
        <source>Move in the deck list, fold and unfold sub-decks</source>
        <translation>Move in the deck list, fold and unfold sub-decks</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="29"/>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="30"/>
        <source>Space or Enter</source>
        <translation>Space or Enter</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="30"/>
        <source>Show the answer; once shown, grade Good</source>
        <translation>Show the answer; once shown, grade Good</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="31"/>
        <source>Again, Hard, Good, Easy</source>
        <translation>Again, Hard, Good, Easy</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="32"/>
        <source>The six grades, when six-grade mode is on</source>
        <translation>The six grades, when six-grade mode is on</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="33"/>
        <source>Undo the last answer and show that card again</source>
        <translation>Undo the last answer and show that card again</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="34"/>
        <source>Edit the current card</source>
        <translation>Edit the current card</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="35"/>
        <source>Bury the card until tomorrow</source>
        <translation>Bury the card until tomorrow</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="36"/>
        <source>Suspend the card</source>
        <translation>Suspend the card</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="37"/>
        <source>Larger / smaller card text</source>
        <translation>Larger / smaller card text</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="38"/>
        <source>Back to the deck list</source>
        <translation>Back to the deck list</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="39"/>
        <source>Everywhere</source>
        <translation>Everywhere</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="40"/>
        <source>Import a file</source>
        <translation>Import a file</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="41"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="42"/>
        <source>Add cards to the selected deck</source>
        <translation>Add cards to the selected deck</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="43"/>
        <source>Browse cards</source>
        <translation>Browse cards</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="44"/>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="45"/>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="46"/>
        <source>This list of shortcuts</source>
        <translation>This list of shortcuts</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="47"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="50"/>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../shortcuts_dialog.py" line="50"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>StatsWindow</name>
    <message>
        <location filename="../stats_window.py" line="170"/>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="171"/>
        <source>Deck:</source>
        <translation>Deck:</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="172"/>
        <source>Whole collection</source>
        <translation>Whole collection</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="173"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="175"/>
        <source>Reviews per day, past year</source>
        <translation>Reviews per day, past year</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="176"/>
        <source>Due cards, next 30 days</source>
        <translation>Due cards, next 30 days</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="177"/>
        <source>Reviews per day, past 30 days</source>
        <translation>Reviews per day, past 30 days</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="178"/>
        <source>Retention by interval</source>
        <translation>Retention by interval</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="179"/>
        <source>Grades given</source>
        <translation>Grades given</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="180"/>
        <source>Cards by state</source>
        <translation>Cards by state</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="181"/>
        <source>Studied cards by interval</source>
        <translation>Studied cards by interval</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="186"/>
        <source>cards</source>
        <translation>cards</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="187"/>
        <source>due today</source>
        <translation>due today</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="188"/>
        <source>reviewed today</source>
        <translation>reviewed today</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="189"/>
        <source>day streak</source>
        <translation>day streak</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="190"/>
        <source>retention, 30 days</source>
        <translation>retention, 30 days</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="191"/>
        <source>average ease</source>
        <translation>average ease</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="196"/>
        <source>Jan</source>
        <translation>Jan</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="197"/>
        <source>Feb</source>
        <translation>Feb</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="198"/>
        <source>Mar</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="199"/>
        <source>Apr</source>
        <translation>Apr</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="200"/>
        <source>May</source>
        <translation>May</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="201"/>
        <source>Jun</source>
        <translation>Jun</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="202"/>
        <source>Jul</source>
        <translation>Jul</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="203"/>
        <source>Aug</source>
        <translation>Aug</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="204"/>
        <source>Sep</source>
        <translation>Sep</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="205"/>
        <source>Oct</source>
        <translation>Oct</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="206"/>
        <source>Nov</source>
        <translation>Nov</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="207"/>
        <source>Dec</source>
        <translation>Dec</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="210"/>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="212"/>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="214"/>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="216"/>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="218"/>
        <source>Less</source>
        <translation>Less</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="219"/>
        <source>More</source>
        <translation>More</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="221"/>
        <source>Reviews on %1: %2</source>
        <translation>Reviews on %1: %2</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="243"/>
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="280"/>
        <source>%1 (%2 min)</source>
        <translation>%1 (%2 min)</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="299"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="300"/>
        <source>Day (today first; overdue cards count as today)</source>
        <translation>Day (today first; overdue cards count as today)</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="301"/>
        <location filename="../stats_window.py" line="369"/>
        <location filename="../stats_window.py" line="370"/>
        <location filename="../stats_window.py" line="376"/>
        <location filename="../stats_window.py" line="378"/>
        <source>Cards</source>
        <translation>Cards</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="302"/>
        <source>Nothing due in the next 30 days</source>
        <translation>Nothing due in the next 30 days</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="310"/>
        <location filename="../stats_window.py" line="344"/>
        <location filename="../stats_window.py" line="359"/>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="311"/>
        <location filename="../stats_window.py" line="346"/>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="312"/>
        <location filename="../stats_window.py" line="349"/>
        <location filename="../stats_window.py" line="361"/>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="314"/>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="315"/>
        <location filename="../stats_window.py" line="353"/>
        <source>Answers</source>
        <translation>Answers</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="316"/>
        <source>No reviews in the past 30 days</source>
        <translation>No reviews in the past 30 days</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="323"/>
        <source>%1: %2 of %3 reviews passed</source>
        <translation>%1: %2 of %3 reviews passed</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="331"/>
        <source>Passed</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="332"/>
        <source>Interval before the review</source>
        <translation>Interval before the review</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="333"/>
        <source>% passed (grade 3+)</source>
        <translation>% passed (grade 3+)</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="334"/>
        <source>No reviews of learned cards yet</source>
        <translation>No reviews of learned cards yet</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="352"/>
        <source>Grade (0-2 fail, 3-5 pass)</source>
        <translation>Grade (0-2 fail, 3-5 pass)</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="354"/>
        <source>No answers yet</source>
        <translation>No answers yet</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="360"/>
        <source>Learning</source>
        <translation>Learning</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="362"/>
        <source>Buried</source>
        <translation>Buried</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="363"/>
        <source>Suspended</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="371"/>
        <source>No cards</source>
        <translation>No cards</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="377"/>
        <source>Current interval</source>
        <translation>Current interval</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="379"/>
        <source>No studied cards yet</source>
        <translation>No studied cards yet</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="385"/>
        <source>&gt;%1 y</source>
        <translation>&gt;%1 y</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="386"/>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location filename="../stats_window.py" line="386"/>
        <source>%1 mo</source>
        <translation>%1 mo</translation>
    </message>
</context>
</TS>
