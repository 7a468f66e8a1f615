"""Claims set in different places or numbered units stay apart; one place named two ways does not."""

from __future__ import annotations

from claimgraph.link import link_documents, to_contract
from claimgraph.link.items import build_items
from claimgraph.link.places import NOWHERE, places_clash, read_places, read_units, related_places, where_of
from claimgraph.model import Attribution, Document, Entity, Span


def _doc(doc_id: str, outlet: str, *claims: tuple[str, str], extra: str = "") -> Document:
    """'SOURCE said CONTENT.' lines with spans filled in, and optional trailing text."""
    lines, atts, pos = [], [], 0
    for source, content in claims:
        line = f"{source} said {content}."
        c0 = pos + len(source) + 6
        atts.append(
            Attribution(
                cue=Span("said", pos + len(source) + 1, pos + len(source) + 5),
                content=Span(content, c0, c0 + len(content)),
                source=Span(source, pos, pos + len(source)),
            )
        )
        lines.append(line)
        pos += len(line) + 1
    text = "\n".join(lines + ([extra] if extra else []))
    return Document(id=doc_id, text=text, outlet=outlet, published="2025-03-04", attributions=atts)


def _where(content: str, related: dict[str, set[str]] | None = None):
    att = Attribution(cue=Span("said", 0, 4), content=Span(content, 10, 10 + len(content)))
    return where_of(att, related or {})


def _clash(a: str, b: str, related: dict[str, set[str]] | None = None) -> bool:
    return places_clash(_where(a, related), _where(b, related))


def test_places_read_after_locating_words_with_their_level():
    got = [(m.key, m.level) for m in read_places("a shell landed in the city of Tarvona, Ukraine, at noon")]
    assert got == [("tarvona", "local"), ("ukraine", "country")]
    assert [m.key for m in read_places("shells fell in Tarvona, Belmark and Kelmor")] == ["tarvona"]
    assert [m.key for m in read_places("a drone hit Tarvona's District 4")] == ["tarvona"]
    near = read_places("fighting near the Ostrel region")
    assert [(m.key, m.level) for m in near] == [("ostrel", "region")]
    assert [(m.key, m.level) for m in read_places("a raid in Ukraine's Ostrel region")] == [
        ("ukraine", "country"),
        ("ostrel", "region"),
    ]
    assert read_places("the mayor said in a statement on Monday") == []
    assert [m.key for m in read_places("in Rebel-held Marvik")] == ["marvik"]
    assert read_places("troops on the Ukrainian side of the line") == []


def test_units_read_by_noun_and_number_whatever_the_order():
    assert read_units("a drone struck school No. 7 in District 12") == {("school", "7"), ("district", "12")}
    assert read_units("the 47th Separate Brigade held") == {("brigade", "47")}
    assert read_units("12 schools were closed") == frozenset()


def test_different_places_of_one_level_clash_and_containment_does_not():
    assert _clash("a drone hit a clinic in Tarvona", "a drone hit a clinic in Belmark")
    assert _clash("shelling in Ukraine killed two", "shelling in Poland killed two")
    assert not _clash("a drone hit a clinic in Tarvona", "a drone hit a clinic in Tarvona and Belmark")
    assert not _clash("a drone hit a clinic in Tarvona", "a drone hit a clinic in southern Ukraine")
    assert not _clash("a drone hit a clinic in Tarvona", "a drone hit a clinic in the Ostrel region")
    assert not _clash("a drone hit a clinic in Tarvona", "a drone hit a clinic")
    assert not _clash("a drone hit a clinic in Tarvona", "a drone hit a clinic in the city of Tarvona")
    assert not _clash("a drone hit a clinic in the Tarvona Oblast", "a drone hit a clinic in Tarvona region")
    assert _where("a drone hit a clinic") is NOWHERE


def test_places_named_inside_one_another_in_the_batch_are_related():
    related = related_places(["The blast was in Irvala, just outside Tarvona, on Friday."])
    assert "tarvona" in related["irvala"]
    assert not _clash("a blast in Irvala", "a blast in Tarvona", related)
    assert _clash("a blast in Irvala", "a blast in Belmark", related)


def test_numbered_units_of_one_kind_clash_unless_one_number_is_shared():
    assert _clash("a drone struck a school in District 12", "a drone struck a school in District 31")
    assert _clash("the 47th Brigade repelled an assault", "the 93rd Brigade repelled an assault")
    assert not _clash("the 47th Brigade repelled an assault", "Brigade 47 repelled an assault")
    assert not _clash("a drone struck a school in District 12", "a drone struck school No. 4")


def _tagged(content: str, tags: list[tuple[str, str]]) -> Attribution:
    text = "X said " + content + "."
    c0 = text.index(content)
    ents = [Entity(Span(n, text.index(n), text.index(n) + len(n)), label, n) for n, label in tags]
    return Attribution(cue=Span("said", 2, 6), content=Span(content, c0, c0 + len(content)), entities=ents)


def test_tagged_entities_decide_what_is_a_place():
    att = _tagged("the blast happened at Halvex and in Tarvona", [("Halvex", "ORG"), ("Tarvona", "GPE")])
    assert where_of(att, {}).places[2] == {"tarvona"}
    # a town the tagger missed or took for a person is still a place after "in"; a people's adjective is not
    att = _tagged("Pelgan shells fell in Belmark and in Kelmor", [("Pelgan", "NORP"), ("Kelmor", "PERSON")])
    assert where_of(att, {}).places[2] == {"belmark", "kelmor"}
    att = _tagged("the raid in Tarvona's view was a mistake", [("Tarvona", "PERSON")])
    assert where_of(att, {}) is NOWHERE


