"""Generate realistic, valid plans/ trees of any size, for benchmarks and tests.

A corpus looks like a province's (or the country's) real one: schools spread over provinces,
districts and levels, each with one to five consecutive school years; every plan uses its
level's circular and real criterion ids, one of the three table layouts, and rows whose texts,
lengths, budgets and funding sources follow the real plans (vocabulary in corpusgen_bank).
Rows carry follow-up statuses at the end of semester I and of the year (drawn from a random
stream of their own, so the rest of the corpus is the same with or without them).
The same seed always writes the same files, so runs and tests can be compared.

    generate(Path("/tmp/plans"), 10_000, seed=1)   # about 10 s, ~120 MB of plans
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from congkhai.core import catalog
from congkhai.core.fields import ROW_FIELDS
from congkhai.core.text import TABLE_MARKER, slugify, strip_marks
from congkhai.devtools import corpusgen_bank as bank
from congkhai.core.model import Level

LEVEL_WEIGHTS = {Level.MAM_NON: 33, Level.TIEU_HOC: 33, Level.THCS: 22, Level.THPT: 8, Level.NHIEU_CAP: 4}
PLANS_PER_SCHOOL = {1: 20, 2: 20, 3: 25, 4: 20, 5: 15}  # mean 2.9
LAST_YEAR_WEIGHTS = {2020: 1, 2021: 1, 2022: 2, 2023: 2, 2024: 3, 2025: 3}
LAYOUT_WEIGHTS = {"9-cot": 60, "5-cot": 25, "10-cot": 15}
OCR_SHARE = 0.04
BIG_PROVINCES = 3  # the first provinces (the big cities) get this weight, others 1

_PREFIX = {Level.MAM_NON: ("Mầm non", "mn", "MN"), Level.TIEU_HOC: ("Tiểu học", "th", "TH"),
           Level.THCS: ("THCS", "thcs", "THCS"), Level.THPT: ("THPT", "thpt", "THPT")}
_MULTI = [("TH và THCS", "th-thcs", "THCS"), ("THCS và THPT", "thcs-thpt", "THPT"),
          ("Phổ thông dân tộc bán trú TH và THCS", "ptdtbt-th-thcs", "PTDTBT")]


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(bank.FAMILY_NAMES)} {rng.choice(bank.MIDDLE_NAMES)} {rng.choice(bank.GIVEN_NAMES)}"


def _short_district(district: str) -> str:
    for p in ("Thành phố ", "Thị xã ", "Huyện "):
        if district.startswith(p):
            return district[len(p):]
    if district.startswith("Quận ") and not district[5:].isdigit():
        return district[5:]
    return district


def _short_province(province: str) -> str:
    return province.removeprefix("TP. ").removeprefix("Tỉnh ")


class _School:
    def __init__(self, rng: random.Random, taken: set[str]):
        provinces = list(bank.PROVINCES)
        self.province = rng.choices(provinces, weights=[BIG_PROVINCES if i < 2 else 1 for i in range(len(provinces))])[0]
        self.district = rng.choice(bank.PROVINCES[self.province])
        self.level = _pick(rng, LEVEL_WEIGHTS)
        self.commune = rng.choice(bank.COMMUNES)
        urban = self.district.startswith(("Quận", "Thành phố"))
        self.ward = ("Phường " if urban else "Xã ") + self.commune
        if self.level == Level.NHIEU_CAP:
            kind, slug_prefix, abbr = rng.choice(_MULTI)
        else:
            kind, slug_prefix, abbr = _PREFIX[self.level]
        roll = rng.random()
        if self.level == Level.MAM_NON and roll < 0.6:
            name = rng.choice(bank.PRESCHOOL_NAMES) + rng.choice(["", "", "", " 2", " 3"])
        elif roll < 0.45:
            name = rng.choice(bank.PEOPLE_NAMES)
        elif roll < 0.7 and not urban:
            name = f"xã {self.commune}"
        else:
            name = self.commune
        self.name = f"Trường {kind} {name}"
        base = f"{slug_prefix}-{slugify(name)}-{slugify(_short_district(self.district))}"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        self.slug = slug
        initials = "".join(w[0] for w in strip_marks(name).split() if w[0].isalnum() and w != "xa").upper()
        self.abbr = abbr + initials
        if self.level == Level.THPT:
            self.office = f"Sở GDĐT {_short_province(self.province)}"
            self.office_short = "Sở GDĐT"
        else:
            self.office = f"UBND {self.district.replace('Thành phố', 'thành phố').replace('Huyện', 'huyện').replace('Quận', 'quận').replace('Thị xã', 'thị xã')}"
            self.office_short = f"Phòng GDĐT {_short_district(self.district)}"
        self.circular = catalog.circular_for_level(self.level)
        self.layout = _pick(rng, LAYOUT_WEIGHTS)
        self.signer = _person(rng)
        self.editors = [f"{slugify(rng.choice(bank.GIVEN_NAMES))}{slugify(rng.choice(bank.FAMILY_NAMES))}{rng.randint(1, 99)}"
                        for _ in range(rng.randint(0, 2))]

    def profile_yaml(self, rng: random.Random) -> str:
        lines = [f"ten: {_q(self.name)}", f"ten_viet_tat: {_q(self.abbr)}", f"cap_hoc: {self.level.value}",
                 f"co_quan_chu_quan: {_q(self.office)}", f"phuong_xa: {_q(self.ward)}",
                 f"quan_huyen: {_q(self.district)}", f"tinh_thanh: {_q(self.province)}"]
        if rng.random() < 0.5:
            lines.append(f"website: {_q('https://' + self.slug + '.edu.vn')}")
            lines.append(f"email: {_q(self.slug.replace('-', '') + '@edu.vn')}")
        if rng.random() < 0.4:
            lines.append(f"dien_thoai: {_q('0' + str(rng.randint(200, 299)) + ' ' + str(rng.randint(3000000, 3999999)))}")
        if self.editors:
            lines.append("bien_tap_vien:")
            lines += [f"  - {_q(e)}" for e in self.editors]
        return "\n".join(lines) + "\n"


def _sentence(rng: random.Random, standard: str, ctx: dict) -> str:
    text = (rng.choice(bank.OPENINGS) + rng.choice(bank.ACTORS) + " " + rng.choice(bank.ACTIONS) + " "
            + rng.choice(bank.OBJECTS[standard]) + " " + rng.choice(bank.PURPOSES)).replace(" ,", ",").format(**ctx)
    return text[0].upper() + text[1:]


def _solution(rng: random.Random, standard: str, ctx: dict) -> str:
    parts = [_sentence(rng, standard, ctx)]
    while rng.random() < 0.35 and len(parts) < 4:
        parts.append(rng.choice(bank.FOLLOW_UPS) if rng.random() < 0.5 else _sentence(rng, standard, ctx))
    return " ".join(parts)


def _weakness(rng: random.Random, crit: catalog.Criterion) -> str:
    if rng.random() < 0.25:
        return rng.choice(bank.GENERIC_WEAKNESSES).format(t=crit.title)
    return rng.choice(bank.WEAKNESSES[crit.standard])


def _amount(rng: random.Random) -> int:
    return int(round(10 ** rng.uniform(6.5, 8.9), -3))


def _vnd(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def _when(rng: random.Random, y0: int) -> str:
    m = rng.choice([9, 10, 11, 12, 1, 2, 3, 4, 5])
    yy = y0 if m >= 9 else y0 + 1
    return rng.choice([f"Tháng {m}/{yy}", f"{m}/{yy}", f"Năm học {y0}-{y0 + 1}", "Cả năm học",
                       f"Tháng 9/{y0} đến tháng 5/{y0 + 1}", f"Tháng {m}/{yy}"])


def _row(rng: random.Random, crit: catalog.Criterion, layout: str, school: _School, y0: int) -> list[str]:
    """One row as YAML lines (without the list dash), following the layout's columns."""
    std = crit.standard
    year = f"{y0}-{y0 + 1}"
    m = rng.choice([9, 10, 11, 12, 1, 2])
    ctx = {"y": year, "m": m, "yy": y0 if m >= 9 else y0 + 1, "h": rng.choice([1, 2]), "office": school.office}
    out = [f"tieu_chi: {_q(crit.id)}"]

    def add(key: str, value) -> None:
        out.append(f"{key}: {value if isinstance(value, int) else _q(value)}")

    solutions = [_solution(rng, std, ctx) for _ in range(rng.choices([1, 2, 3], weights=[55, 30, 15])[0])]
    if layout == "9-cot":
        if rng.random() < 0.3:
            add("ten_tieu_chi", crit.title + ("." if rng.random() < 0.5 else ""))
        if rng.random() < 0.5:
            add("diem_yeu", _weakness(rng, crit))
        add("ket_qua_can_dat", rng.choice(bank.RESULTS[std]).format(y=year))
    elif layout == "5-cot":
        add("diem_yeu", _weakness(rng, crit))
    else:
        add("noi_dung", _weakness(rng, crit) if rng.random() < 0.6 else rng.choice(bank.OBJECTS[std]).capitalize())
    out.append("giai_phap:")
    out += [f"  - {_q(s)}" for s in solutions]
    add("chu_tri", rng.choice(bank.LEADS))
    if layout == "10-cot" and rng.random() < 0.3:
        add("phoi_hop", rng.choice(bank.PARTNERS))
    if layout != "5-cot" or rng.random() < 0.5:
        add("thoi_gian", _when(rng, y0))
    if layout != "5-cot":
        if rng.random() < (0.6 if std == "3" else 0.1):
            amount = _amount(rng)
            add("kinh_phi", amount)
            add("nguon_kinh_phi", rng.choice(bank.FUNDING_SOURCES))
        elif rng.random() < 0.3:
            add("kinh_phi_ghi_chu", rng.choice(bank.BUDGET_NOTES).format(amount=_vnd(_amount(rng))))
        elif layout == "10-cot":
            add("nguon_kinh_phi", rng.choice(bank.FUNDING_SOURCES))
    if layout == "9-cot" and rng.random() < 0.5:
        add("dieu_kien_ho_tro", rng.choice(bank.SUPPORT))
    if layout == "10-cot":
        add("giam_sat", rng.choice(bank.SUPERVISORS))
        add("thoi_diem_bao_cao", _when(rng, y0))
    note = rng.choice(bank.NOTES)
    if note and layout != "5-cot":
        add("ghi_chu", note)
    written = {line.split(":", 1)[0] for line in out if not line.startswith(" ")}
    for f in ROW_FIELDS:  # fields without a generator of their own draw from the fields table's samples
        if f.samples and f.key not in written:
            add(f.key, rng.choice(f.samples))
    return out


