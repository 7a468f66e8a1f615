"""Writes samples/north-korea-troops.jsonl: short articles written for claimgraph.

They re-tell, in the project's own words, publicly reported events of October to
December 2024 about North Korean troops sent to Russia. Outlets are fictional
("Sample ..."), so no real publication is credited with words it never printed.
Run: python samples/make_samples.py
"""

import json
from pathlib import Path

ARTICLES = [
    {
        "id": "sample-1-nis-briefing",
        "outlet": "Sample Seoul Herald",
        "published": "2024-10-18",
        "title": "North Korea decides to send 12,000 troops to Russia, Seoul's spy agency says",
        "text": (
            "North Korea has decided to send about 12,000 troops, organised in four brigades, to help "
            "Russia in its war against Ukraine, South Korea's National Intelligence Service (NIS) said "
            "on Friday.\n"
            "The NIS said that some 1,500 special forces soldiers had already been moved by Russian navy "
            "ships from North Korean ports to Vladivostok.\n"
            "\u201cThe soldiers have been given Russian uniforms and forged identity papers,\u201d the "
            "agency said in a statement, adding that they were expected to be sent to the front after "
            "training.\n"
            "Read also: Seoul summons Russian ambassador over arms cooperation\n"
            "Officials in Seoul, who spoke on condition of anonymity, told reporters that the deployment "
            "could grow in the coming months.\n"
            "The Kremlin has denied the reports, calling them fake news.\n"
            "Subscribe to our newsletter to get the day's top stories."
        ),
    },
    {
        "id": "sample-2-pentagon",
        "outlet": "Sample Atlantic Wire",
        "published": "2024-10-28",
        "title": "Pentagon: about 10,000 North Korean soldiers are in Russia",
        "text": (
            "North Korea has sent around 10,000 soldiers to train in eastern Russia, Pentagon spokeswoman "
            "Sabrina Singh said on Monday.\n"
            "Singh told reporters that some of those troops had already moved closer to Ukraine and that "
            "the United States was increasingly concerned they would be used in combat.\n"
            "According to the Pentagon, the troops could be deployed to Russia's Kursk region within weeks.\n"
            "NATO Secretary General Mark Rutte said the deployment marked a significant escalation.\n"
            "Photo: AFP\n"
            "South Korea's intelligence service earlier said the figure stood at 12,000."
        ),
    },
    {
        "id": "sample-7-us-kursk",
        "outlet": "Sample Atlantic Wire",
        "published": "2024-10-31",
        "title": "US: about 8,000 North Korean soldiers in Kursk region",
        "text": (
            "About 8,000 North Korean soldiers are now in Russia's Kursk region, U.S. Secretary of State "
            "Antony Blinken said on Thursday.\n"
            "Speaking in Washington alongside South Korean ministers, Blinken said the troops could enter "
            "combat against Ukraine in the coming days.\n"
            "Follow us on Telegram for the latest updates."
        ),
    },
    {
        "id": "sample-3-hur-kursk",
        "outlet": "Sample Kyiv Ledger",
        "published": "2024-11-05",
        "title": "HUR: 11,000 North Korean troops in Kursk region",
        "text": (
            "Around 11,000 North Korean soldiers are now in Russia's Kursk region, Ukraine's Military "
            "Intelligence (HUR) said on Tuesday.\n"
            "In a post on its Telegram channel, the agency said the soldiers were being trained in artillery, "
            "drone operation and basic infantry tactics.\n"
            "\u201cThey have been attached to Russian marine and airborne units,\u201d HUR chief Kyrylo "
            "Budanov told a Ukrainian broadcaster. \u201cWe expect them to take part in assaults soon.\u201d\n"
            "If you see an error, highlight the text and press Ctrl + Enter.\n"
            "The Kremlin did not comment."
        ),
    },
    {
        "id": "sample-4-relay",
        "outlet": "Sample Baltic Review",
        "published": "2024-11-06",
        "title": "Ukrainian intelligence reports North Korean troops near the front",
        "text": (
            "Sample Kyiv Ledger, citing Ukraine's Military Intelligence, reported that around 11,000 North "
            "Korean soldiers are now in Russia's Kursk region.\n"
            "According to the Defence Intelligence of Ukraine, the soldiers are being trained in artillery "
            "and drone operation.\n"
            "The Pentagon had earlier said that about 10,000 North Korean troops were in eastern Russia.\n"
            "Russian Foreign Minister Sergei Lavrov said the two countries' military cooperation did not "
            "violate any international law."
        ),
    },
    {
        "id": "sample-5-casualties",
        "outlet": "Sample Seoul Herald",
        "published": "2024-12-19",
        "title": "At least 100 North Korean soldiers killed in Russia, lawmakers say",
        "text": (
            "At least 100 North Korean soldiers have been killed and about 1,000 wounded fighting for Russia, "
            "South Korean lawmakers said on Thursday, citing a briefing by the National Intelligence Service.\n"
            "The NIS told lawmakers that the troops were unfamiliar with drone warfare and the open terrain "
            "of the Kursk front.\n"
            "\u201cThe casualties are rising quickly,\u201d lawmaker Lee Seong-kweun said after the briefing."
        ),
    },
    {
        "id": "sample-6-zelensky",
        "outlet": "Sample Kyiv Ledger",
        "published": "2024-12-23",
        "title": "Zelensky: more than 3,000 North Korean soldiers killed or wounded",
        "text": (
            "More than 3,000 North Korean soldiers have been killed or wounded in the Kursk region, "
            "Ukrainian President Volodymyr Zelensky said on Monday.\n"
            "He said that the figure was based on preliminary data and warned that Pyongyang might send "
            "more troops and equipment to Russia.\n"
            "Share this article\n"
            "Kremlin spokesman Dmitry Peskov declined to comment on the report."
        ),
    },
]


def main() -> None:
    out = Path(__file__).with_name("north-korea-troops.jsonl")
    with out.open("w", encoding="utf-8") as fh:
        for article in ARTICLES:
            fh.write(json.dumps(article, ensure_ascii=False) + "\n")
    print(f"wrote {out} ({len(ARTICLES)} articles)")


if __name__ == "__main__":
    main()
