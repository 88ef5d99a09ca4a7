"""A self-assessment report to a Plan: paragraphs, glyph repairs, header fields, rows, notes.

The header comes from the report's cover (governing body, school, «Năm học …» when printed)
and its closing («Châu Thành, ngày 02 tháng 01 năm 2021», the signer). Nothing the report does not
state is made up: a missing school year, school or circular stops the import with a message
naming the option that supplies it; a missing date or signer stays empty.
"""

from __future__ import annotations

import re

from congkhai.core import catalog
from congkhai.core.model import Level, TableLayout
from congkhai.core.text import TABLE_MARKER
from . import glyphs, reflow, selfreport
from . import header as hdr
from .convert import Plan
from .profile import profile_of
from .document import ImportFailure, Para, Source, Table
from .vn import fold, squash

_SCHOOL = re.compile(
    r"^(?:truong\s+)?(?:thpt|thcs|th|mn|mg|pt|ptdtbt|ptdtnt|tieu hoc|trung hoc|mam non|mau giao|pho thong)\b"
)
_YEAR = re.compile(r"nam\s+hoc\s*:?\s*(\d{4})\s*[-–—/]\s*(\d{4})")
_INTRO = (
    "Kế hoạch cải tiến chất lượng này gồm các mục «Kế hoạch cải tiến chất lượng» trong báo cáo tự đánh giá "
    "của trường: mỗi tiêu chí một dòng, với điểm yếu, các biện pháp cải tiến, mức tự đánh giá và mã minh chứng."
)


def paragraphs(src: Source) -> tuple[list[Para], str, list[str]]:
    """The report's paragraphs, the unit of their numbers («Đoạn», «Dòng», «Trang»), layout notes."""
    suffix = src.path.suffix.lower()
    if suffix == ".docx":
        paras: list[Para] = []
        for b in src.blocks:
            if isinstance(b, Table):
                paras.extend(Para(" | ".join(" ".join(c) for c in r if c), b.line) for r in b.rows if any(r))
            elif isinstance(b, Para):
                paras.append(b)
        return paras, "Đoạn", []
    pdf = suffix == ".pdf"
    pages = reflow.lines_of_pdf(src.text.split("\f")) if pdf else reflow.lines_of_text(src.text)
    result = reflow.reflow(pages)
    notes = []
    if result.page_numbers:
        shown = ", ".join(result.page_numbers[:12]) + (", …" if len(result.page_numbers) > 12 else "")
        notes.append(f"Đã bỏ {len(result.page_numbers)} dòng chỉ có số trang (kể cả khi nằm giữa đoạn văn): {shown}")
    for text, n in result.running.most_common():
        notes.append(f"Đã bỏ dòng lặp lại ở đầu/cuối trang ({n} lần): «{text}»")
    return result.paras, "Trang" if pdf else "Dòng", notes


def _cover(paras: list[Para], first_item: int) -> dict:
    out: dict = {}
    for p in paras[: min(first_item, 80)]:
        text, f = squash(p.text), fold(p.text)
        if "co_quan_chu_quan" not in out and hdr._GOVERNING.match(f) and text.upper() == text:
            out["co_quan_chu_quan"] = text
        elif "ten_truong" not in out and _SCHOOL.match(f) and text.upper() == text and len(text) < 90:
            out["ten_truong"] = text
        m = _YEAR.search(f)
        if m and "nam_hoc" not in out and int(m.group(2)) == int(m.group(1)) + 1:
            out["nam_hoc"] = f"{m.group(1)}-{m.group(2)}"
        m = re.search(r"\bnam\s+(\d{4})\b", f)
        if m and "nam" not in out:
            out["nam"] = m.group(1)
    return out


