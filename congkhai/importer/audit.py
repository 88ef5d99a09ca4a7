"""The importer's audit: input lines whose words did not reach the plan file or the report."""

from __future__ import annotations

import re

from congkhai.importer.vn import WORD, nfc, squash, strip_tags, tokens

_THOUSANDS = re.compile(r"(?<=\d)[.,](?=\d{3}(?!\d))")
_LABEL = re.compile(r"\b(?:tiêu\s*chí|tc)\s*(?=\d)|(?<=\d)\s*(?:đồng|vnđ|vnd|đ)(?!\w)", re.IGNORECASE)
_SEGMENT = re.compile(r"\t|</?p>|[-–—.,;:!?()\[\]{}|\"“”‘’'«»/]+")


def audit(source_text: str, written: str, listed: list[str] = ()) -> list[tuple[int, str]]:
    """Input lines with words that are not in what was written (file and report), in their order.

    Checked piece by piece: every pair of neighbouring words of a piece of a line (the text
    between punctuation) must be neighbours somewhere in the output too, so a cell or row that went
    missing is caught even when its words occur elsewhere. Amounts lose their dots and "Tiêu chí
    1.1" labels become the tieu_chi key; numbers are checked one by one (ids and row numbers are
    rewritten), words also with their neighbours. `listed` are pieces the report quotes whole
    (the layout left out): they are cut out of a line before its words are checked.
    """
    cuts = sorted({s.strip() for s in listed if len(s.strip()) >= 4 and re.search(r"[^\W\d]", s)}, key=len, reverse=True)
    out = tokens(written)
    pairs = set(zip(out, out[1:]))
    single = set(out)
    missing: list[tuple[int, str]] = []
    originals = source_text.split("\n")
    text = _LABEL.sub(" ", _THOUSANDS.sub("", nfc(strip_tags(source_text))))
    lines = text.split("\n")
    if len(lines) != len(originals):
        originals = lines
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        for cut in cuts:
            if cut in line:
                line = line.replace(cut, "\t")
        for piece in _SEGMENT.split(line):
            words = [w.casefold() for w in WORD.findall(piece)]
            if not words:
                continue
            if not single.issuperset(words) or any(
                (a, b) not in pairs for a, b in zip(words, words[1:]) if not (a.isdigit() or b.isdigit())
            ):
                missing.append((n, squash(originals[n - 1])))
                break
    return missing
