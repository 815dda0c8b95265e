"""``lkjip diff`` on two real rounds of the real report."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html
from review_helpers import NEW_SENTENCE, OLD_SENTENCE, ReportOffice
from workflow_helpers import expect_error

from pipeline.review.redline import compare_tables, old_before_new


def _page(ro: ReportOffice, *args: str, as_: str | None = None) -> tuple[str, Path]:
    result = ro.office.ok("diff", *args, as_=as_)
    path = Path(result.out.strip().splitlines()[-1].split(": ", 1)[1])
    return result.out, path


@pytest.fixture(scope="module")
def redline(rounds_office: ReportOffice) -> lxml_html.HtmlElement:
    out, path = _page(rounds_office, "review/2025/1", "review/2025/2")
    assert path == rounds_office.path / "dist" / "redline-review-2025-1-review-2025-2.html"
    # realisasi and capaian of IKU-01, capaian and efisiensi of SS-1; one data file
    assert "4 angka berubah, 1 berkas data berubah" in out
    return lxml_html.fromstring(path.read_text(encoding="utf-8"))


def _chapter(page: lxml_html.HtmlElement, src: str) -> lxml_html.HtmlElement:
    found = page.xpath(f'//section[@id="rl-{src}"]')
    assert len(found) == 1, src
    return found[0]


def test_changed_realisasi_is_a_changed_figure_in_bab_3_and_in_the_summary(
        redline: lxml_html.HtmlElement) -> None:
    summary = redline.get_element_by_id("ringkasan")
    rows = {r[0].text_content(): (r[1].text_content(), r[2].text_content())
            for r in summary.xpath('.//table[contains(@class,"rl-figures")]/tbody/tr')}
    assert rows["Realisasi IKU-01"] == ("level 3,18", "level 3,05")
    assert rows["Capaian IKU-01"] == ("99,38%", "95,31%")
    assert "Target IKU-01" not in rows  # unchanged figures are not listed
    assert "data/indikator.yaml" in summary.text_content()
    assert "data/anggaran.yaml" not in summary.text_content()

    bab3 = _chapter(redline, "bab-3-akuntabilitas-kinerja.md")
    assert bab3.get("data-status") == "changed"
    cells = [c for c in bab3.xpath('.//td[contains(@class,"rl-cell")]')]
    pairs = {(c.find("del").text_content(), c.find("ins").text_content()) for c in cells}
    assert ("3,18 Level", "3,05 Level") in pairs  # a table cell, under its unit column
    assert ("99,38%", "95,31%") in pairs
    # the table keeps its columns: a changed row has as many cells as an unchanged one
    table = cells[0].xpath("ancestor::table")[0]
    widths = {len(r.xpath("./td")) for r in table.xpath("./tbody/tr[not(td[@rowspan])]")}
    assert len(widths) == 1


def test_edited_paragraph_is_inserted_and_deleted_text(redline: lxml_html.HtmlElement) -> None:
    bab1 = _chapter(redline, "bab-1-pendahuluan.md")
    assert bab1.get("data-status") == "changed"
    inserted = " ".join(e.text_content() for e in bab1.iter("ins"))
    deleted = " ".join(e.text_content() for e in bab1.iter("del"))
    assert "Tata kelola" in inserted and "mewajibkan" in inserted
    assert "Penyelenggaraan" in deleted and "menuntut" in deleted
    assert NEW_SENTENCE not in deleted and OLD_SENTENCE not in inserted


def test_unchanged_chapters_are_collapsed(redline: lxml_html.HtmlElement) -> None:
    bab2 = _chapter(redline, "bab-2-perencanaan-kinerja.md")
    assert bab2.get("data-status") == "unchanged"
    assert bab2[0].tag == "details" and bab2[0].get("open") is None
    assert not list(bab2.iter("ins")) and not list(bab2.iter("del"))
    assert _chapter(redline, "bab-3-akuntabilitas-kinerja.md")[0].tag != "details"


def test_page_is_self_contained(redline: lxml_html.HtmlElement) -> None:
    for element in redline.iter("link", "script"):
        raise AssertionError(f"external resource: {lxml_html.tostring(element)!r}")
    for img in redline.iter("img"):
        assert img.get("src", "").startswith("data:")
    assert redline.get("lang") == "id"


def test_same_revision_has_no_changes(rounds_office: ReportOffice, tmp_path: Path) -> None:
    out, path = _page(rounds_office, "2025/2", "HEAD", "--out", str(tmp_path / "x.html"))
    assert "0 bab berubah, 0 angka berubah, 0 berkas data berubah" in out
    assert path == tmp_path / "x.html"


def test_since_paraf_compares_with_my_last_paraf(report_office: ReportOffice) -> None:
    office = report_office.office
    expect_error(office.lkjip("diff", "--since-paraf", as_="kasubbag"), "belum pernah")
    office.ok("submit", as_="staf")
    office.ok("paraf", as_="kasubbag")
    office.ok("return", "--note", "Sekretaris: perbaiki", as_="sekretaris")
    office.git("switch", "-q", "draft/lkjip")
    report_office.edit("content/bab-1-pendahuluan.md", OLD_SENTENCE, NEW_SENTENCE)
    office.git("commit", "-q", "-am", "perbaikan")
    office.ok("submit", as_="staf")
    out, path = _page(report_office, "--since-paraf", as_="kasubbag")
    assert "1 bab berubah, 0 angka berubah, 0 berkas data berubah" in out
    assert "paraf-" in path.name


def test_unknown_revision_is_refused(rounds_office: ReportOffice) -> None:
    expect_error(rounds_office.office.lkjip("diff", "review/2025/9", "HEAD"),
                 "Revisi 'review/2025/9' tidak ditemukan")


def test_table_rows_added_and_removed_keep_columns() -> None:
    old = ("<table><tbody><tr><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr>"
           "</tbody></table>")
    new = ("<table><tbody><tr><td>a</td><td>1</td></tr><tr><td>c</td><td>3</td></tr>"
           "<tr><td>d</td><td>4</td></tr></tbody></table>")
    result = compare_tables(old, new)
    table = lxml_html.fragment_fromstring(result.html)
    assert result.changed
    assert all(len(r) == 2 for r in table.iter("tr"))
    assert "rl-cell" in result.html  # b,2 -> c,3 paired cell by cell
    assert 'class="rl-row-ins"' in result.html  # d,4 added
    assert compare_tables(old, old).changed is False


def test_replacement_reads_old_then_new() -> None:
    assert old_before_new("x <ins>baru</ins> <del>lama</del> y") == \
        "x <del>lama</del> <ins>baru</ins> y"


@pytest.mark.parametrize("where", ["middle", "end"])
def test_removed_rows_are_struck_through_in_place(where: str) -> None:
    rows = {"a": "1", "b": "2", "c": "3"}
    gone = "b" if where == "middle" else "c"

    def table(keys: list[str]) -> str:
        body = "".join(f"<tr><td>{k}</td><td>{rows[k]}</td></tr>" for k in keys)
        return f"<table><tbody>{body}</tbody></table>"

    kept = [k for k in rows if k != gone]
    result = compare_tables(table(list(rows)), table(kept))
    order = [[c.text_content() for c in r] for r in
             lxml_html.fragment_fromstring(result.html).iter("tr")]
    assert result.changed and order == [[k, rows[k]] for k in rows]  # in its old place
    (struck,) = lxml_html.fragment_fromstring(result.html).find_class("rl-row-del")
    assert [c.text_content() for c in struck] == [gone, rows[gone]]
