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
from congkhai.facts import dates, oversight, pdf_policy, progress


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
    chosen_year: str | None = None
    """`extra.congkhai.nam_hoc_hien_tai` or CONGKHAI_NAM_HOC; None: the school year of today."""

    @cached_property
    def current_year(self) -> str:
        """The school year oversight pages report on (which schools have published, how far)."""
        return progress.current_school_year(self.chosen_year)

    @cached_property
    def oversight_areas(self) -> list[oversight.Area]:
        """The country, each current province and each district as written, for the current
        school year: made once for the oversight pages and their CSV files."""
        return oversight.areas(list(self.corpus.schools.values()), self.current_year)

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
