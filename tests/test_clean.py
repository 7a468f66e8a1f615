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
}

MORE_BOILERPLATE = [
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
