"""Where the published site lives: the path the one page without relative links needs.

404.html is served at any missing address, at any depth, so its links cannot be relative; they
start at the site's path. `--url` (site_url) gives it. Without it, a GitHub Pages project site
lives at /<repository>/ (https://<owner>.github.io/<repository>/), unless the project names its
own domain in docs/CNAME (then at /) or the repository is the owner's user site.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit


def published_path(site_url: str | None, repo_url: str | None, docs_dir: Path) -> str:
    """"/congkhai/": the path under which every page is served, ending in "/"."""
    if site_url:
        path = urlsplit(site_url).path or "/"
        return path if path.endswith("/") else path + "/"
    if (docs_dir / "CNAME").is_file() or not repo_url:
        return "/"
    parts = urlsplit(repo_url)
    owner_repo = [p for p in parts.path.split("/") if p]
    if parts.netloc.lower() != "github.com" or len(owner_repo) < 2:
        return "/"
    repo = owner_repo[1].removesuffix(".git")
    return "/" if repo.lower() == f"{owner_repo[0].lower()}.github.io" else f"/{repo}/"
