"""What people type into search, as an FTS5 query: every word literal, the usual operators kept."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.store.fulltext import to_match


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("Trump's health", '"Trump\'s" "health"'),
        ("U.S.", '"U.S."'),
        ("al-Assad", '"al-Assad"'),
        ('"unbalanced quote', '"unbalanced" "quote"'),
        ('"Trump\'s health" OR Kobani', '"Trump\'s health" OR "Kobani"'),
        ("convoy NOT Kobani", '"convoy" NOT "Kobani"'),
        ("NOT convoy", '"convoy"'),
        ("convoy AND OR road", '"convoy" OR "road"'),
        ("reinforce*", '"reinforce"*'),
        ("(convoy OR trucks) Kobani", '( "convoy" OR "trucks" ) AND "Kobani"'),
        ("(convoy OR trucks", '"convoy" OR "trucks"'),
        ("text:convoy", '"text:convoy"'),
    ],
)
def test_words_are_literal_and_operators_kept(typed: str, query: str) -> None:
    assert to_match(typed) == query


@pytest.mark.parametrize("typed", ["", "AND OR", "*", "-", "()", '""', "( OR )"])
def test_a_query_without_words_is_none(typed: str) -> None:
    assert to_match(typed) is None


PIECES = st.sampled_from(
    ["(", ")", "AND", "OR", "NOT", '"', "*", "U.S.", "Trump's", "al-Assad", "NEAR", ":", "-", " ", "x"]
)


@given(st.text(max_size=40) | st.lists(PIECES, max_size=12).map(" ".join) | st.lists(PIECES).map("".join))
def test_anything_typed_is_a_query_fts5_parses(typed: str) -> None:
    connection = sqlite3.connect(":memory:")
    connection.execute("create virtual table t using fts5(body)")
    connection.execute("insert into t values ('the convoy reached Kobani in the U.S. zone')")
    query = to_match(typed)
    if query is not None:
        connection.execute("select count(*) from t where t match ?", (query,)).fetchone()
