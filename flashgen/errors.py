"""The one exception type the command line turns into a one-line message.

Library code raises :class:`FlashgenError` for anything a user can fix (a
missing file, a text with no Chinese, an output directory that cannot be
written).  The CLI prints ``str(error)`` and exits with ``error.exit_code``;
it never shows a traceback for these.  Anything else escaping is a bug.
"""

from __future__ import annotations


class FlashgenError(Exception):
    """A problem with the user's input or environment, with the message to show.

    ``exit_code`` follows the Unix convention the CLI promises: 2 for wrong
    usage (bad option values), 1 for everything else.
    """

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class UsageError(FlashgenError):
    """A wrong option value or combination; exits with status 2."""

    def __init__(self, message: str) -> None:
        super().__init__(message, exit_code=2)
