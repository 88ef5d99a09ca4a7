"""`scripts/import FILE`: turn a .docx or .txt plan into plans/<school>/<year>.md (and truong.yml)."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from congkhai.core.loader import SCHOOL_FILE, load_corpus
from congkhai.core.model import SLUG
from congkhai.importer import body as body_md
from congkhai.importer import report, reportplan, selfreport, source, writer
from congkhai.importer.audit import audit
from congkhai.importer.convert import Plan, convert
from congkhai.importer.document import ImportFailure


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="import",
        description=(
            "Chuyển kế hoạch cải tiến chất lượng (Word .docx hoặc văn bản .txt/.md), hoặc báo cáo tự đánh giá "
            "(.docx, .pdf, .txt), thành tệp kế hoạch."
        ),
    )
    p.add_argument("file", help="tệp văn bản cần chuyển (.docx, .pdf, .txt, .md)")
    p.add_argument("--plans", default="plans", help="thư mục kế hoạch (mặc định: plans)")
    p.add_argument("--slug", help="mã trường (tên thư mục), ví dụ thcs-tan-son-go-vap; mặc định lấy theo tên trường và địa danh")
    p.add_argument("--force", action="store_true", help="ghi đè tệp đã có, và ghi cả khi kết quả chưa hợp lệ")
    p.add_argument("--dry-run", action="store_true", help="chỉ in kết quả, không ghi tệp nào")
    p.add_argument(
        "--preview", action="store_true",
        help="xem trước: in từng dòng kế hoạch, các trường đã điền và phần chưa xếp được, không ghi tệp nào",
    )
    report = p.add_argument_group("báo cáo tự đánh giá (khi báo cáo không ghi)")
    report.add_argument("--nam-hoc", help="năm học của kế hoạch, ví dụ 2020-2021")
    report.add_argument("--ten-truong", help="tên trường, ví dụ \"Trường THCS Nguyễn Huệ\"")
    report.add_argument("--thong-tu", help="thông tư: 17/2018, 18/2018 hoặc 19/2018")
    return p


def render(plan: Plan) -> tuple[str, str]:
    """The plan file's text and the report's text (unplaced text goes to both)."""
    body = plan.body
    if plan.unplaced:
        body = body.rstrip("\n") + "\n\n" + body_md.unplaced_section(plan.unplaced)
    return writer.plan_text(plan.meta, body), "\n".join(report.details(plan))


def build(path: Path, given: dict[str, str | None] | None = None) -> tuple[Plan, str, str]:
    src = source.read(path)
    if selfreport.is_report(src.text):
        plan = reportplan.convert_report(src, given or {})
    elif src.path.suffix.lower() == ".pdf":
        raise ImportFailure(
            f"tệp PDF «{path.name}» không phải báo cáo tự đánh giá (không thấy các mục «3. Điểm yếu», «4. Kế hoạch "
            "cải tiến chất lượng»). Bảng kế hoạch trong PDF không đọc được cột; hãy dùng tệp Word (.docx) gốc"
        )
    else:
        plan = convert(src)
    text, rep = render(plan)
    # The guarantee that no word is dropped: any input line with a word found neither in the file
    # nor in the report is added, whole, to the unplaced text.
    checked = src.text if plan.audit_text is None else plan.audit_text
    missing = audit(checked, _written(plan, rep), plan.structural)
    if missing:
        unit = "Dòng" if src.path.suffix.lower() != ".docx" else "Đoạn"
        where = plan.audit_where or [f"{unit} {n}" for n in range(1, checked.count("\n") + 2)]
        plan.unplaced.extend(f"{where[n - 1]}: {line}" for n, line in missing)
        text, rep = render(plan)
    return plan, text, rep


def _values(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [str(k), *_values(v)]]
    if isinstance(value, list):
        return [s for v in value for s in _values(v)]
    return [] if value is None else [str(getattr(value, "value", value))]


def _written(plan: Plan, rep: str) -> str:
    """What the editor gets, as plain text: every front-matter value, the body, the report."""
    return "\n".join([*_values(plan.meta), plan.body, *plan.unplaced, rep, *report.summary(plan)])


def _validate(plan: Plan, text: str, folder: Path, slug: str) -> list[str]:
    """Load the result exactly as scripts/validate will, in a scratch copy of the school folder."""
    with tempfile.TemporaryDirectory() as tmp:
        school = Path(tmp) / slug
        school.mkdir()
        existing = folder / SCHOOL_FILE
        if existing.exists():
            shutil.copyfile(existing, school / SCHOOL_FILE)
        else:
            (school / SCHOOL_FILE).write_text(writer.profile_text(plan.profile, plan.profile_note), "utf-8")
        (school / f"{plan.year}.md").write_text(text, "utf-8")
        _, problems = load_corpus(Path(tmp))
        out = []
        for p in problems.errors:
            where = folder / p.path.relative_to(school) if p.path.is_relative_to(school) else p.path
            out.append(f"{where}:{p.line}: {p.message}")
        return out


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    path = Path(args.file)
    given = {"nam_hoc": args.nam_hoc, "ten_truong": args.ten_truong, "thong_tu": args.thong_tu}
    try:
        plan, text, rep = build(path, given)
    except ImportFailure as e:
        print(f"Không chuyển được «{path}»: {e.message}", file=sys.stderr)
        return e.code
    except Exception as e:  # never a traceback for an editor; say what happened
        print(
            f"Không chuyển được «{path}»: lỗi không lường trước khi đọc văn bản ({type(e).__name__}: {e}). "
            "Hãy gửi tệp này kèm thông báo cho nhóm phát triển.",
            file=sys.stderr,
        )
        return 1
    slug = args.slug or plan.slug
    if not SLUG.match(slug):
        print(f"Mã trường «{slug}» không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang.", file=sys.stderr)
        return 2
    folder = Path(args.plans) / slug
    target = folder / f"{plan.year}.md"
    profile_path = folder / SCHOOL_FILE
    problems = _validate(plan, text, folder, slug)
    lines = report.summary(plan)
    if args.preview:
        print(f"(Xem trước, chưa ghi) Sẽ ghi: {target}" + ("" if profile_path.exists() else f" và {profile_path}"))
        print("\n".join(report.preview(plan) + lines + [rep]))
        if problems:
            print("Kết quả chưa hợp lệ:\n" + "\n".join(f"  {p}" for p in problems))
        return 0
    if args.dry_run:
        print(text)
        print(f"(Chạy thử, chưa ghi) Sẽ ghi: {target}" + ("" if profile_path.exists() else f" và {profile_path}"))
        print("\n".join(lines + [rep]))
        if problems:
            print("Kết quả chưa hợp lệ:\n" + "\n".join(f"  {p}" for p in problems))
        return 0
    if target.exists() and not args.force:
        print(
            f"Đã có tệp {target}; không ghi đè. Dùng --force để ghi đè, hoặc --slug để ghi vào thư mục khác.",
            file=sys.stderr,
        )
        return 1
    if problems and not args.force:
        print("\n".join(lines + [rep]))
        print(
            "Kết quả chuyển đổi chưa hợp lệ nên chưa ghi tệp nào:\n" + "\n".join(f"  {p}" for p in problems)
            + "\nSửa văn bản gốc rồi chuyển lại, hoặc dùng --force để vẫn ghi rồi sửa tay.",
            file=sys.stderr,
        )
        return 1
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not profile_path.exists():
            profile_path.write_text(writer.profile_text(plan.profile, plan.profile_note), "utf-8")
            lines.insert(0, f"Đã tạo hồ sơ trường: {profile_path}")
        else:
            lines.insert(0, f"Hồ sơ trường đã có, giữ nguyên: {profile_path}")
        target.write_text(text, "utf-8")
    except OSError as e:
        print(f"Không ghi được {target}: {e.strerror}", file=sys.stderr)
        return 1
    lines.insert(0, f"Đã ghi: {target}")
    print("\n".join(lines + [rep]))
    if problems:
        print("Tệp đã ghi (do --force) nhưng chưa hợp lệ:\n" + "\n".join(f"  {p}" for p in problems), file=sys.stderr)
        return 1
    print("Hãy đọc lại tệp, sửa những chỗ cần thiết, rồi chạy scripts/validate.")
    return 0
