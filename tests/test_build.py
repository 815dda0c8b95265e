"""A real ``lkjip build`` of a copy of the repository: site, PDF, and what a failure leaves.

Slow (each build lays out the whole PDF), so the copy is built once per session and the tests
read from it; the tests that must rebuild work on copies of that built tree.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from pipeline import cli
from pipeline.build import build
from pipeline.render.pages import read_pages

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
PDF = Path("dist/lkjip-2025.pdf")
BAB3 = "content/bab-3-akuntabilitas-kinerja.md"


def _copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in ("content", "data"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = _copy_project(tmp_path_factory.mktemp("lkjip") / "repo")
    result = build(root, environ={})
    assert result.pdf == root / PDF and result.site == root / "site"
    return root


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


@pytest.fixture(scope="session")
def pdf_text(built: Path) -> str:
    return _pdf_text(built / PDF)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- the site ----------------------------------------------------------------------------

def test_site_is_built_with_the_pdf_inside(built: Path) -> None:
    site = built / "site"
    assert (site / "index.html").is_file()
    assert (site / "bab-3-akuntabilitas-kinerja.html").is_file()
    assert (site / "search" / "search_index.json").is_file()
    assert _digest(site / "unduh" / "lkjip-2025.pdf") == _digest(built / PDF)
    assert not list(built.glob(".site-*")) and not list((built / "dist").glob(".*"))


def test_site_fetches_nothing_from_the_network(built: Path) -> None:
    resource = re.compile(
        r"""<(?:script|img|iframe|source)[^>]*\ssrc=["']?(?:https?:)?//"""
        r"""|<link[^>]*\shref=["']?(?:https?:)?//|url\(["']?(?:https?:)?//|@import\s+["']https?:""",
        re.IGNORECASE,
    )
    offenders = [
        str(f.relative_to(built)) for f in (built / "site").rglob("*")
        if f.suffix in {".html", ".css"} and resource.search(f.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    index = (built / "site" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="id"' in index and "fonts.googleapis" not in index


def test_site_pages_have_the_figures_from_data(built: Path) -> None:
    html = (built / "site" / "bab-3-akuntabilitas-kinerja.html").read_text(encoding="utf-8")
    assert "{{" not in html  # every macro expanded
    assert "Tabel 3.1</span>" in html and "Gambar 3.1</span>" in html


# --- the PDF -----------------------------------------------------------------------------

def _headings(root: Path) -> list[str]:
    """The first level-1 heading of every printed page, as written in the Markdown."""
    found = []
    for page in read_pages(root):
        if page.printed:
            first = next(line for line in page.body.splitlines() if line.startswith("# "))
            found.append(first[2:].strip())
    return found


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).upper()


def test_pdf_has_every_chapter_and_a_toc_with_page_numbers(built: Path, pdf_text: str) -> None:
    headings = _headings(built)
    assert len(headings) >= 6
    body = _squash(pdf_text)
    for heading in headings:
        assert _squash(heading) in body, heading
    # The Daftar Isi may take more than a page; it ends where the Daftar Tabel begins. Front
    # matter is numbered i, ii, ...; Bab I starts again at 1.
    toc = pdf_text.split("DAFTAR ISI", 1)[1].split("DAFTAR TABEL\n", 1)[0]
    numbered = re.findall(r"^\s*(.+?)\s*\.{4,}\s*(\d+|[ivxlc]+)\s*$", toc, re.MULTILINE)
    titles = {_squash(t) for t, _ in numbered}
    for heading in headings:
        assert _squash(heading) in titles, heading
    pages = [int(n) for _, n in numbered if n.isdigit()]
    assert pages[0] == 1 and pages[-1] > 10 and pages == sorted(pages)
    assert dict(numbered)["KATA PENGANTAR"] == "i"


def _expected_capaian(root: Path) -> dict[str, str]:
    """Capaian of every PK indicator, computed here from the YAML with the textbook formulas."""
    data = root / "data"
    year = yaml.safe_load((data / "organisasi.yaml").read_text())["tahun_laporan"]
    codes = yaml.safe_load((data / "perjanjian_kinerja.yaml").read_text())["indikator"]
    expected = {}
    for i in yaml.safe_load((data / "indikator.yaml").read_text())["indikator"]:
        if i["kode"] not in codes:
            continue
        target, actual = i["target"][year], i["realisasi"].get(year)
        if actual is None:  # the year follows from its quarters by the declared rule
            quarters = i["triwulan"][year]["realisasi"]
            actual = {"terakhir": quarters[-1], "jumlah": sum(quarters),
                      "rata_rata": sum(quarters) / 4}[i["agregasi_triwulan"]]
        if isinstance(target, list):  # a range: 100 inside, else against the nearer bound
            low, high = target
            if low <= actual <= high:
                expected[i["kode"]] = "100,00%"
                continue
            target = high if actual > high else low
        if target == 0:
            continue  # judged by a zero rule, tested in the unit tests
        value = (actual / target if i["polaritas"] == "positif"
                 else (2 * target - actual) / target) * 100
        expected[i["kode"]] = f"{value:.2f}".replace(".", ",") + "%"
    return expected


def _row(text: str, code: str) -> str:
    """The first table row of the PDF mentioning ``code`` together with a percentage."""
    return next(line for line in text.splitlines() if code in line and "%" in line)


def test_pdf_capaian_equals_the_formulas(built: Path, pdf_text: str) -> None:
    expected = _expected_capaian(built)
    assert expected["IKU-05"] == "115,00%"  # negatif: (2 x 10 - 8,5) / 10
    assert expected["IKU-02"] == "100,00%"  # realisasi inside the range target 63-66
    for code, figure in expected.items():
        assert figure in _row(pdf_text, code), code


def test_pdf_metadata_bookmarks_and_pages(built: Path) -> None:
    reader = PdfReader(built / PDF)
    info = reader.metadata
    assert info is not None
    assert info.title == "Laporan Kinerja Instansi Pemerintah (LKjIP) Inspektorat Kabupaten " \
                         "Landak Tahun 2025"
    assert info.author == "Inspektorat Kabupaten Landak"
    assert "2025" in (info.subject or "")
    assert str(reader.trailer["/Root"]["/Lang"]) == "id"
    assert info["/CreationDate"].startswith("D:20260220")  # the signing date, not the clock
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert any("BAB I" in t.upper() for t in titles) and "DAFTAR ISI" in titles
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
             for p in reader.pages}
    assert sizes == {(595, 842), (842, 595)}  # A4 portrait, and landscape for the budget
    first = reader.pages[0].extract_text()
    assert "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN 2025" in " ".join(first.split())


def test_pdf_has_the_signature_block(pdf_text: str) -> None:
    text = " ".join(pdf_text.split())
    for line in ("Drs. Antonius Rinjani, M.Si.", "Pembina Utama Muda (IV/c)",
                 "NIP. 19700512 199803 1 007"):
        assert line in text


# --- rebuilding --------------------------------------------------------------------------

def test_same_sources_same_pdf_and_new_data_new_figure(built: Path, tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(built, root)
    build(root, site=False, environ={})
    assert _digest(root / PDF) == _digest(built / PDF)  # reproducible bytes

    data = root / "data" / "indikator.yaml"
    text = data.read_text(encoding="utf-8")
    changed = text.replace("2024: 3.05, 2025: 3.18}", "2024: 3.05, 2025: 3.04}")
    assert changed != text
    data.write_text(changed, encoding="utf-8")
    build(root, site=False, environ={})
    row = _row(_pdf_text(root / PDF), "IKU-01")
    assert "95,00%" in row and "99,38%" not in row  # 3,04 / 3,2


def test_failed_build_reports_file_line_and_keeps_outputs(
    built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "repo"
    shutil.copytree(built, root)
    page = root / BAB3
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(4, "Capaian {{ capaian IKU-99 }} tidak ada.")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = _digest(root / PDF), _digest(root / "site" / "index.html")

    code = cli.main(["build", "--root", str(root)])

    assert code == 1
    err = capsys.readouterr().err
    assert f"{BAB3}:5: indikator 'IKU-99' tidak ada" in err
    assert err.rstrip().endswith("Hasil sebelumnya (site/ dan dist/) tidak diubah.")
    assert (_digest(root / PDF), _digest(root / "site" / "index.html")) == before
    assert not list(root.glob(".site-*"))


# Data that ``lkjip check`` rejects (each a consistency or schema rule) never builds.
IND = "data/indikator.yaml"
BAD_DATA = {
    "backwards range": ("2023: 80, 2024: 82, 2025: 85,", "2023: 80, 2024: 82, 2025: [90, 80],"),
    "percentage over 100": ("2024: 80.85, 2025: 82.46}", "2024: 80.85, 2025: 905}"),
    "string for a number": ("2024: 80.85, 2025: 82.46}", "2024: 80.85, 2025: delapan}"),
}


@pytest.mark.parametrize("case", sorted(BAD_DATA))
def test_build_refuses_what_check_rejects_with_the_same_message(
    built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    from pipeline.check import check_project

    root = tmp_path / "repo"
    shutil.copytree(built, root)
    old, new = BAD_DATA[case]
    text = (root / IND).read_text(encoding="utf-8")
    assert text.count(old) == 1
    (root / IND).write_text(text.replace(old, new), encoding="utf-8")
    line = text[:text.index(old)].count("\n") + 1
    rejected = [p for p in check_project(root) if p.path == IND]
    assert rejected and all(p.line == line for p in rejected), rejected
    before = _digest(root / PDF), _digest(root / "site" / "index.html")

    assert cli.main(["check", "--root", str(root)]) == 1
    checked = capsys.readouterr().out
    code = cli.main(["build", "--root", str(root)])

    assert code == 1
    err = capsys.readouterr().err
    for problem in rejected:  # the same file:line message, word for word
        assert f"{IND}:{line}: " in str(problem)
        assert str(problem) in checked and str(problem) in err
    assert err.rstrip().endswith("Hasil sebelumnya (site/ dan dist/) tidak diubah.")
    assert (_digest(root / PDF), _digest(root / "site" / "index.html")) == before