TRACKED = 0.6  # rows with a checkpoint at the end of semester I
YEAR_END = 0.75  # of those, rows with one at the end of the year too
_MID = {"dang-thuc-hien": 60, "hoan-thanh": 25, "chua-hoan-thanh": 15}
_END = {"hoan-thanh": 55, "dang-thuc-hien": 20, "chua-hoan-thanh": 25}
_NOTES = ["Đã triển khai theo kế hoạch.", "Còn chậm so với tiến độ do thiếu kinh phí.",
          "Đạt mục tiêu đề ra.", "Cần tiếp tục trong năm học sau.", ""]


def _progress(rng: random.Random, crit: catalog.Criterion, y0: int) -> list[str]:
    """A row's `thuc_hien` as YAML lines: none, semester I, or semester I and the year's end."""
    if rng.random() >= TRACKED:
        return []
    points = [("Cuối học kỳ I", _pick(rng, _MID), f"{y0 + 1}-01-{rng.randint(10, 25):02d}")]
    if rng.random() < YEAR_END:
        points.append(("Cuối năm học", _pick(rng, _END), f"{y0 + 1}-05-{rng.randint(15, 31):02d}"))
    out = ["thuc_hien:"]
    for name, level, day in points:
        out += [f"  - moc: {_q(name)}", f"    muc_do: {level}", f"    ngay: {day}"]
        note = rng.choice(_NOTES)
        if note:
            out.append(f"    ghi_chu: {_q(note)}")
        if level == "hoan-thanh" and rng.random() < 0.5 and crit.standard != "M4":
            out.append(f"    minh_chung: [{_q(f'[H{crit.standard}-{crit.id}-{rng.randint(1, 12):02d}]')}]")
    return out


