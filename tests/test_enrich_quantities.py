"""Quantities in claims: value, bounds, qualifier and counted unit, on sentences written for the tests."""

from __future__ import annotations

import pytest

from claimgraph.extract.quantities import find_quantities, parse_number, pluralize
from claimgraph.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def quantities(nlp, text: str):
    sdoc = nlp(text)
    found = find_quantities(sdoc, text, 0, len(text))
    for q in found:
        assert text[q.span.start:q.span.end] == q.span.text
    return [(q.span.text, q.value, q.low, q.high, q.qualifier, q.unit) for q in found]


@pytest.mark.parametrize("sentence,expected", [
    ("The unit will include up to 3,000 North Korean troops.",
     ("up to 3,000", 3000, None, 3000, "at_most", "troops")),
    ("The front now holds more than 10,000 soldiers.",
     ("more than 10,000", 10000, 10000, None, "more_than", "soldiers")),
    ("The raid destroyed at least 40 tanks.", ("at least 40", 40, 40, None, "at_least", "tanks")),
    ("The toll could be as high as 500 people.", ("as high as 500", 500, None, 500, "at_most", "people")),
    ("The town sheltered about 800 families.", ("about 800", 800, None, None, "about", "families")),
    ("The storm left around 1,200 people homeless.", ("around 1,200", 1200, None, None, "about", "people")),
    ("The army lost some 600 vehicles.", ("some 600", 600, None, None, "about", "vehicles")),
    ("The strike killed nearly 90 civilians.", ("nearly 90", 90, None, None, "about", "civilians")),
    ("The border guards stopped almost 300 cars.", ("almost 300", 300, None, None, "about", "cars")),
    ("The convoy carried roughly 70 trucks.", ("roughly 70", 70, None, None, "about", "trucks")),
    ("The real count is closer to 900 troops.", ("closer to 900", 900, None, None, "about", "troops")),
    ("The camp held fewer than 50 prisoners.", ("fewer than 50", 50, None, 50, "less_than", "prisoners")),
    ("The brigade received between 2,000 and 3,000 shells.",
     ("between 2,000 and 3,000", None, 2000, 3000, "range", "shells")),
    ("The depot stored 2,000-3,000 rockets.", ("2,000-3,000", None, 2000, 3000, "range", "rockets")),
    ("The country sent ten thousand volunteers.",
     ("ten thousand", 10000, 10000, 10000, "exact", "volunteers")),
    ("The militia recruited 12k fighters.", ("12k", 12000, 12000, 12000, "exact", "fighters")),
    ("The region lost 1.5 million residents.",
     ("1.5 million", 1500000, 1500000, 1500000, "exact", "residents")),
    ("The plant produced dozens of drones.", ("dozens", None, 24, 99, "range", "drones")),
    ("The tanks held 6,000 cubic metres of fuel.", ("6,000", 6000, 6000, 6000, "exact", "cubic metres")),
    ("The number of injured has risen to six.", ("six", 6, 6, 6, "exact", "injured")),
    ("The ships came within 24 nautical miles of the coast.",
     ("24", 24, 24, 24, "exact", "nautical miles")),
    ("At least 46,500 Palestinians have been killed.",
     ("At least 46,500", 46500, 46500, None, "at_least", "Palestinians")),
    ("The city lost hundreds of buildings.", ("hundreds", None, 200, 999, "range", "buildings")),
    ("The offensive cost thousands of infantrymen.", ("thousands", None, 2000, 9999, "range", "infantrymen")),
    ("The refugees numbered tens of thousands of people.",
     ("tens of thousands", None, 20000, 99999, "range", "people")),
    ("The ally shipped millions of artillery shells.",
     ("millions", None, 2000000, 999999999, "range", "shells")),
    ("The reservoir fell by 40% this spring.", ("40%", 40, 40, 40, "exact", "percent")),
    ("The convoy had 500 or more vehicles.", ("500 or more", 500, 500, None, "at_least", "vehicles")),
    ("The ministry pledged $2.5 billion in aid.",
     ("$2.5 billion", 2500000000, 2500000000, 2500000000, "exact", "dollars")),
    ("The engineers cleared a dozen mines.", ("a dozen", 12, 12, 12, "exact", "mines")),
    ("The attack wounded twenty-five soldiers.", ("twenty-five", 25, 25, 25, "exact", "soldiers")),
    ("The fighters killed civilians over three days.", ("three", 3, 3, 3, "exact", "days")),
    ("The front moved over 3 kilometres.", ("over 3", 3, 3, None, "more_than", "kilometres")),
    ("Satellite images showed at least seven aircraft burnt out.",
     ("at least seven", 7, 7, None, "at_least", "aircraft")),
    ('The rebels seized "tens of thousands" of rounds.',
     ("tens of thousands", None, 20000, 99999, "range", "rounds")),
])
def test_quantity_forms(nlp, sentence, expected):
    got = quantities(nlp, sentence)
    assert got == [expected]


@pytest.mark.parametrize("sentence", [
    "Under Article 4 of the treaty the parties help each other.",
    "The 11th brigade moved to the coast.",
    "The treaty was signed on June 19 in the capital.",
    "The war began in 2022 and the fighting continued.",
    "The meeting started at 10:30 in the morning.",
    "The crew reported a blast near the ship at around 0600 GMT.",
    "The strike hit the depot at 11 p.m. on Sunday.",
    "The troops were moved between Oct. 8 and 13 by ship.",
])
def test_labels_dates_years_and_ordinals_are_not_counts(nlp, sentence):
    assert quantities(nlp, sentence) == []


