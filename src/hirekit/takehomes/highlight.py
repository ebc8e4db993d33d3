"""Syntax-highlighted evidence lines: Pygments with CSS classes (the CSP forbids inline style)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

_LEXER = PythonLexer(stripnl=False, ensurenl=False)
_FORMATTER = HtmlFormatter(nowrap=True)


def highlight_line(text: str) -> Markup:
    return Markup(highlight(text, _LEXER, _FORMATTER))  # noqa: S704 - Pygments escapes the source


def highlighted_rows(rows: list[list[Any]]) -> list[tuple[int, Markup]]:
    return [(int(n), highlight_line(str(text))) for n, text in rows]
