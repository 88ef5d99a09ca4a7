"""Load the whole plans/ tree into the model, collecting every problem with file and line.

This is the only place that reads plan files. MkDocs drops front matter it cannot parse without
a word, so the build, the validator and every script go through `load_corpus` instead of
`page.meta`.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from pydantic import BaseModel, ValidationError

from congkhai.core import bodycheck, catalog, limits, walk
from congkhai.core import yamlfile
from congkhai.core.model import CRITERION_ID, SCHOOL_YEAR, SLUG, Corpus, Plan, PlanMeta, School, SchoolRecord
from congkhai.core.problems import ProblemList

SCHOOL_FILE = walk.SCHOOL_FILE
YEAR_FILE = re.compile(r"^\d{4}-\d{4}\.md$")
# Cells are plain text: any markup there is a mistake or an attack.
HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
# In the Markdown body some HTML is tolerated (and sanitised on render), never active content.
ACTIVE_HTML = re.compile(
    r"<\s*(?:script|iframe|object|embed|style|form|input|button|link|meta|base|svg|math)\b"
    r"|\bon[a-z]+\s*=|javascript\s*:|vbscript\s*:|data\s*:\s*text/html",
    re.IGNORECASE,
)


# A front-matter key at the start of a body line: written after the closing «---» by mistake.
STRAY_KEY = re.compile(r"^(" + "|".join(PlanMeta.model_fields) + r")[ \t]*:", re.MULTILINE)


def read_text(path: Path, problems: ProblemList) -> str | None:
    """Read a UTF-8 text file; BOM and CRLF are accepted, anything else is reported."""
    try:
        size = path.stat().st_size
        if size > limits.FILE_BYTES:
            problems.add(path, 1, f"tệp quá lớn ({size / 1_000_000:.1f} MB); mỗi tệp tối đa {limits.FILE_BYTES // 1_000_000} MB")
            return None
        raw = path.read_bytes()
    except OSError as e:
        problems.add(path, 1, f"không đọc được tệp ({e.strerror})")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        problems.add(
            path, line, "tệp không phải mã UTF-8; hãy lưu lại với bảng mã UTF-8 (trong Word/Notepad: Lưu thành… > UTF-8)"
        )
        return None
    if "\x00" in text:
        problems.add(path, 1, "tệp chứa dữ liệu nhị phân, không phải văn bản")
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Return (yaml, body, line where the body starts), or None without front matter."""
    if not text.startswith("---\n"):
        return None
    end = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if not end:
        return None
    yaml_text = text[4 : 4 + end.start()]
    body = text[4 + end.end() :].lstrip("\n")
    body_line = text[: len(text) - len(body)].count("\n") + 1
    return yaml_text, body, body_line


def _field_names(model: type[BaseModel]) -> list[str]:
    return list(model.model_fields)


_MESSAGES = {
    "missing": "thiếu mục bắt buộc «{field}»",
    "string_type": "«{field}» phải là văn bản",
    "int_type": "«{field}» phải là một số",
    "int_parsing": "«{field}» phải là số nguyên (số đồng viết liền, không có dấu chấm), ví dụ 294157000",
    "int_from_float": "«{field}» phải là số nguyên",
    "greater_than_equal": "«{field}» không được âm",
    "list_type": "«{field}» phải là một danh sách (mỗi mục một dòng bắt đầu bằng «- »)",
    "dict_type": "«{field}» phải là các cặp «khóa: giá trị»",
    "model_type": "mục này phải là các cặp «khóa: giá trị»",
    "date_from_datetime_parsing": "«{field}» không phải ngày hợp lệ; viết dạng 2024-09-04 hoặc 04/09/2024",
    "date_parsing": "«{field}» không phải ngày hợp lệ; viết dạng 2024-09-04 hoặc 04/09/2024",
    "date_type": "«{field}» không phải ngày hợp lệ; viết dạng 2024-09-04 hoặc 04/09/2024",
    "date_from_datetime_inexact": "«{field}» chỉ ghi ngày, không ghi giờ",
    "enum": "«{field}» phải là một trong: {expected}",
    "too_short": "«{field}» không được để trống",
    "string_too_short": "«{field}» quá ngắn",
    "bool_type": "«{field}» phải là true hoặc false",
    "bool_parsing": "«{field}» phải là true hoặc false",
    "int_parsing_size": "«{field}» là số quá lớn",
    "too_long": "«{field}» có quá nhiều mục",
    "string_too_long": "«{field}» quá dài",
    "float_type": "«{field}» phải là một số",
    "float_parsing": "«{field}» phải là một số",
}


