"""Search benchmark: quality against two baselines, latency, index build, cold start, scale.

Run ``python benchmarks/search.py`` (prints a Markdown report; ``--write`` also replaces the
``## Search`` section of ``benchmarks/RESULTS.md``). On the same question sets in one run:

* top-1 / top-3 / out-of-scope rejection of rightsbot, of (a) rapidfuzz WRatio over the raw
  strings and (b) BM25 over jieba words (each baseline's abstention threshold chosen on
  the dev sets, like rightsbot's), on the dev, dev2, dev3, dev4 and held-out test sets; crisis
  recall and false positives on every set, the crisis sets included;
* per-query p50/p99 in-process and the index build time;
* ``rightsbot ask --json QUESTION`` cold-start wall time and peak RSS (``/usr/bin/time -v``);
* p50/p99 at 1k, 10k and 100k indexed phrasings (the knowledge base copied with perturbed
  text, so the vocabulary grows as a real one would).

It is a script, not a test: it prints figures and judges nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rightsbot.core.loader import default_content_dir, read_content  # noqa: E402
from rightsbot.core.model import KnowledgeBase, LocalList, LocalText  # noqa: E402
from rightsbot.search import SearchIndex  # noqa: E402
from rightsbot.search.bm25 import BM25  # noqa: E402
from rightsbot.search.engine import Hit, SearchResult  # noqa: E402
from rightsbot.search.evaluate import LabelledQuestion, Quality, load_questions, measure  # noqa: E402

DATA = ROOT / "tests" / "data"
COLD_QUESTION = "老板欠我三个月工资不给"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


# -- baselines -----------------------------------------------------------------------

def _phrasings(kb: KnowledgeBase) -> list[tuple[int, str]]:
    out = []
    for index, entry in enumerate(kb.entries.values()):
        for text in (entry.title.zh, entry.title.en, *entry.questions.all(), *entry.keywords.all()):
            out.append((index, text))
    return out


class Baseline:
    """A ranker that gives (entry index, score) best first; abstains below a threshold."""

    threshold = 0.0

    def __init__(self, kb: KnowledgeBase):
        self.ids = list(kb.entries)
        self._ranked: dict[str, list[tuple[int, float]]] = {}

    def rank(self, question: str) -> list[tuple[int, float]]:  # pragma: no cover - interface
        raise NotImplementedError

    def search(self, question: str) -> SearchResult:
        if question not in self._ranked:
            self._ranked[question] = self.rank(question)[:5]
        ranked = self._ranked[question]
        hits = tuple(Hit(self.ids[i], max(0.0, min(1.0, s))) for i, s in ranked)
        abstained = not hits or hits[0].score < self.threshold
        return SearchResult(question, "zh", hits, abstained, False)

    def calibrate(self, questions: list[LabelledQuestion]) -> None:
        """Pick the threshold that maximises top-1 + OOS rejection on the dev set."""
        best = (-1.0, 0.0)
        for step in range(0, 101):
            self.threshold = step / 100
            q = measure(self.search, questions)
            best = max(best, (q.top1 + q.oos_rejected, self.threshold))
        self.threshold = best[1]


class FuzzBaseline(Baseline):
    """(a) rapidfuzz WRatio of the raw question against every phrasing; entry = its best."""

    def __init__(self, kb: KnowledgeBase):
        super().__init__(kb)
        self.phrasings = _phrasings(kb)

    def rank(self, question: str) -> list[tuple[int, float]]:
        from rapidfuzz import fuzz, process

        best: dict[int, float] = {}
        texts = [t for _, t in self.phrasings]
        for _, score, position in process.extract(question, texts, scorer=fuzz.WRatio, limit=None):
            owner = self.phrasings[position][0]
            best[owner] = max(best.get(owner, 0.0), score / 100)
        return sorted(best.items(), key=lambda kv: -kv[1])


class JiebaBM25Baseline(Baseline):
    """(b) BM25 over jieba search-mode words of title, questions and keywords (no
    normalisation, no synonyms); confidence = score / the query's own ceiling."""

    def __init__(self, kb: KnowledgeBase):
        super().__init__(kb)
        from rightsbot.search.segment import base_dictionary

        blocked = sys.modules.get("pkg_resources", ...)
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # no pkg_resources import
        try:
            import jieba
        finally:
            if blocked is ...:
                del sys.modules["pkg_resources"]
        jieba.setLogLevel(60)
        tokenizer = jieba.Tokenizer()
        freq, total = base_dictionary()
        lfreq: dict[str, int] = {}
        for word, count in freq.items():
            lfreq[word] = int(count)
            for i in range(1, len(word)):
                lfreq.setdefault(word[:i], 0)
        tokenizer.FREQ, tokenizer.total, tokenizer.initialized = lfreq, total, True  # no cache file
        self.tokenizer = tokenizer
        docs = [Counter() for _ in self.ids]
        for index, text in _phrasings(kb):
            docs[index].update(self.words(text))
        self.bm25 = BM25(docs)

    def words(self, text: str) -> list[str]:
        return [w.lower() for w in self.tokenizer.lcut_for_search(text) if w.strip() and re.search(r"\w", w)]

    def rank(self, question: str) -> list[tuple[int, float]]:
        terms = self.words(question)
        if not terms:
            return []
        scores = self.bm25.scores(terms)
        ceiling = sum(self.bm25.idf.get(t, self.bm25.max_idf) * (self.bm25.k1 + 1) / 2 for t in set(terms))
        return sorted(((i, s / ceiling) for i, s in scores.items()), key=lambda kv: -kv[1])


