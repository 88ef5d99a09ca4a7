"""YAML reading that keeps line numbers and refuses YAML's surprises.

PyYAML alone would turn `tieu_chi: 1.10` into the float 1.1, `2024-13-45` into a crash, and
silently keep the last of two equal keys. We compose nodes (C parser when available), then build
plain Python values ourselves: only null, true/false and integers are resolved, everything else
stays a string, duplicate keys are errors, and every value's line is recorded by its path.

Anchors, aliases and merge keys are refused before anything is expanded: plans have no use for
them, and nine aliases nested ten deep ("billion laughs") would make one pull request exhaust
the CI runner. Nesting, list lengths and cell sizes are bounded (congkhai.core.limits), so reading
a document costs time and memory linear in its size. PyYAML's English messages are translated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from congkhai.core import limits

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
        if "&" in text or "*" in text:  # the only characters that start an anchor or an alias
            _refuse_anchors(text, first_line)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = (mark.line + first_line) if mark else first_line
        opened = _open_quote_line(text, line - first_line)
        if opened is not None:
            raise YamlError(opened + first_line, "lỗi cú pháp YAML: dấu ngoặc kép mở ở dòng này chưa được đóng") from None
        lines = text.split("\n")
        index = line - first_line
        raise YamlError(line, _yaml_message(e, lines[index] if 0 <= index < len(lines) else "")) from None
    except yaml.YAMLError as e:
        raise YamlError(first_line, _reader_message(e)) from None
    out = Parsed(None)
    if node is None:
        return out
    out.value = _build(node, (), out.lines, first_line, 0)
    return out


def _refuse_anchors(text: str, first_line: int) -> None:
    """Walk the event stream (nothing is built, so nothing is expanded) and stop at the first
    anchor or alias."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlError(
                event.start_mark.line + first_line,
                "không dùng neo và bí danh YAML («&tên», «*tên»); hãy chép đầy đủ nội dung vào từng chỗ",
            )


def _open_quote_line(text: str, error_index: int) -> int | None:
    """The 0-based line where a double quote still open when the error line starts (or, failing
    that, when it ends) was opened: PyYAML notices a missing closing quote only lines later, as
    an indentation problem."""
    opened: int | None = None
    for i, line in enumerate(text.split("\n")[: error_index + 1]):
        if i == error_index and opened is not None:
            return opened
        j = 0
        while j < len(line):
            ch = line[j]
            if opened is None and ch == "#" and (j == 0 or line[j - 1] in " \t"):
                break  # a comment
            if ch == "\\" and opened is not None:
                j += 2
                continue
            if ch == '"':
                opened = i if opened is None else None
            j += 1
    return opened


def _reader_message(e: yaml.YAMLError) -> str:
    if "special characters are not allowed" in str(e) or "control characters" in str(e):
        return "tệp có ký tự điều khiển không in được; hãy xóa ký tự đó hoặc chép lại đoạn văn bản"
    return "tệp không đọc được như YAML; hãy so với tệp mẫu plans/…/2024-2025.md"


