"""Steps 2, 3, 5 (a return) and 10 of the SOP as records: signed commits on ``catatan/<year>``.

Where they live: not on ``main``. Main's first-parent line holds only ``lkjip start`` and the
signed merges of approved rounds, and a merge is refused when main moved since the round
began; a record made while a round is open would break both rules. So each year's records are
a branch of their own, ``catatan/<year>``: a linear history that starts from nothing (an
orphan branch) and whose every commit adds files under ``records/<year>/`` only, signed like a
paraf (``ssh-keygen -Y sign -n git``, stock ``git verify-commit`` agrees) by the holder of the
role the SOP names for that step. Who may record comes from the roster on main at the record's
``Lkjip-Base`` (a commit of main's first-parent line), less every removal that reached main
since, as for rounds. The server's pre-receive hook refuses deleting or rewriting the branch
and any new commit that does not verify here (:func:`verify_record`).

=========  ======  =============================  ==========================================
action     step    files (under records/<year>/)  by
=========  ======  =============================  ==========================================
agenda     2       02-agenda-rapat-<n>.yaml       the SOP's ``agenda`` step (Sekretaris)
minutes    3       03-notulen-rapat-<n>.md        the SOP's ``minutes`` step (Sekretaris)
data-return 5      05-pengembalian-data-<n>.yaml  the ``submit`` step (Staf), to its returns_to
deliver    10      10-penyerahan-<tag>.yaml       the SOP's ``deliver`` step (Staf), after a
                   (+ 10-tanda-terima-<tag>.<ext>)  release
=========  ======  =============================  ==========================================

:func:`verify_record` is pure (facts and policy in, record or findings out); the rest reads
or writes the repository.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pygit2
import yaml

from pipeline.errors import UserError
from pipeline.messages import format_time
from pipeline.messages import workflow as msg
from pipeline.workflow import gitrepo
from pipeline.workflow.commits import CommitFormatError, format_message, parse_trailers
from pipeline.workflow.facts import MainLine, commit_fact, roster_at, sop_at
from pipeline.workflow.roster import Roster, effective_roster
from pipeline.workflow.signing import SigningKey
from pipeline.workflow.sop import Sop, Step
from pipeline.workflow.verify import CommitFact, Finding, Policy, _identify

RECORDS_DIR = "records"
BRANCH_PREFIX = "catatan/"
DECISION = "recorded"
ACTIONS = ("agenda", "minutes", "data-return", "deliver")
_BRANCH = re.compile(r"^catatan/(\d{4})$")
# The file each kind of record must add (the first group of the name is its number or tag).
MAIN_FILE = {
    "agenda": re.compile(r"^02-agenda-rapat-[1-9]\d*\.yaml$"),
    "minutes": re.compile(r"^03-notulen-rapat-[1-9]\d*\.md$"),
    "data-return": re.compile(r"^05-pengembalian-data-[1-9]\d*\.yaml$"),
    "deliver": re.compile(r"^10-penyerahan-lkjip-[A-Za-z0-9._-]+\.yaml$"),
}
RECEIPT_FILE = re.compile(r"^10-tanda-terima-lkjip-[A-Za-z0-9._-]+\.(pdf|jpg|jpeg|png)$")
REQUIRED = {
    "agenda": ("tanggal", "tempat", "acara"),
    "data-return": ("kepada", "kekurangan"),
    "deliver": ("tag", "commit", "pdf", "sha256_pdf", "kepada", "waktu", "eksemplar"),
}


def branch_name(year: int) -> str:
    return f"{BRANCH_PREFIX}{year}"


def parse_branch(name: str) -> int | None:
    match = _BRANCH.match(name)
    return int(match[1]) if match else None


def step_of(sop: Sop, action: str) -> Step | None:
    """The SOP step a record stands for: a data return is the submit step's "not complete"."""
    return sop.find_step("submit") if action == "data-return" else sop.find_step(action)


# --- facts and the pure rule --------------------------------------------------------------


