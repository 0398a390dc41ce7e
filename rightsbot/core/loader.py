"""Load a content folder into a validated :class:`~rightsbot.core.model.KnowledgeBase`.

Layout of a content folder (documented for authors in ``content/README.md``)::

    categories.yaml             category ids and names
    hotlines.yaml               the hotline directory
    laws/<slug>.md              statute texts, copied verbatim
    topics/<category>/<slug>.yaml   one entry per file
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

from .errors import ContentError, Problem
from .laws import ArticleNumber, load_laws
from .model import Category, Citation, Entry, Exemption, Hotline, KnowledgeBase
from .schema import Reader
from .yamlsource import YamlDoc, parse_yaml

ENTRY_FIELDS = ("id", "category", "title", "summary", "answer", "questions", "keywords",
                "citations", "hotlines", "related", "last_reviewed", "exempt")
REQUIRED_ENTRY_FIELDS = ("id", "category", "title", "summary", "answer", "questions",
                         "keywords", "citations", "last_reviewed")


def default_content_dir() -> Path:
    """The content folder shipped with the package.

    In an installed wheel it is ``rightsbot/_content``; in a source checkout (editable
    install, tests) it is the top-level ``content/`` beside the package. Never the
    current directory.
    """
    packaged = resources.files("rightsbot") / "_content"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "content"


def read_yaml_file(path: Path) -> tuple[YamlDoc | None, list[Problem]]:
    """Read and parse one YAML file; unreadable or non-UTF-8 files become problems."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(str(path), 0, f"file is not UTF-8 text: {exc.reason}")]
    except OSError as exc:
        return None, [Problem(str(path), 0, f"cannot read file: {exc.strerror or exc}")]
    return parse_yaml(text, str(path))


def open_mapping(path: Path, allowed: tuple[str, ...],
                 required: tuple[str, ...]) -> tuple[Reader | None, list[Problem]]:
    """Read a YAML file whose top level must be a mapping with only ``allowed`` keys.

    The one prologue of every content reader (entries, rules, calendars, flows). Returns a
    :class:`Reader` and the file-level problems (duplicate keys ...), or None and every
    problem when the file cannot be used at all.
    """
    doc, problems = read_yaml_file(path)
    if doc is None:
        return None, problems
    reader = Reader(doc)
    if reader.mapping(allowed=allowed, required=required) is None:
        return None, problems + reader.problems
    return reader, problems


def _read_categories(root: Path) -> tuple[dict[str, Category], list[Problem]]:
    path = root / "categories.yaml"
    doc, problems = read_yaml_file(path)
    if doc is None:
        return {}, problems
    reader = Reader(doc)
    categories: dict[str, Category] = {}
    if reader.mapping(allowed=("categories",), required=("categories",)) is not None:
        items = reader.get("categories")
        if not isinstance(items, list):
            reader.problem("categories must be a list", "categories")
            items = []
        for i, _ in enumerate(items):
            if reader.mapping("categories", i, allowed=("id", "name"), required=("id", "name")) is None:
                continue
            cid = reader.text("categories", i, "id")
            name = reader.local_text("categories", i, "name")
            if cid and name:
                if cid in categories:
                    reader.problem(f"duplicate category '{cid}'", "categories", i)
                categories[cid] = Category(cid, name)
    return categories, problems + reader.problems


def _read_hotlines(root: Path) -> tuple[dict[str, Hotline], list[Problem]]:
    path = root / "hotlines.yaml"
    doc, problems = read_yaml_file(path)
    if doc is None:
        return {}, problems
    reader = Reader(doc)
    hotlines: dict[str, Hotline] = {}
    if reader.mapping(allowed=("hotlines",), required=("hotlines",)) is not None:
        items = reader.get("hotlines")
        if not isinstance(items, list):
            reader.problem("hotlines must be a list", "hotlines")
            items = []
        for i, _ in enumerate(items):
            fields = ("number", "name", "purpose")
            if reader.mapping("hotlines", i, allowed=fields, required=fields) is None:
                continue
            number = reader.text("hotlines", i, "number")
            name = reader.local_text("hotlines", i, "name")
            purpose = reader.local_text("hotlines", i, "purpose")
            if number and name and purpose:
                if number in hotlines:
                    reader.problem(f"duplicate hotline '{number}'", "hotlines", i)
                hotlines[number] = Hotline(number, name, purpose)
    return hotlines, problems + reader.problems


def _read_citations(reader: Reader) -> tuple[Citation, ...]:
    raw = reader.get("citations")
    if not isinstance(raw, list) or not raw:
        reader.problem("citations must be a non-empty list: every entry cites the law it relies on",
                       "citations")
        return ()
    citations: list[Citation] = []
    for i, _ in enumerate(raw):
        if reader.mapping("citations", i, allowed=("law", "article", "quote"),
                          required=("law", "article")) is None:
            continue
        law = reader.text("citations", i, "law")
        try:
            article = ArticleNumber.parse(reader.get("citations", i, "article"))
        except ValueError as exc:
            reader.problem(f"citations[{i}].article: {exc} (write 20 or \"133之1\")",
                           "citations", i, "article")
            continue
        quote = reader.text("citations", i, "quote", required=False)
        if law:
            citations.append(Citation(law, article, quote, reader.doc.line("citations", i)))
    return tuple(citations)


