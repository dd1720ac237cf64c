"""The on-disk caches (issue 18) and jieba's tables served from them (issue 19).

A damaged, foreign, planted or unwritable cache may cost time, never a
traceback and never a changed output: the unit tests below damage caches in
temporary directories (``FLASHGEN_CACHE_DIR`` monkeypatched), and the
end-to-end ones run ``flashgen words --json`` in child processes against a
run with sound caches.  jieba's frequency and tag tables, served from our own
index, must equal what jieba itself would load.
"""

from __future__ import annotations

import io
import marshal
import os
import signal
import subprocess
import sys
import time
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashgen import cache as disk_cache
from flashgen import data, jieba_index, pypinyin_index
from flashgen.lexicon import dictionary, synonyms
from flashgen.lexicon.engine import g2pm

from .paths import EXAMPLES

DEMO = EXAMPLES / "demo-article.txt"
PYPINYIN = data.package_file("pypinyin", "")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache directory, and no shipped indexes: every index is built, as for other data."""
    directory = tmp_path / "cache"
    monkeypatch.setenv("FLASHGEN_CACHE_DIR", str(directory))
    monkeypatch.setattr(disk_cache, "SHIPPED_DIR", tmp_path / "none-shipped")
    return directory


def _indexes() -> list[tuple[str, Path, Callable[[], Any], Callable[[Any], bool]]]:
    """Each shipped index: name, source, builder, shape check."""
    jieba_dict = data.package_file("jieba", "dict.txt")
    return [
        ("cedict-v2", dictionary.cedict_file(), dictionary._build_cedict_index, dictionary._is_cedict_index),
        (
            "jieba-v3",
            jieba_dict,
            lambda: jieba_index.build_jieba_index(jieba_dict),
            jieba_index.is_jieba_index,
        ),
        ("synonyms-v6", dictionary.cedict_file(), synonyms._build, synonyms._is_index),
        ("characters-v3", dictionary.cedict_file(), synonyms._build_characters, synonyms._is_index),
        ("es-stems-v1", dictionary.cedict_file(), dictionary._build_es_stems, dictionary._is_text),
        ("cedict-holders-v1", dictionary.cedict_file(), dictionary._build_holders, dictionary._is_holders),
        (
            "pypinyin-phrases-v1",
            PYPINYIN / "phrases_dict.py",
            data._real_phrase_index,
            pypinyin_index.is_phrase_index,
        ),
        (
            "pypinyin-chars-v1",
            PYPINYIN / "pinyin_dict.py",
            data._real_char_index,
            pypinyin_index.is_char_index,
        ),
        (
            "g2pm-tables-v1",
            data.package_file("g2pM", "digest_cedict.pkl"),
            g2pm._build_tables,
            g2pm._is_tables,
        ),
    ]


def _unbuildable() -> Any:
    raise AssertionError("built, though the package ships this index")


@pytest.mark.parametrize(
    "name, source, build, check", _indexes(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_the_shipped_indexes_are_what_their_builders_make(
    name: str, source: Path, build: Callable[[], Any], check: Callable[[Any], bool]
) -> None:
    meta = disk_cache._shipped_meta(name, source)
    assert meta is not None
    shipped = disk_cache._load(disk_cache.SHIPPED_DIR / f"{name}.marshal", meta, check)
    if shipped is None:
        pytest.skip(
            f"the installed {source.name} is not the one {name} was shipped for: python bench/ship_indexes.py"
        )
    assert shipped == (build(),), "an index builder changed: bump its name and run bench/ship_indexes.py"


def test_a_first_run_serves_the_shipped_index_and_keeps_only_a_pointer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLASHGEN_CACHE_DIR", str(tmp_path))
    name, source, _, check = _indexes()[0]
    first = disk_cache.cached_index(name, source, _unbuildable, check)
    (pointer,) = tmp_path.iterdir()
    assert pointer.stat().st_size < 1024
    assert disk_cache.cached_index(name, source, _unbuildable, check) == first  # through the pointer


def test_a_damaged_shipped_index_is_rebuilt_never_served(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLASHGEN_CACHE_DIR", str(tmp_path / "cache"))
    name, source, build, check = _indexes()[2]
    disk_cache.cached_index(name, source, _unbuildable, check)  # a pointer to the sound shipped file
    shipped = _copy(disk_cache.SHIPPED_DIR, tmp_path / "shipped")
    content = bytearray((shipped / f"{name}.marshal").read_bytes())
    content[len(content) // 2] ^= 0x01
    (shipped / f"{name}.marshal").write_bytes(bytes(content))
    monkeypatch.setattr(disk_cache, "SHIPPED_DIR", shipped)
    assert disk_cache.cached_index(name, source, build, check) == build()


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "source.txt"
    path.write_text("银行 行长 地方\n", encoding="utf-8")
    return path


class Builder:
    """A small index builder that counts its calls."""

    def __init__(self, source: Path) -> None:
        self.source, self.calls = source, 0

    def __call__(self) -> tuple[str, bytes]:
        self.calls += 1
        return self.source.read_text(encoding="utf-8"), b"\x00\x01" * 5000

    @staticmethod
    def check(value: Any) -> bool:
        return isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], bytes)


def _index(name: str, source: Path, build: Builder) -> Any:
    return disk_cache.cached_index(name, source, build, Builder.check)


def _only_index(directory: Path) -> Path:
    [path] = directory.glob("*.marshal")
    return path


def test_a_sound_cache_is_read_not_rebuilt(cache: Path, source: Path) -> None:
    build = Builder(source)
    first = _index("test", source, build)
    assert _index("test", source, build) == first == build()
    assert build.calls == 2  # the first run and the explicit call above, never the second run
    assert oct(cache.stat().st_mode & 0o777) == oct(0o700)


@pytest.mark.parametrize("where", ["magic", "digest", "header", "payload start", "payload end", "two apart"])
def test_flipped_bytes_are_never_served(cache: Path, source: Path, where: str) -> None:
    build = Builder(source)
    expected = _index("test", source, build)
    path = _only_index(cache)
    content = bytearray(path.read_bytes())
    at = {
        "magic": 2,
        "digest": 20,
        "header": disk_cache._HEADER_AT + 3,
        "payload start": len(content) - 10_020,
        "payload end": len(content) - 2,
        "two apart": len(content) // 2,
    }[where]
    for i in (at, at + 1 if where != "two apart" else at + 4000):
        content[i] ^= 0x24
    path.write_bytes(bytes(content))
    assert _index("test", source, build) == expected
    assert build.calls == 2  # rebuilt ...
    assert _index("test", source, build) == expected and build.calls == 2  # ... and written back sound


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(lambda meta: marshal.dumps({"银行": "poison"}), id="bare marshal of another shape"),
        pytest.param(lambda meta: disk_cache._encode(meta, {"银行": "poison"}), id="sound file, wrong shape"),
        pytest.param(
            lambda meta: disk_cache._encode((*meta[:-1], 1), ("x", b"")), id="another source's file"
        ),
        pytest.param(lambda meta: b"", id="empty"),
        pytest.param(lambda meta: disk_cache._encode(meta, ("x", b"y" * 9000))[:-100], id="truncated"),
    ],
)
def test_a_foreign_or_truncated_cache_file_is_rebuilt(cache: Path, source: Path, content: Any) -> None:
    build = Builder(source)
    expected = _index("test", source, build)
    path = _only_index(cache)
    path.write_bytes(content(disk_cache._source_meta("test", source)))
    assert _index("test", source, build) == expected and build.calls == 2


def test_a_wrong_shape_of_the_real_index_is_rebuilt(cache: Path) -> None:
    """The dictionary's own shape check: offsets that do not fit the headwords are refused."""
    headwords, records, offsets = "地方\n银行", b"a\tb\tc\n", array("I", [0, 6, 6]).tobytes()
    assert dictionary._is_cedict_index((headwords, records, offsets))
    assert not dictionary._is_cedict_index((headwords, records, offsets[:-4]))
    assert not dictionary._is_cedict_index((headwords + "\nx", records, offsets))
    assert not dictionary._is_cedict_index((headwords, records + b"z", offsets))
    assert not dictionary._is_cedict_index([headwords, records, offsets])
    assert not dictionary._is_cedict_index((headwords, records, offsets[:3]))
    counts = array("I", [1, 2]).tobytes()
    assert jieba_index.is_jieba_index((headwords, counts, 3, "\x00\x01", "n\nv"))
    assert not jieba_index.is_jieba_index((headwords, counts[:4], 3, "\x00\x01", "n\nv"))
    assert not jieba_index.is_jieba_index((headwords, counts, 3, "\x00", "n\nv"))
    assert not jieba_index.is_jieba_index({"的": 1})


