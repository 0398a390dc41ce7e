"""Statute texts: parse the shipped markdown files and give an article's text by number.

Each file in ``content/laws/`` holds one instrument: YAML front matter (title, version,
effective date, source), then headings and one article per ``第X条`` line, with any
further paragraphs of the article on the following lines.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache, total_ordering
from pathlib import Path

import yaml

from .errors import Problem
from .numerals import NUMERAL_CHARS, cn_to_int, int_to_cn, parse_number

# where an article starts (groups: number, 之 number) or ends (a heading, an editorial footnote)
_BOUNDARY = re.compile(rf"^(?:第([{NUMERAL_CHARS}]+)条(?:之([{NUMERAL_CHARS}]+))?[ \t\u3000]|#|①)", re.M)
_ARTICLE_REF = re.compile(
    rf"^\s*(?:第)?\s*([0-9０-９]+|[{NUMERAL_CHARS}]+)\s*(?:条)?\s*"
    rf"(?:之\s*([0-9０-９]+|[{NUMERAL_CHARS}]+))?\s*$"
)


@total_ordering
@dataclass(frozen=True)
class ArticleNumber:
    """An article number: ``20`` or an inserted article such as ``133之1``."""

    base: int
    """The main article number (第一百三十三条 -> 133)."""
    sub: int = 0
    """The 之N suffix of an inserted article; 0 for an ordinary article."""

    @classmethod
    def parse(cls, value: object) -> "ArticleNumber":
        """Read ``20``, ``"20"``, ``"133之1"``, ``"第二十条"`` or ``"第一百三十三条之一"``.

        Raises ValueError with a readable message on anything else.
        """
        if isinstance(value, bool):
            raise ValueError(f"not an article number: {value!r}")
        if isinstance(value, int):
            if value <= 0:
                raise ValueError(f"article numbers start at 1, got {value}")
            return cls(value)
        if not isinstance(value, str):
            raise ValueError(f"not an article number: {value!r}")
        match = _ARTICLE_REF.match(value)
        if not match:
            raise ValueError(f"not an article number: {value!r}")
        base = parse_number(match.group(1))
        sub = parse_number(match.group(2)) if match.group(2) else 0
        if base <= 0:
            raise ValueError(f"article numbers start at 1, got {value!r}")
        return cls(base, sub)

    @property
    def key(self) -> str:
        """The form used in content files and on the command line: ``20`` or ``133之1``."""
        return f"{self.base}之{self.sub}" if self.sub else str(self.base)

    @property
    def chinese(self) -> str:
        """The form used in statute texts: ``第二十条`` or ``第一百三十三条之一``."""
        text = f"第{int_to_cn(self.base)}条"
        return text + (f"之{int_to_cn(self.sub)}" if self.sub else "")

    @property
    def english(self) -> str:
        """The form used in English answers: ``Article 20`` or ``Article 133-1``."""
        return f"Article {self.base}" + (f"-{self.sub}" if self.sub else "")

    def __lt__(self, other: "ArticleNumber") -> bool:
        return (self.base, self.sub) < (other.base, other.sub)

    def __str__(self) -> str:
        return self.key


@dataclass(frozen=True)
class Article:
    """One article of an instrument, with its full text (paragraphs joined by newlines)."""

    number: ArticleNumber
    """Its number."""
    text: str
    """The article text without the leading ``第X条``, exactly as in the statute file."""
    line: int
    """Line of the ``第X条`` line in the statute file, for error messages."""


@dataclass(frozen=True)
class Law:
    """One instrument (a law, regulation or judicial interpretation) as shipped."""

    slug: str
    """File name without ``.md``; what citations refer to."""
    title: str
    """Official Chinese title, e.g. 中华人民共和国行政复议法."""
    title_en: str
    """English rendering of the title."""
    version: str
    """Current version, e.g. ``2023-09-01 修订``."""
    effective_date: str
    """Date the current version took effect (YYYY-MM-DD)."""
    kind: str
    """法律, 行政法规, 司法解释 ...: the rank of the instrument."""
    source: str
    """Where the text came from (repository, commit, path)."""
    articles: dict[ArticleNumber, Article] = field(repr=False)
    """Articles by number, in file order."""

    def article(self, number: ArticleNumber) -> Article | None:
        """The article with that number, or None."""
        return self.articles.get(number)

    def numbers(self) -> list[ArticleNumber]:
        """All article numbers in order."""
        return list(self.articles)

    def neighbour(self, number: ArticleNumber, step: int) -> ArticleNumber | None:
        """The article ``step`` places after (or before, if negative) ``number``."""
        order = self.numbers()
        try:
            index = order.index(number) + step
        except ValueError:
            return None
        return order[index] if 0 <= index < len(order) else None

    def find(self, needle: str) -> list[ArticleNumber]:
        """Articles whose text contains ``needle`` (compared after :func:`normalise_quote`)."""
        target = normalise_quote(needle)
        if not target:
            return []
        return [a.number for a in self.articles.values() if target in normalise_quote(a.text)]

    @property
    def bracketed_title(self) -> str:
        """The title in book-title marks, inner marks turned to 〈〉 as Chinese style requires:
        《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》."""
        return "《" + self.title.replace("《", "〈").replace("》", "〉") + "》"

    def cite(self, number: ArticleNumber, lang: str) -> str:
        """A citation string: 《中华人民共和国行政复议法》第二十条 / Administrative ... Law, Article 20."""
        if lang == "zh":
            return f"{self.bracketed_title}{number.chinese}"
        return f"{self.title_en} ({self.bracketed_title}), {number.english}"


@lru_cache(maxsize=8192)
def normalise_quote(text: str) -> str:
    """Normalise for verbatim comparison: NFKC width folding, no whitespace.

    The statute files keep some half-width ``( ) : ,``; authors type full-width. NFKC maps
    both to one form, so a quote matches when only width or spacing differs.
    """
    return "".join(unicodedata.normalize("NFKC", text).split())


_SIMPLE_META = re.compile(r'^([A-Za-z_]+): (?:"((?:[^"\\]|\\.)*)"|(\d+))\s*$')


def _front_matter(lines: list[str]) -> dict[str, object]:
    """Front matter as a dict. The statute files use plain ``key: "value"`` lines, read
    directly (fast); anything else goes through YAML."""
    meta: dict[str, object] = {}
    for line in lines:
        match = _SIMPLE_META.match(line)
        if not match:
            loaded = yaml.safe_load("\n".join(lines)) or {}
            if not isinstance(loaded, dict):
                raise yaml.YAMLError("front matter must be a mapping")
            return loaded
        key, text, number = match.groups()
        meta[key] = int(number) if number is not None else text.replace('\\"', '"')
    return meta


def parse_law(text: str, slug: str, path: str = "") -> tuple[Law | None, list[Problem]]:
    """Parse one statute file. Returns the law (or None) and any problems found."""
    where = path or f"{slug}.md"
    problems: list[Problem] = []
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return None, [Problem(where, 1, "statute file must start with '---' front matter")]
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        return None, [Problem(where, 1, "front matter is not closed with '---'")]
    try:
        meta = _front_matter(lines[1:end])
    except yaml.YAMLError as exc:
        return None, [Problem(where, 1, f"front matter is not valid YAML: {exc}")]
    for key in ("title", "version", "effective_date"):
        if not meta.get(key):
            problems.append(Problem(where, 1, f"front matter lacks '{key}'"))

    articles: dict[ArticleNumber, Article] = {}
    body_text = "\n".join(lines[end + 1:])
    first_line = end + 2  # 1-based line number of body_text's first line
    boundaries = list(_BOUNDARY.finditer(body_text))
    line_number, counted_to = first_line, 0
    for index, match in enumerate(boundaries):
        if match.group(1) is None:
            continue  # a heading or an editorial footnote: it ends the article before it
        stop = boundaries[index + 1].start() if index + 1 < len(boundaries) else len(body_text)
        number = ArticleNumber(cn_to_int(match.group(1)), cn_to_int(match.group(2)) if match.group(2) else 0)
        line_number += body_text.count("\n", counted_to, match.start())
        counted_to = match.start()
        if number in articles:
            problems.append(Problem(where, line_number, f"duplicate article {number.chinese}"))
        chunk = body_text[match.end():stop].strip()
        if "\n" in chunk:  # an article of several paragraphs (most are one line)
            chunk = "\n".join(row for row in (r.strip() for r in chunk.split("\n")) if row)
        articles[number] = Article(number, chunk, line_number)
    if not articles:
        problems.append(Problem(where, 1, "no article lines (第X条 ...) found"))
    law = Law(
        slug=slug,
        title=str(meta.get("title", slug)),
        title_en=str(meta.get("title_en", meta.get("title", slug))),
        version=str(meta.get("version", "")),
        effective_date=str(meta.get("effective_date", "")),
        kind=str(meta.get("kind", "")),
        source=str(meta.get("source", "")),
        articles=articles,
    )
    return law, problems


def load_laws(folder: Path) -> tuple[dict[str, Law], list[Problem]]:
    """Load every ``*.md`` statute file in ``folder`` that starts with front matter."""
    laws: dict[str, Law] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return laws, [Problem(str(folder), 0, "statute folder not found")]
    for path in sorted(folder.glob("*.md")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(str(path), 0, f"cannot read statute file: {exc}"))
            continue
        if not text.startswith("---"):
            continue  # README or manifest, not a statute
        law, found = parse_law(text, path.stem, str(path))
        problems.extend(found)
        if law is not None:
            laws[law.slug] = law
    return laws, problems
