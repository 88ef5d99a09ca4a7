"""Open the input file: size, format and encoding checks with clear messages, then the reader."""

from __future__ import annotations

from pathlib import Path

from . import ocr, pdf, text
from congkhai.core import limits

from .document import ImportFailure, Source

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _convert_hint(path: Path, what: str, extra: str = "") -> str:
    return (
        f"tệp «{path.name}» là {what}, chưa đọc trực tiếp được. Hãy chuyển sang .docx rồi chạy lại, ví dụ:\n"
        f'    libreoffice --headless --convert-to docx{extra} "{path}"\n'
        "hoặc mở bằng Microsoft Word và chọn Lưu thành… > Tài liệu Word (.docx)."
    )


def read(path: Path) -> Source:
    if not path.exists():
        raise ImportFailure(f"không tìm thấy tệp «{path}»", 2)
    if path.is_dir():
        raise ImportFailure(f"«{path}» là thư mục, không phải tệp văn bản", 2)
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise ImportFailure(_convert_hint(path, "văn bản Word cũ (.doc)"), 2)
    if suffix in {".odt", ".rtf", ".wps"}:
        raise ImportFailure(_convert_hint(path, f"văn bản dạng {suffix}"), 2)
    try:
        size = path.stat().st_size
        limit = {".pdf": limits.IMPORT_PDF_BYTES, ".docx": limits.IMPORT_BYTES}.get(suffix, limits.TXT_BYTES)
        if size > limit:
            raise ImportFailure(
                f"tệp «{path.name}» quá lớn ({size / 1024 / 1024:.1f} MB); kế hoạch cải tiến thường dưới 5 MB, "
                f"tối đa {limit // 1024 // 1024} MB. Hãy bỏ ảnh trong văn bản hoặc kiểm tra có chọn nhầm tệp không"
            )
        if size == 0:
            raise ImportFailure(f"tệp «{path.name}» rỗng (0 byte)")
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as e:
        raise ImportFailure(f"không đọc được tệp «{path.name}» ({e.strerror})") from None
    if suffix == ".pdf":
        if not head.startswith(b"%PDF"):
            raise ImportFailure(f"tệp «{path.name}» mang đuôi .pdf nhưng không phải PDF; hãy tải lại tệp gốc")
        pages = pdf.pages(path)
        joined = "\f".join(pages)  # pages stay apart: page numbers and running headers are found per page
        return Source(path, [], joined)
    if suffix == ".docx":
        if head.startswith(OLE_MAGIC):
            raise ImportFailure(_convert_hint(path, "văn bản Word cũ (.doc) mang đuôi .docx"), 2)
        if not head.startswith(b"PK"):
            raise ImportFailure(
                f"tệp «{path.name}» bị hỏng hoặc không phải văn bản Word (.docx); hãy mở bằng Word và lưu lại dạng .docx"
            )
        from . import docx

        blocks, raw = docx.read(path)
        if not raw.strip():
            raise ImportFailure(f"văn bản «{path.name}» không có chữ nào")
        return Source(path, blocks, raw, ocr.is_ocr(raw))
    if suffix in TEXT_SUFFIXES or suffix == "":
        if head.startswith(b"PK") or head.startswith(OLE_MAGIC) or head.startswith(b"%PDF"):
            raise ImportFailure(f"tệp «{path.name}» không phải văn bản thuần (.txt); hãy dùng đúng đuôi tệp (.docx, .pdf…)")
        raw = path.read_bytes()
        content, warnings = text.decode(raw, path.name)
        if not content.strip():
            raise ImportFailure(f"tệp «{path.name}» không có chữ nào")
        is_ocr = ocr.is_ocr(content)
        return Source(path, text.parse(content, is_ocr), content, is_ocr, warnings)
    raise ImportFailure(
        f"chưa hỗ trợ tệp «{path.name}»; hãy dùng văn bản Word (.docx), PDF có lớp chữ (.pdf) hoặc văn bản thuần (.txt, .md)", 2
    )
