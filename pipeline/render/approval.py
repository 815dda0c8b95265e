"""Provenance of a released PDF as plain values: the lembar pengesahan and embedded files.

Rendering never talks to Git: :mod:`pipeline.publish.release` reads the approval chain and
passes it here as strings. :func:`approval_sheet` is the HTML of the lembar pengesahan (the
paraf chain: role, name, NIP, date, and the commit the PDF was built from);
:class:`EmbeddedFile` is a file to attach to a PDF/A-3b (data YAML, the source manifest).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from pipeline.messages import publish as msg


@dataclass(frozen=True)
class ApprovalRow:
    step: str  # SOP step number
    action: str  # "Paraf", "Tanda tangan", ...
    role: str  # role title
    name: str
    nip: str
    date: str  # already formatted for people (from the commit, not the clock)


@dataclass(frozen=True)
class EmbeddedFile:
    name: str
    data: bytes
    description: str
    mime: str = "application/octet-stream"


def approval_sheet(rows: list[ApprovalRow], commit: str, tree: str, round_name: str) -> str:
    """The lembar pengesahan as an HTML section (printed after the cover)."""
    body = "".join(
        f"<tr><td>{escape(r.step)}</td><td>{escape(r.action)}</td><td>{escape(r.role)}</td>"
        f"<td>{escape(r.name)}</td><td>{escape(r.nip)}</td><td>{escape(r.date)}</td></tr>"
        for r in rows
    )
    head = "".join(f"<th>{escape(h)}</th>" for h in msg.SHEET_COLUMNS)
    return (
        '<section class="approval-sheet" id="lembar-pengesahan" '
        'style="page-break-before: always; page-break-after: always">'
        f"<h1>{escape(msg.SHEET_TITLE)}</h1>"
        f"<p>{escape(msg.SHEET_INTRO.format(round=round_name))}</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        f'<p class="provenance">{escape(msg.SHEET_COMMIT.format(commit=commit, tree=tree))}</p>'
        "</section>"
    )
