"""A malformed search query, told in the interface language.

The core raises `QueryError` with a fixed English sentence whose varying parts (`%1`, `%2`) are
kept apart; each sentence is spelled out here in a translate() call so pyside6-lupdate finds it,
and the values go back into the translated sentence. A sentence missing here is shown in
English (a test checks that every sentence the search can raise is here).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from app.core.errors import QueryError, fill_placeholders

_KNOWN: dict[str, Callable[[], str]] = {
    'this quote is never closed: add a closing "': lambda: QCoreApplication.translate(
        "QueryError", 'this quote is never closed: add a closing "'
    ),
    'this ")" has no matching "(": put text in quotes to search for it': lambda: (
        QCoreApplication.translate(
            "QueryError", 'this ")" has no matching "(": put text in quotes to search for it'
        )
    ),
    "unexpected %1": lambda: QCoreApplication.translate("QueryError", "unexpected %1"),
    "%1 needs a search term after it": lambda: QCoreApplication.translate(
        "QueryError", "%1 needs a search term after it"
    ),
    "%1 needs a search term before it": lambda: QCoreApplication.translate(
        "QueryError", "%1 needs a search term before it"
    ),
    "the query ends where a search term was expected": lambda: QCoreApplication.translate(
        "QueryError", "the query ends where a search term was expected"
    ),
    '"-" must be followed directly by a search term': lambda: QCoreApplication.translate(
        "QueryError", '"-" must be followed directly by a search term'
    ),
    "parentheses are nested too deeply": lambda: QCoreApplication.translate(
        "QueryError", "parentheses are nested too deeply"
    ),
    'this "(" is never closed: add a ")"': lambda: QCoreApplication.translate(
        "QueryError", 'this "(" is never closed: add a ")"'
    ),
    "empty parentheses: put a search term inside": lambda: QCoreApplication.translate(
        "QueryError", "empty parentheses: put a search term inside"
    ),
    "too many search terms (at most %1)": lambda: QCoreApplication.translate(
        "QueryError", "too many search terms (at most %1)"
    ),
    'empty quotes: put the text to search for between the ""': lambda: QCoreApplication.translate(
        "QueryError", 'empty quotes: put the text to search for between the ""'
    ),
    "unknown filter %1 (known: %2); put text in quotes to search for it": lambda: (
        QCoreApplication.translate(
            "QueryError", "unknown filter %1 (known: %2); put text in quotes to search for it"
        )
    ),
    "%1: needs a value after the colon": lambda: QCoreApplication.translate(
        "QueryError", "%1: needs a value after the colon"
    ),
    "is: takes one of %1, not %2": lambda: QCoreApplication.translate(
        "QueryError", "is: takes one of %1, not %2"
    ),
    "prop: needs a property, a comparison and a number, like prop:ivl>30": lambda: (
        QCoreApplication.translate(
            "QueryError", "prop: needs a property, a comparison and a number, like prop:ivl>30"
        )
    ),
    "unknown property %1 (known: %2)": lambda: QCoreApplication.translate(
        "QueryError", "unknown property %1 (known: %2)"
    ),
    "prop:%1 compares with a number like 2.5": lambda: QCoreApplication.translate(
        "QueryError", "prop:%1 compares with a number like 2.5"
    ),
    "prop:%1 compares with a whole number": lambda: QCoreApplication.translate(
        "QueryError", "prop:%1 compares with a whole number"
    ),
    "rated:DAYS:GRADE takes a grade from 0 to 5": lambda: QCoreApplication.translate(
        "QueryError", "rated:DAYS:GRADE takes a grade from 0 to 5"
    ),
    "%1: takes a number of days from 1, like %1:7": lambda: QCoreApplication.translate(
        "QueryError", "%1: takes a number of days from 1, like %1:7"
    ),
}


def known_sentences() -> set[str]:
    """The core's sentences this module translates."""
    return set(_KNOWN)


def describe(error: QueryError) -> str:
    """What is wrong with the query and where, in the interface language."""
    translate = _KNOWN.get(error.template)
    detail = fill_placeholders(translate(), error.values) if translate else error.detail
    where = QCoreApplication.translate("QueryError", "%1 (at character %2)")
    return fill_placeholders(where, (detail, str(error.position + 1)))
