"""Forecasting benchmarks and the ablation study (reads ../shared/data/tkg; see docs/forecasting.md).

    .venv/bin/python bench/forecast.py ICEWS14 ICEWS18 --setting single
    .venv/bin/python bench/forecast.py ICEWS14 --development --without hops --without rules
    .venv/bin/python bench/forecast.py ICEWS14 --development --without trees     # the network alone
    .venv/bin/python bench/forecast.py ICEWS14 --development --trees 200          # fewer boosting rounds
    .venv/bin/python bench/forecast.py ICEWS14 --development --seed 1

``--development`` fits on the last days of train (as many as valid has) and evaluates on valid:
the split every choice of the method was made on, so that test is read once per reported figure.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

import numpy as np

from detente.forecast import tkg
from detente.forecast.evaluation import SETTINGS, run
from detente.forecast.forecaster import Settings
from detente.forecast.signals import BLOCKS

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "tkg"


def development(dataset: tkg.Dataset) -> tkg.Dataset:
    """Train without its last days, those days as validation, and validation as test."""
    days = np.unique(dataset.train[:, tkg.TIME])
    cut = days[-len(np.unique(dataset.valid[:, tkg.TIME]))]
    early = dataset.train[:, tkg.TIME] < cut
    return replace(dataset, train=dataset.train[early], valid=dataset.train[~early], test=dataset.valid)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("datasets", nargs="+", help="folder names under ../shared/data/tkg")
    parser.add_argument("--setting", choices=(*SETTINGS, "both"), default="single")
    parser.add_argument("--development", action="store_true", help="fit on the end of train, evaluate on valid")
    parser.add_argument("--without", action="append", default=[], choices=(*BLOCKS, "rerank", "trees"), help="leave out a block")
    parser.add_argument("--trees", type=int, default=Settings().trees, help="boosting rounds of the re-ranking trees")
    parser.add_argument("--seed", type=int, default=0, help="which fitting queries are sampled and where the network starts")
    args = parser.parse_args()
    blocks = frozenset(BLOCKS) - set(args.without)
    trees = 0 if "trees" in args.without else args.trees
    settings = Settings(blocks=blocks, rerank="rerank" not in args.without, trees=trees, seed=args.seed)
    for name in args.datasets:
        dataset = tkg.load(DATA / name)
        if args.development:
            dataset = development(dataset)
        for setting in SETTINGS if args.setting == "both" else (args.setting,):
            report = run(dataset, setting, settings)
            figures = {
                "dataset": name,
                "split": "valid" if args.development else "test",
                "setting": setting,
                "without": sorted(args.without),
                "trees": trees,
                "seed": args.seed,
                "mrr": round(report.metrics.mrr, 2),
                **{f"hits@{k}": round(v, 2) for k, v in report.metrics.hits.items()},
                "fit_s": round(report.fit_seconds),
                "total_s": round(report.seconds),
                "peak_mb": round(report.peak_memory_mb),
            }
            print(json.dumps(figures), flush=True)


if __name__ == "__main__":
    main()
