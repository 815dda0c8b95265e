"""``lkjip serve``: change a realisation in data/, and the served page shows the new figure;
break the data, and the page shows the problem."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))
from check_helpers import copy_project  # noqa: E402

pytestmark = pytest.mark.slow
PAGE = "bab-3-akuntabilitas-kinerja.html"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, text: str, timeout: float = 90) -> str:
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                body = response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8")
        except OSError:
            body = ""
        if text in body:
            return body
        time.sleep(0.3)
    raise AssertionError(f"{text!r} never appeared at {url}; last page:\n{body[:2000]}")


def test_serve_reloads_on_data_changes(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "proyek")
    port = _free_port()
    lkjip = Path(sys.executable).with_name("lkjip")
    server = subprocess.Popen([str(lkjip), "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=root / "content", stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        page = _wait_for(f"{base}/{PAGE}", "3,18 Level")
        assert "3,27 Level" not in page
        monitoring = _wait_for(f"{base}/pengukuran-kinerja-triwulan.html", "85,71%")
        assert "livereload" in monitoring  # the reload script is in every page
        data = root / "data" / "indikator.yaml"
        text = data.read_text("utf-8")
        data.write_text(text.replace("2024: 3.05, 2025: 3.18}", "2024: 3.05, 2025: 3.27}"),
                        "utf-8")
        _wait_for(f"{base}/{PAGE}", "3,27 Level")
        data.write_text(text.replace("2024: 3.05, 2025: 3.18}", "2024: 3.05, 2025: tiga}"),
                        "utf-8")
        broken = _wait_for(f"{base}/{PAGE}", "Situs belum bisa dibangun")
        assert "data/indikator.yaml:16: &#39;indikator.0.realisasi.2025&#39; harus berupa angka" \
            in broken
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=20)
    assert "Situs diperbarui (0 masalah pemeriksaan)." in out
    assert "data/indikator.yaml:16: 'indikator.0.realisasi.2025' harus berupa angka" in out
