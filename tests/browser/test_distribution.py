"""Distribution in Chromium: the embed snippet pasted into a page served from another origin (it
renders, resizes and links out at 320 px), a single-school build that searches on its own, and
axe on the embed and budget pages."""

from __future__ import annotations

import urllib.request
import zipfile
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from conftest import AXE
from support.distribution_fixtures import (  # noqa: F401 - fixtures
    PLANS,
    ROOT,
    corpus,
    fetch,
    parse_links,
    read_csv,
    run_cli,
    site,
)

from congkhai.core.loader import load_corpus
from congkhai.facts import places


def school_with_history(corpus):
    return max(corpus.schools.values(), key=lambda s: (len(s.plans), sum(len(p.rows) for p in s.plans)))


def snippet_from_school_page(folder: Path, school) -> tuple[str, str]:
    html = (folder / school.url / "index.html").read_text("utf-8")
    areas = parse_links(html).textareas
    frame = next((v for k, v in areas.items() if k.startswith("ck-embed-iframe")), None)
    link = next((v for k, v in areas.items() if k.startswith("ck-embed-link")), None)
    assert frame and link, "the school page does not include partials/ck-embed-box.html"
    return frame, link


def test_embed_snippet_renders_resizes_and_links_from_another_origin(site, corpus, browser, serve, tmp_path):
    folder, base = site
    school = school_with_history(corpus)
    plan = school.plans[0]
    snippet, link_snippet = snippet_from_school_page(folder, school)
    assert f'src="{base}nhung/{school.slug}/"' in snippet
    assert f'href="{base}truong/{school.slug}/"' in link_snippet
    host_dir = tmp_path / "host"
    host_dir.mkdir()
    (host_dir / "index.html").write_text(
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Cổng thông tin</title></head>'
        f"<body><h1>Website của trường</h1><p>Kế hoạch của nhà trường:</p>{snippet}<p id='after'>Chân trang</p>"
        f"<p>{link_snippet}</p></body></html>",
        "utf-8",
    )
    host = serve(host_dir)
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto(host)
    iframe = page.locator("iframe[data-congkhai]")
    frame = page.frame_locator("iframe[data-congkhai]")
    frame.locator("h1").wait_for()
    content = page.frames[1]
    assert urlparse(content.url).port != urlparse(page.url).port  # really another origin
    assert content.evaluate("document.documentElement.lang") == "vi"
    assert plan.year in frame.locator("h1").inner_text()
    # Resized to its content: the frame's height is the embedded page's height.
    page.wait_for_function(
        "() => { const f = document.querySelector('iframe[data-congkhai]'); return f.style.height && f.style.height !== '640px'; }"
    )
    def heights():
        return iframe.evaluate("f => f.getBoundingClientRect().height"), content.evaluate("Math.ceil(document.body.getBoundingClientRect().height)")
    frame_h, body_h = heights()
    assert abs(frame_h - body_h) <= 2
    # Fits 320 px: no horizontal scrolling inside the frame nor on the host page.
    assert content.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth <= 320")
    # Content growing (a longer plan published, a font loading late) makes the frame follow.
    before = frame_h
    content.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<p style=\"height: 300px\">Thêm</p>')")
    page.wait_for_function(
        "h => document.querySelector('iframe[data-congkhai]').getBoundingClientRect().height > h", arg=before
    )
    frame_h, body_h = heights()
    assert abs(frame_h - body_h) <= 2
    # A forged message from the host page itself is ignored.
    page.evaluate("window.postMessage({type: 'congkhai:embed-height', height: 5}, '*')")
    page.wait_for_timeout(100)
    assert heights()[0] == frame_h
    # Links open in the top window and point back to the full plan, its printable document and PDF.
    hrefs = content.evaluate(
        "[...document.querySelectorAll('a')].map(a => [a.href, a.target || document.querySelector('base')?.target])"
    )
    assert all(t == "_top" for _, t in hrefs)
    urls = {h for h, _ in hrefs}
    assert base + plan.url in urls
    assert base + plan.print_url in urls
    assert base + f"{plan.url}{school.slug}-{plan.year}.pdf" in urls
    for older in school.plans[1:]:
        assert base + older.url in urls
    frame.get_by_role("link", name="Xem toàn văn").click()
    page.wait_for_url(base + plan.url)
    assert page.evaluate("window.top === window")
    page.close()
    # The host's script arriving after the frame has loaded still sizes it (hello handshake).
    late = tmp_path / "host" / "late.html"
    late.write_text((host_dir / "index.html").read_text("utf-8").replace(snippet.split("\n")[1], ""), "utf-8")
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto(host + "late.html")
    page.frame_locator("iframe[data-congkhai]").locator("h1").wait_for()
    page.wait_for_load_state("load")
    assert page.evaluate("document.querySelector('iframe[data-congkhai]').style.height") == "640px"
    page.add_script_tag(url=f"{base}assets/javascripts/embed-resize.js")
    page.wait_for_function("() => document.querySelector('iframe[data-congkhai]').style.height !== '640px'")
    page.close()


