"""``lkjip review``'s server, driven with urllib against a real repository and real keys."""

from __future__ import annotations

import re
from html import unescape

import pytest
from counting import counting_verdicts
from review_helpers import RETURN_NOTE, ReportOffice
from server_helpers import post, request, review_server

from pipeline.messages import review as msg


def _text(html: str) -> str:
    """The page's text, and the text of the documents in its sandboxed frames."""
    frames = [unescape(m) for m in re.findall(r'srcdoc="([^"]*)"', html)]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", page)) for page in [html, *frames])


def _cli_error(ro: ReportOffice, *args: str, as_: str) -> str:
    result = ro.office.lkjip(*args, as_=as_)
    assert result.rc == 1, result
    return result.err.strip().split(": ", 1)[1]  # without "galat: "


@pytest.fixture
def submitted(report_office: ReportOffice) -> ReportOffice:
    report_office.office.ok("submit", as_="staf")
    return report_office


def test_page_shows_round_redline_check_chain_and_actions(rounds_office: ReportOffice) -> None:
    office = rounds_office.office
    with review_server(rounds_office.path, office.actors["kasubbag"].key) as server:
        assert server.server_address[0] == "127.0.0.1"
        page = request(server)
    assert page.status == 200
    text = _text(page.text)
    assert "Putaran 2025/2: sedang dikoreksi" in text
    assert "Sekarang giliran Kepala Sub Bagian Perencanaan (langkah 6)" in text
    assert office.actors["kasubbag"].name in text  # whose turn
    assert msg.REVIEW_REDLINE.format(old="review/2025/1") in text
    assert "3,18 Level" in text and "3,05 Level" in text  # the redline's changed figure
    assert msg.REVIEW_CHECK_OK in text
    assert office.actors["staf"].name in text  # who submitted, in the chain
    assert 'id="paraf"' in page.text and 'id="kembalikan"' in page.text
    assert page.text.count(f'value="{server.state.token}"') == 2


def test_requests_naming_another_host_are_refused(rounds_office: ReportOffice) -> None:
    with review_server(rounds_office.path, None) as server:
        page = request(server, headers={"Host": f"evil.example:{server.port}"})
        assert page.status == 421
        assert "Putaran" not in page.text


def test_cross_origin_post_is_refused_and_nothing_is_committed(submitted: ReportOffice) -> None:
    office = submitted.office
    before = office.head()
    with review_server(submitted.path, office.actors["kasubbag"].key) as server:
        evil = post(server, "/paraf", origin="http://evil.example")
        assert evil.status == 403 and msg.REVIEW_FORBIDDEN in unescape(evil.text)
        assert post(server, "/paraf", origin="null").status == 403
        assert post(server, "/paraf", origin=None).status == 403  # neither Origin nor Referer
        referer = {"Referer": "http://evil.example/"}
        assert post(server, "/paraf", origin=None, headers=referer).status == 403
        assert post(server, "/paraf", token="tebakan").status == 403  # same origin, no token
        assert post(server, "/kembalikan", "x", origin="http://127.0.0.1:1").status == 403
    assert office.head() == before
    assert office.branch() == "review/2025/1"


def test_same_origin_decisions_are_signed_commits_lkjip_and_git_verify(
        submitted: ReportOffice) -> None:
    office = submitted.office
    a = office.actors
    with review_server(submitted.path, a["kasubbag"].key) as server:
        with counting_verdicts() as counts:
            done = post(server, "/paraf", "sudah dikoreksi")
    assert done.status == 200, _text(done.text)
    # The paraf and the page after it: the round read and judged once (the rules run again on
    # the commit written, before the branch moves), as lkjip paraf (tests/workflow).
    assert counts == {"judge": 1, "read": 1, "rules": 2}, counts
    cli_words = "Paraf Kepala Sub Bagian Perencanaan tercatat (putaran 2025/1, commit"
    assert cli_words in _text(done.text)
    assert "Berikutnya giliran Sekretaris" in _text(done.text)
    head = office.head()
    assert office.git_verify(head).returncode == 0
    verify = office.lkjip("verify")
    assert a["kasubbag"].nip in verify.out and a["kasubbag"].public_key.fingerprint in verify.out

    office.ok("paraf", as_="sekretaris")
    with review_server(submitted.path, a["inspektur"].key) as server:
        page = request(server)
        assert ">Tanda tangan</button>" in page.text  # the inspektur signs
        signed = post(server, "/paraf")
    assert signed.status == 200, _text(signed.text)
    assert "Putaran lengkap" in _text(signed.text)
    verified = office.ok("verify")
    assert a["inspektur"].nip in verified.out
    result = office.git_verify(office.head())
    assert result.returncode == 0 and 'Good "git" signature' in result.stderr


def test_refusals_show_the_cli_message(submitted: ReportOffice) -> None:
    office = submitted.office
    before = office.head()
    with review_server(submitted.path, office.actors["sekretaris"].key) as server:
        refused = post(server, "/paraf")
    assert refused.status == 409
    expected = _cli_error(submitted, "paraf", as_="sekretaris")
    assert expected in unescape(refused.text)

    with review_server(submitted.path, office.actors["kasubbag"].key) as server:
        stale = post(server, "/paraf", seen="0" * 40)  # the page showed another version
        assert stale.status == 409 and msg.REVIEW_STALE in unescape(stale.text)
        no_note = post(server, "/kembalikan", "   ")
    assert no_note.status == 409
    assert _cli_error(submitted, "return", "--note", "   ", as_="kasubbag") in unescape(
        no_note.text)
    assert office.head() == before


def test_return_with_a_note_closes_the_round(submitted: ReportOffice) -> None:
    office = submitted.office
    with review_server(submitted.path, office.actors["kasubbag"].key) as server:
        returned = post(server, "/kembalikan", RETURN_NOTE)
        assert returned.status == 200, _text(returned.text)
        text = _text(returned.text)
        assert "Putaran 2025/1: dikembalikan" in text
        assert RETURN_NOTE in text  # the note is in the chain
        assert 'id="paraf"' not in returned.text  # no more decisions
        again = post(server, "/paraf")
    assert again.status == 409
    message = office.repo.get(office.head()).message
    assert RETURN_NOTE in message and "Lkjip-Action: return" in message
    assert office.git_verify(office.head()).returncode == 0
