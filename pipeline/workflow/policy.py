"""Seen before approved: what a round changes outside ``content/`` and ``data/``.

A round is meant to change the report: its chapters (``content/``) and its data (``data/``).
Anything else it changes can change who may approve (the roster, the SOP definition), how
the report is built (``mkdocs.yml``, the lkjip code), what CI does, or how git treats files
(``.gitattributes``). Such changes must be named to the reviewer before the paraf
(design.md, invariant 9), on the review page, in ``lkjip diff``, ``lkjip verify`` and
``lkjip status``, with the same words.

The rules here are pure: :func:`policy_changes` takes the paths that differ between the
round's base tree on main and the round's tree, and the roster files on both sides, and
returns a :class:`PolicyChanges`; :func:`describe` gives its wording in Bahasa Indonesia.
:func:`pipeline.workflow.facts.read_policy_changes` reads both trees from a repository.

The hand-off commit records the areas it changes in its ``Lkjip-Areas`` trailer
(:func:`areas_trailer`), so the signed chain covers them; ``verify_round`` refuses a hand-off
whose trailer does not match its tree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.errors import UserError
from pipeline.messages import workflow as msg
from pipeline.workflow.roster import ROSTER_PATH, Person, Roster, parse_roster
from pipeline.workflow.sop import SOP_PATH, Sop

# Areas outside content/ and data/, in the order they are shown (most consequential first).
ROSTER, SOP, MKDOCS, CI, GITATTRIBUTES, CODE, OTHER = (
    "roster", "sop", "mkdocs", "ci", "gitattributes", "code", "other")
AREAS = (ROSTER, SOP, MKDOCS, CI, GITATTRIBUTES, CODE, OTHER)
NO_AREAS = "none"  # the Lkjip-Areas value of a hand-off that changes only content and data
REPORT_FOLDERS = ("content/", "data/")
_CI = (".github/", ".gitea/", ".forgejo/", ".gitlab/", ".gitlab-ci.yml", ".woodpecker",
       ".drone.yml", "Jenkinsfile")
_CODE = ("pipeline/", "tests/", "benchmarks/", "pyproject.toml", "setup.py", "setup.cfg",
         "bootstrap.sh", ".pre-commit-config.yaml", ".pre-commit-hooks.yaml", "requirements")


def area_of(path: str) -> str | None:
    """The area a changed path belongs to, or None for the report's own content and data."""
    if path.startswith(REPORT_FOLDERS):
        return None
    name = path.rsplit("/", 1)[-1]
    if path == ROSTER_PATH:
        return ROSTER
    if path == SOP_PATH or path.startswith("sop/"):
        return SOP
    if path in ("mkdocs.yml", "mkdocs.yaml"):
        return MKDOCS
    if name == ".gitattributes":
        return GITATTRIBUTES
    if path.startswith(_CI):
        return CI
    if path.startswith(_CODE):
        return CODE
    return OTHER


@dataclass(frozen=True)
class RosterDelta:
    """Who the round's roster adds, removes, gives other roles or another key."""

    added: tuple[Person, ...] = ()
    removed: tuple[Person, ...] = ()
    roles_changed: tuple[tuple[Person, Person], ...] = ()  # (at the base, in the round)
    key_changed: tuple[tuple[Person, Person], ...] = ()
    renamed: tuple[tuple[Person, Person], ...] = ()  # name or jabatan differ
    error: str | None = None  # the round's roster is refused by the parser (why)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.roles_changed or self.key_changed
                    or self.renamed or self.error)


@dataclass(frozen=True)
class PolicyChanges:
    """What a round changes outside ``content/`` and ``data/``."""

    paths: dict[str, tuple[str, ...]] = field(default_factory=dict)  # area -> changed paths
    roster: RosterDelta | None = None  # set when the roster file changed

    @property
    def areas(self) -> tuple[str, ...]:
        return tuple(a for a in AREAS if self.paths.get(a))

    @property
    def empty(self) -> bool:
        return not self.areas


def roster_delta(old: Roster, new: Roster) -> RosterDelta:
    """Pure: the people added, removed or changed between two rosters (matched by NIP)."""
    added = tuple(p for p in new.people if old.by_nip(p.nip) is None)
    removed = tuple(p for p in old.people if new.by_nip(p.nip) is None)
    roles, keys, renamed = [], [], []
    for before in old.people:
        after = new.by_nip(before.nip)
        if after is None:
            continue
        if set(after.roles) != set(before.roles):
            roles.append((before, after))
        if after.key != before.key:
            keys.append((before, after))
        if (after.name, after.jabatan) != (before.name, before.jabatan):
            renamed.append((before, after))
    return RosterDelta(added, removed, tuple(roles), tuple(keys), tuple(renamed))


