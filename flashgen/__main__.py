"""The ``flashgen`` command and ``python -m flashgen``: start-up under flashgen's own signal handling.

Importing the command line takes a few hundred milliseconds; a Ctrl-C or a
SIGTERM in that time would otherwise end in a traceback or leave files behind.
"""

from __future__ import annotations

import signal
import sys


def run() -> None:
    """Console-script entry point."""
    # A SIGTERM unwinds like Ctrl-C, so a half-written deck's temporary files are removed.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        from .cli import main
    except KeyboardInterrupt:
        sys.stderr.write("flashgen: interrupted\n")
        raise SystemExit(130) from None
    main()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    run()
