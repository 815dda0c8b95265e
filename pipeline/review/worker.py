"""The child process that renders revisions nobody has approved yet (see :mod:`.isolation`).

Started as ``python -I -c ... <request.json>``; reads the request (folders written from Git
trees, a name for each, whether to run the check), renders each with the same code as
``lkjip diff`` would in-process, and writes one JSON answer to stdout. A failure of one
revision is that revision's error, in the user's words; nothing here writes files.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pipeline.errors import UserError


def render_one(folder: Path, name: str, check: bool) -> dict[str, Any]:
    from pipeline.review.redline import render_version

    answer: dict[str, Any] = {"name": name}
    try:
        version = render_version(folder, name)
    except UserError as exc:
        answer["error"] = str(exc)
    else:
        answer["figures"] = version.figures
        answer["chapters"] = [
            {"src": c.src, "title": c.title, "html": c.html, "error": c.error}
            for c in version.chapters
        ]
    if check:
        from pipeline.check import check_project

        try:
            answer["problems"] = [[p.path, p.line, p.message]
                                  for p in check_project(folder, complete=True)]
        except UserError as exc:
            answer["check_error"] = str(exc)
    return answer


def main(request_file: str) -> int:
    request = json.loads(Path(request_file).read_text(encoding="utf-8"))
    answers = [render_one(Path(item["folder"]), item["name"], bool(item.get("check")))
               for item in request["revisions"]]
    json.dump({"revisions": answers}, sys.stdout)
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
