"""Roster escalation and everything else a round changes outside content/ and data/: refused
by the parser, named before the paraf (verify, diff, status), recorded in the hand-off; and a
forged history that never verifies without an anchor from outside the content."""

from __future__ import annotations

import html
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from workflow_helpers import (
    PEOPLE,
    STAFF,
    Actor,
    Office,
    init_office,
    make_key,
    roster_of,
)

from pipeline.errors import UserError
from pipeline.messages import workflow as msg
from pipeline.workflow.policy import (
    AREAS,
    area_of,
    areas_trailer,
    describe,
    parse_areas_trailer,
    policy_changes,
)
from pipeline.workflow.roster import (
    Person,
    Roster,
    dump_roster,
    parse_public_key,
    parse_roster,
)
from pipeline.workflow.sop import load_sop

SOP = load_sop()


def _with(roster: Roster, *people: Person) -> Roster:
    return Roster((*roster.people, *people))


@pytest.fixture(scope="module")
def staf_keys(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Three more keys the staf holds."""
    folder = tmp_path_factory.mktemp("kunci-staf")
    return [make_key(folder / f"id_{n}") for n in range(3)]


def _escalation(actors: dict[str, Actor], keys: list[Path]) -> Roster:
    """What the staf wrote: a second inspektur, a sekretaris and a kasubbag, all with keys the
    staf holds."""
    pubs = [parse_public_key(k.with_name(k.name + ".pub").read_text()) for k in keys]
    return _with(roster_of(actors, *STAFF),
                 Person("198101012006041001", "INSPEKTUR KEDUA", "Inspektur", ("inspektur",),
                        pubs[0]),
                 Person("198101012006041002", "SEKRETARIS KEDUA", "Sekretaris",
                        ("sekretaris",), pubs[1]),
                 Person("198101012006041003", "KASUBBAG KEDUA", "Kasubbag",
                        ("kasubbag_perencanaan",), pubs[2]))


# --- the parser ---------------------------------------------------------------------------


def test_parser_refuses_a_second_holder_of_a_single_role(actors: dict[str, Actor],
                                                         staf_keys: list[Path]) -> None:
    text = dump_roster(_escalation(actors, staf_keys))
    assert parse_roster(text) is not None  # without the SOP only the form is checked
    with pytest.raises(UserError) as caught:
        parse_roster(text, sop=SOP)
    assert "peran Inspektur hanya boleh dipegang satu orang" in caught.value.message
    assert "INSPEKTUR KEDUA" in caught.value.message


def test_holder_counts_come_from_the_sop_definition(actors: dict[str, Actor]) -> None:
    roster = _with(roster_of(actors, *STAFF),
                   Person("198101012006041001", "IRBAN KEDUA", "Irban", ("irban",),
                          actors["outsider"].public_key))
    assert parse_roster(dump_roster(roster), sop=SOP) == roster  # irban: many
    text = Path(__file__).resolve().parents[2] / "pipeline/workflow/sop_landak.yaml"
    stricter = load_sop(text.read_text().replace("many: true", "many: false"))
    with pytest.raises(UserError, match="Inspektur Pembantu hanya boleh dipegang satu orang"):
        parse_roster(dump_roster(roster), sop=stricter)


@pytest.mark.parametrize("nip", ["１９７４０７０５２００６０４１００７", "19740705200604100",
                                 "1974070520060410071", "19740705200604100٧",
                                 "1974070520060410O7"])
def test_nip_is_exactly_18_ascii_digits(actors: dict[str, Actor], nip: str) -> None:
    text = dump_roster(roster_of(actors, "inspektur")).replace(actors["inspektur"].nip, nip)
    with pytest.raises(UserError, match="18 angka 0-9"):
        parse_roster(text, sop=SOP)


@pytest.mark.parametrize("name", ["HERI\u202eES ,AYAJIWIDA", "HERI\u200bADIWIJAYA", "HERI\tADI",
                                  "HERI\u0007", " "])
def test_names_carry_no_control_characters(actors: dict[str, Actor], name: str) -> None:
    roster = roster_of(actors, "inspektur")
    person = replace(roster.people[0], name=name)
    with pytest.raises(UserError) as caught:
        parse_roster(dump_roster(Roster((person,))), sop=SOP)
    assert "nama" in caught.value.message


def test_roster_loader_has_the_data_loaders_limits(actors: dict[str, Actor]) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(6))
    with pytest.raises(UserError, match="200000"):
        parse_roster(bomb)
    with pytest.raises(UserError, match="bita"):
        parse_roster("# x\n" * 600_000)
    text = dump_roster(roster_of(actors, "inspektur"))
    with pytest.raises(UserError, match="baris"):
        parse_roster(text + "people: []\n")  # a duplicate key is refused, not overwritten
    with pytest.raises(UserError):
        parse_roster("people: !!python/object/apply:os.system [echo]\n")


# --- the pure rule and its wording -------------------------------------------------------


@pytest.mark.parametrize(("path", "area"), [
    ("content/bab-3.md", None), ("data/iku.yaml", None), ("sop/roster.yaml", "roster"),
    ("sop/sop.yaml", "sop"), ("mkdocs.yml", "mkdocs"), (".github/workflows/x.yml", "ci"),
    (".gitea/workflows/lkjip.yml", "ci"), (".gitlab-ci.yml", "ci"),
    (".gitattributes", "gitattributes"), ("content/.gitattributes", None),
    ("pipeline/cli.py", "code"), ("pyproject.toml", "code"), ("records/2025/notulen.md", "other"),
    ("README.md", "other"),
])
def test_area_of_each_path(path: str, area: str | None) -> None:
    assert area_of(path) == area


def test_roster_delta_names_who_is_added_removed_and_changed(actors: dict[str, Actor]) -> None:
    old = roster_of(actors, *STAFF)
    irban = old.by_nip(actors["irban"].nip)
    kas = old.by_nip(actors["kasubbag"].nip)
    assert irban is not None and kas is not None
    new = Roster(tuple(
        replace(p, roles=("irban", "staf")) if p.nip == irban.nip
        else replace(p, key=actors["outsider"].public_key) if p.nip == kas.nip
        else p
        for p in old.people if p.nip != actors["sekretaris"].nip))
    new = _with(new, Person("198101012006041001", "STAF BARU", "Staf", ("staf",),
                            actors["staf"].public_key))
    with pytest.raises(UserError):
        parse_roster(dump_roster(new), sop=SOP)  # the staf's key twice: refused, never lenient
    new = Roster(new.people[:-1])
    changes = policy_changes(["sop/roster.yaml", "content/bab-3.md", "pipeline/x.py"],
                             dump_roster(old), dump_roster(new), SOP)
    assert changes.areas == ("roster", "code")
    delta = changes.roster
    assert delta is not None and [p.name for p in delta.removed] == ["Dra. SITI AMINAH"]
    assert [a.roles for _, a in delta.roles_changed] == [("irban", "staf")]
    assert [a.nip for _, a in delta.key_changed] == [actors["kasubbag"].nip]
    text = "\n".join(describe(changes, SOP))
    assert text.startswith(msg.POLICY_HEADER)
    assert "dihapus: Dra. SITI AMINAH" in text and "kode program lkjip: pipeline/x.py" in text
    assert "dari Inspektur Pembantu menjadi Inspektur Pembantu, Staf" in text
    assert actors["outsider"].public_key.fingerprint in text
    assert describe(policy_changes(["content/a.md", "data/b.yaml"])) == []


def test_areas_trailer_round_trips() -> None:
    changes = policy_changes(["mkdocs.yml", ".gitlab-ci.yml", "sop/roster.yaml"], None, None)
    assert areas_trailer(changes) == "roster, mkdocs, ci"
    assert parse_areas_trailer("roster, mkdocs, ci") == ("roster", "mkdocs", "ci")
    assert parse_areas_trailer("none") == ()
    assert parse_areas_trailer(None) is None
    assert parse_areas_trailer("roster, roster") is None
    assert parse_areas_trailer("roster, lain") is None
    assert set(AREAS) >= {"roster", "sop", "mkdocs", "ci", "gitattributes", "code", "other"}


# --- in a real repository: seen in verify, diff and status; escalation refused -----------


def _draft_with_roster(office: Office, roster: Roster) -> None:
    office.ok("start", "--year", "2025", as_="inspektur")
    office.draft("draft/bab-4", "# Bab IV\n\nSatu kalimat baru.\n")
    office.write("sop/roster.yaml", dump_roster(roster))
    office.write(".gitlab-ci.yml", "pages:\n  script: [curl evil]\n")
    office.git("add", ".")
    office.git("commit", "-q", "-m", "perbarui")


def test_a_roster_change_is_named_before_the_paraf(office: Office, actors: dict[str, Actor],
                                                   ) -> None:
    added = Person("198101012006041001", "IRBAN BARU", "Irban", ("irban",),
                   actors["outsider"].public_key)
    _draft_with_roster(office, _with(roster_of(actors, *STAFF), added))
    office.ok("submit", as_="staf")
    handoff = office.repo.get(office.repo.head.target)
    assert "Lkjip-Areas: roster, ci\n" in handoff.message
    expected = msg.POLICY_ROSTER_ADDED.format(
        who=msg.POLICY_PERSON.format(name="IRBAN BARU", nip=added.nip, roles="Inspektur Pembantu"),
        fingerprint=added.key.fingerprint)
    for command in (("verify",), ("status",), ("diff", "main", "HEAD")):
        out = office.lkjip(*command).out
        assert msg.POLICY_HEADER in out and expected in out, (command, out)
        assert "berkas CI (apa yang dijalankan server CI): .gitlab-ci.yml" in out
    # At the top: before the verdict in verify and the redline summary in diff.
    out = office.lkjip("verify").out
    assert out.index(msg.POLICY_HEADER) < out.index("2025/1")
    out = office.lkjip("diff", "main", "HEAD").out
    assert out.startswith(msg.POLICY_HEADER)
    # And at the top of the review page, above the decision.
    from pipeline.review.server import gather, render_page

    page = render_page(gather(office.path, None), "token")
    assert 'id="kebijakan"' in page and html.escape(expected) in page
    assert page.index('id="kebijakan"') < page.index('id="keputusan"')


def test_a_handoff_that_hides_its_areas_is_refused(office: Office,
                                                   actors: dict[str, Actor]) -> None:
    _draft_with_roster(office, roster_of(actors, *STAFF))  # only the CI file changes
    base = office.tip("main")
    staf = actors["staf"]
    trailers = {"Action": "submit", "Year": "2025", "Round": "2025/1", "Step": "5",
                "Role": "staf", "Name": staf.name, "NIP": staf.nip, "Decision": "submitted",
                "Base": base, "Draft": "draft/bab-4", "Areas": "none"}
    office.git("switch", "-q", "-c", "review/2025/1")
    office.forge("staf", trailers, subject="serah terima")
    out = office.lkjip("verify").out
    assert msg.V_HANDOFF_AREAS.format(recorded="none", actual="ci") in out


def test_the_escalation_is_seen_and_refused(office: Office, actors: dict[str, Actor],
                                            staf_keys: list[Path]) -> None:
    _draft_with_roster(office, _escalation(actors, staf_keys))
    refused = office.lkjip("submit", as_="staf")
    assert refused.rc == 1 and "Inspektur hanya boleh dipegang satu orang" in refused.err
    assert office.branch() == "draft/bab-4"
    # Written behind lkjip's back, with a truthful areas record: seen, and never approvable.
    office.git("switch", "-q", "-c", "review/2025/1")
    staf = actors["staf"]
    office.forge("staf", {"Action": "submit", "Year": "2025", "Round": "2025/1", "Step": "5",
                          "Role": "staf", "Name": staf.name, "NIP": staf.nip,
                          "Decision": "submitted", "Base": office.tip("main"),
                          "Draft": "draft/bab-4", "Areas": "roster, ci"},
                 subject="serah terima")
    result = office.lkjip("verify")
    assert result.rc == 1
    assert msg.POLICY_ROSTER_REFUSED.split(":")[0] in result.out
    assert "INSPEKTUR KEDUA" in result.out
    refused = office.lkjip("paraf", as_="kasubbag")
    assert refused.rc == 1 and "tidak dapat disetujui" in refused.err


# --- a forged history never verifies without an anchor from outside ----------------------


def test_a_forged_history_is_refused_without_an_anchor(office: Office, tmp_path: Path) -> None:
    """The forger's repository: the real names and NIPs, the forger's own keys, a full cycle
    written by lkjip itself. Without an anchor it is never 'sah'."""
    keys = tmp_path / "kunci-palsu"
    keys.mkdir()
    forged_actors = {s: Actor(s, r, n, nip, make_key(keys / f"id_{s}"))
                     for s, (r, n, nip) in PEOPLE.items()}
    forged = init_office(tmp_path / "palsu", forged_actors, roster_of(forged_actors, *STAFF))
    own_root = forged.head()
    forged.ok("start", "--year", "2025", as_="inspektur")
    forged.draft()
    forged.approve_and_merge()  # the forger's own clone trusts its own root, of course
    forged.git("config", "--unset", "lkjip.anchor")  # a verifier's clone: no anchor given

    result = forged.lkjip("verify", "--branch", "main")
    assert result.rc == 1 and "TIDAK sah" in result.out
    assert "jangkar kepercayaan belum diatur" in result.out
    assert "git config lkjip.anchor" in result.out and "LKJIP_ANCHOR" in result.out
    # The office's real anchor (given from outside) is not on the forged main: refused.
    forged.git("config", "lkjip.anchor", office.head())
    result = forged.lkjip("verify", "--branch", "main")
    assert result.rc == 1 and "tidak berada di riwayat main" in result.out
    forged.git("config", "--unset", "lkjip.anchor")
    # The same history verifies only once someone outside it names its root as the anchor:
    # the anchor is the whole trust, so it must come from the office, never from the content.
    def verify_with(anchor: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pipeline", "verify", "--branch", "main"],
            cwd=forged.path, capture_output=True, text=True,
            env={**os.environ, "LKJIP_ANCHOR": anchor,
                 "PYTHONPATH": str(Path(__file__).resolve().parents[2])})

    named = verify_with(own_root)
    assert named.returncode == 0 and " sah" in named.stdout, named.stdout + named.stderr
    empty = verify_with("")
    assert empty.returncode == 1 and "jangkar kepercayaan belum diatur" in empty.stdout
