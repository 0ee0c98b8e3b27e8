"""The real scraped article from ../shared: every actor a gold event names in its sentence is resolved to it."""

from __future__ import annotations

import json
from datetime import date

from detente import nlp
from detente.events import code_document
from detente.events.gold import normalize
from detente.ingest import read_paths

# Gold events whose source or target the sentence never names (the coder must infer them, if at all).
UNNAMED = {
    "g03": "source: the giver of the guarantees is only in the previous sentence",
    "g04": "source: as g03",
    "g18": "target: Afghanistan is not named in the sentence",
    "g27": "target: the accusers are not named in the sentence",
}


def test_every_named_actor_of_a_gold_event_resolves_to_its_principal(shared_example):
    article, gold_file = shared_example
    [document] = read_paths([article], date=date(2021, 8, 19))
    doc = nlp.load()(document.text)
    coding = code_document(document, doc)
    sentences = nlp.sentences(document, doc)
    failures = []
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        sentence = next(s for s in sentences if normalize(gold["sentence"]) in normalize(s.text))
        named = {actor.principal for start, _, actor in coding.mentions if sentence.start <= start < sentence.end}
        for side in ("source", "target"):
            wanted = {gold[side], *gold.get(f"{side}_alt", [])}
            if not wanted & named and not UNNAMED.get(gold["id"], "").startswith(side):
                failures.append(f"{gold['id']} {side} {sorted(wanted)} not among {sorted(named)}")
    assert failures == []