# -- figures -------------------------------------------------------------------------

def quality_row(name: str, search, *question_sets: list[LabelledQuestion]) -> str:
    figures: list[Quality] = [measure(search, questions) for questions in question_sets]

    def cell(field: str) -> str:
        return " / ".join(f"{getattr(q, field):.3f}" for q in figures)

    return (f"| {name} | {cell('top1')} | {cell('top3')} | {cell('shown_top3')} | {cell('oos_rejected')} | "
            f"{cell('false_abstention')} |")


def latency(index: SearchIndex, questions: list[str], rounds: int = 3) -> tuple[float, float]:
    return latency_of(index.search, questions, rounds)


def latency_of(search, questions: list[str], rounds: int = 3) -> tuple[float, float]:
    """p50 and p99 in milliseconds of ``search`` over ``questions`` (after one warm-up pass)."""
    for q in questions:
        search(q)  # warm: lazy tables
    times = []
    for _ in range(rounds):
        for q in questions:
            start = time.perf_counter()
            search(q)
            times.append(time.perf_counter() - start)
    return percentile(times, 0.5) * 1000, percentile(times, 0.99) * 1000


def cold_start(runs: int = 9, command: list[str] | None = None) -> tuple[float, float, float]:
    """Median wall time and peak RSS of ``rightsbot ask --json``, as a user runs it (or of
    ``command``, the same way, for a baseline)."""
    walls, rss = [], []
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    command = command or [sys.executable, "-m", "rightsbot", "ask", "--json", COLD_QUESTION]
    for _ in range(runs):
        proc = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True, env=env, cwd="/tmp")
        report = proc.stderr
        wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+(?:\.\d+)?)$", report, re.M)
        peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
        if wall and peak:
            walls.append(int(wall.group(1) or 0) * 60 + float(wall.group(2)))
            rss.append(int(peak.group(1)) / 1024)
    return statistics.median(walls), max(walls), max(rss)


def snapshot_in_use() -> bool:
    """Whether the measured ``rightsbot`` (the one ``python -m rightsbot`` runs from /tmp) is an
    installed wheel whose content snapshot matches its content (see ``core/snapshot.py``)."""
    code = ("from rightsbot.core.loader import default_content_dir\n"
            "from rightsbot.core.snapshot import shipped\n"
            "print(shipped(default_content_dir()) is not None)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/tmp")
    return proc.stdout.strip() == "True"