def test_a_batch_differing_only_in_district_or_city_stays_apart():
    districts = [
        _doc(f"d{n}", f"Outlet {n % 3}", ("The governor", f"a drone hit a school in District {n} of Tarvona"))
        for n in range(1, 41)
    ]
    cities = ["Kelmor", "Belmark", "Ostrava", "Quillon", "Marvik", "Dunhallow"]
    towns = [
        _doc(f"c{k}", "Outlet A", ("The rescuers", f"two people were hurt when a drone hit a house in {c}"))
        for k, c in enumerate(cities)
    ]
    res = link_documents(districts + towns)
    sizes = [len(c.members) for c in res.claims]
    assert len(res.claims) == 40 + len(cities) and max(sizes) == 1


def test_paraphrases_naming_one_place_differently_still_merge():
    said = "a drone struck a school in {} overnight, injuring three"
    places = ["Tarvona", "the city of Tarvona", "District 12 of Tarvona", "Tarvona's District 12"]
    docs = [_doc(f"{k}", f"Outlet {k}", ("the governor", said.format(p))) for k, p in enumerate(places)]
    res = link_documents(docs)
    by_doc = {m.doc_id: c.id for c in res.claims for m in c.members}
    assert by_doc["0"] == by_doc["1"]
    assert by_doc["2"] == by_doc["3"]


def test_counts_for_two_places_are_no_conflict():
    docs = [
        _doc("a", "Wire One", ("The police", "three people were killed in Tarvona on Tuesday")),
        _doc("b", "Daily Two", ("The army", "five people were killed in Belmark on Tuesday")),
    ]
    out = to_contract(link_documents(docs))
    assert out["conflicts"] == []
    items = build_items(docs)
    assert places_clash(items[0].where, items[1].where)


def test_claims_without_a_place_do_not_bridge_two_places():
    said = "a drone struck a school overnight, damaging the roof and shattering the windows{}"
    where = [""] * 6 + [" in Tarvona", " in Belmark"]
    docs = [_doc(f"{k}", f"Outlet {k}", ("the governor", said.format(w))) for k, w in enumerate(where)]
    res = link_documents(docs)
    by_doc = {m.doc_id: c.id for c in res.claims for m in c.members}
    assert by_doc["6"] != by_doc["7"]


def test_who_did_it_in_one_place_is_no_denial_of_who_did_it_in_another():
    docs = [
        _doc("a", "Wire One", ("The police", "the Pelgan Front was behind the bombing in Tarvona")),
        _doc("b", "Daily Two", ("A spokesman", "the Pelgan Front had no part in the bombing in Belmark")),
        _doc("c", "Post Three", ("A spokesman", "the Pelgan Front had no part in the bombing in Tarvona")),
    ]
    out = to_contract(link_documents(docs))
    pairs = {frozenset((c["a"]["doc"], c["b"]["doc"])) for c in out["conflicts"]}
    assert frozenset(("a", "c")) in pairs and frozenset(("a", "b")) not in pairs


def test_a_claim_naming_no_place_is_set_in_the_unit_its_text_opens_with():
    docs = [
        _doc(
            f"d{n}",
            "Outlet A",
            ("The governor", f"a drone hit a school in District {n} of Tarvona"),
            ("The governor", "nobody was hurt but the roof of the building was damaged"),
        )
        for n in range(1, 7)
    ]
    unplaced = "nobody was hurt but the roof of the building was damaged"
    docs.append(_doc("x", "Outlet B", ("The mayor", unplaced)))
    items = build_items(docs)
    assert items[1].where.units == {("district", "1")} and items[-1].where is NOWHERE
    res = link_documents(docs)
    sizes = sorted(len(c.members) for c in res.claims)
    assert len(res.claims) >= 12 and sizes[-1] <= 2  # each district apart; the unplaced report may join one


def _story(doc_id: str, outlet: str, text: str, content: str) -> Document:
    """One report 'CONTENT, SOURCE said.' inside a longer text."""
    start = text.index(content)
    cue = text.index(" said", start + len(content)) + 1
    source = text[start + len(content) + 2 : cue - 1]
    return Document(id=doc_id, text=text, outlet=outlet, published="2025-03-04", attributions=[
        Attribution(cue=Span("said", cue, cue + 4), content=Span(content, start, start + len(content)),
                    source=Span(source, start + len(content) + 2, cue - 1))])


def test_the_city_is_the_place_its_article_named_before():
    odesa = _story("a", "Wire One", "Russia fired nine missiles at Tarvona overnight, the governor said.",
                   "Russia fired nine missiles at Tarvona overnight")
    # the other city is named with no locating word; the batch knows it as a place from another report
    belmark_text = "Belmark was hit.\n\nRussia fired 12 missiles at the city, the governor said."
    belmark = _story("b", "Daily Two", belmark_text, "Russia fired 12 missiles at the city")
    known = _story("k", "Post Three", "A drone hit a school in Belmark, the governor said.",
                   "A drone hit a school in Belmark")
    items = build_items([odesa, belmark, known])
    assert items[1].where.places[2] == {"belmark"}
    assert not to_contract(link_documents([odesa, belmark, known]))["conflicts"]
    # the same city named before "the city": the two counts still conflict
    same_text = "Tarvona was hit.\n\nRussia fired 12 missiles at the city, the air force said."
    same = _story("c", "Post Four", same_text, "Russia fired 12 missiles at the city")
    assert to_contract(link_documents([odesa, same]))["conflicts"]
    # "on Telegram" names no place for "the city" to stand for
    tg_text = "The governor wrote on Telegram.\n\nRussia fired 12 missiles at the city, the governor said."
    tg = _story("t", "Post Five", tg_text, "Russia fired 12 missiles at the city")
    assert build_items([tg])[0].where is NOWHERE
