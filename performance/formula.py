"""Computed table columns: a tiny arithmetic language over the row's number columns.

Grammar (nothing else is accepted, and nothing is ever passed to `eval`):
    expr   := term (("+" | "-") term)*
    term   := unary (("*" | "/") unary)*
    unary  := "-" unary | atom
    atom   := NUMBER | COLUMN_ID | "(" expr ")" | "round" "(" expr "," INTEGER ")"

The runtime repeats these rules in JavaScript (`formula.js`); `tests/vectors/formula.json` proves the two equal,
which is why rounding works on the shortest decimal text of a number (identical in both languages) rather than on
the binary value: 1.005 rounds to 1.01 as a person expects, in Python and in JavaScript alike.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

MAX_FORMULA_CHARS = 200
MAX_DEPTH = 20
DISPLAY_DIGITS = 6  # a computed value is tidied to this many decimals (0.1 + 0.2 shows 0.3)
MAX_ROUND_DIGITS = 10

# ASCII classes only: Python's \d and \s take far more than JavaScript's, and the two must read a text alike.
_TOKEN = re.compile(r"[ \t\r\n]*(?:([0-9]+(?:\.[0-9]+)?|\.[0-9]+)|([A-Za-z][A-Za-z0-9_]*)|(.))", re.DOTALL)
_NUMBER_TEXT = re.compile(r"[ \t\r\n]*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))[ \t\r\n]*%?[ \t\r\n]*")

Node = tuple[object, ...]  # ("num", v) | ("col", id) | ("neg", n) | (op, a, b) | ("round", n, digits)


class FormulaError(ValueError):
    """A formula an author wrote that this language cannot read; the message says where."""


@dataclass(frozen=True)
class Formula:
    text: str
    tree: Node

    @property
    def columns(self) -> list[str]:
        """The column ids the formula reads, in order of first use."""
        found: list[str] = []
        _collect(self.tree, found)
        return list(dict.fromkeys(found))

    def evaluate(self, row: Mapping[str, float | None]) -> float | None:
        """The value for one row; None when an input is blank or a division is by zero."""
        value = _eval(self.tree, row)
        if value is None or not math.isfinite(value):
            return None
        return (
            round_half_up(value, DISPLAY_DIGITS) + 0.0
        )  # -0.0 becomes 0.0: JSON and JavaScript print both as 0


def parse_formula(text: str) -> Formula:
    if len(text) > MAX_FORMULA_CHARS:
        raise FormulaError(f"the formula is longer than {MAX_FORMULA_CHARS} characters")
    tokens = _tokens(text)
    parser = _Parser(tokens)
    tree = parser.expr(0)
    if parser.peek() is not None:
        raise FormulaError(f"unexpected '{parser.peek()}' after the end of the expression")
    return Formula(text, tree)


def parse_number(cell: object) -> float | None:
    """A learner's cell as a number: full-width digits and thousands commas allowed, a trailing % dropped."""
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, (int, float)):
        return float(cell)
    if not isinstance(cell, str):
        return None
    match = _NUMBER_TEXT.fullmatch(unicodedata.normalize("NFKC", cell).replace(",", ""))
    return float(match.group(1)) if match else None


ROUNDING_LIMIT = 1e15  # at and above it a double has no decimals worth rounding: returned as is


def round_half_up(value: float, digits: int) -> float:
    """Round half away from zero at `digits` decimals, on the number's shortest decimal text."""
    if not math.isfinite(value) or abs(value) >= ROUNDING_LIMIT:
        return value
    exact = Decimal(repr(value))
    return float(exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def format_number(value: float) -> str:
    """A number as every output shows it: thousands commas, at most DISPLAY_DIGITS decimals, no trailing zeros
    (60000 shows 60,000 and 0.1 + 0.2 shows 0.3), as the runtime's formatNumber does."""
    tidy = round_half_up(float(value), DISPLAY_DIGITS) + 0.0  # -0 shows as 0
    if not math.isfinite(tidy):
        return str(tidy)
    text = f"{Decimal(repr(tidy)):,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    for m in _TOKEN.finditer(text):
        number, name, other = m.groups()
        if number is not None:
            tokens.append(number)
        elif name is not None:
            tokens.append(name)
        elif other is not None:
            if other not in "+-*/(),":
                raise FormulaError(
                    f"'{other}' is not allowed; use numbers, column ids, + - * / ( ) and round(x, n)"
                )
            tokens.append(other)
    return tokens


class _Parser:
    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.at = 0

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None:
            raise FormulaError(
                "the formula ends too early" + (f": expected '{expected}'" if expected else "")
            )
        if expected is not None and token != expected:
            raise FormulaError(f"expected '{expected}', found '{token}'")
        self.at += 1
        return token

    def expr(self, depth: int) -> Node:
        if depth > MAX_DEPTH:
            raise FormulaError(f"the formula nests deeper than {MAX_DEPTH} levels")
        node = self.term(depth)
        while self.peek() in ("+", "-"):
            op = self.take()
            node = (op, node, self.term(depth))
        return node

    def term(self, depth: int) -> Node:
        node = self.unary(depth)
        while self.peek() in ("*", "/"):
            op = self.take()
            node = (op, node, self.unary(depth))
        return node

    def unary(self, depth: int) -> Node:
        if self.peek() == "-":
            self.take()
            if depth > MAX_DEPTH:
                raise FormulaError(f"the formula nests deeper than {MAX_DEPTH} levels")
            return ("neg", self.unary(depth + 1))
        return self.atom(depth)

    def atom(self, depth: int) -> Node:
        token = self.take()
        if token == "(":
            node = self.expr(depth + 1)
            self.take(")")
            return node
        if token[0].isdigit() or token[0] == ".":
            return ("num", float(token))
        if token == "round":
            self.take("(")
            inner = self.expr(depth + 1)
            self.take(",")
            digits = self.take()
            if not digits.isdigit() or int(digits) > MAX_ROUND_DIGITS:
                raise FormulaError(f"round(x, n) needs a whole number n from 0 to {MAX_ROUND_DIGITS}")
            self.take(")")
            return ("round", inner, int(digits))
        if token[0].isalpha():
            if self.peek() == "(":
                raise FormulaError(f"'{token}(' is not a function this language has; only round(x, n)")
            return ("col", token)
        raise FormulaError(f"unexpected '{token}'")


def _collect(node: Node, found: list[str]) -> None:
    kind = node[0]
    if kind == "col":
        found.append(str(node[1]))
    elif kind in ("neg", "round"):
        _collect(node[1], found)  # type: ignore[arg-type]
    elif kind in ("+", "-", "*", "/"):
        _collect(node[1], found)  # type: ignore[arg-type]
        _collect(node[2], found)  # type: ignore[arg-type]


def _eval(node: Node, row: Mapping[str, float | None]) -> float | None:
    kind = node[0]
    if kind == "num":
        return float(node[1])  # type: ignore[arg-type]
    if kind == "col":
        return row.get(str(node[1]))
    if kind == "neg":
        inner = _eval(node[1], row)  # type: ignore[arg-type]
        return None if inner is None else -inner
    if kind == "round":
        inner = _eval(node[1], row)  # type: ignore[arg-type]
        return None if inner is None else round_half_up(inner, int(node[2]))  # type: ignore[call-overload]
    a = _eval(node[1], row)  # type: ignore[arg-type]
    b = _eval(node[2], row)  # type: ignore[arg-type]
    if a is None or b is None:
        return None
    if kind == "+":
        return a + b
    if kind == "-":
        return a - b
    if kind == "*":
        return a * b
    return None if b == 0 else a / b
