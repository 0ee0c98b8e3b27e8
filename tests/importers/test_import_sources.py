"""Which files an import reads: files, folders, globs and zip members, and clear errors for the rest."""

from __future__ import annotations

import zipfile

import pytest

from detente.importers import SourceError
from detente.importers.sources import Source, expand


def test_files_folders_globs_and_zip_members(tmp_path):
    folder = tmp_path / "daily"
    (folder / "nested").mkdir(parents=True)
    for name in ("b.export.CSV", "a.export.CSV", "nested/c.tsv", "notes.md"):
        (folder / name).write_text("x\n")
    archive = tmp_path / "year.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("2021/week1.txt", "x\n")
        zipped.writestr("README.pdf", "x\n")
    found = expand([folder, tmp_path / "daily" / "*.CSV", archive], (".csv", ".tsv", ".txt"))
    assert [source.label for source in found] == [
        str(folder / "a.export.CSV"),
        str(folder / "b.export.CSV"),
        str(folder / "nested" / "c.tsv"),
        str(folder / "a.export.CSV"),
        str(folder / "b.export.CSV"),
        f"{archive}!2021/week1.txt",
    ]


def test_a_zip_member_is_unpacked_while_it_is_read_and_removed_after(tmp_path):
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("rows.tsv", "hello\n")
    with Source(archive, "rows.tsv").opened() as path:
        assert path.read_text() == "hello\n"
    assert not path.exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("absent.tsv", "absent.tsv: no such file or folder"),
        ("*.nothing", r"\*.nothing: the pattern matches no file"),
        ("empty", "empty: no .csv, .tsv or .zip files in this folder"),
    ],
)
def test_paths_naming_nothing_say_so(tmp_path, name, message):
    (tmp_path / "empty").mkdir()
    with pytest.raises(SourceError, match=message):
        expand([tmp_path / name], (".csv", ".tsv"))
