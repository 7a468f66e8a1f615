"""Screenshots of the workbench for the README, made from the bundled sample articles.

Ingests samples/*.jsonl into a temporary store, serves it on a free localhost
port, and saves docs/screenshot-reader.png and docs/screenshot-claim.png with
Debian's headless Chromium driven by Playwright.

    .venv/bin/python scripts/screenshots.py [--out docs]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claimgraph.web.testserver import CHROMIUM, LAUNCH_ARGS, running_server  # noqa: E402


def fill_store(url: str, samples: Path) -> None:
    """Ingest every sample article the way `claimgraph ingest` does (cleaned, extracted, linked)."""
    from claimgraph.ingest.batch import ingest
    from claimgraph.store import open_store

    store = open_store(url)
    ingest([str(p) for p in sorted(samples.glob("*.jsonl"))], store)
    store.close()


def pick(base: str) -> tuple[str, str]:
    """The article with the most attributions and the claim with the most appearances."""
    import httpx

    docs = httpx.get(f"{base}/api/documents?limit=200").json()["items"]
    best_doc, best_n = docs[0]["id"], -1
    for d in docs:
        n = len(httpx.get(f"{base}/api/documents/{d['id']}").json()["attributions"])
        if n > best_n:
            best_doc, best_n = d["id"], n
    claims = httpx.get(f"{base}/api/claims?order=repeated&limit=5").json()["items"]
    return best_doc, claims[0]["id"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--samples", default=str(ROOT / "samples"))
    ap.add_argument("--out", default=str(ROOT / "docs"))
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"screenshots: {CHROMIUM} is missing: apt-get install chromium", file=sys.stderr)
        return 2
    from urllib.parse import quote

    from playwright.sync_api import sync_playwright

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        url = str(Path(tmp) / "samples.db")
        fill_store(url, Path(args.samples))
        with running_server(url) as base, sync_playwright() as pw:
            doc_id, claim_id = pick(base)
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
            page.goto(f"{base}/documents/{quote(doc_id, safe='')}")
            first = page.locator("a.hl-source").first
            first.hover()
            page.screenshot(path=str(out / "screenshot-reader.png"), full_page=False)
            page.goto(f"{base}/claims/{quote(claim_id, safe='')}")
            page.set_viewport_size({"width": 1280, "height": 1100})
            page.screenshot(path=str(out / "screenshot-claim.png"), full_page=False)
            browser.close()
    print(f"wrote {out / 'screenshot-reader.png'} and {out / 'screenshot-claim.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
