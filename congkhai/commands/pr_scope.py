"""Who may change what in a pull request: a school editor (from the base commit's profiles, and
not a maintainer) may change the plans of one school and nothing outside plans/."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from congkhai.commands.pr_changes import PLANS, Change
from congkhai.core.loader import SCHOOL_FILE, load_school
from congkhai.core.model import Corpus, SchoolRecord
from congkhai.core.problems import ProblemList


@dataclass
class Finding:
    level: str  # "error", "warning", "notice"
    message: str
    file: str | None = None

    def annotation(self) -> str:
        """A GitHub workflow command; on a file when the finding is about one."""
        props = f"file={_prop(self.file)},title=Phạm vi pull request" if self.file else "title=Phạm vi pull request"
        return f"::{self.level} {props}::" + self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")


def base_editors(base_plans: Path) -> dict[str, list[str]]:
    """School slug -> its editors, from the base commit's profiles."""
    out: dict[str, list[str]] = {}
    if not base_plans.is_dir():
        return out
    for folder in sorted(p for p in base_plans.iterdir() if p.is_dir()):
        if (folder / SCHOOL_FILE).exists():
            record = load_school(folder, ProblemList())
            if record is not None:
                out[record.slug] = list(record.profile.bien_tap_vien)
    return out


def head_editors(head: Corpus, root: Path, slug: str) -> list[str] | None:
    record: SchoolRecord | None = head.schools.get(slug)
    if record is None:
        record = load_school(root / PLANS / slug, ProblemList()) if (root / PLANS / slug / SCHOOL_FILE).exists() else None
    return list(record.profile.bien_tap_vien) if record else None


def scope_findings(
    author: str | None, changes: list[Change], base_editors: dict[str, list[str]], maintainers: list[str],
    head_editors: dict[str, list[str] | None],
) -> list[Finding]:
    """The pull request's scope judged against the author's role in the base commit."""
    findings: list[Finding] = []
    lower = lambda names: {n.lower() for n in names}  # noqa: E731 - GitHub logins ignore case
    # A changed list of editors changes who reviews that school: always a maintainer's call.
    for slug, new in head_editors.items():
        old = base_editors.get(slug, [])
        if new is not None and lower(new) != lower(old):
            findings.append(Finding(
                "warning",
                f"Pull request này đổi danh sách biên tập viên (bien_tap_vien) của trường {slug}; "
                "người quản trị sẽ duyệt thay đổi này và cập nhật .github/CODEOWNERS sau khi gộp.",
                f"{PLANS}/{slug}/{SCHOOL_FILE}",
            ))
    if not author:
        return findings
    who = author.lstrip("@").lower()
    if who in lower(maintainers):
        return findings
    own = sorted(slug for slug, names in base_editors.items() if who in lower(names))
    if not own:
        findings.append(Finding(
            "notice",
            f"Tài khoản @{author} chưa là biên tập viên của trường nào; người quản trị sẽ duyệt pull request này.",
        ))
        return findings
    schools = sorted({c.school for c in changes if c.school})
    outside = [c.path for c in changes if not c.path.startswith(PLANS + "/")]
    own_text = ", ".join(own)
    if len(schools) > 1:
        findings.append(Finding(
            "error",
            f"Pull request của biên tập viên chỉ được sửa kế hoạch của một trường, nhưng pull request này sửa "
            f"{len(schools)} trường: {', '.join(schools)}. Hãy tách thành mỗi trường một pull request.",
        ))
    for path in outside:
        findings.append(Finding(
            "error",
            f"Biên tập viên (@{author}, trường {own_text}) chỉ được sửa tệp trong thư mục plans/; "
            f"tệp {path} nằm ngoài plans/. Hãy bỏ thay đổi ở tệp này hoặc nhờ người quản trị.",
            path,
        ))
    for slug in schools:
        if slug not in own:
            first = next(c.path for c in changes if c.school == slug)
            findings.append(Finding(
                "warning",
                f"@{author} là biên tập viên của {own_text}, không phải của trường {slug}; "
                "biên tập viên của trường đó hoặc người quản trị sẽ duyệt.",
                first,
            ))
    return findings
