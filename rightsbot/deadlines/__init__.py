"""Statutory deadline arithmetic: rules from content, holidays from the official schedule.

* :mod:`.model`     typed, frozen objects (rules, periods, days, steps, results)
* :mod:`.rules`     read and check ``content/deadlines/*.yaml``
* :mod:`.calendar`  statutory rest days (content schedules, chinesecalendar, weekends)
* :mod:`.counting`  how each law says periods are counted, with citations
* :mod:`.compute`   the arithmetic, step by step; start-date parsing
* :mod:`.content`   load all of the above from a content folder
* :mod:`.render`    text and JSON
* :mod:`.strings`   every user-facing string, zh and en

Imports nothing from textual, writes nothing, opens nothing but content files.
"""

from .compute import DeadlineInputError, compute, parse_start
from .content import DeadlineContent, check_deadline_content, load_deadline_content, read_deadline_content

__all__ = ["DeadlineContent", "DeadlineInputError", "check_deadline_content", "compute",
           "load_deadline_content", "parse_start", "read_deadline_content"]
