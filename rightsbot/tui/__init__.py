"""The Textual face of rightsbot: the only package that imports textual.

Layout (after posting, toolong and harlequin):

* ``app.py``         the application: state, bindings, language, the screen registry in use
* ``hardened.py``    the privacy-hardened ``App`` base (no screenshots, files, stray copies)
* ``registry.py``    the commands and screens the app offers (add new screens here)
* ``commands.py``    the command palette provider built from the registry
* ``session.py``     the conversation, kept in memory only
* ``messages.py``    the small message dataclasses widgets post to the app
* ``strings.py``     the UI's own bilingual strings (``tr``)
* ``cjk.py``         line breaking for Chinese text
* ``screens/``       one module per screen
* ``widgets/``       widgets grouped by area: ``chrome`` (header, key bar, inputs),
  ``conversation`` (cards, banner, links, side panel), ``law`` (article view)
* ``styles/``        the ``.tcss`` style sheets
"""
