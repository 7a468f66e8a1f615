"""Reading figures for linking: what a number counts, and when it is only a part or a whole."""

from __future__ import annotations

from claimgraph.link.figures import read_figures


def _read(text: str) -> list[tuple[float, str]]:
    return [(f.value, f.measure) for f in read_figures(text)]


def test_number_after_of_is_a_whole_only_after_another_number():
    assert _read("a total of 320 people were injured in the collapse") == [(320.0, "injured")]
    assert [v for v, _ in _read("five of the nine defendants pleaded guilty")] == [5.0]
    assert [v for v, _ in _read("five of nine defendants pleaded guilty")] == [5.0]


def test_fighting_for_lives_is_not_a_death_toll():
    assert _read("medics were fighting for the lives of 48 people in hospital") == [(48.0, "hospitalised")]
    assert _read("the flood claimed the lives of 12 people") == [(12.0, "dead")]


def test_quantifier_of_the_number_and_dates_are_not_counts():
    assert [v for v, _ in _read("each of the three men was promised 2,000 dollars")] == [2000.0]
    assert _read("the agency registered 260 injured people as of May 12") == [(260.0, "injured")]
    assert _read("on June 3, 14 people were detained") == [(14.0, "detained")]


def test_toll_named_well_before_its_number_is_still_the_toll():
    text = "The death toll from Sunday's collapse of the old bridge over the river rose to 41"
    assert _read(text) == [(41.0, "dead")]


def test_a_toll_that_rose_to_a_number_far_after_it_and_killing_count_the_dead():
    text = "The death toll from a missile strike on an apartment block in Poltava on Saturday rose to 11"
    assert _read(text) == [(11.0, "dead")]
    assert _read("a missile hit the building on Saturday morning, killing at least 7 people")[0][1] == "dead"


def test_number_words_split_by_a_lost_comma_are_two_counts():
    assert _read("the shelling wounded six, two of them children") == [(6.0, "injured"), (2.0, "")]
    assert _read("twenty two sailors were killed") == [(22.0, "dead")]


def test_side_named_before_the_noun_and_an_episode_after_the_figure():
    from claimgraph.link.figures import disjoint, same_side

    rebels = read_figures("they killed 30 Dune fighters and 12 Sand soldiers in an ambush near the well")
    assert [(f.whose, f.episode) for f in rebels] == [("dune", True), ("sand", True)]
    (army,) = read_figures("two soldiers were killed")
    (total,) = read_figures("40 Sand soldiers were killed in three days")
    assert same_side(army, rebels[1]) and same_side(army, total)  # no side named, same noun
    assert not same_side(army, rebels[0])  # "soldiers" named by nobody are not "Dune fighters"
    assert not same_side(rebels[1], rebels[0])
    assert not disjoint(rebels[1], total)  # 12 in one ambush fits 40 in all
    assert disjoint(rebels[1], army)  # 12 in one ambush cannot be 2 in all


def test_about_stays_near_a_number_rounded_to_tens():
    (f,) = read_figures("about 670 children were in the ward")
    assert 630 < f.low < 640 and 700 < f.high < 710  # 627 is not "about 670"
    (g,) = read_figures("about 20 fighters were killed")
    assert (g.low, g.high) == (17.0, 23.0)


def test_head_of_two_nouns_is_what_is_counted_and_patients_are_in_hospital():
    (f,) = read_figures("it had received 143 missing-person reports")
    assert f.noun == "reports"
    (g,) = read_figures("the clinic had 412 patients in its care")
    assert (g.measure, g.noun) == ("hospitalised", "people")


def test_n_more_is_an_increment_not_a_total():
    assert _read("31 bodies were found in the hall and 14 more on the stairs") == [(31.0, "dead"), (14.0, "")]
    assert _read("60 or more people died") == [(60.0, "dead")]


def test_troops_said_to_be_somewhere_are_a_deployed_count():
    assert _read("about 4,000 marines are now in the border district") == [(4000.0, "deployed")]
    assert _read("some 900 soldiers were in the port city last week") == [(900.0, "deployed")]


def test_troops_arriving_sent_or_already_somewhere_are_deployed():
    assert _read("about 1,500 special troops had already arrived in the port") == [(1500.0, "deployed")]
    assert _read("around 3,000 soldiers were already in the country") == [(3000.0, "deployed")]
    assert _read("the government may eventually send as many as 10,000 soldiers") == [(10000.0, "deployed")]


def test_a_list_of_parts_goes_on_after_and_but_a_new_measure_does_not():
    got = _read("it had sent up to 12,000 soldiers, including 500 officers and three generals")
    assert got == [(12000.0, "deployed"), (500.0, ""), (3.0, "")]
    got = _read("the strike killed 12 people including 3 children and 40 were injured")
    assert got == [(12.0, "dead"), (3.0, ""), (40.0, "injured")]


def test_missiles_and_drones_launched_are_two_counts():
    missiles, drones = read_figures("Russia launched 12 missiles at the city and 40 drones across the land")
    assert missiles.key != drones.key and missiles.noun == "missiles" and drones.noun == "drones"


def test_the_part_of_which_counts_the_same_things_as_its_whole():
    whole, part = read_figures("Russia launched 12 missiles at the city, seven of which were shot down")
    assert (part.value, part.measure, part.noun) == (7.0, "downed", "missiles")


def test_what_follows_an_increment_adds_to_it_too():
    figs = read_figures("three more bodies had been recovered from the building and that two people had died "
                        "in hospital")
    assert [(f.value, f.measure) for f in figs] == [(3.0, ""), (2.0, "")]
    figs = read_figures("three more bodies were found, bringing the total death toll to 12")
    assert [(f.value, f.measure) for f in figs] == [(3.0, ""), (12.0, "dead")]


def test_a_count_of_places_is_where_not_how_many():
    assert _read("Air defences shot down 30 drones over nine regions overnight") == [(30.0, "downed")]
    assert _read("drones were intercepted over 10 regions") == []


def test_a_figure_the_claim_rejects_is_not_its_own():
    assert [f.value for f in read_figures("14 people were killed, not nine as Russian media claimed")] == [14]
    assert [f.value for f in read_figures("14 people were killed rather than the 40 first reported")] == [14]
    assert [f.value for f in read_figures("not 14 but 20 people died")] == [20]
    # a bound is no rejection, and a negated verb is the claim's own polarity, read elsewhere
    bound = read_figures("not less than 12 people died")
    assert [(f.value, f.qualifier) for f in bound] == [(12, "at_least")]
    assert [f.value for f in read_figures("the strike did not kill 14 people")] == [14]


def test_the_figure_a_claim_replaces_is_not_its_own():
    now = read_figures("about 11,000 troops were in Kursk, up from 3,000 last week")
    assert [f.value for f in now] == [11000]
    assert [f.value for f in read_figures("the toll rose from 12 to 20 people")] == [20]
    assert [f.value for f in read_figures("20 people died, compared with 12 a day earlier")] == [20]
    # "from" before a number that does not run "to" another is no change
    assert [f.value for f in read_figures("troops from 3 brigades crossed the river")] == [3]
