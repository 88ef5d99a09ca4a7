"""Open data: the model as CSV and JSON files anyone can download, written after the site build.

Pure functions turn the corpus into rows and records (testable without MkDocs); `write_exports`
is the post-build step that puts them into the site:

    du-lieu/cai-tien.csv           one line per improvement row (UTF-8 with BOM, for Excel)
    du-lieu/ke-hoach.csv           one line per plan
    du-lieu/ke-hoach.json          index of every plan: school, year and the address of its JSON
    du-lieu/ke-hoach.schema.json   JSON Schema of a plan's front matter (copy of schema/)
    truong/<slug>/truong.json      one school with the list of its plans
    truong/<slug>/<year>/ke-hoach.json  one plan, with its Markdown text

Column names and JSON keys are part of a public contract (docs/du-lieu-mo.md documents them):
add new ones, never rename.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterable, Iterator

from congkhai.core import catalog
from congkhai.core.fields import AMOUNT, ROW_FIELDS, RowField, texts
from congkhai.core.model import Corpus, Plan, Row, SchoolRecord
from congkhai.facts import budgets as budget
from congkhai.facts import pdf_policy as pdfs
from congkhai.facts import progress
from congkhai.facts.context import BuildContext

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.vi"
DATA_DIR = "du-lieu"
SCHEMA_FILE = "ke-hoach.schema.json"
SOLUTION_SEPARATOR = " | "
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# The school and plan columns both CSV files start with.
PLAN_KEY_COLUMNS: list[tuple[str, str]] = [
    ("ma_truong", "Mã trường (tên thư mục trong plans/)"),
    ("ten_truong", "Tên trường"),
    ("cap_hoc", "Cấp học"),
    ("tinh_thanh", "Tỉnh, thành phố"),
    ("quan_huyen", "Quận, huyện"),
    ("nam_hoc", "Năm học"),
    ("thong_tu", "Thông tư"),
]

SOURCE_GROUP = ("nhom_nguon_kinh_phi", "Nhóm nguồn kinh phí")
"""A derived column, after the source as written: the source folded to a few canonical names."""


def _field_columns() -> list[tuple[str, str]]:
    """Every row field (the official criterion title stands for the school's wording)."""
    out: list[tuple[str, str]] = [("tieu_chi", "Mã tiêu chí"), ("ten_tieu_chi", "Tên tiêu chí")]
    for f in ROW_FIELDS:
        if f.key != "ten_tieu_chi":
            out.append((f.key, f.open_data_label))
        if f.key == "nguon_kinh_phi":
            out.append(SOURCE_GROUP)
    return out


# Header of du-lieu/cai-tien.csv, in order, with what each column holds (also on /du-lieu-mo/).
IMPROVEMENT_COLUMNS: list[tuple[str, str]] = PLAN_KEY_COLUMNS + _field_columns() + [("url", "Địa chỉ kế hoạch")]

# Header of du-lieu/ke-hoach.csv.
PLAN_COLUMNS: list[tuple[str, str]] = PLAN_KEY_COLUMNS + [
    ("so_hieu", "Số, ký hiệu văn bản"),
    ("ngay_ban_hanh", "Ngày ban hành"),
    ("nguoi_ky", "Người ký"),
    ("so_tieu_chi", "Số tiêu chí cần cải tiến"),
    ("tong_kinh_phi", "Tổng kinh phí dự kiến (đồng)"),
    ("cap_nhat", "Ngày cập nhật"),
    ("url", "Địa chỉ kế hoạch"),
    ("ban_in", "Bản in"),
    ("pdf", "Tệp PDF"),
    ("json", "Tệp JSON"),
]


# --- addresses ------------------------------------------------------------------------------

def absolute(path: str, site_url: str | None) -> str:
    """An address for people outside the site: absolute with site_url, else relative to the root."""
    if site_url:
        return site_url.rstrip("/") + "/" + path
    return path


def plan_files(plan: Plan, pdf_policy: str = "tat-ca") -> dict[str, str | None]:
    """Site-root-relative paths of a plan's page, print view, PDF (None if the build's PDF
    policy gives it none) and JSON."""
    return {
        "url": plan.url,
        "ban_in": plan.print_url,
        "pdf": plan.pdf_url if pdfs.has_pdf(plan, pdf_policy) else None,
        "json": plan.json_url,
    }


def _links(plan: Plan, site_url: str | None, pdf_policy: str) -> dict[str, str | None]:
    return {k: absolute(v, site_url) if v else None for k, v in plan_files(plan, pdf_policy).items()}


# --- rows for the CSV files -----------------------------------------------------------------

def _place(school: SchoolRecord) -> dict[str, str]:
    p = school.profile
    return {
        "ma_truong": school.slug,
        "ten_truong": p.ten,
        "cap_hoc": p.cap_hoc.label,
        "tinh_thanh": p.tinh_thanh or "",
        "quan_huyen": p.quan_huyen or "",
    }


def improvement_rows(corpus: Corpus, site_url: str | None = None) -> Iterator[dict]:
    """One dict per improvement row, keyed by IMPROVEMENT_COLUMNS; amounts stay integers."""
    for plan in _plans(corpus):
        base = _place(plan.school) | {"nam_hoc": plan.year, "thong_tu": plan.meta.thong_tu}
        url = absolute(plan.url, site_url)
        for row in plan.rows:
            yield base | {f.key: _csv_value(row, f) for f in ROW_FIELDS} | {
                "tieu_chi": row.tieu_chi,
                "ten_tieu_chi": catalog.row_title(plan, row),
                SOURCE_GROUP[0]: budget.row_source(row) or "",
                "url": f"{url}#{row.anchor}",
            }


def _csv_value(row: Row, f: RowField) -> object:
    """A field in a CSV cell: solutions and checkpoints joined, amounts kept as integers."""
    if f.kind == AMOUNT:
        value = getattr(row, f.key)
        return "" if value is None else value
    return SOLUTION_SEPARATOR.join(texts(row, f))


def plan_rows(corpus: Corpus, site_url: str | None = None, dates: dict | None = None, pdf_policy: str = "tat-ca") -> Iterator[dict]:
    """One dict per plan, keyed by PLAN_COLUMNS (`pdf` empty for a plan without a PDF)."""
    dates = dates or {}
    for plan in _plans(corpus):
        files = {k: v or "" for k, v in _links(plan, site_url, pdf_policy).items()}
        meta = plan.meta
        yield _place(plan.school) | {
            "nam_hoc": plan.year,
            "thong_tu": meta.thong_tu,
            "so_hieu": meta.so_hieu or "",
            "ngay_ban_hanh": meta.ngay_ban_hanh.isoformat() if meta.ngay_ban_hanh else "",
            "nguoi_ky": meta.nguoi_ky or "",
            "so_tieu_chi": len(plan.rows),
            "tong_kinh_phi": budget.total_amount(budget.plan_totals(plan)),
            "cap_nhat": _updated(plan, dates),
        } | files


def to_csv(columns: list[tuple[str, str]], rows: Iterable[dict]) -> bytes:
    """CSV bytes Excel opens with the right diacritics: UTF-8 with BOM, CRLF line ends."""
    names = [name for name, _ in columns]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    writer.writerows([excel_safe(row[name]) for name in names] for row in rows)
    return out.getvalue().encode("utf-8-sig")


def excel_safe(value: object) -> object:
    """Text Excel would read as a formula ("- Hiệu trưởng" shows #NAME?, "=HYPERLINK(…)" runs)
    gets a leading apostrophe; numbers stay numbers."""
    if isinstance(value, str) and value[:1] in FORMULA_START:
        return "'" + value
    return value


# --- JSON records ---------------------------------------------------------------------------

def plan_record(plan: Plan, site_url: str | None = None, dates: dict | None = None, text: bool = True,
                pdf_policy: str = "tat-ca") -> dict:
    """A plan for reuse: `ke_hoach` is its front matter exactly as schema/ke-hoach.schema.json
    describes it; the other keys are derived (links, official criterion titles, budget)."""
    record = {
        "ma_truong": plan.school.slug,
        "ten_truong": plan.school.name,
        "nam_hoc": plan.year,
        "cap_nhat": _updated(plan, dates or {}),
        **_links(plan, site_url, pdf_policy),
        "truong_json": absolute(plan.school.json_url, site_url),
        "tieu_chi": [
            {
                "ma": row.tieu_chi,
                "ten": catalog.row_title(plan, row),
                "url": absolute(f"{plan.url}#{row.anchor}", site_url),
                "trang_tieu_chi": absolute(crit.url, site_url) if (crit := catalog.row_criterion(plan, row)) else None,
                "nhom_nguon_kinh_phi": budget.row_source(row),
                "muc_do_hien_nay": level.value if (level := progress.status(row)) else None,
            }
            for row in plan.rows
        ],
        "kinh_phi_theo_nguon": _budget(budget.plan_totals(plan)),
        "ke_hoach": plan.meta.model_dump(mode="json"),
    }
    if text:
        record["van_ban"] = plan.body
    return record


def school_record(school: SchoolRecord, site_url: str | None = None, dates: dict | None = None,
                  pdf_policy: str = "tat-ca") -> dict:
    dates = dates or {}
    return {
        "ma_truong": school.slug,
        "url": absolute(school.url, site_url),
        "ho_so": school.profile.model_dump(mode="json"),
        "cap_hoc": school.profile.cap_hoc.label,
        "ke_hoach": [
            {
                "nam_hoc": plan.year,
                "thong_tu": plan.meta.thong_tu,
                "so_hieu": plan.meta.so_hieu,
                "ngay_ban_hanh": plan.meta.ngay_ban_hanh.isoformat() if plan.meta.ngay_ban_hanh else None,
                "so_tieu_chi": len(plan.rows),
                "tong_kinh_phi": budget.total_amount(budget.plan_totals(plan)),
                "cap_nhat": _updated(plan, dates),
                **_links(plan, site_url, pdf_policy),
            }
            for plan in school.plans
        ],
        "kinh_phi_theo_nguon": _budget(budget.school_totals(school)),
    }


def all_plans(corpus: Corpus, site_url: str | None = None) -> dict:
    """An index of the corpus: which plans exist and where each one's JSON is. The records
    themselves live once, per plan (a copy of them all here would double the data on the site)."""
    return {
        "giay_phep": LICENCE,
        "giay_phep_url": LICENCE_URL,
        "luoc_do": absolute(f"{DATA_DIR}/{SCHEMA_FILE}", site_url),
        "so_truong": len(corpus.schools),
        "so_ke_hoach": len(corpus.plans),
        "ke_hoach": [
            {
                "ma_truong": plan.school.slug,
                "nam_hoc": plan.year,
                "json": absolute(plan.json_url, site_url),
            }
            for plan in _plans(corpus)
        ],
    }


def to_json(data: object) -> bytes:
    """Compact UTF-8 JSON: the site-wide file grows with every plan (browsers pretty-print it)."""
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _budget(items: list[budget.SourceTotal]) -> list[dict]:
    return [{"nguon": t.source, "so_tien": t.amount, "ty_le": round(t.share, 4), "so_tieu_chi": t.rows} for t in items]


def _plans(corpus: Corpus) -> list[Plan]:
    """Plans in a stable order: school slug, then year."""
    return sorted(corpus.plans, key=lambda p: (p.school.slug, p.year))


def _updated(plan: Plan, dates: dict) -> str:
    """`dates`: plan file -> its one "last updated" date (facts/dates.py), or None."""
    found = dates.get(plan.path.resolve())
    return found.isoformat() if found else ""


# --- post-build step ------------------------------------------------------------------------

def write_exports(ctx: BuildContext) -> None:
    corpus, site, site_url, policy = ctx.corpus, ctx.site_dir, ctx.site_url, ctx.pdf_policy
    dates = {plan.path.resolve(): ctx.last_updated(plan) for plan in corpus.plans}
    data = site / DATA_DIR
    data.mkdir(parents=True, exist_ok=True)
    (data / "cai-tien.csv").write_bytes(to_csv(IMPROVEMENT_COLUMNS, improvement_rows(corpus, site_url)))
    (data / "ke-hoach.csv").write_bytes(to_csv(PLAN_COLUMNS, plan_rows(corpus, site_url, dates, policy)))
    (data / "ke-hoach.json").write_bytes(to_json(all_plans(corpus, site_url)))
    schema = ctx.root / "schema" / SCHEMA_FILE
    if schema.is_file():
        shutil.copyfile(schema, data / SCHEMA_FILE)
    for school in corpus.schools.values():
        (site / school.url).mkdir(parents=True, exist_ok=True)
        (site / school.json_url).write_bytes(to_json(school_record(school, site_url, dates, policy)))
    for plan in _plans(corpus):
        (site / plan.url).mkdir(parents=True, exist_ok=True)
        (site / plan.json_url).write_bytes(to_json(plan_record(plan, site_url, dates, pdf_policy=policy)))
