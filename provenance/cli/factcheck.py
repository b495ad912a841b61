"""The fact-check workflow: check-claim, review, reviews, import-claimreview, and the ClaimReview
export of stored claims that 'export --db' calls."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from ..errors import ExitCode, InputError
from .base import (
    CONFIG_OPTION,
    DB_OPTION,
    JSON_OPTION,
    cli,
    console,
    load_config,
    open_store,
    write_json,
)


def _ratings(value: str | None) -> frozenset[str]:
    from ..factcheck.model import rating_name

    return frozenset(rating_name(name) for name in (value or "").split(",") if name.strip())


@cli.command("check-claim")
@click.argument("text")
@DB_OPTION
@click.option(
    "--threshold",
    type=click.FloatRange(0, 100),
    default=70.0,
    show_default=True,
    help="Least similarity (0-100) for a stored claim or review to count as a match.",
)
@click.option(
    "-n",
    "--limit",
    type=click.IntRange(1, 1000),
    default=10,
    show_default=True,
    help="How many matches to show (the table says how many there are in all).",
)
@click.option(
    "--fail-if-rated",
    metavar="RATINGS",
    help="Comma-separated ratings (e.g. false,misleading): exit 1 when a match's "
    "standing verdict is one of them.",
)
@JSON_OPTION
@click.pass_context
def check_claim(
    ctx: click.Context, text: str, db: Path, threshold: float, limit: int, fail_if_rated: str | None, fmt: str
) -> None:
    """Has this claim been seen, where, on whose word, and what was decided about it?

    Stored claims sharing words with TEXT are ranked by similarity; copies of one claim in
    several articles make one match, with its chain, root sources, number of independent
    origins, first appearance and verdicts (the newest stands). Reviews imported with
    'provenance import-claimreview' match too.

    \b
    Examples:
      provenance check-claim "US forces sent 50 trucks to areas held by the SDF"
      provenance check-claim "..." --format json --fail-if-rated false,misleading
    """
    from ..factcheck import matching

    failing = _ratings(fail_if_rated)
    with open_store(db) as store:
        found = matching.find_matches(store, text, threshold=threshold, limit=limit)
    if fmt == "json":
        write_json(matching.matches_data(found.matches))
    else:
        from ..render.review import render_matches

        console().print(render_matches(found.matches, text, total=found.total))
    rated = any(match.verdict is not None and match.verdict.rating in failing for match in found.matches)
    ctx.exit(int(ExitCode.FINDINGS if rated else ExitCode.OK))


@cli.command()
@click.argument("claim_id", metavar="CLAIM_ID")
@click.option(
    "--rating",
    required=True,
    help="The verdict, a name on the scale (default scale: "
    "true, mostly-true, half-true, misleading, false, unproven).",
)
@click.option("--reviewer", required=True, metavar="NAME", help="Who reviewed the claim.")
@click.option("--note", metavar="TEXT", help="Why, in a sentence or two (ClaimReview reviewBody).")
@click.option(
    "--evidence",
    "evidence",
    multiple=True,
    metavar="URL",
    help="A source the verdict rests on; repeat for several.",
)
@DB_OPTION
@CONFIG_OPTION
def review(
    claim_id: str,
    rating: str,
    reviewer: str,
    note: str | None,
    evidence: tuple[str, ...],
    db: Path,
    config_path: Path | None,
) -> None:
    """Record a verdict on a stored claim; earlier verdicts are kept and the newest stands.

    The verdict holds for every copy of the claim in other articles. A newsroom's own scale
    and the organisation it publishes under come from provenance.toml (or --config):

    \b
      [review]
      author = "Example Fact Check"
      [[review.ratings]]          # best first
      name = "correct"
      label = "Correct"
      value = 3

    \b
    Example:
      provenance review doc-1a2b3c4d5e6f7a8b-c12 --rating mostly-true --reviewer "A. Checker" \\
        --note "About 50 trucks, per SOHR" --evidence https://example.org/sohr
    """
    from datetime import UTC, datetime

    from ..factcheck.workflow import record_review

    config = load_config(config_path)
    if not db.exists():
        raise InputError("no such database; fill one with 'provenance ingest'", path=str(db))
    with open_store(db, readonly=False) as store:
        recorded = record_review(
            store,
            claim_id,
            rating,
            config,
            reviewer=reviewer,
            note=note,
            evidence=evidence,
            reviewed=datetime.now(UTC),
        )
    click.echo(f"Recorded {recorded.label!r} on {claim_id} by {reviewer}; it now stands.", err=True)


@cli.command()
@click.argument("claim_id", metavar="CLAIM_ID")
@DB_OPTION
@JSON_OPTION
def reviews(claim_id: str, db: Path, fmt: str) -> None:
    """The verdicts on a claim and its copies in other articles, newest (standing) first.

    \b
    Example:
      provenance reviews doc-1a2b3c4d5e6f7a8b-c12
    """
    from ..factcheck.matching import reviews_data, reviews_of

    with open_store(db) as store:
        history = reviews_of(store, claim_id)
    if fmt == "json":
        write_json(reviews_data(history))
        return
    from ..render.review import render_reviews

    console().print(render_reviews(history, claim_id))


@cli.command("import-claimreview")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@DB_OPTION
def import_claimreview(files: tuple[str, ...], db: Path) -> None:
    """Import fact-checks published by others, so that 'provenance check-claim' finds them.

    FILE is ClaimReview JSON-LD (.json, .jsonld: one review, a list, or an @graph) or a saved web
    page whose embedded JSON-LD or microdata holds ClaimReview. Importing a file twice adds
    nothing.

    \b
    Examples:
      provenance import-claimreview factcheck.jsonld
      provenance import-claimreview saved-page.html --db news.db
    """
    from datetime import UTC, datetime

    from ..factcheck.workflow import import_claimreviews

    with open_store(db, readonly=False) as store:
        for name in files:
            result = import_claimreviews(store, name, received=datetime.now(UTC))
            click.echo(f"{name}: {result.found} review(s) found, {result.added} new.", err=True)


def export_reviews(
    db: Path,
    fmt: str,
    claim_id: str | None,
    all_claims: bool,
    output: Path | None,
    force: bool,
    config_path: Path | None,
) -> None:
    """ClaimReview of one stored claim (to -o or standard output), or of every reviewed one."""
    from ..export import safe_name, write_export
    from ..factcheck.workflow import claimreview

    if all_claims == (claim_id is not None):
        raise click.UsageError("name one claim with --claim ID, or give --all")
    config = load_config(config_path)
    with open_store(db) as store:
        if claim_id is not None:
            data = claimreview(store, claim_id, config)
            warn_without_author([data])
            if output is None:
                sys.stdout.buffer.write(data)
                sys.stdout.flush()
                return
            written = write_export(data, output, force=force, name=safe_name(claim_id) + ".jsonld")
            click.echo(f"Wrote {written} (claimreview, {len(data):,} bytes).", err=True)
            return
        if output is None or not output.is_dir():
            raise click.UsageError("--all writes one file per claim: give an existing folder as -o")
        claims = store.reviewed_claims()
        reviews = []
        for reviewed in claims:
            data = claimreview(store, reviewed, config)
            write_export(data, output, force=force, name=safe_name(reviewed) + ".jsonld")
            reviews.append(data)
        warn_without_author(reviews)
    click.echo(f"Wrote {len(claims)} ClaimReview file(s) into {output}.", err=True)


def warn_without_author(reviews: Sequence[bytes]) -> None:
    """Say on stderr when a ClaimReview written names no author, and which config key sets it."""
    from ..config import AUTHOR_KEY, FILENAME
    from ..factcheck.claimreview import names_author

    missing = sum(not names_author(data) for data in reviews)
    if missing:
        which = "the ClaimReview names" if len(reviews) == 1 else f"{missing} of the ClaimReviews name"
        click.echo(
            f"Warning: {which} no author (the organisation publishing it): set {AUTHOR_KEY} in "
            f"{FILENAME} or the --config file.",
            err=True,
        )