@dataclass(frozen=True)
class RecordFacts:
    commit: CommitFact
    added: dict[str, bytes]  # path -> content of every file the commit adds
    changed: tuple[str, ...]  # paths it modifies or deletes (never allowed)
    base_ok: bool  # Lkjip-Base is a commit of main's first-parent line


@dataclass(frozen=True)
class Record:
    action: str
    step: int
    role: str
    name: str
    nip: str
    time: int
    commit: str
    fingerprint: str
    path: str  # the record's main file
    files: tuple[str, ...]
    fields: dict = field(default_factory=dict)  # the YAML of the main file (minutes: empty)


def verify_record(facts: RecordFacts, policy: Policy, year: int) -> tuple[Record | None,
                                                                          list[Finding]]:
    """Judge one commit of ``catatan/<year>``: signed by the role the SOP names for its
    step, in the roster in force, adding only the files of its kind under records/<year>/."""
    c, sop = facts.commit, policy.sop
    if c.format_error:
        return None, [Finding("commit-format", c.format_error, c.oid)]
    if len(c.parents) > 1:
        return None, [Finding("record-merge", msg.R_MERGE, c.oid)]
    action = c.trailers.get("Action", "")
    step = step_of(sop, action) if action in ACTIONS else None
    if step is None:
        return None, [Finding("record-unknown", msg.R_NOT_RECORD, c.oid)]
    if not facts.base_ok:
        return None, [Finding("record-base", msg.R_BASE, c.oid)]
    person, finding = _identify(c, policy, None)
    if finding:
        return None, [finding]
    assert person is not None and c.signature is not None and c.signature.key is not None
    kind = msg.RECORD_KINDS[action]
    problems = []
    role = c.trailers.get("Role", "")
    if role not in step.roles or role not in person.roles:
        problems.append(Finding("record-role", msg.R_ROLE.format(
            name=person.name, kind=kind, roles=", ".join(sop.title_of(r) for r in step.roles)),
            c.oid))
    to = ",".join(step.returns_to) if action == "data-return" else None
    if (c.trailers.get("Step") != str(step.number) or c.trailers.get("Decision") != DECISION
            or c.trailers.get("Year") != str(year) or c.trailers.get("To") != to):
        problems.append(Finding("bad-trailers", msg.R_BAD_TRAILERS, c.oid))
    folder = f"{RECORDS_DIR}/{year}"
    names = {p: p.removeprefix(folder + "/") for p in facts.added}
    main = [p for p, n in names.items() if p.startswith(folder + "/")
            and MAIN_FILE[action].match(n)]
    allowed = set(main[:1])
    if action == "deliver":
        allowed |= {p for p, n in names.items() if p.startswith(folder + "/")
                    and RECEIPT_FILE.match(n)}
    wrong = sorted(set(facts.added) - allowed) + sorted(facts.changed)
    if wrong:
        problems.append(Finding("record-paths", msg.R_PATHS.format(
            folder=folder, paths=", ".join(wrong[:5])), c.oid))
    if not main:
        return None, [*problems, Finding("record-file", msg.R_MAIN_FILE.format(
            kind=kind, path=f"{folder}/{MAIN_FILE[action].pattern}"), c.oid)]
    path = main[0]
    fields, detail = _fields(action, facts.added[path])
    if detail:
        problems.append(Finding("record-content", msg.R_CONTENT.format(path=path,
                                                                       detail=detail), c.oid))
    if problems:
        return None, problems
    return Record(action, step.number, role, person.name, person.nip, c.time, c.oid,
                  c.signature.key.fingerprint, path, tuple(sorted(allowed)), fields), []


def _fields(action: str, data: bytes) -> tuple[dict, str | None]:
    """The record's YAML (agenda, data return, delivery), checked for its required keys."""
    if action == "minutes":
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return {}, "UTF-8"
        return {}, None
    try:
        value = yaml.safe_load(data.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError):
        return {}, "YAML"
    if not isinstance(value, dict):
        return {}, "YAML"
    missing = [k for k in REQUIRED[action] if k not in value]
    if missing:
        return {}, ", ".join(missing)
    return value, None


