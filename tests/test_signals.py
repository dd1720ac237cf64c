"""The command as a process: interrupted, terminated or writing to a full disk.

These run ``python -m flashgen`` in a subprocess, because signals and a
stdout that cannot be written only exist for a real process.  Each must end
with one line on stderr, no traceback, and nothing left behind: no
``.flashgen-*.tmp`` beside the deck, no ``flashgen-*`` scratch folder in TMPDIR.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .paths import EXAMPLES

DEMO = EXAMPLES / "demo-article.txt"


def _flashgen(tmp_path: Path, *args: str, **kwargs: object) -> subprocess.Popen[str]:
    scratch = tmp_path / "tmpdir"
    scratch.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(scratch)}
    return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "flashgen", *args], env=env, text=True, stderr=subprocess.PIPE, **kwargs
    )


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("after", [0.3, 0.6, 1.2], ids=["starting", "reading", "building"])
def test_a_signal_ends_the_run_cleanly(tmp_path: Path, signum: int, after: float) -> None:
    decks = tmp_path / "decks"
    # the demo article's body two hundred times, each copy's Chinese sentences numbered (a sentence
    # seen before costs next to nothing): a build of several seconds even on a fast machine, surely
    # still running when the signal comes; it is stopped then, so its length costs nothing
    title, body = DEMO.read_text(encoding="utf-8").split("\n", 1)
    article = tmp_path / "long-article.txt"
    copies = (body.replace("。", f"（{i}）。") for i in range(200))
    article.write_text(title + "\n" + "".join(copies), encoding="utf-8")
    process = _flashgen(tmp_path, "build", str(article), "-o", str(decks), stdout=subprocess.DEVNULL)
    time.sleep(after)
    assert process.poll() is None, "the build ended before the signal: the test would prove nothing"
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    if process.returncode < 0 and "flashgen" not in stderr:
        pytest.skip("the signal came while Python itself was starting, before any of flashgen ran")
    assert process.returncode == 130, stderr
    assert stderr.strip().splitlines() == ["flashgen: interrupted"], stderr
    assert not decks.is_dir() or not [p.name for p in decks.iterdir() if p.name.startswith(".flashgen-")]
    assert not list((tmp_path / "tmpdir").iterdir())


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="this system has no /dev/full to write to")
def test_stdout_on_a_full_disk_is_one_line(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        process = _flashgen(tmp_path, "align", str(DEMO), "--json", stdout=full)
        _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1, stderr
    assert stderr.strip().splitlines() == [
        "flashgen: error: cannot write the output (No space left on device)"
    ]
