"""``rightsbot guide``: a short guided interview that shows which routes are open.

Interactive by default: numbered questions on the terminal, answers read with ``input()``
(type ``b`` to go back; Ctrl-D or Ctrl-C stops, and nothing is kept). ``--answers FILE``
(YAML or JSON, ``question id: answer``; ``-`` for stdin) runs it without prompting, for
scripts; a missing or unusable answer is a usage error (exit 2). ``--json`` prints the
result as JSON. Answers in the file for questions the path does not ask are ignored;
names that are no question at all are an error (a typo would otherwise vanish). The
answers live only in this process's memory: nothing is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any, TextIO

import yaml

from rightsbot.core.model import LocalText
from rightsbot.navigator import AnswerError, Ask, Navigator, Result, UnknownFlowError, load_navigator
from rightsbot.navigator.engine import BACK_WORDS
from rightsbot.navigator.render import ask_text, emergency_text, result_json, result_text
from rightsbot.navigator.strings import STRINGS, local

from .context import EXIT_OK, EXIT_USAGE, Context

#: Exit code after Ctrl-C, as a shell reports a process stopped by SIGINT.
EXIT_INTERRUPTED = 130
_SEPARATOR = "\n\n" + "-" * 40 + "\n\n"


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``guide`` subcommand."""
    parser = sub.add_parser(
        "guide", help="a short guided interview: which routes are open / 维权途径指引",
        description="Answer a few questions; see the routes open to you, in order, with the body, the "
                    "deadline from your date, the cost, what to bring and the entry to read. Nothing you "
                    "answer is saved. / 回答几个问题，看看可以走哪些途径：找谁、期限、费用、带什么。"
                    "你的回答不会保存。")
    parser.add_argument("--answers", metavar="FILE",
                        help="answer from a YAML or JSON file mapping question id to answer (- for stdin) "
                             "instead of asking / 从文件读取答案")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--flow", metavar="ID", help="which interview to run (default: triage)")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)  # for tests
    parser.set_defaults(run=run)


class _Voice:
    """Prints to the person in the chosen language(s); prompts go to stderr when stdout carries JSON."""

    def __init__(self, langs: list[str], stream: TextIO):
        self.langs = langs
        self.stream = stream

    def say(self, text: LocalText | str = "") -> None:
        """Print ``text`` (each chosen language of a LocalText on its own line) and flush."""
        if isinstance(text, LocalText):
            for lang in self.langs:
                print(text.get(lang), file=self.stream)
        else:
            print(text, file=self.stream)
        self.stream.flush()

    def err(self, text: LocalText) -> None:
        """Print an error message to stderr, in each chosen language."""
        for lang in self.langs:
            print(text.get(lang), file=sys.stderr)


def _read_answers(source: str) -> tuple[dict[str, Any] | None, LocalText | None]:
    """The answers file as a mapping, or the message saying why it cannot be used.

    Read with YAML's base loader, so every value stays text as typed (``yes`` is not a boolean,
    ``2026-02-30`` reaches the date check and gets its precise message).
    """
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, local("answers.unreadable", path=source, reason="not UTF-8 text")
    except OSError as exc:
        return None, local("answers.unreadable", path=source, reason=exc.strerror or type(exc).__name__)
    try:
        data = yaml.load(text, Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds only str/list/dict
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        return None, local("answers.unreadable", path=source, reason=where + str(getattr(exc, "problem", "") or exc))
    if not isinstance(data, dict):
        return None, local("answers.not_mapping")
    return {str(key): value for key, value in data.items()}, None


def _scripted(nav: Navigator, source: str, voice: _Voice) -> Result | int:
    answers, problem = _read_answers(source)
    if answers is None:
        assert problem is not None
        voice.err(problem)
        return EXIT_USAGE
    unknown = sorted(set(answers) - set(nav.flow.questions))
    if unknown:
        voice.err(local("answers.unknown", ids=", ".join(unknown), known=", ".join(nav.flow.questions)))
        return EXIT_USAGE
    step: Ask | Result = nav.start()
    while not isinstance(step, Result):
        question = step.question
        if question.id not in answers:
            voice.err(local("answers.missing", id=question.id, text=question.text))
            return EXIT_USAGE
        try:
            step = nav.answer(step.state, answers[question.id])
        except AnswerError as error:
            voice.err(local("answers.bad", id=question.id, message=error.message))
            return EXIT_USAGE
    return step


def _interactive(nav: Navigator, voice: _Voice) -> Result | int:
    """Ask on the terminal until the result; Ctrl-D (exit 0) or Ctrl-C (exit 130) at any moment
    stops with one calm line and no traceback."""
    reconfigure = getattr(sys.stdin, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")  # undecodable bytes become U+FFFD instead of an exception
    try:
        return _ask_until_result(nav, voice)
    except EOFError:
        code = EXIT_OK
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
    voice.say()
    voice.say(STRINGS["ask.stopped"])
    return code


def _ask_until_result(nav: Navigator, voice: _Voice) -> Result:
    voice.say(nav.flow.title)
    voice.say(nav.flow.intro)
    voice.say(STRINGS["ask.controls"])
    step: Ask | Result = nav.start()
    warned = False
    while not isinstance(step, Result):
        if step.emergency is not None and not warned:
            voice.say()
            for lang in voice.langs:
                voice.say(emergency_text(step, lang))
            warned = True
        voice.say()
        voice.say(ask_text(step, voice.langs))
        voice.stream.write("> ")
        voice.stream.flush()
        raw = input()
        if not raw.strip():
            continue
        if raw.strip().casefold() in BACK_WORDS:
            if not step.state.answers:
                voice.say(STRINGS["ask.first"])
            step = nav.back(step.state)
            continue
        try:
            step = nav.answer(step.state, raw)
        except AnswerError as error:
            voice.say(error.message)
    voice.say()
    return step


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Run the interview (asking, or from --answers) and print the result; bad input exits 2."""
    langs = [ctx.lang] if ctx.lang in ("zh", "en") else ["zh", "en"]
    voice = _Voice(langs, sys.stderr if args.json else sys.stdout)
    today = dt.date.today()
    if args.today is not None:
        try:
            today = dt.date.fromisoformat(args.today.strip())
        except ValueError:
            voice.err(STRINGS["error.bad_today"])
            return EXIT_USAGE
    try:
        nav = load_navigator(ctx.content_dir, flow_id=args.flow, today=today, kb=ctx.kb)
    except UnknownFlowError as error:
        voice.err(error.message)
        return EXIT_USAGE
    outcome = _scripted(nav, args.answers, voice) if args.answers is not None else _interactive(nav, voice)
    if not isinstance(outcome, Result):
        return outcome
    if args.json:
        ctx.json(result_json(outcome))
    else:
        ctx.out(_SEPARATOR.join(result_text(outcome, lang) for lang in langs))
    return EXIT_OK
