"""Screenshots of a deck's cards exactly as Anki renders them.

    python docs/render_cards.py DECK.apkg [--word 图书馆] [--out docs/img] [--night]

Imports DECK.apkg into a throw-away collection with the official ``anki``
library, takes one note (the first, or ``--word``), and for each of its cards
writes the front and the back (``card.question()`` / ``card.answer()``, which
carry the note type's CSS) into one HTML page, then has headless Chromium
(Debian's ``chromium``) screenshot it to ``<out>/<template>.png``.  With
``--night`` the cards get Anki's ``nightMode`` class and the files end in
``-night.png``.  Needs ``anki`` and ``chromium``; the tests do not.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

PAGE = """<!doctype html>
<html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  html, body {{ margin: 0; background: {page}; }}
  .side {{ font: 600 11px/1 sans-serif; letter-spacing: .1em; color: #8a8a90;
           padding: 10px 14px 0; text-transform: uppercase; }}
  .card {{ min-height: 0; }}
  .gap {{ height: 10px; background: {page}; }}
</style></head>
<body>
<div class="side">Front</div><div class="card card{ordinal}{night}">{question}</div>
<div class="gap"></div>
<div class="side">Back</div><div class="card card{ordinal}{night}">{answer}</div>
</body></html>
"""

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def file_stem(template: str) -> str:
    """'Sentence cloze' → 'cloze', 'Recognition' → 'recognition'."""
    return template.split()[-1].lower()


def render(apkg: Path, out: Path, word: str | None, night: bool, size: str) -> list[Path]:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("render_cards: chromium is not installed (apt-get install chromium fonts-noto-cjk)")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(prefix="render-cards-") as tmp:
        col = Collection(str(Path(tmp) / "c.anki2"))
        try:
            options = ImportAnkiPackageOptions(merge_notetypes=True, with_scheduling=False)
            col.import_anki_package(
                ImportAnkiPackageRequest(package_path=str(apkg.resolve()), options=options)
            )
            query = f'"Simplified:{word}"' if word else ""
            note_ids = col.find_notes(query)
            if not note_ids:
                sys.exit(f"render_cards: {apkg}: no note {'for ' + word if word else ''}")
            for card in col.get_note(note_ids[0]).cards():
                name = card.template()["name"]
                page = Path(tmp) / f"{file_stem(name)}.html"
                page.write_text(
                    PAGE.format(
                        question=card.question(),
                        answer=card.answer(),
                        ordinal=card.ord + 1,
                        night=" nightMode" if night else "",
                        page="#111113" if night else "#e9e9e4",
                    ),
                    encoding="utf-8",
                )
                target = out / f"{file_stem(name)}{'-night' if night else ''}.png"
                profile = Path(tmp) / "profile"
                subprocess.run(
                    [
                        browser,
                        *CHROMIUM_FLAGS,
                        f"--user-data-dir={profile}",
                        f"--screenshot={target.resolve()}",
                        f"--window-size={size}",
                        page.as_uri(),
                    ],
                    check=True,
                    capture_output=True,
                    timeout=120,
                )
                written.append(target)
        finally:
            col.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("apkg", type=Path)
    parser.add_argument("--word", help="the note to show (its Simplified field)")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "img")
    parser.add_argument("--night", action="store_true", help="render in Anki's night mode")
    parser.add_argument("--size", default="420,800", help="window WIDTH,HEIGHT in CSS pixels")
    args = parser.parse_args()
    for path in render(args.apkg, args.out, args.word, args.night, args.size):
        print(path)


if __name__ == "__main__":
    main()
