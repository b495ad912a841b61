"""The same text gives the same graph in every process: no answer may depend on hash order.

Extraction runs in two subprocesses with different ``PYTHONHASHSEED`` values and the JSON must be
equal byte for byte: on the samples, on a text written to have many names of the same length (ties
that a sort by length alone leaves to hash order), and on the PolNeAR dev texts when they are present.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "polnear" / "dev.jsonl"

TIES = """Council weighs the bridge plan

Anna Berg, the council's engineer, said the bridge would open in May. Omar Diaz, who chairs the
transport board, said the date was too early. Berg said the steel had arrived. Diaz said it had not.
Mr. Diaz later told reporters that he would ask for a second survey. Ms. Berg said she welcomed it.
Lena Holm and Ivan Kral, both residents, said they had waited years. Holm said the noise was the
problem; Kral said the traffic was. He added that the council never listened.
"""

_SCRIPT = """
import json, sys
from pathlib import Path
from provenance import serialize
from provenance.extract import extract
from provenance.read import article_from_record, read_path

def dump(graph):
    return serialize.dumps_json(extract(graph.documents[0], graph.sources[0] if graph.sources else None))

ties = {"id": "ties", "text": sys.argv[1], "publication_date": "2024-05-06"}
out = [dump(article_from_record(ties, name="ties"))]
for path in sorted(Path(sys.argv[2]).glob("*.txt")):
    out.extend(dump(graph) for graph in read_path(path))
dev = Path(sys.argv[3])
if dev.exists():
    for number, line in enumerate(dev.read_text(encoding="utf-8").splitlines()):
        out.append(dump(article_from_record(json.loads(line), name=str(number))))
sys.stdout.write("\\n".join(out))
"""


def _run(seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, TIES, str(ROOT / "samples"), str(DEV)],
        env=env,
        capture_output=True,
        check=True,
    )
    return done.stdout


def test_extraction_is_the_same_under_two_hash_seeds() -> None:
    first, second = _run("1"), _run("2")
    assert first  # the script ran and printed graphs
    assert first == second
