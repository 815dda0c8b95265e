"""Placeholder text left in a draft: what ``lkjip check --lengkap`` refuses.

The rule, precisely (code, comments, front matter and macros are never looked at):

- the words ``TODO``, ``TBD``, ``FIXME`` (any case, as whole words);
- a bracketed instruction: ``[isi]``, ``[isi nama]``, ``[diisi ...]``, ``[tulis ...]``,
  ``[lengkapi ...]`` (not a link: ``[isi](url)`` is left alone);
- ``lorem ipsum``; three or more question marks ``???``;
- ``xxx`` (three or more x's, any case, not inside a word: ``700/xxx/ITKAB`` is caught),
  except the Roman numeral ``XXX`` after ``BAB``, ``Bagian``, ``Paragraf`` or ``Pasal``;
- an ellipsis (``...`` or ``…``) used as a placeholder:
  (a) a line that is nothing but an ellipsis, once Markdown markers are removed (``- ...``,
  ``> …``, ``## ...``); (b) a table cell that is nothing but an ellipsis; (c) an ellipsis that
  ends a paragraph, a heading or a list item (an unfinished sentence).
  An ellipsis inside a sentence, an elision ``(...)`` or ``[...]``, or one followed by a
  closing quote or bracket is prose and is not flagged.
"""

from __future__ import annotations

import re

_WORDS = re.compile(
    r"(?<![\w])(?P<found>TODO|TBD|FIXME)(?![\w])"
    r"|(?P<bracket>\[\s*(?:isi|diisi|tulis|lengkapi)\b[^\]]*\])(?![(\[:])"
    r"|(?P<lorem>lorem ipsum)"
    r"|(?P<question>\?{3,})"
    r"|(?P<before>\b(?:BAB|Bab|bab|Bagian|Paragraf|Pasal)\s+)?(?<![A-Za-z])(?P<x>[xX]{3,})(?![A-Za-z])",
    re.IGNORECASE,
)
_TRIGGERS = ("todo", "tbd", "fixme", "[", "lorem", "???", "xxx")
_ELLIPSIS = r"(?:\.{3,}|…)"
_ONLY_ELLIPSIS = re.compile(rf"^{_ELLIPSIS}$")
_ENDS_WITH_ELLIPSIS = re.compile(rf"{_ELLIPSIS}$")
_MARKERS = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)*")
_EMPHASIS = re.compile(r"^[*_\s]+|[*_\s]+$")
_BLOCK_START = re.compile(r"^\s*(?:#{1,6}\s|>|[-*+]\s|\d+[.)]\s|\|)")


def find_in_line(text: str) -> list[str]:
    """Placeholder words in ``text`` (rules other than the ellipsis)."""
    lower = text.lower()
    if not any(trigger in lower for trigger in _TRIGGERS):  # most lines: skip the big regex
        return []
    found = []
    for match in _WORDS.finditer(text):
        if match.group("x") and match.group("before") and match.group("x") == "XXX":
            continue  # BAB XXX: a Roman numeral
        found.append(match.group(0).strip() if not match.group("x") else match.group("x"))
    return found


def is_ellipsis_placeholder(line: str, ends_paragraph: bool) -> bool:
    """Whether ``line`` uses an ellipsis as a placeholder (rules a, b, c of the module)."""
    stripped = line.strip()
    if not stripped:
        return False
    if stripped.startswith("|") or (stripped.count("|") >= 2):
        cells = [c.strip() for c in stripped.strip("|").split("|")]
        return any(_ONLY_ELLIPSIS.match(_EMPHASIS.sub("", c)) for c in cells)
    content = _EMPHASIS.sub("", _MARKERS.sub("", stripped))
    if _ONLY_ELLIPSIS.match(content):
        return True
    heading_or_item = bool(_MARKERS.match(stripped).group(0))
    return (ends_paragraph or heading_or_item) and bool(_ENDS_WITH_ELLIPSIS.search(content))


def find_in_lines(lines: list[str]) -> list[tuple[int, list[str]]]:
    """(1-based line, placeholders) for every line of prose ``lines`` that has some."""
    result = []
    for index, line in enumerate(lines):
        found = find_in_line(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        ends_paragraph = not following.strip() or bool(_BLOCK_START.match(following))
        if is_ellipsis_placeholder(line, ends_paragraph):
            found.append("...")
        if found:
            result.append((index + 1, found))
    return result


def find_in_value(text: str) -> list[str]:
    """Placeholders in one text value of the data (a whole value is one paragraph)."""
    found = find_in_line(text)
    lines = text.strip().splitlines() or [""]
    if any(is_ellipsis_placeholder(ln, ends_paragraph=n == len(lines) - 1)
           for n, ln in enumerate(lines)):
        found.append("...")
    return found
