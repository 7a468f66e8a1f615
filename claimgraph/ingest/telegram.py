"""Telegram Desktop channel exports (`result.json`): each message one document.

The channel's name is the outlet, the message date its publication date, and
a forwarded message keeps `forwarded_from`: a forward is a relay of the
channel it came from. Message text is either a string or a list of strings
and entity objects (`{"type": "bold", "text": ...}`); both are flattened.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from claimgraph.ingest.items import Failure, Item, Skipped
from claimgraph.model import Document


def is_export(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("messages"), list)


def message_text(text: Any) -> str:
    """Plain text of a message's `text` field (string, or list of strings and entities)."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(p if isinstance(p, str) else str(p.get("text", "")) if isinstance(p, dict) else ""
                       for p in text)
    return ""


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:40] or "channel"


def export_items(data: dict[str, Any], where: str) -> list[Item | Failure | Skipped]:
    """Items of every text message of an export; service messages and media without text are left out."""
    channel = str(data.get("name") or data.get("title") or "telegram")
    username = data.get("username")
    out: list[Item | Failure | Skipped] = []
    for msg in data["messages"]:
        if not isinstance(msg, dict):
            continue
        mid = msg.get("id")
        ref = f"{where}#{mid}"
        if msg.get("type", "message") != "message":
            out.append(Skipped(ref, f"a service message ({msg.get('action') or msg.get('type')})"))
            continue
        body = message_text(msg.get("text")).strip()
        if not body:
            kind = msg.get("media_type") or ("photo" if msg.get("photo") else "")
            out.append(Skipped(ref, f"no text ({kind} without a caption)" if kind else "no text"))
            continue
        url = f"https://t.me/{username}/{mid}" if username and mid is not None else None
        try:
            from claimgraph.ingest.read import check_text

            check_text(ref, body)
        except Exception as exc:  # noqa: BLE001 - InputError, reported per message
            out.append(Failure(ref, getattr(exc, "reason", str(exc))))
            continue
        doc = Document(id=f"tg-{_slug(channel)}-{mid}", text=body, published=msg.get("date"), language="en",
                       outlet=channel, author=msg.get("author") or msg.get("from"), url=url,
                       raw=json.dumps(msg, ensure_ascii=False), kind="telegram",
                       forwarded_from=msg.get("forwarded_from"))
        out.append(Item("doc", ref, doc=doc))
    return out


def items_from_export(path: Path) -> list[Item | Failure | Skipped]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [Failure(str(path), f"not a readable JSON file ({exc})")]
    if not is_export(data):
        return [Failure(str(path), "JSON but not a Telegram export (no 'messages' list)")]
    # an export of only service messages or captionless media would otherwise pass as a silent "added 0"
    return export_items(data, str(path)) or [Skipped(str(path), "no messages")]
