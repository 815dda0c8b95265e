"""Strict parsing of raw commit objects and of lkjip's trailers (pure, no Git access).

Git is lenient: it ignores unknown headers, reads only the first ``gpgsig`` and accepts an
``encoding`` it then half-honours. lkjip accepts exactly the headers ``git commit -S`` with
``gpg.format=ssh`` writes, once each, so that what is signed is exactly what is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.messages import workflow as msg

TRAILER_PREFIX = "Lkjip-"
# Trailers lkjip writes; any other Lkjip-* trailer is refused (fail closed).
TRAILER_KEYS = ("Action", "Year", "Round", "Step", "Role", "Name", "NIP", "Decision", "Base",
                "Draft", "To", "Areas")
_IDENT = re.compile(r"^(?P<name>[^<>\n]*) <(?P<email>[^<>\n]*)> (?P<time>\d+) (?P<tz>[+-]\d{4})$")
_OID = re.compile(r"^[0-9a-f]{40}$")
_TRAILER = re.compile(r"^([A-Za-z0-9-]+): (.*)$")


@dataclass(frozen=True)
class Ident:
    name: str
    email: str
    time: int  # seconds since the epoch: a claim by whoever wrote the commit
    offset: str


@dataclass(frozen=True)
class ParsedCommit:
    tree: str
    parents: tuple[str, ...]
    author: Ident
    committer: Ident
    message: str
    signature: str | None  # the armoured gpgsig value, or None when unsigned
    payload: bytes  # the bytes the signature must cover: the object without gpgsig
    trailers: dict[str, str] = field(default_factory=dict)  # Lkjip-* only, prefix removed


class CommitFormatError(ValueError):
    """The commit object is not one lkjip accepts; the message says why (user-facing)."""


def parse_commit(raw: bytes) -> ParsedCommit:
    """Parse a raw commit object, refusing anything ``git commit -S`` would not write."""
    head, sep, body = raw.partition(b"\n\n")
    if not sep:
        raise CommitFormatError(msg.COMMIT_NO_MESSAGE)
    lines = head.split(b"\n")
    headers: list[tuple[str, list[bytes]]] = []
    for line in lines:
        if line.startswith(b" "):
            if not headers:
                raise CommitFormatError(msg.COMMIT_BAD_HEADER.format(header="(lanjutan)"))
            headers[-1][1].append(line[1:])
            continue
        name, space, value = line.partition(b" ")
        if not space:
            raise CommitFormatError(msg.COMMIT_BAD_HEADER.format(header=_show(name)))
        headers.append((_show(name), [value]))

    order = [name for name, _ in headers]
    if order.count("gpgsig") > 1:
        raise CommitFormatError(msg.COMMIT_DUPLICATE_SIGNATURE)
    allowed_order = re.fullmatch(r"tree (parent )*author committer (gpgsig )?",
                                 "".join(n + " " for n in order))
    if not allowed_order:
        unknown = [n for n in order if n not in ("tree", "parent", "author", "committer")]
        raise CommitFormatError(
            msg.COMMIT_UNEXPECTED_HEADERS.format(headers=", ".join(unknown) or ", ".join(order))
        )
    for name, values in headers:
        if name != "gpgsig" and len(values) != 1:
            raise CommitFormatError(msg.COMMIT_BAD_HEADER.format(header=name))
    try:
        decoded = [(name, [v.decode("utf-8") for v in values]) for name, values in headers]
        message = body.decode("utf-8")
    except UnicodeDecodeError:
        raise CommitFormatError(msg.COMMIT_NOT_UTF8) from None
    text = {name: values for name, values in decoded if name != "parent"}
    tree = text["tree"][0]
    parents = tuple(values[0] for name, values in decoded if name == "parent")
    for oid in (tree, *parents):
        if not _OID.match(oid):
            raise CommitFormatError(msg.COMMIT_BAD_HEADER.format(header="tree/parent"))
    signature = None
    payload = raw
    if "gpgsig" in text:
        signature = "\n".join(text["gpgsig"]) + "\n"
        # The signed payload is the object with the gpgsig header (and its continuation
        # lines) removed, exactly as git computes it.
        kept = [line for name, values in headers if name != "gpgsig"
                for line in [name.encode() + b" " + values[0], *(b" " + v for v in values[1:])]]
        payload = b"\n".join(kept) + b"\n\n" + body
    return ParsedCommit(
        tree=tree,
        parents=parents,
        author=_ident(text["author"][0]),
        committer=_ident(text["committer"][0]),
        message=message,
        signature=signature,
        payload=payload,
        trailers=parse_trailers(message),
    )


def _show(name: bytes) -> str:
    return name.decode("utf-8", "replace")[:40]


def _ident(value: str) -> Ident:
    match = _IDENT.match(value)
    if not match:
        raise CommitFormatError(msg.COMMIT_BAD_HEADER.format(header="author/committer"))
    return Ident(match["name"], match["email"], int(match["time"]), match["tz"])


def parse_trailers(message: str) -> dict[str, str]:
    """The ``Lkjip-*`` trailers of the message's last paragraph (prefix removed).

    Refuses (CommitFormatError) a repeated or unknown ``Lkjip-*`` key, or one outside the
    last paragraph, so a message cannot say two things at once.
    """
    paragraphs = [p for p in message.strip("\n").split("\n\n") if p.strip()]
    if not paragraphs:
        return {}
    last = paragraphs[-1].split("\n")
    trailers: dict[str, str] = {}
    is_trailer_block = all(_TRAILER.match(line) for line in last)
    for body_line in "\n".join(paragraphs[:-1] if is_trailer_block else paragraphs).split("\n"):
        if body_line.startswith(TRAILER_PREFIX):
            raise CommitFormatError(msg.COMMIT_TRAILER_MISPLACED.format(line=body_line[:60]))
    if not is_trailer_block:
        return {}
    for line in last:
        match = _TRAILER.match(line)
        assert match  # checked above
        key, value = match.groups()
        if not key.startswith(TRAILER_PREFIX):
            continue
        short = key[len(TRAILER_PREFIX):]
        if short not in TRAILER_KEYS or short in trailers:
            raise CommitFormatError(msg.COMMIT_BAD_TRAILER.format(key=key))
        trailers[short] = value.strip()
    return trailers


def format_message(subject: str, body: str, trailers: dict[str, str]) -> str:
    """A commit message: subject, optional body, then the ``Lkjip-*`` trailer block."""
    for key, value in trailers.items():
        if key not in TRAILER_KEYS or "\n" in value:
            raise ValueError(key)
    block = "\n".join(f"{TRAILER_PREFIX}{k}: {v}" for k, v in trailers.items())
    # A body line that looks like a trailer would be refused by parse_trailers; indent it.
    safe_body = "\n".join(
        "  " + line if line.startswith(TRAILER_PREFIX) else line
        for line in body.strip().split("\n")
    ).strip("\n")
    parts = [subject.strip()] + ([safe_body] if safe_body.strip() else []) + [block]
    return "\n\n".join(parts) + "\n"
