"""Working time: the SOP's time standards counted in office hours, across a weekend, national
holidays and cuti bersama (the ``holidays`` library, offline) and days the office declares."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from pipeline.errors import UserError
from pipeline.workflow.sop import default_sop_text, load_sop
from pipeline.workflow.worktime import (
    Calendar,
    OfficeHours,
    format_working,
    measure,
    national_holidays,
    parse_declared,
    parse_office_hours,
)

WIB = timezone(timedelta(hours=7))


def at(day: str, clock: str) -> int:
    return int(datetime.combine(date.fromisoformat(day), time.fromisoformat(clock),
                                WIB).timestamp())


HOURS = load_sop().hours  # the Landak SOP: Senin-Jumat 07:30-16:00 WIB, Indonesian holidays
CAL = Calendar(HOURS)
DAY = HOURS.day_seconds


def test_landak_office_hours_come_from_the_sop_definition() -> None:
    assert HOURS.days == frozenset({1, 2, 3, 4, 5})
    assert (HOURS.opens, HOURS.closes) == (time(7, 30), time(16, 0))
    assert DAY == 8 * 3600 + 30 * 60
    assert HOURS.national == "ID"


def test_national_holidays_and_cuti_bersama_work_offline() -> None:
    found = national_holidays("ID", 2025)
    assert found[date(2025, 8, 17)] == "Hari Kemerdekaan Republik Indonesia"
    assert found[date(2025, 5, 12)] == "Hari Raya Waisak"
    assert "Cuti Bersama" in found[date(2025, 5, 13)]  # cuti bersama count as closed too
    assert CAL.closed(date(2025, 5, 13)) is not None
    assert CAL.closed(date(2025, 5, 14)) is None  # an ordinary Wednesday


def test_one_hour_across_a_night_is_one_working_hour() -> None:
    # Step 7's "1 jam": started 15:30, the office closes at 16:00 and opens at 07:30.
    start = at("2025-05-06", "15:30")
    m = measure(CAL, start, at("2025-05-07", "08:00"), timedelta(hours=1))
    assert m.worked == 3600 and not m.over
    assert m.deadline == at("2025-05-07", "08:00")
    late = measure(CAL, start, at("2025-05-07", "09:30"), timedelta(hours=1))
    assert late.over and late.verdict_text() == "terlambat 1 jam 30 menit kerja"
    early = measure(CAL, start, at("2025-05-06", "15:45"), timedelta(hours=1))
    assert early.verdict_text() == "sisa 45 menit kerja"


def test_working_days_across_a_weekend_and_a_national_holiday() -> None:
    """Thursday 8 May 2025 15:00 plus "2 hari": Friday counts; Saturday and Sunday do not;
    Monday 12 May is Waisak and Tuesday 13 May cuti bersama Waisak; so the two working days
    run out on Wednesday 14 May at 15:00, not on Saturday."""
    start = at("2025-05-08", "15:00")
    two_days = timedelta(days=2)
    m = measure(CAL, start, at("2025-05-14", "15:00"), two_days)
    assert m.worked == 2 * DAY and not m.over
    assert m.deadline == at("2025-05-14", "15:00")
    # By Tuesday evening only Thursday's last hour and Friday have counted.
    assert measure(CAL, start, at("2025-05-13", "16:00"), two_days).verdict_text() == (
        "sisa 7 jam 30 menit kerja")
    # In calendar time, Tuesday would be four days later; in working time it is one day.
    late = measure(CAL, start, at("2025-05-16", "15:00"), two_days)
    assert late.over and late.verdict_text() == "terlambat 2 hari kerja"
    assert late.worked == 4 * DAY


def test_days_the_office_declares_are_closed() -> None:
    declared = parse_declared("- tanggal: 2025-05-14\n  keterangan: Rapat kerja daerah\n")
    cal = Calendar(HOURS, declared)
    assert cal.closed(date(2025, 5, 14)) == "Rapat kerja daerah"
    m = measure(cal, at("2025-05-08", "15:00"), at("2025-05-14", "15:00"), timedelta(days=2))
    assert m.worked == DAY + 3600 and m.verdict_text() == "sisa 7 jam 30 menit kerja"
    with pytest.raises(UserError, match="hari-libur.yaml"):
        parse_declared("- tanggal: kemarin\n")


def test_office_hours_of_another_office() -> None:
    hours = parse_office_hours({"days": ["senin", "selasa", "rabu", "kamis", "jumat", "sabtu"],
                                "hours": "08:00-14:00", "national_holidays": None})
    assert hours.day_seconds == 6 * 3600 and 6 in hours.days and hours.national is None
    text = default_sop_text().replace('hours: "07:30-16:00"', 'hours: "16:00-07:30"')
    with pytest.raises(UserError, match="working_time"):
        load_sop(text)
    assert format_working(3 * 3600, 6 * 3600) == "3 jam kerja"
    assert format_working(13 * 3600, 6 * 3600) == "2 hari 1 jam kerja"
    assert OfficeHours().day_seconds == DAY
