"""Write the plan file and the school profile the way editors will read and edit them.

The YAML is written by hand rather than by a YAML library so that it looks like the guide's
examples: block style, keys in the model's order, every text in double quotes (so a colon, a
leading dash or a number such as "1.10" never changes meaning), one line per value however long
(editors' tools wrap, and wrapped YAML is where mistakes happen), paragraphs inside a cell as \\n.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from enum import Enum

from congkhai.core.model import PlanMeta, Row, School


_UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def quote(text: str) -> str:
    """A YAML double-quoted scalar; JSON escaping is a subset YAML reads identically.

    Characters YAML does not allow raw, or would read as a line break, are written as \\uXXXX.
    """
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(text, ensure_ascii=False))


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return quote(str(value))


def _ordered(data: dict, model: type) -> list[tuple[str, object]]:
    order = list(model.model_fields)
    known = [(k, data[k]) for k in order if k in data]
    return known + [(k, v) for k, v in data.items() if k not in order]


def _empty(value: object) -> bool:
    return value is None or value == [] or value == {} or value == ""


def dump(data: dict, model: type, indent: str = "") -> list[str]:
    lines: list[str] = []
    for key, value in _ordered(data, model):
        if _empty(value):
            continue
        if isinstance(value, dict):
            lines.append(f"{indent}{key}:")
            lines.extend(f"{indent}  {quote(str(k))}: {_scalar(v)}" for k, v in value.items())
        elif isinstance(value, list):
            lines.append(f"{indent}{key}:")
            for item in value:
                if isinstance(item, dict):
                    sub = dump(item, Row, indent + "    ")
                    lines.append(f"{indent}  - {sub[0].lstrip()}")
                    lines.extend(sub[1:])
                else:
                    lines.append(f"{indent}  - {_scalar(item)}")
        else:
            lines.append(f"{indent}{key}: {_scalar(value)}")
    return lines


def plan_text(meta: dict, body: str) -> str:
    return "---\n" + "\n".join(dump(meta, PlanMeta)) + "\n---\n\n" + body


def profile_text(profile: dict, comment: str | None = None) -> str:
    head = "".join(f"# {line}\n" for line in comment.splitlines()) if comment else ""
    return head + "\n".join(dump(profile, School)) + "\n"
