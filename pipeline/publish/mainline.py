"""``main`` as a whole: read its facts from the trust anchor and judge them (``verify_main``).

The server hook passes the pushed tip before the ref moves; the CLI passes the ``main`` ref.
Both get the same :class:`~pipeline.workflow.verify.MainVerdict` and the same words.
"""

from __future__ import annotations

import pygit2

from pipeline.workflow.facts import main_facts
from pipeline.workflow.verify import MainVerdict, verify_main


def judge_main(repo: pygit2.Repository, tip: pygit2.Oid | str) -> MainVerdict:
    return verify_main(main_facts(repo, tip))


def problem_lines(verdict: MainVerdict, indent: str = "  - ") -> str:
    return "\n".join(f"{indent}{p}" for p in verdict.problems)
