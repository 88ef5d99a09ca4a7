"""Atom feeds from the model: valid, stable ids, links that work with and without a site URL."""

from __future__ import annotations

import datetime as dt

import feedparser
from support.trees import make_tree

from congkhai.core.loader import load_corpus
from congkhai.outputs import feeds

SITE = "https://vi-du.github.io/congkhai/"


def _corpus(tmp_path):
    corpus, problems = load_corpus(make_tree(tmp_path))
    assert not problems
    return corpus


def test_site_school_and_province_feeds_hold_the_plan(tmp_path):
    corpus = _corpus(tmp_path)
    dates = {corpus.plans[0].path.resolve(): dt.date(2024, 10, 1)}
    out = feeds.feeds(corpus, dates, site_url=SITE, repo_url=None, site_name="Công khai")
    assert set(out) == {feeds.SITE_FEED, "truong/thcs-thu-nghiem/feed.xml", feeds.province_feed_path("TP. Hồ Chí Minh")}
    parsed = feedparser.parse(out[feeds.SITE_FEED])
    assert not parsed.bozo
    [entry] = parsed.entries
    assert entry.id == entry.link == SITE + "truong/thcs-thu-nghiem/2024-2025/"
    assert entry.updated.startswith("2024-10-01") and entry.published.startswith("2024-09-04")
    assert "2 tiêu chí cần cải tiến" in entry.summary and "1.500.000" in entry.summary


def test_without_a_site_url_ids_come_from_the_repository_and_links_are_relative(tmp_path):
    corpus = _corpus(tmp_path)
    dates = {corpus.plans[0].path.resolve(): None}
    out = feeds.feeds(corpus, dates, site_url=None, repo_url="https://github.com/so-gd/congkhai", site_name="Công khai")
    entry = feedparser.parse(out["truong/thcs-thu-nghiem/feed.xml"]).entries[0]
    assert entry.id == "tag:github.com,2018:so-gd/congkhai/truong/thcs-thu-nghiem/2024-2025/"
    assert entry.link.endswith("2024-2025/") and not entry.link.startswith("http")
    assert entry.updated.startswith("2024-09-05")  # no git date: the start of the school year


def test_entries_are_newest_first_and_limited():
    def entry(day: int) -> feeds.Entry:
        when = dt.datetime(2024, 1, day, tzinfo=feeds.VN_TIME)
        return feeds.Entry(f"p{day}/", f"Kế hoạch {day}", when, None, "Trường", "…", ())

    xml = feeds.feed_xml([entry(d) for d in (3, 9, 5)], title="t", feed_path="f.xml", home_path="", site_url=SITE,
                         repo_url=None, site_name="s", limit=2)
    assert [e.title for e in feedparser.parse(xml).entries] == ["Kế hoạch 9", "Kế hoạch 5"]
