"""The ``flashgen`` command: a thin Typer layer over :mod:`flashgen.pipeline`.

Each command parses its flags into one :class:`~flashgen.options.Options`,
calls one library function and prints the result; its docstring is its help
text.  User-facing errors (:class:`~flashgen.errors.FlashgenError`) become one
line on stderr and an exit status, never a traceback.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.core
from typer.exceptions import TyperException

from .console import build_with_progress, print_summary, print_terms
from .errors import FlashgenError, UsageError
from .options import Layout, Options

#: The exit status of a run ended by Ctrl-C or SIGTERM, as a shell reports one killed by SIGINT.
INTERRUPTED = 130

if TYPE_CHECKING:  # the pipeline is imported by the commands that run it: --help stays instant
    from . import pipeline


class _OneLineErrors(typer.core.TyperGroup):
    """Usage errors the parser finds (``--max-words ten``) as one ``flashgen: error:`` line, exit 2.

    Typer would draw a boxed usage panel; every other error of flashgen is one
    line, and scripts that read stderr should not have to tell them apart.
    """

    def main(self, *args: Any, **kwargs: Any) -> Any:
        standalone_mode = kwargs.pop("standalone_mode", True)
        kwargs["standalone_mode"] = False  # errors come back here instead of being printed
        try:
            result = super().main(*args, **kwargs)
        except TyperException as error:
            typer.echo(f"flashgen: error: {error.format_message()}", err=True)
            result = error.exit_code
        except typer.Abort:
            result = INTERRUPTED
        if result == INTERRUPTED:  # Typer turns a Ctrl-C anywhere in a command into a silent exit 130
            typer.echo("flashgen: interrupted", err=True)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)


app = typer.Typer(
    cls=_OneLineErrors,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="Turn a bilingual English–Chinese article into an Anki deck of its key words.",
)


@app.callback(invoke_without_command=True)
def _no_command(context: typer.Context) -> None:
    if context.invoked_subcommand is None:  # plain ``flashgen``: the help, not an error
        typer.echo(context.get_help())


ArticleArg = Annotated[Path | None, typer.Argument(help="Article file (English and Chinese in one file).")]
ZhOpt = Annotated[Path | None, typer.Option("--zh", help="Chinese file (with --en: two-file article).")]
EnOpt = Annotated[Path | None, typer.Option("--en", help="English file (with --zh).")]
LayoutOpt = Annotated[Layout, typer.Option("--layout", help="Force the article layout.")]
LevelOpt = Annotated[str, typer.Option("--level", help="Leave out HSK levels 1..N, e.g. hsk4.")]
KnownOpt = Annotated[
    Path | None, typer.Option("--known", help="Known words: one per line, or an Anki export.")
]
SkipBuiltOpt = Annotated[Path | None, typer.Option("--skip-built", help="Skip words carded in DIR's decks.")]
MaxWordsOpt = Annotated[int, typer.Option("--max-words", help="At most N terms per article.")]
NamesOpt = Annotated[bool, typer.Option("--include-names", help="Keep person, place and organisation names.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


@contextlib.contextmanager
def _user_errors() -> Iterator[None]:
    """Turn a FlashgenError into one line on stderr and its exit status."""
    try:
        yield
    except FlashgenError as error:
        typer.echo(f"flashgen: error: {error}", err=True)
        raise typer.Exit(error.exit_code) from None


def _parse_level(level: str) -> int:
    match = re.fullmatch(r"(?:hsk)?\s*([0-9])", level.strip().lower())
    if not match or int(match.group(1)) > 7:
        raise UsageError(f"--level {level!r}: expected hsk0 … hsk7 (7 = the 7-9 band)")
    return int(match.group(1))


def _options(
    layout: Layout = Layout.AUTO,
    level: str = "0",
    known: Path | None = None,
    skip_built: Path | None = None,
    max_words: int = Options.max_words,
    include_names: bool = False,
) -> Options:
    if max_words < 1:
        raise UsageError(f"--max-words {max_words}: must be at least 1")
    words: frozenset[str] = frozenset()
    if known is not None or skip_built is not None:
        from . import anki  # the deck code, and genanki, only where decks or word lists are read
    if known is not None:
        words |= anki.read_known_words(known)
    if skip_built is not None:
        if not skip_built.is_dir():
            raise UsageError(f"--skip-built {skip_built}: not a directory")
        words |= anki.carded_words(skip_built)
    return Options(
        layout=layout,
        level=_parse_level(level),
        known=words,
        max_words=max_words,
        include_names=include_names,
    )


def _single_source(article: Path | None, zh: Path | None, en: Path | None) -> pipeline.Source:
    from . import pipeline

    if article is not None and (zh or en):
        raise UsageError("give either ARTICLE or --zh/--en, not both")
    if article is not None:
        return pipeline.Source(article=article)
    if zh is None or en is None:
        raise UsageError("give an ARTICLE, or both --zh FILE and --en FILE")
    return pipeline.Source(zh=zh, en=en)


@app.command()
def build(
    articles: Annotated[
        list[Path] | None, typer.Argument(help="Article files or folders of articles.")
    ] = None,
    zh: ZhOpt = None,
    en: EnOpt = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="Directory for the decks.")] = Path("decks"),
    combine: Annotated[bool, typer.Option("--combine", help="One deck for all articles.")] = False,
    parent: Annotated[str, typer.Option("--parent", help="Parent deck, e.g. Chinese::News.")] = "flashgen",
    layout: LayoutOpt = Layout.AUTO,
    level: LevelOpt = "0",
    known: KnownOpt = None,
    skip_built: SkipBuiltOpt = None,
    max_words: MaxWordsOpt = Options.max_words,
    include_names: NamesOpt = False,
) -> None:
    """Build an Anki deck (.apkg) from each article and print its path."""
    from . import pipeline

    with _user_errors():
        options = _options(layout, level, known, skip_built, max_words, include_names)
        options = replace(options, deck_parent=parent)
        if articles and (zh or en):
            raise UsageError("give either ARTICLE files or --zh/--en, not both")
        sources = pipeline.expand_sources(articles) if articles else [_single_source(None, zh, en)]
        reports = build_with_progress(sources, output, options, combine)
        for path in dict.fromkeys(report.deck_path for report in reports):
            typer.echo(str(path))
        for report in reports:
            if report.replaced:
                typer.echo(
                    f"flashgen: warning: {report.deck_path}: replaced the deck of another article with "
                    f"the same title ({', '.join(report.replaced)}); use another -o to keep both",
                    err=True,
                )
        print_summary(reports)


@app.command()
def words(
    article: ArticleArg = None,
    zh: ZhOpt = None,
    en: EnOpt = None,
    as_json: JsonOpt = False,
    layout: LayoutOpt = Layout.AUTO,
    level: LevelOpt = "0",
    known: KnownOpt = None,
    skip_built: SkipBuiltOpt = None,
    max_words: MaxWordsOpt = Options.max_words,
    include_names: NamesOpt = False,
) -> None:
    """List the terms an article's deck would hold, with the reasons they were picked."""
    from . import pipeline

    with _user_errors():
        options = _options(layout, level, known, skip_built, max_words, include_names)
        analysis = pipeline.analyse_source(_single_source(article, zh, en), options)
        if as_json:
            records = [pipeline.term_record(term) for term in analysis.terms]
            typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        else:
            print_terms(analysis.terms)


