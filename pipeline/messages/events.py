"""The one name of each SOP event and of each state of a round, wherever they are named:
``lkjip status``, ``verify``, ``submit``, ``paraf``, ``sign``, ``return`` and ``merge``, the
review page, the history page (Riwayat Penyusunan) and the PDF's lembar pengesahan.

The words are the SOP's (700/38/ITKAB/2021): the draft is *diserahkan* (handed over, a
*serah terima*) to the correctors, who *paraf* it or return it (*dikembalikan*), the
Inspektur signs (*tanda tangan*), and the Kasubbag Perencanaan receives (*menerima*) the
signed LKjIP. Tables and lists name an event by its noun; a sentence that tells who did it
uses the past participle ("Diserahkan oleh ..."). Both come from :data:`EVENTS` through
:func:`event_name`, and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventName:
    noun: str  # serah terima: a row of a table, an item of a list
    done: str  # diserahkan: "... oleh {name}"


# Keyed by the Lkjip-Action trailer of the event's commit.
EVENTS = {
    "submit": EventName("serah terima", "diserahkan"),
    "paraf": EventName("paraf", "diparaf"),
    "sign": EventName("tanda tangan", "ditandatangani"),
    "return": EventName("pengembalian", "dikembalikan"),
    "merge": EventName("penerimaan", "diterima"),
}

# A round's state (Verdict.state, and "merged" once main holds it).
STATES = {
    "open": "sedang dikoreksi",
    "returned": "dikembalikan",
    "complete": "lengkap (sudah ditandatangani)",
    "invalid": "tidak sah",
    "merged": "sudah digabung ke main",
}


def event_name(action: str, *, done: bool = False, capital: bool = False) -> str:
    """The event's name: its noun, or with ``done`` its past participle; ``capital`` starts
    it with a capital letter (a column of the lembar pengesahan, the start of a sentence).
    An action lkjip does not know (a forged commit's) is shown as it is written."""
    event = EVENTS.get(action)
    name = (event.done if done else event.noun) if event is not None else action
    return name[:1].upper() + name[1:] if capital else name


def state_name(state: str) -> str:
    """The state's name (an unknown one as it is written)."""
    return STATES.get(state, state)
