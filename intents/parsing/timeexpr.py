"""Spoken pickup/delivery times to local ISO strings in the store's time zone.

`find_time(text, now)` returns slots: {"time": "YYYY-MM-DDTHH:MM"} when a time of day is
known, {"date": "YYYY-MM-DD"} when only a day was said, {"time": "next_available"} for
"asap"/"next available"/"earliest", or {} when nothing was said. It also says how much of the
text it used, so the parser can tell "tomorrow at five" (a whole answer) from an order.

Conventions (store hours, not a clock on a wall):
- parts of day: morning 09:00, afternoon 14:00, evening 18:00, tonight/night 20:00,
  noon/midday/lunchtime 12:00, midnight 00:00 of the next day;
- a bare hour with no am/pm: 1-7 is afternoon/evening (17:00 for "at 5"), 8-11 morning,
  12 noon; "in the morning"/"evening" or a part of day decides when said;
- a time without a day is today if still ahead of `now`, else tomorrow;
- a weekday is its next occurrence, today included unless its time of day has passed
  ("saturday afternoon" late on a Saturday is next week's); "next saturday" skips today;
- "the 26th" is this month if not past, else next month; a month and day is this year if not
  past, else next year.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .numbers import ONES, read_cardinal

_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
             "saturday": 5, "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3,
             "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
_MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
           "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
           "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
           "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_PARTS = {"morning": (9, 0), "afternoon": (14, 0), "evening": (18, 0), "night": (20, 0),
          "tonight": (20, 0), "noon": (12, 0), "midday": (12, 0), "lunchtime": (12, 0),
          "lunch time": (12, 0), "dinnertime": (18, 0), "dinner time": (18, 0),
          "midnight": (0, 0)}
_PM_PARTS = frozenset({"afternoon", "evening", "night", "tonight", "dinnertime", "dinner time"})

_HOUR_WORDS = "|".join(sorted((w for w, v in ONES.items() if 1 <= v <= 12), key=len, reverse=True))
_MINUTE_WORDS = r"(?:oh (?:one|two|three|four|five|six|seven|eight|nine)|fifteen|thirty|forty five|fourty five|forty|fifty|twenty|ten|forty five|" \
                + "|".join(f"{t} {o}" for t in ("twenty", "thirty", "forty", "fifty")
                           for o in ("one", "two", "three", "four", "five", "six", "seven",
                                     "eight", "nine")) + ")"
_H = rf"(?:\d{{1,2}}|{_HOUR_WORDS})"

_ASAP = re.compile(
    r"\b(?:asap|as soon as (?:possible|you can)|(?:the )?(?:next|first|earliest|soonest)"
    r" (?:available|possible|open)(?: (?:slot|time|window|one|pickup|pick up|delivery))?"
    r"|(?:the )?(?:earliest|soonest)(?: (?:slot|time|window|one))?|right away|right now)\b"
)
_RELATIVE = re.compile(
    r"\bin (?:(?P<half>half an hour|a half hour)|(?P<n>an|a|a couple of|a few|\d{1,3}|[a-z]+(?: [a-z]+)?)"
    r" (?P<u>hours?|minutes?|mins?)(?P<andhalf> andahalf)?)\b"
)
_CLOCK = re.compile(
    rf"\b(?:(?P<lead>at|around|by|for|about|before|after|until|till|from) )?"
    rf"(?:(?P<qual>half past|quarter past|quarter after|quarter to|quarter til|quarter till) )?"
    rf"(?P<h>{_H})(?::(?P<m>\d{{2}})| (?P<mw>{_MINUTE_WORDS}))?"
    rf"(?: (?P<oc>o'clock))?(?: (?P<ap>am|pm))?"
    rf"(?: (?:in the (?P<part>morning|afternoon|evening)|at (?P<night>night)))?\b"
)
_DAY = re.compile(
    r"\b(?:(?P<dat>the day after tomorrow)|(?P<tom>tomorrow)|(?P<tod>today|tonight)"
    r"|(?:(?P<rel>this|next|coming|on|this coming) )?(?P<wd>(?:mon|tues|wednes|thurs|fri|satur|sun)day)s?"
    r"|(?P<wkend>this weekend|the weekend|next weekend)"
    r"|(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r") (?:the )?(?P<md>\d{1,2})(?:st|nd|rd|th)?"
    r"|the (?P<nth>\d{1,2})(?:st|nd|rd|th)(?: of (?P<mon2>[a-z]+))?)\b"
)
_PART = re.compile(
    r"\b(?:this |in the |tomorrow |at )?(?P<p>morning|afternoon|evening|tonight|night|noon|"
    r"midday|lunch ?time|dinner ?time|midnight)\b"
)


@dataclass(frozen=True)
class TimeResult:
    slots: dict[str, str]
    spans: tuple[tuple[int, int], ...]
    strong: bool  # a real time cue (am/pm, "at 5", a day, a part of day), not a bare number


def _cardinal_word(text: str) -> int | None:
    got = read_cardinal(text.split(), 0)
    return int(got[0]) if got and got[1] == len(text.split()) else None


def _day(m: re.Match[str], today: date) -> date | None:
    if m.group("dat"):
        return today + timedelta(days=2)
    if m.group("tom"):
        return today + timedelta(days=1)
    if m.group("tod"):
        return today
    if m.group("wd"):
        ahead = (_WEEKDAYS[m.group("wd")] - today.weekday()) % 7
        return today + timedelta(days=7 if ahead == 0 and m.group("rel") == "next" else ahead)
    if m.group("wkend"):
        ahead = (5 - today.weekday()) % 7
        return today + timedelta(days=ahead + (7 if m.group("wkend").startswith("next") else 0))
    if m.group("mon"):
        return _month_day(today, _MONTHS[m.group("mon")], int(m.group("md")))
    if m.group("nth"):
        month = _MONTHS.get(m.group("mon2") or "", today.month)
        return _month_day(today, month, int(m.group("nth")), roll_month=not m.group("mon2"))
    return None


def _month_day(today: date, month: int, day: int, *, roll_month: bool = False) -> date | None:
    try:
        candidate = date(today.year, month, day)
        if candidate >= today:
            return candidate
        if roll_month:
            nxt = date(today.year + (month == 12), month % 12 + 1, day)
            return nxt
        return date(today.year + 1, month, day)
    except ValueError:
        return None


def _clock(m: re.Match[str], part: str | None) -> tuple[int, int] | None:
    raw_h = m.group("h")
    hour = int(raw_h) if raw_h.isdigit() else ONES.get(raw_h)
    if hour is None or hour > 23:
        return None
    minute = int(m.group("m")) if m.group("m") else 0
    if m.group("mw"):
        minute = _cardinal_word(m.group("mw").replace("oh ", "")) or 0
    if minute > 59:
        return None
    qual = m.group("qual")
    if qual == "half past":
        minute = 30
    elif qual in ("quarter past", "quarter after"):
        minute = 15
    elif qual in ("quarter to", "quarter til", "quarter till"):
        hour, minute = (hour - 1) % 24, 45
    ap = m.group("ap")
    said_part = m.group("part") or m.group("night") or part
    if hour <= 12:
        if ap == "pm" or (ap is None and said_part in _PM_PARTS):
            hour = hour % 12 + 12
        elif ap == "am" or said_part == "morning":
            hour = hour % 12
        elif 1 <= hour <= 7:  # nobody picks groceries up at 5 am by default
            hour += 12
    return hour, minute


def _is_clock(m: re.Match[str]) -> bool:
    """A number is a time only with a cue: "at 5", "5 pm", "5:30", "five o'clock"."""
    return bool(m.group("lead") or m.group("m") or m.group("mw") or m.group("oc")
                or m.group("ap") or m.group("qual") or m.group("part") or m.group("night"))


def find_time(text: str, now: datetime) -> TimeResult:
    """Time slots spoken in `text` (normalised), relative to the local `now`."""
    spans: list[tuple[int, int]] = []
    if m := _ASAP.search(text):
        return TimeResult({"time": "next_available"}, ((m.start(), m.end()),), True)
    if m := _RELATIVE.search(text):
        minutes = _relative_minutes(m)
        if minutes is not None:
            at = now + timedelta(minutes=minutes)
            return TimeResult({"time": at.strftime("%Y-%m-%dT%H:%M")}, ((m.start(), m.end()),), True)
    day: date | None = None
    weekday_said = False
    if m := _DAY.search(text):
        day = _day(m, now.date())
        weekday_said = bool(m.group("wd"))
        spans.append((m.start(), m.end()))
    part = None
    if m := _PART.search(text):
        part = m.group("p").replace(" ", "")
        part = {"lunchtime": "lunchtime", "dinnertime": "dinnertime"}.get(part, part)
        spans.append((m.start(), m.end()))
    clock = None
    for m in _CLOCK.finditer(text):
        if _is_clock(m) and (hm := _clock(m, part)) is not None:
            clock = hm
            spans.append((m.start(), m.end()))
            break
    if day is None and clock is None and part is None:
        return TimeResult({}, (), False)
    hm = clock or (_PARTS[part] if part else None)
    if part == "tonight" and day is None:
        day = now.date()
    if hm is None:
        return TimeResult({"date": day.isoformat()} if day else {}, tuple(spans), bool(day))
    if part == "midnight" and clock is None:
        day = (day or now.date()) + timedelta(days=1)
    if day is None:
        ahead = (hm[0], hm[1]) > (now.hour, now.minute)
        day = now.date() if ahead else now.date() + timedelta(days=1)
    elif weekday_said and day == now.date() and (hm[0], hm[1]) <= (now.hour, now.minute):
        # "Saturday afternoon" said late on a Saturday: that afternoon is gone, so next week's
        day += timedelta(days=7)
    return TimeResult({"time": f"{day.isoformat()}T{hm[0]:02d}:{hm[1]:02d}"}, tuple(spans), True)


def _relative_minutes(m: re.Match[str]) -> int | None:
    if m.group("half"):
        return 30
    raw = m.group("n")
    amount: float | None = {"an": 1, "a": 1, "a couple of": 2, "a few": 3}.get(raw)
    if amount is None:
        amount = float(raw) if raw.isdigit() else _cardinal_word(raw)
    if amount is None:
        return None
    if m.group("andhalf"):
        amount += 0.5
    per = 60 if m.group("u").startswith("hour") else 1
    return int(amount * per)


def remainder(text: str, result: TimeResult) -> str:
    """`text` with the time expressions cut out."""
    out, last = [], 0
    for start, end in sorted(result.spans):
        if start >= last:
            out.append(text[last:start])
        last = max(last, end)  # spans may overlap: "tomorrow" inside "tomorrow morning"
    out.append(text[last:])
    return " ".join("".join(out).split())

