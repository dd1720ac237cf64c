"""The command-line contract, exercised in-process on the shipped example articles.

Other tools and tests rely on these exact outputs (README "Command line"), so
each test pins one promise: file names, JSON keys, link format, filters.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import flashgen
from flashgen import cli
from flashgen.cli import app
from flashgen.options import Options
from flashgen.pipeline import Source, build_decks

from .paths import EXAMPLES

DEMO = EXAMPLES / "demo-article.txt"
TWO_FILES = EXAMPLES / "two-files"
WORD_KEYS = {
    "simplified", "traditional", "pinyin", "pinyin_numbered", "meaning", "english",
    "sentence_zh", "sentence_en", "hsk", "count",
}  # fmt: skip
TONE_MARKED = re.compile(
    r"^[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+( [a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+)*$"
)
LINK = re.compile(r"^\[(\d+(,\d+)*)?\]:\[(\d+(,\d+)*)?\]$")

runner = CliRunner()


def invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def demo_words() -> list[dict[str, object]]:
    return json.loads(invoke("words", str(DEMO), "--json"))  # type: ignore[no-any-return]


def test_build_writes_slug_named_deck_and_prints_its_path(tmp_path: Path) -> None:
    out = invoke("build", str(DEMO), "-o", str(tmp_path))
    printed = Path(out.strip().splitlines()[-1])
    assert printed.parent == tmp_path and printed.suffix == ".apkg" and printed.is_file()
    assert [p.name for p in tmp_path.iterdir()] == [printed.name]


def test_build_two_files(tmp_path: Path) -> None:
    out = invoke(
        "build", "--zh", str(TWO_FILES / "zh.txt"), "--en", str(TWO_FILES / "en.txt"), "-o", str(tmp_path)
    )
    assert Path(out.strip().splitlines()[-1]).is_file()


def test_batch_builds_one_deck_per_article_or_one_combined(tmp_path: Path) -> None:
    articles = sorted(str(p) for p in EXAMPLES.glob("*.txt"))
    assert len(articles) >= 2
    out = invoke("build", *articles, "-o", str(tmp_path / "each"))
    assert len(out.strip().splitlines()) == len(articles) == len(list((tmp_path / "each").glob("*.apkg")))
    out = invoke("build", str(EXAMPLES), "--combine", "-o", str(tmp_path / "one"))
    assert len(out.strip().splitlines()) == 1 == len(list((tmp_path / "one").glob("*.apkg")))


def test_words_json_contract(demo_words: list[dict[str, object]]) -> None:
    assert 10 <= len(demo_words) <= 80
    for word in demo_words:
        assert set(word) == WORD_KEYS
        assert TONE_MARKED.match(str(word["pinyin"])), word
        syllables = str(word["pinyin_numbered"]).split()
        assert len(syllables) == len(str(word["pinyin"]).split()) == len(str(word["simplified"]))
        assert all(s[-1] in "12345" for s in syllables), word
        assert word["meaning"], word
        assert str(word["simplified"]) in str(word["sentence_zh"])
        assert word["hsk"] is None or 1 <= int(word["hsk"]) <= 7  # type: ignore[call-overload]
        assert int(word["count"]) >= 1  # type: ignore[call-overload]


def test_align_json_uses_every_sentence_once_in_order() -> None:
    pairs = json.loads(invoke("align", str(DEMO), "--json"))
    zh_ids = [i for pair in pairs for i in pair["zh_ids"]]
    en_ids = [i for pair in pairs for i in pair["en_ids"]]
    assert zh_ids == list(range(len(zh_ids))) and en_ids == list(range(len(en_ids)))
    for pair in pairs:
        assert set(pair) == {"zh", "en", "zh_ids", "en_ids", "score"}
        assert 0.0 <= pair["score"] <= 1.0


def test_align_presplit_link_lines(tmp_path: Path) -> None:
    zh = tmp_path / "zh.txt"
    en = tmp_path / "en.txt"
    zh.write_text("今天下雨了。\n我们没有出门,在家里读书。\n晚上雨停了。\n", encoding="utf-8")
    en.write_text(
        "It rained today.\nWe did not go out.\nWe read books at home.\nThe rain stopped in the evening.\n"
    )
    lines = invoke("align", "--zh", str(zh), "--en", str(en), "--presplit").split()
    assert all(LINK.match(line) for line in lines), lines
    assert lines == ["[0]:[0]", "[1]:[1,2]", "[2]:[3]"]


def test_level_and_known_filters(tmp_path: Path, demo_words: list[dict[str, object]]) -> None:
    levelled = json.loads(invoke("words", str(DEMO), "--json", "--level", "hsk4"))
    assert all(w["hsk"] is None or w["hsk"] > 4 for w in levelled)
    known = tmp_path / "known.txt"
    dropped = [str(w["simplified"]) for w in demo_words[:3]]
    known.write_text("\n".join(dropped), encoding="utf-8")
    remaining = json.loads(invoke("words", str(DEMO), "--json", "--known", str(known)))
    assert not {w["simplified"] for w in remaining} & set(dropped)


def test_skip_built_leaves_out_words_already_carded(tmp_path: Path) -> None:
    invoke("build", str(DEMO), "-o", str(tmp_path))
    again = json.loads(invoke("words", str(DEMO), "--json", "--skip-built", str(tmp_path)))
    first = json.loads(invoke("words", str(DEMO), "--json"))
    assert not {w["simplified"] for w in again} & {w["simplified"] for w in first}


def test_max_words_caps_the_list() -> None:
    assert len(json.loads(invoke("words", str(DEMO), "--json", "--max-words", "5"))) == 5


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "flashgen", "--help"], capture_output=True, text=True, check=True
    )
    assert "build" in result.stdout and "words" in result.stdout and "align" in result.stdout


def test_lookup_is_importable_from_the_package() -> None:
    from flashgen import lookup

    word = lookup("银行")
    assert (word.pinyin, word.pinyin_numbered, word.hsk) == ("yín háng", "yin2 hang2", 2)
    assert "bank" in word.meaning and word.traditional == "銀行"


def test_an_unusable_cache_directory_only_costs_time(tmp_path: Path) -> None:
    """Caches are an optimisation: with nowhere to write them a run still succeeds, quietly."""
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    env = {**os.environ, "FLASHGEN_CACHE_DIR": str(blocker / "cache")}
    command = [sys.executable, "-m", "flashgen", "words", str(DEMO), "--json", "--max-words", "3"]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 3 and result.stderr == ""


@pytest.mark.parametrize("columns", [80, 150])
def test_words_table_fits_the_terminal_and_keeps_whole_meanings(
    columns: int, demo_words: list[dict[str, object]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    lines = invoke("words", str(DEMO), "--max-words", "5").splitlines()
    assert lines and all(len(line) <= columns for line in lines)
    cells = " ".join(" ".join(part.strip() for part in line.split("│")[3:4]) for line in lines)
    for word in demo_words[:5]:
        assert " ".join(str(word["meaning"]).split()) in " ".join(cells.split())


def test_a_deck_of_another_article_with_the_same_title_is_replaced_out_loud(tmp_path: Path) -> None:
    """Two articles with one title write one file name: the second build says whose deck it replaced."""
    other = tmp_path / "other-story.txt"
    other.write_text(DEMO.read_text(encoding="utf-8").replace("diesel", "petrol"), encoding="utf-8")
    out = tmp_path / "decks"
    invoke("build", str(DEMO), "-o", str(out))
    again = runner.invoke(app, ["build", str(DEMO), "-o", str(out)])
    assert "warning" not in again.stderr  # the same article again: nothing to say
    result = runner.invoke(app, ["build", str(other), "-o", str(out)])
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and DEMO.name in warnings[0]


def test_build_reports_each_step_of_each_article(tmp_path: Path) -> None:
    steps: list[tuple[str, str]] = []
    build_decks(
        [Source(article=DEMO), Source(zh=TWO_FILES / "zh.txt", en=TWO_FILES / "en.txt")],
        tmp_path,
        Options(),
        on_step=lambda name, step: steps.append((Path(name).name, step)),
    )
    assert [step for _, step in steps] == ["reading", "analysing"] * 2 + ["writing"]
    assert steps[0][0] == DEMO.name


@pytest.mark.parametrize("command", ["words", "align", "--help"])
def test_commands_that_write_no_deck_never_import_the_deck_writer(command: str) -> None:
    """genanki and the deck code cost start-up time only to the runs that write decks."""
    args = [command] if command.startswith("--") else [command, str(DEMO), "--json"]
    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom flashgen.cli import app\n"
        f"assert CliRunner().invoke(app, {args!r}).exit_code == 0\n"
        "print(sorted(m for m in sys.modules if m.startswith(('genanki', 'flashgen.anki'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


class _InterruptedImport:
    """A Ctrl-C while the pipeline is imported, before a command's own error handling begins."""

    def find_spec(self, name: str, *args: object) -> None:
        if name == "flashgen.pipeline":
            raise KeyboardInterrupt


@pytest.mark.parametrize("where", ["import", "_options", "build_with_progress"])
def test_a_ctrl_c_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    """Typer turns a Ctrl-C anywhere in a command into a silent exit 130; flashgen names it, whether
    it comes before the work (the pipeline's import, the options) or during it."""

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    if where == "import":
        monkeypatch.delitem(sys.modules, "flashgen.pipeline")
        monkeypatch.delattr(flashgen, "pipeline")
        monkeypatch.setattr(sys, "meta_path", [_InterruptedImport(), *sys.meta_path])
    else:
        monkeypatch.setattr(cli, where, interrupted)
    result = runner.invoke(app, ["build", str(DEMO), "-o", str(tmp_path)])
    assert result.exit_code == cli.INTERRUPTED
    assert result.stderr.strip().splitlines() == ["flashgen: interrupted"]
    assert list(tmp_path.iterdir()) == []
