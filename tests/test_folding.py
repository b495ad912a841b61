"""When matching a text's lowercase finds what a pattern ignoring case finds in the text."""

from __future__ import annotations

import re
import sys

from provenance.folding import ASCII_OF, FOLDS_TO_ASCII, lowercase_is_exact

_EVERY_CHARACTER = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000)


def test_only_the_listed_letters_fold_to_ascii_ignoring_case() -> None:
    folding = set(re.findall("[a-z]", _EVERY_CHARACTER, re.IGNORECASE)) - set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    )
    longer = {char for char in _EVERY_CHARACTER if len(char.lower()) != 1}
    assert folding | longer == FOLDS_TO_ASCII


def test_word_classes_hold_across_lowercase() -> None:
    for pattern in (r"\w", r"\d", r"\s"):
        found = [char for char in re.findall(pattern, _EVERY_CHARACTER) if char not in FOLDS_TO_ASCII]
        assert re.findall(pattern, "".join(found).lower()) == [char.lower() for char in found]


def test_texts_with_a_folding_letter_are_not_exact() -> None:
    assert lowercase_is_exact("Plain text, said the minister.")
    assert lowercase_is_exact("“Curly quotes,” said Müller.")
    assert not lowercase_is_exact("The Tueſday meeting")
    assert not lowercase_is_exact("İstanbul")
    assert not lowercase_is_exact("300 \u212a")  # the Kelvin sign
    assert lowercase_is_exact("300 K")


def test_each_folding_letter_reads_as_the_ascii_letter_it_matches() -> None:
    for code, letter in ASCII_OF.items():
        assert re.fullmatch(letter, chr(code), re.IGNORECASE)
        assert len(chr(code).translate(ASCII_OF)) == 1
