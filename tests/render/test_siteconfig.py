"""mkdocs.yml as lkjip reads it: the repository's file passes, everything that would run code,
read a file or reach the network is refused with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.render.siteconfig import markdown_extensions, parse_site_config

PROJECT = Path(__file__).resolve().parents[2]
BASE = "site_name: LKjIP\nnav:\n  - Beranda: index.md\n"


def _problems(text: str) -> list[str]:
    config, problems = parse_site_config(text)
    assert (config is None) == bool(problems)
    return [str(p) for p in problems]


def test_the_repositorys_own_configuration_passes() -> None:
    text = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    config, problems = parse_site_config(text)
    assert problems == [] and config is not None
    names, _ = markdown_extensions(config.data)
    assert names[:3] == ["toc", "tables", "fenced_code"]  # MkDocs' built-ins, as the site


@pytest.mark.parametrize(("extra", "line", "words"), [
    ("markdown_extensions:\n  - subprocess:Popen: {args: [id]}\n", 5, "'subprocess:Popen'"),
    ("markdown_extensions:\n  - pymdownx.snippets: {base_path: ['/']}\n", 5,
     "menyisipkan isi berkas"),
    ("markdown_extensions:\n  - toc:\n      slugify: !!python/name:os.system\n", 6,
     "!!python/name:os.system"),
    ("markdown_extensions:\n  - pymdownx.superfences\n", 5, "'pymdownx.superfences'"),
    ("hooks:\n  - jahat.py\n", 4, "'hooks' tidak diizinkan"),
    ("plugins:\n  - search\n  - macros\n", 6, "plugin 'macros' tidak diizinkan"),
    ("plugins:\n  - lkjip: {pdf: /root/.ssh/id_ed25519}\n", 5, "'lkjip.pdf' tidak diizinkan"),
    ("theme:\n  name: material\n  custom_dir: tema\n", 6, "'theme.custom_dir'"),
    ("theme:\n  name: material\n  font: {text: Roboto}\n", 6, "'theme.font' harus false"),
    ("extra_javascript: [x.js]\n", 4, "'extra_javascript' tidak diizinkan"),
    ("extra:\n  analytics: {provider: google}\n", 5, "'extra.analytics' tidak diizinkan"),
    ("site_description: !ENV SSH_AUTH_SOCK\n", 4, "!ENV"),
    ("copyright: '<img src=x onerror=alert(1)>'\n", 4, "teks biasa"),
    ("docs_dir: ../../root\n", 4, "jalur relatif"),
    ("INHERIT: ../lain.yml\n", 4, "'INHERIT' tidak diizinkan"),
])
def test_refused_with_its_line(extra: str, line: int, words: str) -> None:
    problems = _problems(BASE + extra)
    assert any(p.startswith(f"mkdocs.yml:{line}: ") and words in p for p in problems), problems


def test_nav_holds_pages_and_web_links_only() -> None:
    problems = _problems("site_name: x\nnav:\n  - Jahat: 'javascript:alert(1)'\n"
                         "  - '<b>Judul</b>': index.md\n  - Luar: https://landakkab.go.id\n")
    assert [p.split(": ", 1)[0] for p in problems] == ["mkdocs.yml:3", "mkdocs.yml:4"]


def test_an_alias_bomb_stops_at_the_limit_with_one_problem() -> None:
    bomb = "\n".join(["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"] + [
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)])
    problems = _problems(bomb + "\nnav:\n  - Bom: *a8\n")
    assert len(problems) == 1 and "lebih dari 5000 nilai" in problems[0]
