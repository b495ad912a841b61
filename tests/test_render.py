"""Renderers on a small hand-built graph: exact text at 80 columns, the way rich tests its tree."""

from __future__ import annotations

import html
import io
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from attrs import evolve
from export_fixtures import DEEP, deep_graph, sample_graph
from hypothesis import given
from resolve_fixtures import graphs
from rich.cells import cell_len
from rich.console import Console

from provenance.export import export
from provenance.model import Claim, ClaimKind, Document, Graph, Hop, Source, SourceKind
from provenance.pipeline import analyse
from provenance.read import read_path
from provenance.render import render_audit, render_findings, render_markdown, render_tree
from provenance.render.outline import CLAIM_CHARS, MAX_DEPTH, outline, short_id, skipped_note, walk
from provenance.resolve import resolve

TEXT = (
    'Shafaq News/ Prominent Iraqi politician Mithal al-Alusi warned on Thursday of a "devastating '
    'regional sectarian conflict". He emphasized that "defusing the conflict" rests with the prime '
    "minister. The Observatory said, citing local sources, that the convoy had 50 trucks. Security "
    "sources said more convoys were expected. On Wednesday, the Coalition also sent a logistical "
    "convoy to Kobani."
)


def span(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return (start, start + len(part))


def hop(source: str, cue: str, mention: str | None = None) -> Hop:
    return Hop(source, cue, span(cue) if cue in TEXT else None, mention, span(mention) if mention else None)


def claim(ordinal: int, text: str, kind: ClaimKind, *chain: Hop, when: date | None = None) -> Claim:
    outlet = Hop("shafaq-news", "publishes")
    return Claim(f"seed-c{ordinal}", "seed", text, span(text), kind, when, (outlet, *chain))


@pytest.fixture
def graph() -> Graph:
    """A short article with a named person, a nested citation, anonymous and unattributed claims."""
    document = Document(
        "seed",
        "shafaq-news",
        "Al-Alusi warns of sectarian war",
        None,
        datetime(2025, 1, 2, 21, 13, 57, tzinfo=UTC),
        "en",
        TEXT,
    )
    sources = (
        Source("shafaq-news", "Shafaq News", SourceKind.OUTLET),
        Source(
            "mithal-al-alusi",
            "Mithal al-Alusi",
            SourceKind.PERSON,
            ("al-Alusi",),
            "Prominent Iraqi politician",
        ),
        Source("sohr", "Syrian Observatory for Human Rights", SourceKind.MONITOR, ("The Observatory",)),
        Source("local-sources", "local sources", SourceKind.ANONYMOUS),
        Source("security-sources", "Security sources", SourceKind.ANONYMOUS),
    )
    thursday = date(2025, 1, 2)
    claims = (
        claim(1, "devastating regional sectarian conflict", ClaimKind.DIRECT,
              hop("mithal-al-alusi", "warned", "Prominent Iraqi politician Mithal al-Alusi"), when=thursday),
        claim(2, "\"defusing the conflict\" rests with the prime minister", ClaimKind.MIXED,
              hop("mithal-al-alusi", "emphasized", "He")),
        claim(3, "the convoy had 50 trucks", ClaimKind.INDIRECT,
              hop("sohr", "said", "The Observatory"), hop("local-sources", "citing", "local sources")),
        claim(4, "more convoys were expected", ClaimKind.INDIRECT,
              Hop("security-sources", "said", mention="Security sources")),
        claim(5, "On Wednesday, the Coalition also sent a logistical convoy to Kobani.",
              ClaimKind.UNATTRIBUTED, when=date(2025, 1, 1)),
    )  # fmt: skip
    bare = Graph((document,), sources, claims)
    return evolve(bare, findings=resolve(bare))


def text_of(console: Console, renderable: object) -> str:
    """What the console shows, without the padding rich adds to the right of each line."""
    console.print(renderable)
    # Trailing spaces are layout, not content, and editors strip them from expected strings.
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"


TREE = """\
Shafaq News · 2 Jan 2025, 21:13 UTC
Al-Alusi warns of sectarian war
├── Mithal al-Alusi (person) — Prominent Iraqi politician
│   ├── “devastating regional sectarian conflict”
│   │   c1 · warned · direct · 2 Jan 2025
│   └── “"defusing the conflict" rests with the prime minister”
│       c2 · emphasized · mixed · as “He”
├── Syrian Observatory for Human Rights (monitor)
│   └── citing ⚠ local sources (anonymous source)
│       └── “the convoy had 50 trucks”
│           c3 · said · indirect · ⚠ anonymous-source
├── ⚠ Security sources (anonymous source)
│   └── “more convoys were expected”
│       c4 · said · indirect · ⚠ anonymous-source
└── ⚠ Unattributed (outlet's own word)
    └── ⚠ “On Wednesday, the Coalition also sent a logistical convoy to Kobani.”
        c5 · unattributed · 1 Jan 2025
"""

FINDINGS = """\
Findings: 3 warnings, 1 info
Severity   Rule               Message                                      Where
────────────────────────────────────────────────────────────────────────────────
warning    anonymous-source   Attributed, via Syrian Observatory for       c3
                              Human Rights, to an anonymous source:
                              “local sources”.
warning    anonymous-source   Attributed to an anonymous source:           c4
                              “Security sources”.
warning    unattributed       Shafaq News gives no source for “On          c5
                              Wednesday, the Coalition also sent a…”.
info       single-source      2 claims in this article rest on Mithal      c1
                              al-Alusi alone.
"""

MARKDOWN = "\n".join(
    [
        "# Shafaq News: Al-Alusi warns of sectarian war",
        "",
        "Published 2 Jan 2025, 21:13 UTC · Document `seed`",
        "",
        "## Sourcing",
        "",
        "- **Mithal al-Alusi** (person) — Prominent Iraqi politician",
        "  - “devastating regional sectarian conflict” — warned, direct, 2 Jan 2025 (`c1`)",
        '  - “"defusing the conflict" rests with the prime minister” — emphasized, mixed, as “He” (`c2`)',
        "- **Syrian Observatory for Human Rights** (monitor)",
        "  - citing ⚠ **local sources** (anonymous source)",
        "    - “the convoy had 50 trucks” — said, indirect (`c3`)",
        "- ⚠ **Security sources** (anonymous source)",
        "  - “more convoys were expected” — said, indirect (`c4`)",
        "- ⚠ **Unattributed (outlet's own word)**",
        "  - ⚠ “On Wednesday, the Coalition also sent a logistical convoy to Kobani.” —"
        " unattributed, 1 Jan 2025 (`c5`)",
        "",
        "## Findings: 3 warnings, 1 info",
        "",
        "| Severity | Rule | Message | Where |",
        "|---|---|---|---|",
        "| warning | `anonymous-source` | Attributed, via Syrian Observatory for Human Rights, to"
        " an anonymous source: “local sources”. | `c3` |",
        "| warning | `anonymous-source` | Attributed to an anonymous source: “Security sources”. | `c4` |",
        "| warning | `unattributed` | Shafaq News gives no source for “On Wednesday, the Coalition"
        " also sent a…”. | `c5` |",
        "| info | `single-source` | 2 claims in this article rest on Mithal al-Alusi alone. | `c1` |",
        "",
    ]
)


def test_tree_shows_outlet_sources_nested_citations_and_unattributed_branch(
    console: Console, graph: Graph
) -> None:
    assert text_of(console, render_tree(graph)) == TREE


def test_findings_table_fits_80_columns(console: Console, graph: Graph) -> None:
    assert text_of(console, render_findings(graph.findings, graph)) == FINDINGS


def test_audit_is_the_tree_then_the_findings_table(console: Console, graph: Graph) -> None:
    assert text_of(console, render_audit(graph)) == TREE + "\n" + FINDINGS


def test_markdown_report(graph: Graph) -> None:
    assert render_markdown(graph) == MARKDOWN


def test_no_findings_is_said_in_words(console: Console, graph: Graph) -> None:
    assert text_of(console, render_findings((), graph)) == "No findings\n"
    assert "## No findings\n" in render_markdown(evolve(graph, findings=()))


def test_findings_without_the_graph_show_full_claim_ids(console: Console, graph: Graph) -> None:
    lines = text_of(console, render_findings(graph.findings[:1])).splitlines()
    assert lines[3].endswith("seed-c3")


def test_long_texts_are_shortened_and_wrapped_within_80_columns(console: Console) -> None:
    long_title = "A very long headline " * 8
    long_claim = "the conflict could claim the lives of millions of innocent people " * 6
    document = Document("d1", "shafaq-news", long_title, None, None, "en", long_claim)
    source = Source(
        "someone-with-a-long-name",
        "Someone With A Remarkably Long Name",
        SourceKind.PERSON,
        (),
        "A description that goes on and on about who this person is and why",
    )
    claims = (
        Claim(
            "d1-c1",
            "d1",
            long_claim,
            None,
            ClaimKind.INDIRECT,
            None,
            (Hop("shafaq-news", "publishes"), Hop(source.id, "expressed concern")),
        ),
    )
    graph = Graph((document,), (Source("shafaq-news", "Shafaq News", SourceKind.OUTLET), source), claims)
    graph = evolve(graph, findings=resolve(graph))
    shown = text_of(console, render_audit(graph))
    assert all(cell_len(line) <= 80 for line in shown.splitlines())
    assert "…”" in shown  # the claim is cut, with an ellipsis, not dropped
    assert shown.count("the conflict could claim") < 6


def test_curated_mistakes_are_shown_not_fatal(console: Console) -> None:
    # A dangling outlet, a dangling hop, an unresolved "He" and a claim whose document is missing.
    document = Document("d1", "shafaq", "Title")
    he = Source("he", "He", SourceKind.UNKNOWN)
    claims = (
        Claim("d1-c1", "d1", "the convoy was spotted", None, ClaimKind.INDIRECT, None,
              (Hop("shafaq", "publishes"), Hop("sohr-typo", "said"))),
        Claim("d1-c2", "d1", "this is dangerous", None, ClaimKind.INDIRECT, None,
              (Hop("shafaq", "publishes"), Hop("he", "warned", mention="He"))),
        Claim("d9-c1", "d9", "an orphan claim", None, ClaimKind.UNATTRIBUTED, None, ()),
    )  # fmt: skip
    graph = Graph((document,), (he,), claims)
    graph = evolve(graph, findings=resolve(graph))
    shown = text_of(console, render_tree(graph))
    assert shown.splitlines()[0] == "2 documents"
    assert "├── shafaq\n" in shown
    assert "⚠ sohr-typo (not in sources)" in shown
    assert "⚠ He (unresolved)" in shown
    assert "└── d9\n" in shown
    assert "“an orphan claim”" in shown


def corpus_graph() -> Graph:
    """Two outlets relaying one Observatory claim with different figures, and a dangling outlet."""
    documents = (
        Document("d1", "shafaq-news", "Convoy"),
        Document("d2", "reuters", "Trucks"),
        Document("d3", "ghost-outlet", "Nothing"),
    )
    sources = (
        Source("shafaq-news", "Shafaq News", SourceKind.OUTLET),
        Source("reuters", "Reuters", SourceKind.OUTLET),
        Source("sohr", "Syrian Observatory for Human Rights", SourceKind.MONITOR),
    )
    text = "US forces brought a convoy of {} trucks carrying cement blocks to Kobani"
    claims = tuple(
        Claim(
            f"{document}-c1",
            document,
            text.format(trucks),
            None,
            ClaimKind.ACCORDING_TO,
            None,
            (Hop(outlet, "publishes"), Hop("sohr", "according to")),
        )
        for document, outlet, trucks in (("d1", "shafaq-news", 50), ("d2", "reuters", 40))
    )
    graph = Graph(documents, sources, claims)
    return evolve(graph, findings=resolve(graph))


def test_corpus_audit_puts_each_finding_under_its_document(console: Console) -> None:
    graph = corpus_graph()
    assert [f.rule for f in graph.findings] == ["dangling-source", "not-independent", "conflicting-figures"]
    shown = text_of(console, render_audit(graph))
    shafaq, reuters, ghost, across = (
        shown.index(title)
        for title in ("Shafaq News\nConvoy", "Reuters\nTrucks", "ghost-outlet\nNothing", "Across documents\n")
    )
    assert shafaq < shown.index("not-independent") < shown.index("conflicting-figures") < reuters
    assert reuters < ghost < across
    assert shown[reuters:across].count("No findings") == 2
    assert across < shown.index("dangling-source")
    assert shown.rstrip().endswith("that id.")
    assert "ghost-outlet\n" in shown[across:]  # where: the source id, as no claim is involved


def test_corpus_markdown_has_a_section_per_document_and_one_across_them() -> None:
    report = render_markdown(corpus_graph())
    headings = [line for line in report.splitlines() if line.startswith("# ")]
    assert headings == [
        "# Shafaq News: Convoy",
        "# Reuters: Trucks",
        "# ghost-outlet: Nothing",
        "# Findings across documents",
    ]
    assert report.count("| warning | `not-independent` |") == 1


def test_markdown_escapes_what_would_break_lists_and_tables() -> None:
    document = Document("d1", "outlet", "A *bold* | claim")
    claims = (
        Claim(
            "d1-c1",
            "d1",
            "prices rose 5% | fell_2 [see] <b>",
            None,
            ClaimKind.UNATTRIBUTED,
            None,
            (Hop("outlet", "publishes"),),
        ),
    )
    graph = Graph((document,), (Source("outlet", "The Outlet", SourceKind.OUTLET),), claims)
    report = render_markdown(evolve(graph, findings=resolve(graph)))
    assert "# The Outlet: A \\*bold\\* \\| claim" in report
    assert "“prices rose 5% \\| fell\\_2 \\[see\\] \\<b\\>”" in report
    table_rows = [line for line in report.splitlines() if line.startswith("| warning")]
    assert [row.count(" | ") for row in table_rows] == [3]


@given(graphs())
def test_any_graph_renders_within_80_columns(any_graph: Graph) -> None:
    graph = evolve(any_graph, findings=resolve(any_graph))
    console = Console(width=80, color_system=None, record=True, file=io.StringIO())
    shown = text_of(console, render_audit(graph))
    assert all(cell_len(line) <= 80 for line in shown.splitlines())
    # Every claim is in the tree, under its short id.
    details = [line.split("── ")[-1].strip("│ ") for line in shown.splitlines()]
    for claim in graph.claims:
        assert any(
            detail.startswith(short_id(claim) + " · ") or detail == short_id(claim) for detail in details
        ), claim.id
    report = render_markdown(graph)
    assert report.count("| ") >= 4 * len(graph.findings)


def test_export_fixture_graph_renders(console: Console) -> None:
    graph = sample_graph()
    shown = text_of(console, render_audit(evolve(graph, findings=resolve(graph))))
    assert all(cell_len(line) <= 80 for line in shown.splitlines())


def test_colour_comes_from_styles_so_plain_consoles_get_plain_text(graph: Graph) -> None:
    colour = Console(width=80, file=io.StringIO(), force_terminal=True, color_system="standard")
    plain = Console(width=80, file=io.StringIO())  # a file, not a TTY: rich turns colour off
    for console in (colour, plain):
        console.print(render_audit(graph))
    coloured, bare = colour.file.getvalue(), plain.file.getvalue()  # type: ignore[attr-defined]
    assert "\x1b[33mwarning" in coloured
    assert "\x1b" not in bare
    assert bare.splitlines()[0] == "Shafaq News · 2 Jan 2025, 21:13 UTC"


# --- one outline, three views -------------------------------------------------------------

SEED = Path(__file__).resolve().parent.parent / "samples" / "shafaq-2025-01-02-alusi.txt"
TAGS = "|".join([kind.value for kind in SourceKind] + ["anonymous source", "unresolved", "not in sources"])
Entry = tuple[str, int, str]
"""What a view lists, in order: ("party", depth, "cue name (tag)"), ("claim", depth, short id),
or ("group", depth, "unattributed")."""


def _party(depth: int, cue: str, name: str, tag: str) -> Entry:
    # The terminal does not mark where the cue ends and the name begins; the flag is not compared.
    return ("party", depth, " ".join(f"{cue} {name} ({tag})".replace("⚠", "").split()))


def _terminal_entries(graph: Graph) -> list[Entry]:
    console = Console(width=1000, color_system=None, record=True, file=io.StringIO())
    lines = text_of(console, render_tree(graph)).splitlines()
    entries: list[Entry] = []
    for number, line in enumerate(lines):
        node = re.match(r"^((?:│   |    )*)(?:├── |└── )(.*)$", line)
        if node is None:
            continue
        depth, content = len(node.group(1)) // 4, node.group(2).removeprefix("⚠ ")
        if content.startswith("“"):  # a claim: its id leads the next line
            entries.append(("claim", depth, lines[number + 1].split("── ")[-1].strip("│ ").split(" · ")[0]))
        elif content == "Unattributed (outlet's own word)":
            entries.append(("group", depth, "unattributed"))
        else:
            party = re.match(rf"^()(.*?) \(({TAGS})\)(?: — .*)?$", content)
            assert party is not None, content
            entries.append(_party(depth, *party.groups()))
    return entries


def _markdown_entries(graph: Graph) -> list[Entry]:
    entries: list[Entry] = []
    for line in render_markdown(graph).split("## Findings")[0].splitlines():
        item = re.match(r"^( *)- (.*)$", line)
        if item is None:
            continue
        depth, content = len(item.group(1)) // 2, item.group(2).removeprefix("⚠ ")
        claim = re.search(r"\(`([^`]+)`\)$", content)
        if content.startswith("“") and claim:
            entries.append(("claim", depth, claim.group(1)))
        elif content == "**Unattributed (outlet's own word)**":
            entries.append(("group", depth, "unattributed"))
        else:
            party = re.match(rf"^(.*?)(?:⚠ )?\*\*(.*?)\*\* \(({TAGS})\)", content)
            assert party is not None, content
            cue, name, tag = (re.sub(r"\\(.)", r"\1", part) for part in party.groups())
            entries.append(_party(depth, cue, name, tag))
    return entries


_HTML_PARTY = (
    r'^(?:<span class="cue">(.*?)</span> )?(?:⚠ )?<strong>(.*?)</strong> '  # cue, flag, name
    r'<span class="kind [^"]*">(.*?)</span>'  # tag
)


def _html_entries(graph: Graph) -> list[Entry]:
    page = export(graph, "html").decode()
    tree = page[page.index('<ul class="tree">') : page.index("</ul></section>")]
    claims = {f"k{number}": short_id(claim) for number, claim in enumerate(graph.claims)}
    entries: list[Entry] = []
    depth = -2  # the tree's own list, then the outlet's
    for token in re.finditer(r"<ul>|</ul>|<summary>(.*?)</summary>|data-claim=\"(k\d+)\"", tree):
        summary, key = token.group(1), token.group(2)
        if token.group(0) in ("<ul>", "</ul>"):
            depth += 1 if token.group(0) == "<ul>" else -1
        elif key is not None:
            entries.append(("claim", depth + 1, claims[key]))
        elif summary.startswith("⚠ Unattributed"):
            entries.append(("group", depth + 1, "unattributed"))
        elif depth >= -1:  # every summary but the outlet's
            party = re.match(_HTML_PARTY, summary)
            assert party is not None, summary
            entries.append(_party(depth + 1, *(html.unescape(part or "") for part in party.groups())))
    return entries


def _listed_alike(graph: Graph) -> list[Entry]:
    terminal = _terminal_entries(graph)
    assert terminal == _markdown_entries(graph) == _html_entries(graph)
    listed = sorted(entry[2] for entry in terminal if entry[0] == "claim")
    assert listed == sorted(short_id(claim) for claim in graph.claims)
    return terminal


def test_the_terminal_markdown_and_html_list_the_same_parties_and_claims() -> None:
    (article,) = read_path(SEED)
    listed = _listed_alike(analyse(article))
    parties = {entry[2] for entry in listed if entry[0] == "party"}
    assert "Mithal al-Alusi (person)" in parties
    assert "Syrian Observatory for Human Rights (monitor)" in parties
    assert ("group", 0, "unattributed") in listed


def test_the_three_views_nest_cited_parties_alike(graph: Graph) -> None:
    listed = _listed_alike(graph)
    assert ("party", 1, "citing local sources (anonymous source)") in listed
    assert listed[listed.index(("party", 1, "citing local sources (anonymous source)")) + 1] == (
        "claim",
        2,
        "c3",
    )


# --- chains deeper than any view nests --------------------------------------------------------


def test_a_chain_deeper_than_max_depth_goes_to_its_last_party_naming_the_skipped() -> None:
    graph = deep_graph()
    (view,) = outline(graph)
    depths = {depth for depth, _ in walk(view.branches)}
    assert max(depths) == MAX_DEPTH - 1
    deepest = [branch for depth, branch in walk(view.branches) if branch.skipped]
    assert [branch.hop.source for branch in deepest] == [f"p{DEEP - 1}", f"p{(DEEP - 1) % 2}"]
    assert [len(branch.skipped) for branch in deepest] == [DEEP - MAX_DEPTH] * 2
    assert [claim.id for branch in deepest for claim in branch.claims] == ["d1-c1", "d1-c2"]
    note = skipped_note(deepest[0], graph.index)
    assert note is not None
    assert note.startswith(f"by way of {DEEP - MAX_DEPTH} more: Party {MAX_DEPTH - 1} → Party {MAX_DEPTH} →")
    assert len(note) <= CLAIM_CHARS
    _listed_alike(graph)


def test_deep_and_looping_chains_render_within_80_columns(console: Console) -> None:
    graph = deep_graph()
    shown = text_of(console, render_audit(graph))
    assert all(cell_len(line) <= 80 for line in shown.splitlines())
    assert "circular-citation" in shown
    for claim in graph.claims:
        assert f"{short_id(claim)} · " in shown
    assert f"Party {DEEP - 1} (person)" in shown
    assert f"by way of {DEEP - MAX_DEPTH} more" in render_markdown(graph)