# --- reading ------------------------------------------------------------------------------


def _files(repo: pygit2.Repository, tree: pygit2.Tree,
           prefix: str = "") -> dict[str, tuple[int, str]]:
    """path -> (mode, blob id) of every file of ``tree`` (records branches are small)."""
    found: dict[str, tuple[int, str]] = {}
    for entry in tree:
        path = f"{prefix}{entry.name}"
        if entry.type_str == "tree":
            found.update(_files(repo, repo.get(entry.id), path + "/"))
        else:
            found[path] = (int(entry.filemode), str(entry.id))
    return found


def record_facts(repo: pygit2.Repository, oid: str, main: MainLine,
                 until: int = 0) -> tuple[RecordFacts, Policy]:
    """The facts of one records commit and the policy (SOP, roster) that judges it: the
    roster at its base less every removal on main from there up to ``until`` (an index of
    main's line, newest first; 0: up to main's tip)."""
    fact = commit_fact(repo, oid)
    commit = repo.get(oid)
    new = _files(repo, commit.tree)
    old = _files(repo, repo.get(fact.parents[0]).tree) if fact.parents else {}
    added = {p: repo.get(v[1]).data for p, v in new.items()
             if p not in old and v[0] == int(pygit2.enums.FileMode.BLOB)}
    odd = [p for p, v in new.items() if p not in old and p not in added]  # links, executables
    changed = tuple(sorted({p for p, v in old.items() if new.get(p) != v} | set(odd)))
    base = fact.trailers.get("Base", "")
    index = main.position.get(base)
    facts = RecordFacts(fact, added, changed, index is not None)
    if index is None:
        return facts, Policy(sop_at(repo, main.tip) if main.tip else _default_sop(),
                             Roster(), Roster())
    base_roster = roster_at(repo, base)
    roster = effective_roster(base_roster, main.rosters_between(min(until, index), index))
    return facts, Policy(sop_at(repo, base), roster, base_roster)


def _default_sop() -> Sop:
    from pipeline.workflow.sop import load_sop

    return load_sop()


@dataclass(frozen=True)
class RecordLog:
    year: int
    branch: str | None  # the branch read (local, or remote-tracking), None: no records yet
    records: tuple[Record, ...] = ()  # the valid ones, oldest first
    problems: tuple[Finding, ...] = ()

    def latest(self, *actions: str) -> Record | None:
        found = [r for r in self.records if r.action in actions]
        return found[-1] if found else None


def records_branch(repo: pygit2.Repository, year: int) -> tuple[str, pygit2.Oid] | None:
    """The year's records branch: the local one, else one a remote has."""
    name = branch_name(year)
    local = repo.branches.local.get(name)
    if local is not None:
        return name, local.target
    for remote in sorted(repo.branches.remote):
        if remote.partition("/")[2] == name:
            return remote, repo.branches.remote[remote].target
    return None


def read_records(repo: pygit2.Repository, year: int, main: MainLine | None = None,
                 tip: pygit2.Oid | str | None = None) -> RecordLog:
    """Every commit of the year's records branch judged; the valid records kept (a record
    that does not verify is reported and never counted: fail closed)."""
    if tip is None:
        found = records_branch(repo, year)
        if found is None:
            return RecordLog(year, None)
        branch, tip = found
    else:
        branch = branch_name(year)
    main = main if main is not None else MainLine.of_main(repo)
    records, problems = [], []
    line = list(reversed(gitrepo.first_parent_line(repo, pygit2.Oid(hex=str(tip)))))
    for n, oid in enumerate(line):
        # A removal on main voids the records its key makes afterwards, not the ones an
        # entitled recorder built on since: each record is judged with the removals up to the
        # next record's base; the last one with every removal up to now (fail closed).
        until = _base_index(repo, main, line[n + 1]) if n + 1 < len(line) else 0
        facts, policy = record_facts(repo, oid, main, until)
        record, found = verify_record(facts, policy, year)
        problems += found
        if record is not None:
            records.append(record)
    return RecordLog(year, branch, tuple(records), tuple(problems))


