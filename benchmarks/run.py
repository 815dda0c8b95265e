"""``python benchmarks/run.py``: time and peak memory of lkjip against its tools, side by side.

For the repository's report and for a generated large one (``benchmarks/generate.py``), each
in a temporary copy, it measures: ``lkjip build`` (cold, ``--force``), WeasyPrint alone on the
same print HTML, ``mkdocs build`` alone, ``lkjip check``, and ``lkjip build`` again with nothing
changed. Then ``lkjip verify`` (the last round), ``lkjip status`` and ``lkjip verify --branch
main`` on a generated history of approval rounds (``benchmarks/history.py``).

Every step runs in its own process and its peak memory is that process's (``wait4``), so peaks
never mix. The cold build, WeasyPrint and MkDocs run interleaved, ``--repeat`` times, and the
ratio is taken from the medians of those same runs, since the machine is noisy.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
PY = sys.executable
TIME = shutil.which("time", path="/usr/bin:/bin")  # GNU time, for peak memory

# WeasyPrint alone, as anyone would call it: the same HTML, the same base URL.
WEASYPRINT_ALONE = (
    "import sys; from weasyprint import HTML; "
    "HTML(filename=sys.argv[1], base_url=sys.argv[2]).write_pdf(sys.argv[3])"
)
PRINT_HTML = (
    "import sys; from pathlib import Path; "
    "from pipeline.data.load import load_report; from pipeline.render import pages; "
    "from pipeline.render.print_html import print_html; root = Path(sys.argv[1]); "
    "config = pages.read_config(root); "
    "Path(sys.argv[2]).write_text(print_html(pages.read_pages(root, config), "
    "load_report(root), config), encoding='utf-8')"
)


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    code: int


def measure(argv: list[str], cwd: Path, env: dict[str, str] | None = None,
            limit: float | None = None) -> Run:
    """One process: wall time and its own peak RSS (children included).

    The step is started through GNU time when it is installed: a process started straight
    from this one (vfork + exec) reports this process's own peak as its ``ru_maxrss``.
    A step still running after ``limit`` seconds is stopped and reported as exit -9.
    """
    start = time.perf_counter()
    with (tempfile.NamedTemporaryFile("r", suffix=".rss") as rss,
          tempfile.TemporaryFile() as err):  # a file, not a pipe: a full pipe would block
        wrapper = [TIME, "-q", "-f", "%M", "-o", rss.name] if TIME else []
        process = subprocess.Popen([*wrapper, *argv], cwd=cwd, env=env,
                                   stdout=subprocess.DEVNULL, stderr=err,
                                   start_new_session=True)
        try:
            process.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # GNU time and the step
            process.wait()
            return Run(time.perf_counter() - start, 0.0, -9)
        seconds = time.perf_counter() - start
        peak_kb = int(rss.read().split()[-1] or 0) if TIME else _children_peak_kb()
        err.seek(0)
        stderr = err.read().decode(errors="replace")
    if process.returncode != 0:
        print(f"  ! {' '.join(argv[:4])} ... exit {process.returncode}\n{stderr[-2000:]}",
              file=sys.stderr)
    return Run(seconds, peak_kb / 1024, process.returncode)


def _children_peak_kb() -> int:
    # Without GNU time: the largest child so far, good enough for the first, largest steps.
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def lkjip(*args: str) -> list[str]:
    return [PY, "-m", "pipeline", *args]


def median(runs: list[Run]) -> Run:
    return Run(statistics.median(r.seconds for r in runs),
               max(r.peak_mb for r in runs), max(r.code for r in runs))


def row(label: str, run: Run) -> str:
    failed = "" if run.code == 0 else f"  (exit {run.code}, dihentikan)" if run.code == -9 \
        else f"  (exit {run.code})"
    return f"  {label:<42} {run.seconds:8.2f} s {run.peak_mb:8.0f} MB{failed}"


def bench_report(name: str, project: Path, work: Path, repeat: int) -> list[str]:
    """The build-side measurements of one project (a copy is made under ``work``)."""
    root = work / name
    shutil.copytree(project, root, ignore=shutil.ignore_patterns(
        "site", "dist", ".lkjip-cache", ".site-*"))
    html = work / f"{name}.html"
    subprocess.run([PY, "-c", PRINT_HTML, str(root), str(html)], cwd=ROOT, check=True)
    base = (root / "content").as_uri() + "/"
    cold, alone, mkdocs = [], [], []
    for _ in range(repeat):
        cold.append(measure(lkjip("build", "--force", "--root", str(root)), ROOT))
        alone.append(measure([PY, "-c", WEASYPRINT_ALONE, str(html), base,
                              str(work / f"{name}-alone.pdf")], ROOT))
        mkdocs.append(measure([PY, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml"),
                               "-d", str(work / f"{name}-mkdocs")], root))
    warm = [measure(lkjip("build", "--root", str(root)), ROOT) for _ in range(5)]
    check = [measure(lkjip("check", "--root", str(root)), ROOT) for _ in range(5)]
    b, w, m = median(cold), median(alone), median(mkdocs)
    pdf = next((root / "dist").glob("*.pdf"), None)
    pages = _pages(pdf) if pdf else "?"
    return [
        f"{name} ({pages} halaman PDF; median dari {repeat} putaran berselang-seling)",
        row("lkjip build (dingin, --force)", b),
        row("WeasyPrint saja (HTML cetak yang sama)", w),
        row("mkdocs build saja", m),
        f"  {'rasio build / (WeasyPrint + MkDocs)':<42} {b.seconds / (w.seconds + m.seconds):8.2f}",
        row("lkjip build lagi, tanpa perubahan", median(warm)),
        row("lkjip check", median(check)),
    ]


def _pages(pdf: Path) -> str:
    try:
        from pypdf import PdfReader
    except ImportError:
        return "?"
    return str(len(PdfReader(pdf).pages))


def bench_history(history: Path, limit: float, repeat: int = 3) -> list[str]:
    env = {**os.environ, "HOME": str(history.parent), "GIT_CONFIG_NOSYSTEM": "1"}
    last = subprocess.run(["git", "branch", "--list", "review/*", "--format=%(refname:short)"],
                          cwd=history, capture_output=True, text=True, check=True).stdout.split()
    last_round = max(last, key=lambda b: int(b.rsplit("/", 1)[1]))
    count = len(last)

    def timed(*args: str) -> Run:
        """The median of ``repeat`` runs; a run stopped at ``limit`` is not repeated."""
        runs = [measure(lkjip(*args), history, env, limit)]
        while runs[-1].code != -9 and len(runs) < repeat:
            runs.append(measure(lkjip(*args), history, env, limit))
        return median(runs)

    return [
        f"riwayat {count} putaran (semua digabung ke main; median dari {repeat} kali)",
        row(f"lkjip verify {last_round}", timed("verify", last_round)),
        row("lkjip status (semua putaran tahun ini)", timed("status")),
        row("lkjip verify --branch main", timed("verify", "--branch", "main")),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="cold builds per report")
    parser.add_argument("--rounds", type=int, default=500, help="rounds in the history")
    parser.add_argument("--history", type=Path, help="reuse a repository from history.py")
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--skip-history", action="store_true",
                        help="only the builds (no generated history of rounds)")
    parser.add_argument("--limit", type=float, default=120,
                        help="stop a history step after this many seconds")
    args = parser.parse_args()
    sys.path.insert(0, str(BENCH))
    from generate import generate

    with tempfile.TemporaryDirectory(prefix="lkjip-bench-") as tmp:
        work = Path(tmp)
        print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU", flush=True)
        for line in bench_report("repositori", ROOT, work, args.repeat):
            print(line, flush=True)
        if not args.skip_large:
            large = generate(work / "besar-sumber")
            for line in bench_report("besar", large, work, max(1, args.repeat - 2)):
                print(line, flush=True)
        if args.skip_history:
            return
        history = args.history
        if history is None:
            started = time.perf_counter()
            subprocess.run([PY, str(BENCH / "history.py"), str(work / "hist" / "repo"),
                            "--rounds", str(args.rounds)], check=True,
                           env={**os.environ, "HOME": str(work / "hist"),
                                "GIT_CONFIG_NOSYSTEM": "1"})
            history = work / "hist" / "repo"
            print(f"(riwayat dibuat dalam {time.perf_counter() - started:.0f} s)", flush=True)
        for line in bench_history(history, args.limit):
            print(line, flush=True)


if __name__ == "__main__":
    main()
