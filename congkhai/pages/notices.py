"""The notice that a plan's text was read from a scan (OCR): one home for its words.

Every page that shows a plan's own words (plan page and its printout, criterion pages, the embed
widget, search results) marks OCR text with these, so a reader never takes a misread word for
what the school wrote. The plan page and its printout show the full notice; a place that shows
a single row shows the short flag, linking to the full notice (anchor OCR_ANCHOR).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from congkhai.core.model import Plan, SourceKind

OCR_ANCHOR = "ghi-chu-nguon"
OCR_LABEL = "Văn bản nhận dạng tự động từ bản quét (OCR)"
NOTE_LABEL = "Lưu ý về văn bản"  # when the plan's own note already says it came from a scan
_SAYS_SCAN = re.compile(r"\bOCR\b|nhận dạng|bản quét|ảnh chụp", re.IGNORECASE)
OCR_GENERIC = "Chữ được máy đọc từ ảnh chụp hoặc bản quét nên có thể sai chữ hoặc thiếu dấu."
OCR_ADVICE = "Khi cần trích dẫn, hãy đối chiếu với bản gốc có chữ ký và dấu của nhà trường."
OCR_SHORT = "Chữ nhận dạng tự động từ bản quét (OCR), có thể sai chữ hoặc thiếu dấu"


@dataclass(frozen=True)
class OcrNotice:
    label: str
    text: str  # the plan's own note on its source when it has one, else the generic sentence
    advice: str

    @property
    def sentence(self) -> str:
        """The notice as one paragraph (the printed plan)."""
        return f"{self.label}. {self.text} {self.advice}"


def is_ocr(plan: Plan) -> bool:
    return plan.meta.nguon_van_ban == SourceKind.OCR


def ocr_notice(plan: Plan) -> OcrNotice | None:
    """The plan's note replaces the generic sentence rather than following it, and when it says
    itself that the text was read from a scan, the label does not say it first: said twice, it
    reads as a mistake."""
    if not is_ocr(plan):
        return None
    own = " ".join((plan.meta.ghi_chu_nguon or "").split())
    label = NOTE_LABEL if _SAYS_SCAN.search(own) else OCR_LABEL
    return OcrNotice(label, own or OCR_GENERIC, OCR_ADVICE)
