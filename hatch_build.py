"""Wheel build step: ship a checked snapshot of the content with the package.

The wheel carries ``content/`` as ``rightsbot/_content`` (see ``pyproject.toml``). This hook
loads that content once, with every check ``rightsbot validate`` runs, and adds the result
as ``rightsbot/_content.snapshot`` (see :mod:`rightsbot.core.snapshot`), so the installed
command starts without reading and checking the folder again. Content with a problem fails
the build, loudly. Editable installs skip it: they read ``content/`` as it is edited.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class ContentSnapshotHook(BuildHookInterface):  # type: ignore[type-arg]
    """Adds ``rightsbot/_content.snapshot`` to a (non-editable) wheel."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Build the snapshot into a temporary folder and force it into the wheel."""
        if version == "editable":
            return
        sys.path.insert(0, self.root)
        try:
            from rightsbot.core.errors import ContentError
            from rightsbot.core.snapshot import SNAPSHOT_FILE, dump

            try:
                data = dump(Path(self.root) / "content")
            except ContentError as error:
                raise SystemExit("rightsbot: content/ has problems, so no wheel is built "
                                 "(`rightsbot validate content` lists the same):\n" + str(error)) from None
        finally:
            sys.path.remove(self.root)
        self._folder = tempfile.mkdtemp(prefix="rightsbot-build-")
        target = Path(self._folder) / SNAPSHOT_FILE
        target.write_bytes(data)
        build_data["force_include"][str(target)] = f"rightsbot/{SNAPSHOT_FILE}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the temporary folder."""
        folder = getattr(self, "_folder", None)
        if folder:
            shutil.rmtree(folder, ignore_errors=True)
