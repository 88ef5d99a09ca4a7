"""The plan table's rows: cells read by the layout turned into row fields (budget, people and
time), and rows checked against the circular (unknown ids set aside, repeated ids merged)."""

from __future__ import annotations

import re

from congkhai.core.text import fold
from congkhai.importer.layout import RowDraft

SOURCE_WORDS = re.compile(r"^nguon\b|\bnguon\b|ngan sach|xa hoi hoa|\btu tuc\b|^kinh phi (?:tu|su dung|chi|do)\b")
AMOUNT_ONLY = re.compile(r"^(?:(?:khoảng|dự kiến|tổng)\s*:?\s*)?(\d{1,3}(?:[.,  ]\d{3})+|\d{4,})\s*(?:đồng|đ|vnđ|vnd)?\.?$", re.IGNORECASE)
AMOUNT_IN = re.compile(r"(?<![\d/.,])(\d{1,3}(?:[. ]\d{3}){2,}|\d{6,})(?![\d/])")
TIME_PHRASE = re.compile(
    r"^(?:trong|từ|đến|cuối|đầu|hằng|hàng|tháng|năm học|năm|học kì|học kỳ|cả năm|thường xuyên|quý|suốt|liên tục)\b"
    r"|\b\d{1,2}/\d{4}\b",
    re.IGNORECASE,
)


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


def row_of(draft: RowDraft) -> tuple[dict, list[str]]:
    """Turn a drafted row into row fields, with the cells that fit no field for the report."""
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


def check_rows(rows: list[dict], circular) -> tuple[list[dict], list[str], list[str]]:
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

