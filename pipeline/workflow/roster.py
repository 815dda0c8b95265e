"""The roster: who holds which SOP role, identified by an SSH public key.

Stored in the repository at ``sop/roster.yaml``; a change to it is content like any other and
reaches ``main`` only through an approved round. Identity is the key: names and NIPs are what
people read, the key is what the workflow trusts.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import struct
import unicodedata
from dataclasses import dataclass, replace

import yaml

from pipeline.data.yamlfile import parse_yaml
from pipeline.errors import UserError
from pipeline.messages import workflow as msg
from pipeline.textfile import MAX_BYTES
from pipeline.workflow.sop import Sop

ROSTER_PATH = "sop/roster.yaml"
KEY_TYPES = (
    "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
)
ROSTER_HEADER = """\
# Daftar pejabat dan pegawai yang berperan dalam SOP penyusunan LKjIP, dengan kunci SSH
# masing-masing. Jangan disunting dengan tangan: gunakan `lkjip roster add/remove`.
# Perubahan berkas ini baru berlaku setelah masuk ke main melalui putaran yang disetujui.
"""


@dataclass(frozen=True)
class PublicKey:
    """An SSH public key: its type and base64 blob (the comment is dropped)."""

    type: str
    blob: str

    @property
    def openssh(self) -> str:
        return f"{self.type} {self.blob}"

    @property
    def fingerprint(self) -> str:
        digest = hashlib.sha256(base64.b64decode(self.blob)).digest()
        return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")


def parse_public_key(text: str) -> PublicKey:
    """Parse one OpenSSH public key line; ValueError if it is not one."""
    parts = text.strip().split()
    if len(parts) < 2 or parts[0] not in KEY_TYPES:
        raise ValueError("not an OpenSSH public key")
    try:
        blob = base64.b64decode(parts[1], validate=True)
    except binascii.Error:
        raise ValueError("bad base64") from None
    # The blob starts with its own type string; a mismatch means a damaged or forged line.
    if len(blob) < 4:
        raise ValueError("short key")
    (length,) = struct.unpack(">I", blob[:4])
    if blob[4:4 + length] != parts[0].encode():
        raise ValueError("key type mismatch")
    return PublicKey(parts[0], parts[1])


def normalize_nip(text: str) -> str:
    """NIP without the spaces people write in it (``19740705 200604 1 007``).

    Exactly 18 ASCII digits: Python's ``\\d`` also matches fullwidth and other scripts'
    digits, which would let two different NIPs look the same.
    """
    nip = re.sub(r"[ \t]+", "", str(text))
    if not re.fullmatch(r"[0-9]{18}", nip, re.ASCII):
        raise UserError(msg.ROSTER_BAD_NIP.format(nip=text))
    return nip


def plain_text(text: object, what: str, *, allow_empty: bool = False) -> str:
    """A name or jabatan as shown to people: no control or invisible format characters
    (line breaks, bidi overrides, zero-width joiners), which could make two entries look alike
    or a line look like something else. ValueError names the first bad character."""
    value = str(text)
    for char in value:
        if unicodedata.category(char)[0] in "CZ" and char != " ":
            raise ValueError(msg.ROSTER_CONTROL_CHAR.format(what=what, code=f"U+{ord(char):04X}"))
    if not value.strip() and not allow_empty:
        raise ValueError(msg.ROSTER_EMPTY_FIELD.format(what=what))
    return value


@dataclass(frozen=True)
class Person:
    nip: str
    name: str
    jabatan: str
    roles: tuple[str, ...]
    key: PublicKey


@dataclass(frozen=True)
class Roster:
    people: tuple[Person, ...] = ()

    def by_key(self, key: PublicKey) -> Person | None:
        return next((p for p in self.people if p.key == key), None)

    def by_nip(self, nip: str) -> Person | None:
        return next((p for p in self.people if p.nip == nip), None)

    def holders(self, role: str) -> tuple[Person, ...]:
        return tuple(p for p in self.people if role in p.roles)

    def holds(self, key: PublicKey, role: str) -> bool:
        person = self.by_key(key)
        return person is not None and role in person.roles

    def add(self, sop: Sop, *, role: str, name: str, nip: str, jabatan: str,
            key: PublicKey) -> Roster:
        """A roster with ``role`` given to the person; refuses conflicting entries."""
        if role not in sop.roles:
            raise UserError(msg.ROSTER_UNKNOWN_ROLE.format(role=role, roles=", ".join(sop.roles)))
        owner = self.by_key(key)
        if owner is not None and owner.nip != nip:
            raise UserError(msg.ROSTER_KEY_TAKEN.format(name=owner.name, nip=owner.nip))
        if not sop.roles[role].many:
            current = [p for p in self.holders(role) if p.nip != nip]
            if current:
                raise UserError(msg.ROSTER_ROLE_TAKEN.format(
                    role=role, name=current[0].name, nip=current[0].nip))
        person = self.by_nip(nip)
        if person is None:
            added = Person(nip, name, jabatan, (role,), key)
            return Roster((*self.people, added))
        if person.key != key:
            raise UserError(msg.ROSTER_OTHER_KEY.format(name=person.name, nip=nip))
        if role in person.roles:
            raise UserError(msg.ROSTER_ALREADY.format(name=person.name, role=role))
        updated = replace(person, roles=(*person.roles, role))
        return Roster(tuple(updated if p is person else p for p in self.people))

    def remove(self, nip: str) -> Roster:
        if self.by_nip(nip) is None:
            raise UserError(msg.ROSTER_NO_SUCH_NIP.format(nip=nip))
        return Roster(tuple(p for p in self.people if p.nip != nip))


def effective_roster(at_base: Roster, later: list[Roster]) -> Roster:
    """The roster that judges a round: the one at its base, less every (key, role) pair that
    a later roster on main dropped. Additions after the base never count; removals do."""
    people = []
    for person in at_base.people:
        roles = tuple(
            r for r in person.roles if all(v.holds(person.key, r) for v in later)
        )
        if roles:
            people.append(replace(person, roles=roles))
    return Roster(tuple(people))


# The namespaces a roster key may sign in: commits and tags (git's own) and release archives
# (``lkjip release``). One allowed-signers file then serves ``git verify-commit`` and
# ``lkjip verify-archive --allowed-signers`` alike.
SIGNER_NAMESPACES = ("git", "lkjip-archive")


def allowed_signers(roster: Roster, namespaces: tuple[str, ...] = SIGNER_NAMESPACES) -> str:
    """The roster in ssh-keygen's allowed-signers format (principal = NIP), as git's
    ``gpg.ssh.allowedSignersFile`` and ``lkjip verify-archive --allowed-signers`` read it."""
    spec = ",".join(namespaces)
    lines = [f'{p.nip} namespaces="{spec}" {p.key.openssh}' for p in roster.people]
    return "".join(line + "\n" for line in lines)


def _load_yaml(text: str, source: str) -> object:
    """The roster's YAML through the data loader: the same size, node and depth limits,
    duplicate keys refused, no Python tags."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise UserError(msg.ROSTER_INVALID.format(path=source, detail=msg.ROSTER_TOO_LARGE.format(
            limit=MAX_BYTES)))
    if all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None
    doc, problems = parse_yaml(text, source)
    if problems or doc is None:
        first = problems[0] if problems else None
        detail = (f"baris {first.line}: {first.message}" if first and first.line
                  else first.message if first else "?")
        raise UserError(msg.ROSTER_INVALID.format(path=source, detail=detail))
    return doc.value


