"""Pairing quote marks, so a direct quotation is known before any cue is looked at.

One pass over the characters. Curly marks say which way they face; straight
marks are read from their neighbours. A quotation left open at the end of a
paragraph goes on when the next paragraph opens with a quote mark (the
newspaper convention for quotes over several paragraphs), so one `Quote` may
hold several segments.

Two apostrophes (`''`) stand for a straight double mark, as in wire and
archive text typed without one; a single apostrophe is never a quote mark.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

OPEN_MARKS = "“„«"
CLOSE_MARKS = "”»"
STRAIGHT = '"'
DOUBLED = "''"
MARK_OR_BREAK = re.compile("[" + OPEN_MARKS + CLOSE_MARKS + STRAIGHT + "\n]|" + DOUBLED)


def mark_at(text: str, i: int) -> int:
    """Length of the quote mark starting at `i` (0 where none): one character, or two for `''`."""
    ch = text[i]
    if ch in OPEN_MARKS or ch in CLOSE_MARKS or ch == STRAIGHT:
        return 1
    return 2 if text.startswith(DOUBLED, i) else 0


@dataclass
class Quote:
    """A quotation: where its first mark opens, where its last mark ends, its inner segments."""

    open_at: int
    close_end: int
    segments: list[tuple[int, int]] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]


def _straight(text: str, i: int) -> bool:
    """Whether the mark at `i` is a typewriter one (`"` or `''`) rather than a typeset one."""
    return text[i] == STRAIGHT or text.startswith(DOUBLED, i)


def _opens(text: str, i: int) -> bool:
    """A straight mark opens when it follows a space, a line start or an opening bracket."""
    return i == 0 or text[i - 1] in " \t\n([{—–-/" or (text[i - 1] in ":," and i + 1 < len(text)
                                                          and text[i + 1].isalnum())


def _typo_close(text: str, i: int) -> bool:
    """An opening mark typed where a closing one belongs: right after the quotation's last
    punctuation and before a space (`“Apparently not,“ he said`)."""
    return text[i] in OPEN_MARKS and i > 0 and text[i - 1] in ",.!?" \
        and (i + 1 == len(text) or text[i + 1] in " \t\n")


def find_quotes(text: str) -> list[Quote]:
    """Every closed quotation in `text`, in order (marks nested inside a quotation are ignored)."""
    quotes: list[Quote] = []
    cur: Quote | None = None
    seg_start = 0
    inner = 0  # quotations of the other kind of mark open inside `cur` (“U-S-A!” in a typewriter one)
    reread_to = -1  # the paragraph end up to which the text was read again after an unclosed mark
    i, n = 0, len(text)
    while i < n:
        nxt_mark = MARK_OR_BREAK.search(text, i)  # jump over the plain text between marks
        if nxt_mark is None:
            break
        i = nxt_mark.start()
        ch = text[i]
        width = mark_at(text, i)
        straight = ch == STRAIGHT or width == 2
        if cur is None:
            if ch in OPEN_MARKS or (straight and _opens(text, i)):
                cur = Quote(i, -1)
                seg_start = i + width
                inner = 0
                i += width
                continue
        elif ch != "\n" and straight != _straight(text, cur.open_at) and \
                (ch in OPEN_MARKS or (straight and _opens(text, i)) or inner):
            # a mark of the other kind inside the quotation opens or closes a quotation of its own
            opening = ch in OPEN_MARKS or (straight and _opens(text, i))
            inner += 1 if opening else -1
            i += width
            continue
        elif ch == "\n":
            # Paragraph ends inside a quotation: it continues only if the next paragraph opens with a mark.
            j = i
            while j < n and text[j] in "\n \t":
                j += 1
            seg_end = i
            while seg_end > seg_start and text[seg_end - 1] in " \t":
                seg_end -= 1
            nxt = mark_at(text, j) if j < n else 0
            # the next paragraph's mark must be of the kind that opened the quotation: a typewriter
            # mark left open before a typeset quotation is a stray, not the same speaker going on
            if nxt and text[j] not in CLOSE_MARKS and seg_end > seg_start \
                    and _straight(text, j) == _straight(text, cur.open_at):
                cur.segments.append((seg_start, seg_end))
                seg_start = j + nxt
                i = j + nxt
                continue
            # an unclosed mark is no quotation: read on from just after it, for the quotations inside
            # (once per paragraph end, so a paragraph of stray marks is read at most twice)
            if i > reread_to:
                reread_to = i
                i = cur.open_at + mark_at(text, cur.open_at)
            cur = None
            continue
        elif ch in CLOSE_MARKS or (straight and not _opens(text, i)) or _typo_close(text, i):
            if width == 2 and text.startswith("'", i + 2):
                i += 1  # a single closing mark, then the double one: the last two close the quotation
            if i > seg_start:
                cur.segments.append((seg_start, i))
                cur.close_end = i + width
                quotes.append(cur)
            cur = None
            i += width
            continue
        i += 1
    return quotes


class QuoteIndex:
    """Looking quotations up by character offset (bisect over their starts)."""

    def __init__(self, quotes: list[Quote]):
        self.quotes = quotes
        self._opens = [q.open_at for q in quotes]

    def containing(self, offset: int) -> Quote | None:
        """The quotation whose marks enclose `offset`, if any."""
        k = bisect_right(self._opens, offset) - 1
        if k >= 0 and self.quotes[k].open_at <= offset < self.quotes[k].close_end:
            return self.quotes[k]
        return None

    def ending_before(self, offset: int) -> Quote | None:
        """The last quotation that closes at or before `offset`."""
        k = bisect_right(self._opens, offset) - 1
        while k >= 0 and self.quotes[k].close_end > offset:
            k -= 1
        return self.quotes[k] if k >= 0 else None

    def starting_after(self, offset: int) -> Quote | None:
        """The first quotation that opens at or after `offset`."""
        k = bisect_right(self._opens, offset - 1)
        return self.quotes[k] if k < len(self.quotes) else None
