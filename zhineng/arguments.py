"""Argument types shared by the subcommands: a bad value is an argparse usage error (exit 2), never a traceback."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def whole_number(what: str, least: int, most: int) -> Callable[[str], int]:
    """A type= for a whole number within [least, most], as plain ASCII digits."""

    def parse(text: str) -> int:
        # Checked as text first: int() of a string of thousands of digits raises (sys.int_info limits).
        digits = len(str(most))
        if not (text.isascii() and text.isdigit() and len(text) <= digits) or not least <= int(text) <= most:
            raise argparse.ArgumentTypeError(
                f"expected {what}: a whole number from {least:,} to {most:,}, not '{text}'"
            )
        return int(text)

    return parse
