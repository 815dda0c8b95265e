"""The PDF laid out in parts on two processes (pdf_parts.py) and joined (pdf_join.py).

The repository's report is written both ways and read back: every page's text (page numbers
and the Daftar Isi included), the bookmarks, the named destinations, the links and the page
labels are those of the report laid out in one piece. A small document checks the edges: links
between the parts, links to anchors that are nowhere, a failing part process.
"""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from weasyprint import HTML

from pipeline.project import Project
from pipeline.render import pdf_parts
from pipeline.render.pdf import layout, write_pdf
from pipeline.render.pdf_join import MISSING_ANCHOR
from pipeline.render.pdf_parts import (
    AFTER_CONTENTS_MARK,
    BODY_MARK,
    CONTENTS_MARK,
    FRONT_MARK,
    PrintParts,
    keep_links,
    numbered_contents,
    split_print_html,
    write_report,
)
from pipeline.render.print_html import print_html

REPO = Path(__file__).resolve().parents[2]
WHEN = datetime(2026, 1, 31, 9, 0, tzinfo=UTC)


def _facts(pdf: Path) -> dict[str, object]:
    """What a reader follows in a PDF, by page number (never by object number)."""
    reader = PdfReader(pdf)

    def outline(items: list, depth: int = 0) -> list[tuple]:
        found: list[tuple] = []
        for item in items:
            if isinstance(item, list):
                found += outline(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item),
                              round(float(item.top), 1)))
        return found

    links = []
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            target = annotation.get("/Dest") or annotation["/A"]["/URI"]
            links.append((number, tuple(round(float(v), 1) for v in annotation["/Rect"]),
                          str(target)))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return {
        "pages": text.split("\f")[: len(reader.pages)],
        "outline": outline(reader.outline),
        "destinations": {name: (reader.get_destination_page_number(dest),
                                round(float(dest.top), 1))
                         for name, dest in reader.named_destinations.items()},
        "links": links,
        "labels": list(reader.page_labels),
        "title": reader.metadata.title,
    }


