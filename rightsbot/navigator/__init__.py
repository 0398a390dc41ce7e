"""The navigator: a short guided interview that tells a person which routes are open to them.

* :mod:`.model`    typed, frozen objects: the flow as authored, and an interview's state and result
* :mod:`.flows`    read and check ``content/flows/*.yaml`` (schema, paths, references, figures)
* :mod:`.engine`   the state machine: ``start() → Ask``; ``answer(state, value) → Ask | Result``
* :mod:`.render`   deterministic text (zh / en) and JSON
* :mod:`.strings`  every user-facing string, zh and en

The core of ``rightsbot guide`` and of the TUI's guide screen. Imports nothing from textual,
writes nothing, and keeps no answer: answers live only in the State objects the caller holds.
"""

from .engine import AnswerError, Navigator, UnknownFlowError, load_navigator
from .flows import check_flow_content, load_flows, read_flows
from .model import Ask, Flow, Result, RouteResult, State
from .render import ask_text, emergency_text, result_json, result_text

__all__ = ["AnswerError", "Ask", "Flow", "Navigator", "Result", "RouteResult", "State", "UnknownFlowError",
           "ask_text", "check_flow_content", "emergency_text", "load_flows", "load_navigator", "read_flows",
           "result_json", "result_text"]
