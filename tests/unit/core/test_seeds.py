"""The real plans ("seeds") converted to plan files must keep every word of the source.

Each seed in tests/data/seeds/ is read with a small, layout-agnostic reader (tab-separated or
one-cell-per-line tables, and the OCR table of seed 004), and compared with the plan file as the
loader reads it:

* every word token of the seed (as a multiset: a word printed three times must be there three
  times) is in the plan's front matter values or body. Removed from the seed side first, because
  the plan stores them structurally and they are checked separately below: markup (<p>, <b>, **,
  #, table separators), the "Số:" label, the national motto, the "KẾ HOẠCH" title, the date line,
  the school-year line, the table's column headings and band rows ("MỨC 1, 2, 3", "MỨC 4"), the
  TT / standard-number cells, the "Tiêu chí N.M" / "Tiêu chuẩn N:" prefixes and the "Nơi nhận:"
  label. For the OCR seed, tokens are compared folded (no diacritics, đ→d), and its letterhead
  and signature block are left out of the token check because the conventions correct them to
  the real values (they are checked for number, date, place, year and recipient count instead);
* for a typed seed, the reverse too: the plan has no word the document lacks;
* every criterion id found in the seed's table is a `tieu_chi` of the plan, and the plan has as
  many rows as the seed's table (typed seeds: the same ids in the same order)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import DATA, ROOT

from congkhai.core.loader import load_corpus
from congkhai.core.model import Plan

SEED_DIR = DATA / "seeds"


PLANS = ROOT / "plans"


# seed number -> (school slug, school year, text recognised from a scan?)
SEEDS = {
    "000": ("thcs-col-tp-ho-chi-minh", "2020-2021", False),
    "001": ("thcs-tan-son-go-vap", "2024-2025", False),
    "002": ("th-xa-thanh-an-dien-bien", "2023-2024", False),
    "003": ("mn-hoa-mi-2-quan-12", "2022-2023", False),
    "004": ("thpt-binh-phuc-nhut-cho-gao", "2022-2023", True),
}


# Column headings of the 9-column (Công văn 5932) and 5-column tables, folded.
HEADER_CELLS = {
    "tt",
    "tieu chuan, tieu chi",
    "ket qua can dat (so voi hien trang)",
    "cong viec/giai phap can thuc hien",
    "chu tri va phoi hop thuc hien",
    "thoi gian thuc hien va hoan thanh",
    "du kien kinh phi",
    "dieu kien ho tro khac",
    "ghi chu",
    "tieu chuan",
    "tieu chi",
    "mat yeu",
    "bien phap cai tien chat luong",
    "phan cong nhiem vu/thoi gian thuc hien",
}


# Plan fields that restate what the seed-side checks verify structurally (or notes that are not
# source text); their tokens would otherwise hide dropped words.
NOT_SOURCE_TEXT = {"nam_hoc", "thong_tu", "mau_bang", "ngay_ban_hanh", "nguon_van_ban", "ghi_chu_nguon", "tieu_chi"}


MARKUP = re.compile(r"</?(?:p|b)>|\*\*")


AMOUNT = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{3})+(?![\d.])")


HEADING = re.compile(r"^\s*(?:#+\s*)?(?:[ivx]+|\d+)\.\s+[a-z]")


CRITERION_CELL = re.compile(r"^(?:tieu chi|tc)\s+(\d+(?:\.\d+)?)(?:\s*[.:])?\s*")


STANDARD_CELL = re.compile(r"^tieu chuan\s+(\d+)\s*:\s*")


BARE_ID = re.compile(r"^[1-9]\.(?:10|[1-9])$")


BAND = re.compile(r"^muc\s+[\d,\s]+$")


# OCR rows start "TT [standard] id |": "2 11 1.4 |Hop…", "14 |3 35 | Thiét…", "i} 32 |Khoi…".
OCR_ROW_START = re.compile(r"^\s*(?:[^\s|]{1,3}\s*\|?\s*){1,3}?([1-5])\.?(10|[1-9])\s*\|")


OCR_LONE_ID = re.compile(r"^([1-5])\.?(10|[1-9])$")


def fold(text: str) -> str:
    """Lowercase without diacritics (đ→d), one character for one, so positions still match."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFD", ch)[0]
        base = "d" if base in "đĐ" else base.lower()
        out.append(base if len(base) == 1 else ch)
    return "".join(out)


def clean(text: str) -> str:
    return " ".join(MARKUP.sub(" ", text).split())


def tokens(text: str, folded: bool) -> list[str]:
    text = AMOUNT.sub(lambda m: m.group(0).replace(".", ""), unicodedata.normalize("NFC", text))
    words = re.findall(r"\w+", text.lower())
    return [fold(w) for w in words] if folded else words


@dataclass
class Seed:
    """What the reader found in a seed: text to compare and facts to check structurally."""

    number: str
    ocr: bool
    text: list[str] = field(default_factory=list)  # lines whose words must all be in the plan
    ids: list[str] = field(default_factory=list)
    rows: int = 0
    so_hieu: str | None = None
    date: dt.date | None = None
    place: str | None = None
    year: str | None = None
    letterhead: list[str] = field(default_factory=list)  # governing body and school lines
    title: list[str] = field(default_factory=list)  # lines between KẾ HOẠCH and the year
    standards: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # criterion id -> title quoted in the cell
    recipients: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)


