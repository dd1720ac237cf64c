"""What the command line draws on a terminal: progress while it builds, and its tables.

Rich is imported here, inside the functions that draw, so that a command that
draws nothing (``--help``, ``--json``) does not pay for it; in a log (stderr
not a terminal) the summary is plain lines.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from .options import Options

if TYPE_CHECKING:
    from . import pipeline
    from .types import Term

#: From this many columns, ``flashgen words`` also shows each term's count, score and reasons.
_WIDE_TERMINAL = 120


def build_with_progress(
    sources: list[pipeline.Source], output: Path, options: Options, combine: bool
) -> list[pipeline.BuildReport]:
    """Build, showing on a terminal which article is at which step and for how long."""
    from . import pipeline

    if not sys.stderr.isatty():
        return pipeline.build_decks(sources, output, options, combine)
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), *Progress.get_default_columns()[:-1], TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("starting", total=len(sources))
        started: set[str] = set()

        def show(name: str, step: str) -> None:
            if step == "reading" and started:
                progress.advance(task)
            started.add(name)
            progress.update(task, description=f"{Path(name).name}: {step}")

        return pipeline.build_decks(sources, output, options, combine, on_step=show)


def print_summary(reports: list[pipeline.BuildReport]) -> None:
    """A table on a terminal; plain lines in a log, where a table's borders are noise."""
    if not sys.stderr.isatty():
        for r in reports:
            typer.echo(
                f"flashgen: {r.title}: {r.terms} terms, {r.cards} cards, "
                f"{r.skipped_known} known skipped, {r.seconds:.2f} s",
                err=True,
            )
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("article", "terms", "cards", "skipped known", "seconds", title="flashgen build")
    for report in reports:
        table.add_row(
            report.title,
            str(report.terms),
            str(report.cards),
            str(report.skipped_known),
            f"{report.seconds:.2f}",
        )
    Console(stderr=True).print(table)


def print_terms(terms: Sequence[Term]) -> None:
    """The terms as a table that fits the terminal: why each was picked only where there is room.

    At 80 columns eight columns leave a meaning a few letters wide; the meaning
    is what a reader checks, so it keeps the room and wraps, never cut.
    """
    from rich.console import Console
    from rich.table import Table

    console = Console()
    wide = console.width >= _WIDE_TERMINAL
    table = Table(expand=True)
    table.add_column("term", no_wrap=True)
    table.add_column("pinyin", no_wrap=True)
    table.add_column("meaning", ratio=3)
    table.add_column("english", ratio=1)
    table.add_column("HSK", no_wrap=True)
    if wide:
        for heading in ("count", "score", "reasons"):
            table.add_column(heading, ratio=2 if heading == "reasons" else None)
    for term in terms:
        word = term.word
        row = [word.simplified, word.pinyin, word.meaning, word.english, str(word.hsk or "-")]
        if wide:
            row += [str(term.count), f"{term.score:.2f}", ", ".join(term.reasons)]
        table.add_row(*row)
    console.print(table)