def _closing(paras: list[Para], h: hdr.Header) -> None:
    """Place and date, then the signer's title lines and name, from the last paragraphs."""
    tail = paras[-40:]
    at = next((k for k in range(len(tail) - 1, -1, -1) if hdr._PLACE_DATE.match(fold(squash(tail[k].text)))), None)
    if at is None:
        return
    hdr._place_date(h, squash(tail[at].text))
    titles: list[str] = []
    for p in tail[at + 1 : at + 8]:
        text = squash(p.text.strip(" |"))
        m = re.match(r"^((?:[^a-zà-ỹđ]+?))\s+([A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,5})$", text)
        if m and hdr._SIGNER.search(fold(m.group(1))):  # «HIỆU TRƯỞNG Ngô Thị Kiều Huệ» in one cell
            titles.append(m.group(1))
            h.nguoi_ky = m.group(2)
            break
        if text.upper() == text and hdr._SIGNER.search(fold(text)) and len(text) < 60:
            titles.append(text)
            continue
        words = text.split()
        if titles and 2 <= len(words) <= 6 and all(w[:1].isupper() for w in words):
            h.nguoi_ky = text
            break
    if titles:
        h.chuc_vu_nguoi_ky = " / ".join(titles)


def _check_options(given: dict[str, str | None]) -> dict[str, str | None]:
    """The options as the plan writes them, or a message naming the option that is wrong."""
    out = dict(given)
    year = given.get("nam_hoc")
    if year:
        m = re.fullmatch(r"\s*(\d{4})\s*[-–/]\s*(\d{4})\s*", year)
        if not m or int(m.group(2)) != int(m.group(1)) + 1:
            raise ImportFailure(f"--nam-hoc «{year}» phải là hai năm liền nhau, ví dụ --nam-hoc 2020-2021", 2)
        out["nam_hoc"] = f"{m.group(1)}-{m.group(2)}"
    code = given.get("thong_tu")
    if code:
        m = re.search(r"\b(17|18|19)\b", code)
        if not m:
            raise ImportFailure(f"--thong-tu «{code}» phải là 17/2018, 18/2018 hoặc 19/2018", 2)
        out["thong_tu"] = f"{m.group(1)}/2018"
    return out


