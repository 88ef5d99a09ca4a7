"""Open data: the model as CSV and JSON files anyone can download, written after the site build.

Pure functions turn the corpus into rows and records (testable without MkDocs); `write_exports`
is the post-build step that puts them into the site:

    du-lieu/tinh/<tỉnh>.csv.zip    one line per improvement row of a province (UTF-8 with BOM, for
                                   Excel), zipped: row text compresses about 12:1
    du-lieu/cai-tien.csv           the same for the whole site, only while it stays small
    du-lieu/ke-hoach.csv           one line per plan
    du-lieu/ke-hoach.json          index: every plan (school, year, where its record is) and province file
    du-lieu/ke-hoach.schema.json   JSON Schema of a plan's front matter (copy of schema/)
    truong/<slug>/truong.json      one school with its plans inside, each with its Markdown text

Each row's text is written once in the open data (one JSON per school, one CSV per province):
a copy per plan and another for the whole country would multiply a province's site size.

Column names and JSON keys are part of a public contract (docs/du-lieu-mo.md documents them):
add new ones, never rename.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from collections.abc import Iterable, Iterator

from congkhai.core import catalog
from congkhai.core.fields import AMOUNT, ROW_FIELDS, RowField, texts
from congkhai.core.model import Corpus, Plan, Row, SchoolRecord
from congkhai.facts import budgets as budget
from congkhai.facts import pdf_policy as pdfs
from congkhai.facts import progress
from congkhai.facts.context import BuildContext
from congkhai.facts.places import current_province, place_slug

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.vi"
DATA_DIR = "du-lieu"
SCHEMA_FILE = "ke-hoach.schema.json"
SOLUTION_SEPARATOR = " | "
NATIONAL_CSV = "cai-tien.csv"
NATIONAL_CSV_MAX_BYTES = 20 * 1024 * 1024
"""The all-rows file for the whole site is written only up to this size (about 1,200 plans);
above it the province files hold the rows (Excel and GitHub Pages both stay comfortable)."""
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
    """Site-root-relative paths of a plan's page, its document on that page (to print), its PDF
    (None if the build's PDF policy gives it none) and JSON."""
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


def improvement_rows(corpus: Corpus, site_url: str | None = None, plans: list[Plan] | None = None) -> Iterator[dict]:
    """One dict per improvement row (of `plans`, else of every plan), keyed by IMPROVEMENT_COLUMNS;
    amounts stay integers."""
    for plan in _plans(corpus) if plans is None else plans:
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
    """A plan for reuse: `ke_hoach` is its front matter as schema/ke-hoach.schema.json describes
    it (empty optional fields left out); the other keys are derived (links, official criterion
    titles, budget)."""
    meta = plan.meta
    totals = budget.plan_totals(plan)
    record = {
        "nam_hoc": plan.year,
        "thong_tu": meta.thong_tu,
        "so_hieu": meta.so_hieu,
        "ngay_ban_hanh": meta.ngay_ban_hanh.isoformat() if meta.ngay_ban_hanh else None,
        "so_tieu_chi": len(plan.rows),
        "tong_kinh_phi": budget.total_amount(totals),
        "cap_nhat": _updated(plan, dates or {}),
        **_links(plan, site_url, pdf_policy),
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
        "kinh_phi_theo_nguon": _budget(totals),
        "ke_hoach": meta.model_dump(mode="json", exclude_none=True),
    }
    if text:
        record["van_ban"] = plan.body
    return record


def school_record(school: SchoolRecord, site_url: str | None = None, dates: dict | None = None,
                  pdf_policy: str = "tat-ca") -> dict:
    """A school with its plans inside, newest first (each as plan_record makes it): one file
    holds everything about the school."""
    return {
        "ma_truong": school.slug,
        "ten_truong": school.name,
        "url": absolute(school.url, site_url),
        "json": absolute(school.json_url, site_url),
        "ho_so": school.profile.model_dump(mode="json"),
        "cap_hoc": school.profile.cap_hoc.label,
        "ke_hoach": [plan_record(plan, site_url, dates, pdf_policy=pdf_policy) for plan in school.plans],
        "kinh_phi_theo_nguon": _budget(budget.school_totals(school)),
    }


def province_csv_path(province: str) -> str:
    """The all-rows CSV of one (current) province, zipped, beside its Atom feed."""
    return f"{DATA_DIR}/tinh/{place_slug(province)}.csv.zip"


ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""Every zipped file's date: the same input gives the same bytes, build after build."""


def zipped(name: str, data: bytes) -> bytes:
    """`data` as the one file `name` in a zip archive Windows and macOS open with a double click."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        archive.writestr(info, data, compresslevel=9)
    return out.getvalue()


def province_files(corpus: Corpus) -> dict[str, tuple[str, list[Plan]]]:
    """CSV path -> (province, its plans in a stable order), grouped by the current province."""
    out: dict[str, tuple[str, list[Plan]]] = {}
    for plan in _plans(corpus):
        province = current_province(plan.school)
        out.setdefault(province_csv_path(province), (province, []))[1].append(plan)
    return dict(sorted(out.items()))


def all_plans(corpus: Corpus, site_url: str | None = None, national_csv: bool = True) -> dict:
    """An index of the corpus: which plans exist, where each one's record is (inside its school's
    JSON, under the year) and which CSV file holds each province's rows. The records themselves
    live once, per school (a copy of them all here would double the data on the site)."""
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
        "cai_tien_csv": absolute(f"{DATA_DIR}/{NATIONAL_CSV}", site_url) if national_csv else None,
        "cai_tien_theo_tinh": [
            {"tinh": province, "csv": absolute(path, site_url), "so_ke_hoach": len(plans)}
            for path, (province, plans) in province_files(corpus).items()
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
    (data / "tinh").mkdir(parents=True, exist_ok=True)
    national = write_improvement_csvs(corpus, site, site_url)
    (data / "ke-hoach.csv").write_bytes(to_csv(PLAN_COLUMNS, plan_rows(corpus, site_url, dates, policy)))
    (data / "ke-hoach.json").write_bytes(to_json(all_plans(corpus, site_url, national)))
    schema = ctx.root / "schema" / SCHEMA_FILE
    if schema.is_file():
        shutil.copyfile(schema, data / SCHEMA_FILE)
    for school in corpus.schools.values():
        (site / school.url).mkdir(parents=True, exist_ok=True)
        (site / school.json_url).write_bytes(to_json(school_record(school, site_url, dates, policy)))


def write_improvement_csvs(corpus: Corpus, site, site_url: str | None) -> bool:
    """One zipped all-rows CSV per province, and the national one, plain, while it stays under
    NATIONAL_CSV_MAX_BYTES (its size is the provinces' added up). True if it was written."""
    total = 0
    for path, (_, plans) in province_files(corpus).items():
        data = to_csv(IMPROVEMENT_COLUMNS, improvement_rows(corpus, site_url, plans))
        (site / path).write_bytes(zipped(path.rsplit("/", 1)[1].removesuffix(".zip"), data))
        total += len(data)
    national = site / DATA_DIR / NATIONAL_CSV
    if total > NATIONAL_CSV_MAX_BYTES:
        national.unlink(missing_ok=True)
        return False
    national.write_bytes(to_csv(IMPROVEMENT_COLUMNS, improvement_rows(corpus, site_url)))
    return True
