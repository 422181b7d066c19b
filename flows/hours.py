"""The firm's business hours, for "someone will call you" promises that are true.

"Mon-Fri 09:00-18:00" in a time zone (IANA, e.g. America/New_York): outside those hours a
person who asks for someone is told when the team is back instead of "right away".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SPEC = re.compile(
    r"^\s*(?P<first>[a-z]{3})(?:\s*-\s*(?P<last>[a-z]{3}))?\s+"
    r"(?P<open>\d{1,2}:\d{2})\s*-\s*(?P<close>\d{1,2}:\d{2})\s*$"
)


class HoursError(ValueError):
    pass


@dataclass(frozen=True)
class Hours:
    days: frozenset[int]  # 0 = Monday
    opens: time
    closes: time
    zone: str

    def local(self, now: datetime) -> datetime:
        return now.astimezone(ZoneInfo(self.zone))

    def is_open(self, now: datetime) -> bool:
        here = self.local(now)
        return here.weekday() in self.days and self.opens <= here.time() < self.closes

    def next_open(self, now: datetime) -> datetime:
        """The next opening time, in the firm's zone (now itself when open)."""
        here = self.local(now)
        if self.is_open(now):
            return here
        for ahead in range(8):
            day = (here + timedelta(days=ahead)).date()
            start = datetime.combine(day, self.opens, tzinfo=here.tzinfo)
            if day.weekday() in self.days and start > here:
                return start
        raise AssertionError("a week always has an opening")


def parse_hours(spec: str, zone: str) -> Hours:
    """ "Mon-Fri 09:00-18:00" (or "Sat 10:00-14:00") in ``zone``; HoursError says what is wrong."""
    match = SPEC.match(spec.casefold())
    if match is None:
        raise HoursError(f"{spec!r}: expected days and hours like 'Mon-Fri 09:00-18:00'")
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise HoursError(f"{zone!r} is not a time zone (use an IANA name like America/New_York)") from error
    first, last = match["first"], match["last"] or match["first"]
    if first not in DAYS or last not in DAYS:
        raise HoursError(f"{spec!r}: days are Mon, Tue, Wed, Thu, Fri, Sat, Sun")
    a, b = DAYS.index(first), DAYS.index(last)
    days = frozenset(range(a, b + 1)) if a <= b else frozenset([*range(a, 7), *range(0, b + 1)])
    try:
        opens = time.fromisoformat(match["open"].zfill(5))
        closes = time.fromisoformat(match["close"].zfill(5))
    except ValueError as error:
        raise HoursError(f"{spec!r}: times are HH:MM, 00:00 to 23:59") from error
    if opens >= closes:
        raise HoursError(f"{spec!r}: the opening time must come before the closing time")
    return Hours(days=days, opens=opens, closes=closes, zone=zone)
