"""Problems as data: ``lkjip check --format json|github|gitlab``.

- ``json``: a list of ``{"path", "line", "message"}``;
- ``github``: workflow commands (``::error file=...,line=...::message``) that GitHub, Gitea and
  Forgejo Actions show as annotations on the changed lines of a pull request;
- ``gitlab``: a Code Quality report (JSON), which GitLab shows in the merge request's diff.
"""

from __future__ import annotations

import hashlib
import json

from pipeline.errors import Problem

FORMATS = ("teks", "json", "github", "gitlab")


def render(problems: list[Problem], kind: str) -> str:
    if kind == "json":
        return json.dumps([{"path": p.path, "line": p.line, "message": p.message}
                           for p in problems], ensure_ascii=False, indent=2)
    if kind == "github":
        return "\n".join(_github(p) for p in problems)
    if kind == "gitlab":
        return json.dumps([_gitlab(p) for p in problems], ensure_ascii=False, indent=2)
    return "\n".join(map(str, problems))


def _escape(text: str, *, prop: bool = False) -> str:
    # The escaping GitHub's toolkit uses for workflow command data and properties.
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def _github(problem: Problem) -> str:
    where = f"file={_escape(problem.path, prop=True)}"
    if problem.line:
        where += f",line={problem.line}"
    return f"::error {where}::{_escape(problem.message)}"


def _gitlab(problem: Problem) -> dict[str, object]:
    fingerprint = hashlib.sha256(str(problem).encode("utf-8")).hexdigest()
    return {"description": problem.message, "check_name": "lkjip-check",
            "fingerprint": fingerprint, "severity": "major",
            "location": {"path": problem.path, "lines": {"begin": problem.line or 1}}}
