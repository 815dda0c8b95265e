"""The judge on its own: ``verify_round`` and ``verify_main`` over frozen commit bytes and
frozen facts, one small case per rule, so a bug shared by lkjip's writer and its judge
cannot cancel out. The commits in :mod:`frozen_chain` were signed once with real ed25519
keys by ssh-keygen and frozen (as pygit2's ``test_commit_gpg.py`` freezes signed commits);
the signatures are checked for real here, and stock git agrees on what the bytes are."""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import frozen_chain as fz
import pytest

from pipeline.workflow.facts import fact_from_bytes
from pipeline.workflow.policy import PolicyChanges, RosterDelta
from pipeline.workflow.roster import Person, Roster, parse_public_key
from pipeline.workflow.sop import load_sop
from pipeline.workflow.verify import (
    CommitFact,
    MainCommit,
    MainFacts,
    Policy,
    RosterChange,
    RoundFacts,
    Verdict,
    verify_main,
    verify_round,
)

SOP = load_sop()


def person(short: str, *, roles: tuple[str, ...] | None = None, name: str | None = None,
           key: str | None = None) -> Person:
    role, full, nip, pub = fz.PEOPLE[short]
    return Person(nip, name or full, role, roles or (role,),
                  parse_public_key(key or pub))


STAFF = ("inspektur", "sekretaris", "kasubbag", "staf")  # the outsider is not in the roster
ROSTER = Roster(tuple(person(s) for s in STAFF))
POLICY = Policy(SOP, ROSTER, ROSTER)


def fact(frozen: tuple[str, bytes], parent_tree: str = fz.TREE) -> CommitFact:
    return fact_from_bytes(*frozen, parent_tree)


def rebytes(frozen: tuple[str, bytes], old: bytes, new: bytes) -> tuple[str, bytes]:
    """The frozen object with bytes replaced (the signature is left as it was)."""
    raw = frozen[1].replace(old, new, 1)
    assert raw != frozen[1]
    return hashlib.sha1(b"commit %d\0" % len(raw) + raw).hexdigest(), raw


def unsigned(frozen: tuple[str, bytes]) -> tuple[str, bytes]:
    head, _, message = frozen[1].partition(b"\n\n")
    lines = [ln for ln in head.split(b"\n") if not ln.startswith((b"gpgsig ", b" "))]
    raw = b"\n".join(lines) + b"\n\n" + message
    return hashlib.sha1(b"commit %d\0" % len(raw) + raw).hexdigest(), raw


def round_facts(*commits: CommitFact, handoff: CommitFact | None = None,
                **changes: object) -> RoundFacts:
    handoff = handoff or fact(fz.HANDOFF)
    last = commits[-1] if commits else handoff
    facts = RoundFacts(last.oid, last.tree, handoff, commits, base_ok=True,
                       changes=PolicyChanges(), handoff_areas=())
    return replace(facts, **changes)  # type: ignore[arg-type]


def chain() -> tuple[CommitFact, ...]:
    return (fact(fz.PARAF_KASUBBAG), fact(fz.PARAF_SEKRETARIS), fact(fz.SIGN_INSPEKTUR))


def codes(verdict: Verdict) -> list[str]:
    return [p.code for p in verdict.problems]


# --- the frozen bytes are real git commits, and the complete chain verifies ------------------


