"""Text and number normalisation shared by the grader (and mirrored, rule for rule, by the JS runtime)."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def normalise_text(value: str) -> str:
    """NFKC folds full-width forms (ＲＯＡＳ, ３) to half-width; then lower case and single spaces."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", value)).strip().lower()


def parse_number(value: str, unit: str | None = None) -> float | None:
    """Read what a learner typed into a number box: '1,250.5', '１２.５', '150%' (when the unit is %)."""
    text = unicodedata.normalize("NFKC", value).strip()
    if unit:
        folded_unit = unicodedata.normalize("NFKC", unit).strip()
        if folded_unit and text.endswith(folded_unit):
            text = text[: -len(folded_unit)].strip()
    if _GROUPED.match(text):
        text = text.replace(",", "")
    if not _NUMBER.match(text):
        return None
    return float(text)