def _base_index(repo: pygit2.Repository, main: MainLine, oid: str) -> int:
    """Where the ``Lkjip-Base`` of commit ``oid`` is on main's line (0: unknown)."""
    try:
        base = parse_trailers(repo.get(oid).message).get("Base", "")
    except CommitFormatError:
        return 0
    return main.position.get(base, 0)


def record_text(repo: pygit2.Repository, record: Record, path: str) -> bytes:
    """The bytes of one file of a record, as its commit holds it."""
    return repo.get(record.commit).tree[path].data


def export_records(repo: pygit2.Repository, year: int, target: Path) -> list[Path]:
    """Write every valid record's files of ``year`` under ``target`` (the archive's
    ``records/``), as ``<year>/<file>``; returns the files written."""
    written = []
    for record in read_records(repo, year).records:
        for path in record.files:
            dest = target / path.removeprefix(f"{RECORDS_DIR}/")
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(record_text(repo, record, path))
            written.append(dest)
    return written


# --- writing ------------------------------------------------------------------------------


def next_number(log: RecordLog, action: str) -> int:
    return sum(r.action == action for r in log.records) + 1


def add_record(repo: pygit2.Repository, key: SigningKey, year: int, action: str,
               files: dict[str, bytes], subject: str, body: str = "") -> Record:
    """Write one record: a signed commit adding ``files`` (paths under records/<year>/) to
    ``catatan/<year>``. Verified before the branch moves; refused when it would not verify."""
    from pipeline.workflow.rounds import _acting, find_starts

    if not any(s.year == year for s in find_starts(repo)):
        raise UserError(msg.CYCLE_NOT_STARTED.format(year=year))
    base = gitrepo.main_tip(repo)
    sop, roster = sop_at(repo, base), roster_at(repo, base)
    kind = msg.RECORD_KINDS[action]
    step = step_of(sop, action)
    if step is None:
        raise UserError(msg.RECORD_NO_STEP.format(kind=kind))
    refusal = msg.RECORD_WRONG_ROLE.format(kind=kind, name="{name}", roles="{roles}")
    person, role = _acting(sop, roster, key, step, refusal)
    found = records_branch(repo, year)
    parent = found[1] if found is not None else None
    local = gitrepo.branch_tip(repo, branch_name(year))
    old = _files(repo, repo.get(parent).tree) if parent is not None else {}
    index = pygit2.Index()
    if parent is not None:
        index.read_tree(repo.get(parent).tree)
    for path, data in files.items():
        if path in old:
            raise UserError(msg.RECORD_EXISTS.format(path=path))
        index.add(pygit2.IndexEntry(path, repo.create_blob(data), pygit2.enums.FileMode.BLOB))
    tree = index.write_tree(repo)
    trailers = {"Action": action, "Year": str(year), "Step": str(step.number), "Role": role,
                "Name": person.name, "NIP": person.nip, "Decision": DECISION,
                "Base": str(base)}
    if action == "data-return":
        trailers["To"] = ",".join(step.returns_to)
    new = gitrepo.create_signed_commit(repo, parent=parent, tree=tree,
                                       message=format_message(subject, body, trailers), key=key)
    facts, policy = record_facts(repo, str(new), MainLine.of_main(repo))
    record, problems = verify_record(facts, policy, year)
    if record is None:
        raise UserError(msg.WOULD_NOT_VERIFY.format(problems="; ".join(map(str, problems))))
    gitrepo.move_branch(repo, branch_name(year), local, new, f"lkjip catat {action} {year}")
    return record


# --- what status and the history page show ------------------------------------------------