def test_several_quantities_in_one_claim(nlp):
    got = quantities(nlp, "The army lost at least 200 tanks and more than 1,000 drones.")
    assert [(g[0], g[5]) for g in got] == [("at least 200", "tanks"), ("more than 1,000", "drones")]


def test_parse_number_forms():
    assert parse_number("3,000") == 3000
    assert parse_number("1.5 million") == 1_500_000
    assert parse_number("two hundred and fifty") == 250
    assert parse_number("a thousand") == 1000
    assert parse_number("banana") is None


def test_pluralize_units():
    assert pluralize("troop") == "troops"
    assert pluralize("casualty") == "casualties"
    assert pluralize("person") == "people"
    assert pluralize("personnel") == "personnel"
    assert pluralize("box") == "boxes"
    assert pluralize("km") == "km"  # an abbreviation has no plural


def test_elliptical_count_takes_the_unit_of_its_neighbour(nlp):
    got = quantities(nlp, "The shelling killed nine people and 11 wounded.")
    assert [(g[0], g[5]) for g in got] == [("nine", "people"), ("11", "people")]


def test_unit_does_not_jump_a_comma(nlp):
    got = quantities(nlp, "The raid killed two people and wounded six, two of them children.")
    assert got[1][0] == "six" and got[1][5] != "children"


def test_number_in_a_name_is_not_a_count(nlp):
    assert quantities(nlp, "The freighter Port Neva 3 docked at dawn.") == []


def test_unit_past_a_hyphenated_modifier(nlp):
    got = quantities(nlp, "More than 20 Moscow-backed fighters were captured.")
    assert [(g[0], g[5]) for g in got] == [("More than 20", "fighters")]


def test_a_bare_number_that_was_wounded_or_died_counts_people(nlp):
    assert quantities(nlp, "The governor said 13 were wounded.")[0][5] == "people"
    assert quantities(nlp, "At least two died in hospital.")[0][4:] == ("at_least", "people")
    # a thing can be hit or destroyed: no unit is guessed there
    assert quantities(nlp, "He said four were destroyed overnight.")[0][5] is None


@pytest.mark.parametrize("sentence,unit", [
    ("They put the death toll at more than 500.", "deaths"),
    ("They put the number of dead at 30.", "dead"),
    ("They put the toll at 12.", "deaths"),
    ("They put the casualty toll at 40.", "casualties"),
])
def test_a_figure_put_at_a_number_gives_it_its_unit(nlp, sentence, unit):
    assert quantities(nlp, sentence)[-1][5] == unit


def test_over_as_a_preposition_is_no_qualifier(nlp):
    found = quantities(nlp, "The ministry said it destroyed drones over 10 regions.")
    assert ("10", 10, 10, 10, "exact", "regions") in found
    assert quantities(nlp, "The ministry said the strike killed over 100 people.") == [
        ("over 100", 100, 100, None, "more_than", "people")]


def test_fractions_are_shares_in_percent(nlp):
    assert quantities(nlp, "The agency said traffic had fallen by roughly two-thirds.") == [
        ("roughly two-thirds", 66.7, None, None, "about", "percent")]
    assert quantities(nlp, "Officials said three-quarters of the homes were damaged.") == [
        ("three-quarters", 75.0, 75.0, 75.0, "exact", "percent")]


def test_a_number_inside_an_adjective_is_no_count_and_an_article_adds_nothing(nlp):
    assert quantities(nlp, "Officials said the drone set fire to a nine-storey apartment block.") == []
    assert quantities(nlp, "Officials said a two-year-old child was hurt in a 12-storey building.") == []
    assert quantities(nlp, "Officials said a hundred people were hurt.") == [
        ("a hundred", 100, 100, 100, "exact", "people")]


def test_topping_or_exceeding_a_figure_is_more_than_it(nlp):
    assert quantities(nlp, "The UN said the death toll could exceed 2,000.") == [
        ("exceed 2,000", 2000, 2000, None, "more_than", None)]


def test_one_in_five_is_a_share_in_percent(nlp):
    assert quantities(nlp, "UNICEF said one in five children was malnourished.") == [
        ("one in five", 20.0, 20.0, 20.0, "exact", "percent")]
    assert quantities(nlp, "UNICEF said 1 out of 4 homes had no water.") == [
        ("1 out of 4", 25.0, 25.0, 25.0, "exact", "percent")]


def test_a_rate_per_day_counts_no_days(nlp):
    found = quantities(nlp, "Aid groups say 500 a day are needed.")
    assert [(v, unit) for _, v, _, _, _, unit in found] == [(500, None)]
    found = quantities(nlp, "Only 80 trucks a day were entering.")
    assert [(v, unit) for _, v, _, _, _, unit in found] == [(80, "trucks")]


def test_a_range_counts_the_noun_past_a_hyphenated_description(nlp):
    got = quantities(nlp, "between 10 and 15 Western-supplied armoured vehicles were destroyed")
    assert [q[2:] for q in got] == [(10.0, 15.0, "range", "vehicles")]
