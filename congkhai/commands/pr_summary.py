"""The pull request's Markdown summary for the run's page: every validation problem, the scope
findings, the plans and rows changed (per criterion) and the other files touched."""

from __future__ import annotations

import os
import re
from pathlib import Path

from congkhai.commands.pr_changes import Change, PlanDiff
from congkhai.commands.pr_scope import Finding
from congkhai.core import catalog
from congkhai.core.problems import Problem

MAX_LISTED_PROBLEMS = 500


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _blob_link(path: str, line: int) -> str:
    server, repo, sha = (os.environ.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    label = f"{path}:{line}"
    if server and repo and sha:
        return f"[{label}]({server}/{repo}/blob/{sha}/{path}#L{line})"
    return f"`{label}`"


def _criterion_label(cid: str, circular: str | None) -> str:
    try:
        crit = catalog.circular(circular).criterion(cid) if circular else None
    except KeyError:
        crit = None
    return f"{cid} ({crit.title})" if crit else cid


def summary(problems: list[Problem], root: Path, diffs: list[PlanDiff], other: list[Change], findings: list[Finding]) -> str:
    out: list[str] = ["## Kết quả kiểm tra kế hoạch", ""]
    errors = [p for p in problems if p.level == "error"]
    warnings = [p for p in problems if p.level != "error"]
    if not problems:
        out.append("✅ Mọi kế hoạch đều hợp lệ.")
    else:
        head = f"❌ Có {len(errors)} lỗi" if errors else "✅ Không có lỗi"
        if warnings:
            head += f" và {len(warnings)} cảnh báo"
        out += [head + ". Danh sách đầy đủ (trên trang «Files changed» GitHub chỉ hiện 10 lỗi đầu):", ""]
        out += ["| Vị trí | Loại | Nội dung |", "|---|---|---|"]
        for p in problems[:MAX_LISTED_PROBLEMS]:
            file, line = p.where(root).rsplit(":", 1)
            kind = "lỗi" if p.level == "error" else "cảnh báo"
            out.append(f"| {_blob_link(file, int(line))} | {kind} | {_cell(p.message)} |")
        if len(problems) > MAX_LISTED_PROBLEMS:
            out.append(f"\n… và {len(problems) - MAX_LISTED_PROBLEMS} mục nữa: chạy `scripts/validate` để xem hết.")
    out.append("")

    if findings:
        out += ["## Phạm vi pull request", ""]
        icon = {"error": "❌", "warning": "⚠️", "notice": "ℹ️"}
        out += [f"- {icon[f.level]} {f.message}" for f in findings]
        out.append("")

    out += ["## Kế hoạch thay đổi", ""]
    if not diffs:
        out.append("Pull request này không thêm, sửa hay xóa kế hoạch nào.")
    else:
        word = {"A": "thêm mới", "M": "sửa", "D": "xóa"}
        out += ["| Kế hoạch | Thay đổi | Dòng thêm | Dòng bớt | Dòng sửa | Khác |", "|---|---|---|---|---|---|"]
        for d in diffs:
            if not d.valid:
                out.append(f"| `{d.path}` | {word[d.status]} | — | — | — | chưa hợp lệ, xem lỗi ở trên |")
                continue
            extra = []
            if d.header:
                extra.append("phần đầu: " + ", ".join(f"`{k}`" for k in d.header))
            if d.body_changed:
                extra.append("phần thân")
            ids = lambda xs: ", ".join(xs) if xs else "—"  # noqa: E731
            out.append(
                f"| `{d.path}` | {word[d.status]} | {ids(d.added)} | {ids(d.removed)} | {ids(d.changed)} | "
                f"{'; '.join(extra) or '—'} |"
            )
        per: dict[tuple[str | None, str], list[int]] = {}
        for d in diffs:
            for kind, ids_ in enumerate((d.added, d.removed, d.changed)):
                for cid in ids_:
                    per.setdefault((d.circular, cid), [0, 0, 0])[kind] += 1
        if per:
            out += ["", "### Dòng cải tiến theo tiêu chí", "", "| Thông tư | Tiêu chí | Thêm | Bớt | Sửa |", "|---|---|---|---|---|"]
            order = lambda k: (k[0] or "", [int(x) if x.isdigit() else -1 for x in re.split(r"\D+", k[1]) if x], k[1])  # noqa: E731
            for (circ, cid), (a, r, c) in sorted(per.items(), key=lambda kv: order(kv[0])):
                out.append(f"| {circ or '—'} | {_cell(_criterion_label(cid, circ))} | {a} | {r} | {c} |")
    if other:
        out += ["", "### Tệp khác", ""]
        word = {"A": "thêm", "M": "sửa", "D": "xóa"}
        out += [f"- `{c.path}` ({word[c.status]})" for c in other[:200]]
        if len(other) > 200:
            out.append(f"- … và {len(other) - 200} tệp nữa")
    return "\n".join(out) + "\n"