def test_a_directory_in_the_way_costs_time_only(cache: Path, source: Path) -> None:
    build = Builder(source)
    expected = build()
    cache.mkdir()
    (cache / f"test-{_key('test', source)}.marshal").mkdir()
    assert _index("test", source, build) == expected
    assert _index("test", source, build) == expected
    assert build.calls == 3 and not list(cache.glob(".flashgen-*"))


def _key(name: str, source: Path) -> str:
    return _key_of(disk_cache._source_meta(name, source))


def _key_of(meta: tuple[Any, ...]) -> str:
    import hashlib

    return hashlib.sha1(repr(meta).encode()).hexdigest()[:12]


def test_a_full_disk_costs_time_only(cache: Path, source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(self: Path, content: bytes) -> int:
        with self.open("wb") as fh:
            fh.write(content[:100])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    build = Builder(source)
    assert _index("test", source, build) == build()
    assert list(cache.iterdir()) == []


def test_an_interrupted_write_leaves_no_temporary_file(
    cache: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = Builder(source)
    expected = _index("test", source, build)
    before = {p.name: p.read_bytes() for p in cache.iterdir()}
    source.write_text("changed\n", encoding="utf-8")  # a new index is due

    def interrupted(self: Path, content: bytes) -> int:
        with self.open("wb") as fh:
            fh.write(content[:100])
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "write_bytes", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _index("test", source, build)
    assert {p.name: p.read_bytes() for p in cache.iterdir()} == before
    assert expected[0] == "银行 行长 地方\n"


def test_stale_indexes_and_jieba_caches_are_pruned(cache: Path, source: Path, tmp_path: Path) -> None:
    cache.mkdir()
    other = tmp_path / "other-venv.txt"  # another live install: its index stays
    other.write_text("x", encoding="utf-8")
    gone = tmp_path / "gone.txt"
    gone.write_text("x", encoding="utf-8")
    changed = tmp_path / "changed.txt"
    changed.write_text("x", encoding="utf-8")

    def plant(name: str, meta: tuple[Any, ...]) -> Path:
        path = cache / f"{name}-{_key_of(meta)}.marshal"
        path.write_bytes(disk_cache._encode(meta, ("x", b"")))
        return path

    kept = [
        plant("live", disk_cache._source_meta("live", other)),
        cache / "notes.txt",
        cache / "jieba.cache.d",
    ]
    kept[1].write_text("not ours")
    (cache / "jieba.cache").mkdir()  # a directory named like jieba's cache: left alone
    kept.append(cache / "jieba.cache")
    fresh_tmp = cache / ".flashgen-0123456789ab.tmp"
    fresh_tmp.write_bytes(b"another run is writing this")
    kept.append(fresh_tmp)
    kept[2].write_text("x")
    pruned_meta = disk_cache._source_meta("gone", gone)
    gone.unlink()
    changed_meta = disk_cache._source_meta("changed", changed)
    time.sleep(0.01)
    changed.write_text("xy", encoding="utf-8")
    pruned = [
        plant("gone", pruned_meta),
        plant("changed", changed_meta),
        plant("format", (1, *disk_cache._source_meta("format", other)[1:])),
        cache / "cedict-v2-aaaaaaaaaaaa.marshal",  # the previous, headerless format
        cache / "jieba.u0123456789abcdef0123456789abcdef.cache",
        cache / ".flashgen-aaaaaaaaaaaa.tmp",  # left by a killed run long ago
    ]
    pruned[3].write_bytes(marshal.dumps(("x", b"", b"")))
    pruned[4].write_bytes(marshal.dumps(({}, 1)))
    pruned[5].write_bytes(b"half")
    os.utime(pruned[5], (time.time() - 7200, time.time() - 7200))
    (cache / "jieba-tags-v2-bbbbbbbbbbbb.marshal").write_bytes(b"junk")
    pruned.append(cache / "jieba-tags-v2-bbbbbbbbbbbb.marshal")

    build = Builder(source)
    _index("test", source, build)
    names = {p.name for p in cache.iterdir()}
    assert {p.name for p in kept} <= names
    assert not names & {p.name for p in pruned}
    assert len(names) == len(kept) + 1  # and the new index


def test_cache_dir_refuses_what_others_could_plant(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    for bad in (blocker, blocker / "cache", shared):
        monkeypatch.setenv("FLASHGEN_CACHE_DIR", str(bad))
        assert disk_cache.cache_dir() is None
    monkeypatch.setenv("FLASHGEN_CACHE_DIR", str(tmp_path / "new" / "cache"))
    assert disk_cache.cache_dir() == tmp_path / "new" / "cache"


def test_jieba_tables_and_tokens_equal_what_jieba_loads_itself(tmp_path: Path) -> None:
    """Every count, every prefix, every tag: what ``gen_pfdict`` and ``posseg`` load; the same tokens."""
    import jieba
    from jieba import posseg

    theirs = jieba.Tokenizer()
    theirs.tmp_dir = str(tmp_path)
    theirs.initialize()
    dict_path = data.package_file("jieba", "dict.txt")
    table = jieba_index.JiebaTable(*jieba_index.build_jieba_index(dict_path))
    freq = jieba_index.FreqTable(table)
    assert table.total == theirs.total and freq.as_dict() == theirs.FREQ
    sample = list(theirs.FREQ)[::5]
    assert all(freq.get(w) == theirs.FREQ[w] and w in freq and freq[w] == theirs.FREQ[w] for w in sample)
    probes = [w + "乂" for w in sample[::4]] + [w[1:] for w in sample[::4]] + ["", "zz", "\uffff"]
    assert all(
        freq.get(p, -1) == theirs.FREQ.get(p, -1) and (p in freq) == (p in theirs.FREQ) for p in probes
    )
    tags = posseg.POSTokenizer.__new__(posseg.POSTokenizer)
    tags.load_word_tag(dict_path.open("rb"))
    ours = jieba_index.TagTable(table)
    assert all(ours.get(w) == tags.word_tag_tab.get(w) for w in [*sample, *probes])
    freq["新词汇"] = 5  # jieba's add_word
    assert freq.get("新词汇") == 5 and "新词汇" in freq and freq.as_dict()["新词汇"] == 5

    served = data.jieba_tokenizer()
    assert isinstance(served.FREQ, jieba_index.FreqTable) and served.total == theirs.total
    text = DEMO.read_text(encoding="utf-8")
    for hmm in (True, False):
        assert list(served.cut(text, HMM=hmm)) == list(theirs.cut(text, HMM=hmm))


@pytest.mark.parametrize("text", ["乙 3 n\n甲乙 2 v\n甲 1 n\n乙 5 x\n", "甲乙 2 v\n\n乙 3 n\n甲 1 n\n乙 5 x"])
def test_a_small_dictionary_reads_as_jieba_reads_it(tmp_path: Path, text: str) -> None:
    """Repeated words (the last line wins), prefixes, blank lines, no final newline."""
    import jieba
    from jieba import posseg

    path = tmp_path / "dict.txt"
    path.write_text(text, encoding="utf-8")
    lines = io.BytesIO(text.replace("\n\n", "\n").encode())  # jieba itself fails on a blank line
    expected, total = jieba.Tokenizer.gen_pfdict(lines)
    table = jieba_index.JiebaTable(*jieba_index.build_jieba_index(path))
    assert jieba_index.FreqTable(table).as_dict() == expected == {"甲": 1, "甲乙": 2, "乙": 5}
    assert table.total == total == 11
    tags = posseg.POSTokenizer.__new__(posseg.POSTokenizer)
    tags.load_word_tag(io.BytesIO(text.replace("\n\n", "\n").encode()))
    assert {w: jieba_index.TagTable(table).get(w) for w in expected} == tags.word_tag_tab


#: pypinyin's readings of some text: the phrase segmenter, heteronyms, every style, rare characters.
READ = (
    "import json, pypinyin; text = '重庆的银行行长说，长江大桥长一千米。乐曲让人快乐；还钱还是还书？𠀾㐀'; "
    "print(json.dumps([pypinyin.pinyin(text, style=style, heteronym=h) "
    "for style in pypinyin.Style for h in (0, 1)]))"
)
#: The same through ``data.pypinyin()``, with no shipped index, asserting which tables it read.
SERVED = (
    "import sys, flashgen.cache; flashgen.cache.SHIPPED_DIR = flashgen.cache.Path('/nonexistent'); "
    "from flashgen import data; data.pypinyin(); "
    "assert type(sys.modules['pypinyin'].constants.PHRASES_DICT).__name__ == sys.argv[1]; "
)


def test_pypinyin_reads_the_same_from_our_indexes(cache: Path) -> None:
    """A first run builds the indexes from pypinyin's own tables; later runs read them, to the same effect."""

    def output(code: str, *args: str) -> str:
        return subprocess.run(
            [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
        ).stdout

    first, served = (output(SERVED + READ, tables) for tables in ("dict", "PhraseTable"))
    assert first == served == output(READ) and len(served) > 1000


def test_jieba_is_imported_without_pkg_resources() -> None:
    code = (
        "import sys; from flashgen import data; data.jieba_tokenizer(); print('pkg_resources' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# End to end: ``flashgen words --json`` in child processes, run side by side once the
# reference (sound caches) is known, each compared with it.

#: ``flashgen words --json`` with no shipped indexes, so that the runs build and write every cache.
WORDS = [
    sys.executable,
    "-c",
    "import sys, flashgen.cache; flashgen.cache.SHIPPED_DIR = flashgen.cache.Path(sys.argv.pop(1)); "
    "from flashgen.__main__ import run; run()",
    "/nonexistent/flashgen-shipped",
    "words",
    str(DEMO),
    "--json",
]
#: Seconds after which the interrupted runs get their SIGINT: loading, building, writing caches.
INTERRUPTS = (0.5, 0.9, 1.3)


def _start(cache: Path, tmpdir: Path, limit: int | None = None) -> subprocess.Popen[str]:
    tmpdir.mkdir(exist_ok=True)
    env = {**os.environ, "FLASHGEN_CACHE_DIR": str(cache), "TMPDIR": str(tmpdir)}

    def file_size_limit() -> None:  # a full disk: writes past ``limit`` bytes fail
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))  # type: ignore[arg-type]

    return subprocess.Popen(
        WORDS,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=file_size_limit if limit else None,
    )


def _copy(directory: Path, to: Path) -> Path:
    to.mkdir(mode=0o700)
    for path in directory.iterdir():
        (to / path.name).write_bytes(path.read_bytes())
    return to


def _listing(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in directory.iterdir()}


def _poisoned_caches(directory: Path) -> None:
    """Planted jieba model cache and planted (digest-sound) indexes that would change every card."""
    directory.joinpath("jieba.cache").write_bytes(marshal.dumps(({"的": 1, "银": 1}, 2)))
    cedict = ("银行", b"x\tyin1\tpoison\n", array("I", [0, 14]).tobytes())
    jieba = ("的", b"\x01\0\0\0", 1, "\0", "x")
    for name, source, value, check in [
        ("cedict-v2", dictionary.cedict_file(), cedict, dictionary._is_cedict_index),
        ("jieba-v3", data.package_file("jieba", "dict.txt"), jieba, jieba_index.is_jieba_index),
    ]:
        meta = disk_cache._source_meta(name, source)
        path = directory / f"{name}-{_key(name, source)}.marshal"
        path.write_bytes(disk_cache._encode(meta, value))
        assert disk_cache._load(path, meta, check) == (value,)  # what a private cache directory would serve


class Scenarios:
    """The reference run, then every damaged, planted, full or interrupted run at once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        reference = _start(root / "sound", root / "tmp")
        self.expected, errors = reference.communicate(timeout=120)
        assert reference.returncode == 0 and errors == "", errors
        assert sorted(p.name.split("-v")[0] for p in (root / "sound").iterdir()) == [
            "cedict",
            "cedict-holders",
            "characters",
            "es-stems",
            "g2pm-tables",  # the demo's 车场 "depot" (the article's English) needs the reading model
            "jieba",
            "pypinyin-chars",
            "pypinyin-phrases",
            "reading-weights",
            "synonyms",
        ]
        assert list((root / "tmp").iterdir()) == []

        damaged = _copy(root / "sound", root / "damaged")
        cedict = next(damaged.glob("cedict-v2-*"))
        content = bytearray(cedict.read_bytes())
        for at in (len(content) // 2, len(content) // 2 + 3):  # two flipped bytes inside the records
            content[at] ^= 0x01
        cedict.write_bytes(bytes(content))
        next(damaged.glob("jieba-*")).write_bytes(marshal.dumps({"的": 1}))  # valid marshal, wrong shape
        (damaged / "jieba.cache").mkdir()  # jieba's cache name taken by a directory

        blocker = root / "not-a-directory"  # an unusable cache directory ...
        blocker.write_text("")
        planted_tmp = root / "planted-tmp"  # ... and a poisoned jieba cache where jieba would look
        planted_tmp.mkdir()
        (planted_tmp / "jieba.cache").write_bytes(marshal.dumps(({"的": 1, "银": 1}, 2)))

        shared = root / "shared"  # FLASHGEN_CACHE_DIR=/tmp or the like, with planted files
        shared.mkdir()
        shared.chmod(0o1777)
        _poisoned_caches(shared)

        self.before = {"planted-tmp": _listing(planted_tmp), "shared": _listing(shared)}
        children = {
            "damaged": _start(damaged, root / "damaged-tmp"),
            "planted": _start(blocker, planted_tmp),
            "shared": _start(shared, shared),
            # a full disk: no file past 16 KB, less than the smallest index (es-stems, 58 KB)
            "full": _start(root / "full", root / "full-tmp", limit=16 * 1024),
        }
        interrupted = [_start(root / f"interrupted-{i}", root / "interrupted-tmp") for i in INTERRUPTS]
        start = time.monotonic()
        for child, delay in zip(interrupted, INTERRUPTS, strict=True):
            time.sleep(max(0.0, start + delay - time.monotonic()))
            child.send_signal(signal.SIGINT)
        for child in interrupted:
            child.communicate(timeout=120)
        self.results = {
            name: (child.communicate(timeout=120), child.returncode) for name, child in children.items()
        }

    def same(self, name: str) -> None:
        (out, errors), status = self.results[name]
        assert errors == "" and status == 0
        assert out == self.expected


@pytest.fixture(scope="module")
def scenarios(tmp_path_factory: pytest.TempPathFactory) -> Scenarios:
    return Scenarios(tmp_path_factory.mktemp("scenarios"))


def test_damaged_caches_change_nothing(scenarios: Scenarios) -> None:
    scenarios.same("damaged")
    for path in (scenarios.root / "sound").iterdir():  # rebuilt as they were
        assert (scenarios.root / "damaged" / path.name).read_bytes() == path.read_bytes()
    assert list((scenarios.root / "damaged-tmp").iterdir()) == []


def test_a_planted_jieba_cache_in_tmpdir_is_never_read(scenarios: Scenarios) -> None:
    """The cache directory is unusable (a file): nothing falls back to a shared temporary path."""
    scenarios.same("planted")
    assert _listing(scenarios.root / "planted-tmp") == scenarios.before["planted-tmp"]


def test_a_shared_cache_directory_is_never_used(scenarios: Scenarios) -> None:
    """Whatever others planted in a world-writable cache directory is ignored, and nothing is written."""
    scenarios.same("shared")
    assert _listing(scenarios.root / "shared") == scenarios.before["shared"]


def test_a_full_disk_changes_nothing_and_leaves_nothing(scenarios: Scenarios) -> None:
    scenarios.same("full")
    assert list((scenarios.root / "full").iterdir()) == []
    assert list((scenarios.root / "full-tmp").iterdir()) == []


def test_an_interrupt_while_caches_are_built_leaves_no_temporary_file(scenarios: Scenarios) -> None:
    for i in INTERRUPTS:
        cache = scenarios.root / f"interrupted-{i}"
        for path in cache.iterdir() if cache.exists() else []:
            assert path.name.endswith(".marshal") and path.read_bytes().startswith(disk_cache._MAGIC)
    assert list((scenarios.root / "interrupted-tmp").iterdir()) == []


#: Phrases of pypinyin's table and strings around them, for the prefix answers.
_PHRASE_SAMPLE = sorted(pypinyin_index.PhraseTable(*data._real_phrase_index()))[::97]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_PHRASE_SAMPLE), min_size=1, max_size=40), st.data())
def test_sorted_phrases_answer_prefixes_as_pypinyins_prefix_set(phrases: list[str], draw: Any) -> None:
    """The segmenter's prefix set, trained by pypinyin on the phrases, and our bisection agree."""
    from pypinyin.seg.mmseg import PrefixSet

    trained = PrefixSet()
    trained.train(phrases)
    table = pypinyin_index.PhraseTable(*pypinyin_index.build_phrase_index({p: [["a"]] for p in phrases}))
    prefixes = table.prefixes()
    word = draw.draw(st.sampled_from(phrases))
    questions = [word[:end] for end in range(len(word) + 2)] + [word + "的", word[1:], "", "x"]
    assert [q in prefixes for q in questions] == [q in trained for q in questions]


def test_genanki_is_imported_without_asyncio_and_the_backport_stays_importable() -> None:
    code = (
        "import sys; from flashgen import data; data.import_genanki(); "
        "print('asyncio' in sys.modules, 'cached_property' in sys.modules); "
        "import cached_property; print(hasattr(cached_property, 'threaded_cached_property'))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False", "True"]


@settings(max_examples=300)
@given(
    st.text(alphabet=st.sampled_from(list("中国人民银行行长说长江大桥的了一会儿鑫龘abc1，。 ")), max_size=20)
)
def test_word_graph_and_route_as_jieba_computes_them(sentence: str) -> None:
    """``get_DAG`` and ``calc`` answered from our table (issue 19) equal jieba's own methods."""
    import jieba

    tokenizer = data.jieba_tokenizer()
    ours, theirs = tokenizer.get_DAG(sentence), jieba.Tokenizer.get_DAG(tokenizer, sentence)
    assert ours == theirs
    route: dict[int, Any] = {}
    expected: dict[int, Any] = {}
    tokenizer.calc(sentence, ours, route)
    jieba.Tokenizer.calc(tokenizer, sentence, theirs, expected)
    assert route == expected
