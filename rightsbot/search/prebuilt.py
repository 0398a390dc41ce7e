"""The knowledge base's own text, already split into the index's terms, shipped with the
package so that a cold start does not segment three thousand example questions again.

Splitting the entries' text into words, bigrams and pinyin (with the synonyms expanded) is
most of the index build; the result depends only on that text, on the words the segmenter is
taught (the entries' keywords, the synonyms and a few common names) and on the code. The
table in ``data/terms.tsv`` maps each normalised text to its terms and carries a fingerprint
of those taught words and synonyms: when the fingerprint differs (other content, edited
synonyms) the table is ignored, and a text missing from it (an edited entry) is split as
before, so a stale table costs start-up time, never a wrong answer. A test fails when the
shipped table no longer matches the shipped content; maintainers regenerate it with

    python -m rightsbot.search.prebuilt --write

Nothing is written at run time; the table holds knowledge-base text only, never a question.
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path

from .tokenize import CHANNELS

TERMS_FILE = "terms.tsv"
#: Bumped when the file's layout changes.
FORMAT = "2"
_ESCAPES = (("\\", "\\\\"), ("\t", "\\t"), ("\n", "\\n"))

Terms = dict[str, list[str]]


class Table:
    """Split text by normalised text, and each raw text's normalised form (so the index
    build need not normalise the entries again)."""

    def __init__(self, terms: dict[str, Terms], normalised: dict[str, str]):
        self.terms = terms
        """Normalised text -> its terms per channel."""
        self.normalised = normalised
        """Raw text of the entries -> its normalised form."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Table) and (self.terms, self.normalised) == (other.terms, other.normalised)


def fingerprint(taught: Iterable[str], synonym_pairs: Iterable[tuple[str, str]]) -> str:
    """A digest of what the terms depend on besides the text: the words the segmenter is
    taught and the synonym pairs."""
    digest = hashlib.sha256(FORMAT.encode())
    digest.update("\x1f".join(sorted(set(taught))).encode("utf-8"))
    digest.update(b"\x1e")
    digest.update("\x1f".join(f"{a}\x1d{b}" for a, b in synonym_pairs).encode("utf-8"))
    return digest.hexdigest()


def _escape(text: str) -> str:
    for raw, escaped in _ESCAPES:
        text = text.replace(raw, escaped)
    return text


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            out.append({"\\": "\\", "t": "\t", "n": "\n"}.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            out.append(char)
            i += 1
    return "".join(out)


def dump(key: str, table: Table) -> str:
    """The file's text: the fingerprint, then one line per raw text (raw text, normalised
    text, then each channel's terms, space-separated; terms never hold a space)."""
    lines = [f"fingerprint\t{key}"]
    for raw in sorted(table.normalised):
        text = table.normalised[raw]
        terms = table.terms[text]
        lines.append("\t".join([_escape(raw), _escape(text)] + [" ".join(terms[c]) for c in CHANNELS]))
    return "\n".join(lines) + "\n"


def parse(text: str, key: str) -> Table | None:
    """The table in ``text``, or None when its fingerprint is not ``key``."""
    head, _, body = text.partition("\n")
    if head != f"fingerprint\t{key}":
        return None
    terms: dict[str, Terms] = {}
    normalised: dict[str, str] = {}
    for line in body.split("\n"):
        if not line:
            continue
        fields = line.split("\t")
        if len(fields) != len(CHANNELS) + 2:
            return None  # a damaged file: split the text as if there were none
        norm = _unescape(fields[1])
        normalised[_unescape(fields[0])] = norm
        terms[norm] = {c: (f.split(" ") if f else []) for c, f in zip(CHANNELS, fields[2:])}
    return Table(terms, normalised)


def shipped(key: str) -> Table | None:
    """The shipped table, when it was made for the same taught words and synonyms."""
    source = resources.files("rightsbot.search").joinpath("data", TERMS_FILE)
    if not source.is_file():
        return None
    return parse(source.read_text(encoding="utf-8"), key)


def main(argv: Sequence[str] | None = None) -> int:
    """Split the shipped content's text from scratch and print (or with --write, store) the table."""
    from .engine import SearchIndex
    from .evaluate import shipped_knowledge_base

    parser = argparse.ArgumentParser(prog="python -m rightsbot.search.prebuilt", description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"replace data/{TERMS_FILE}")
    args = parser.parse_args(argv)
    kb = shipped_knowledge_base()
    index = SearchIndex(kb, prebuilt=False)
    text = dump(index.terms_fingerprint, index.knowledge_terms())
    if args.write:
        (Path(__file__).parent / "data" / TERMS_FILE).write_text(text, encoding="utf-8")
    print(f"{text.count(chr(10)) - 1} texts, {len(text.encode()) // 1024} kB")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
