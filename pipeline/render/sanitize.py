"""The one cleaner every rendered page goes through, keeping only the HTML a report may contain
(:mod:`pipeline.page_policy`).

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

from pipeline.page_policy import (
    ATTRIBUTES,
    DROPPED_WITH_CONTENT,
    STYLE_PROPERTIES,
    TAGS,
    URL_SCHEMES,
    url_allowed,
)


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