@app.command()
def align(
    article: ArticleArg = None,
    zh: ZhOpt = None,
    en: EnOpt = None,
    presplit: Annotated[bool, typer.Option("--presplit", help="Inputs hold one sentence per line.")] = False,
    as_json: JsonOpt = False,
    layout: LayoutOpt = Layout.AUTO,
) -> None:
    """Show how an article's Chinese and English sentences pair up."""
    from . import pipeline

    with _user_errors():
        if presplit:
            if zh is None or en is None or article is not None:
                raise UsageError("--presplit needs --zh FILE and --en FILE")
            typer.echo(pipeline.align_presplit(zh, en))
            return
        pairs = pipeline.align_source(_single_source(article, zh, en), Options(layout=layout))
        if as_json:
            records = [pipeline.pair_record(pair) for pair in pairs]
            typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
            return
        for pair in pairs:
            typer.echo(f"{pair.score:.2f}  {pair.zh}\n      {pair.en}\n")


#: The cycle collector's thresholds for a run: a young collection every 50,000 allocations, not
#: 700.  A build makes almost no reference cycles (a batch of 26 articles: some 340 objects freed
#: by the collector, everything else by reference counting), yet at the default thresholds the
#: collector walked the growing memo tables again and again: a twelfth of a batch's time, three
#: full collections alone a twentieth.  With these, its time in that batch falls from 0.22 s to
#: 0.06 s and no full collection runs; cyclic garbage, if any, still goes at the next collection.
COLLECTOR_THRESHOLDS = (50_000, 20, 10)


def main() -> None:
    """Run the command line as a process, then exit.

    Output that cannot be written (stdout on a full disk or a closed pipe) is
    one line on stderr, not a traceback at exit.  Once the output is flushed
    the process ends at once: the interpreter's teardown would free the
    loaded tables object by object, a twentieth of a build, for nothing.

    numpy (for g2pM, when a sentence's reading is in doubt) is told to use one
    BLAS thread unless the user says otherwise: g2pM's products are a few
    hundred numbers wide, and starting OpenBLAS's thread pool costs more (a
    tenth of a build) than it saves.  The log-probabilities are equal to the
    last bit either way (checked on every cpp-dev sentence).

    The cycle collector runs less often (:data:`COLLECTOR_THRESHOLDS`).
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    gc.set_threshold(*COLLECTOR_THRESHOLDS)
    try:
        app()
        code: int | str | None = 0
    except SystemExit as done:
        code = done.code
    except KeyboardInterrupt:  # while Typer builds the command, before any of its handlers
        typer.echo("flashgen: interrupted", err=True)
        code = INTERRUPTED
    except OSError as error:
        code = _output_failed(error)
    try:
        sys.stdout.flush()
    except OSError as error:
        code = _output_failed(error)
    with contextlib.suppress(OSError):
        if isinstance(code, str):  # sys.exit's message form
            typer.echo(code, err=True)
        sys.stderr.flush()
    os._exit(code if isinstance(code, int) else int(code is not None))


def _output_failed(error: OSError) -> int:
    """Report an unwritable stdout once; point stdout at nothing so the exit does not retry."""
    with contextlib.suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    typer.echo(f"flashgen: error: cannot write the output ({error.strerror or error})", err=True)
    return 1