def _translate(error: dict, model: type[BaseModel]) -> str:
    loc = [x for x in error["loc"] if not isinstance(x, int)]
    field = str(loc[-1]) if loc else "?"
    kind = error["type"]
    if kind == "extra_forbidden":
        names = _field_names(_row_model(model, error["loc"]))
        hint = difflib.get_close_matches(field, names, n=1, cutoff=0.6)
        tail = f"; có phải ý bạn là «{hint[0]}»?" if hint else f"; các khóa được dùng: {', '.join(names)}"
        return f"khóa «{field}» không có trong mẫu kế hoạch{tail}"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    template = _MESSAGES.get(kind)
    if template:
        expected = _choices((error.get("ctx") or {}).get("expected", ""))
        return template.format(field=field, expected=expected)
    return f"«{field}» không hợp lệ; xem mô tả của mục này trong mẫu kế hoạch (docs/mau-ke-hoach.md)"


def _choices(expected: str) -> str:
    """pydantic's "'a', 'b' or 'c'" as «a», «b» hoặc «c»."""
    names = re.findall(r"'([^']*)'", expected)
    if not names:
        return expected
    quoted = [f"«{n}»" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " hoặc " + quoted[-1]


def _row_model(model: type[BaseModel], loc: tuple) -> type[BaseModel]:
    from congkhai.core.model import Row

    return Row if "cai_tien" in loc else model


def _validate(model: type[BaseModel], data: object, parsed: yamlfile.Parsed, path: Path, problems: ProblemList):
    if not isinstance(data, dict):
        problems.add(path, parsed.line_of(()), "phần đầu phải là các cặp «khóa: giá trị»")
        return None
    try:
        return model.model_validate(data)
    except ValidationError as e:
        for error in e.errors(include_url=False):
            problems.add(path, parsed.line_of(error["loc"]), _translate(error, model))
        return None


def load_school(folder: Path, problems: ProblemList) -> SchoolRecord | None:
    path = folder / SCHOOL_FILE
    if not SLUG.match(folder.name):
        problems.add(
            folder / SCHOOL_FILE, 1,
            f"tên thư mục «{folder.name}» chỉ được có chữ thường không dấu, số và dấu gạch ngang (ví dụ thcs-tan-son-go-vap)",
        )
        return None
    if not path.exists():
        plans = sorted(folder.glob("*.md"))
        problems.add(plans[0] if plans else folder, 1, f"thiếu hồ sơ trường {folder.name}/{SCHOOL_FILE}")
        return None
    text = read_text(path, problems)
    if text is None:
        return None
    try:
        parsed = yamlfile.parse(text)
    except yamlfile.YamlError as e:
        problems.add(path, e.line, e.message)
        return None
    profile = _validate(School, parsed.value, parsed, path, problems)
    if profile is None:
        return None
    _check_cells(profile.model_dump(), parsed, path, problems)
    return SchoolRecord(folder.name, profile, path)


# `mkdocs serve` reloads the corpus on every change: plans that loaded cleanly and have not
# changed since (same size, mtime and school level) are not parsed again. A loaded plan keeps no
# YAML line numbers: they serve the messages of loading only (a third of its memory).
_CLEAN: dict[Path, tuple[tuple, PlanMeta, str]] = {}


def load_plan(path: Path, school: SchoolRecord | None, problems: ProblemList) -> Plan | None:
    """Load one plan; with school None (its profile has errors) the plan is still checked, so an
    editor sees both files' problems in one run, but nothing is returned."""
    if not YEAR_FILE.match(path.name):
        problems.add(path, 1, f"tên tệp «{path.name}» phải là năm học, ví dụ 2024-2025.md")
        return None
    try:
        st = path.stat()
        key = (st.st_mtime_ns, st.st_size, school.profile.cap_hoc) if school else None
    except OSError:
        key = None
    hit = _CLEAN.get(path)
    if key is not None and hit is not None and hit[0] == key:
        return Plan(meta=hit[1], body=hit[2], school=school, year=path.stem, path=path)
    text = read_text(path, problems)
    if text is None:
        return None
    parts = split_front_matter(text)
    if parts is None:
        problems.add(path, 1, "thiếu phần đầu: tệp phải bắt đầu bằng dòng «---», các mục kế hoạch, rồi một dòng «---»")
        return None
    yaml_text, body, body_line = parts
    try:
        parsed = yamlfile.parse(yaml_text, first_line=2)
    except yamlfile.YamlError as e:
        problems.add(path, e.line, e.message)
        return None
    before, reported = len(problems.errors), len(problems)
    data = parsed.value
    rows = data.get("cai_tien") if isinstance(data, dict) else None
    if isinstance(rows, list) and len(rows) > limits.ROWS:
        problems.add(path, parsed.line_of(("cai_tien",)), f"bảng kế hoạch có {len(rows)} dòng; tối đa {limits.ROWS} dòng")
        return None
    meta = _validate(PlanMeta, data, parsed, path, problems)
    if isinstance(data, dict):
        _check_cells(data, parsed, path, problems)
        circ = _check_against_catalog(data, school, path, parsed, problems)
        if meta is not None and circ is not None and not meta.mau_bang:
            meta.mau_bang = circ.default_layout
    if meta is not None and meta.nam_hoc != path.stem:
        problems.add(path, parsed.line_of(("nam_hoc",)), f"năm học «{meta.nam_hoc}» khác tên tệp «{path.name}»")
    active = ACTIVE_HTML.search(body)
    if active:
        line = body_line + body[: active.start()].count("\n")
        problems.add(path, line, f"nội dung chứa mã có thể chạy được («{active.group(0).strip()}»); hãy bỏ đi")
    for offset, message in bodycheck.problems(body):
        problems.add(path, body_line + offset, message)
    stray = STRAY_KEY.search(body)
    if stray:
        line = body_line + body[: stray.start()].count("\n")
        problems.add(path, line, f"mục «{stray[1]}» nằm sau dòng «---» kết thúc phần đầu nên không được đọc; hãy chuyển lên trên dòng đó")
    if meta is None or len(problems.errors) > before or school is None:
        return None
    if key is not None and len(problems) == reported:  # a plan with warnings is read again, to repeat them
        _CLEAN[path] = (key, meta, body)
    return Plan(meta=meta, body=body, school=school, year=path.stem, path=path)


def _check_against_catalog(
    data: dict, school: SchoolRecord | None, path: Path, parsed: yamlfile.Parsed, problems: ProblemList
) -> catalog.Circular | None:
    """Checks that need the official catalog, run on the raw values so they add to schema errors;
    returns the plan's circular when the catalog has it."""
    try:
        code = PlanMeta._circular(data.get("thong_tu"))
    except ValueError:
        return None  # already reported by the schema
    if not isinstance(code, str):
        return None
    circ = catalog.find(code, school.profile.cap_hoc if school else None)
    if circ is None:
        known = ", ".join(catalog.codes())
        problems.add(path, parsed.line_of(("thong_tu",)), f"chưa có danh mục tiêu chí của Thông tư {code}; các thông tư có: {known}")
        return None
    _check_year(data, circ, path, parsed, problems)
    layout = data.get("mau_bang")
    if isinstance(layout, str) and layout.strip() and layout.strip() not in circ.layouts:
        problems.add(
            path, parsed.line_of(("mau_bang",)),
            f"mẫu bảng «{layout}» không thuộc Thông tư {code}; các mẫu có: {', '.join(circ.layouts)}",
        )
    if school is not None and school.profile.cap_hoc not in circ.levels:
        problems.add(
            path, parsed.line_of(("thong_tu",)),
            f"thông tư {code} áp dụng cho {circ.applies_to}, nhưng hồ sơ trường ghi cấp học «{school.profile.cap_hoc.label}»",
        )
    rows = data.get("cai_tien")
    seen: dict[str, int] = {}
    for i, row in enumerate(rows if isinstance(rows, list) else []):
        cid = row.get("tieu_chi") if isinstance(row, dict) else None
        if not isinstance(cid, str) or not CRITERION_ID.match(cid.strip()):
            continue  # the schema reports malformed ids
        cid = cid.strip()
        line = parsed.line_of(("cai_tien", i, "tieu_chi"))
        if cid.startswith("M4") and circ.top_level < 4:
            problems.add(
                path, line,
                f"Thông tư {code} chỉ có Mức 1 và Mức {circ.top_level}, không có tiêu chí mức 4 («{cid}»); "
                f"bỏ dòng này hoặc ghi tiêu chí {_criteria_hint(circ, '1.1')}",
            )
        elif circ.criterion(cid) is None:
            problems.add(
                path, line,
                f"tiêu chí «{cid}» không có trong Thông tư {code} ({circ.applies_to}); {_criteria_hint(circ, cid)}",
            )
        if cid in seen:
            problems.add(
                path, line,
                f"tiêu chí {cid} đã có ở dòng {seen[cid]}; gộp hai dòng thành một (giải pháp là một danh sách)",
            )
        seen.setdefault(cid, line)
        _check_level(row, circ, path, parsed.line_of(("cai_tien", i, "muc_tu_danh_gia")), problems)
    names = data.get("ten_tieu_chuan")
    for key in names if isinstance(names, dict) else {}:
        if key not in {s.id for s in circ.standards}:
            problems.add(path, parsed.line_of(("ten_tieu_chuan", key)), f"tiêu chuẩn «{key}» không có trong Thông tư {code}")
    return circ


def _check_year(data: dict, circ: catalog.Circular, path: Path, parsed: yamlfile.Parsed, problems: ProblemList) -> None:
    """A plan keeps its circular forever, but must have been possible when it was written: before
    the circular took effect it is an error; after it was replaced, a warning (a school may still
    write its first plan of a new period under the old circular while the change settles)."""
    year = data.get("nam_hoc")
    m = isinstance(year, str) and SCHOOL_YEAR.match(year.strip())
    if not m or circ.governs(int(m[1])):
        return
    first = int(m[1])
    line = parsed.line_of(("thong_tu",))
    newer = list(dict.fromkeys(c.code for c in catalog.circulars().values() if c.governs(first) and set(c.levels) & set(circ.levels)))
    if circ.first_year is not None and first < circ.first_year:
        problems.add(path, line, f"Thông tư {circ.code} áp dụng từ năm học {circ.first_year}-{circ.first_year + 1}, "
                     f"nên không thể là căn cứ của kế hoạch năm học {year}" + (f"; năm học này theo Thông tư {', '.join(newer)}" if newer else ""))
    else:
        problems.add(path, line, f"Thông tư {circ.code} chỉ áp dụng đến năm học {circ.last_year}-{circ.last_year + 1}; "
                     f"kế hoạch năm học {year} nên theo Thông tư {', '.join(newer) or 'mới'}", level="warning")


def _check_level(row: dict, circ: catalog.Circular, path: Path, line: int, problems: ProblemList) -> None:
    """A self-assessed level the circular does not have (Mức 3 under Thông tư 57/2026)."""
    level = row.get("muc_tu_danh_gia")
    m = re.search(r"(\d)", str(level)) if level is not None else None
    if m and int(m[1]) > circ.top_level:
        problems.add(path, line, f"Thông tư {circ.code} chỉ có Mức 1 đến Mức {circ.top_level}; «{level}» không phải mức của thông tư này")


def _criteria_hint(circ: catalog.Circular, wrong: str) -> str:
    """The valid criteria of the same standard, or (no such standard) each standard's range."""
    standard = wrong.split(".")[0]
    same = [c.id for c in circ.criteria.values() if c.standard == standard]
    if same:
        return "các tiêu chí hợp lệ: " + ", ".join(same)
    ranges = []
    for s in circ.standards:
        ids = [c.id for c in circ.criteria.values() if c.standard == s.id]
        if ids:
            ranges.append(ids[0] if len(ids) == 1 else f"{ids[0]} đến {ids[-1]}")
    return f"không có tiêu chuẩn {standard}; các tiêu chí hợp lệ: " + ", ".join(ranges)


def _check_cells(data: object, parsed: yamlfile.Parsed, path: Path, problems: ProblemList, loc: tuple = ()) -> None:
    """Every cell is plain text: report any HTML tag at its line."""
    if isinstance(data, dict):
        for k, v in data.items():
            _check_cells(v, parsed, path, problems, loc + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            _check_cells(v, parsed, path, problems, loc + (i,))
    elif isinstance(data, str) and ("<" in data or "=" in data or ":" in data):  # each pattern needs one
        m = HTML_TAG.search(data) or ACTIVE_HTML.search(data)
        if m:
            problems.add(
                path, parsed.line_of(loc),
                f"ô «{loc[-1] if loc else ''}» chứa mã HTML «{m.group(0)[:40]}»; chỉ viết văn bản thuần "
                "(xuống dòng bằng danh sách, không dùng thẻ <p>, <b>, <script>…)",
            )


def load_corpus(root: Path) -> tuple[Corpus, ProblemList]:
    """Load every school and plan under root (the plans/ folder); report whatever is not read."""
    problems = ProblemList()
    corpus = Corpus()
    root = Path(root)
    if not root.is_dir():
        problems.add(root, 1, "không tìm thấy thư mục kế hoạch")
        return corpus, problems
    top = walk.entries(root, limits.FILES, problems)
    if top is None:
        return corpus, problems
    left = limits.FILES - len(top)
    for folder in walk.report_root(top, problems):
        inside = walk.entries(folder, min(limits.FILES_PER_SCHOOL, left), problems)
        if inside is None:
            if left < limits.FILES_PER_SCHOOL:
                problems.add(root, 1, f"thư mục kế hoạch có quá nhiều tệp (trên {limits.FILES}); không đọc tiếp")
                break
            continue
        left -= len(inside)
        school = load_school(folder, problems)
        for path in (p for p in inside if p.suffix == ".md" and p.is_file()):
            plan = load_plan(path, school, problems)
            if plan is not None and school is not None:
                school.plans.append(plan)
        walk.report_school(inside, problems)
        if school is not None:
            school.plans.sort(key=lambda p: p.year, reverse=True)
            corpus.schools[school.slug] = school
    return corpus, problems
