"""YAML reading that keeps line numbers and refuses YAML's surprises.

PyYAML alone would turn `tieu_chi: 1.10` into the float 1.1, `2024-13-45` into a crash, and
silently keep the last of two equal keys. We compose nodes (C parser when available), then build
plain Python values ourselves: only null, true/false and integers are resolved, everything else
stays a string, duplicate keys are errors, and every value's line is recorded by its path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

try:  # the C parser is several times faster at 10,000 plans
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Base  # type: ignore[assignment]


_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_BOOLS = frozenset(("true", "True", "TRUE", "false", "False", "FALSE"))
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))


class _Loader(_Base):  # type: ignore[misc,valid-type]
    def resolve(self, kind, value, implicit):
        """The tags the implicit resolvers below give, without their generic lookup: libyaml calls
        this once per scalar (a third of all loading time at 10,000 plans)."""
        if kind is yaml.ScalarNode:
            if implicit[0]:
                if value in _NULLS:
                    return "tag:yaml.org,2002:null"
                if value in _BOOLS:
                    return "tag:yaml.org,2002:bool"
                if _INT.match(value):
                    return "tag:yaml.org,2002:int"
            return "tag:yaml.org,2002:str"
        return "tag:yaml.org,2002:seq" if kind is yaml.SequenceNode else "tag:yaml.org,2002:map"

    def descend_resolver(self, current_node, current_index):  # no path resolvers: nothing to track
        pass

    def ascend_resolver(self):
        pass


_Loader.yaml_implicit_resolvers = {}
for _first in "-+0123456789":
    _Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list(_first))
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])

Path_ = tuple


class YamlError(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Parsed:
    value: object
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_, default: int = 1) -> int:
        """The line of the deepest recorded prefix of a value path."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), default)


def parse(text: str, first_line: int = 1) -> Parsed:
    """Parse one YAML document; lines are counted from first_line (front matter offset)."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = (mark.line + first_line) if mark else first_line
        raise YamlError(line, _yaml_message(e)) from None
    except yaml.YAMLError as e:
        raise YamlError(first_line, f"YAML không đọc được: {e}") from None
    out = Parsed(None)
    if node is None:
        return out
    out.value = _build(node, (), out.lines, first_line)
    return out


def _yaml_message(e: yaml.MarkedYAMLError) -> str:
    problem = (e.problem or "").strip()
    hints = {
        "mapping values are not allowed here": "có dấu «:» không hợp lệ; nếu nội dung có dấu hai chấm, hãy đặt cả câu trong ngoặc kép",
        "could not find expected ':'": "thiếu dấu «:» sau tên khóa, hoặc thụt lề sai",
        "found character '\\t' that cannot start any token": "có ký tự Tab; YAML chỉ dùng dấu cách để thụt lề",
        "found a tab character": "có ký tự Tab; YAML chỉ dùng dấu cách để thụt lề",
        "did not find expected key": "thụt lề không khớp với các dòng trên",
        "did not find expected node content": "thiếu giá trị hoặc dấu ngoặc chưa đóng",
        "expected ',' or ']', but got '<stream end>'": "dấu ngoặc vuông «[» chưa được đóng",
        "found unexpected end of stream": "dấu ngoặc kép hoặc ngoặc vuông chưa được đóng",
        "did not find expected '-' indicator": "danh sách thụt lề không đều; mỗi mục bắt đầu bằng «- » cùng cột",
    }
    for key, hint in hints.items():
        if key in problem:
            return f"lỗi cú pháp YAML: {hint}"
    return f"lỗi cú pháp YAML ({problem or e.context})"


def _build(node: yaml.Node, path: Path_, lines: dict, offset: int) -> object:
    lines[path] = node.start_mark.line + offset
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError(key_node.start_mark.line + offset, "tên khóa phải là một chữ, không phải danh sách")
            key = key_node.value
            if key in result:
                raise YamlError(
                    key_node.start_mark.line + offset,
                    f"khóa «{key}» xuất hiện hai lần (lần đầu ở dòng {lines[path + (key,)]})",
                )
            lines[path + (key,)] = key_node.start_mark.line + offset
            result[key] = _build(value_node, path + (key,), lines, offset)
            lines[path + (key,)] = key_node.start_mark.line + offset
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), lines, offset) for i, item in enumerate(node.value)]
    tag, value = node.tag, node.value
    if tag == "tag:yaml.org,2002:int":
        return int(value)
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() == "true"
    if tag == "tag:yaml.org,2002:null":
        return None
    return value
