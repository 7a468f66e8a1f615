"""Small articles written for the web tests, with hand-made attributions and claims.

Building the store by hand (no parser) keeps the API tests fast and their
expectations exact; the browser tests use the real extractor instead.
"""

from __future__ import annotations

from claimgraph.model import Attribution, Claim, Disagreement, Document, LinkResult, MemberRef, Span

HARBOUR = (
    "Coastguard patrols doubled near the northern harbour this week, the port authority said on Monday.\n"
    "According to Admiral Petra Lind, some 40 vessels were turned back before dawn.\n"
    "Officials in the capital warned that the blockade could last into spring."
)
HARBOUR_RELAY = (
    "The Morning Ledger, citing the port authority, reported that coastguard patrols doubled near the "
    "northern harbour.\n"
    "A spokesman for the fishermen's union told reporters that 65 vessels were turned back.\n"
    "The union said the figure came from its own members."
)


def att(text: str, cue: str, source: str | None, content: str, *, via: list[str] | None = None,
        stype: str = "official", normalized: str | None = None, certainty: str = "stated") -> Attribution:
    """An attribution whose spans are the first occurrences of the given strings."""

    def span(s: str) -> Span:
        i = text.index(s)
        return Span.of(text, i, i + len(s))

    return Attribution(cue=span(cue), content=span(content), source=span(source) if source else None,
                       via=[span(v) for v in via or []], source_type=stype,
                       source_normalized=normalized or source, source_resolved=normalized or source,
                       certainty=certainty)


def documents() -> list[Document]:
    a = Document(id="harbour-1", text=HARBOUR, title="Patrols doubled at the northern harbour",
                 outlet="Harbour Gazette", published="2031-03-03", url="https://example.org/harbour-1")
    a.attributions = [
        att(HARBOUR, "said", "the port authority",
            "Coastguard patrols doubled near the northern harbour this week", normalized="Port Authority"),
        att(HARBOUR, "According to", "Admiral Petra Lind", "some 40 vessels were turned back before dawn",
            stype="military"),
        att(HARBOUR, "warned", "Officials in the capital", "the blockade could last into spring",
            certainty="hedged"),
    ]
    b = Document(id="ledger/relay 2", text=HARBOUR_RELAY, title="Ledger: patrols doubled",
                 outlet="Morning Ledger", published="2031-03-05")
    b.attributions = [
        att(HARBOUR_RELAY, "reported", "the port authority",
            "coastguard patrols doubled near the northern harbour", via=["The Morning Ledger"],
            normalized="Port Authority"),
        att(HARBOUR_RELAY, "told", "A spokesman for the fishermen's union", "65 vessels were turned back",
            stype="other", normalized="Fishermen's Union"),
        att(HARBOUR_RELAY, "said", "The union", "the figure came from its own members", stype="other",
            normalized="Fishermen's Union"),
    ]
    return [a, b]


def links() -> LinkResult:
    patrols = Claim(id="c-patrols", members=[MemberRef("harbour-1", 0, "Coastguard patrols doubled"),
                                             MemberRef("ledger/relay 2", 0, "coastguard patrols doubled")],
                    origins=["Port Authority"],
                    relays=[("Harbour Gazette", "Port Authority"), ("Morning Ledger", "The Morning Ledger"),
                            ("The Morning Ledger", "Port Authority")],
                    independent_origins=1, circular=True, first_seen="2031-03-03",
                    label="coastguard patrols doubled near the northern harbour")
    vessels = Claim(id="c-vessels", members=[MemberRef("harbour-1", 1, "some 40 vessels"),
                                             MemberRef("ledger/relay 2", 1, "65 vessels")],
                    origins=["Admiral Petra Lind", "Fishermen's Union"], independent_origins=2,
                    first_seen="2031-03-03", label="vessels were turned back before dawn")
    conflict = Disagreement("conflict", MemberRef("harbour-1", 1, "some 40 vessels were turned back"),
                            MemberRef("ledger/relay 2", 1, "65 vessels were turned back"),
                            "40 vs 65 vessels turned back", conservative="some 40")
    return LinkResult(claims=[patrols, vessels], disagreements=[conflict])


def fill(store) -> None:
    for d in documents():
        store.add_document(d)
    store.save_links(links())
