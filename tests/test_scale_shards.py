"""Shards of a cluster run, and the engine's message without the [dask] extra: no dask needed here."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from provenance.cli import cli
from provenance.errors import InputError
from provenance.read.inputs import Failure, Input
from provenance.scale.shards import find_shards, fingerprint, inputs


def test_each_corpus_is_a_shard_and_article_files_are_grouped(tmp_path: Path) -> None:
    (tmp_path / "deep").mkdir()
    (tmp_path / "a.jsonl").write_text('{"text": "One."}\n')
    (tmp_path / "deep" / "b.jsonl.gz").write_bytes(gzip.compress(b'{"text": "Two."}\n'))
    for name in ("1.txt", "2.md", "3.html", "deep/4.txt", "deep/5.txt"):
        (tmp_path / name).write_text("A story, he said.\n")
    (tmp_path / "notes.txt.gz").write_bytes(gzip.compress(b"not a corpus"))
    (tmp_path / ".hidden.jsonl").write_text("{}\n")

    shards = find_shards([tmp_path], files_per_shard=2)
    assert [shard.paths for shard in shards] == [
        (str(tmp_path / "a.jsonl"),),
        (str(tmp_path / "deep" / "b.jsonl.gz"),),
        (str(tmp_path / "1.txt"), str(tmp_path / "2.md")),
        (str(tmp_path / "3.html"), str(tmp_path / "deep" / "4.txt")),
        (str(tmp_path / "deep" / "5.txt"),),
    ]
    assert shards[2].name == f"{tmp_path / '1.txt'} and 1 more"
    assert len({shard.key for shard in shards}) == 5
    assert [shard.key for shard in find_shards([tmp_path], files_per_shard=2)] == [s.key for s in shards]


def test_a_shard_named_twice_is_one_shard(tmp_path: Path) -> None:
    corpus = tmp_path / "a.jsonl"
    corpus.write_text('{"text": "One."}\n')
    assert len(find_shards([corpus, tmp_path, str(corpus)])) == 1


@pytest.mark.parametrize(
    ("name", "message"),
    [("missing.jsonl", "no such file or folder"), ("story.txt.gz", "must be a .jsonl.gz corpus")],
)
def test_inputs_a_cluster_cannot_read_are_refused_up_front(tmp_path: Path, name: str, message: str) -> None:
    if name.endswith(".gz"):
        (tmp_path / name).write_bytes(gzip.compress(b"text"))
    with pytest.raises(InputError, match=message):
        find_shards([tmp_path / name])
    with pytest.raises(InputError, match="standard input"):
        find_shards(["-"])


def test_a_gzipped_corpus_is_read_line_by_line_and_damage_is_reported(tmp_path: Path) -> None:
    data = gzip.compress(b'{"text": "One."}\n\n{"text": "Two."}\n' * 2000)
    corpus = tmp_path / "c.jsonl.gz"
    corpus.write_bytes(data[: len(data) // 2])  # cut off mid-stream, as a copy that stopped
    (shard,) = find_shards([corpus])
    items = list(inputs(shard))
    assert all(isinstance(item, Input) for item in items[:-1])
    assert items[0].name == f"{corpus}:1"
    assert items[1].name == f"{corpus}:3"  # blank lines keep their numbers
    assert isinstance(items[-1], Failure)
    assert items[-1].name == str(corpus)
    assert items[-1].reason.startswith("cannot read the gzip file")


def test_a_fingerprint_changes_with_the_files(tmp_path: Path) -> None:
    corpus = tmp_path / "a.jsonl"
    corpus.write_text('{"text": "One."}\n')
    (shard,) = find_shards([corpus])
    before = fingerprint(shard)
    assert fingerprint(shard) == before
    corpus.write_text('{"text": "One, and more."}\n')
    assert fingerprint(shard) != before


def test_the_dask_engine_says_how_to_install_it(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were not installed
    corpus = tmp_path / "a.jsonl"
    corpus.write_text('{"text": "One."}\n')
    result = runner.invoke(cli, ["extract", str(corpus), "--engine", "dask", "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: the dask engine needs the optional extra (distributed is missing): "
        "pip install 'news-provenance[dask]'\n"
    )
    assert not (tmp_path / "out").exists()
    # Everything else works as before.
    result = runner.invoke(cli, ["extract", str(corpus), "--format", "jsonl"])
    assert result.exit_code == 0
    assert '"claims"' in result.stdout


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--engine", "dask"], "give -o OUTDIR"),
        (["--engine", "dask", "-o", "x", "--format", "json"], "and no --format"),
        (["--engine", "dask", "-o", "x", "--scheduler", "tcp://h:1", "-j", "2"], "has its own workers"),
        (["--scheduler", "tcp://h:1"], "go with --engine dask"),
    ],
)
def test_engine_options_that_do_not_fit_are_usage_errors(
    tmp_path: Path, runner: CliRunner, arguments: list[str], message: str
) -> None:
    corpus = tmp_path / "a.jsonl"
    corpus.write_text('{"text": "One."}\n')
    result = runner.invoke(cli, ["extract", str(corpus), *arguments])
    assert result.exit_code == 2
    assert message in result.stderr


def test_shards_read_absolute_paths_and_keep_the_names_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.jsonl").write_text('{"text": "One."}\n')
    (shard,) = find_shards(["a.jsonl"])
    assert (shard.name, shard.paths) == (
        "a.jsonl",
        (str(tmp_path / "a.jsonl"),),
    )  # a worker elsewhere finds it


def test_ingest_of_a_dataset_says_how_to_install_the_extra(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    (tmp_path / "dataset").mkdir()
    (tmp_path / "dataset" / "_provenance.json").write_text('{"format": "provenance-parquet", "version": 1}')
    result = runner.invoke(cli, ["ingest", str(tmp_path / "dataset"), "--db", str(tmp_path / "p.db")])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "a Parquet dataset needs the optional extra (pyarrow is missing): "
        "pip install 'news-provenance[dask]'\n"
    )
