"""Read the text layer of a PDF, page by page (pypdfium2, the bindings to Chromium's PDFium).

Why pypdfium2: speed decides here. A report is 60 to 150 pages, and PDFs printed by browsers or
converters draw text glyph run by glyph run; pure-Python readers parse those content streams at
0.02 to 0.3 s a page (pypdf; pdfplumber, built on pdfminer, is slower still), which puts a
120-page report anywhere from 3 to 35 s. PDFium reads a page in about 2 ms, so the import stays
well under 5 s for any report. It is actively maintained, permissively licensed, and ships
prebuilt wheels for Windows, macOS and Linux (nothing to compile on a school's machine). Lines
come in reading order with their line breaks; a PDF without a text layer is a scan, and the
editor is told so (recognising characters in images is not done here).
"""

from __future__ import annotations

import re
from pathlib import Path

from .document import ImportFailure

_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")  # glyphs without text (NUL for a drawn form feed)
MIN_CHARS_PER_PAGE = 20  # below this on average, the PDF is pictures of pages


def pages(path: Path) -> list[str]:
    """The text of each page, in order."""
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - a broken installation
        raise ImportFailure("chưa cài thư viện đọc PDF (pypdfium2); hãy chạy lại scripts/setup") from None
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise ImportFailure(
                f"tệp PDF «{path.name}» có đặt mật khẩu; hãy mở bằng trình đọc PDF, bỏ mật khẩu "
                "(hoặc in ra PDF mới) rồi chuyển lại"
            ) from None
        raise ImportFailure(
            f"tệp «{path.name}» bị hỏng hoặc không phải PDF; hãy tải lại tệp gốc, hoặc mở bằng trình đọc PDF "
            "rồi in ra PDF mới"
        ) from None
    try:
        texts = []
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        doc.close()
    if not texts:
        raise ImportFailure(f"tệp PDF «{path.name}» không có trang nào")
    chars = sum(len("".join(t.split())) for t in texts)
    if chars < MIN_CHARS_PER_PAGE * len(texts):
        raise ImportFailure(
            f"tệp PDF «{path.name}» không có lớp chữ ({len(texts)} trang, {chars} ký tự): đây là bản scan (ảnh chụp "
            "trang giấy). Công cụ này không nhận dạng chữ từ ảnh; hãy dùng tệp Word gốc của báo cáo, hoặc nhận dạng "
            "chữ (OCR) rồi lưu thành .docx hoặc .txt và chuyển lại"
        )
    return [_CONTROL.sub(" ", t.replace("\r\n", "\n").replace("\r", "\n")) for t in texts]
