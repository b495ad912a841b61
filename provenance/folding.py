"""When a pattern that ignores case may be matched, case-sensitively, against a text's lowercase.

A pattern written in lowercase ASCII and compiled with ``re.IGNORECASE`` finds the same spans in a text
as the same pattern without the flag finds in ``text.lower()``, at about twice the speed, unless the
text holds a letter that the flag folds to an ASCII letter where ``str.lower()`` does not ("ſ" for
"s", "ı" for "i", "K" the Kelvin sign for "k"), or one whose lowercase is longer ("İ"). Checked over
every Unicode character: these four are all. Pure, so that `extract` and `dates` share it.
"""

from __future__ import annotations

import re

ASCII_OF = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}  # "İ", "ı", "ſ" and the Kelvin sign
"""For ``str.translate``: each of those letters as the ASCII letter a pattern ignoring case takes it
for, so that what it matched reads as a word the code knows ("Tueſday" is "Tuesday")."""
FOLDS_TO_ASCII = frozenset(map(chr, ASCII_OF))
"""The letters for which a pattern that ignores case and ``str.lower()`` disagree (written as escapes:
the Kelvin sign looks like "K")."""
_FOLDING = re.compile(f"[{''.join(sorted(FOLDS_TO_ASCII))}]")


def lowercase_is_exact(text: str) -> bool:
    """True when a lowercase ASCII pattern finds in ``text.lower()``, matching case, the same spans
    that it finds in ``text`` ignoring case: ``text`` holds none of `FOLDS_TO_ASCII`."""
    return text.isascii() or _FOLDING.search(text) is None