def convert_report(src: Source, given: dict[str, str | None]) -> Plan:
    given = _check_options(given)
    paras, unit, notes = paragraphs(src)
    strays = glyphs.has_strays("\n".join(p.text for p in paras))
    repairs = glyphs.Repairs()
    for p in paras:
        p.text, _ = glyphs.repair(p.text, repairs, strays)
    found = selfreport.items(paras)
    with_plan = [it for it in found if 4 in it.sections]
    if not with_plan:
        raise ImportFailure(
            "đây là báo cáo tự đánh giá nhưng không tìm thấy tiêu chí nào có mục «4. Kế hoạch cải tiến chất lượng» "
            "đặt dưới dòng «Tiêu chí 1.1: …»"
        )
    first = next(i for i, p in enumerate(paras) if selfreport._CRITERION.match(fold(p.text)))
    cover = _cover(paras, first)
    h = hdr.Header(co_quan_chu_quan=cover.get("co_quan_chu_quan"), ten_truong=given.get("ten_truong") or cover.get("ten_truong"))
    _closing(paras, h)
    h.nam_hoc = given.get("nam_hoc") or cover.get("nam_hoc")
    if not h.nam_hoc:
        seen = f" (bìa chỉ ghi năm {cover['nam']})" if cover.get("nam") else ""
        raise ImportFailure(
            f"báo cáo không ghi năm học{seen}; hãy cho biết năm học của kế hoạch bằng tùy chọn --nam-hoc, "
            f"ví dụ: scripts/import \"{src.path.name}\" --nam-hoc 2020-2021"
        )
    if not h.ten_truong:
        raise ImportFailure(
            "không tìm thấy tên trường ở bìa báo cáo; hãy ghi tên bằng tùy chọn --ten-truong, "
            "ví dụ: --ten-truong \"Trường THCS Nguyễn Huệ\""
        )
    all_text = "\n".join(p.text for p in paras)
    level = hdr.level_of(h.ten_truong)
    code = given.get("thong_tu") or hdr.circular_in(all_text)
    if level is None and code is None:
        raise ImportFailure(
            "không xác định được thông tư: tên trường không ghi cấp học và báo cáo không dẫn Thông tư 17, 18 hay "
            "19/2018; hãy dùng tùy chọn --thong-tu, ví dụ: --thong-tu 18/2018"
        )
    expected = catalog.circular_for_level(level, int(h.nam_hoc[:4])).code if level else code
    warnings = list(src.warnings)
    if code and code != expected:
        warnings.append(f"báo cáo dẫn Thông tư {code} nhưng trường là {level.label}; đã ghi Thông tư {expected}")
    level = level or {"17/2018": Level.TIEU_HOC, "19/2018": Level.MAM_NON}.get(expected) or Level.THCS
    circular = catalog.circular(expected, level)

    rows: dict[str, dict] = {}
    unplaced: list[str] = []
    audited: list[tuple[str, str]] = []
    for it in with_plan:
        row, row_notes = selfreport.row(it)
        warnings.extend(f"tiêu chí {it.cid}: {n}" for n in row_notes)
        audited.extend((f"{unit} {p.line}", p.text) for n in (3, 4, 5) for p in it.sections.get(n, []))
        if it.cid not in circular.criteria:
            unplaced.append(f"{unit} {it.line}: tiêu chí «{it.cid}» không có trong Thông tư {circular.code}: "
                            + " / ".join([row.get("diem_yeu", ""), *row.get("giai_phap", [])]))
            continue
        if it.cid in rows:
            warnings.append(f"tiêu chí {it.cid} có hai mục kế hoạch cải tiến; đã gộp vào một dòng")
            _merge(rows[it.cid], row)
        else:
            rows[it.cid] = row
    without = [it.cid for it in found if 4 not in it.sections and it.sections]
    if without:
        notes.append("Tiêu chí có phần đánh giá nhưng không có mục «Kế hoạch cải tiến» (không có dòng): " + ", ".join(without))
    notes.append(
        "Chỉ các mục «Điểm yếu», «Kế hoạch cải tiến» và «Tự đánh giá» của mỗi tiêu chí là kế hoạch; phần còn lại "
        "của báo cáo (cơ sở dữ liệu, mô tả hiện trạng, điểm mạnh, kết luận) không chép vào. Mã minh chứng của "
        "mỗi tiêu chí được giữ trong dòng của tiêu chí đó."
    )
    if repairs:
        notes.append("Đã sửa ký tự sai do phông chữ của tệp (lỗi thường gặp ở PDF tiếng Việt):")
        notes.extend(f"    - {line}" for line in repairs.lines())
    for name, option in (("nam_hoc", "--nam-hoc"), ("ten_truong", "--ten-truong"), ("thong_tu", "--thong-tu")):
        if given.get(name):
            notes.append(f"Lấy theo tùy chọn {option}: {given[name]}")
    meta = {
        "nam_hoc": h.nam_hoc, "thong_tu": circular.code, "co_quan_chu_quan": h.co_quan_chu_quan,
        "ten_truong": h.ten_truong, "dia_danh": h.dia_danh, "ngay_ban_hanh": h.ngay_ban_hanh,
        "mau_bang": TableLayout.MAT_YEU_5_COT, "cai_tien": list(rows.values()),
        "nguoi_ky": h.nguoi_ky, "chuc_vu_nguoi_ky": h.chuc_vu_nguoi_ky,
    }
    school = h.ten_truong
    if not fold(school).startswith("truong"):
        school = ("TRƯỜNG " if school.isupper() else "Trường ") + school
    profile, slug = profile_of(h, school, level)
    body = f"{_INTRO}\n\n{TABLE_MARKER}\n"
    plan = Plan(slug=slug, year=h.nam_hoc, meta=meta, body=body, profile=profile, unplaced=unplaced,
                warnings=warnings + h.warnings, rows=len(rows))
    plan.notes = notes
    plan.audit_text = "\n".join(text for _, text in audited)
    plan.audit_where = [where for where, _ in audited]
    return plan


def _merge(base: dict, row: dict) -> None:
    for k, v in row.items():
        if k == "tieu_chi" or not v:
            continue
        if isinstance(v, list):
            base[k] = list(dict.fromkeys([*base.get(k, []), *v]))
        elif k in base and base[k] != v:
            base[k] = f"{base[k]}\n{v}"
        else:
            base[k] = v
