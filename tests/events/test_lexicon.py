"""The coder's lexicon: the shipped files load, and mistakes in a file are named by file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from detente.events import lexicon
from detente.events.ontology import cameo


def test_the_shipped_lexicon_covers_every_root():
    loaded = lexicon.load()
    roots = {p.code[:2] for patterns in loaded.verbs.values() for p in patterns}
    assert roots == {f"{r:02d}" for r in range(1, 21)}
    for patterns in loaded.verbs.values():
        for pattern in patterns:
            assert cameo(pattern.code).root == pattern.code[:2]
    meet = loaded.verb_patterns("meet")
    assert meet[0].objects and not meet[-1].objects, "patterns with an object come first"
    assert [p.preps for p in meet if not p.objects][0] == {"with"}, "then patterns with a preposition"
    assert loaded.has_cue("would", "conditional") and loaded.response_roots["offer"] >= {"03", "04"}


def copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(lexicon.DATA, folder)
    return folder


@pytest.mark.parametrize(
    "file, line, field",
    [
        ("verbs.tsv", "999\tmeet", "field code"),
        ("verbs.tsv", "040\tmeet\t\tresponse", "field prep"),
        ("verbs.tsv", "040\tmeet\t\t\tsideways", "field flags"),
        ("verbs.tsv", "040\t\t\twith", "field verb"),
        ("nouns.tsv", "040\tvisit\tby\tto", "field noun"),
        ("cues.tsv", "maybe\tperhaps", "field cue"),
        ("cues.tsv", "offer\tresponse\t3", "field roots"),
        ("cues.tsv", "report\tclaim\t\tNOUNISH", "field pos"),
    ],
)
def test_a_bad_row_is_named(tmp_path, file, line, field):
    folder = copy(tmp_path)
    path = folder / file
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    number = len(path.read_text(encoding="utf-8").splitlines())
    with pytest.raises(lexicon.LexiconError) as error:
        lexicon.read(folder)
    assert str(error.value).startswith(f"{path}:{number}: {field}")


def test_a_wrong_header_is_named(tmp_path):
    folder = copy(tmp_path)
    (folder / "nouns.tsv").write_text("code\tnoun\n040\ttalks\n", encoding="utf-8")
    with pytest.raises(lexicon.LexiconError, match="nouns.tsv: the header must be"):
        lexicon.read(folder)
