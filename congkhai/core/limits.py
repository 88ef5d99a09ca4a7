"""Every limit on what a pull request (or an imported report) may make the build read: one home.

A plan arrives from anyone and the build runs on it in CI, so nothing read from it may cost more
than linear time and memory. Each limit is far above what a real plan needs (the largest plan in
use has about 40 rows, cells under 3,000 characters, nesting 4 deep) and is refused with a
Vietnamese file:line message rather than left to exhaust the runner.
"""

from __future__ import annotations

# Files under plans/
FILE_BYTES = 1_000_000
"""One plan or school profile (the largest real plan is about 60 kB)."""
FILES = 50_000
"""Entries under plans/ (a school folder holds its profile and one file per school year)."""
FILES_PER_SCHOOL = 200
"""Entries in one school folder."""

# Inside one YAML document
DEPTH = 12
"""Nesting of mappings and lists (a plan: document > cai_tien > row > theo_doi > checkpoint > list)."""
ROWS = 500
"""Rows of one plan's improvement table (two circulars' criteria and level-4 items together are under 60)."""
CELL_CHARS = 20_000
"""Characters in one value (a long paragraph of measures is about 3,000)."""
LIST_ITEMS = 1_000
"""Items of any list other than the rows (measures, evidence codes, recipients)."""

# Imported self-assessment reports (scripts/import)
IMPORT_BYTES = 20 * 1024 * 1024
"""A .docx or other non-PDF report."""
IMPORT_PDF_BYTES = 100 * 1024 * 1024
"""A PDF report: reports keep their photos and scanned annexes."""
TXT_BYTES = 5 * 1024 * 1024
"""A plain-text report (a 300-page report as text is about 1 MB)."""
DOCX_UNPACKED_BYTES = 200 * 1024 * 1024
"""Everything a .docx holds once unzipped (a zip bomb declares gigabytes)."""
DOCX_RATIO = 100
"""Unpacked size over packed size of one member: XML compresses about 10:1, a zip bomb 1000:1."""
DOCX_MEMBERS = 5_000
"""Files inside one .docx."""

# The Markdown body (Python-Markdown is quadratic in both, and recurses once per list level)
BODY_BRACKETS = 200
"""«[» in one paragraph: 2,000 unclosed brackets take Python-Markdown seconds, 20,000 minutes."""
BODY_INDENT = 40
"""Columns of indentation of one line (a tab counts 4): 20 list levels; 600 overflow the stack."""