def read_seed(path: Path, ocr: bool) -> Seed:
    raw = unicodedata.normalize("NFC", path.read_text(encoding="utf-8")).replace("\xa0", " ")
    lines = raw.split("\n")
    folded = [fold(clean(line)) for line in lines]
    seed = Seed(path.name[:3], ocr)

    year_at = next(i for i, f in enumerate(folded) if re.match(r"^\w{2,4} hoc:?\s*\d{4}\s*[-–—]\s*\d{4}$", f))
    table_at = next(
        i for i, line in enumerate(lines) if i > year_at and re.match(r"^(?:tt\b|tieu chuan\t)", fold(line.strip()))
    )
    table_end = next(i for i in range(table_at + 1, len(lines)) if HEADING.match(folded[i]))
    footer_at = next(
        i for i in range(table_end, len(lines)) if re.match(r"^(?:#+\s*)?(?:noi nh\w*\s*:|t/m\b)", folded[i])
    )

    _read_header(seed, lines[: year_at + 1], folded[: year_at + 1])
    seed.text += lines[year_at + 1 : table_at] + lines[table_end:footer_at]
    if ocr:
        _read_ocr_table(seed, lines[table_at:table_end])
    else:
        _read_table(seed, lines[table_at:table_end])
    _read_footer(seed, lines[footer_at:])
    return seed


def _read_header(seed: Seed, lines: list[str], folded: list[str]) -> None:
    seen_title = False
    for line, f in zip(lines, folded):
        text = clean(line)
        if not text:
            continue
        m = re.match(r"^s\w?\s*:\s*(.*)$", f)
        if m and seed.so_hieu is None:
            seed.so_hieu = text[len(text) - len(m.group(1)) :].strip()
            # The rest of an OCR line may run into the date ("126/KH-THPTBPN Cho Gao, ngay …").
            if not seed.ocr:
                seed.text.append(seed.so_hieu)
                continue
        d = re.search(r"^(.*?),?\s*ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})\.?$", f)
        if d:
            seed.place = text[: len(d.group(1))].strip(" ,")
            seed.date = dt.date(int(d.group(4)), int(d.group(3)), int(d.group(2)))
            continue
        y = re.match(r"^\w{2,4} hoc:?\s*(\d{4})\s*[-–—]\s*(\d{4})$", f)
        if y:
            seed.year = f"{y.group(1)}-{y.group(2)}"
            continue
        if seed.ocr or m:
            continue
        if f == "cong hoa xa hoi chu nghia viet nam" or re.match(r"^doc lap\b.*hanh phuc$", f):
            continue
        if f == "ke hoach":
            seen_title = True
            continue
        (seed.title if seen_title else seed.letterhead).append(text)
        seed.text.append(text)


def _read_table(seed: Seed, lines: list[str]) -> None:
    """Tab-separated rows, or one cell per line (paragraphs of a cell follow without a tab)."""
    level4 = False
    for line in lines:
        for cell in line.split("\t"):
            text = clean(cell)
            f = fold(text)
            if not text or f in HEADER_CELLS or re.fullmatch(r"\d+|-+", text):
                continue
            if BAND.match(f):
                level4 = f.split()[-1] == "4"
                continue
            m = STANDARD_CELL.match(f)
            if m:
                seed.standards[m.group(1)] = text[m.end() :]
                seed.text.append(text[m.end() :])
                continue
            m = CRITERION_CELL.match(f)
            if m or BARE_ID.match(f):
                cid = m.group(1) if m else f
                if level4 and "." not in cid:
                    cid = f"M4.{cid}"
                seed.ids.append(cid)
                rest = text[m.end() :] if m else ""
                if rest:
                    seed.titles[cid] = rest
                    seed.text.append(rest)
                continue
            seed.text.append(text)
    seed.rows = len(seed.ids)


def _read_ocr_table(seed: Seed, lines: list[str]) -> None:
    """The scanned 10-column table: ids are found where a row starts or alone on a line.

    Row numbers and ids are lost for some rows, but every row keeps its "Ngân sách" (Kinh phí)
    cell, so the rows are counted by that cell.
    """
    first_row = next(i for i, line in enumerate(lines) if OCR_ROW_START.match(fold(line)))
    previous = ""
    for line in lines[first_row:]:
        f = fold(line.strip())
        start = OCR_ROW_START.match(f)
        lone = OCR_LONE_ID.match(f)
        if start:
            seed.ids.append(f"{start.group(1)}.{start.group(2)}")
            seed.text.append(line.strip()[start.end() - 1 :])
        elif lone and ("." in f or re.fullmatch(r"\d{1,2}", previous)):
            seed.ids.append(f"{lone.group(1)}.{lone.group(2)}")
        elif not re.fullmatch(r"\d{1,2}", f):  # a row number alone on its line
            seed.text.append(line)
        if f:
            previous = f
    seed.rows = len(re.findall(r"\bs[aeiou]ch\b", fold("\n".join(lines[first_row:]))))


