"""What a cluster run reports: progress after each shard, and the summary at the end."""

from __future__ import annotations

from attrs import frozen


@frozen
class ShardProgress:
    """Where a run stands, sent to the caller's callback after every shard settles."""

    done: int
    """Shards settled: written, found done by an earlier run, or failed."""
    total: int
    """Shards in the run."""
    documents: int
    """Documents in the settled shards."""
    claims: int
    """Claims in the settled shards."""
    failed: int
    """Shards that failed, and inputs within shards that could not be read or analysed."""
    name: str
    """The shard that just settled."""
    error: str | None = None
    """Why it failed, when it did."""


@frozen
class ExtractSummary:
    """What a run did; the CLI exits 1 when anything failed."""

    shards: int
    """Shards in the run."""
    skipped: int
    """Of those, shards an earlier run had written already."""
    documents: int
    """Documents the dataset holds for these shards."""
    claims: int
    """Claims it holds for them."""
    failed_shards: tuple[tuple[str, str], ...]
    """Each shard that failed every time it was tried: its name and the reason. It has no parts."""
    failed_inputs: tuple[tuple[str, str], ...]
    """Each input within a written shard that could not be read or analysed ("corpus.jsonl:12")."""

    @property
    def is_ok(self) -> bool:
        """True when nothing failed."""
        return not self.failed_shards and not self.failed_inputs
