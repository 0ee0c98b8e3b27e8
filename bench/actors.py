"""Actor knowledge base speed: loading it, looking up a name, resolving a mention in real text.

Text: the example article in ../shared and the sentences of the PETRARCH-2 GSR records.
  load      kb.load() of the package data in a fresh Python process (the median of --runs
            processes); importing detente.actors.kb is timed apart
  lookup    kb.lookup over the strings news text puts to it: every span of those texts that
            the knowledge base's names match (as the resolver's phrase matcher finds them,
            so with the text's own case) and the text of every spaCy entity, which are
            mostly misses; repeated --repeat times, per call
  resolve   actors.resolve on the parsed texts (parsing is not timed), per mention found,
            the best of --repeat passes

    .venv/bin/python bench/actors.py [--runs 5] [--repeat 20]

Prints the figures and writes them to bench/out/actors.json. Targets: load < 0.5 s, lookup
and resolve < 20 µs per mention.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from spacy.matcher import PhraseMatcher

from detente import nlp
from detente.actors import kb
from detente.actors.resolve import resolve

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
OUT = Path(__file__).resolve().parent / "out" / "actors.json"
ARTICLE = SHARED / "examples" / "russia-taliban-2021.txt"
GSR = SHARED / "data" / "eventcoding" / "PETR2_GSR_validation.xml"
ON = date(2021, 8, 19)

# Run in a fresh interpreter: the time to import the module, then to load the package data.
_COLD = """
import json, time
started = time.perf_counter()
from detente.actors import kb
imported = time.perf_counter()
kb.load(overlays=[])
print(json.dumps([imported - started, time.perf_counter() - imported]))
"""


def texts() -> list[str]:
    """The example article (one document) and each GSR record's sentence (one document each)."""
    found = [ARTICLE.read_text(encoding="utf-8")]
    xml = GSR.read_text(encoding="utf-8")
    found += [" ".join(text.split()) for text in re.findall(r"<Text>(.*?)</Text>", xml, flags=re.S)]
    return [text for text in found if text.strip()]


def cold_load(runs: int) -> tuple[float, float]:
    """The median import and load times, in seconds, over ``runs`` fresh processes."""
    timings = [
        json.loads(subprocess.run([sys.executable, "-c", _COLD], check=True, capture_output=True, text=True).stdout)
        for _ in range(runs)
    ]
    return statistics.median(t[0] for t in timings), statistics.median(t[1] for t in timings)


def mention_strings(docs, knowledge: kb.KnowledgeBase) -> list[str]:
    """The strings resolution puts to lookup: knowledge-base name matches and entity texts."""
    matcher = PhraseMatcher(docs[0].vocab, attr="LOWER")
    matcher.add("KB", list(nlp.load().tokenizer.pipe(sorted(knowledge.surface_forms()))))
    strings = [doc[start:end].text for doc in docs for _, start, end in matcher(doc)]
    strings += [entity.text for doc in docs for entity in doc.ents]
    return strings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="fresh processes for the load time")
    parser.add_argument("--repeat", type=int, default=20, help="passes over the text for lookup and resolve")
    args = parser.parse_args()
    if not ARTICLE.exists() or not GSR.exists():
        sys.exit(f"bench/actors.py: {ARTICLE} or {GSR} is missing; they hold the text this benchmark reads")

    import_seconds, load_seconds = cold_load(args.runs)

    knowledge = kb.load(overlays=[])
    pipeline = nlp.load()
    docs = list(pipeline.pipe(texts(), batch_size=16))
    strings = mention_strings(docs, knowledge)
    hits = sum(knowledge.lookup(text, ON) is not None for text in strings)
    started = time.perf_counter()
    for _ in range(args.repeat):
        for text in strings:
            knowledge.lookup(text, ON)
    lookup_us = (time.perf_counter() - started) / (args.repeat * len(strings)) * 1e6

    mentions = sum(len(resolve(doc, ON, knowledge).by_token) for doc in docs)
    passes = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        for doc in docs:
            resolve(doc, ON, knowledge)
        passes.append(time.perf_counter() - started)
    resolve_us = min(passes) / mentions * 1e6

    result = {
        "documents": len(docs),
        "tokens": sum(len(doc) for doc in docs),
        "lookup_strings": len(strings),
        "lookup_hits": hits,
        "mentions": mentions,
        "import_s": round(import_seconds, 3),
        "load_s": round(load_seconds, 3),
        "lookup_us": round(lookup_us, 2),
        "resolve_us_per_mention": round(resolve_us, 1),
    }
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n")
    print(
        f"{len(docs)} documents, {result['tokens']} tokens, {mentions} mentions\n"
        f"load (fresh process, median of {args.runs}): {load_seconds:.3f} s (import {import_seconds:.3f} s)\n"
        f"lookup: {lookup_us:.2f} µs per call over {len(strings)} strings ({hits} resolve)\n"
        f"resolve: {resolve_us:.1f} µs per mention (best of {args.repeat} passes)"
    )


if __name__ == "__main__":
    main()
