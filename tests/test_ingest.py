"""Ingest: folders and corpora into the store, in parallel, idempotent, and safe to kill."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from store_fixtures import fake_analyse

from provenance.ingest import Progress, ingest
from provenance.read import Limits
from provenance.store import Store

HERE = Path(__file__).parent


def _write_corpus(path: Path, count: int, *, start: int = 0) -> Path:
    outlets = ["Reuters", "AFP", "Shafaq News"]
    with path.open("w", encoding="utf-8") as handle:
        for number in range(start, start + count):
            handle.write(
                json.dumps(
                    {
                        "id": f"story-{number}",
                        "text": f"Story {number}. The Observatory counted {number} trucks. "
                        f"an official said {number % 7} were empty. Roads closed",
                        "outlet": outlets[number % 3],
                        "published": f"2024-05-{number % 28 + 1:02d}",
                    }
                )
                + "\n"
            )
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder with articles, a corpus with one bad line, and a file the extractor refuses."""
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Shafaq News/ The convoy was seen, SOHR said. Trucks crossed\n")
    (folder / "sub" / "boom.txt").write_text("BOOM goes the extractor\n")
    (folder / ".hidden.txt").write_text("never read\n")
    (folder / "notes.pdf").write_bytes(b"%PDF not ours")
    corpus_file = _write_corpus(folder / "sub" / "stories.jsonl", 12)
    with corpus_file.open("a") as handle:
        handle.write("{not json\n")
    return folder


def test_ingest_stores_what_it_can_and_names_what_failed(corpus: Path, tmp_path: Path) -> None:
    with Store.open(tmp_path / "p.db") as store:
        summary = ingest([corpus, tmp_path / "missing.txt"], store, jobs=1, analyse=fake_analyse)
        assert (summary.ingested, summary.unchanged) == (13, 0)
        assert summary.claims == 13 * 4 - 2  # the txt article has two sentences
        failed = dict(summary.failed)
        assert set(failed) == {
            f"{corpus}/sub/stories.jsonl:13",
            f"{corpus}/sub/boom.txt",
            f"{tmp_path}/missing.txt",
        }
        assert "not a JSON record" in failed[f"{corpus}/sub/stories.jsonl:13"]
        assert failed[f"{tmp_path}/missing.txt"] == "no such file or folder"
        assert summary.skipped == ((f"{corpus}/notes.pdf", "a PDF file; save the article as HTML or text"),)
        assert not summary.is_ok
        assert store.check() == []


def test_an_article_past_the_limit_is_named_and_the_rest_are_stored(tmp_path: Path) -> None:
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text("The mayor said the bridge would reopen.", encoding="utf-8")
    large.write_text("The mayor said the bridge would reopen. " * 10, encoding="utf-8")
    with Store.open(tmp_path / "p.db") as store:
        summary = ingest([tmp_path], store, jobs=1, analyse=fake_analyse, limits=Limits(article_bytes=100))
        assert summary.ingested == 1
        reason = "larger than the 100 bytes limit for one article (--max-size)"
        assert summary.failed == ((str(large), reason),)


def test_ingesting_again_analyses_and_adds_nothing(corpus: Path, tmp_path: Path) -> None:
    calls: list[str] = []

    def counting(graph):  # type: ignore[no-untyped-def]
        calls.append(graph.documents[0].id)
        return fake_analyse(graph)

    with Store.open(tmp_path / "p.db") as store:
        ingest([corpus], store, jobs=1, analyse=counting)
        analysed = len(calls)
        again = ingest([corpus], store, jobs=1, analyse=counting)
        assert (again.ingested, again.unchanged, again.claims) == (0, 13, 0)
        assert len(calls) == analysed + 1  # only the document that failed is tried again


def test_a_changed_record_replaces_the_stored_one(tmp_path: Path) -> None:
    path = _write_corpus(tmp_path / "c.jsonl", 3)
    with Store.open(tmp_path / "p.db") as store:
        ingest([path], store, jobs=1, analyse=fake_analyse)
        lines = path.read_text().splitlines()
        record = json.loads(lines[1])
        record["text"] = "Story 1 was corrected. SOHR now says 9 trucks"
        path.write_text("\n".join([lines[0], json.dumps(record), lines[2]]) + "\n")
        summary = ingest([path], store, jobs=1, analyse=fake_analyse)
        assert (summary.ingested, summary.updated, summary.unchanged) == (1, 1, 2)
        assert [c.text for c in store.graph("story-1").claims] == [
            "Story 1 was corrected",
            "SOHR now says 9 trucks",
        ]