def test_frozen_bytes_are_what_stock_git_hashes_and_verifies(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path / "r")], check=True)
    allowed = tmp_path / "allowed"
    allowed.write_text("".join(f'{nip} namespaces="git" {pub}\n'
                               for _, _, nip, pub in fz.PEOPLE.values()))
    for frozen in (fz.HANDOFF, fz.PARAF_KASUBBAG, fz.SIGN_INSPEKTUR, fz.MERGE_KASUBBAG):
        written = subprocess.run(
            ["git", "hash-object", "-t", "commit", "-w", "--literally", "--stdin"],
            cwd=tmp_path / "r", input=frozen[1], capture_output=True, check=True)
        assert written.stdout.decode().strip() == frozen[0]
        checked = subprocess.run(
            ["git", "-c", f"gpg.ssh.allowedSignersFile={allowed}", "verify-commit", frozen[0]],
            cwd=tmp_path / "r", capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr


def test_complete_chain_is_ok() -> None:
    verdict = verify_round(round_facts(*chain()), POLICY)
    assert verdict.ok and verdict.state == "complete"
    assert [e.role for e in verdict.chain] == ["kasubbag_perencanaan", "sekretaris", "inspektur"]
    assert verdict.handoff is not None and verdict.handoff.nip == fz.PEOPLE["staf"][2]


def test_each_paraf_is_counted_in_order() -> None:
    verdict = verify_round(round_facts(fact(fz.PARAF_KASUBBAG)), POLICY)
    assert verdict.state == "open" and verdict.next_step is not None
    assert verdict.next_step.role == "sekretaris" and not verdict.problems


def test_a_return_closes_the_round() -> None:
    verdict = verify_round(round_facts(fact(fz.RETURN_KASUBBAG)), POLICY)
    assert verdict.state == "returned" and verdict.returned is not None
    assert verdict.returned.note == "Bab III belum lengkap" and verdict.returned.to == ("staf",)


def test_a_correction_voids_earlier_parafs() -> None:
    correction = fact(fz.CORRECTION_AFTER_PARAF)
    verdict = verify_round(round_facts(fact(fz.PARAF_KASUBBAG), correction), POLICY)
    assert verdict.state == "open" and verdict.chain == ()
    assert [e.role for e in verdict.voided] == ["kasubbag_perencanaan"]


# --- one rule, one case: (facts, policy) -> the finding it must produce ---------------------

Case = Callable[[], tuple[RoundFacts, Policy]]


def unsigned_paraf() -> tuple[RoundFacts, Policy]:
    return round_facts(fact(unsigned(fz.PARAF_KASUBBAG))), POLICY


def tampered_paraf() -> tuple[RoundFacts, Policy]:
    bent = rebytes(fz.PARAF_KASUBBAG, b"Paraf Kasubbag", b"Paraf Kasubbaq")
    return round_facts(fact(bent)), POLICY


def outsider_key() -> tuple[RoundFacts, Policy]:
    return round_facts(fact(fz.PARAF_BY_OUTSIDER_KEY)), POLICY


def revoked_key() -> tuple[RoundFacts, Policy]:
    without = Roster(tuple(p for p in ROSTER.people if p.nip != fz.PEOPLE["kasubbag"][2]))
    return round_facts(fact(fz.PARAF_KASUBBAG)), Policy(SOP, without, ROSTER)


def other_name_in_roster() -> tuple[RoundFacts, Policy]:
    roster = Roster(tuple(person(s, name="NAMA LAIN" if s == "kasubbag" else None)
                          for s in STAFF))
    return round_facts(fact(fz.PARAF_KASUBBAG)), Policy(SOP, roster, roster)


def other_round_named() -> tuple[RoundFacts, Policy]:
    paraf = fact(fz.PARAF_KASUBBAG)
    paraf = replace(paraf, trailers={**paraf.trailers, "Round": "2025/2"})
    return round_facts(paraf), POLICY


def handoff_by_non_staf() -> tuple[RoundFacts, Policy]:
    roster = Roster(tuple(person(s, roles=("irban",) if s == "staf" else None) for s in STAFF))
    return round_facts(), Policy(SOP, roster, roster)


def handoff_wrong_step() -> tuple[RoundFacts, Policy]:
    h = fact(fz.HANDOFF)
    return round_facts(handoff=replace(h, trailers={**h.trailers, "Step": "4"})), POLICY


def base_not_on_main() -> tuple[RoundFacts, Policy]:
    return round_facts(base_ok=False), POLICY


def areas_not_recorded() -> tuple[RoundFacts, Policy]:
    return round_facts(handoff_areas=("roster",)), POLICY


def roster_refused_by_parser() -> tuple[RoundFacts, Policy]:
    changes = PolicyChanges({"roster": ("sop/roster.yaml",)}, RosterDelta(error="dua inspektur"))
    return round_facts(changes=changes), POLICY


def paraf_changes_content() -> tuple[RoundFacts, Policy]:
    return round_facts(fact(fz.PARAF_KASUBBAG, parent_tree="9" * 40)), POLICY


def sekretaris_before_kasubbag() -> tuple[RoundFacts, Policy]:
    return round_facts(fact(fz.PARAF_SEKRETARIS)), POLICY


def role_not_held() -> tuple[RoundFacts, Policy]:
    roster = Roster(tuple(person(s, roles=("irban",) if s == "kasubbag" else None)
                          for s in STAFF))
    return round_facts(fact(fz.PARAF_KASUBBAG)), Policy(SOP, roster, roster)


def one_person_two_roles() -> tuple[RoundFacts, Policy]:
    # The kasubbag also holds the sekretaris role and gives the second paraf as well.
    roster = Roster(tuple(
        person(s, roles=("kasubbag_perencanaan", "sekretaris") if s == "kasubbag" else None)
        for s in STAFF if s != "sekretaris"))
    first = fact(fz.PARAF_KASUBBAG)
    second = fact(fz.PARAF_SEKRETARIS)
    assert first.signature is not None
    second = replace(second, signature=first.signature, trailers={
        **second.trailers, "Name": first.trailers["Name"], "NIP": first.trailers["NIP"]})
    return round_facts(first, second), Policy(SOP, roster, roster)


def commit_after_signature() -> tuple[RoundFacts, Policy]:
    return round_facts(*chain(), fact(fz.PARAF_KASUBBAG)), POLICY


def merge_inside_round() -> tuple[RoundFacts, Policy]:
    paraf = fact(fz.PARAF_KASUBBAG)
    return round_facts(replace(paraf, parents=(*paraf.parents, "e" * 40))), POLICY


def unknown_action() -> tuple[RoundFacts, Policy]:
    paraf = fact(fz.PARAF_KASUBBAG)
    return round_facts(replace(paraf, trailers={**paraf.trailers, "Action": "approve"})), POLICY


def return_to_wrong_role() -> tuple[RoundFacts, Policy]:
    back = fact(fz.RETURN_KASUBBAG)
    return round_facts(replace(back, trailers={**back.trailers, "To": "sekretaris"})), POLICY


def extra_header() -> tuple[RoundFacts, Policy]:
    bent = rebytes(fz.PARAF_KASUBBAG, b"\ngpgsig ", b"\nencoding ISO-8859-1\ngpgsig ")
    return round_facts(fact(bent)), POLICY


def roster_changed_on_main_outside_a_round() -> tuple[RoundFacts, Policy]:
    return round_facts(*chain()), replace(POLICY, roster_changes=(RosterChange("c" * 40),))


RULES: list[tuple[Case, str]] = [
    (unsigned_paraf, "unsigned"),
    (tampered_paraf, "bad-signature"),
    (outsider_key, "key-not-in-roster"),
    (revoked_key, "key-revoked"),
    (other_name_in_roster, "identity-mismatch"),
    (other_round_named, "round-mismatch"),
    (handoff_by_non_staf, "handoff-role"),
    (handoff_wrong_step, "bad-trailers"),
    (base_not_on_main, "base"),
    (areas_not_recorded, "handoff-areas"),
    (roster_refused_by_parser, "roster-refused"),
    (paraf_changes_content, "approval-changes-content"),
    (sekretaris_before_kasubbag, "wrong-order"),
    (role_not_held, "not-role-holder"),
    (one_person_two_roles, "two-roles"),
    (commit_after_signature, "after-close"),
    (merge_inside_round, "merge-in-round"),
    (unknown_action, "unexpected-action"),
    (return_to_wrong_role, "return-addressee"),
    (extra_header, "commit-format"),
    (roster_changed_on_main_outside_a_round, "roster-unapproved"),
]


@pytest.mark.parametrize(("case", "code"), RULES, ids=[c.__name__ for c, _ in RULES])
def test_round_rule(case: Case, code: str) -> None:
    facts, policy = case()
    verdict = verify_round(facts, policy)
    assert code in codes(verdict), (code, verdict.problems)
    assert verdict.state == "invalid" and not verdict.ok


# --- main as a whole --------------------------------------------------------------------------


def main_facts(*commits: MainCommit, anchor: str | None = "a" * 40,
               on_line: bool = True) -> MainFacts:
    tip = commits[-1].commit.oid if commits else anchor or "a" * 40
    return MainFacts(tip, anchor, on_line, commits)


def start() -> MainCommit:
    return MainCommit(fact(fz.START_INSPEKTUR, parent_tree=fz.TREE_BASE), None, POLICY)


def merge(round_: RoundFacts | None = None, policy: Policy | None = POLICY,
          **changes: object) -> MainCommit:
    commit = replace(fact(fz.MERGE_KASUBBAG, parent_tree=fz.TREE_BASE), **changes)  # type: ignore[arg-type]
    return MainCommit(commit, round_ if round_ is not None else round_facts(*chain()), policy)


def test_main_with_a_start_and_a_verified_merge_is_ok() -> None:
    verdict = verify_main(main_facts(start(), merge()))
    assert verdict.ok, verdict.problems
    assert [m for m, _ in verdict.merges] == [fz.MERGE_KASUBBAG[0]]
    assert verdict.starts == (fz.START_INSPEKTUR[0],)


MainCase = Callable[[], MainFacts]


def no_anchor() -> MainFacts:
    return main_facts(start(), merge(), anchor=None, on_line=False)


def anchor_elsewhere() -> MainFacts:
    return main_facts(start(), merge(), on_line=False)


def direct_commit() -> MainFacts:
    return main_facts(MainCommit(fact(fz.CORRECTION_AFTER_PARAF)))


def merged_tree_differs() -> MainFacts:
    return main_facts(merge(tree="9" * 40))


def main_moved_since_base() -> MainFacts:
    h = fact(fz.HANDOFF)
    moved = replace(h, trailers={**h.trailers, "Base": "f" * 40})
    return main_facts(merge(round_facts(*chain(), handoff=moved)))


def merge_of_no_round() -> MainFacts:
    return main_facts(MainCommit(fact(fz.MERGE_KASUBBAG), None, None))


def merge_of_unfinished_round() -> MainFacts:
    return main_facts(merge(round_facts(fact(fz.PARAF_KASUBBAG))))


def merge_in_another_role() -> MainFacts:
    m = fact(fz.MERGE_KASUBBAG)
    return main_facts(merge(trailers={**m.trailers, "Role": "sekretaris"}))


def unsigned_start() -> MainFacts:
    return main_facts(MainCommit(fact(unsigned(fz.START_INSPEKTUR), parent_tree=fz.TREE_BASE),
                                 None, POLICY))


def start_that_changes_content() -> MainFacts:
    return main_facts(MainCommit(fact(fz.START_INSPEKTUR, parent_tree="9" * 40), None, POLICY))


MAIN_RULES: list[tuple[MainCase, str]] = [
    (no_anchor, "no-anchor"),
    (anchor_elsewhere, "anchor-not-on-main"),
    (direct_commit, "direct-commit"),
    (merged_tree_differs, "merge-tree"),
    (main_moved_since_base, "merge-main-moved"),
    (merge_of_no_round, "merge-not-round"),
    (merge_of_unfinished_round, "merge-unverified"),
    (merge_in_another_role, "merge-role"),
    (unsigned_start, "unsigned"),
    (start_that_changes_content, "start-changes-content"),
]


@pytest.mark.parametrize(("case", "code"), MAIN_RULES, ids=[c.__name__ for c, _ in MAIN_RULES])
def test_main_rule(case: MainCase, code: str) -> None:
    verdict = verify_main(case())
    assert code in [p.code for p in verdict.problems], (code, verdict.problems)
    assert not verdict.ok
