"""A malformed search query, told in the interface language.

The core raises `QueryError` with a fixed English sentence whose varying parts (`%1`, `%2`) are
kept apart; each sentence is listed here, marked with QT_TRANSLATE_NOOP so that pyside6-lupdate
finds it, and the values go back into the translated sentence. A sentence missing here is shown in
English (a test checks that every sentence the search can raise is here).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.core.errors import QueryError, fill_placeholders

_SENTENCES = frozenset(
    (
        QT_TRANSLATE_NOOP("QueryError", 'this quote is never closed: add a closing "'),
        QT_TRANSLATE_NOOP(
            "QueryError", 'this ")" has no matching "(": put text in quotes to search for it'
        ),
        QT_TRANSLATE_NOOP("QueryError", "unexpected %1"),
        QT_TRANSLATE_NOOP("QueryError", "%1 needs a search term after it"),
        QT_TRANSLATE_NOOP("QueryError", "%1 needs a search term before it"),
        QT_TRANSLATE_NOOP("QueryError", "the query ends where a search term was expected"),
        QT_TRANSLATE_NOOP("QueryError", '"-" must be followed directly by a search term'),
        QT_TRANSLATE_NOOP("QueryError", "parentheses are nested too deeply"),
        QT_TRANSLATE_NOOP("QueryError", 'this "(" is never closed: add a ")"'),
        QT_TRANSLATE_NOOP("QueryError", "empty parentheses: put a search term inside"),
        QT_TRANSLATE_NOOP("QueryError", "too many search terms (at most %1)"),
        QT_TRANSLATE_NOOP("QueryError", 'empty quotes: put the text to search for between the ""'),
        QT_TRANSLATE_NOOP(
            "QueryError", "unknown filter %1 (known: %2); put text in quotes to search for it"
        ),
        QT_TRANSLATE_NOOP("QueryError", "%1: needs a value after the colon"),
        QT_TRANSLATE_NOOP("QueryError", "is: takes one of %1, not %2"),
        QT_TRANSLATE_NOOP(
            "QueryError", "prop: needs a property, a comparison and a number, like prop:ivl>30"
        ),
        QT_TRANSLATE_NOOP("QueryError", "unknown property %1 (known: %2)"),
        QT_TRANSLATE_NOOP("QueryError", "prop:%1 compares with a number like 2.5"),
        QT_TRANSLATE_NOOP("QueryError", "prop:%1 compares with a whole number"),
        QT_TRANSLATE_NOOP("QueryError", "rated:DAYS:GRADE takes a grade from 0 to 5"),
        QT_TRANSLATE_NOOP("QueryError", "%1: takes a number of days from 1, like %1:7"),
    )
)


def known_sentences() -> set[str]:
    """The core's sentences this module translates."""
    return set(_SENTENCES)


def describe(error: QueryError) -> str:
    """What is wrong with the query and where, in the interface language."""
    detail = error.detail
    if error.template in _SENTENCES:
        translated = QCoreApplication.translate("QueryError", error.template)
        detail = fill_placeholders(translated, error.values)
    where = QCoreApplication.translate("QueryError", "%1 (at character %2)")
    return fill_placeholders(where, (detail, str(error.position + 1)))