def test_embed_box_makes_snippets_absolute_without_site_url(browser, serve, tmp_path):
    folder = tmp_path / "site"
    result = run_cli("build", "-d", str(folder), "--no-pdf", "--url", "")
    assert result.returncode == 0, result.stderr[-3000:]
    corpus, _ = load_corpus(PLANS)
    school = school_with_history(corpus)
    snippet_from_school_page(folder, school)  # the box is there
    base = serve(folder)
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto(base + school.url)
    value = page.locator("textarea[id^=ck-embed-iframe]").input_value()
    assert f'src="{base}nhung/{school.slug}/"' in value
    assert f'src="{base}assets/javascripts/embed-resize.js"' in value
    assert fetch(base + "assets/javascripts/embed-resize.js")[0] == 200
    link = page.locator("textarea[id^=ck-embed-link]").input_value()
    assert f'href="{base}truong/{school.slug}/"' in link
    page.close()


def test_single_school_build_is_self_contained_and_searchable(corpus, browser, serve, tmp_path):
    school = school_with_history(corpus)
    others = [s for s in corpus.schools.values() if s.slug != school.slug]
    out = tmp_path / "pub" / school.slug
    result = run_cli("build-school", school.slug, "-o", str(out), "--no-pdf", "--zip")
    assert result.returncode == 0, result.stderr[-3000:]
    with zipfile.ZipFile(tmp_path / "pub" / f"{school.slug}.zip") as archive:
        names = set(archive.namelist())
    assert f"{school.slug}/index.html" in names and f"{school.slug}/{school.plans[0].url}index.html" in names
    # Only this school's plans.
    assert sorted(p.name for p in (out / "truong").iterdir() if p.is_dir()) == [school.slug]
    assert sorted(p.name for p in (out / school.url).iterdir() if p.is_dir()) == sorted(p.year for p in school.plans)
    _, rows = read_csv(out / "du-lieu/cai-tien.csv")
    assert {r["ma_truong"] for r in rows} == {school.slug}
    pages = list(out.rglob("*.html"))
    hrefs_everywhere = [ref for p in pages for _, ref in parse_links(p.read_text("utf-8")).refs]
    for other in others:
        assert not (out / "nhung" / other.slug).exists()
        assert not any(f"truong/{other.slug}/" in ref for ref in hrefs_everywhere), other.slug
    # Internal links work when served from a sub-folder (relative links only).
    base = f"{serve(out.parent)}{school.slug}/"
    broken = []
    # 404.html is served at any address, so MkDocs writes root-absolute links there.
    for p in (p for p in pages if p.name != "404.html"):
        page_url = base + p.relative_to(out).as_posix()
        for tag, ref in parse_links(p.read_text("utf-8")).refs:
            target = urlparse(urljoin(page_url, ref))
            if target.scheme not in ("http", "https") or target.netloc != urlparse(base).netloc:
                continue
            if not target.path.startswith(urlparse(base).path):
                broken.append(f"{p.relative_to(out)} -> {ref} (leaves the folder)")
                continue
            local = out / unquote(target.path[len(urlparse(base).path):])
            if target.path.endswith("/") or local.is_dir():
                local = local / "index.html"
            if not local.exists() and not local.name.endswith(".pdf"):
                broken.append(f"{p.relative_to(out)} -> {ref}")
    assert not broken, broken[:10]
    assert fetch(base + school.plans[0].url)[0] == 200
    # Search finds this school's plan and links inside the folder.
    page = browser.new_page()
    page.goto(f"{base}tim-kiem/?q=" + urllib.request.quote(school.name))
    results = page.locator("[data-ck-results] a[href]")
    results.first.wait_for(timeout=15000)
    hrefs = results.evaluate_all("as => as.map(a => a.href)")
    assert hrefs and all(h.startswith(base) for h in hrefs), hrefs[:5]
    assert any(f"truong/{school.slug}/" in h for h in hrefs)
    status, _ = fetch(hrefs[0].split("#")[0])
    assert status == 200
    page.close()


def test_embed_and_budget_pages_pass_axe(site, corpus, browser):
    axe = AXE
    if not axe.exists():
        pytest.skip("axe-core not installed (scripts/setup --test)")
    _, base = site
    district = places.districts(corpus)[0]
    school = school_with_history(corpus)
    # The embed page is ours entirely; on the budget pages, our part of the page.
    for path, context in ((f"nhung/{school.slug}/", "document"), ("duyet/kinh-phi/", ".ck-kinh-phi"), (district.url, ".ck-kinh-phi")):
        page = browser.new_page(viewport={"width": 320, "height": 800})
        page.goto(base + path)
        page.evaluate(axe.read_text("utf-8"))  # not add_script_tag: the pages' CSP refuses inline scripts
        if context != "document":
            assert page.locator(context).count() == 1
        ctx = "document" if context == "document" else f"document.querySelector('{context}')"
        violations = page.evaluate(f"async () => (await axe.run({ctx})).violations.map(v => v.id + ': ' + v.nodes[0].target.join(' '))")
        assert not violations, (path, violations)
        page.close()

