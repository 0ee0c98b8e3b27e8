"""End-to-end extraction speed against the bare spaCy pipeline, on the same real text in one run.

Text: every news sentence in ../shared (the example article, the PETRARCH-2 GSR and
Validate records, the PLOVER GSR examples, the CAMEO code-book examples), grouped
into articles of 20 sentences and repeated until there are at least --sentences.
Both passes parse the same documents with the same pipeline and batch size:
  bare      nlp.pipe over the clean texts
  detente   clean → parse → resolve actors and dates → code events → store in DuckDB

    .venv/bin/python bench/extract.py [--sentences 5000]

Prints both rates and their ratio, and writes them to bench/out/extract.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from detente import nlp
from detente.api import analyze_documents
from detente.ingest import document_from_text
from detente.store import Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
OUT = Path(__file__).resolve().parent / "out" / "extract.json"
PER_ARTICLE = 20


def shared_sentences() -> list[str]:
    """News sentences held in ../shared, each once."""
    data = SHARED / "data" / "eventcoding"
    found: list[str] = []
    article = (SHARED / "examples" / "russia-taliban-2021.txt").read_text(encoding="utf-8")
    found += [p for p in re.split(r"\n\s*\n", article) if len(p.split()) > 6]
    for name in ("PETR2_GSR_validation.xml", "PETR_Validate_records_2_02.xml"):
        text = (data / name).read_text(encoding="utf-8")
        found += [" ".join(t.split()) for t in re.findall(r"<Text>(.*?)</Text>", text, flags=re.S)]
    found += [record["text"] for record in json.loads((data / "PLOVER_GSR_CAMEO.txt").read_text()) if record.get("text")]
    # The table carries a few bytes of another encoding inside its examples; they are replaced.
    with (data / "icews_cameo-codes.csv").open(encoding="utf-8", errors="replace") as rows:
        found += [row["example"] for row in csv.DictReader(rows) if row["example"] not in ("", "NA")]
    return list(dict.fromkeys(s.strip() for s in found if s.strip()))


def articles(sentences: list[str], wanted: int) -> list[str]:
    """Articles of PER_ARTICLE sentences, cycling through the text until `wanted` sentences."""
    texts, count = [], 0
    while count < wanted:
        for i in range(0, len(sentences), PER_ARTICLE):
            chunk = sentences[i : i + PER_ARTICLE]
            texts.append("\n\n".join(chunk) + f"\n\n(Article {len(texts)}.)")
            count += len(chunk)
            if count >= wanted:
                break
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=5000)
    args = parser.parse_args()
    if not SHARED.exists():
        sys.exit(f"bench/extract.py: {SHARED} is missing; it holds the text this benchmark reads")
    unique = shared_sentences()
    texts = articles(unique, args.sentences)
    documents = [document_from_text(t, date=date(2021, 8, 19), source=f"bench-{i}") for i, t in enumerate(texts)]
    pipeline = nlp.load()
    pipeline("warm up")

    started = time.perf_counter()
    sentence_count = sum(len(nlp.sentence_spans(doc)) for doc in pipeline.pipe((d.text for d in documents), batch_size=8))
    bare = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.duckdb") as store:
        started = time.perf_counter()
        cleaned = [document_from_text(t, date=date(2021, 8, 19), source=f"bench-{i}") for i, t in enumerate(texts)]
        events = 0
        for analysis in analyze_documents(cleaned):
            store.add(analysis.document, analysis.sentences, analysis.events)
            events += len(analysis.events)
        full = time.perf_counter() - started

    result = {
        "unique_sentences": len(unique),
        "documents": len(documents),
        "sentences": sentence_count,
        "events": events,
        "bare_spacy_sentences_per_s": round(sentence_count / bare, 1),
        "detente_sentences_per_s": round(sentence_count / full, 1),
        "ratio": round(bare / full, 3),
    }
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n")
    print(
        f"{sentence_count} sentences ({len(unique)} unique) in {len(documents)} documents, {events} events\n"
        f"bare spaCy pipeline: {result['bare_spacy_sentences_per_s']} sentences/s\n"
        f"detente end to end:  {result['detente_sentences_per_s']} sentences/s"
        f" ({result['ratio']:.0%} of the bare rate)"
    )


if __name__ == "__main__":
    main()