def _body(rng: random.Random, school: _School, y0: int, circ: catalog.Circular) -> str:
    ctx = {"y": f"{y0}-{y0 + 1}", "prev": f"{y0 - 1}-{y0}", "circ": circ.code, "district": _short_district(school.district),
           "school": school.name}
    out: list[str] = []
    style = rng.randrange(3)
    if style == 1:  # "Căn cứ ..." paragraphs first, as THCS Tân Sơn writes
        out += [s.format(**ctx) + "\n" for s in rng.sample(bank.BASIS_ITEMS[1:], 3)]
        out.append(f"{school.name} xây dựng Kế hoạch cải tiến chất lượng giáo dục năm học {ctx['y']} như sau:\n")
    out.append("## I. MỤC ĐÍCH, YÊU CẦU\n")
    out += [f"{i}. {s.format(**ctx)}" for i, s in enumerate(rng.sample(bank.PURPOSE_ITEMS, rng.randint(2, 4)), 1)]
    if style != 1:
        out.append("\n## II. CĂN CỨ XÂY DỰNG KẾ HOẠCH\n")
        out += [f"{i}. {s.format(**ctx)}" for i, s in enumerate(rng.sample(bank.BASIS_ITEMS, rng.randint(3, 6)), 1)]
    out.append("\n## III. NỘI DUNG KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC\n")
    out.append(TABLE_MARKER + "\n")
    if style == 1:
        out.append("## IV. TIẾN ĐỘ THỰC HIỆN\n")
        out += ["- " + s.format(**ctx) for s in bank.PROGRESS_ITEMS]
    else:
        out.append("## IV. TỔ CHỨC THỰC HIỆN\n")
        for i, (who, duties) in enumerate(bank.ORGANISATION[: rng.randint(2, 4)], 1):
            out.append(f"### {i}. {who}\n")
            out += ["- " + d.format(**ctx) for d in duties]
            out.append("")
        if rng.random() < 0.5:
            out.append(f"Thầy/Cô {_person(rng)} – Phó Hiệu trưởng: giám sát các nhóm công tác.\n")
    out.append("\n" + rng.choice(bank.CLOSINGS).format(**ctx))
    return "\n".join(out) + "\n"