def synthetic_kb(kb: KnowledgeBase, phrasings: int, seed: int = 1) -> KnowledgeBase:
    """The knowledge base copied until it holds about ``phrasings`` example questions and
    keywords, each copy's text perturbed (characters and words swapped for others)."""
    rnd = random.Random(seed)
    entries = list(kb.entries.values())
    per_entry = statistics.mean(len(e.questions.all()) + len(e.keywords.all()) + 2 for e in entries)
    copies = max(1, round(phrasings / per_entry / len(entries)))
    pool = [chr(c) for c in range(0x4E00, 0x9FA5)]
    words = "alpha river stone maple signal harbor copper lantern meadow velvet orbit summit".split()

    def perturb(text: str) -> str:
        chars = list(text)
        for _ in range(max(1, len(chars) // 6)):
            i = rnd.randrange(len(chars))
            if "\u4e00" <= chars[i] <= "\u9fff":
                chars[i] = rnd.choice(pool)
        out = "".join(chars)
        if out.isascii():
            out += " " + rnd.choice(words) + str(rnd.randrange(1000))
        return out

    def local_list(values: LocalList) -> LocalList:
        return LocalList(tuple(perturb(v) for v in values.zh), tuple(perturb(v) for v in values.en))

    new: dict = dict(kb.entries)
    for copy in range(1, copies):
        for entry in entries:
            entry_id = f"{entry.id}-{copy}"
            new[entry_id] = dataclasses.replace(
                entry, id=entry_id, title=LocalText(perturb(entry.title.zh), perturb(entry.title.en)),
                questions=local_list(entry.questions), keywords=local_list(entry.keywords))
    return dataclasses.replace(kb, entries=new)


def main() -> str:
    kb, problems = read_content(default_content_dir())
    assert kb is not None and not problems, problems
    dev = load_questions(DATA / "questions-dev.yaml")
    dev2 = load_questions(DATA / "questions-dev2.yaml")
    dev3 = load_questions(DATA / "questions-dev3.yaml")
    dev4 = load_questions(DATA / "questions-dev4.yaml")
    oos_dev = load_questions(DATA / "questions-oos-dev.yaml")
    test = load_questions(DATA / "questions-test.yaml")
    crisis_dev = (load_questions(DATA / "questions-crisis-dev.yaml") + load_questions(DATA / "questions-crisis-dev2.yaml")
                  + load_questions(DATA / "questions-crisis-dev3.yaml"))
    crisis_test = load_questions(DATA / "questions-crisis-test.yaml")
    tuning = dev + dev2 + dev3 + dev4 + oos_dev
    lines: list[str] = []
    out = lines.append

    first_start = time.perf_counter()
    index = SearchIndex(kb)
    first_build = (time.perf_counter() - first_start) * 1000
    builds = []
    for _ in range(5):
        start = time.perf_counter()
        SearchIndex(kb)
        builds.append((time.perf_counter() - start) * 1000)

    fuzz_baseline = FuzzBaseline(kb)
    fuzz_baseline.calibrate(tuning)
    jieba_baseline = JiebaBM25Baseline(kb)
    jieba_baseline.calibrate(tuning)

    out("## Search")
    out("")
    out(f"Run {dt.date.today().isoformat()} on {platform.node() or 'this machine'}: {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()} {platform.machine()}. "
        f"`python benchmarks/search.py` ({len(kb.entries)} entries; tuning sets dev {len(dev)} / dev2 {len(dev2)} / "
        f"dev3 {len(dev3)} / dev4 {len(dev4)} / oos-dev {len(oos_dev)} / crisis-dev 1-3 {len(crisis_dev)}, held-out test {len(test)} / crisis-test {len(crisis_test)} "
        f"questions; every knob, weight and threshold fitted on the tuning sets only). "
        f"Load average at start {os.getloadavg()[0]:.2f} (timings on a shared machine are noisy).")
    out("")
    out("### Quality (dev / dev2 / dev3 / dev4 / test)")
    out("")
    out("top-1 and top-3 count an abstention as a miss; \"top-3 shown\" counts the first three topics "
        "shown, as answers or, when the search abstains, as the closest topics it offers.")
    out("")
    out("| ranker | top-1 | top-3 | top-3 shown | out-of-scope rejected | false abstention |")
    out("| --- | --- | --- | --- | --- | --- |")
    out(quality_row("rightsbot", index.search, dev, dev2, dev3, dev4, test))
    out(quality_row(f"(a) rapidfuzz WRatio, raw strings (threshold {fuzz_baseline.threshold:.2f})",
                    fuzz_baseline.search, dev, dev2, dev3, dev4, test))
    out(quality_row(f"(b) BM25 over jieba words (threshold {jieba_baseline.threshold:.2f})",
                    jieba_baseline.search, dev, dev2, dev3, dev4, test))
    out("")
    crisis = []
    for name, questions in (("dev", dev), ("dev2", dev2), ("dev3", dev3), ("dev4", dev4), ("crisis-dev 1-3", crisis_dev),
                            ("test", test), ("crisis-test", crisis_test)):
        q = measure(index.search, questions)
        crisis.append(f"{name} recall {q.crisis_recall:.2f}, false positives {q.crisis_false_positives}")
    out(f"rightsbot out-of-scope tuning set: rejected {measure(index.search, oos_dev).oos_rejected:.3f}.")
    out("")
    out("rightsbot crisis: " + "; ".join(crisis) + ".")
    out("")
    out("### Speed")
    out("")
    questions = [item.q for item in dev + dev2 + dev3 + dev4 + test]
    p50, p99 = latency(index, questions)
    fuzz50, fuzz99 = latency_of(fuzz_baseline.rank, questions, rounds=1)  # rank: search caches
    jieba50, jieba99 = latency_of(jieba_baseline.rank, questions, rounds=1)
    wall, wall_max, rss = cold_start()
    bare_wall, _, bare_rss = cold_start(command=[sys.executable, "-c", "pass"])
    out("Ratios compare with baselines measured in this same run: the two rankers above for "
        "per-query time, and a bare `python -c pass` for cold start and memory.")
    out("")
    out("| measure | value | ratio to baseline | target |")
    out("| --- | --- | --- | --- |")
    out(f"| per-query p50 / p99, shipped KB ({len(questions)} questions x3) | {p50:.2f} / {p99:.2f} ms | "
        f"{p50 / fuzz50:.2f}x / {p99 / fuzz99:.2f}x of (a) ({fuzz50:.2f} / {fuzz99:.2f} ms); "
        f"{p50 / jieba50:.2f}x / {p99 / jieba99:.2f}x of (b) ({jieba50:.2f} / {jieba99:.2f} ms) | p99 <= 5 ms |")
    out(f"| index build (first in the process, with lazy imports and tables / warm median) | {first_build:.0f} / "
        f"{statistics.median(builds):.0f} ms | | |")
    how = "installed wheel, content snapshot used" if snapshot_in_use() else "source checkout: content folder read"
    out(f"| `rightsbot ask --json` cold start ({how}), wall (median / max of 9) | {wall:.2f} / {wall_max:.2f} s | "
        f"{wall / bare_wall:.1f}x of `python -c pass` ({bare_wall:.2f} s) | <= 0.5 s |")
    out(f"| `rightsbot ask --json` peak RSS | {rss:.0f} MB | {rss / bare_rss:.1f}x of `python -c pass` "
        f"({bare_rss:.0f} MB) | <= 120 MB |")
    sample = random.Random(3).sample(questions, 200)
    for size in (1_000, 10_000, 100_000):
        big = synthetic_kb(kb, size)
        count = sum(len(e.questions.all()) + len(e.keywords.all()) + 2 for e in big.entries.values())
        start = time.perf_counter()
        big_index = SearchIndex(big)
        build = time.perf_counter() - start
        p50, p99 = latency(big_index, sample, rounds=2)
        target = "p99 <= 20 ms" if size == 100_000 else ""
        out(f"| p50 / p99 at {count:,} indexed phrasings ({len(big.entries):,} entries; build {build:.1f} s) | "
            f"{p50:.2f} / {p99:.2f} ms | | {target} |")
    out("")
    return "\n".join(lines) + "\n"


def write_results(section: str) -> None:
    path = ROOT / "benchmarks" / "RESULTS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    pattern = re.compile(r"^## Search\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    report = main()
    print(report)
    if "--write" in sys.argv:
        write_results(report)
