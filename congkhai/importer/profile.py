"""The school behind a plan: its name, its profile (truong.yml) and folder name, and the header
of a scanned (OCR) document restored from fixed phrases and the national list of places."""

from __future__ import annotations

import re

from congkhai.core.model import Level
from congkhai.core.text import fold
from congkhai.importer import header as hdr
from congkhai.importer import ocr, places
from congkhai.importer.document import ImportFailure
from congkhai.importer.vn import name_slug, squash, title_case

_GOVERNING_SHORT = [
    (re.compile(r"^(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\b", re.IGNORECASE), "UBND"),
    (re.compile(r"^SỞ\s+GIÁO\s+DỤC\s+VÀ\s+ĐÀO\s+TẠO\b", re.IGNORECASE), "Sở GDĐT"),
    (re.compile(r"^SỞ\s+GD\s*&\s*ĐT\b", re.IGNORECASE), "Sở GDĐT"),
    (re.compile(r"^PHÒNG\s+GIÁO\s+DỤC\s+VÀ\s+ĐÀO\s+TẠO\b", re.IGNORECASE), "Phòng GDĐT"),
    (re.compile(r"^PHÒNG\s+GD\s*&\s*ĐT\b", re.IGNORECASE), "Phòng GDĐT"),
]
_LEVEL_SLUG = [("mam non", "mn"), ("mau giao", "mg"), ("tieu hoc", "th"), ("trung hoc co so", "thcs"), ("trung hoc pho thong", "thpt")]


def find_school_name(h: hdr.Header, text: str) -> tuple[str | None, str | None]:
    """Find the school's name (header, body or document number), with a note when it is inferred."""
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


def profile_of(h: hdr.Header, school: str | None, level: Level) -> tuple[dict, str]:
    """Write the school's profile and choose its folder name."""
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


# --- the header of a scan ------------------------------------------------------------------

def restore_ocr_header(h: hdr.Header) -> None:
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

