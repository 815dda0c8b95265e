"""The HTML a report may contain, and the one cleaner every rendered page goes through.

Authors may write raw HTML in Markdown; so may whoever pushed a branch. What a report needs is
small: tables, spans and divs with classes, sup/sub, line breaks, links, images from the
content folder (or ``data:`` images, as lkjip's charts are). Everything else (scripts, event
handlers, ``<style>``, frames, forms, ``rel="attachment"``, ``file:`` URLs) is removed by
``nh3`` (the Rust sanitizer ammonia) before a page reaches the site, the PDF, the redline,
the history or the review page. ``lkjip check`` names the same things with file:line
(:mod:`pipeline.content.check`), from the same lists.
"""

from __future__ import annotations

import re
from functools import lru_cache

import nh3

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "u", "ul",
})
# Removed with everything inside them (the others lose their tags but keep their text).
DROPPED_WITH_CONTENT = frozenset({"script", "style", "noscript", "template", "textarea",
                                  "select", "title", "iframe", "object", "embed"})
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "style", "scope"},
    "col": {"span", "style"},
    "tbody": {"data-lanjutan"},  # the name of a table continued on the next page (print.css)
    "ol": {"start", "type"},
    "li": {"value"},
    "details": {"open"},
}
# Python-Markdown's tables write ``style="text-align: …"``; the print path sets column widths.
STYLE_PROPERTIES = frozenset({"text-align", "width"})
URL_SCHEMES = frozenset({"http", "https", "mailto", "data"})

_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
_DATA_IMAGE = re.compile(r"^data:image/(png|jpeg|gif|webp|svg\+xml)[;,]", re.IGNORECASE)


def url_allowed(tag: str, attribute: str, value: str) -> bool:
    """Links: http(s), mailto, a place in the report; images: a file of the content folder
    (relative) or a ``data:`` image. Never ``file:``, ``javascript:`` or a ``data:`` link."""
    match = _SCHEME.match(value)
    if match is None:
        return not value.lstrip().startswith("//")  # protocol-relative: a remote fetch
    scheme = match.group(1).lower()
    if tag == "img" and attribute == "src":
        return scheme == "data" and bool(_DATA_IMAGE.match(value.strip()))
    return scheme in {"http", "https", "mailto"}


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute in ("href", "src") and not url_allowed(tag, attribute, value):
        return None
    return value


@lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=_filter,
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
        link_rel=None,
        strip_comments=True,
    )


_NOT_PLAIN = re.compile(r'[<>"\x00-\x1f\x7f-\x9f]')


def is_plain_text(text: str) -> bool:
    """Text MkDocs' templates may print unescaped: no tag, no quote, no control character."""
    return not _NOT_PLAIN.search(text)


def clean_html(html: str) -> str:
    """``html`` with only what a report may contain (see the module docstring)."""
    return _cleaner().clean(html)