def policy_changes(changed: Iterable[str], old_roster: str | None = None,
                   new_roster: str | None = None, sop: Sop | None = None) -> PolicyChanges:
    """Pure: the areas the ``changed`` paths touch, and the roster delta between the roster
    texts at the base and in the round. ``sop``: the SOP the round's roster must satisfy
    (role names and how many may hold each); a roster the parser refuses is reported as
    :attr:`RosterDelta.error`, never parsed leniently."""
    paths: dict[str, list[str]] = {}
    for path in sorted(set(changed)):
        area = area_of(path)
        if area is not None:
            paths.setdefault(area, []).append(path)
    delta = None
    if ROSTER in paths:
        try:
            before = parse_roster(old_roster)
        except UserError:
            before = Roster()  # main's roster is judged elsewhere; compare with nobody
        try:
            after = parse_roster(new_roster, ROSTER_PATH, sop)
        except UserError as exc:
            delta = RosterDelta(error=exc.message)
        else:
            delta = roster_delta(before, after)
    return PolicyChanges({a: tuple(p) for a, p in paths.items()}, delta)


# --- the hand-off's record ----------------------------------------------------------------


def areas_trailer(changes: PolicyChanges) -> str:
    """The ``Lkjip-Areas`` value a hand-off records: the areas, or ``none``."""
    return ", ".join(changes.areas) or NO_AREAS


def parse_areas_trailer(value: str | None) -> tuple[str, ...] | None:
    """The areas a hand-off recorded, in :data:`AREAS` order; None when absent or malformed."""
    if value is None:
        return None
    if value.strip() == NO_AREAS:
        return ()
    items = [v.strip() for v in value.split(",")]
    if not items or any(v not in AREAS for v in items) or len(set(items)) != len(items):
        return None
    return tuple(a for a in AREAS if a in items)


# --- wording ------------------------------------------------------------------------------


def _who(p: Person, sop: Sop | None) -> str:
    roles = ", ".join(sop.title_of(r) if sop else r for r in p.roles)
    return msg.POLICY_PERSON.format(name=p.name, nip=p.nip, roles=roles)


def describe(changes: PolicyChanges, sop: Sop | None = None) -> list[str]:
    """The changes in plain Bahasa Indonesia, one line each, most consequential first; empty
    when the round changes only ``content/`` and ``data/``. ``sop`` gives role titles."""
    if changes.empty:
        return []
    lines = [msg.POLICY_HEADER]
    for area in changes.areas:
        files = changes.paths[area]
        shown = ", ".join(files[:5]) + (msg.POLICY_MORE.format(n=len(files) - 5)
                                        if len(files) > 5 else "")
        lines.append(msg.POLICY_AREA.format(what=msg.POLICY_AREA_NAMES[area], files=shown))
        if area == ROSTER and changes.roster is not None:
            lines += [f"    {line}" for line in _describe_roster(changes.roster, sop)]
    return lines


def _describe_roster(delta: RosterDelta, sop: Sop | None) -> list[str]:
    def title(roles: tuple[str, ...]) -> str:
        return ", ".join(sop.title_of(r) if sop else r for r in roles)

    if delta.error is not None:
        return [msg.POLICY_ROSTER_REFUSED.format(reason=delta.error)]
    lines = [msg.POLICY_ROSTER_ADDED.format(who=_who(p, sop), fingerprint=p.key.fingerprint)
             for p in delta.added]
    lines += [msg.POLICY_ROSTER_REMOVED.format(who=_who(p, sop)) for p in delta.removed]
    lines += [msg.POLICY_ROSTER_ROLES.format(name=a.name, nip=a.nip, before=title(b.roles),
                                             after=title(a.roles))
              for b, a in delta.roles_changed]
    lines += [msg.POLICY_ROSTER_KEY.format(name=a.name, nip=a.nip, before=b.key.fingerprint,
                                           after=a.key.fingerprint)
              for b, a in delta.key_changed]
    lines += [msg.POLICY_ROSTER_RENAMED.format(nip=a.nip, before=f"{b.name} ({b.jabatan})",
                                               after=f"{a.name} ({a.jabatan})")
              for b, a in delta.renamed]
    return lines or [msg.POLICY_ROSTER_SAME]
