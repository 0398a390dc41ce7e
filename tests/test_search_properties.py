"""Property tests: the search accepts any string and always returns a valid, bounded,
deterministic result."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rightsbot.core.loader import default_content_dir, read_content
from rightsbot.core.text import MAX_QUESTION_CHARS
from rightsbot.search import SearchIndex, SearchResult
from rightsbot.search.engine import MAX_HITS

_KB, _ = read_content(default_content_dir())
INDEX = SearchIndex(_KB)
IDS = set(_KB.entries)

_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_PIECES = st.sampled_from(["工资", "信訪", "复议", "民告官", "laoban", "gongzi", "wage", "court", "救命",
                           "12315", "60天", "！", "?", " ", "\n", "\t", "\x00", "\u200b", "\U0001F600", "\ud800"])
_MIXED = st.lists(st.one_of(_PIECES, st.text(_CJK, max_size=5), st.text(max_size=5)), max_size=30).map("".join)


def _valid(result: SearchResult) -> None:
    assert isinstance(result, SearchResult)
    assert len(result.hits) <= MAX_HITS
    assert all(h.entry_id in IDS for h in result.hits)
    assert len({h.entry_id for h in result.hits}) == len(result.hits)
    assert all(0.0 <= h.score <= 1.0 for h in result.hits)
    assert result.lang in ("zh", "en")
    assert isinstance(result.abstained, bool) and isinstance(result.crisis, bool)
    assert len(result.query) <= MAX_QUESTION_CHARS
    if result.crisis:
        assert result.hits[0].entry_id == "safety.emergency" and not result.abstained
    if not result.hits:
        assert result.abstained


@settings(database=None, max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_valid_result(text: str) -> None:
    _valid(INDEX.search(text))


@settings(database=None, max_examples=300, deadline=None)
@given(_MIXED)
def test_mixed_scripts_give_a_valid_deterministic_result(text: str) -> None:
    first = INDEX.search(text)
    _valid(first)
    assert INDEX.search(text) == first


@settings(database=None, max_examples=50, deadline=None)
@given(st.text(max_size=100))
def test_a_fresh_index_gives_the_same_result(text: str) -> None:
    assert SearchIndex(_KB).search(text) == INDEX.search(text)


@pytest.mark.parametrize("text", [
    "", " ", "\t\n  \r", "\x00\x01\x1b[31m", "\u200b\u200e\ufeff", "🙂" * 50, "😀🔥💯",
    "工资" * 50_000, "a" * 100_000, ("我的老板欠我工资。" * 12_000)[:100_000], "\ud800\udc00\udfff",
    "上訪 wage 复議 laoban 🙂 ١٢٣ абв", "0" * 5000, "...???!!!", "ｆｕｌｌｗｉｄｔｈ　ｔｅｘｔ",
])
def test_edge_cases_never_crash(text: str) -> None:
    result = INDEX.search(text)
    _valid(result)
    if not text.strip() or not any(ch.isalnum() for ch in text):
        assert result.abstained


def test_long_input_is_truncated() -> None:
    result = INDEX.search("工资" * 50_000)
    assert result.truncated
