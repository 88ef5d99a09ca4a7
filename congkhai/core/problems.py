"""Problems found in input files, reported in Vietnamese with file and line."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str
    level: str = "error"
    """Or "warning"."""

    def where(self, root: Path | None = None) -> str:
        path = self.path
        if root is not None:
            try:
                path = self.path.resolve().relative_to(root.resolve())
            except ValueError:
                pass
        return f"{path.as_posix()}:{self.line}"

    def format(self, root: Path | None = None) -> str:
        kind = "lỗi" if self.level == "error" else "cảnh báo"
        return f"{self.where(root)}: {kind}: {self.message}"

    def annotation(self, root: Path | None = None) -> str:
        """GitHub Actions workflow command, shown on the file and line of a pull request."""
        file, line = self.where(root).rsplit(":", 1)
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{self.level} file={file},line={line},title=Kế hoạch chưa hợp lệ::{message}"


class ProblemList(list):
    """Collects every problem instead of stopping at the first."""

    def add(self, path: Path, line: int, message: str, level: str = "error") -> None:
        self.append(Problem(path, max(int(line or 1), 1), message, level))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.level == "error"]


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


class BuildError(Exception):
    """A step of the build could not finish; its message is Vietnamese and names what to do."""
