"""How long ``lkjip check`` takes on the repository: ``python benchmarks/check.py``.

Prints the check itself (in-process, median of several runs, imports already warm) and the
whole command as an author's commit hook runs it (a new process: imports included).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.check import check_project  # noqa: E402


def check_seconds(root: Path = ROOT, *, complete: bool = False, runs: int = 20) -> float:
    """Median seconds of :func:`check_project` on ``root`` (after one warm-up run)."""
    check_project(root, complete=complete)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        check_project(root, complete=complete)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def command_seconds(root: Path = ROOT, *, runs: int = 5) -> float:
    """Median wall-clock seconds of ``python -m pipeline check`` in a new process."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pipeline", "check", "--root", str(root)],
                       cwd=ROOT, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    print(f"check_project:             {check_seconds() * 1000:7.1f} ms")
    print(f"check_project (--lengkap): {check_seconds(complete=True) * 1000:7.1f} ms")
    print(f"lkjip check (proses baru): {command_seconds() * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
