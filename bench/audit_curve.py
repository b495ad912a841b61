"""Time against input size: extraction and ``audit`` on generated articles of 10 KB, 100 KB and 1 MB.

    python3 bench/audit_curve.py [--sizes 10000,100000,1000000] [--kinds prose,quotes,...] [--no-cli]

Each text is built from real-looking news sentences of one kind (plain prose; quotes, some left open;
apostrophes and possessives; dates; Markdown lists and headings; CRLF paragraphs) repeated with
varying names and figures until it reaches the size. For each kind and size it prints the CPU time of
`extract` in this process and of ``python3 -m provenance audit FILE`` (the CLI, end to end, start-up
included), and the ratio to the size before: linear time gives about 10x per tenfold input; issue 14
allows at most ~15x. CPU time, not wall time: the machine is shared.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance.extract import extract  # noqa: E402
from provenance.read import article_from_text  # noqa: E402

NAMES = ["Lena Ortiz", "Omar Diaz", "Priya Nair", "Tom Becker", "Hana Suzuki", "Sam Reyes", "Dana Hill"]
PLACES = ["Lakeside", "Riverton", "Hill County", "Port Elm", "Northgate"]
MONTHS = ["Jan. 3", "Feb. 14", "March 9", "April 22", "May 5", "June 30", "Sept. 12", "Oct. 1"]


def _prose(n: int) -> str:
    name, place = NAMES[n % len(NAMES)], PLACES[n % len(PLACES)]
    return (
        f"{name}, a council member in {place}, said on Tuesday that the bridge would cost {n + 3} million "
        f"dollars. Mrs. {name.split()[1]} added that the work could start next year, according to the "
        f"{place} Herald. Officials said {n % 7 + 2} lanes would stay open.\n\n"
    )


def _quotes(n: int) -> str:
    name = NAMES[n % len(NAMES)]
    opened = '"The river is rising and nobody listens' if n % 5 == 0 else '"The river is rising," she said.'
    return (
        f'"We will not wait for another flood," {name} said. "The money is there." {opened} '
        f"Residents said the dam was old.\n\n"
    )


def _apostrophes(n: int) -> str:
    name = NAMES[n % len(NAMES)]
    return (
        f"{name}'s plan isn't the council's first, and the mayor's aides' notes don't say who'd pay. "
        f"It's the town's 'last chance', {name.split()[0]}'s office said, and the residents' group "
        f"won't wait.\n\n"
    )


def _dates(n: int) -> str:
    day = MONTHS[n % len(MONTHS)]
    return (
        f"On {day}, 20{10 + n % 15}, the board met; on Monday it voted, and on {day} it met again "
        f"(2024-0{n % 9 + 1}-1{n % 9}). Yesterday, last week and on Friday the clerk said the "
        f"minutes of {day} were lost.\n\n"
    )


def _markdown(n: int) -> str:
    name = NAMES[n % len(NAMES)]
    return (
        f"## Update {n}\n\n1. {name} said the road is closed.\n2. The U.S. Dept. of Transport. said "
        f"J. K. Lee, Sr. approved it.\n3. See [the report](https://example.org/r/{n}).\n- **Note:** "
        f'*{name}* told reporters: "more later."\n\n'
    )


def _crlf(n: int) -> str:
    return _prose(n).replace("\n\n", "\r\n\r\n")


KINDS: dict[str, Callable[[int], str]] = {
    "prose": _prose,
    "quotes": _quotes,
    "apostrophes": _apostrophes,
    "dates": _dates,
    "markdown": _markdown,
    "crlf": _crlf,
}


def article(kind: str, size: int) -> str:
    """A generated article of one kind, about ``size`` characters long, with a headline and a date."""
    parts = ["Council weighs the bridge\n2024-05-06T09:00:00+00:00\n\n"]
    total, n = len(parts[0]), 0
    while total < size:
        piece = KINDS[kind](n)
        parts.append(piece)
        total += len(piece)
        n += 1
    return "".join(parts)


def time_extract(text: str) -> float:
    """CPU seconds of one extraction: on a shared machine wall time says more about the neighbours."""
    graph = article_from_text(text)
    started = time.process_time()
    extract(graph.documents[0], graph.sources[0] if graph.sources else None)
    return time.process_time() - started


def time_cli(text: str) -> float:
    """CPU seconds (user and system) of ``provenance audit FILE`` in a child process."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_text(text, encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(
            [sys.executable, "-m", "provenance", "audit", str(path), "--format", "json"],
            cwd=ROOT,
            capture_output=True,
            check=False,
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--no-cli", action="store_true", help="time extraction only, not the audit command")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    extract(article_from_text("Warm-up\n\nShe said it rained.").documents[0])
    print(
        f"{'kind':12} {'size':>9} {'extract s':>10} {'ratio':>6} {'audit s':>9} {'ratio':>6}  (CPU seconds)"
    )
    for kind in args.kinds.split(","):
        previous: tuple[float, float] | None = None
        for size in sizes:
            text = article(kind, size)
            seconds = time_extract(text)
            cli = float("nan") if args.no_cli else time_cli(text)
            ratios = (
                ("", "")
                if previous is None
                else (f"{seconds / previous[0]:.1f}x", f"{cli / previous[1]:.1f}x")
            )
            print(f"{kind:12} {len(text):>9,} {seconds:>10.3f} {ratios[0]:>6} {cli:>9.2f} {ratios[1]:>6}")
            previous = (seconds, cli)
    return 0


if __name__ == "__main__":
    sys.exit(main())