def test_parallel_ingest_gives_the_same_database(corpus: Path, tmp_path: Path) -> None:
    graphs = []
    for jobs in (1, 3):
        with Store.open(tmp_path / f"jobs{jobs}.db") as store:
            summary = ingest([corpus], store, jobs=jobs, analyse=fake_analyse)
            assert (summary.ingested, len(summary.failed)) == (13, 2)
            graph = store.graph()
            graphs.append(
                (
                    sorted(graph.documents, key=lambda d: d.id),
                    sorted(graph.claims, key=lambda c: c.id),
                    set(graph.sources),
                )
            )
    assert graphs[0] == graphs[1]


def test_progress_counts_up_to_the_total(corpus: Path, tmp_path: Path) -> None:
    seen: list[Progress] = []
    with Store.open(tmp_path / "p.db") as store:
        ingest([corpus], store, jobs=2, analyse=fake_analyse, on_progress=seen.append)
    assert [p.done for p in seen] == list(range(1, 17))
    assert seen[-1].total == 16  # three files (one a PDF, skipped) and thirteen corpus lines
    assert seen[-1].ingested == 13
    assert seen[-1].failed == 2
    assert {p.name for p in seen if p.error} == {f"{corpus}/sub/stories.jsonl:13", f"{corpus}/sub/boom.txt"}


def test_standard_input_is_a_corpus_too(tmp_path: Path) -> None:
    data = _write_corpus(tmp_path / "c.jsonl", 4).read_bytes() + b"[1]\n"
    with Store.open(":memory:") as store:
        summary = ingest(["-"], store, jobs=1, analyse=fake_analyse, stdin=io.BytesIO(data))
    assert summary.ingested == 4
    assert [name for name, _ in summary.failed] == ["<stdin>:5"]


_CHILD = """
import sys
sys.path[:0] = [{root!r}, {tests!r}]
from provenance.ingest import ingest
from provenance.store import Store
from store_fixtures import fake_analyse

def report(progress):
    print(progress.done, flush=True)

store = Store.open({db!r})
ingest([{corpus!r}], store, jobs={jobs}, analyse=fake_analyse, on_progress=report)
print("finished", flush=True)
"""


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_killed_ingest_leaves_whole_documents_and_a_rerun_finishes(tmp_path: Path, jobs: int) -> None:
    count = 1200  # killed after 200: a thousand still to go, so the kill always lands mid-run
    corpus = _write_corpus(tmp_path / "big.jsonl", count)
    db = tmp_path / "p.db"
    script = _CHILD.format(root=str(HERE.parent), tests=str(HERE), db=str(db), corpus=str(corpus), jobs=jobs)
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip() == "finished" or int(line) >= 200:
            break
    os.killpg(child.pid, signal.SIGKILL)  # the child and its workers, mid-run
    child.wait()
    child.stdout.close()

    with Store.open(db) as store:
        assert store.check() == []
        stored = store.db["documents"].count
        assert 200 <= stored < count
        # Every committed document has all four claims and all six hops of them.
        per_document = store.db.execute(
            "select d.id, count(distinct c.id), count(h.claim) from documents d "
            "left join claims c on c.document = d.id left join hops h on h.claim = c.id group by d.id"
        ).fetchall()
        assert {(claims, hops) for _, claims, hops in per_document} == {(4, 6)}
        summary = ingest([corpus], store, jobs=jobs, analyse=fake_analyse)
        assert summary.unchanged == stored
        assert summary.ingested == count - stored
        assert store.db["documents"].count == count
        assert store.check() == []


SEED = HERE.parent.parent / "shared" / "seed"  # ../shared beside the repository


@pytest.mark.skipif(not SEED.is_dir(), reason="the shared seed article is not here")
@pytest.mark.parametrize("jobs", [1, 2])
def test_the_seed_article_goes_through_the_real_pipeline(tmp_path: Path, jobs: int) -> None:
    pytest.importorskip("provenance.extract", reason="the extractor has not landed")
    with Store.open(tmp_path / "p.db") as store:
        summary = ingest([SEED], store, jobs=jobs)
        assert (summary.ingested, summary.failed) == (1, ())
        trace = store.trace("the Observatory")
        assert trace.source.name == "Syrian Observatory for Human Rights"
        assert trace.total_claims >= 1
        assert [o.name for o in trace.outlets] == ["Shafaq News"]
        assert store.search("convoy")
        assert ingest([SEED], store, jobs=jobs).unchanged == 1


