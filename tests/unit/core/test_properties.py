"""Property-based tests (Hypothesis) of what reads untrusted input: the YAML reader and loader, the
validator, the importer and the sanitiser. Whatever arrives, the answer is problems in a list (or
an ImportFailure with a message), never a traceback and never a hang: each example has a deadline.

The fast tier runs a few dozen examples per property; CONGKHAI_HYPOTHESIS_EXAMPLES=5000 runs longer.
"""

from __future__ import annotations

import os
import re
import string
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import docx
import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congkhai.core import bodycheck, yamlfile
from congkhai.core.fields import ROW_FIELDS
from congkhai.core.loader import load_corpus
from congkhai.core.model import PlanMeta
from congkhai.importer import cli
from congkhai.importer.document import ImportFailure
from congkhai.pages.sanitize import clean_html

EXAMPLES = int(os.environ.get("CONGKHAI_HYPOTHESIS_EXAMPLES", "40"))
fast = settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=5),  # generous on a loaded machine; a hang still fails
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=EXAMPLES <= 40,  # the fast tier is the same every run; the long run explores
)

PROFILE = "ten: Trường THCS Thử Nghiệm\ncap_hoc: thcs\n"
KEYS = [*PlanMeta.model_fields, "tieu_chi", *(f.key for f in ROW_FIELDS), "moc", "muc_do", "x"]
YAML_CHARS = st.sampled_from(list(":-[]{}\"'#&*!|>%@`,? \t\n\\") + list("aàễ19."))
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=False),
    st.text(max_size=40), st.sampled_from(["1.3", "M4.1", "18/2018", "2024-2025", "04/09/2024", "1.500.000 đồng", "hoan-thanh"]),
)
trees = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)),
    max_leaves=25,
)


def school(tmp: Path) -> Path:
    folder = tmp / "plans" / "thcs-thu-nghiem"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "truong.yml").write_text(PROFILE, "utf-8")
    return folder


def load(tmp: Path, data: bytes):
    """Write one plan file and load the tree: only problems may come back."""
    folder = school(tmp)
    (folder / "2024-2025.md").write_bytes(data)
    corpus, problems = load_corpus(tmp / "plans")
    for p in problems:
        assert p.line >= 1 and p.message and p.path.is_relative_to(tmp)
        ours = re.sub(r"«[^»]*»|\"[^\"]*\"", "", p.message)  # the editor's own words quoted back
        assert not re.search(r"\b(Input|should|valid|required|expected|found|Value error)\b", ours), p.message
    return corpus, problems


@fast
@given(st.text(YAML_CHARS, max_size=300) | st.text(max_size=300))
def test_the_yaml_reader_answers_any_text_with_a_value_or_a_located_error(text):
    try:
        parsed = yamlfile.parse(text, first_line=2)
    except yamlfile.YamlError as e:
        assert e.line >= 2 and e.message
        assert not re.search(r"\b(found|expected|while|token)\b", e.message), e.message
    else:
        assert all(line >= 2 for line in parsed.lines.values())


@fast
@given(data=st.binary(max_size=400))
def test_the_loader_answers_any_bytes_with_problems(tmp_path_factory, data):
    load(tmp_path_factory.mktemp("b"), data)


@fast
@given(text=st.text(YAML_CHARS, max_size=300))
def test_the_loader_answers_any_front_matter_text_with_problems(tmp_path_factory, text):
    load(tmp_path_factory.mktemp("t"), f"---\n{text}\n---\nNội dung.\n".encode())


@fast
@given(tree=st.dictionaries(st.sampled_from(KEYS), trees, max_size=8))
def test_the_validator_answers_any_yaml_tree_with_a_plan_or_problems(tmp_path_factory, tree):
    front = yaml.safe_dump(tree, allow_unicode=True)
    corpus, problems = load(tmp_path_factory.mktemp("y"), f"---\n{front}---\n".encode())
    assert bool(corpus.plans) != bool(problems.errors)


cells = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)


@settings(fast, max_examples=max(EXAMPLES // 4, 8))
@given(
    head=st.lists(cells, min_size=1, max_size=4),
    rows=st.lists(st.lists(cells, min_size=1, max_size=6), max_size=6),
)
def test_the_importer_answers_any_word_table_with_a_plan_or_a_message(tmp_path_factory, head, rows):
    document = docx.Document()
    for line in head:
        document.add_paragraph(line)
    width = max([len(r) for r in rows] + [1])
    table = document.add_table(rows=len(rows) + 1, cols=width)
    for c, title in enumerate(["TT", "Tiêu chí", "Điểm yếu", "Giải pháp", "Chủ trì", "Thời gian"][:width]):
        table.cell(0, c).text = title
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = tmp_path_factory.mktemp("d") / "ke-hoach.docx"
    document.save(path)
    try:
        plan, text, _ = cli.build(path)
    except ImportFailure as e:
        assert e.message
    else:
        assert text.startswith("---\n")


@fast
@given(data=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_the_importer_answers_any_text_file_with_a_plan_or_a_message(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("x") / "ke-hoach.txt"
    path.write_bytes(data)
    try:
        cli.build(path)
    except ImportFailure as e:
        assert e.message


ATTACKS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">x</a>',
    "<iframe src=//x>", "<svg onload=alert(1)>", "<style>*{}</style>", '<a href=" jAvAsCrIpT:x">', "<object data=x>",
    '<p style="background:url(x)">', "<form action=//x><input></form>", "<!--", "<![CDATA[", "<math>",
]


class _Tags(HTMLParser):
    """Every element and attribute a browser would build from the sanitised HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, {k: v or "" for k, v in attrs}))


@fast
@given(st.lists(st.sampled_from(ATTACKS) | st.text(string.printable + "àễ", max_size=20), max_size=12).map("".join))
def test_the_sanitiser_lets_no_active_content_through(html):
    parser = _Tags()
    parser.feed(clean_html(html))
    parser.close()
    for tag, attrs in parser.found:
        assert tag not in {"script", "iframe", "svg", "style", "object", "embed", "form", "input", "math", "img", "base", "link", "meta"}, tag
        assert not any(name.startswith("on") or name == "style" for name in attrs), attrs
        for name in ("href", "src"):
            assert not re.match(r"\s*(javascript|vbscript|data):", attrs.get(name, ""), re.I), attrs


MARKDOWN_CHARS = st.sampled_from(list("[]()!-*_>`#<> \n\t1.") + ["x", "    ", "- ", "> "])


@fast
@given(st.lists(MARKDOWN_CHARS, max_size=3000).map("".join))
def test_a_body_within_the_limits_renders_in_bounded_time(body):
    if not bodycheck.problems(body):  # what the loader accepts, Python-Markdown renders quickly
        markdown.markdown(body, extensions=["toc", "tables"])