_HINTS = {
    "mapping values are not allowed": "có dấu «:» không hợp lệ; nếu nội dung có dấu hai chấm, hãy đặt cả câu trong ngoặc kép",
    "could not find expected ':'": "thiếu dấu «:» sau tên khóa, hoặc thụt lề sai",
    "found a tab character": "có ký tự Tab; YAML chỉ dùng dấu cách để thụt lề",
    "did not find expected key": "thụt lề không khớp với các dòng trên",
    "did not find expected node content": "thiếu giá trị hoặc dấu ngoặc chưa đóng",
    "did not find expected ',' or ']'": "dấu ngoặc vuông «[» chưa được đóng",
    "expected ',' or ']'": "dấu ngoặc vuông «[» chưa được đóng",
    "did not find expected ',' or '}'": "dấu ngoặc nhọn «{» chưa được đóng",
    "found unexpected end of stream": "dấu ngoặc kép hoặc ngoặc vuông chưa được đóng",
    "did not find expected '-' indicator": "danh sách thụt lề không đều; mỗi mục bắt đầu bằng «- » cùng cột",
    "block sequence entries are not allowed": "dấu «- » của danh sách đặt sai chỗ; mỗi mục danh sách một dòng, thụt lề đều",
    "found unknown escape character": "trong ngoặc kép, dấu «\\» phải viết hai lần («\\\\»)",
    "exceeded maximum nesting depth": f"lồng nhau quá sâu (tối đa {limits.DEPTH} cấp)",
    "found undefined tag handle": "giá trị bắt đầu bằng «!»; hãy đặt cả giá trị trong ngoặc kép",
    "found unexpected ':'": "có dấu «:» không hợp lệ; hãy đặt cả câu trong ngoặc kép",
    "did not find expected comment or line break": "sau dấu ngoặc kép đóng còn chữ; hãy đặt cả câu trong một cặp ngoặc kép",
    "but found another document": "tệp chỉ có một phần đầu; dòng «---» thứ hai phải là dòng cuối của phần đầu",
    "found character that cannot start any token": "giá trị bắt đầu bằng ký tự đặc biệt (như «@», «`», «%»); hãy đặt cả giá trị trong ngoặc kép",
    "cannot start any token": "giá trị bắt đầu bằng ký tự đặc biệt (như «@», «`», «%»); hãy đặt cả giá trị trong ngoặc kép",
}


def _yaml_message(e: yaml.MarkedYAMLError, line: str = "") -> str:
    """PyYAML's (or libyaml's) English problem, in Vietnamese: a tab anywhere on the line is the
    usual cause of "cannot start any token"."""
    problem = f"{e.problem or ''} {e.context or ''}".strip()
    if "\t" in line and ("tab" in problem or "cannot start any token" in problem or "expected" in problem):
        return "lỗi cú pháp YAML: có ký tự Tab; YAML chỉ dùng dấu cách để thụt lề"
    for key, hint in _HINTS.items():
        if key in problem:
            return f"lỗi cú pháp YAML: {hint}"
    return "lỗi cú pháp YAML: dòng này không đọc được; kiểm tra dấu ngoặc kép, dấu «:» và thụt lề so với các dòng trên"


def _build(node: yaml.Node, path: Path_, lines: dict, offset: int, depth: int) -> object:
    line = lines.get(path, node.start_mark.line + offset)  # a mapping value: its key's line
    lines[path] = node.start_mark.line + offset
    if depth > limits.DEPTH and not isinstance(node, yaml.ScalarNode):
        raise YamlError(line, f"dữ liệu lồng nhau quá sâu (tối đa {limits.DEPTH} cấp)")
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError(key_node.start_mark.line + offset, "tên khóa phải là một chữ, không phải danh sách")
            key = key_node.value
            if key == "<<":
                raise YamlError(key_node.start_mark.line + offset, "không dùng khóa gộp YAML «<<»; hãy viết đủ từng khóa")
            if key in result:
                raise YamlError(
                    key_node.start_mark.line + offset,
                    f"khóa «{key}» xuất hiện hai lần (lần đầu ở dòng {lines[path + (key,)]})",
                )
            lines[path + (key,)] = key_node.start_mark.line + offset
            result[key] = _build(value_node, path + (key,), lines, offset, depth + 1)
            lines[path + (key,)] = key_node.start_mark.line + offset
        return result
    if isinstance(node, yaml.SequenceNode):
        if len(node.value) > limits.LIST_ITEMS:
            raise YamlError(line, f"danh sách quá dài ({len(node.value)} mục; tối đa {limits.LIST_ITEMS})")
        return [_build(item, path + (i,), lines, offset, depth + 1) for i, item in enumerate(node.value)]
    tag, value = node.tag, node.value
    if len(value) > limits.CELL_CHARS:
        raise YamlError(line, f"ô quá dài ({len(value):,} ký tự; tối đa {limits.CELL_CHARS:,})".replace(",", "."))
    if tag == "tag:yaml.org,2002:int":
        return int(value)
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() == "true"
    if tag == "tag:yaml.org,2002:null":
        return None
    return value