def summary(record: Record) -> str:
    """One line saying what the record holds."""
    f = record.fields
    if record.action == "agenda":
        return msg.RECORD_SUMMARY["agenda"].format(
            tanggal=f"{f['tanggal']} {f.get('jam', '')}".strip(), tempat=f["tempat"],
            acara=f["acara"])
    if record.action == "minutes":
        return msg.RECORD_SUMMARY["minutes"].format(berkas=record.path)
    if record.action == "data-return":
        to = f["kepada"]
        return msg.RECORD_SUMMARY["data-return"].format(
            jumlah=len(f["kekurangan"] or []),
            kepada=", ".join(to) if isinstance(to, list) else to)
    return msg.RECORD_SUMMARY["deliver"].format(
        tag=f["tag"], kepada=f["kepada"], eksemplar=f["eksemplar"],
        sha256_pdf_short=str(f["sha256_pdf"])[:16])


@dataclass(frozen=True)
class RecordRow:
    """A record as the history page's table shows it (plain text; the page escapes it)."""

    step: str
    role: str
    kind: str
    name: str
    nip: str
    time: str
    took: str
    standard: str
    over: bool
    summary: str


def record_rows(log: RecordLog, sop: Sop, calendar: object, start: int,
                merges: tuple[int, ...] = ()) -> list[RecordRow]:
    """Each record with its duration in working time against its step's standard: the agenda
    from the cycle's start, the minutes from the agenda, a data return from the minutes (or
    the previous return), a delivery from the last merge before it (``merges``: merge times).
    ``calendar``: a :class:`pipeline.workflow.worktime.Calendar` (the same measure as status).
    """
    from pipeline.workflow.worktime import measure

    rows = []
    previous = start
    for record in log.records:
        since = previous
        if record.action == "deliver":
            since = max([t for t in merges if t <= record.time], default=previous)
        step = sop.step_number(record.step)
        standard = step.time_standard if step is not None else None
        took, std, over = "", "", False
        if standard is not None:
            m = measure(calendar, since, record.time, standard)  # type: ignore[arg-type]
            took, std, over = m.worked_text(), m.standard_text(), m.over
        rows.append(RecordRow(str(record.step), sop.title_of(record.role),
                              msg.RECORD_KINDS[record.action], record.name, record.nip,
                              format_time(record.time), took, std, over, summary(record)))
        previous = record.time
    return rows


# --- the records of steps 2, 3 and 5 --------------------------------------------------------

TEMPLATE_MARKER = "[ISI:"


def cycle_year(repo: pygit2.Repository, year: int | None) -> int:
    """``year``, or the year of the newest cycle started on main."""
    from pipeline.workflow.rounds import find_starts

    starts = find_starts(repo)
    if year is None and starts:
        year = starts[0].year
    if year is None or not any(s.year == year for s in starts):
        raise UserError(msg.CYCLE_NOT_STARTED.format(year=year or "ini"))
    return year


def _folder(year: int) -> str:
    return f"{RECORDS_DIR}/{year}"


def _yaml(value: dict) -> bytes:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False).encode("utf-8")


