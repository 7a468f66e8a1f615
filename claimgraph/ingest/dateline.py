"""Publication date and outlet from a wire-style dateline ("KYIV, March 11 (Reuters) - ...").

A plain-text article carries no metadata, but agency copy opens with a
dateline. Without a publication date "on Tuesday" cannot be resolved, so a
dateline is the next best source. When it gives no year, the year is the one
that puts the date on or just before the moment of reading (`anchor`: a
file's modification time, or now): news is read after it is written.
"""

from __future__ import annotations

import re
from datetime import date, datetime

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,  # by their first three letters
}
_MONTH = (r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# PLACE (in capitals, with an optional ", Region"), date, optional (Outlet), then a dash
DATELINE_RE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'\- ]{1,30})?),\s+" + _MONTH
    + r"\s+(?P<day>\d{1,2})(?:,\s*(?P<year>(?:19|20)\d\d))?\s*(?:\((?P<outlet>[^()\n]{2,40})\))?\s*[-–—]",
)
# the same in title case ("Moscow, Oct 21 (Reuters) -"), as reprints write it: only with the agency
# in brackets, so a sentence opening "Smith, March 3 -" is not taken for one
TITLE_DATELINE_RE = re.compile(
    r"^\s*(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),\s+" + _MONTH
    + r"\s+(?P<day>\d{1,2})(?:,\s*(?P<year>(?:19|20)\d\d))?\s*\((?P<outlet>[^()\n]{2,40})\)\s*[-–—]",
)
LINES_LOOKED_AT = 3  # a headline, maybe a byline, then the first paragraph


def find_dateline(text: str, anchor: datetime | None = None) -> tuple[str | None, str | None]:
    """(ISO publication date, outlet) read off the dateline near the top of `text`, or (None, None)."""
    for line in text.split("\n", LINES_LOOKED_AT)[:LINES_LOOKED_AT]:
        m = DATELINE_RE.match(line) or TITLE_DATELINE_RE.match(line)
        if m is None:
            continue
        month = MONTHS[m.group("month").lower()[:3]]
        day = int(m.group("day"))
        when = (anchor or datetime.now()).date()
        year = int(m.group("year")) if m.group("year") else when.year
        try:
            published = date(year, month, day)
            if not m.group("year") and published > when:
                published = date(year - 1, month, day)  # "Dec. 30" read on Jan. 2: last year's
        except ValueError:  # "Feb. 30", or Feb. 29 of a year without one
            return None, None
        outlet = (m.group("outlet") or "").strip() or None
        return published.isoformat(), outlet
    return None, None