def _plan(rng: random.Random, school: _School, y0: int, rows: tuple[int, int]) -> str:
    circ = school.circular
    layout = school.layout if rng.random() < 0.85 else _pick(rng, LAYOUT_WEIGHTS)
    ocr = rng.random() < OCR_SHARE
    lo, hi = rows
    level = circ.level_criteria
    n = min(rng.randint(lo, hi), len(level))
    chosen = set(rng.sample(range(len(level)), n))
    crits = [c for i, c in enumerate(level) if i in chosen]
    if rng.random() < 0.15:
        level4 = [c for c in circ.criteria.values() if c.standard == "M4"]
        crits += sorted(rng.sample(level4, rng.randint(1, 2)), key=lambda c: c.id)
    year = f"{y0}-{y0 + 1}"
    day = rng.randint(15, 31) if rng.random() < 0.3 else rng.randint(1, 30)
    month = 8 if day > 30 or rng.random() < 0.3 else rng.choice([9, 10])
    lines = ["---", f"nam_hoc: {_q(year)}", f"thong_tu: {_q(circ.code)}"]
    if rng.random() < 0.3:
        lines.append(f"co_quan_chu_quan: {_q(school.office.upper())}")
    if rng.random() < 0.2:
        lines.append(f"ten_truong: {_q(school.name.upper())}")
    number = "" if rng.random() < 0.15 else str(rng.randint(12, 380))
    lines.append(f"so_hieu: {_q(number + '/KH-' + school.abbr)}")
    lines.append(f"dia_danh: {_q(_short_district(school.district) if rng.random() < 0.8 else school.commune)}")
    lines.append(f"ngay_ban_hanh: {y0}-{month:02d}-{day:02d}" if rng.random() < 0.7 else f"ngay_ban_hanh: {_q(f'{day:02d}/{month:02d}/{y0}')}")
    lines.append(f"tieu_de: {_q(rng.choice(bank.TITLES))}")
    lines.append(f"mau_bang: {layout}")
    if rng.random() < 0.2:
        lines.append("ten_tieu_chuan:")
        for s in sorted({c.standard for c in crits if c.standard != "M4"}):
            lines.append(f"  {_q(s)}: {_q(next(x.title for x in circ.standards if x.id == s))}")
    if ocr:
        lines.append("nguon_van_ban: ocr")
        lines.append(f"ghi_chu_nguon: {_q('Văn bản được nhận dạng ký tự (OCR) từ bản quét nên chữ không có dấu và còn lỗi nhận dạng.')}")
    lines.append("cai_tien:")
    follow = random.Random(f"{school.slug}/{year}")  # statuses: a stream of their own
    for crit in crits:
        row = _row(rng, crit, layout, school, y0)
        if ocr:
            row = [_ocr(line) for line in row]
        row += _progress(follow, crit, y0)
        lines.append("  - " + row[0])
        lines += ["    " + line for line in row[1:]]
    lines.append(f"nguoi_ky: {_q(school.signer)}")
    lines.append(f"chuc_vu_nguoi_ky: {_q(rng.choice(bank.SIGNER_TITLES))}")
    lines.append("noi_nhan:")
    recipients = [bank.RECIPIENTS[0]] + rng.sample(bank.RECIPIENTS[1:], rng.randint(1, 3)) + ["Lưu: VT."]
    lines += [f"  - {_q(r.format(office_short=school.office_short))}" for r in recipients]
    lines.append("---")
    body = _body(rng, school, y0, circ)
    if ocr:
        body = strip_marks(body)
    return "\n".join(lines) + "\n\n" + body


