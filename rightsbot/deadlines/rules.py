"""Read deadline rules from ``content/deadlines/*.yaml`` and check them like entries.

A rule file holds one procedure family::

    rules:
      - id: admin-reconsideration.apply
        name:   {zh: ..., en: ...}
        period: {value: 60, unit: days}        # days | months | years | working-days
        start:  {zh: 知道或者应当知道该行政行为之日, en: the day you knew or should have known of the act}
        actor: you                             # you | authority
        counting: administrative-reconsideration
        extension:                             # optional
          period: {value: 30, unit: days}      # optional: omit when the law sets no figure
          condition: {zh: ..., en: ...}
        note: {zh: ..., en: ...}               # optional
        citations:
          - {law: administrative-reconsideration-law, article: 20, quote: "...六十日内..."}

Schema problems come from :class:`~rightsbot.core.schema.Reader` with file and line; then
each citation must resolve to an article of a shipped statute, each quote must be verbatim
(compared as :func:`~rightsbot.core.laws.normalise_quote` does for entries), and the period
(and extension) figure must appear in a quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from rightsbot.core.errors import Problem
from rightsbot.core.figures import Figure, figures_in
from rightsbot.core.laws import ArticleNumber, Law
from rightsbot.core.loader import open_mapping
from rightsbot.core.model import Citation
from rightsbot.core.schema import Reader
from rightsbot.core.suggest import closest
from rightsbot.core.validation import check_citation

from .counting import METHODS, method_citations
from .model import ACTORS, PERIOD_UNITS, DeadlineRule, Extension, Period

#: Fields a rule may have; anything else is reported (a misspelt field would vanish silently).
RULE_FIELDS = ("id", "name", "period", "start", "actor", "counting", "extension", "note", "citations")
#: Fields every rule must have.
REQUIRED_RULE_FIELDS = ("id", "name", "period", "start", "actor", "counting", "citations")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$")
#: The longest period a rule may state, in its own unit, to catch typos (20 years is the
#: longest limitation period in Chinese law).
_MAX_VALUE = {"days": 1000, "working-days": 500, "months": 240, "years": 20}


def _read_period(reader: Reader, *path: object) -> Period | None:
    if reader.mapping(*path, allowed=("value", "unit"), required=("value", "unit")) is None:
        return None
    where = ".".join(str(p) for p in path)
    value = reader.get(*path, "value")
    unit = reader.get(*path, "unit")
    ok = True
    if unit not in PERIOD_UNITS:
        reader.problem(f"{where}.unit must be one of {', '.join(PERIOD_UNITS)}, got {unit!r}", *path, "unit")
        ok = False
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        reader.problem(f"{where}.value must be a whole number of at least 1, got {value!r}", *path, "value")
        ok = False
    elif ok and value > _MAX_VALUE[unit]:
        reader.problem(f"{where}.value {value} {unit} is implausibly long (at most {_MAX_VALUE[unit]})",
                       *path, "value")
        ok = False
    return Period(value, unit) if ok else None


def _read_citations(reader: Reader, *path: object) -> tuple[Citation, ...]:
    raw = reader.get(*path)
    where = ".".join(str(p) for p in path)
    if not isinstance(raw, list) or not raw:
        reader.problem(f"{where} must be a non-empty list: every rule cites the article that sets it", *path)
        return ()
    citations: list[Citation] = []
    for i, _ in enumerate(raw):
        if reader.mapping(*path, i, allowed=("law", "article", "quote"),
                          required=("law", "article", "quote")) is None:
            continue
        law = reader.text(*path, i, "law")
        try:
            article = ArticleNumber.parse(reader.get(*path, i, "article"))
        except ValueError as exc:
            reader.problem(f"{where}[{i}].article: {exc} (write 20 or \"133之1\")", *path, i, "article")
            continue
        quote = reader.text(*path, i, "quote") if reader.get(*path, i, "quote") is not None else None
        if law and quote:
            citations.append(Citation(law, article, quote, reader.doc.line(*path, i)))
    return tuple(citations)


def _read_rule(reader: Reader, index: int, family: str) -> DeadlineRule | None:
    at = ("rules", index)
    before = len(reader.problems)
    if reader.mapping(*at, allowed=RULE_FIELDS, required=REQUIRED_RULE_FIELDS) is None:
        return None

    def present(name: str) -> bool:  # absent required fields were reported by mapping() already
        return reader.get(*at, name) is not None

    rule_id = reader.text(*at, "id") if present("id") else None
    if rule_id is not None:
        if not _ID.match(rule_id):
            reader.problem(f"rule id '{rule_id}' must look like family.name (lower-case letters, digits, "
                           "hyphens)", *at, "id")
        elif not rule_id.startswith(family + "."):
            reader.problem(f"rule id '{rule_id}' must start with '{family}.' (the file name)", *at, "id")
    name = reader.local_text(*at, "name") if present("name") else None
    start = reader.local_text(*at, "start") if present("start") else None
    period = _read_period(reader, *at, "period") if present("period") else None
    actor = reader.get(*at, "actor")
    if present("actor") and actor not in ACTORS:
        reader.problem(f"actor must be one of {', '.join(ACTORS)} (who must act by the deadline), got {actor!r}",
                       *at, "actor")
    counting = reader.text(*at, "counting") if present("counting") else None
    if counting is not None and counting not in METHODS:
        hint = closest(counting, METHODS, limit=1)
        reader.problem(f"unknown counting method '{counting}' (one of: {', '.join(METHODS)})"
                       + (f"; did you mean '{hint[0]}'?" if hint else ""), *at, "counting")
    extension: Extension | None = None
    if reader.get(*at, "extension") is not None:
        if reader.mapping(*at, "extension", allowed=("period", "condition"), required=("condition",)) is not None:
            condition = reader.local_text(*at, "extension", "condition")
            ext_period = (_read_period(reader, *at, "extension", "period")
                          if reader.get(*at, "extension", "period") is not None else None)
            if condition is not None:
                extension = Extension(condition, ext_period)
    note = reader.local_text(*at, "note") if reader.get(*at, "note") is not None else None
    citations = _read_citations(reader, *at, "citations") if present("citations") else ()
    if len(reader.problems) > before or None in (rule_id, name, start, period, counting) or actor not in ACTORS:
        return None
    assert rule_id and name and start and period and counting  # for the type checker
    return DeadlineRule(rule_id, name, period, start, actor, counting, citations, extension, note,
                        reader.doc.path, reader.doc.line(*at))


def read_rule_file(path: Path) -> tuple[list[DeadlineRule], list[Problem]]:
    """Read one rule file and check its schema (not yet its citations)."""
    reader, problems = open_mapping(path, ("rules",), ("rules",))
    if reader is None:
        return [], problems
    raw = reader.get("rules")
    if not isinstance(raw, list) or not raw:
        reader.problem("rules must be a non-empty list of rules (lines starting with '- ')", "rules")
        return [], problems + reader.problems
    rules = [rule for i, _ in enumerate(raw) if (rule := _read_rule(reader, i, path.stem)) is not None]
    return rules, problems + reader.problems


def check_rule(rule: DeadlineRule, laws: Mapping[str, Law]) -> list[Problem]:
    """Every cross-reference problem of one rule: citations, quotes, and figures backed by quotes."""
    problems: list[Problem] = []
    for citation in rule.citations:
        problems += check_citation(citation, laws, rule.path)
    backed: set[Figure] = set()
    for citation in rule.citations:
        backed |= figures_in(citation.quote or "")
    if rule.period.figure not in backed:
        problems.append(Problem(rule.path, rule.line,
                                f"rule '{rule.id}': the period {rule.period.label('en')} does not appear in any "
                                "citation quote (quote the words of the statute that set it)"))
    if rule.extension is not None and rule.extension.period is not None \
            and rule.extension.period.figure not in backed:
        problems.append(Problem(rule.path, rule.line,
                                f"rule '{rule.id}': the extension {rule.extension.period.label('en')} does not "
                                "appear in any citation quote"))
    stated: set[Figure] = set()
    texts = [rule.name, rule.start] + [t for t in (rule.note,) if t is not None]
    if rule.extension is not None:
        texts.append(rule.extension.condition)
    for text in texts:
        stated |= figures_in(text.zh) | figures_in(text.en)
    missing = stated - backed
    if missing:
        problems.append(Problem(rule.path, rule.line,
                                f"rule '{rule.id}': figures stated without a verbatim quote that contains them: "
                                + ", ".join(str(f) for f in sorted(missing))))
    return problems


def check_methods(used: Iterable[str], laws: Mapping[str, Law], root: Path) -> list[Problem]:
    """The counting provisions of the methods in use are still verbatim in the statute texts."""
    problems: list[Problem] = []
    for method_id in sorted(set(used)):
        method = METHODS.get(method_id)
        if method is None:
            continue
        for citation in method_citations(method):
            law = laws.get(citation.law)
            article = law.article(citation.article) if law else None
            where = str(root / "laws" / f"{citation.law}.md")
            for problem in check_citation(citation, laws, where):
                problems.append(Problem(problem.path, article.line if article else 0,
                                        f"counting method '{method_id}' (rightsbot/deadlines/counting.py): "
                                        + problem.message))
    return problems


def read_rules(folder: Path, laws: Mapping[str, Law]) -> tuple[dict[str, DeadlineRule], list[Problem]]:
    """Read and fully check every rule file in ``folder``; rules by id, in file order."""
    rules: dict[str, DeadlineRule] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return rules, [Problem(str(folder), 0, "deadline rule folder not found")]
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    if not files:
        problems.append(Problem(str(folder), 0, "no deadline rule files (deadlines/<family>.yaml)"))
    for path in files:
        found_rules, found = read_rule_file(path)
        problems += found
        for rule in found_rules:
            if rule.id in rules:
                problems.append(Problem(rule.path, rule.line,
                                        f"duplicate rule id '{rule.id}' (also in {rules[rule.id].path})"))
                continue
            rules[rule.id] = rule
            problems += check_rule(rule, laws)
    problems += check_methods((r.counting for r in rules.values()), laws, folder.parent)
    return rules, problems
