"""Vietnamese administrative units (package `vietnam-provinces`, units as of January 2025, before
the 2025 merger of provinces): which province a district belongs to, and the written form of a
place name that OCR printed without diacritics.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from .vn import fold, squash

PROVINCE, DISTRICT, WARD = "tỉnh", "huyện", "xã"
_KINDS = ("Thành phố", "Thị trấn", "Thị xã", "Phường", "Quận", "Huyện", "Tỉnh", "Xã")


@dataclass(frozen=True)
class Place:
    name: str
    """"Chợ Gạo", "12"."""
    kind: str
    """"Huyện", "Quận", "Tỉnh", "Thành phố", "Xã", …."""
    level: str
    """PROVINCE, DISTRICT or WARD."""
    province: str
    province_kind: str
    district: str | None = None

    @property
    def written(self) -> str:
        """How the name is written alone: 'Chợ Gạo', but 'Quận 12' (a bare number is no name)."""
        return f"{self.kind} {self.name}" if self.name.isdigit() else self.name

    @property
    def province_written(self) -> str:
        return f"TP. {self.province}" if self.province_kind == "Thành phố" else self.province


def _split(full: str) -> tuple[str, str]:
    for kind in _KINDS:
        if full.startswith(kind + " "):
            return kind, full[len(kind) + 1 :]
    return "", full


@cache
def index() -> dict[str, tuple[Place, ...]]:
    """Folded name -> units of that name. Empty when the package is not installed."""
    try:
        import vietnam_provinces

        data = json.loads(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH.read_text("utf-8"))
    except Exception:  # a help for naming, never a reason to fail an import
        return {}
    out: dict[str, list[Place]] = {}
    for p in data:
        pkind, pname = _split(p["name"])
        out.setdefault(fold(pname), []).append(Place(pname, pkind, PROVINCE, pname, pkind))
        for d in p.get("districts", []):
            dkind, dname = _split(d["name"])
            out.setdefault(fold(dname), []).append(Place(dname, dkind, DISTRICT, pname, pkind))
            for w in d.get("wards", []):
                wkind, wname = _split(w["name"])
                out.setdefault(fold(wname), []).append(Place(wname, wkind, WARD, pname, pkind, dname))
    return {k: tuple(v) for k, v in out.items()}


_PREFIX = re.compile(
    r"^(?:t/p|tp\.?|thanh pho|tinh|quan|q\.|huyen|h\.|thi xa|tx\.?|xa|phuong|p\.|thi tran|tt\.?)\s*", re.IGNORECASE
)


def find(text: str, level: str | None = None, *, province: str | None = None, district: str | None = None) -> Place | None:
    """The one unit a name stands for ('Cho Gao' -> Huyện Chợ Gạo), or None when unknown or ambiguous."""
    if not text:
        return None
    key = fold(squash(text)).strip(" .,")
    m = _PREFIX.match(key)
    kind_word = m.group(0).strip() if m else ""
    name = key[m.end() :] if m and key[m.end() :] else key
    found = list(index().get(name, ()))
    if not found and re.search(r"\bp", name):  # OCR reads Đ as P
        found = list(index().get(re.sub(r"\bp", "d", name), ()))
    if kind_word:
        wanted = {"quan": "Quận", "q.": "Quận", "huyen": "Huyện", "h.": "Huyện", "xa": "Xã", "phuong": "Phường",
                  "p.": "Phường", "thi xa": "Thị xã", "thi tran": "Thị trấn", "tinh": "Tỉnh"}.get(kind_word)
        if wanted:
            found = [p for p in found if p.kind == wanted] or found
        if kind_word in {"t/p", "tp", "tp.", "thanh pho"}:
            found = [p for p in found if p.kind == "Thành phố"] or found
    if level:
        found = [p for p in found if p.level == level]
    if district:
        found = [p for p in found if p.district == district or p.level != WARD] if level != WARD else [p for p in found if p.district == district]
    if province:
        found = [p for p in found if p.province == province]
    if not found:
        return None
    # A name shared by a province and its capital, or by a district and its town: prefer the larger unit.
    for lvl in (PROVINCE, DISTRICT, WARD):
        same = [p for p in found if p.level == lvl]
        if same:
            return same[0] if len({(p.name, p.province, p.district) for p in same}) == 1 else None
    return None
