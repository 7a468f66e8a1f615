"""The workbench in a real browser: Debian's headless Chromium driven by Playwright.

The seed article goes through the real pipeline (read, clean, extract, store,
link); a uvicorn server on a free localhost port serves it from a thread.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from claimgraph.web.testserver import CHROMIUM, LAUNCH_ARGS, running_server

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "corpus" / "seed-kyivpost.txt"

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason=f"{CHROMIUM} is missing: install Debian's chromium "
    "(scripts/setup.sh --test does) to run the browser tests",
)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    p = browser.new_page(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    p.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    p.on("pageerror", lambda e: problems.append(str(e)))
    p.problems = problems  # type: ignore[attr-defined]
    yield p
    p.close()


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    from claimgraph.extract import extract
    from claimgraph.ingest.read import read_input
    from claimgraph.store import open_store

    url = str(tmp_path_factory.mktemp("seed") / "seed.db")
    st = open_store(url)
    doc = read_input(str(SEED))
    doc.outlet, doc.published = "Kyiv Post", "2024-10-22"
    doc.attributions = extract(doc)
    doc_id, _ = st.add_document(doc)
    st.relink()
    yield url, st, doc_id
    st.close()


def _attribution_count(page) -> int:
    return page.locator("aside.atts li.card").count()


def test_reader_highlights_the_seed_article(seed_store, page):
    url, _, doc_id = seed_store
    with running_server(url) as base:
        page.goto(f"{base}/documents/{quote(doc_id, safe='')}")
        n = _attribution_count(page)
        assert n >= 5
        assert page.locator("#doc-text a.hl-content").count() >= n
        assert page.locator("#doc-text a.hl-cue").count() >= n // 2
        assert page.locator("#doc-text a.hl-source").count() >= n // 2
        # the text nodes together are exactly the stored text: offsets hold
        stored = page.request.get(f"{base}/api/documents/{quote(doc_id, safe='')}").json()["text"]
        assert page.eval_on_selector("#doc-text", "el => el.textContent") == stored
        # hovering a source shows who, relays and certainty
        page.locator("#doc-text a.hl-source").first.hover()
        tip = page.locator("#tip")
        assert tip.is_visible()
        assert "certainty" in tip.inner_text().lower()
        # focusing (keyboard) does too
        page.mouse.move(1, 1)
        page.locator("#doc-text a.hl-cue").first.focus()
        assert tip.is_visible()
        # ... and Ctrl+Enter on a focused highlight reports its whole content
        page.keyboard.press("Control+Enter")
        assert page.locator("#report-dialog").is_visible()
        selection = page.input_value('#report-form input[name="selection"]')
        which = page.locator("#doc-text a.hl-cue").first.get_attribute("data-a")
        card = page.eval_on_selector(
            f'aside.atts li.card[data-a="{which}"] .content-q', "el => el.textContent"
        )
        assert selection and card.strip().startswith(selection[:40])
        page.keyboard.press("Escape")
        assert page.problems == []  # no CSP violation, no script error


SELECT_ATTRIBUTION = """(a) => {
  const els = document.querySelectorAll('#doc-text a.hl-content[data-a="' + a + '"]');
  const first = els[0], last = els[els.length - 1];
  const r = document.createRange();
  r.setStart(first.firstChild, 0);
  r.setEnd(last.firstChild, last.firstChild.length);
  const s = window.getSelection();
  s.removeAllRanges();
  s.addRange(r);
  return s.toString();
}"""


def test_select_report_accept_and_see_the_correction(seed_store, page):
    url, store, doc_id = seed_store
    path = f"/documents/{quote(doc_id, safe='')}"
    with running_server(url) as base:
        page.goto(base + path)
        before = _attribution_count(page)
        target = page.eval_on_selector('aside.atts li.card[data-a="0"] .content-q', "el => el.textContent")
        selected = page.evaluate(SELECT_ATTRIBUTION, 0)
        assert selected.strip()
        assert page.locator("#report-button").is_visible()  # the touch-screen way in
        page.keyboard.press("Control+Enter")
        dialog = page.locator("#report-dialog")
        assert dialog.is_visible()
        form = {
            k: page.input_value(f'#report-form input[name="{k}"]')
            for k in (
                "selection",
                "start",
                "end",
                "prefix",
                "suffix",
                "claim_id",
                "document_id",
                "doc_version",
            )
        }
        stored = store.get_document(doc_id)
        start, end = int(form["start"]), int(form["end"])
        assert stored["text"][start:end] == form["selection"] == selected
        assert form["prefix"] == stored["text"][max(0, start - 60) : start]
        assert form["suffix"] == stored["text"][end : end + 60]
        assert form["claim_id"] and form["document_id"] == doc_id and form["doc_version"] == stored["version"]
        page.check('#report-form input[value="not_a_claim"]')
        page.fill('#report-form textarea[name="comment"]', "this is the article's own voice")
        page.click('#report-form button[type="submit"]')
        page.wait_for_url("**?done=report")
        assert page.url.endswith("?done=report"), (page.url, page.inner_text("main")[:500])
        assert "your report is recorded" in page.inner_text(".flash")

        page.goto(base + "/review")
        assert "this is the article" in page.inner_text("ol.reports")
        page.click('ol.reports button[value="accept"]', timeout=120_000)
        page.wait_for_url("**/review?done=accepted", timeout=120_000)
        assert store.list_reports(status="accepted")

        store.reextract(doc_id)  # the extractor runs again: the correction must hold
        page.goto(base + path)
        assert _attribution_count(page) == before - 1
        shown = [t.strip() for t in page.locator("aside.atts li.card .content-q").all_inner_texts()]
        assert target.strip() not in shown
        assert page.problems == []


def test_a_refused_report_says_why_in_the_dialog_and_keeps_what_was_typed(seed_store, page):
    url, store, doc_id = seed_store
    with running_server(url) as base:
        page.goto(f"{base}/documents/{quote(doc_id, safe='')}")
        reports_before = len(store.list_reports(status="open"))
        page.evaluate(SELECT_ATTRIBUTION, 0)
        page.keyboard.press("Control+Enter")
        page.check('#report-form input[value="wrong_source"]')
        page.fill('#report-form input[name="source"]', "a source the article never names")
        page.fill('#report-form textarea[name="comment"]', "typed with care")
        page.click('#report-form button[type="submit"]')
        error = page.locator("#report-error")
        error.wait_for(state="visible")
        assert "not in the document's text" in error.inner_text()
        assert page.locator("#report-dialog").is_visible()
        assert page.input_value('#report-form textarea[name="comment"]') == "typed with care"
        assert len(store.list_reports(status="open")) == reports_before
        page.fill('#report-form input[name="source"]', "")  # corrected: now it goes through
        page.click('#report-form button[type="submit"]')
        page.wait_for_url("**?done=report")
        assert len(store.list_reports(status="open")) == reports_before + 1
        assert [p for p in page.problems if "400" not in p] == []


def test_claim_page_draws_relay_graph_and_timeline(tmp_path, page):
    from web_data import fill

    from claimgraph.store import open_store

    url = str(tmp_path / "claims.db")
    st = open_store(url)
    fill(st)
    st.close()
    with running_server(url) as base:
        page.goto(f"{base}/claims/c-patrols")
        graph = page.locator("svg#relay-graph")
        assert graph.is_visible()
        assert page.locator("svg#relay-graph g.node-outlet").count() == 2
        assert page.locator("svg#relay-graph g.node-relay text").all_text_contents() == ["The Morning Ledger"]
        assert page.locator("svg#relay-graph g.node-origin text").all_text_contents() == ["Port Authority"]
        assert page.locator("svg#relay-graph path.edge").count() == 3
        assert page.locator("svg#timeline circle.dot").count() == 2
        assert page.locator("svg#timeline circle.dot.first").count() == 1
        assert "1 independent origin" in page.inner_text(".stats")
        page.goto(f"{base}/claims/c-vessels")
        assert page.locator(".versus").count() == 1
        assert "40 vs 65" in page.inner_text(".versus")
        page.locator("svg#relay-graph g.node-origin a").first.click()
        page.wait_for_url("**/sources/**")
        assert page.problems == []


def test_ingest_a_file_from_the_browser(tmp_path, page):
    from claimgraph.store import open_store

    url = str(tmp_path / "ingest.db")
    open_store(url).close()
    article = tmp_path / "ferry-strike.txt"
    article.write_text(
        "Ferry crews walked out at dawn, the dockworkers' union said on Sunday.\n"
        "According to the harbour office, eleven sailings were cancelled.\n",
        encoding="utf-8",
    )
    with running_server(url) as base:
        page.goto(f"{base}/ingest")
        form = page.locator("form:has(input[type=file])")
        form.locator("input[type=file]").set_input_files(str(article))
        form.locator("input[name=outlet]").fill("Browser Post")
        form.locator("button[type=submit]").click()
        page.wait_for_url("**/documents/ferry-strike?done=ingested", timeout=120_000)
        assert "Browser Post" in page.inner_text(".meta")
        assert page.locator("#doc-text a.hl").count() >= 2
        assert page.problems == []


def test_pages_fit_a_phone_screen(tmp_path, browser):
    """At 390 px no page scrolls sideways: the two sides of a conflict stack, a wide table scrolls alone."""
    from web_data import fill

    from claimgraph.store import open_store

    url = str(tmp_path / "phone.db")
    st = open_store(url)
    fill(st)
    st.close()
    phone = browser.new_page(viewport={"width": 390, "height": 800})
    try:
        with running_server(url) as base:
            for path in ("/", "/conflicts", "/claims/c-vessels", "/api", "/ingest", "/review"):
                phone.goto(base + path)
                width = phone.evaluate("document.documentElement.scrollWidth")
                assert width <= 390, (path, width)
            phone.goto(base + "/conflicts")
            sides = phone.locator(".versus .side")
            assert sides.count() >= 2
            first, second = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
            assert second["y"] > first["y"]  # stacked, not side by side
    finally:
        phone.close()
