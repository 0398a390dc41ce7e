"""The wheel's content snapshot (``rightsbot.core.snapshot``): the same knowledge base as
reading the folder, used only when it matches the folder's bytes and the core code, and
only for the package's own content."""

from __future__ import annotations

import datetime as dt
import io
import os
import pickle
import shutil
from pathlib import Path

import pytest

from rightsbot.core import loader, snapshot
from rightsbot.core.errors import ContentError
from rightsbot.core.loader import default_content_dir, load_content, read_content


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """The shipped content copied to another folder (as the wheel build sees it) and the
    snapshot made there."""
    root = tmp_path_factory.mktemp("build") / "content"
    shutil.copytree(default_content_dir(), root)
    return root, snapshot.dump(root)


def test_snapshot_is_the_knowledge_base_read_from_the_files(built: tuple[Path, bytes]) -> None:
    build_root, data = built
    here = default_content_dir()
    kb = snapshot.load(data, here)
    fresh, problems = read_content(here)
    assert problems == [] and kb is not None
    assert kb == fresh  # every entry, law, article, hotline and category, field by field
    assert kb.root == fresh.root
    assert [e.path for e in kb.entries.values()] == [e.path for e in fresh.entries.values()]
    assert [e.field_lines for e in kb.entries.values()] == [e.field_lines for e in fresh.entries.values()]
    assert str(build_root).encode() not in data  # no path of the build machine is shipped


def test_any_changed_byte_or_file_means_the_folder_is_read(built: tuple[Path, bytes], tmp_path: Path) -> None:
    _, data = built
    root = tmp_path / "content"
    shutil.copytree(default_content_dir(), root)
    assert snapshot.load(data, root) is not None
    entry = root / "topics" / "labor" / "wage-arrears.yaml"
    original = entry.read_bytes()
    entry.write_bytes(original.replace("拖欠".encode(), "拖久".encode(), 1))
    assert snapshot.load(data, root) is None
    entry.write_bytes(original)
    (root / "topics" / "labor" / "extra.yaml").write_text("id: x\n", encoding="utf-8")
    assert snapshot.load(data, root) is None


@pytest.mark.parametrize("header", [b"", b"other-file 1 abc", b"rightsbot-content-snapshot 0 abc",
                                    b"rightsbot-content-snapshot 1", b"rightsbot-content-snapshot 1 0000"])
def test_a_foreign_or_stale_header_is_refused_before_unpickling(built: tuple[Path, bytes], header: bytes) -> None:
    _, data = built
    body = data.partition(b"\n")[2]
    assert snapshot.load(header + b"\n" + body, default_content_dir()) is None


def test_content_with_a_problem_gets_no_snapshot(mini_content: Path) -> None:
    entry = mini_content / "topics" / "labor" / "wage-arrears.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("category: labor", "category: labor\nsumary: x"),
                     encoding="utf-8")
    with pytest.raises(ContentError):
        snapshot.dump(mini_content)


def test_snapshot_holds_only_content_classes(built: tuple[Path, bytes]) -> None:
    """The fingerprint hashes the source of rightsbot.core, so every class in the snapshot
    must come from there (or be a date), or a change to it would go unseen."""
    _, data = built
    seen: set[tuple[str, str]] = set()

    class Recording(snapshot.ContentUnpickler):
        def find_class(self, module: str, name: str) -> type:
            seen.add((module, name))
            return super().find_class(module, name)

    Recording(io.BytesIO(data.partition(b"\n")[2])).load()
    assert ("rightsbot.core.model", "Entry") in seen and ("rightsbot.core.laws", "Article") in seen
    assert {m for m, _ in seen} <= set(snapshot.CONTENT_MODULES) | {"datetime"}
    assert all(m.startswith("rightsbot.core.") for m in snapshot.CONTENT_MODULES)


@pytest.mark.parametrize("payload", [print, os.getcwd, Path, (dt.date(2026, 1, 1), [print])])
def test_a_snapshot_naming_anything_else_is_refused_unrun(payload: object, tmp_path: Path) -> None:
    root = tmp_path / "content"
    root.mkdir()
    (root / "categories.yaml").write_text("x: 1\n", encoding="utf-8")
    header = b" ".join((snapshot.MAGIC, snapshot.FORMAT.encode(), snapshot.fingerprint(root).encode()))
    assert snapshot.load(header + b"\n" + pickle.dumps(payload), root) is None


def test_load_content_uses_the_snapshot_for_the_shipped_folder_only(built: tuple[Path, bytes], tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch,
                                                                    mini_content: Path) -> None:
    _, data = built
    file = tmp_path / snapshot.SNAPSHOT_FILE
    file.write_bytes(data)
    monkeypatch.setattr(snapshot, "packaged", lambda: file)
    reads: list[Path] = []
    real_read = loader.read_content

    def counting_read(root: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        reads.append(Path(root))
        return real_read(root, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "read_content", counting_read)
    kb = load_content()
    assert reads == [] and len(kb.entries) == len(list(default_content_dir().glob("topics/*/*.yaml")))
    load_content(default_content_dir(), authoring_checks=True)  # the author's checks read the files
    load_content(mini_content)  # another folder is always read
    assert reads == [default_content_dir(), mini_content]


def test_a_source_checkout_has_no_snapshot() -> None:
    """Tests run on the source tree, which must not carry a stale snapshot."""
    if (Path(loader.__file__).parents[1] / "_content").is_dir():
        pytest.skip("running from an installed wheel")
    assert snapshot.packaged() is None


@pytest.mark.parametrize("cut", [1, 100, 10_000])
def test_a_truncated_snapshot_is_refused(built: tuple[Path, bytes], cut: int) -> None:
    _, data = built
    assert snapshot.load(data[:-cut], default_content_dir()) is None
