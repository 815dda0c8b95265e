"""The one HTML cleaner: what a report needs stays, everything that runs, fetches or restyles
goes."""

from __future__ import annotations

import pytest

from pipeline.render.sanitize import clean_html, is_plain_text, url_allowed


def test_a_reports_html_stays() -> None:
    html = ('<table class="lkjip-table"><caption><span class="lkjip-label">Tabel 1</span> '
            'x</caption><tbody><tr><td colspan="2" style="text-align:right">1,5<sup>a</sup>'
            '</td></tr></tbody></table><figure class="lkjip-figure" id="g1"><img src="'
            'data:image/svg+xml;base64,AAA" alt="Grafik"><figcaption>G</figcaption></figure>'
            '<p>baris<br>dua <a href="#bab-1">Bab I</a> <a href="https://landakkab.go.id">x</a>'
            '</p><img src="gambar/struktur.png" alt="Struktur">')
    assert clean_html(html) == html


@pytest.mark.parametrize(("dirty", "clean"), [
    ('<img src=x onerror="alert(1)">', '<img src="x">'),
    ("<script>alert(1)</script>teks", "teks"),
    ("<style>body{display:none}</style>teks", "teks"),
    ('<a rel="attachment" href="file:///etc/passwd">f</a>', "<a>f</a>"),
    ('<a href="javascript:alert(1)">j</a>', "<a>j</a>"),
    ('<a href="data:text/html,<script>x</script>">d</a>', "<a>d</a>"),
    ('<img src="file:///root/.ssh/id_ed25519">', "<img>"),
    ('<img src="//evil.example/x.png">', "<img>"),
    ("<iframe src=x>isi</iframe>", ""),
    ('<form action="https://evil.example"><input name=a>kirim</form>', "kirim"),
    ('<p style="position:fixed;top:0">x</p>', "<p>x</p>"),
    ('<td style="text-align:left; background:url(https://evil.example)">x</td>', "x"),
])
def test_what_runs_fetches_or_restyles_goes(dirty: str, clean: str) -> None:
    assert clean_html(dirty) == clean


def test_urls() -> None:
    assert url_allowed("img", "src", "data:image/png;base64,AAA")
    assert not url_allowed("a", "href", "data:image/png;base64,AAA")
    assert url_allowed("a", "href", "mailto:inspektorat@landakkab.go.id")
    assert not url_allowed("a", "href", " JavaScript:alert(1)")


def test_plain_text() -> None:
    assert is_plain_text("Inspektorat Kabupaten Landak & Sekretariat")
    assert not is_plain_text('x" onmouseover="y') and not is_plain_text("a\x1b[2Jb")
