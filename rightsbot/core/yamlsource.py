"""Read YAML while remembering the line of every value, so problems name file and line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from .errors import Problem

Path_ = tuple[object, ...]


@dataclass(frozen=True)
class YamlDoc:
    """A parsed YAML document: plain data plus the line of each value by its path."""

    path: str
    """The file it came from."""
    data: Any
    """Plain Python data (dict / list / str / int / date ...)."""
    lines: dict[Path_, int]
    """Line (1-based) of every mapping value and list item, keyed by its path of keys/indexes."""

    def line(self, *keys: object) -> int:
        """Line of the value at ``keys``, or of the nearest parent that has one."""
        path: Path_ = tuple(keys)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


# libyaml's parser when present (about 10x faster start-up); the pure-Python one otherwise
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_STR = "tag:yaml.org,2002:str"


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """The safe loader; :func:`_walk` builds the data so it can record lines and duplicates."""


def _walk(loader: _Loader, node: yaml.Node, path: Path_, lines: dict[Path_, int],
          problems: list[Problem], where: str) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[object, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if key_node.tag == _STR else loader.construct_object(key_node, deep=True)
            if isinstance(key, (list, dict)):
                problems.append(Problem(where, key_node.start_mark.line + 1, "a key must be a plain word"))
                continue
            if key in result:
                problems.append(Problem(where, key_node.start_mark.line + 1, f"duplicate key '{key}'"))
            result[key] = _walk(loader, value_node, path + (key,), lines, problems, where)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_walk(loader, child, path + (i,), lines, problems, where)
                for i, child in enumerate(node.value)]
    if node.tag == _STR:  # the common case, without the constructor's bookkeeping
        return node.value
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, TypeError) as exc:  # e.g. an impossible date such as 2026-02-30
        problems.append(Problem(where, node.start_mark.line + 1, f"invalid value {node.value!r}: {exc}"))
        return None


def parse_yaml(text: str, where: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse one YAML document. Syntax errors come back as problems with file and line."""
    problems: list[Problem] = []
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [Problem(where, 1, "file is empty")]
        lines: dict[Path_, int] = {}
        data = _walk(loader, node, (), lines, problems, where)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        reason = exc.problem or str(exc)
        return None, [Problem(where, line, f"invalid YAML: {reason}")]
    except yaml.YAMLError as exc:
        return None, [Problem(where, 1, f"invalid YAML: {exc}")]
    finally:
        loader.dispose()
    return YamlDoc(where, data, lines), problems
