"""The fixed parts of the Anki packages Deckard writes: schema, note type, decks, ids.

The note type has a fixed id and fixed field and template ids, so every export merges into the
same note type in Anki; guids and deck ids are derived from Deckard's card ids and deck names,
so they are the same on every export.
"""

from __future__ import annotations

import hashlib

NOTETYPE_ID = 1_764_000_000_000
NOTETYPE_NAME = "Deckard"
# Bump when the CSS or templates change, so Anki takes the new note type over the old one.
NOTETYPE_MOD = 1_764_000_000
FIELD_NAMES = ("Question", "Answer", "Deckard ID")
FIELD_IDS = (1_764_000_000_101, 1_764_000_000_102, 1_764_000_000_103)
TEMPLATE_ID = 1_764_000_000_201
DEFAULT_DECK_ID = 1
FIELD_SEPARATOR = "\x1f"

CARD_CSS = """\
.card {
  font-family: "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", sans-serif;
  font-size: 20px;
  line-height: 1.4;
  text-align: left;
  color: black;
  background-color: white;
}
.codehilite, pre, code {
  font-family: "DejaVu Sans Mono", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace;
  font-size: 0.85em;
}
.codehilite { border-radius: 4px; overflow-x: auto; }
.codehilite pre { margin: 0; padding: 0.5em 0.7em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: 2px 8px; }
img { max-width: 100%; }
"""

QUESTION_TEMPLATE = "{{Question}}"
ANSWER_TEMPLATE = "{{FrontSide}}\n\n<hr id=answer>\n\n{{Answer}}"

SCHEMA = """
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
  scm integer not null, ver integer not null, dty integer not null, usn integer not null,
  ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,
  mod integer not null, usn integer not null, tags text not null, flds text not null,
  sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,
  ord integer not null, mod integer not null, usn integer not null, type integer not null,
  queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,
  ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null,
  time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
"""

# Only the indexes an importer looks rows up by: Anki before 2.1.50 reads each card's review
# history with `WHERE cid = ?` and finds cards by note. Anki's other indexes (by usn, for
# syncing; the scheduler's queue; note checksums) serve a collection in use, and a package is
# only ever read by an import; without them it is smaller and quicker to write.
CARD_INDEX = "CREATE INDEX ix_cards_nid ON cards (nid)"
REVLOG_INDEX = "CREATE INDEX ix_revlog_cid ON revlog (cid)"
INDEXES = (CARD_INDEX, REVLOG_INDEX)

# Anki's card types and queues.
TYPE_NEW, TYPE_REVIEW = 0, 2
QUEUE_SUSPENDED, QUEUE_NEW, QUEUE_REVIEW = -1, 0, 2
# Anki's revlog kinds.
REVLOG_LEARN, REVLOG_REVIEW = 0, 1


def note_guid(card_id: str) -> str:
    """The Anki guid for a Deckard card: stable, short, and the same on every export."""
    digest = hashlib.sha256(b"deckard-card:" + card_id.encode("utf-8")).digest()
    return "dk" + _base91(int.from_bytes(digest[:10], "big"))


def deck_id_for(name: str) -> int:
    """A stable Anki deck id for a full deck name (Anki matches decks by name on import)."""
    digest = hashlib.sha256(b"deckard-deck:" + name.encode("utf-8")).digest()
    # Keep ids positive, below 2**53 (JavaScript-safe) and far from Anki's Default deck (1).
    return (int.from_bytes(digest[:6], "big") % (1 << 50)) + (1 << 51)


_BASE91 = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
)


# Every pair of base-91 digits, so a number is written two digits per division.
_BASE91_PAIRS = [high + low for high in _BASE91 for low in _BASE91]
_BASE91_SQUARED = len(_BASE91_PAIRS)


def _base91(number: int) -> str:
    out = []
    while number:
        number, pair = divmod(number, _BASE91_SQUARED)
        out.append(_BASE91_PAIRS[pair])
    # The top pair may start with a zero digit ("a"), which the one-digit writing never had.
    return "".join(reversed(out)).lstrip(_BASE91[0]) or _BASE91[0]


def deck_entry(deck_id: int, name: str, mod: int) -> dict:
    return {
        "id": deck_id,
        "name": name,
        "mod": mod,
        "usn": -1,
        "desc": "",
        "dyn": 0,
        "conf": 1,
        "collapsed": False,
        "browserCollapsed": False,
        "extendNew": 0,
        "extendRev": 0,
        "newToday": [0, 0],
        "revToday": [0, 0],
        "lrnToday": [0, 0],
        "timeToday": [0, 0],
    }


def notetype_entry() -> dict:
    fields = [
        {
            "name": name,
            "ord": ord_,
            "id": field_id,
            "sticky": False,
            "rtl": False,
            "font": "Arial",
            "size": 20,
            "media": [],
            "description": "",
            "plainText": False,
            "collapsed": False,
            "excludeFromSearch": False,
        }
        for ord_, (name, field_id) in enumerate(zip(FIELD_NAMES, FIELD_IDS, strict=True))
    ]
    template = {
        "name": "Card 1",
        "ord": 0,
        "id": TEMPLATE_ID,
        "qfmt": QUESTION_TEMPLATE,
        "afmt": ANSWER_TEMPLATE,
        "bqfmt": "",
        "bafmt": "",
        "did": None,
        "bfont": "",
        "bsize": 0,
    }
    return {
        "id": NOTETYPE_ID,
        "name": NOTETYPE_NAME,
        "type": 0,
        "mod": NOTETYPE_MOD,
        "usn": -1,
        "sortf": 0,
        "did": DEFAULT_DECK_ID,
        "tmpls": [template],
        "flds": fields,
        "css": CARD_CSS,
        "latexPre": (
            "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n"
            "\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n"
            "\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n"
        ),
        "latexPost": "\\end{document}",
        "latexsvg": False,
        "req": [[0, "any", [0]]],
        "tags": [],
        "vers": [],
    }


def deck_config(mod: int) -> dict:
    return {
        "id": 1,
        "name": "Default",
        "mod": mod,
        "usn": -1,
        "maxTaken": 60,
        "autoplay": True,
        "timer": 0,
        "replayq": True,
        "dyn": False,
        "new": {
            "bury": False,
            "delays": [1.0, 10.0],
            "initialFactor": 2500,
            "ints": [1, 4, 0],
            "order": 1,
            "perDay": 20,
        },
        "lapse": {
            "delays": [10.0],
            "leechAction": 1,
            "leechFails": 8,
            "minInt": 1,
            "mult": 0.0,
        },
        "rev": {
            "bury": False,
            "ease4": 1.3,
            "ivlFct": 1.0,
            "maxIvl": 36500,
            "perDay": 200,
            "hardFactor": 1.2,
        },
    }
