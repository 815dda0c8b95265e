"""Working time: the SOP's time standards (mutu baku) counted in office hours, not the clock.

"1 jam" for steps 7 and 8 means one hour of the office's working time, and "12 hari" means
twelve working days: nights, weekends, national holidays, cuti bersama and the days the office
declares closed do not count. Office days and hours come from the SOP definition
(``working_time`` in ``sop/sop.yaml``, or the Landak default); Indonesian national holidays and
cuti bersama from the ``holidays`` library (its data ships with the package: no network);
days the office declares from ``sop/hari-libur.yaml`` on ``main``.

One function, :func:`measure`, judges a wait against a standard; ``lkjip status`` and the
Riwayat Penyusunan page both call it, so they always agree. Pure apart from the holiday table.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

import yaml

from pipeline.errors import UserError
from pipeline.messages import workflow as msg

HOLIDAYS_PATH = "sop/hari-libur.yaml"
DAY = 86400
_DAY_NAMES = {"senin": 1, "selasa": 2, "rabu": 3, "kamis": 4, "jumat": 5, "sabtu": 6,
              "minggu": 7}
_HOURS = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*-\s*(\d{1,2})[:.](\d{2})\s*$")
_OFFSET = re.compile(r"^([+-])(\d{2}):?(\d{2})$")


@dataclass(frozen=True)
class OfficeHours:
    """When the office works: ISO weekdays (1 = Senin), one daily window, its UTC offset."""

    days: frozenset[int] = frozenset({1, 2, 3, 4, 5})
    opens: time = time(7, 30)
    closes: time = time(16, 0)
    offset: timedelta = timedelta(hours=7)  # WIB
    national: str | None = "ID"  # country whose holidays and cuti bersama close the office

    @property
    def day_seconds(self) -> int:
        """The length of one working day ("1 hari" of a time standard)."""
        return (self.closes.hour * 3600 + self.closes.minute * 60
                - self.opens.hour * 3600 - self.opens.minute * 60)


def parse_office_hours(raw: object) -> OfficeHours:
    """The ``working_time`` mapping of an SOP definition; ValueError says what is wrong."""
    if raw is None:
        return OfficeHours()
    if not isinstance(raw, dict):
        raise ValueError("working_time")
    default = OfficeHours()
    days = default.days
    if "days" in raw:
        names = [str(d).strip().lower().replace("'", "") for d in raw["days"] or []]
        if not names or any(n not in _DAY_NAMES for n in names):
            raise ValueError(f"working_time.days: {raw['days']}")
        days = frozenset(_DAY_NAMES[n] for n in names)
    opens, closes = default.opens, default.closes
    if "hours" in raw:
        match = _HOURS.match(str(raw["hours"]))
        if not match:
            raise ValueError(f"working_time.hours: {raw['hours']}")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        try:
            opens, closes = time(h1, m1), time(h2, m2)
        except ValueError:
            raise ValueError(f"working_time.hours: {raw['hours']}") from None
        if closes <= opens:
            raise ValueError(f"working_time.hours: {raw['hours']}")
    offset = default.offset
    if "utc_offset" in raw:
        match = _OFFSET.match(str(raw["utc_offset"]).strip())
        if not match:
            raise ValueError(f"working_time.utc_offset: {raw['utc_offset']}")
        sign = -1 if match[1] == "-" else 1
        offset = sign * timedelta(hours=int(match[2]), minutes=int(match[3]))
    national = raw.get("national_holidays", default.national)
    return OfficeHours(days, opens, closes, offset, str(national) if national else None)


@functools.lru_cache(maxsize=64)
def national_holidays(country: str, year: int) -> Mapping[date, str]:
    """Public holidays and cuti bersama (the ``government`` category) of ``country``."""
    import holidays  # imported on use: only status and the history page need it

    found = holidays.country_holidays(country, years=year, categories=("public", "government"),
                                      language="id")
    return dict(found.items())


def parse_declared(text: str | None, source: str = HOLIDAYS_PATH) -> dict[date, str]:
    """Days the office declares closed (``sop/hari-libur.yaml``)::

        - tanggal: 2025-04-08
          keterangan: Libur daerah
    """
    if text is None:
        return {}
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise UserError(msg.HOLIDAYS_INVALID.format(
            path=source, detail=str(exc).splitlines()[0])) from None
    days: dict[date, str] = {}
    for item in raw or []:
        day = item.get("tanggal") if isinstance(item, dict) else None
        if isinstance(day, str):
            try:
                day = date.fromisoformat(day)
            except ValueError:
                day = None
        if not isinstance(day, date):
            raise UserError(msg.HOLIDAYS_INVALID.format(path=source, detail=str(item)[:80]))
        days[day] = str(item.get("keterangan", ""))
    return days


@dataclass(frozen=True)
class Calendar:
    """The office's working calendar: its hours and every day it is closed."""

    hours: OfficeHours = field(default_factory=OfficeHours)
    declared: Mapping[date, str] = field(default_factory=dict)

    def closed(self, day: date) -> str | None:
        """Why ``day`` is not a working day (weekend, holiday, declared), or None."""
        if day.isoweekday() not in self.hours.days:
            return msg.DAY_OFF_WEEKEND
        if day in self.declared:
            return self.declared[day] or msg.DAY_OFF_DECLARED
        if self.hours.national:
            return national_holidays(self.hours.national, day.year).get(day)
        return None

    def _local(self, epoch: int) -> datetime:
        return datetime.fromtimestamp(epoch, timezone(self.hours.offset))

    def _window(self, day: date) -> tuple[int, int] | None:
        """The day's working window as epoch seconds, or None when the office is closed."""
        if self.closed(day) is not None:
            return None
        tz = timezone(self.hours.offset)
        opens = datetime.combine(day, self.hours.opens, tz).timestamp()
        closes = datetime.combine(day, self.hours.closes, tz).timestamp()
        return int(opens), int(closes)

    def worked(self, start: int, end: int) -> int:
        """Working seconds between two instants (0 when ``end`` is not after ``start``)."""
        if end <= start:
            return 0
        total = 0
        day = self._local(start).date()
        last = self._local(end).date()
        while day <= last:
            window = self._window(day)
            if window is not None:
                total += max(0, min(end, window[1]) - max(start, window[0]))
            day += timedelta(days=1)
        return total

    def deadline(self, start: int, seconds: int) -> int:
        """The instant when ``seconds`` of working time after ``start`` have passed."""
        day = self._local(start).date()
        left = seconds
        for _ in range(3660):  # ten years of days: a standard never runs that long
            window = self._window(day)
            if window is not None:
                begin = max(start, window[0])
                if begin < window[1]:
                    if begin + left <= window[1]:
                        return begin + left
                    left -= window[1] - begin
            day += timedelta(days=1)
        raise ValueError(seconds)


