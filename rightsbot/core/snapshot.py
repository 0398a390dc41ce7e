"""A checked copy of the shipped knowledge base, made when the wheel is built, so that a
one-question run need not read and check ninety files again.

Reading the content folder (47 entry files, 41 statutes) and checking every citation and
quote is about a third of a cold ``rightsbot ask``. The result depends only on the bytes of
the content folder and on the code of :mod:`rightsbot.core`, so the wheel build
(``hatch_build.py``) loads the content once, with every check an author runs, and stores
the knowledge base beside it as ``rightsbot/_content.snapshot``: a header line with a
fingerprint of those bytes and that code, then the pickled objects.

At run time the snapshot is used only for the package's own content folder, only when its
fingerprint matches the files as they are now (an edited file, or edited core code, means
the folder is read and checked as before), and never for a folder given with ``--content``.
It is read from the installed package, like the code beside it, and unpickled by an
unpickler that builds nothing but the content model's own classes and dates; nothing is
written at run time. A source checkout has no snapshot and always reads the folder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import pickle
import sys
from importlib import resources
from pathlib import Path

from .errors import ContentError
from .model import KnowledgeBase

SNAPSHOT_FILE = "_content.snapshot"
"""Its name inside the installed ``rightsbot`` package, beside ``_content``."""
MAGIC = b"rightsbot-content-snapshot"
"""First word of the header line, so another file is never unpickled by mistake."""
FORMAT = "1"
"""Bumped when the snapshot's layout changes."""


CONTENT_MODULES = ("rightsbot.core.model", "rightsbot.core.laws")
"""The modules whose dataclasses a snapshot may hold (their source is in the fingerprint)."""


class ContentUnpickler(pickle.Unpickler):
    """Builds only the content model's dataclasses and dates: any other class or function
    named in the data is refused, so even a damaged or altered file cannot run code."""

    def find_class(self, module: str, name: str) -> type:
        """The class ``module.name`` if it is content; raises UnpicklingError otherwise."""
        if (module, name) == ("datetime", "date"):
            return dt.date
        found = getattr(sys.modules.get(module), name, None) if module in CONTENT_MODULES else None
        if isinstance(found, type) and dataclasses.is_dataclass(found):
            return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of the content model")


def fingerprint(root: Path) -> str:
    """A digest of every file of the content folder (name and bytes) and of the source of
    :mod:`rightsbot.core`, which decides what those bytes become."""
    digest = hashlib.sha256(FORMAT.encode())
    core = Path(__file__).parent
    for folder, files in ((root, sorted(p for p in root.rglob("*") if p.is_file())),
                          (core, sorted(core.glob("*.py")))):
        for path in files:
            digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        digest.update(b"\x1e")  # the content's files end here, the code's begin
    return digest.hexdigest()


def dump(root: Path) -> bytes:
    """The snapshot of the content folder ``root``: loaded with every author's check, and
    refused (ContentError) if any check fails. Paths are stored relative to ``root``."""
    from .loader import read_content

    root = Path(root)
    kb, problems = read_content(root, authoring_checks=True)
    if problems or kb is None:
        raise ContentError(problems)
    entries = {eid: dataclasses.replace(e, path=Path(e.path).relative_to(root).as_posix())
               for eid, e in kb.entries.items()}
    portable = dataclasses.replace(kb, root="", entries=entries)
    header = b" ".join((MAGIC, FORMAT.encode(), fingerprint(root).encode())) + b"\n"
    return header + pickle.dumps(portable, protocol=pickle.HIGHEST_PROTOCOL)


def load(data: bytes, root: Path) -> KnowledgeBase | None:
    """The knowledge base in ``data`` placed at ``root``, or None when ``data`` is not a
    snapshot of this folder as it is now (so the caller reads the folder instead)."""
    header, _, body = data.partition(b"\n")
    fields = header.split(b" ")
    if len(fields) != 3 or fields[0] != MAGIC or fields[1] != FORMAT.encode():
        return None
    if fields[2] != fingerprint(root).encode():
        return None
    try:
        kb = ContentUnpickler(io.BytesIO(body)).load()
    except Exception:  # refused or damaged: reading the folder is always a correct answer
        return None
    if not isinstance(kb, KnowledgeBase):
        return None
    entries = {eid: dataclasses.replace(e, path=str(root / e.path)) for eid, e in kb.entries.items()}
    return dataclasses.replace(kb, root=str(root), entries=entries)


def packaged() -> Path | None:
    """The installed package's snapshot file, or None (a source checkout has none)."""
    snapshot = resources.files("rightsbot") / SNAPSHOT_FILE
    return Path(str(snapshot)) if snapshot.is_file() else None


def shipped(root: Path) -> KnowledgeBase | None:
    """The installed package's snapshot of ``root``, or None when there is none or it does
    not match ``root`` as it is now."""
    snapshot = packaged()
    return load(snapshot.read_bytes(), Path(root)) if snapshot else None
