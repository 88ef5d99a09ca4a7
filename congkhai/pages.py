"""Where the model becomes pages: one PageSpec per generated page, pure functions of the corpus.

A PageSpec names the source path MkDocs will see, the template in overrides/ that renders it and
the objects that template receives as `spec.context`. Plans carry their Markdown body, which MkDocs
renders (and congkhai.sanitize cleans) before the template places it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .model import Corpus


@dataclass
class PageSpec:
    src_uri: str  # e.g. "truong/thcs-tan-son-go-vap/2024-2025.md"
    title: str
    template: str  # file in overrides/
    context: dict = field(default_factory=dict)
    body: str = ""  # Markdown rendered by MkDocs into page.content
    kind: str = "page"  # plan, school, criterion, browse, print, ... (used by search and tests)

    @property
    def markdown(self) -> str:
        """The page source MkDocs reads: front matter naming the template, then the body."""
        title = self.title.replace('"', "'")
        return f'---\ntemplate: {self.template}\ntitle: "{title}"\n---\n\n{self.body}'


PageSet = Callable[[Corpus], Iterable[PageSpec]]


def plan_pages(corpus: Corpus) -> Iterator[PageSpec]:
    for plan in corpus.plans:
        yield PageSpec(
            src_uri=f"truong/{plan.school.slug}/{plan.year}.md",
            title=f"Kế hoạch cải tiến chất lượng giáo dục năm học {plan.year} – {plan.school.name}",
            template="plan.html",
            context={"plan": plan},
            body=plan.body,
            kind="plan",
        )


def school_pages(corpus: Corpus) -> Iterator[PageSpec]:
    for school in corpus.schools.values():
        yield PageSpec(
            src_uri=f"truong/{school.slug}/index.md",
            title=school.name,
            template="school.html",
            context={"school": school},
            kind="school",
        )
    yield PageSpec("truong/index.md", "Các trường", "schools.html", {"schools": list(corpus.schools.values())}, kind="browse")


# Every generator of pages; other modules (print view, criteria, browse, embeds) register theirs.
PAGE_SETS: list[PageSet] = [plan_pages, school_pages]


def register(page_set: PageSet) -> PageSet:
    """Decorator for modules that add a family of pages."""
    if page_set not in PAGE_SETS:
        PAGE_SETS.append(page_set)
    return page_set


def site_pages(corpus: Corpus) -> list[PageSpec]:
    return [spec for page_set in PAGE_SETS for spec in page_set(corpus)]