def _ocr(line: str) -> str:
    """OCR output keeps keys and ids but loses diacritics in the values."""
    key, sep, value = line.partition(": ")
    return key + sep + strip_marks(value) if sep and not key.startswith("tieu_chi") else strip_marks(line) if line.startswith("  - ") else line


def generate(out_dir: Path, n_plans: int, seed: int = 1, rows: tuple[int, int] = (8, 25)) -> None:
    """Write n_plans plans (and their schools' truong.yml) under out_dir, deterministically.

    Files already in out_dir are not removed; point it at an empty folder.
    """
    rows = (int(rows[0]), int(rows[1]))
    rng = random.Random(seed)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    remaining = int(n_plans)
    while remaining > 0:
        school = _School(rng, taken)
        k = min(remaining, _pick(rng, PLANS_PER_SCHOOL))
        last = _pick(rng, LAST_YEAR_WEIGHTS)
        folder = out_dir / school.slug
        folder.mkdir(exist_ok=True)
        (folder / "truong.yml").write_text(school.profile_yaml(rng), encoding="utf-8")
        for y0 in range(last - k + 1, last + 1):
            (folder / f"{y0}-{y0 + 1}.md").write_text(_plan(rng, school, y0, rows), encoding="utf-8")
        remaining -= k


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="corpusgen", description="Tạo kho kế hoạch giả lập để đo tốc độ và kiểm thử.")
    parser.add_argument("out", type=Path, help="thư mục kết quả (trống)")
    parser.add_argument("n", type=int, help="số kế hoạch")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    generate(args.out, args.n, args.seed)
    return 0


if __name__ == "__main__":  # pragma: no cover
    import sys

    raise SystemExit(main(sys.argv[1:]))
