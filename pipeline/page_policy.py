"""What a content page may contain and point to, said once for the check and the renderer.

The HTML a report keeps (tags, attributes, URLs; :mod:`pipeline.render.sanitize` removes the
rest) and the folder the build adds to the site (the PDF offered for download, so a link to it
is right although it is not in content/). ``lkjip check`` (:mod:`pipeline.content`) names what
breaks these rules with file:line; the renderer enforces them. Neither imports the other.
"""

from __future__ import annotations

import re

PDF_DIR = "unduh"  # the site's folder for the PDF (content links to unduh/lkjip-<year>.pdf)

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