def _read_footer(seed: Seed, lines: list[str]) -> None:
    for line in lines:
        text = clean(line)
        f = fold(text)
        if not text or re.match(r"^(?:#+\s*)?noi nh\w*\s*:$", f):
            continue
        if text.startswith("-"):
            seed.recipients.append(text.lstrip("- ").strip())
        else:
            seed.signature.append(text)
        if not seed.ocr:
            seed.text.append(text)


def plan_text(plan: Plan) -> str:
    """Every value of the plan a reader sees, as text (markers and structural fields left out)."""
    parts: list[str] = []

    def walk(value: object, key: str | None = None) -> None:
        if key in NOT_SOURCE_TEXT or value is None:
            return
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        else:
            parts.append(str(value))

    walk(plan.meta.model_dump(mode="json"))
    parts.append(re.sub(r"<!--.*?-->", " ", plan.body, flags=re.DOTALL))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def corpus():
    corpus, problems = load_corpus(PLANS)
    return corpus, problems


def seed_files() -> list[Path]:
    return sorted(SEED_DIR.glob("*.txt"))


@pytest.fixture(params=seed_files(), ids=lambda p: p.name[:3])
def case(request, corpus):
    path: Path = request.param
    number = path.name[:3]
    assert number in SEEDS, f"seed {path.name} has no entry in SEEDS (slug, year, ocr)"
    slug, year, ocr = SEEDS[number]
    plan_path = PLANS / slug / f"{year}.md"
    if not plan_path.exists():
        pytest.skip(f"{plan_path.relative_to(ROOT)} not converted yet")
    loaded, problems = corpus
    mine = [p.format(ROOT) for p in problems.errors if Path(p.path).resolve().is_relative_to(PLANS / slug)]
    assert not mine, "the plan does not validate:\n" + "\n".join(mine)
    plan = next(p for p in loaded.schools[slug].plans if p.year == year)
    return read_seed(path, ocr), plan


def test_seed_files_all_present():
    assert sorted(p.name[:3] for p in seed_files()) == sorted(SEEDS)


def test_every_word_is_kept(case):
    seed, plan = case
    want = Counter(tokens("\n".join(seed.text), seed.ocr))
    have = Counter(tokens(plan_text(plan), seed.ocr))
    missing = {w: n - have[w] for w, n in want.items() if have[w] < n}
    assert sum(want.values()) > 100, "the seed reader found almost no text"
    assert not missing, f"words of seed {seed.number} missing from {plan.path.name} (word: missing count): {missing}"


def test_nothing_added(case):
    """A typed seed's plan has no word the document lacks (the OCR plan carries editor's notes)."""
    seed, plan = case
    if seed.ocr:
        pytest.skip("the OCR plan corrects the letterhead and explains its corrections in notes")
    have = Counter(tokens(plan_text(plan), False))
    # The place is stored once from the date line, which the seed side leaves out; an amount
    # written in words is also stored as a number.
    want = Counter(tokens("\n".join(seed.text + [plan.meta.dia_danh or ""]), False))
    want.update(str(r.kinh_phi) for r in plan.rows if r.kinh_phi and r.kinh_phi_ghi_chu)
    added = {w: n - want[w] for w, n in have.items() if n > want[w]}
    assert not added, f"words in {plan.path.name} that seed {seed.number} does not have: {added}"


def test_criteria_and_rows(case):
    seed, plan = case
    ids = [r.tieu_chi for r in plan.rows]
    assert seed.ids, "no criterion id found in the seed's table"
    assert not set(seed.ids) - set(ids), f"criteria of the seed missing from the plan: {set(seed.ids) - set(ids)}"
    assert len(plan.rows) == seed.rows
    if not seed.ocr:
        assert ids == seed.ids, "rows are not in the document's order"
        for cid, title in seed.titles.items():
            assert next(r for r in plan.rows if r.tieu_chi == cid).ten_tieu_chi == title
        assert plan.meta.ten_tieu_chuan == seed.standards


def test_header_and_footer(case):
    seed, plan = case
    meta = plan.meta
    assert meta.nam_hoc == seed.year
    assert meta.ngay_ban_hanh == seed.date
    assert meta.so_hieu and seed.so_hieu
    assert len(meta.noi_nhan) == len(seed.recipients)
    if seed.ocr:
        assert fold(seed.so_hieu).startswith(fold(meta.so_hieu))
        assert fold(seed.place).endswith(fold(meta.dia_danh))
        return
    assert meta.so_hieu == seed.so_hieu
    assert meta.dia_danh == seed.place
    assert meta.tieu_de == " ".join(seed.title)
    assert [x for x in (meta.co_quan_chu_quan, meta.ten_truong) if x] == seed.letterhead
    assert meta.noi_nhan == seed.recipients
    assert [x for x in (meta.chuc_vu_nguoi_ky, meta.nguoi_ky) if x] == seed.signature

