"""What one build knows, made once from the MkDocs configuration and handed to every phase.

Pages and data files read the build's settings from here instead of from MkDocs, environment
variables or module globals, so they stay pure functions that tests call without MkDocs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from congkhai.core.model import Corpus, Plan
from congkhai.facts import dates, pdf_policy


@dataclass
class BuildContext:
    corpus: Corpus
    root: Path
    """The project folder (mkdocs.yml, overrides/)."""
    site_dir: Path
    site_url: str | None = None
    repo_url: str | None = None
    site_name: str = ""
    edit_uri: str | None = None
    docs_dir: str = "docs"
    chosen_pdf_policy: str | None = None
    """`scripts/build --pdf`; None: decided by the number of plans."""

    @cached_property
    def pdf_policy(self) -> str:
        return pdf_policy.policy(len(self.corpus.plans), self.chosen_pdf_policy)

    @cached_property
    def pdf_plans(self) -> set[str]:
        """Plan.url of every plan that gets a PDF in this build."""
        return pdf_policy.pdf_plans(self.corpus, self.pdf_policy)

    @cached_property
    def git_dates(self) -> dict[Path, dt.date]:
        """Each plan file's last commit date, asked of git once per build."""
        return dates.plan_dates(self.corpus)

    def last_updated(self, plan: Plan) -> dt.date | None:
        return dates.last_updated(plan, self.git_dates)
