"""The boilerplate filter: each kind of page furniture goes, article lines stay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.clean import boilerplate_kind, clean_text, is_boilerplate, is_related_headline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

BOILERPLATE = {
    "subscription": [
        "Subscribe to the Harbour Gazette morning bulletin",
        "Sign up for our weekly defence newsletter",
        "Keep independent journalism alive - subscribe from $3 a week",
        "Our reporting is reader-funded. Become a member today.",
        "This explainer is free to read. Support our journalism by becoming a subscriber.",
        "Support our correspondents in the field",
    ],
    "social_follow": [
        "JOIN US ON TELEGRAM",
        "👉 Follow us on Telegram: t.me/somechannel_news",
        "Follow the Steppe Herald on X and Facebook",
        "Join our Signal channel for breaking news",
        "Get Harbour Gazette alerts on WhatsApp",
        "🔔 Turn on notifications to hear about new posts first",
    ],
    "related_link": [
        "Read also: Border villages evacuated ahead of winter",
        "READ MORE: Drone debris damages apartment block",
        "Related: Parliament extends martial law",
        "See also the timeline of the offensive",
        "Most read: Fuel prices rise for the third week",
        "Related coverage: How the ceasefire talks collapsed",
    ],
    "share": [
        "Share this article",
        "Share on Facebook | Share on X | Copy link",
        "Share: Email · WhatsApp · Telegram",
        "Print | Email | Save as PDF",
        "Forward this newsletter to a friend",
    ],
    "media_credit": [
        "Photo: Regional Emergency Service",
        "📷 Photo: press office of the governor",
        "Soldiers unload crates at a depot. (Photo by Anna Example/Getty Images)",
        "Getty Images",
        "Map: Institute for Conflict Cartography",
        "Video: footage shared on social media, unverified",
        "Listen to this story (4 min)",
    ],
    "typo_prompt": [
        "You can also highlight the text and press Ctrl + Enter",
        "Found a mistake? Select the text and press Ctrl+Enter",
    ],
    "cookies": [
        "We use cookies to improve your experience on our website.",
        "By continuing you accept all cookies. Read our cookie policy.",
    ],
    "advertisement": [
        "Advertisement", "ADVERTISEMENT", "Sponsored content", "Story continues below advertisement",
    ],
    "copyright_legal": [
        "© Steppe Herald Media 2025. All rights reserved.",
        "Copyright 2025 Harbour Gazette",
        "Disclaimer: the publisher accepts no liability for third-party content.",
    ],
    "wire_credit": [
        "(Reporting by Jane Doe in Kyiv; editing by the night desk)",
        "(Additional reporting by John Roe; Writing by Ann Poe; Editing by Tom Loe)",
        "This story was originally published by the Lakeside Courier and is republished with permission.",
    ],
    "reader_contact": ["Have a correction? Email the newsroom", "Got a tip? Contact our reporters securely"],
    "page_controls": [
        "Refresh this page for new entries",
        "Click here to load the latest posts",
        "Download the full report (PDF)",
    ],
    "tags": ["Tags: Ukraine, Russia, drones", "#Kharkiv #airdefence #war"],
    "byline": ["By Staff Reporter | Harbour Lantern | 3 March 2026", "By Mira Okonjo, Odesa correspondent",
               "BY TOMAS REED", "By Mira Okonjo and Tomas Reed", "By J. K. Osei \u2014 12 May 2025"],
}

MORE_BOILERPLATE = [
    "Originally published in The Conversation.",
    "First appeared on the Lakeside Courier website.",
    "Advertisement - Scroll to continue",
    "Updated: 12:40, March 4",
    "Published on March 4, 2024",
    "Image caption, Rescuers at the site of the strike",
    "Photograph: Jane Doe/Reuters",
    "→ Read more",
    "Related Articles",
    "@harbourgazette_news",
    "Get the day's top stories delivered to your inbox",
    "The views expressed in this column are the author's own.",
    "Editing by Jane Roe",
    "Click to share on X (Opens in new window)",
    "Leave a comment",
    "Gary Example/Reuters.",
    "Editor's note: This story was updated with new figures.",
    "Translated from Russian by the news desk",
    "Contact the author: jane.doe@example.com",
    "View this post on Instagram",
    "— Jane Roe (@janeroe) March 4, 2024",
    "This analysis is available to subscribers only",
    "Our newsroom follows a published code of ethics",
    "Read our corrections policy",
    "How we report on casualties: our methodology",
    "Have a tip? Send it securely via Signal",
    "Got information about this story? Contact us",
    "Know more? Email our investigations team",
    "The Steppe Herald is funded by its readers. Join them today.",
    "Enjoyed this report? Buy us a coffee",
    "Donate to keep our reporters on the ground",
    "Like our work? Support us on Patreon",
    "Become a patron of independent journalism",
    "Subscribe now",
    "Subscribe for $1 for the first month",
    "Try our premium membership free for 30 days",
    "Already have an account? Log in",
    "Create a free account to keep reading",
    "You have 2 free articles left this month",
    "Sign in to continue reading",
    "Get the app",
    "Download our app for iOS and Android",
    "Follow us: Facebook | Instagram | YouTube",
    "Our Telegram channel: t.me/harbournews",
    "Subscribe to our YouTube channel",
    "Watch the full interview on our YouTube channel",
    "Listen to the podcast",
    "Listen: the latest episode of our war podcast",
    "Watch: Drone footage of the strike",
    "Video: Rescue workers search the rubble",
    "Photos: The aftermath in pictures",
    "Gallery: 12 images from the front",
    "In pictures: A town under fire",
    "Photo credit: Ministry of Defence",
    "(AP Photo/Jane Doe)",
    "Jane Doe/AFP via Getty Images",
    "Image courtesy of the regional administration",
    "Illustrative image",
    "File photo",
    "Also in the news: Fuel prices rise again",
    "More coverage: The war in maps",
    "Explore more: Our interactive map of the front",
    "Recommended reading: Why the bridge matters",
    "Don't miss: Our weekly war analysis",
    "Trending: Ceasefire talks stall",
    "Top story: Rockets hit the port",
    "Next article: The grain corridor explained",
    "Previous: How the strikes began",
    "Share this story",
    "Share via email",
    "Tweet this",
    "Copy URL",
    "Print article",
    "Email this article",
    "Save for later",
    "Bookmark",
    "Comments (12)",
    "12 comments",
    "Reading time: 4 min",
    "4 min read",
    "Text size",
    "Font size: A A A",
    "Listen to article",
    "Report an error",
    "Report a typo",
    "Did you find an error? Let us know",
    "If you notice a mistake, highlight it and press Ctrl+Enter",
    "This website uses cookies to ensure you get the best experience",
    "Manage cookie preferences",
    "Accept",
    "Advertisement",
    "ADVERTISING",
    "Sponsored by Example Bank",
    "Content from our partners",
    "Promoted stories",
    "© 2024 Harbour Gazette Ltd",
    "Copyright © Harbour Gazette",
    "Terms and conditions apply",
    "All material is protected by copyright",
    "Reproduction is permitted only with a link to the source",
    "When quoting, a hyperlink to the outlet is required",
    "(Writing by Jane Doe; Editing by John Roe)",
    "Compiled by the news desk",
    "With reporting by Jane Doe in Kyiv",
    "This report was produced with support from the Example Foundation",
    "This story has been corrected to fix the spelling of a name",
    "This article is part of our series on the war in Ukraine",
    "This article was amended on 5 March to correct a date",
    "The Baltic Post republishes articles from partner outlets under licence.",
    "Content syndicated from Meridian News Agency",
    "Distributed by Example Wire",
    "Live: Follow the latest developments",
    "Live updates will appear below",
    "Pinned post",
    "Newer posts",
    "Older posts",
    "Load more updates",
    "Show all",
    "See all stories",
    "Topics: war, energy",
    "More about: Ukraine",
    "Filed under: World, Europe",
]

ARTICLE_LINES = [
    "The regional governor said at least four people were killed in the overnight strike.",
    '"We will not be intimidated," the mayor told reporters on Tuesday.',
    "Officials declined to comment.",
    "He denied it.",
    "Monday, March 4",
    "What we know so far",
    "HEALTH MINISTRY",
    "- Twelve people remain in hospital, the ministry said.",
    "The channel, which has 300,000 subscribers on Telegram, said the convoy was hit near the border.",
    "Share prices of the state shipping firm fell 6% after the attack.",
    "Analysts said a photo published by the ministry showed damage to the runway.",
    "Follow-up strikes hit the same district two hours later, the air force said.",
    "The newsletter of the opposition party alleged that the vote had been rigged.",
    "Support for the ceasefire has fallen to 41%, according to a poll by the Kyiv institute.",
    "The ministry said it would publish the full report next week.",
    "Reporting by local media suggested that the bridge was closed.",
    "Updated figures show 40 dead, the ministry said.",
    "A Reuters/Ipsos poll found most respondents backed the measure.",
    "We are following the situation and will post updates as officials release them.",
    "This page is no longer being updated.",
    "Previous attempts to negotiate a ceasefire collapsed within days, officials said.",
    "Next week the ministers will meet again in Geneva.",
    "The agency said the reproduction of the report was not permitted under Russian law.",
    "Moscow said it would not accept the terms and conditions set by Kyiv for the talks.",
    "Sign in the window read \"closed until further notice\", residents said.",
    "The committee said the link between the two groups is required to be investigated.",
    "The soldiers were told to follow our orders, one detainee said in the video.",
    "\"Support our army,\" the banner read.",
    "The president urged citizens to donate to the army.",
    "Reporters saw the burning depot from a distance.",
    "Comments by the foreign minister drew an angry response from Beijing.",
    "The Kremlin declined to comment.",
    "Accept it or not, the deal is done, the official said.",
    "Listen to the people, the opposition leader told parliament.",
    "Gallery owners in the city said they had closed for the week.",
    "The film was distributed by a state company, the ministry said.",
    "Residents said they were living under licence from the occupation authorities.",
    "The FSB said the footage was filmed on Saturday.",
    "Tags on the debris showed the missile was made in 2023, investigators said.",
    "Next, the convoy moved towards the border.",
    "Latest figures from the UN show 1,200 civilians killed.",
    "Breaking the blockade was the main aim, the general said.",
    "Photos published by the ministry showed a crater next to the school.",
    "Video footage verified by the agency showed the vessel on fire.",
    "Read the statement, the spokesman told reporters, and you will see we did nothing wrong.",
    "The channel's subscribers can see the full footage, the blogger said.",
    "The newspaper said it had been funded by readers and by a state grant.",
    "He said the country's code of ethics for journalists was being rewritten.",
    "Updated casualty figures were published on Monday.",
    "Published reports suggested that the general had been dismissed.",
    "Pinned down by artillery, the unit withdrew, a soldier said.",
    "Share of exports fell to 12% from 18%, the central bank said.",
    "Print media in the region has been closed, the union said.",
    "The mayor called on residents to join the evacuation.",
    "\"Join us,\" the recruitment poster says.",
    "Follow-up reports said two more people had died.",
    "Readers of the paper were asked to support the appeal.",
    "Download speeds fell after the strike on the data centre, the operator said.",
    "By Monday the troops had left.",
    "By Friday, the convoy had reached the port.",
    "By March 2026 the price had doubled.",
    "By Western estimates, the brigade lost half its vehicles.",
    "By Mira Okonjo's count, nine villages were shelled.",
    "The reports first appeared in the Financial Times, which said, citing three people briefed on the "
    "talks, that delegations had met.",
    "The video first appeared on a pro-Kremlin Telegram channel on Tuesday.",
]


@pytest.mark.parametrize(("kind", "line"), [(k, x) for k, xs in BOILERPLATE.items() for x in xs])
def test_each_kind_of_boilerplate_is_dropped(kind: str, line: str) -> None:
    assert is_boilerplate(line), line
    assert boilerplate_kind(line) == kind


@pytest.mark.parametrize("line", MORE_BOILERPLATE)
def test_more_boilerplate_variants(line: str) -> None:
    assert is_boilerplate(line), line


@pytest.mark.parametrize("line", ARTICLE_LINES)
def test_article_lines_are_kept(line: str) -> None:
    assert not is_boilerplate(line), (line, boilerplate_kind(line))


def test_related_headline_between_paragraphs_is_dropped_but_title_and_headers_are_kept() -> None:
    text = "\n".join([
        "Drone Strike Hits Power Plant in Southern Region",  # the article's own title
        "A drone struck a thermal power plant in the south overnight, the regional governor said on Monday.",
        "Engineers Race to Restore Heating Before the First Frosts: Report",
        "Repairs would take at least two weeks, the operator said in a statement published on its website.",
        "What Happens Next",
        "The energy minister said emergency imports from neighbouring countries would cover the gap.",
    ])
    out = clean_text(text).split("\n")
    assert "Engineers Race to Restore Heating Before the First Frosts: Report" not in out
    assert out[0] == "Drone Strike Hits Power Plant in Southern Region"
    assert "What Happens Next" in out
    assert len(out) == 5


def test_related_headline_needs_paragraph_neighbours() -> None:
    line = "Troops Pull Back From the Eastern Bridgehead After Heavy Shelling"
    long_a = "The general staff said the withdrawal was completed overnight without losses of equipment."
    long_b = "Russian bloggers claimed the village had been taken, which Kyiv has not confirmed so far."
    assert is_related_headline(line, long_a, long_b)
    assert not is_related_headline(line, None, long_b)
    assert not is_related_headline(line, "Short one.", long_b)
    sentence_case = "Troops pull back from the eastern bridgehead after shelling"
    assert not is_related_headline(sentence_case, long_a, long_b)


def test_clean_text_layout_one_paragraph_per_line() -> None:
    raw = "Title of the piece\r\n\r\n  First paragraph here.  \n\nAdvertisement\n\nSecond paragraph here.\n"
    assert clean_text(raw) == "Title of the piece\nFirst paragraph here.\nSecond paragraph here."


def test_bench_gold_boilerplate_targets() -> None:
    """On the public dev set: >= 95% of gold boilerplate dropped, >= 99% of article lines kept."""
    gold = SHARED / "bench" / "dev" / "gold.jsonl"
    if not gold.is_file():
        pytest.skip(f"shared bench data not found at {gold}")
    dropped = total_bp = kept = total = 0
    for line in gold.read_text("utf-8").splitlines():
        row = json.loads(line)
        raw = (SHARED / "bench" / "dev" / "articles" / f"{row['id']}.txt").read_text("utf-8")
        out = set(clean_text(raw).split("\n"))
        total_bp += len(row["boilerplate"])
        dropped += sum(1 for b in row["boilerplate"] if b.strip() not in out)
        lines = [x.strip() for x in row["text"].split("\n") if x.strip()]
        total += len(lines)
        kept += sum(1 for x in lines if x in out)
    assert dropped / total_bp >= 0.95
    assert kept / total >= 0.99