def role_count_problem(roster: Roster, sop: Sop) -> str | None:
    """A role the SOP does not know, or more holders of a role than the SOP allows
    (one Inspektur, one Sekretaris, one Kasubbag Perencanaan in the Landak SOP)."""
    for person in roster.people:
        unknown = [r for r in person.roles if r not in sop.roles]
        if unknown:
            return msg.ROSTER_UNKNOWN_ROLE.format(role=unknown[0], roles=", ".join(sop.roles))
    for key, info in sop.roles.items():
        holders = roster.holders(key)
        if not info.many and len(holders) > 1:
            return msg.ROSTER_TOO_MANY_HOLDERS.format(
                role=info.title, names=", ".join(f"{p.name} (NIP {p.nip})" for p in holders))
    return None


def parse_roster(text: str | None, source: str = ROSTER_PATH, sop: Sop | None = None) -> Roster:
    """Parse and validate the roster file; ``None`` (no file) is the empty roster.

    With ``sop``, every role must be one of its roles and a single-holder role (``many`` not
    set) may have one holder only: the roster cannot grant what the SOP does not.
    """
    if text is None:
        return Roster()
    raw = _load_yaml(text, source)
    if raw is None:
        return Roster()
    if not isinstance(raw, dict) or not isinstance(raw.get("people", []), list):
        raise UserError(msg.ROSTER_INVALID.format(path=source, detail=msg.ROSTER_NEEDS_PEOPLE))
    people: list[Person] = []
    for n, item in enumerate(raw.get("people") or [], start=1):
        try:
            roles = item["roles"]
            if not isinstance(roles, list) or not roles:
                raise ValueError("roles")
            person = Person(
                nip=normalize_nip(item["nip"]),
                name=plain_text(item["name"], "nama"),
                jabatan=plain_text(item.get("jabatan", ""), "jabatan", allow_empty=True),
                roles=tuple(str(r) for r in roles),
                key=parse_public_key(str(item["key"])),
            )
        except (KeyError, TypeError, ValueError, UserError) as exc:
            detail = msg.ROSTER_BAD_ENTRY.format(n=n, detail=exc)
            raise UserError(msg.ROSTER_INVALID.format(path=source, detail=detail)) from None
        for other in people:
            if other.nip == person.nip or other.key == person.key:
                detail = msg.ROSTER_DUPLICATE.format(n=n)
                raise UserError(msg.ROSTER_INVALID.format(path=source, detail=detail))
        people.append(person)
    roster = Roster(tuple(people))
    problem = role_count_problem(roster, sop) if sop is not None else None
    if problem:
        raise UserError(msg.ROSTER_INVALID.format(path=source, detail=problem))
    return roster


def dump_roster(roster: Roster) -> str:
    data = {"people": [
        {"nip": p.nip, "name": p.name, "jabatan": p.jabatan, "roles": list(p.roles),
         "key": p.key.openssh}
        for p in roster.people
    ]}
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    return ROSTER_HEADER + body
