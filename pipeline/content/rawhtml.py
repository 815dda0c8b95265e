"""Raw HTML in content/*.md that the build would remove, named with file:line.

The renderer's sanitizer is the guard: it removes scripts, event handlers, styles, frames,
forms and unsafe URLs whatever ``lkjip check`` says. This check tells the author beforehand,
from the same lists (:mod:`pipeline.page_policy`), so nothing silently disappears from the
report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

from pipeline.content.markdown import MarkdownFile
from pipeline.errors import Problem
from pipeline.messages import safety as msg
from pipeline.page_policy import ATTRIBUTES, TAGS, url_allowed

# md_in_html's switch; read by Markdown, never published.
_MARKDOWN_ATTRIBUTES = {"markdown"}
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
# attr_list: ``{: onclick="..." }`` or ``{ #id onmouseover=... }`` after a block or a span.
_ATTR_LIST_HANDLER = re.compile(r"\{:?[^{}\n]*?\b(on[a-z]+)\s*=", re.IGNORECASE)


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []

    def _add(self, text: str) -> None:
        self.found.append((self.getpos()[0], text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            why = msg.HTML_TAG_WHY.get(tag, msg.HTML_TAG_OTHER)
            self._add(msg.HTML_TAG.format(tag=tag, why=why))
        allowed = ATTRIBUTES["*"] | ATTRIBUTES.get(tag, set()) | _MARKDOWN_ATTRIBUTES
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self._add(msg.HTML_HANDLER.format(attribute=name, tag=tag))
            elif name == "rel" and "attachment" in value.lower().split():
                self._add(msg.HTML_ATTACHMENT)
            elif name in ("href", "src") and not url_allowed(tag, name, value):
                scheme = _SCHEME.match(value)
                why = msg.HTML_URL_WHY.get(scheme.group(1).lower() if scheme else "", "")
                self._add(msg.HTML_URL.format(url=value[:80], tag=tag,
                                              why=why or msg.HTML_TAG_OTHER))
            elif name not in allowed and tag in TAGS:
                self._add(msg.HTML_ATTRIBUTE.format(attribute=name, tag=tag))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def raw_html_problems(md: MarkdownFile) -> Iterator[Problem]:
    """What the sanitizer would take out of ``md``, each at its line."""
    finder = _Finder()
    finder.feed("\n".join(md.prose))
    finder.close()
    for line, text in finder.found:
        yield Problem(md.path, line, text)
    for number, line in enumerate(md.prose, start=1):
        for match in _ATTR_LIST_HANDLER.finditer(line):
            yield Problem(md.path, number, msg.ATTR_LIST_HANDLER.format(attribute=match.group(1)))