def standard_seconds(standard: timedelta, hours: OfficeHours) -> int:
    """A time standard in working seconds: "8 hari" is eight working days, "2 jam" two
    working hours."""
    days, rest = divmod(int(standard.total_seconds()), DAY)
    return days * hours.day_seconds + rest


@dataclass(frozen=True)
class Measure:
    """A wait (or a step's duration) measured in working time against its standard."""

    worked: int  # working seconds from the start to the end (or to now)
    standard: int  # the standard, in working seconds
    deadline: int  # when the standard runs out (epoch seconds)
    day_seconds: int

    @property
    def over(self) -> bool:
        return self.worked > self.standard

    @property
    def remaining(self) -> int:
        """Working seconds left (negative: how late)."""
        return self.standard - self.worked

    def worked_text(self) -> str:
        return format_working(self.worked, self.day_seconds)

    def standard_text(self) -> str:
        return format_working(self.standard, self.day_seconds)

    def verdict_text(self) -> str:
        """"sisa 3 jam kerja" or "terlambat 2 hari kerja"."""
        if self.over:
            return msg.WORK_LATE.format(
                amount=format_working(-self.remaining, self.day_seconds))
        return msg.WORK_LEFT.format(amount=format_working(self.remaining, self.day_seconds))


def measure(calendar: Calendar, start: int, end: int, standard: timedelta) -> Measure:
    """The one measure of a step or a wait: working time from ``start`` to ``end`` against
    ``standard`` (the SOP's mutu baku), both in the office's working time."""
    wanted = standard_seconds(standard, calendar.hours)
    return Measure(calendar.worked(start, end), wanted, calendar.deadline(start, wanted),
                   calendar.hours.day_seconds)


def format_working(seconds: int, day_seconds: int) -> str:
    """Working time in the SOP's words: "2 hari 3 jam kerja", "45 menit kerja"."""
    seconds = max(0, int(seconds))
    days, rest = divmod(seconds, max(1, day_seconds))
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = [f"{days} hari"] * bool(days) + [f"{hours} jam"] * bool(hours)
    parts += [f"{minutes} menit"] * bool(minutes and not days)
    if not parts:
        parts = ["0 menit"]
    return " ".join(parts) + " kerja"


def office_calendar(hours: OfficeHours, declared: Iterable[tuple[date, str]] = ()) -> Calendar:
    return Calendar(hours, dict(declared))