def _text(value: str, what: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise UserError(msg.RECORD_EMPTY.format(what=what))
    return value


def record_agenda(repo: pygit2.Repository, key: SigningKey, *, day: str, place: str,
                  topic: str, clock: str = "", year: int | None = None) -> Record:
    """Step 2: the Sekretaris puts the meeting on the agenda (date, time, place, topic)."""
    import datetime as dt

    year = cycle_year(repo, year)
    try:
        dt.date.fromisoformat(day)
    except ValueError:
        raise UserError(msg.RECORD_BAD_DATE.format(value=day)) from None
    if clock and not re.fullmatch(r"([01]\d|2[0-3])[:.][0-5]\d", clock):
        raise UserError(msg.RECORD_BAD_TIME.format(value=clock))
    fields = {"langkah": 2, "tanggal": day, **({"jam": clock} if clock else {}),
              "tempat": _text(place, "Tempat"), "acara": _text(topic, "Acara")}
    number = next_number(read_records(repo, year), "agenda")
    path = f"{_folder(year)}/02-agenda-rapat-{number}.yaml"
    return add_record(repo, key, year, "agenda", {path: _yaml(fields)},
                      msg.RECORD_SUBJECT["agenda"].format(year=year),
                      f"{fields['tanggal']} {clock}, {fields['tempat']}: {fields['acara']}")


def minutes_template(repo: pygit2.Repository, year: int | None = None) -> str:
    """A notulen to fill in, with the agenda's date and place when one is recorded."""
    year = cycle_year(repo, year)
    agenda = read_records(repo, year).latest("agenda")
    f = agenda.fields if agenda is not None else {}
    return msg.MINUTES_TEMPLATE.format(
        year=year, marker=TEMPLATE_MARKER,
        day=f.get("tanggal", f"{TEMPLATE_MARKER} TTTT-BB-HH]"),
        place=f.get("tempat", f"{TEMPLATE_MARKER} tempat rapat]"),
        topic=f.get("acara", f"{TEMPLATE_MARKER} acara]"))


def record_minutes(repo: pygit2.Repository, key: SigningKey, file: Path, *,
                   year: int | None = None) -> Record:
    """Step 3: the Sekretaris records the notulen of the meeting (a Markdown file)."""
    year = cycle_year(repo, year)
    try:
        data = file.read_bytes()
        text = data.decode("utf-8")
    except FileNotFoundError:
        raise UserError(msg.RECORD_FILE_MISSING.format(path=file)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(msg.RECORD_FILE_MISSING.format(path=f"{file} ({exc})")) from None
    if TEMPLATE_MARKER in text:
        raise UserError(msg.RECORD_MINUTES_TEMPLATE_UNFILLED.format(path=file,
                                                                    marker=TEMPLATE_MARKER))
    _text(text, "Notulen")
    number = next_number(read_records(repo, year), "minutes")
    path = f"{_folder(year)}/03-notulen-rapat-{number}.md"
    return add_record(repo, key, year, "minutes", {path: data},
                      msg.RECORD_SUBJECT["minutes"].format(year=year))


def record_data_return(repo: pygit2.Repository, key: SigningKey, missing: list[str],
                       summary_lines: list[str], *, year: int | None = None) -> Record:
    """Step 5, "data tidak lengkap": staf returns the draft to the Irban and the Kasubbag
    Perencanaan, listing what ``lkjip check --lengkap`` found missing."""
    gitrepo.ensure_clean(repo)
    year = cycle_year(repo, year)
    if not missing:
        raise UserError(msg.RECORD_NOTHING_MISSING)
    sop = sop_at(repo, gitrepo.main_tip(repo))
    step = sop.step("submit")
    to = [sop.title_of(r) for r in step.returns_to]
    head = str(repo.head.target)
    fields = {"langkah": step.number, "kepada": to, "draft": gitrepo.current_branch(repo),
              "commit": head, "kekurangan": missing, "ringkasan": summary_lines}
    number = next_number(read_records(repo, year), "data-return")
    path = f"{_folder(year)}/05-pengembalian-data-{number}.yaml"
    return add_record(repo, key, year, "data-return", {path: _yaml(fields)},
                      msg.RECORD_SUBJECT["data-return"].format(year=year, to=", ".join(to)),
                      "\n".join(missing[:20]))


def pushed_record_problems(repo: pygit2.Repository, branch: str, old: str | None, new: str,
                           main_tip: str | None) -> list[str]:
    """Why the server refuses a push of ``catatan/<year>`` from ``old`` (None: created) to
    ``new``: every new commit must verify as a record against main as it will be."""
    year = parse_branch(branch)
    if year is None:
        return [msg.R_PUSH_BRANCH]
    line = gitrepo.first_parent_line(repo, pygit2.Oid(hex=new))
    if old is not None:
        if old not in line:
            return [msg.R_PUSH_NOT_LINEAR.format(old=old[:10], new=new[:10])]
        line = line[:line.index(old)]
    main = MainLine(repo, main_tip)
    problems = []
    for oid in reversed(line):
        facts, policy = record_facts(repo, oid, main)
        problems += [str(f) for f in verify_record(facts, policy, year)[1]]
    return problems