def _read_exempt(reader: Reader) -> tuple[Exemption, ...]:
    raw = reader.get("exempt")
    if raw is None:
        return ()
    if not isinstance(raw, list):
        reader.problem("exempt must be a list of {figure, reason}", "exempt")
        return ()
    result: list[Exemption] = []
    for i, _ in enumerate(raw):
        if reader.mapping("exempt", i, allowed=("figure", "reason"), required=("figure", "reason")) is None:
            continue
        figure = reader.text("exempt", i, "figure")
        reason = reader.text("exempt", i, "reason")
        if figure and reason:
            result.append(Exemption(figure, reason))
    return tuple(result)


def read_entry(path: Path, today: dt.date) -> tuple[Entry | None, list[Problem]]:
    """Read one entry file and check its schema (not yet its cross-references)."""
    reader, problems = open_mapping(path, ENTRY_FIELDS, REQUIRED_ENTRY_FIELDS)
    if reader is None:
        return None, problems
    entry_id = reader.text("id")
    category = reader.text("category")
    title = reader.local_text("title")
    summary = reader.local_text("summary")
    answer = reader.local_text("answer")
    questions = reader.local_list("questions")
    keywords = reader.local_list("keywords")
    citations = _read_citations(reader)
    hotlines = reader.string_list("hotlines")
    related = reader.string_list("related")
    last_reviewed = reader.date("last_reviewed", today=today)
    exempt = _read_exempt(reader)
    if entry_id and category:
        if not entry_id.startswith(category + "."):
            reader.problem(f"id '{entry_id}' must start with its category '{category}.'", "id")
        if path.parent.name != category:
            reader.problem(f"file is in folder '{path.parent.name}' but its category is '{category}'",
                           "category")
        if path.stem != entry_id.split(".", 1)[-1]:
            reader.problem(f"file name '{path.name}' should be '{entry_id.split('.', 1)[-1]}.yaml' "
                           f"to match id '{entry_id}'", "id")
    problems += reader.problems
    # an entry with problems is still built when every value could be read, so the
    # cross-reference checks can report everything in one pass
    if None in (entry_id, category, title, summary, answer, questions, keywords,
                hotlines, related, last_reviewed):
        return None, problems
    assert entry_id and category and title and summary and answer and questions and keywords
    assert hotlines is not None and related is not None and last_reviewed is not None
    return Entry(entry_id, category, title, summary, answer, questions, keywords, citations,
                 hotlines, related, last_reviewed, exempt, str(path),
                 {str(k[0]): v for k, v in reader.doc.lines.items() if len(k) == 1}), problems


def read_content(root: Path, today: dt.date | None = None,
                 authoring_checks: bool = True) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Load and validate a content folder. Returns the knowledge base and all problems.

    The knowledge base is None only when nothing usable could be read. Structure, ids and
    citations (article exists, quote verbatim) are always checked; ``authoring_checks``
    adds the checks that only an author can act on (every figure backed by a quote), which
    ``validate`` and the tests run and the per-question commands skip to start faster.
    """
    from .validation import check_knowledge_base  # local: validation imports this module

    today = today or dt.date.today()
    root = Path(root)
    if not root.is_dir():
        return None, [Problem(str(root), 0, "content folder not found")]
    problems: list[Problem] = []
    categories, found = _read_categories(root)
    problems += found
    hotlines, found = _read_hotlines(root)
    problems += found
    laws, found = load_laws(root / "laws")
    problems += found
    entries: dict[str, Entry] = {}
    topic_files = sorted((root / "topics").glob("*/*.yaml")) + sorted((root / "topics").glob("*/*.yml"))
    if not topic_files:
        problems.append(Problem(str(root / "topics"), 0, "no entry files (topics/<category>/<slug>.yaml)"))
    for path in topic_files:
        entry, found = read_entry(path, today)
        problems += found
        if entry is None:
            continue
        if entry.id in entries:
            problems.append(Problem(str(path), 1, f"duplicate id '{entry.id}' (also in {entries[entry.id].path})"))
            continue
        entries[entry.id] = entry
    order = {cid: i for i, cid in enumerate(categories)}
    ordered = dict(sorted(entries.items(), key=lambda kv: (order.get(kv[1].category, len(order)), kv[1].path)))
    kb = KnowledgeBase(str(root), ordered, laws, hotlines, categories)
    problems += check_knowledge_base(kb, authoring_checks=authoring_checks)
    return kb, sorted(set(problems))


def load_content(root: Path | None = None, authoring_checks: bool = False) -> KnowledgeBase:
    """Load a content folder (the shipped one by default); raise ContentError on any problem.

    The shipped folder comes from the installed package's snapshot when it matches the
    folder's bytes (see :mod:`.snapshot`); the author's checks always read the files."""
    shipped_root = default_content_dir()
    root = Path(root) if root else shipped_root
    if not authoring_checks and root == shipped_root:
        from .snapshot import shipped

        kb = shipped(root)
        if kb is not None:
            return kb
    kb, problems = read_content(root, authoring_checks=authoring_checks)
    if problems or kb is None:
        raise ContentError(problems or [Problem(str(root), 0, "content could not be loaded")])
    return kb