@pytest.fixture(scope="module")
def both_ways(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    project = Project(REPO)
    html = print_html(project.pages, project.report, project.config, "",
                      expand=project.expansion)
    folder = tmp_path_factory.mktemp("parts")
    whole = folder / "satu.pdf"
    write_pdf(layout(html, project.docs), whole, when=WHEN)
    parts = folder / "bagian.pdf"
    _, warnings = write_report(html, project.docs, parts, when=WHEN)
    return whole, parts, warnings


@pytest.mark.slow
def test_the_report_in_parts_reads_as_the_report_in_one_piece(both_ways) -> None:
    whole, parts, warnings = both_ways
    assert warnings == []
    one, joined = _facts(whole), _facts(parts)
    assert len(joined["pages"]) == len(one["pages"]) > 40
    for number, (expected, got) in enumerate(zip(one["pages"], joined["pages"], strict=True)):
        assert got == expected, f"halaman {number + 1}"
    for key in ("outline", "destinations", "links", "labels", "title"):
        assert joined[key] == one[key], key
    assert len(joined["links"]) > 100 and len(joined["outline"]) > 20


@pytest.mark.slow
def test_each_font_subset_has_its_own_name(both_ways) -> None:
    _, parts, _ = both_ways
    fonts = subprocess.run(["pdffonts", str(parts)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    names = [line.split()[0] for line in fonts]
    assert len(names) > 5
    assert len(set(names)) == len(names)


@pytest.mark.slow
def test_the_report_is_cut_between_chapters(both_ways) -> None:
    project = Project(REPO)
    html = print_html(project.pages, project.report, project.config, "",
                      expand=project.expansion)
    parts = split_print_html(html)
    assert parts is not None and len(parts.body) == 5  # Bab I to IV and the Lampiran
    assert all(block.lstrip().startswith('<section class="chapter') for block in parts.body)
    assert 'class="chapter body-start"' in parts.body[0]
    assert parts.document([parts.front, *parts.body]).count("<section") == html.count("<section")


# --- a small document -------------------------------------------------------------------

STYLE = ("<style>@page { size: A6; @bottom-center { content: counter(page) } }"
         " section { break-before: page } p { margin: 0 0 4pt }</style>")


def _chapter(anchor: str, links: list[str], paragraphs: int = 1) -> str:
    body = "".join(f'<p><a href="#{target}">ke {target}</a></p>' for target in links)
    filler = "<p>Isi bab.</p>" * paragraphs
    return f'{BODY_MARK}<section class="chapter"><h1 id="{anchor}">{anchor}</h1>{body}{filler}' \
        "</section>"


def _small(chapters: list[str]) -> str:
    return (f"<!DOCTYPE html><html><head><title>Uji</title>{STYLE}</head><body>{FRONT_MARK}"
            f'<section class="cover"><h1 id="sampul">Sampul</h1></section>{CONTENTS_MARK}'
            '<section class="toc"><ul><li class="level-1"><a href="#b">B</a></li></ul></section>'
            f"{AFTER_CONTENTS_MARK}{''.join(chapters)}</body></html>\n")


def test_a_document_without_two_body_chapters_is_not_cut() -> None:
    assert split_print_html("<html><body><p>x</p></body></html>") is None
    assert split_print_html(_small([_chapter("a", [])])) is None
    parts = split_print_html(_small([_chapter("a", []), _chapter("b", [])]))
    assert parts is not None and len(parts.body) == 2


def test_the_cut_shares_the_work_out() -> None:
    parts = PrintParts("<head>", "f" * 4, "f" * 4, "f" * 2, ("a" * 10, "b" * 10, "c" * 50, "d" * 5))
    assert parts.cut() == 2  # 30 before, 55 after; cutting before "d" would leave 80 before
    assert PrintParts("", "", "", "", ("a" * 100, "b", "c")).cut() == 1


def test_contents_get_the_numbers_of_the_pages_they_know() -> None:
    front = '<li class="level-1"><a href="#bab-1">Bab I</a></li>' \
        '<li class="level-1 front"><a href="#kata-pengantar">Kata Pengantar</a></li>'
    numbered = numbered_contents(front, {"bab-1": "7"})
    assert '<a href="#bab-1" data-page="7">' in numbered
    assert '<a href="#kata-pengantar">' in numbered
    assert numbered_contents(front, {}, "0").count('data-page="0"') == 2


def test_stand_ins_do_not_touch_the_document_the_pages_came_from() -> None:
    document = HTML(string='<p id="x"><a href="#y">y</a> <a href="#z">z</a></p>').render()
    piece = document.copy(document.pages)
    assert keep_links(piece, {"y"}) == ["y"]
    assert "y" in piece.pages[0].anchors
    assert "y" not in document.pages[0].anchors
    assert keep_links(document) == ["y", "z"]


def test_links_between_parts_land_and_links_to_nowhere_are_dropped(tmp_path: Path) -> None:
    chapters = [
        _chapter("a", ["d", "hilang"], 40),
        _chapter("b", ["sampul"], 40),
        _chapter("c", ["a", "raib"], 40),
        _chapter("d", ["b", "c"], 40),
    ]
    target = tmp_path / "kecil.pdf"
    count, warnings = write_report(_small(chapters), tmp_path, target, when=WHEN)
    reader = PdfReader(target)
    assert count == len(reader.pages)
    first_page = {}
    for number, page in enumerate(reader.pages):
        for line in page.extract_text().splitlines():
            if line in ("a", "b", "c", "d", "Sampul"):
                first_page.setdefault(line, number)
    destinations = {name: reader.get_destination_page_number(dest)
                    for name, dest in reader.named_destinations.items()}
    for name in ("a", "b", "c", "d"):
        assert destinations[name] == first_page[name], name
    assert destinations["sampul"] == first_page["Sampul"] == 0
    targets = [str(a.get_object()["/Dest"]) for page in reader.pages
               for a in page.get("/Annots") or []]
    assert sorted(targets) == ["a", "b", "b", "c", "d", "sampul"]
    assert sorted(w for w in warnings if "No anchor" in w) == [
        MISSING_ANCHOR.format(name="hilang"), MISSING_ANCHOR.format(name="raib")]
    # The cover is not counted (a cover in the lead), the contents page is the first, and
    # the chapters are numbered from 1 (their own part), the later part's after the earlier's.
    numbers = [page.extract_text().split()[-1] for page in reader.pages[1:]]
    assert numbers == ["1", *(str(n) for n in range(1, len(reader.pages) - 1))]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kecil.pdf"]


def test_a_failing_part_fails_the_pdf_and_leaves_nothing(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    real_layout = pdf_parts.layout

    def failing(html: str, base: Path, **options: object):  # type: ignore[no-untyped-def]
        if options.get("pages_before"):  # the later part, in its own process
            raise ValueError("bagian akhir gagal")
        return real_layout(html, base, **options)

    monkeypatch.setattr(pdf_parts, "layout", failing)
    chapters = [_chapter(name, [], 5) for name in "abc"]
    with pytest.raises(ValueError, match="bagian akhir gagal"):
        write_report(_small(chapters), tmp_path, tmp_path / "gagal.pdf", when=WHEN)
    assert list(tmp_path.iterdir()) == []


def test_front_matter_numbers_are_roman_as_print_css_prints_them() -> None:
    assert [pdf_parts._roman(n) for n in (1, 4, 9, 14)] == ["i", "iv", "ix", "xiv"]


def test_contents_that_grow_once_numbered_fall_back_to_one_piece(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = pdf_parts.numbered_contents

    def growing(contents: str, numbers: dict, default: str | None = None) -> str:
        numbered = real(contents, numbers, default)
        if default is None:  # the final tables of contents: a page longer than counted
            numbered = numbered.replace("</ul>", "<li>baris</li>" * 60 + "</ul>")
        return numbered

    monkeypatch.setattr(pdf_parts, "numbered_contents", growing)
    chapters = [_chapter(name, [], 20) for name in "abc"]
    html = _small(chapters)
    target = tmp_path / "satu.pdf"
    count, _ = write_report(html, tmp_path, target, when=WHEN)
    assert count == len(PdfReader(target).pages) == len(layout(html, tmp_path).document.pages)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["satu.pdf"]
