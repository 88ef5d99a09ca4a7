"""From the neutral document to a plan: front matter, body, school profile, and what is left over."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from congkhai.core import catalog
from congkhai.core.model import Level, SourceKind, TableLayout
from congkhai.core.text import MONITOR_MARKER, TABLE_MARKER
from congkhai.importer import body as body_md
from congkhai.importer import header as hdr
from congkhai.importer import ocr_table
from congkhai.importer.document import ImportFailure, OcrTable, Para, Source, Table
from congkhai.importer.layout import TableReader, is_header_row
from congkhai.importer.profile import find_school_name, profile_of, restore_ocr_header
from congkhai.importer.rows import check_rows, row_of
from congkhai.importer.vn import squash

_NO_TABLE = (
    "không tìm thấy bảng kế hoạch cải tiến (bảng có dòng tiêu đề gồm các cột như «Tiêu chuẩn, tiêu chí», "
    "«Kết quả cần đạt», «Giải pháp»…); hãy kiểm tra văn bản có bảng, hoặc thêm bảng rồi chuyển lại"
)


@dataclass
class Plan:
    """Everything the importer produced, ready to write and report."""

    slug: str
    year: str
    meta: dict
    body: str
    profile: dict
    profile_note: str | None = None
    unplaced: list[str] = field(default_factory=list)
    structural: list[str] = field(default_factory=list)
    corrections: list[tuple[str, str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rows: int = 0
    notes: list[str] = field(default_factory=list)  # how the input was read (self-assessment reports)
    audit_text: str | None = None  # the input text that must all be in the output; None: all of it
    audit_where: list[str] = field(default_factory=list)  # where each line of audit_text is in the input


def convert(source: Source) -> Plan:
    """Read the header, the plan table and the body around it into a plan, keeping what is left over."""
    blocks = source.blocks
    is_ocr = source.ocr
    if not any(isinstance(b, (Table, OcrTable)) for b in blocks):
        raise ImportFailure(_NO_TABLE)
    h = hdr.read_header(blocks, is_ocr)
    if h.nam_hoc is None:
        raise ImportFailure(
            "không tìm thấy năm học (dòng «Năm học 2024-2025» dưới chữ KẾ HOẠCH); "
            "văn bản này có phải kế hoạch cải tiến chất lượng giáo dục không?"
        )
    hdr.read_footer(blocks, h, is_ocr)
    footer = h.footer_start if h.footer_start is not None else len(blocks)
    warnings = list(source.warnings) + h.warnings
    all_text = "\n".join(b.text for b in blocks if isinstance(b, Para))

    # School, level and circular.
    school_printed = h.ten_truong
    school_name, school_note = find_school_name(h, all_text)
    level = hdr.level_of(school_name)
    code = hdr.circular_in(all_text)
    if level is None and code is None:
        raise ImportFailure(
            "không xác định được cấp học: văn bản không ghi tên trường (ví dụ «TRƯỜNG THCS …») "
            "và không dẫn thông tư nào có danh mục tiêu chí (17, 18, 19/2018 hoặc 57/2026)"
        )
    if level is None:
        level = {"17/2018": Level.TIEU_HOC, "19/2018": Level.MAM_NON}.get(code or "") or (
            Level.THPT if re.search(r"\bTHPT\b|trung học phổ thông", all_text) else Level.THCS
        )
        warnings.append(f"không thấy tên trường ghi cấp học; tạm ghi cấp học «{level.label}» theo Thông tư {code}")
    # A circular that fits the school's level is kept (the validator judges it against the year);
    # otherwise the one a plan of this level and year follows.
    expected = catalog.circular_for_level(level, int(h.nam_hoc[:4])).code
    cited = catalog.find(code, level) if code else None
    if cited is None or level not in cited.levels:
        if code and not is_ocr:
            warnings.append(f"văn bản dẫn Thông tư {code} nhưng trường là {level.label}; đã ghi Thông tư {expected}")
        code = expected
    circular = catalog.circular(code, level)
    order = {cid: n for n, cid in enumerate(circular.criteria)}

    def valid(cid: str) -> bool:
        return cid in circular.criteria

    # Header fields of an OCR text: restore what can be restored.
    if is_ocr:
        restore_ocr_header(h)
        school_name, school_note = find_school_name(h, all_text)
        school_printed = h.ten_truong

    # The plan table(s) and the body around them.
    unit = "Đoạn" if source.path.suffix.lower() == ".docx" else "Dòng"  # Word has paragraphs, not lines
    unplaced: list[str] = [f"{unit} {_line(blocks, i)}: {t}" for i, t in h.unplaced]
    structural = list(h.structural)
    reader: TableReader | None = None
    ocr_rows: list[ocr_table.Segment] = []
    layout = None
    body_items: list[Para | str] = []
    marked = False
    for i in range(h.body_start, footer):
        block = blocks[i]
        if i in h.used:
            continue
        if isinstance(block, Table):
            rows = block.rows
            start = next((k for k, r in enumerate(rows) if is_header_row([" ".join(c) for c in r])), None)
            if start is None:
                # A table that is not the plan (already flattened for Word); keep its text.
                for r in rows:
                    body_items.append(Para(" | ".join(" ".join(c) for c in r if c), block.line))
                continue
            for r in rows[:start]:
                text = squash(" ".join(" ".join(c) for c in r))
                if text:
                    unplaced.append(f"{unit} {block.line}: {text}")
            if reader is None:
                reader = TableReader([" ".join(c) for c in rows[start]], valid)
            lines = block.row_lines or [block.line] * len(rows)
            for k, r in enumerate(rows[start + 1 :], start + 1):
                reader.feed(r, lines[k] if k < len(lines) else block.line)
            if not marked:
                body_items.append(TABLE_MARKER)
                marked = True
        elif isinstance(block, OcrTable):
            found, head, notes = ocr_table.table_rows(block, valid, lambda c: order.get(c, -1), list(order))
            ocr_rows.extend(found)
            warnings.extend(notes)
            if head:
                structural.append(head)
            layout = ocr_table.layout_of(head)
            if not marked:
                body_items.append(TABLE_MARKER)
                marked = True
        else:
            body_items.append(block)
    if reader is None and not ocr_rows:
        raise ImportFailure(_NO_TABLE)

    rows: list[dict] = []
    standards: dict[str, str] = {}
    if reader is not None:
        result = reader.result()
        layout = result.layout
        standards = result.standards
        structural.extend(result.structural)
        unplaced.extend(f"{unit} {line} của bảng (chưa nhận ra mã tiêu chí): {text}" for line, text in result.unplaced)
        for draft in result.rows:
            row, extra = row_of(draft)
            unplaced.extend(extra)
            rows.append(row)
    for seg in ocr_rows:
        rows.append({"tieu_chi": seg.cid})
        last_line = seg.lines[-1][0]
        unplaced.append(
            f"Tiêu chí {seg.cid} (bảng từ bản quét, dòng {seg.line}–{last_line}; chưa tách được các cột): {' '.join(seg.words)}"
        )
    rows, more, notes = check_rows(rows, circular)
    unplaced.extend(more)
    warnings.extend(notes)
    if not rows:
        raise ImportFailure(
            "bảng kế hoạch không có dòng nào nhận ra được mã tiêu chí (ví dụ «Tiêu chí 1.1», «1.3», «TC 5.3»)"
        )

    body = body_md.render(body_md.classify(body_items))
    if circular.checkpoints:
        body = _place_monitoring(body)
    meta = {
        "nam_hoc": h.nam_hoc,
        "thong_tu": code,
        "co_quan_chu_quan": h.co_quan_chu_quan,
        "ten_truong": school_printed,
        "so_hieu": h.so_hieu,
        "dia_danh": h.dia_danh,
        "ngay_ban_hanh": h.ngay_ban_hanh,
        "tieu_de": h.tieu_de,
        "mau_bang": layout or TableLayout.MAU_9_COT,
        "ten_tieu_chuan": {k: v for k, v in standards.items() if k in {s.id for s in circular.standards}},
        "cai_tien": rows,
        "nguoi_ky": h.nguoi_ky,
        "chuc_vu_nguoi_ky": h.chuc_vu_nguoi_ky,
        "noi_nhan": h.noi_nhan,
    }
    if is_ocr:
        meta["nguon_van_ban"] = SourceKind.OCR
        meta["ghi_chu_nguon"] = (
            "Văn bản được nhận dạng ký tự (OCR) từ bản quét nên chữ không có dấu và còn lỗi nhận dạng. "
            "Phần đầu văn bản đã được sửa lại; chữ trong bảng và phần nội dung giữ nguyên như bản quét."
        )
    profile, slug = profile_of(h, school_name, level)
    return Plan(
        slug=slug, year=h.nam_hoc, meta=meta, body=body, profile=profile, profile_note=school_note,
        unplaced=unplaced, structural=structural, corrections=h.corrections, warnings=warnings, rows=len(rows),
    )


_MONITOR_HEADING = re.compile(r"^#{2,4} *(?:VI|6)\.? *THEO D[ÕO]I.*$", re.IGNORECASE | re.MULTILINE)


def _place_monitoring(body: str) -> str:
    """The monitoring table goes at the end of the form's section VI (Theo dõi và đánh giá thực hiện)."""
    m = _MONITOR_HEADING.search(body)
    if not m:
        return body
    nxt = re.search(r"^#{2,4} ", body[m.end():], re.MULTILINE)
    cut = m.end() + nxt.start() if nxt else len(body)
    head, tail = body[:cut].rstrip("\n"), body[cut:]
    return f"{head}\n\n{MONITOR_MARKER}\n" + (f"\n{tail}" if tail else "")


def _line(blocks: list, i: int) -> int:
    b = blocks[i]
    return getattr(b, "line", i + 1)
