"""Property: any text as a content page is read and checked without raising."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.content.check import check_content
from pipeline.content.markdown import parse_markdown
from pipeline.content.placeholders import find_in_lines
from pipeline.errors import Problem

# Characters Markdown and the checks care about, so the examples hit the interesting paths.
PIECES = list("#`~-*_[]()!<>|{}:.\n \tabIKUST019xX?…\"'/") + [
    "IKU-01", "IKU-9", "{{ ", " }}", "```", "<!--", "-->", "](", "TODO", "...", "---\n", "\n# "]
markdownish = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


@settings(max_examples=200, deadline=None)
@given(text=markdownish | st.text(max_size=300))
def test_any_page_is_only_reported(text: str) -> None:
    md = parse_markdown(text, "content/acak.md", Path("/nonexistent/content/acak.md"))
    assert len(md.prose) == max(len(md.lines), 1)
    codes = {"T": {"T-1"}, "SS": {"SS-1"}, "IKU": {"IKU-01"}}
    found = check_content(Path("/nonexistent"), [md], codes, None)
    assert all(isinstance(p, Problem) and p.path == "content/acak.md" for p in found)
    find_in_lines(md.prose)
