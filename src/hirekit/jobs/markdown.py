"""Job descriptions: Markdown in, sanitised HTML out."""

from __future__ import annotations

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

# Raw HTML in the source is escaped by the parser, and nh3 removes anything
# unsafe the Markdown itself produces (javascript: links and the like).
_PARSER = MarkdownIt("commonmark", {"html": False}).enable("table")
_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li",
    "h1", "h2", "h3", "h4", "h5", "h6", "a", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


# A code block may scroll sideways on a phone; keyboard users must be able to reach it.
_SET = {"pre": {"tabindex": "0"}}


# The same few descriptions are shown on every careers visit: each is parsed and cleaned once.
@lru_cache(maxsize=512)
def render_markdown(text: str) -> Markup:
    html = _PARSER.render(text)
    clean = nh3.clean(
        html, tags=_TAGS, link_rel="noopener noreferrer nofollow", set_tag_attribute_values=_SET
    )
    return Markup(clean)  # noqa: S704 - sanitised by nh3 just above
