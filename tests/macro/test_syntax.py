"""Finding macros in Markdown: uses with their lines and columns, code and front matter left
alone, and the syntax problems an author sees."""

from __future__ import annotations

import pytest

from pipeline.macro.syntax import find_macros, has_macro, scan, without_macros


def test_find_macros_lists_uses_with_lines() -> None:
    text = "# Judul\n\nCapaian {{ capaian IKU-01 2024 }} dan {{ tahun }}.\n\n{{ tabel_iku }}\n"
    uses = [(u.name, u.args, u.line, u.alone) for u in find_macros(text)]
    assert uses == [("capaian", ("IKU-01", "2024"), 3, False), ("tahun", (), 3, False),
                    ("tabel_iku", (), 5, True)]


def test_columns_span_the_braces() -> None:
    line = "Nilai {{ tahun }} dan {{capaian IKU-01}}."
    spans = [line[u.start:u.end] for u in find_macros(line)]
    assert spans == ["{{ tahun }}", "{{capaian IKU-01}}"]


def test_code_and_front_matter_are_left_alone() -> None:
    text = ("---\njudul: '{{ tahun }}'\n---\n"
            "Tulis `{{ capaian IKU-01 }}`.\n\n```\n{{ tabel_capaian SS-9 }}\n```\n"
            "~~~~\n{{ }}\n```\n{{ x\n~~~~\n{{ tahun }}\n")
    uses, problems = scan(text)
    assert [(u.name, u.line) for u in uses] == [("tahun", 14)]
    assert problems == []


def test_line_offset_is_added() -> None:
    assert [u.line for u in find_macros("\n{{ tahun }}", line_offset=10)] == [12]


@pytest.mark.parametrize(
    ("line", "fragment"),
    [("{{ }}", "makro kosong"), ("{{ Capaian IKU-01 }}", "bukan nama makro"),
     ("Nilai {{ capaian IKU-01", "tidak ditutup"), ("{{ tahun }} {{ x", "tidak ditutup")],
)
def test_syntax_problems_have_their_line(line: str, fragment: str) -> None:
    uses, problems = scan(f"# Judul\n{line}\n")
    assert [n for n, _ in problems] == [2]
    assert fragment in problems[0][1]


def test_without_macros_keeps_the_columns() -> None:
    line = "IKU-01 {{ capaian IKU-01 }} naik"
    blanked = without_macros(line)
    assert blanked == "IKU-01 " + " " * len("{{ capaian IKU-01 }}") + " naik"
    assert has_macro(line) and not has_macro(blanked)
