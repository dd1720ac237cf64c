"""Bad input through the real command line: a clear one-line answer, nothing left behind.

Each case of tests/cases/bad_inputs.json runs ``flashgen build`` in-process
and checks the promise of the CLI contract: a non-zero exit (2 for wrong
usage), one line naming the file and the problem, no traceback, and no
.apkg or temporary file in the output directory.  Re-encoded articles must
build exactly one deck.
"""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from flashgen.anki import slugify
from flashgen.cli import app
from flashgen.options import Options
from flashgen.text import read_article

from .paths import EXAMPLES, load_cases

CASES = load_cases(__file__, "bad_inputs.json")["cases"]
DEFAULT_ARGS = ["build", "{article}", "-o", "{out}"]

runner = CliRunner()


def _make_article(spec: dict[str, Any], path: Path) -> None:
    if spec.get("missing"):
        return
    if spec.get("directory"):
        path.mkdir()
        (path / "notes.md").write_text("not an article", encoding="utf-8")
    elif "example" in spec:
        text = (EXAMPLES / spec["example"]).read_text(encoding="utf-8")
        text = text.replace("\n", spec.get("line_end", "\n"))
        path.write_bytes(text.encode(spec.get("encoding", "utf-8")))
    elif "hex" in spec:
        path.write_bytes(bytes.fromhex(spec["hex"]))
    elif spec.get("generate") == "50MB-line":
        with path.open("wb") as fh:  # one line, written in blocks: never 50 MB in memory at once
            block = ("The buses are quiet. " * 40 + "公交车很安静。" * 40).encode()
            for _ in range(50 * 2**20 // len(block) + 1):
                fh.write(block)
    elif spec.get("generate") == "ext-b-title":  # 95 characters of 4 bytes each: a slug over 255 bytes
        title = "".join(chr(0x20000 + i) for i in range(95))
        path.write_text(title + "\n" + (EXAMPLES / "demo-article.txt").read_text(encoding="utf-8"), "utf-8")
    elif spec.get("generate") == "10-en-3-zh":
        lines = ["Quiet buses", "安静的公交车"]
        for i in range(10):
            lines.append(f"Paragraph {i + 1} says the electric buses are quiet and cheap to run.")
            if i < 3:
                lines.append(f"第 {i + 1} 段说,电动公交车很安静,运营成本也低。")
        path.write_text("\n\n".join(lines), encoding="utf-8")
    else:
        path.write_text(spec["text"], encoding="utf-8")


def _make_side_file(spec: dict[str, Any], path: Path) -> None:
    """A known-words file or a --skip-built folder, as the case describes it."""
    if spec.get("fifo"):
        os.mkfifo(path)
    elif "text" in spec:
        path.write_bytes(spec["text"].encode(spec.get("encoding", "utf-8")))
    elif "folder" in spec:
        path.mkdir()
        for name, kind in spec["folder"].items():
            if kind == "fifo":
                os.mkfifo(path / name)
            elif kind == "zip-bomb":  # 300 MB of zeros deflate to 300 KB
                package = zipfile.ZipFile(path / name, "w", zipfile.ZIP_DEFLATED)
                with package, package.open("collection.anki2", "w", force_zip64=True) as member:
                    for _ in range(300):
                        member.write(bytes(2**20))


def _make_out(kind: str, path: Path, article: Path) -> Path:
    """Prepare the output directory the case asks for; return the path to pass as -o."""
    if kind == "fifo-deck":  # where the deck would go, a FIFO: opening it would block
        path.mkdir()
        os.mkfifo(path / f"{slugify(read_article(article, Options()).title)}.apkg")
    elif kind == "file":
        path.write_text("not a directory", encoding="utf-8")
    elif kind == "under-file":
        path.with_name("a-file").write_text("not a directory", encoding="utf-8")
        return path.with_name("a-file") / path.name
    elif kind == "readonly":
        path.mkdir()
        path.chmod(stat.S_IRUSR | stat.S_IXUSR)
        if os.access(path, os.W_OK):
            path.chmod(stat.S_IRWXU)
            pytest.skip("running as a user whom chmod does not stop (root)")
    return path


def _leftovers(out: Path) -> list[str]:
    if not out.is_dir():
        return []
    return sorted(p.name for p in out.iterdir() if not stat.S_ISFIFO(p.lstat().st_mode))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_bad_input(case: dict[str, Any], tmp_path: Path) -> None:
    paths = {
        "article": tmp_path / "article.txt",
        "out": tmp_path / "decks",
        "zh": tmp_path / "zh.txt",
        "en": tmp_path / "en.txt",
        "known": tmp_path / "known.txt",
        "skip": tmp_path / "skip",
    }
    _make_article(case["article"], paths["article"])
    for side in ("known", "skip"):
        if side in case:
            _make_side_file(case[side], paths[side])
    paths["out"] = _make_out(case.get("out", "new"), paths["out"], paths["article"])
    paths["zh"].write_text("安静的公交车\n\n公交车很安静。\n", encoding="utf-8")
    paths["en"].write_text("Quiet buses\n\nThe buses are quiet.\n", encoding="utf-8")
    args = [arg.format(**{k: str(v) for k, v in paths.items()}) for arg in case.get("args", DEFAULT_ARGS)]
    try:
        result = runner.invoke(app, args)
    finally:
        if paths["out"].is_dir():
            paths["out"].chmod(stat.S_IRWXU)

    output = result.output
    assert "Traceback" not in output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), output
    assert result.exit_code == case["exit_code"], output
    if case["exit_code"] == 0:
        decks = _leftovers(paths["out"])
        assert len(decks) == 1 and decks[0].endswith(".apkg"), decks
        return
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    assert case.get("message", "") in lines[0]
    if "names" in case:
        assert paths[case["names"]].name in lines[0]
    assert _leftovers(paths["out"]) == []
