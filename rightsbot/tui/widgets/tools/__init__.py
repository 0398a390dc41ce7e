"""The tools' widgets: the deadline calculator and the guided triage (navigator).

* ``text.py``      :class:`LiveText`, a static text re-rendered from a function on each language toggle
* ``links.py``     focusable links: an article with its quote, an entry, an action in the app
* ``inputs.py``    the date box (several ways of writing a date) and the choice / multi-choice lists
* ``deadline.py``  a computed deadline: last day, who acts, calendar, notice, every step with its law
* ``guide.py``     the navigator's emergency block and its result: routes open, closed, how they interact
* ``memory.py``    leaving a tool screen leaves nothing behind in the app
"""
