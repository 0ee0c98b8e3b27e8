"""Downloading GDELT files from their public file lists, against a local folder served over HTTP."""

from __future__ import annotations

from datetime import date

import pytest

from detente.importers import FORMATS, import_sources
from detente.importers.fetch import FetchError, download, gdelt_files


def test_gdelt1_daily_files_in_range_are_downloaded_checked_and_import(mirror, tmp_path, store):
    remotes = gdelt_files(date(2016, 7, 28), date(2016, 7, 29), base_url=f"{mirror}/events")
    assert [r.name for r in remotes] == ["20160728.export.CSV.zip", "20160729.export.CSV.zip"]
    assert all(r.md5 for r in remotes)
    paths = [download(remote, tmp_path / "gdelt") for remote in remotes]
    importer = FORMATS["gdelt"]
    summaries = list(import_sources(store, importer, importer.sources([tmp_path / "gdelt"])))
    assert [(s.dataset, s.imported) for s in summaries] == [("gdelt1", 1), ("gdelt1", 1)]
    assert all(path.is_file() for path in paths)


def test_the_backfile_covering_a_day_is_chosen(mirror):
    remotes = gdelt_files(date(2005, 6, 1), date(2005, 6, 2), base_url=f"{mirror}/events")
    assert [r.name for r in remotes] == ["2005.zip"]


def test_gdelt2_exports_come_from_the_masterfilelist_of_the_base_url(mirror, tmp_path, store):
    [remote] = gdelt_files(date(2016, 7, 28), date(2016, 7, 28), version=2, base_url=f"{mirror}/gdeltv2")
    assert remote.url == f"{mirror}/gdeltv2/20160728150000.export.CSV.zip" and remote.size
    path = download(remote, tmp_path / "v2")
    importer = FORMATS["gdelt"]
    [summary] = import_sources(store, importer, importer.sources([path]))
    assert (summary.dataset, summary.imported) == ("gdelt2", 1)


def test_a_file_already_there_and_intact_is_not_fetched_again(mirror, served, tmp_path):
    [remote] = gdelt_files(date(2016, 7, 27), date(2016, 7, 27), base_url=f"{mirror}/events")
    download(remote, tmp_path)
    fetched = len(served)
    download(remote, tmp_path)
    assert len(served) == fetched


def test_a_checksum_that_does_not_match_fails_and_keeps_nothing(mirror, tmp_path):
    [remote] = gdelt_files(date(2016, 7, 27), date(2016, 7, 27), base_url=f"{mirror}/events")
    broken = type(remote)(remote.name, remote.url, None, "0" * 32)
    with pytest.raises(FetchError, match="the MD5 does not match"):
        download(broken, tmp_path / "dest")
    assert list((tmp_path / "dest").iterdir()) == []


def test_an_unreachable_server_is_a_clear_error():
    with pytest.raises(FetchError, match="could not read the file list .*check --base-url"):
        gdelt_files(date(2016, 7, 27), date(2016, 7, 27), base_url="http://127.0.0.1:9/events")

