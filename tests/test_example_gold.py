"""The real scraped article from ../shared, scored against its gold events.

Run with `-s` to see the figures; they are printed on every run.
"""

from __future__ import annotations

from datetime import date

from detente.api import analyze_documents
from detente.events.gold import load_gold, score
from detente.ingest import read_paths


def test_example_article_meets_the_bar(shared_example):
    article, gold_file = shared_example
    [document] = read_paths([article], date=date(2021, 8, 19))
    [analysis] = analyze_documents([document])
    result = score(analysis.events, load_gold(gold_file))
    print(f"\n{article.name} against {gold_file.name}:\n{result.report()}")
    assert result.clear_recall >= 0.80, result.report()
    assert result.must_not_plain == [], result.report()
    assert result.plain_precision >= 2 / 3, result.report()
