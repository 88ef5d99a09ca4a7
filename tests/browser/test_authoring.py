"""The «Thêm / sửa kế hoạch» page in real headless Chromium: the form produces a plan file that
passes `scripts/validate`, and the GitHub link it opens carries exactly that file."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import ROOT
from support.authoring_fixtures import (
    REPO,
    _schools,
    site,  # noqa: F401 - fixtures
)

from congkhai.core.loader import load_corpus

# Text an editor might paste: quotes, colons, a hash, a leading dash, a tab, Windows line ends.
TRICKY = 'Số 12/KH: "cải tiến" # năm 2024 - đợt\t1'


@pytest.fixture(scope="module")
def base_url(site, serve):
    return serve(site).rstrip("/")


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    opened: list[str] = []

    def github(route):
        opened.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>GitHub</title>")

    context.route("https://github.com/**", github)
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    # Requests the page cannot complete here (GitHub's API, see below) are not script errors.
    p.on("console", lambda m: errors.append(m.text) if m.type == "error" and "Failed to load resource" not in m.text else None)
    p.goto(base_url + "/them-ke-hoach/")
    p.wait_for_selector("#ck-dong .ck-row", state="attached")
    # The school list comes after the criteria: a school typed before it arrives picks no circular yet.
    p.wait_for_selector("#ck-ds-truong option", state="attached")
    p.opened = opened  # type: ignore[attr-defined]
    yield p
    context.close()
    assert not errors, errors


def _link(page, selector: str) -> tuple[str, str]:
    """(filename, value) carried by a GitHub new-file link."""
    href = page.get_attribute(selector, "href")
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO}/new/main"
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert set(query) == {"filename", "value"} and len(query["value"]) == 1
    return query["filename"][0], query["value"][0]


def _validate(tmp_path: Path, files: dict[str, str]) -> subprocess.CompletedProcess:
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return subprocess.run([str(ROOT / "scripts" / "validate")], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "GITHUB_ACTIONS": "false"})


def _fill_row(row, criterion: str, **fields: str) -> None:
    row.locator('[data-row="tieu_chi"]').select_option(criterion)
    for name, value in fields.items():
        box = row.locator(f'[data-row="{name}"]')
        if not box.is_visible():
            row.locator("details summary").click()
        box.fill(value)


def test_form_for_a_known_school_makes_a_valid_plan_and_opens_github_with_it(page, site, tmp_path):
    school = next(s for s in _schools(site) if s["cap_hoc"] == "thcs")
    year = next(f"{y}-{y + 1}" for y in range(2025, 2017, -1) if f"{y}-{y + 1}" not in school["nam_hoc"])
    page.fill("#ck-truong", school["ma"])
    page.select_option("#ck-nam-hoc", year)
    assert page.input_value("#ck-thong-tu") == "18/2018"  # from the school's level
    page.fill("#ck-so-hieu", TRICKY)
    page.fill("#ck-ngay", "2025-09-04")
    page.fill("#ck-nguoi-ky", "Nguyễn Thị Đào")
    page.fill("#ck-noi-nhan", "Phòng GDĐT (để b/c);\r\n\r\n- Lưu: VT.")
    rows = page.locator("#ck-dong .ck-row")
    _fill_row(rows.nth(0), "5.3", diem_yeu="Dòng một.\nDòng hai: có dấu hai chấm.",
              giai_phap="Giải pháp thứ nhất\n  Giải pháp thứ hai  \n", kinh_phi="150.000.000", ghi_chu="- bắt đầu bằng gạch")
    page.click("#ck-them-dong")
    _fill_row(rows.nth(1), "M4.1", chu_tri="Hiệu trưởng")
    page.fill("#ck-than", "## I. MỤC ĐÍCH\n\nNâng cao chất lượng.\n\n<!-- bang-ke-hoach -->")

    assert page.text_content("#ck-loi").strip() == ""
    text = page.input_value("#ck-tep")
    filename, value = _link(page, "#ck-mo-github")
    path = f"plans/{school['ma']}/{year}.md"
    assert filename == path
    assert value == text  # exactly the file shown
    assert text.splitlines()[1] == "# yaml-language-server: $schema=../../schema/ke-hoach.schema.json"

    # The opened address is that link, unchanged.
    with page.expect_popup() as popup:
        page.click("#ck-mo-github")
    popup.value.wait_for_load_state()
    assert page.opened == [page.get_attribute("#ck-mo-github", "href")]

    profile = (ROOT / "plans" / school["ma"] / "truong.yml").read_text("utf-8")
    done = _validate(tmp_path, {path: value, f"plans/{school['ma']}/truong.yml": profile})
    assert done.returncode == 0, done.stdout + done.stderr
    corpus, problems = load_corpus(tmp_path / "plans")
    plan = corpus.schools[school["ma"]].plans[0]
    assert plan.meta.so_hieu == TRICKY.replace("\t", " ")
    assert str(plan.meta.ngay_ban_hanh) == "2025-09-04"
    assert plan.meta.noi_nhan == ["Phòng GDĐT (để b/c);", "- Lưu: VT."]
    first, second = plan.rows
    assert (first.tieu_chi, first.kinh_phi, first.ghi_chu) == ("5.3", 150000000, "- bắt đầu bằng gạch")
    assert first.diem_yeu == "Dòng một.\nDòng hai: có dấu hai chấm."
    assert first.giai_phap == ["Giải pháp thứ nhất", "Giải pháp thứ hai"]
    assert (second.tieu_chi, second.chu_tri) == ("M4.1", "Hiệu trưởng")
    assert "<!-- bang-ke-hoach -->" in plan.body


def test_form_for_a_new_school_makes_a_valid_profile_and_plan(page, tmp_path):
    page.fill("#ck-truong", "th-moi-xa-an-binh")
    page.dispatch_event("#ck-truong", "change")
    assert page.is_visible("#ck-ho-so")
    page.fill("#ck-t-ten", "Trường Tiểu học Mới")
    page.select_option("#ck-nam-hoc", "2024-2025")
    page.select_option("#ck-t-cap-hoc", "tieu-hoc")
    assert page.input_value("#ck-thong-tu") == "17/2018"
    page.fill("#ck-t-bien-tap", "@co-lan, thay-binh")
    _fill_row(page.locator("#ck-dong .ck-row").nth(0), "1.1", diem_yeu="Chưa có kế hoạch chiến lược.")

    plan_name, plan = _link(page, "#ck-mo-github")
    profile_name, profile = _link(page, "#ck-mo-ho-so")
    assert plan == page.input_value("#ck-tep") and profile == page.input_value("#ck-tep-ho-so")
    assert profile_name == "plans/th-moi-xa-an-binh/truong.yml"
    done = _validate(tmp_path, {plan_name: plan, profile_name: profile})
    assert done.returncode == 0, done.stdout + done.stderr
    corpus, _ = load_corpus(tmp_path / "plans")
    school = corpus.schools["th-moi-xa-an-binh"]
    assert school.profile.bien_tap_vien == ["co-lan", "thay-binh"]
    assert school.plans[0].meta.thong_tu == "17/2018"


def test_form_blocks_the_link_until_the_plan_is_valid(page):
    page.fill("#ck-truong", "thcs-tan-son-go-vap")
    page.dispatch_event("#ck-truong", "change")
    page.select_option("#ck-nam-hoc", "2023-2024")  # a year of the 2018 circulars
    assert page.get_attribute("#ck-mo-github", "aria-disabled") == "true"
    assert page.get_attribute("#ck-mo-github", "href") is None
    assert "Dòng 1: chưa chọn tiêu chí." in page.text_content("#ck-loi")
    row = page.locator("#ck-dong .ck-row").nth(0)
    _fill_row(row, "5.3", kinh_phi="một triệu", diem_yeu="<b>đậm</b>")
    problems = page.text_content("#ck-loi")
    assert "kinh phí chỉ ghi số đồng" in problems and "chứa mã HTML" in problems
    _fill_row(row, "5.3", kinh_phi="1000000", diem_yeu="Bình thường")
    page.click("#ck-them-dong")
    _fill_row(page.locator("#ck-dong .ck-row").nth(1), "5.3")
    assert "tiêu chí 5.3 đã có ở dòng 1" in page.text_content("#ck-loi")
    page.locator("#ck-dong .ck-row").nth(1).locator(".ck-xoa-dong").click()
    page.select_option("#ck-thong-tu", "19/2018")  # wrong for a THCS school
    assert "áp dụng cho" in page.text_content("#ck-loi")
    page.select_option("#ck-thong-tu", "18/2018")
    _fill_row(page.locator("#ck-dong .ck-row").nth(0), "5.3")
    assert page.text_content("#ck-loi").strip() == ""
    assert page.get_attribute("#ck-mo-github", "href").startswith(REPO + "/new/main?filename=")


def test_form_for_a_2026_2027_plan_follows_tt57_with_the_bieu_2_columns(page, site, tmp_path):
    page.fill("#ck-truong", "thcs-tan-son-go-vap")
    page.dispatch_event("#ck-truong", "change")
    page.select_option("#ck-nam-hoc", "2026-2027")
    assert page.input_value("#ck-thong-tu") == "57/2026"
    row = page.locator("#ck-dong .ck-row").nth(0)
    options = row.locator('[data-row="tieu_chi"] option').evaluate_all("els => els.map(e => e.value)")
    assert "4.3" in options and "3.5" in options and "3.6" not in options and not any(o.startswith("M4") for o in options)
    _fill_row(row, "3.2", noi_dung="Giáo viên ít dùng dữ liệu đánh giá.", muc_tieu="Mỗi tổ một chuyên đề.",
              giai_phap="Sinh hoạt chuyên môn hằng tháng", chi_so="4 chuyên đề", nguon_luc="Không phát sinh kinh phí",
              minh_chung_du_kien="Biên bản sinh hoạt", muc_do_thuc_hien="Đang thực hiện")
    assert page.text_content("#ck-loi").strip() == ""
    filename, value = _link(page, "#ck-mo-github")
    profile = (ROOT / "plans" / "thcs-tan-son-go-vap" / "truong.yml").read_text("utf-8")
    done = _validate(tmp_path, {filename: value, "plans/thcs-tan-son-go-vap/truong.yml": profile})
    assert done.returncode == 0, done.stdout + done.stderr
    corpus, _ = load_corpus(tmp_path / "plans")
    [plan] = corpus.schools["thcs-tan-son-go-vap"].plans
    assert plan.meta.thong_tu == "57/2026"
    [r] = plan.rows
    assert (r.muc_tieu, r.chi_so, r.nguon_luc, r.muc_do_thuc_hien) == (
        "Mỗi tổ một chuyên đề.", "4 chuyên đề", "Không phát sinh kinh phí", "Đang thực hiện")
    page.select_option("#ck-thong-tu", "57/2026")
    page.select_option("#ck-nam-hoc", "2020-2021")
    page.select_option("#ck-thong-tu", "57/2026")  # kept against the year: the form says why it cannot be
    assert "áp dụng từ năm học 2026-2027" in page.text_content("#ck-loi")


def test_form_points_to_the_existing_file_for_a_known_year(page, site):
    school = next(s for s in _schools(site) if s["nam_hoc"])
    page.fill("#ck-truong", school["ma"])
    page.dispatch_event("#ck-truong", "change")
    page.select_option("#ck-nam-hoc", school["nam_hoc"][0])
    note = page.locator("#ck-trung")
    assert note.is_visible() and "đã có kế hoạch" in note.text_content()
    edit = note.locator("a").get_attribute("href")
    assert edit == f"{REPO}/edit/main/plans/{school['ma']}/{school['nam_hoc'][0]}.md"
    assert page.get_attribute("#ck-mo-github", "href") is None  # GitHub cannot create an existing file


def test_form_keeps_a_draft_on_the_device(page, base_url):
    page.fill("#ck-truong", "thcs-tan-son-go-vap")
    page.select_option("#ck-nam-hoc", "2023-2024")  # 3.6 is a criterion of the 2018 circulars
    page.fill("#ck-nguoi-ky", "Hoàng Thị Thu")
    _fill_row(page.locator("#ck-dong .ck-row").nth(0), "3.6", diem_yeu="Máy tính thư viện còn ít.")
    text = page.input_value("#ck-tep")
    page.reload()
    page.wait_for_selector("#ck-dong .ck-row select option[value='3.6']", state="attached")
    assert page.input_value("#ck-nguoi-ky") == "Hoàng Thị Thu"
    assert page.locator('#ck-dong [data-row="tieu_chi"]').first.input_value() == "3.6"
    assert page.input_value("#ck-tep") == text


# The theme's repository button asks GitHub's API for the star count on every page when
# repo_url is set; that is the site-wide layout's business, not the form's.
THEME_REPO_FACTS = "api.github.com"


def test_form_page_loads_nothing_from_other_hosts(browser, base_url):
    context = browser.new_context()
    requests: list[tuple[str, str]] = []
    context.on("request", lambda r: requests.append((urlsplit(r.url).netloc, r.url)))
    p = context.new_page()
    p.goto(base_url + "/them-ke-hoach/")
    p.wait_for_function("document.querySelectorAll('#ck-thong-tu option').length > 1")
    p.wait_for_load_state("networkidle")
    context.close()
    own = urlsplit(base_url).netloc
    assert {u for host, u in requests if host not in (own, THEME_REPO_FACTS)} == set()
    fetched = {urlsplit(u).path for host, u in requests if host == own}
    assert {"/assets/them-ke-hoach.js", "/assets/tieu-chi.json", "/assets/truong.json"} <= fetched