@pytest.mark.parametrize("jobs", [1, 2])
def test_documents_are_committed_a_batch_at_a_time_and_reported_once_committed(
    tmp_path: Path, jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import provenance.ingest as ingesting

    monkeypatch.setattr(ingesting, "COMMIT_BATCH", 7)
    monkeypatch.setattr(ingesting, "COMMIT_SECONDS", 3600.0)
    corpus = _write_corpus(tmp_path / "c.jsonl", 30)
    with Store.open(tmp_path / "p.db") as store, Store.open(tmp_path / "p.db") as reader:
        seen: list[tuple[int, int]] = []

        def watch(progress: Progress) -> None:  # what another process reading the file sees
            seen.append((progress.done, reader.db["documents"].count))

        assert ingest([corpus], store, jobs=jobs, analyse=fake_analyse, on_progress=watch).ingested == 30
    # Every reported document is stored, and stored seven at a time (the last two together).
    assert all(stored >= done for done, stored in seen)
    assert sorted({stored for _, stored in seen}) == [7, 14, 21, 28, 30]


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_interrupted_ingest_stops_cleanly_and_resumes(
    tmp_path: Path, jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import provenance.ingest as ingesting

    monkeypatch.setattr(ingesting, "COMMIT_BATCH", 7)  # so that Ctrl-C lands mid-run
    monkeypatch.setattr(ingesting, "COMMIT_SECONDS", 3600.0)
    corpus = _write_corpus(tmp_path / "c.jsonl", 200)

    def interrupt(progress: Progress) -> None:
        if progress.done == 20:
            raise KeyboardInterrupt  # what Ctrl-C raises in the parent

    with Store.open(tmp_path / "p.db") as store:
        with pytest.raises(KeyboardInterrupt):
            ingest([corpus], store, jobs=jobs, analyse=fake_analyse, on_progress=interrupt)
        assert store.check() == []
        # Documents are reported once their batch is committed: the 20th is in the third batch.
        assert store.db["documents"].count == 21
        summary = ingest([corpus], store, jobs=jobs, analyse=fake_analyse)
        assert (summary.unchanged, summary.ingested) == (21, 179)


def _pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    return path


def test_a_named_file_that_is_no_article_fails_and_one_found_in_a_folder_is_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "story.txt").write_text("The mayor said on Monday that the bridge would reopen.\n")
    _pdf(folder / "scan.txt")  # a PDF whatever its name says
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "notes.csv").write_text("a,b\n")
    named = _pdf(tmp_path / "report.pdf")
    with Store.open(":memory:") as store:
        found = ingest([folder], store, jobs=1, analyse=fake_analyse)
        assert (found.ingested, found.failed, found.is_ok) == (1, (), True)
        assert dict(found.skipped) == {
            f"{folder}/notes.csv": (
                "a .csv file, not an article; articles end in .htm, .html, .json, .jsonl, .markdown, "
                ".md, .ndjson, .text, .txt, .xhtml, .yaml, .yml"
            ),
            f"{folder}/photo.png": "an image (PNG); save the article as HTML or text",
            f"{folder}/scan.txt": "a PDF file; save the article as HTML or text",
        }
        both = ingest([folder, named, "https://example.com/story"], store, jobs=1, analyse=fake_analyse)
    assert not both.is_ok
    assert dict(both.failed) == {
        str(named): "a PDF file; save the article as HTML or text",
        "https://example.com/story": (
            "a web address, and provenance reads no network: save the page in your browser "
            "(Save Page As, HTML) and name the saved file"
        ),
    }


def test_ingest_reports_skipped_files_and_exits_1_only_for_named_ones(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from provenance.cli import cli

    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "story.txt").write_text("The mayor said on Monday that the bridge would reopen.\n")
    _pdf(folder / "scan.pdf")
    db = str(tmp_path / "p.db")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", db, "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert f"Skipped: {folder}/scan.pdf: a PDF file; save the article as HTML or text" in result.stderr
    assert "0 failed, 1 skipped" in result.stderr
    named = CliRunner().invoke(cli, ["ingest", str(folder / "scan.pdf"), "--db", db, "--jobs", "1"])
    assert named.exit_code == 1
    assert f"Error: {folder}/scan.pdf: a PDF file; save the article as HTML or text" in named.stderr
