"""Provenance of a released PDF as plain values: the lembar pengesahan and embedded files.

Rendering never talks to Git: :mod:`pipeline.publish.release` reads the approval chain and
passes it here as strings. :func:`approval_sheet` is the HTML of the lembar pengesahan (the
paraf chain: role, name, NIP, date, and the commit the PDF was built from), made from the
autoescaped template ``templates/approval_sheet.html``; :class:`EmbeddedFile` is a file to
attach to a PDF/A-3b (data YAML, the source manifest).

The sheet reserves an empty box (:data:`SIGNATURE_BOX`) above the signatory's name and NIP.
The box is part of every release PDF, signed or not, so the unsigned PDF stays the same bytes;
``lkjip release --tte`` then places the visible PAdES signature (QR code, name, NIP, date) on
it in an incremental update (:mod:`pipeline.publish.tte` finds it by its named destination).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import jinja2

from pipeline.formatting import spaced_nip
from pipeline.messages import publish as msg
from pipeline.messages import tte as tte_msg


@dataclass(frozen=True)
class ApprovalRow:
    step: str  # SOP step number
    action: str  # "Paraf", "Tanda tangan", ...
    role: str  # role title
    name: str
    nip: str
    date: str  # already formatted for people (from the commit, not the clock)
    rank: str = ""  # pangkat/golongan, when the data names it


@dataclass(frozen=True)
class EmbeddedFile:
    name: str
    data: bytes
    description: str
    mime: str = "application/octet-stream"


@dataclass(frozen=True)
class SignatureBox:
    """Where the visible signature goes: an element id (a named destination in the PDF)."""

    id: str
    width_mm: float
    height_mm: float

    @property
    def width_pt(self) -> float:
        return self.width_mm * 72 / 25.4

    @property
    def height_pt(self) -> float:
        return self.height_mm * 72 / 25.4


SIGNATURE_BOX = SignatureBox("tte-inspektur", 85, 32)


@lru_cache(maxsize=1)
def _templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).with_name("templates")),
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=False)


def _printed(row: ApprovalRow) -> ApprovalRow:
    return replace(row, nip=spaced_nip(row.nip))


def approval_sheet(rows: list[ApprovalRow], commit: str, tree: str, round_name: str,
                   signatory: ApprovalRow | None = None) -> str:
    """The lembar pengesahan as an HTML section (printed after the cover).

    ``signatory`` is the row of the head's signature (the Inspektur): with it the sheet ends
    with the signature block and its empty box for the electronic signature. NIPs are printed
    spaced, the pangkat/golongan under the name; the commit and tree each on a line of their
    own in a monospaced font (never inside justified text).
    """
    return _templates().get_template("approval_sheet.html").render(
        title=msg.SHEET_TITLE, intro=msg.SHEET_INTRO.format(round=round_name),
        columns=msg.SHEET_COLUMNS, rows=[_printed(r) for r in rows],
        signatory=_printed(signatory) if signatory else None, box=SIGNATURE_BOX,
        approved=tte_msg.SHEET_APPROVED, provenance=msg.SHEET_PROVENANCE,
        hashes=((msg.SHEET_COMMIT_LABEL, commit), (msg.SHEET_TREE_LABEL, tree)))
