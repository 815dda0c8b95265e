"""The SOP as data: roles, steps, the order of parafs and the time standards (mutu baku).

The default is the Landak Inspektorat's SOP (``sop_landak.yaml``, package data); a repository
may describe its own at ``sop/sop.yaml``. Everything the workflow decides about order, turns
and return addressees comes from a :class:`Sop`, never from code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from importlib import resources

import yaml

from pipeline.errors import UserError
from pipeline.messages import workflow as msg
from pipeline.workflow.worktime import OfficeHours, parse_office_hours

SOP_PATH = "sop/sop.yaml"
ACTIONS = ("start", "submit", "paraf", "sign", "merge", "agenda", "minutes", "deliver")
RECORD_ACTIONS = ("agenda", "minutes", "deliver")  # steps recorded on the records branch
APPROVALS = ("paraf", "sign")

_UNITS = {
    "m": 60, "menit": 60, "min": 60,
    "h": 3600, "j": 3600, "jam": 3600,
    "d": 86400, "hari": 86400,
}
_DURATION = re.compile(r"^\s*(\d+)\s*([a-zA-Z]+)\s*$")


@dataclass(frozen=True)
class RoleInfo:
    key: str
    title: str
    many: bool = False  # several holders at once (irban, staf)


@dataclass(frozen=True)
class Step:
    number: int
    roles: tuple[str, ...]
    activity: str
    time_standard: timedelta
    output: str = ""
    action: str | None = None
    returns_to: tuple[str, ...] = ()

    @property
    def role(self) -> str:
        """The single acting role of an approval step (validated on load)."""
        return self.roles[0]


@dataclass(frozen=True)
class Sop:
    id: str
    title: str
    roles: dict[str, RoleInfo]
    steps: tuple[Step, ...]
    hours: OfficeHours = OfficeHours()  # office days and hours: time standards are working time

    def step(self, action: str) -> Step:
        """The one step carrying ``action`` (start, submit, merge); validated on load."""
        return next(s for s in self.steps if s.action == action)

    def find_step(self, action: str) -> Step | None:
        """The step carrying ``action`` when the SOP has one (merge and the records)."""
        return next((s for s in self.steps if s.action == action), None)

    def step_number(self, number: int) -> Step | None:
        return next((s for s in self.steps if s.number == number), None)

    @property
    def approvals(self) -> tuple[Step, ...]:
        """The paraf steps then the signature step, in the order the chain must follow."""
        return tuple(s for s in self.steps if s.action in APPROVALS)

    def title_of(self, role: str) -> str:
        info = self.roles.get(role)
        return info.title if info else role


def parse_duration(text: object) -> timedelta:
    """``"8 hari"``, ``"2 jam"``, ``"5 menit"`` (or ``8d``, ``2h``, ``5m``) as a timedelta."""
    match = _DURATION.match(str(text))
    if not match or match.group(2).lower() not in _UNITS:
        raise ValueError(str(text))
    return timedelta(seconds=int(match.group(1)) * _UNITS[match.group(2).lower()])


def format_duration(delta: timedelta) -> str:
    """A duration in the SOP's own words, largest unit first (``"2 hari 3 jam"``)."""
    seconds = max(0, int(delta.total_seconds()))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = [f"{days} hari"] * bool(days) + [f"{hours} jam"] * bool(hours)
    parts += [f"{minutes} menit"] * bool(minutes or not parts)
    return " ".join(parts)


def default_sop_text() -> str:
    return resources.files("pipeline.workflow").joinpath("sop_landak.yaml").read_text("utf-8")


def load_sop(text: str | None = None, source: str = SOP_PATH) -> Sop:
    """Parse and validate an SOP definition; ``None`` gives the Landak default."""
    if text is None:
        text, source = default_sop_text(), "sop_landak.yaml"
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        detail = str(exc).splitlines()[0]
        raise UserError(msg.SOP_INVALID.format(path=source, detail=detail)) from None
    return _build_sop(raw, source)


def _fail(source: str, detail: str) -> UserError:
    return UserError(msg.SOP_INVALID.format(path=source, detail=detail))


def _build_sop(raw: object, source: str) -> Sop:
    if not isinstance(raw, dict) or not isinstance(raw.get("roles"), dict):
        raise _fail(source, msg.SOP_NEEDS_ROLES)
    roles = {}
    for key, info in raw["roles"].items():
        info = info or {}
        if not isinstance(info, dict) or not re.fullmatch(r"[a-z][a-z0-9_]*", str(key)):
            raise _fail(source, msg.SOP_BAD_ROLE.format(role=key))
        roles[key] = RoleInfo(key, str(info.get("title", key)), bool(info.get("many", False)))
    steps = []
    for item in raw.get("steps") or []:
        try:
            step = Step(
                number=int(item["number"]),
                roles=tuple(item["roles"]),
                activity=str(item.get("activity", "")),
                time_standard=parse_duration(item["time_standard"]),
                output=str(item.get("output", "")),
                action=item.get("action"),
                returns_to=tuple(item.get("returns_to") or ()),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise _fail(source, msg.SOP_BAD_STEP.format(step=item, detail=exc)) from None
        steps.append(step)
    try:
        hours = parse_office_hours(raw.get("working_time"))
    except ValueError as exc:
        raise _fail(source, msg.SOP_BAD_HOURS.format(detail=exc)) from None
    sop = Sop(str(raw.get("id", "")), str(raw.get("title", "")), roles, tuple(steps), hours)
    problem = sop_problem(sop)
    if problem:
        raise _fail(source, problem)
    return sop


def sop_problem(sop: Sop) -> str | None:
    """What makes an SOP definition unusable for the workflow, or None."""
    numbers = [s.number for s in sop.steps]
    if not numbers or numbers != sorted(set(numbers)):
        return msg.SOP_STEP_NUMBERS
    for step in sop.steps:
        unknown = [r for r in (*step.roles, *step.returns_to) if r not in sop.roles]
        if unknown or not step.roles:
            return msg.SOP_UNKNOWN_ROLE.format(step=step.number, role=", ".join(unknown))
        if step.action is not None and step.action not in ACTIONS:
            return msg.SOP_UNKNOWN_ACTION.format(step=step.number, action=step.action)
        if step.action in APPROVALS and len(step.roles) != 1:
            return msg.SOP_APPROVAL_ONE_ROLE.format(step=step.number)
    for action in ("start", "submit"):
        if sum(s.action == action for s in sop.steps) != 1:
            return msg.SOP_NEEDS_ACTION.format(action=action)
    for action in ("merge", *RECORD_ACTIONS):
        if sum(s.action == action for s in sop.steps) > 1:
            return msg.SOP_NEEDS_ACTION.format(action=action)
    approvals = [s.action for s in sop.steps if s.action in APPROVALS]
    if not approvals or approvals[-1] != "sign" or approvals.count("sign") != 1:
        return msg.SOP_SIGN_LAST
    roles = [s.role for s in sop.approvals]
    if len(set(roles)) != len(roles):
        return msg.SOP_APPROVAL_ROLES_DISTINCT
    return None


# --- small pure rules ---------------------------------------------------------------------


def next_approval(sop: Sop, given: int) -> Step | None:
    """The approval step whose turn it is after ``given`` valid approvals (None: complete)."""
    steps = sop.approvals
    return steps[given] if given < len(steps) else None


def return_addressees(sop: Sop, step: Step) -> tuple[str, ...]:
    """Who receives the draft when ``step`` returns it (the SOP's "dikembalikan kepada")."""
    return step.returns_to
