"""From the neutral document to a plan: front matter, body, school profile, and what is left over."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from congkhai.core import catalog
from congkhai.core.text import TABLE_MARKER
from congkhai.core.model import Level, SourceKind, TableLayout
from . import body as body_md
from . import header as hdr
from . import ocr, places
from .document import ImportFailure, OcrTable, Para, Source, Table
from .layout import RowDraft, TableReader, is_header_row
from .vn import WORD, fold, name_slug, nfc, squash, strip_tags, title_case, tokens

SOURCE_WORDS = re.compile(r"^nguon\b|\bnguon\b|ngan sach|xa hoi hoa|\btu tuc\b|^kinh phi (?:tu|su dung|chi|do)\b")
AMOUNT_ONLY = re.compile(r"^(?:(?:khoảng|dự kiến|tổng)\s*:?\s*)?(\d{1,3}(?:[.,  ]\d{3})+|\d{4,})\s*(?:đồng|đ|vnđ|vnd)?\.?$", re.IGNORECASE)
AMOUNT_IN = re.compile(r"(?<![\d/.,])(\d{1,3}(?:[. ]\d{3}){2,}|\d{6,})(?![\d/])")
TIME_PHRASE = re.compile(
    r"^(?:trong|từ|đến|cuối|đầu|hằng|hàng|tháng|năm học|năm|học kì|học kỳ|cả năm|thường xuyên|quý|suốt|liên tục)\b"
    r"|\b\d{1,2}/\d{4}\b",
    re.IGNORECASE,
)
_GOVERNING_SHORT = [
    (re.compile(r"^(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\b", re.IGNORECASE), "UBND"),
    (re.compile(r"^SỞ\s+GIÁO\s+DỤC\s+VÀ\s+ĐÀO\s+TẠO\b", re.IGNORECASE), "Sở GDĐT"),
    (re.compile(r"^SỞ\s+GD\s*&\s*ĐT\b", re.IGNORECASE), "Sở GDĐT"),
    (re.compile(r"^PHÒNG\s+GIÁO\s+DỤC\s+VÀ\s+ĐÀO\s+TẠO\b", re.IGNORECASE), "Phòng GDĐT"),
    (re.compile(r"^PHÒNG\s+GD\s*&\s*ĐT\b", re.IGNORECASE), "Phòng GDĐT"),
]
_LEVEL_SLUG = [("mam non", "mn"), ("mau giao", "mg"), ("tieu hoc", "th"), ("trung hoc co so", "thcs"), ("trung hoc pho thong", "thpt")]


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
    school_name, school_note = _school_name(h, all_text)
    level = hdr.level_of(school_name)
    code = hdr.circular_in(all_text)
    if level is None and code is None:
        raise ImportFailure(
            "không xác định được cấp học: văn bản không ghi tên trường (ví dụ «TRƯỜNG THCS …») "
            "và không dẫn Thông tư 17, 18 hay 19/2018"
        )
    if level is None:
        level = {"17/2018": Level.TIEU_HOC, "19/2018": Level.MAM_NON}.get(code) or (
            Level.THPT if re.search(r"\bTHPT\b|trung học phổ thông", all_text) else Level.THCS
        )
        warnings.append(f"không thấy tên trường ghi cấp học; tạm ghi cấp học «{level.label}» theo Thông tư {code}")
    expected = catalog.circular_for_level(level).code
    if code != expected:
        if code and not is_ocr:
            warnings.append(f"văn bản dẫn Thông tư {code} nhưng trường là {level.label}; đã ghi Thông tư {expected}")
        code = expected
    circular = catalog.circular(code)
    order = {cid: n for n, cid in enumerate(circular.criteria)}

    def valid(cid: str) -> bool:
        return cid in circular.criteria

    # Header fields of an OCR text: restore what can be restored.
    if is_ocr:
        _restore_ocr_header(h, all_text)
        school_name, school_note = _school_name(h, all_text)
        school_printed = h.ten_truong

    # The plan table(s) and the body around them.
    unit = "Đoạn" if source.path.suffix.lower() == ".docx" else "Dòng"  # Word has paragraphs, not lines
    unplaced: list[str] = [f"{unit} {_line(blocks, i)}: {t}" for i, t in h.unplaced]
    structural = list(h.structural)
    reader: TableReader | None = None
    ocr_rows: list[ocr.Segment] = []
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
            found, head, notes = ocr.table_rows(block, valid, lambda c: order.get(c, -1), list(order))
            ocr_rows.extend(found)
            warnings.extend(notes)
            if head:
                structural.append(head)
            layout = ocr.layout_of(head)
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
            row, extra = _row(draft, layout)
            unplaced.extend(extra)
            rows.append(row)
    for seg in ocr_rows:
        rows.append({"tieu_chi": seg.cid})
        last_line = seg.lines[-1][0]
        unplaced.append(
            f"Tiêu chí {seg.cid} (bảng từ bản quét, dòng {seg.line}–{last_line}; chưa tách được các cột): {' '.join(seg.words)}"
        )
    rows, more, notes = _check_rows(rows, circular, order)
    unplaced.extend(more)
    warnings.extend(notes)
    if not rows:
        raise ImportFailure(
            "bảng kế hoạch không có dòng nào nhận ra được mã tiêu chí (ví dụ «Tiêu chí 1.1», «1.3», «TC 5.3»)"
        )

    body = body_md.render(body_md.classify(body_items))
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
    profile, slug = _profile(h, school_name, level)
    return Plan(
        slug=slug, year=h.nam_hoc, meta=meta, body=body, profile=profile, profile_note=school_note,
        unplaced=unplaced, structural=structural, corrections=h.corrections, warnings=warnings, rows=len(rows),
    )


def _line(blocks: list, i: int) -> int:
    b = blocks[i]
    return getattr(b, "line", i + 1)


# ------------------------------------------------------------------ rows
def _budget(paras: list[str]) -> dict:
    out: dict = {}
    source, note = [], []
    for p in paras:
        m = AMOUNT_ONLY.match(p)
        if m and "kinh_phi" not in out:
            out["kinh_phi"] = int(re.sub(r"\D", "", m.group(1)))
            continue
        if SOURCE_WORDS.search(fold(p)):
            source.append(p)
            continue
        note.append(p)
        m = AMOUNT_IN.search(p)
        if m and "kinh_phi" not in out:
            out["kinh_phi"] = int(re.sub(r"\D", "", m.group(1)))
    if source:
        out["nguon_kinh_phi"] = "\n".join(source)
    if note:
        out["kinh_phi_ghi_chu"] = "\n".join(note)
    return out


def _split_time(paras: list[str]) -> tuple[list[str], str | None]:
    """'- BGH - Nhân viên - Trong năm và các năm tiếp theo.' -> people, and the time at the end."""
    if not paras:
        return paras, None
    last = paras[-1]
    m = re.search(r"(?:^|\s)-\s*([^-]+)$", last)
    tail = (m.group(1) if m else last).strip()
    if not TIME_PHRASE.search(tail) or len(tail) > 80:
        return paras, None
    rest = last[: m.start()].strip() if m else ""
    return paras[:-1] + ([rest] if rest else []), tail


def _row(draft: RowDraft, layout: TableLayout) -> tuple[dict, list[str]]:
    row: dict = {"tieu_chi": draft.tieu_chi}
    if draft.ten_tieu_chi:
        row["ten_tieu_chi"] = draft.ten_tieu_chi
    extra: list[str] = []
    cells = dict(draft.cells)
    for name, paras in cells.items():
        if not paras:
            continue
        if name == "giai_phap":
            row["giai_phap"] = list(paras)
        elif name == "kinh_phi":
            row.update(_budget(paras))
        elif name == "chu_tri_thoi_gian":
            people, time = _split_time(paras)
            if people:
                row["chu_tri"] = "\n".join(people)
            if time:
                row["thoi_gian"] = time
        else:
            text = "\n".join(paras)
            row[name] = f"{row[name]}\n{text}" if name in row else text
    # A funding source written in the next column ("Nguồn xã hội hóa") is what it is.
    other = row.get("dieu_kien_ho_tro")
    if other and "nguon_kinh_phi" not in row and "\n" not in other and len(other) < 60 and fold(other).startswith("nguon"):
        row["nguon_kinh_phi"] = row.pop("dieu_kien_ho_tro")
    for header, text in draft.extra:
        where = f"cột «{header}»" if header else "ô ngoài các cột"
        extra.append(f"Tiêu chí {draft.tieu_chi}, {where}: {text}")
    return row, extra


def _check_rows(rows: list[dict], circular, order: dict) -> tuple[list[dict], list[str]]:
    """Drop ids the circular does not have (kept for the editor) and merge repeated ids."""
    kept: dict[str, dict] = {}
    unplaced: list[str] = []
    notes: list[str] = []
    for row in rows:
        cid = row["tieu_chi"]
        if cid not in circular.criteria:
            cells = "; ".join(f"{k}: {v if not isinstance(v, list) else ' / '.join(v)}" for k, v in row.items() if k != "tieu_chi")
            unplaced.append(
                f"Dòng có mã «{cid}» không có trong Thông tư {circular.code} ({circular.applies_to})" + (f" — {cells}" if cells else "")
            )
            continue
        if cid in kept:
            unplaced_note = f"tiêu chí {cid} có ở nhiều dòng của bảng; đã gộp thành một dòng"
            if unplaced_note not in notes:
                notes.append(unplaced_note)
            base = kept[cid]
            for k, v in row.items():
                if k == "tieu_chi":
                    continue
                if k == "giai_phap":
                    base.setdefault(k, []).extend(v)
                elif k == "kinh_phi":
                    base[k] = base.get(k, 0) + v
                elif k in base and base[k] != v:
                    base[k] = f"{base[k]}\n{v}"
                else:
                    base[k] = v
            continue
        kept[cid] = row
    return list(kept.values()), unplaced, notes


# ------------------------------------------------------------------ school and profile
def _school_name(h: hdr.Header, text: str) -> tuple[str | None, str | None]:
    if h.ten_truong:
        return h.ten_truong, None
    found = hdr.school_in_body(text)
    if found:
        return found, None
    if h.so_hieu:
        m = re.search(r"/\s*KH\s*-\s*((?:THCS|THPT|TH|MN|MG|PTDTBT|PTDTNT)\b.*)$", h.so_hieu)
        if m:
            short = squash(m.group(1))
            return f"Trường {short}", f"Văn bản chỉ ghi số hiệu «{h.so_hieu}», không ghi tên đầy đủ của trường."
    return None, None


def _display_name(name: str) -> str:
    """'TRƯỜNG TH XÃ THANH AN' -> 'Trường Tiểu học xã Thanh An' (the profile writes names in full)."""
    text = title_case(name) if name.upper() == name else name
    text = re.sub(r"^(Trường)\s+TH\b(?![&-])", r"\1 Tiểu học", text)
    text = re.sub(r"^(Trường)\s+MN\b", r"\1 Mầm non", text)
    return text


def _governing_short(name: str) -> str:
    for pattern, short in _GOVERNING_SHORT:
        if pattern.match(name):
            name = short + name[pattern.match(name).end() :]
            break
    return title_case(name)


def _governing_place(name: str | None) -> tuple[str | None, str | None]:
    """('huyện', 'Điện Biên') from 'UBND HUYỆN ĐIỆN BIÊN'; the place part of a governing body."""
    if not name:
        return None, None
    m = re.search(r"\b(QUẬN|HUYỆN|THỊ XÃ|THÀNH PHỐ|TỈNH|TP\.?)\s+(.+)$", name, re.IGNORECASE)
    if m:
        return m.group(1).lower(), squash(m.group(2))
    return None, None


def _profile(h: hdr.Header, school: str | None, level: Level) -> tuple[dict, str]:
    name = _display_name(school) if school else None
    if not name:
        raise ImportFailure("không tìm thấy tên trường trong văn bản (dòng «TRƯỜNG …» ở đầu văn bản)")
    profile: dict = {"ten": name, "cap_hoc": level}
    if h.so_hieu:
        m = re.search(r"/\s*KH\s*-\s*(.+)$", h.so_hieu)
        if m:
            profile["ten_viet_tat"] = squash(m.group(1))
    if h.co_quan_chu_quan:
        profile["co_quan_chu_quan"] = _governing_short(h.co_quan_chu_quan)
    m = re.search(r"\b(?:XÃ|PHƯỜNG|THỊ TRẤN)\s+(.+)$", school, re.IGNORECASE)
    ward = title_case(m.group(1)) if m else None
    kind, gov_place = _governing_place(h.co_quan_chu_quan)
    district = province = None
    if kind in {"quận", "huyện", "thị xã", "thành phố"} and gov_place:
        district = places.find(f"{kind} {gov_place}", places.DISTRICT)
        if district is None:
            profile["quan_huyen"] = f"Quận {gov_place}" if gov_place.isdigit() else title_case(gov_place)
    elif kind in {"tỉnh", "tp", "tp."} and gov_place:
        province = places.find(gov_place, places.PROVINCE)
    if district is None and h.dia_danh:
        district = places.find(h.dia_danh, places.DISTRICT, province=province.province if province else None)
        if district is None and province is None:
            province = places.find(h.dia_danh, places.PROVINCE)
    if district is not None:
        profile["quan_huyen"] = district.written
        province = province or places.find(district.province, places.PROVINCE)
    if province is not None:
        profile["tinh_thanh"] = province.province_written
    if ward:
        profile["phuong_xa"] = ward
    # The folder name: the school without "Trường", then its district (or the place of issue).
    short = fold(re.sub(r"^\s*trường\s+", "", school, flags=re.IGNORECASE))
    for long, abbr in _LEVEL_SLUG:
        short = re.sub(rf"^{long}\b", abbr, short)
    place = (district.written if district else None) or (
        (f"Quận {gov_place}" if gov_place and gov_place.isdigit() else gov_place) if kind in {"quận", "huyện", "thị xã"} else None
    ) or h.dia_danh or ""
    slug_school, slug_place = name_slug(short), name_slug(place)
    slug = slug_school if not slug_place or slug_school.endswith(slug_place) else f"{slug_school}-{slug_place}"
    return profile, slug[:80].strip("-")


# ------------------------------------------------------------------ OCR header
def _restore_ocr_header(h: hdr.Header, text: str) -> None:
    """Restore diacritics of the header of a scan: fixed phrases, and places from the national list."""
    district = province = None
    if h.dia_danh:
        district = places.find(h.dia_danh, places.DISTRICT) or places.find(h.dia_danh, places.WARD)
        if district:
            _fix(h, "dia_danh", district.written)
            province = district.province
    if h.co_quan_chu_quan:
        words = h.co_quan_chu_quan.split()
        best = None
        for n in range(len(words), 0, -1):
            phrase = ocr.best_phrase(" ".join(words[:n]), ocr.GOVERNING, 0.75)
            if phrase:
                best = (n, phrase)
                break
        if best:
            n, phrase = best
            rest = " ".join(words[n:])
            place = places.find(rest, province=province) if rest else None
            if place:
                rest = place.written
            elif not rest and phrase.startswith("SỞ") and province:
                rest = province  # the province line of the header was lost in the scan
            value = f"{phrase} {rest}".strip()
            _fix(h, "co_quan_chu_quan", value.upper() if h.co_quan_chu_quan.isupper() else value)
    restored = [ocr.restore_words(item) for item in h.noi_nhan]
    for old, new in zip(h.noi_nhan, restored):
        if old != new:
            h.corrections.append(("noi_nhan", old, new))
    h.noi_nhan = restored
    if h.ten_truong:
        words = h.ten_truong.split()
        if words and ocr.similar(words[0], "TRƯỜNG") >= 0.6:
            rest = words[1:]
            lead = []
            while rest and fold(rest[0]).upper() in {"THCS", "THPT", "TH", "MN", "PTDTBT", "PTDTNT"}:
                lead.append(rest.pop(0).upper())
            place = places.find(" ".join(rest), places.WARD, district=district.name if district and district.level == places.DISTRICT else None, province=province)
            name = place.name if place else " ".join(rest)
            value = " ".join(["TRƯỜNG", *lead, name.upper() if h.ten_truong.isupper() else name])
            _fix(h, "ten_truong", value)


def _fix(h: hdr.Header, name: str, value: str) -> None:
    old = getattr(h, name)
    if old != value:
        h.corrections.append((name, old, value))
        setattr(h, name, value)


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
