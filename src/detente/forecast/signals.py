"""The evidence a forecaster weighs for a query ``(s, r, ?, t)`` and a candidate answer ``e``.

Two kinds, read from a ``History`` at the query time:

- pair signals, defined for any (query, candidate) but non-zero only when ``s`` and ``e`` met before:
  recurrence of the same fact ``(s, r, e)``, of the reciprocal fact ``(e, r, s)`` and of any fact
  between the two (relaxed recurrence), each by count, time since the last one and recency-weighted
  counts; the share of ``s``'s history they make up; and length-1 temporal rules (a fact ``(s, r', e)``
  before predicting ``(s, r, e)``, weighed by the rule's confidence).
- context signals, dense over all candidates: how often ``e`` was recently the object of ``r`` and how
  active it was, whether it shares ``s``'s country, how likely its role is for ``s``'s role under ``r``,
  and two-hop random walks from ``s`` (friends of friends).

Queries are rows ``(s, r, t)`` with ``r`` in ``[0, 2R)`` (inverse relations for subject queries).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from detente.forecast.history import History, inverse_relation
from detente.forecast.names import EntityKinds

RECURRENCE = ("exact", "reciprocal", "relaxed")
BLOCKS = ("recurrence", "rhythm", "rules", "popularity", "foretold", "country", "siblings", "roles", "hops", "profiles")
WALK_FLOOR = 1e-4


def spans(start: np.ndarray, end: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Flatten index ranges ``[start[i], end[i])``: returns (i of each element, element)."""
    lengths = end - start
    owner = np.repeat(np.arange(len(start)), lengths)
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return owner, offsets + np.repeat(start, lengths)


class Signals:
    """Computes the signals of the enabled ``blocks`` from a history that moves forward in time."""

    def __init__(self, history: History, kinds: EntityKinds, blocks: frozenset[str] = frozenset(BLOCKS)) -> None:
        unknown = blocks - set(BLOCKS)
        if unknown:
            raise ValueError(f"unknown signal blocks {sorted(unknown)}; choose among {', '.join(BLOCKS)}")
        self.history = history
        self.kinds = kinds
        self.blocks = blocks
        entities = history.num_entities
        pair_keys = history.families["pair"].keys
        self._partner_start = np.searchsorted(pair_keys, np.arange(entities) * entities)
        self._partner_end = np.searchsorted(pair_keys, (np.arange(entities) + 1) * entities)
        triple_keys = history.families["triple"].keys
        relations = 2 * history.num_relations
        subject, relation, obj = triple_keys // (relations * entities), (triple_keys // entities) % relations, triple_keys % entities
        self._triple_parts = subject, relation, obj
        pair_of_triple = subject * entities + obj
        self._triples_by_pair = np.lexsort((relation, pair_of_triple))
        self._pair_of_sorted_triple = pair_of_triple[self._triples_by_pair]
        self._relation_of_sorted_triple = relation[self._triples_by_pair]
        self._subject_relation_of_triple = history.families["subject_relation"].ids(subject * relations + relation)
        self.rule_confidence = np.zeros((relations, relations))
        self._layouts = self._build_layouts()
        self._tables: dict[str, list[sp.csr_matrix]] = {}
        self._tables_at = -np.inf

    # -- names -----------------------------------------------------------------------------------------

    def pair_names(self) -> list[str]:
        names = []
        if "recurrence" in self.blocks:
            for kind in RECURRENCE:
                names += [f"{kind}_seen", f"{kind}_log_count", f"{kind}_log_age"]
                names += [f"{kind}_recent_{tau:g}" for tau in self.history.taus]
            names += ["exact_share", "relaxed_share"]
        if "rhythm" in self.blocks:
            for kind in RECURRENCE:
                names += [f"{kind}_log_gap", f"{kind}_overdue"]
        if "rules" in self.blocks:
            names += [f"rule_recent_{tau:g}" for tau in self.history.taus] + ["rule_best_confidence"]
        return names

    def context_names(self) -> list[str]:
        taus = self.history.taus
        names = []
        if "popularity" in self.blocks:
            names += [f"object_of_relation_{tau:g}" for tau in taus] + [f"activity_{tau:g}" for tau in taus]
        if "foretold" in self.blocks:
            names += [f"object_of_foretelling_{tau:g}" for tau in taus]
        if "country" in self.blocks:
            names += ["same_country", "subject_to_country_by_relation", "subject_to_country"]
        if "siblings" in self.blocks:
            names += [f"country_to_entity_by_relation_{tau:g}" for tau in taus] + ["country_to_entity", "country_to_country_by_relation"]
        if "roles" in self.blocks:
            names += ["role_prior", "subject_to_role_by_relation", "subject_to_role"]
        if "hops" in self.blocks:
            names += [f"two_hop_{tau:g}" for tau in taus]
        return names

    # -- candidates and pair signals ---------------------------------------------------------------------

    def partners(self, queries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(query row, entity) for every entity the query's subject met before (either direction)."""
        pairs = self.history.families["pair"]
        subjects = queries[:, 0]
        owner, index = spans(self._partner_start[subjects], self._partner_end[subjects])
        met = pairs.count[index] > 0
        return owner[met], pairs.keys[index[met]] % self.history.num_entities

    def pair_signals(self, queries: np.ndarray, owner: np.ndarray, entity: np.ndarray) -> np.ndarray:
        """(len(owner), len(pair_names())) signals of each (query row, candidate entity)."""
        history = self.history
        subject, relation = queries[owner, 0], queries[owner, 1]
        times = queries[owner, 2].astype(np.float64)
        fading = history.decay(queries[:, 2])[:, owner]
        columns: list[np.ndarray] = []
        found = {kind: self._recurrence(kind, subject, relation, entity) for kind in RECURRENCE} if {"recurrence", "rhythm"} & self.blocks else {}
        if "recurrence" in self.blocks:
            for kind, (family, ids, count) in found.items():
                seen = count > 0
                columns += [seen.astype(np.float64), np.log1p(count), np.log1p(np.where(seen, times - family.last[ids], 0.0))]
                columns += [np.log1p(np.where(seen, family.decayed[k, ids], 0.0) * fading[k]) for k in range(len(history.taus))]
            columns.append(found["exact"][2] / np.maximum(self._subject_relation_count(subject, relation), 1.0))
            columns.append(found["relaxed"][2] / np.maximum(self._entity_count(subject), 1.0))
        if "rhythm" in self.blocks:
            for family, ids, count in found.values():
                repeated = count > 1
                gap = np.where(repeated, (family.last[ids] - family.first[ids]) / np.maximum(count - 1, 1), 0.0)
                age = np.where(repeated, times - family.last[ids], 0.0)
                columns += [np.log1p(gap), np.log1p(age) - np.log1p(gap)]
        if "rules" in self.blocks:
            columns += self._rule_signals(subject, relation, entity, fading)
        if not columns:
            return np.zeros((len(owner), 0), dtype=np.float32)
        return np.stack(columns, axis=1).astype(np.float32)

    def _recurrence(self, kind: str, subject: np.ndarray, relation: np.ndarray, entity: np.ndarray) -> tuple:
        """The family, key index (-1 for none, read as 0 with count 0) and count of a kind of recurrence."""
        history = self.history
        if kind == "relaxed":
            family = history.families["pair"]
            ids = family.ids(subject * history.num_entities + entity)
        else:
            family = history.families["triple"]
            related = relation if kind == "exact" else inverse_relation(relation, history.num_relations)
            ids = family.ids(history.key("triple", np.stack([subject, related, entity], axis=1)))
        count = np.where(ids >= 0, family.count[np.maximum(ids, 0)], 0.0)
        return family, np.maximum(ids, 0), count

    def query_signals(self, queries: np.ndarray) -> np.ndarray:
        """Per query: how much its subject did (with this relation, and at all), and with profiles, how
        often it and its relation repeat themselves; they tell the re-ranker how far to trust recurrence."""
        subject, relation = queries[:, 0], queries[:, 1]
        family, ids = self.history.families["subject_relation"], self._subject_relation_ids(subject, relation)
        done = np.where(ids >= 0, family.count[np.maximum(ids, 0)], 0.0)
        columns = [np.log1p(done), np.log1p(self._entity_count(subject))]
        if "profiles" in self.blocks:
            self.refresh()
            distinct_objects, distinct_partners, relation_repeats, relation_facts = self._profiles
            objects = np.where(ids >= 0, distinct_objects[np.maximum(ids, 0)], 0.0)
            columns += [np.log1p(objects), np.log1p(distinct_partners[subject]), 1 - objects / np.maximum(done, 1.0)]
            columns += [relation_repeats[relation], np.log1p(relation_facts[relation])]
            last = np.where(ids >= 0, family.last[np.maximum(ids, 0)], -np.inf)
            columns.append(np.log1p(np.minimum(queries[:, 2] - last, 10 * max(self.history.taus))))
        return np.stack(columns, axis=1).astype(np.float32)

    def _count_profiles(self) -> tuple[np.ndarray, ...]:
        """Distinct objects per (subject, relation) key, distinct partners per entity, and per relation
        the share of its facts that repeated an earlier one, and how many facts it has."""
        history = self.history
        triple, pair = history.families["triple"], history.families["pair"]
        met = (triple.count > 0).astype(np.float64)
        _, relation, _ = self._triple_parts
        relations = 2 * history.num_relations
        distinct_objects = np.bincount(self._subject_relation_of_triple, weights=met, minlength=len(history.families["subject_relation"].keys))
        distinct_partners = np.bincount(pair.keys // history.num_entities, weights=(pair.count > 0).astype(np.float64), minlength=history.num_entities)
        facts = np.bincount(relation, weights=triple.count, minlength=relations)
        repeats = 1 - np.bincount(relation, weights=met, minlength=relations) / np.maximum(facts, 1.0)
        return distinct_objects, distinct_partners, repeats, facts

    def _subject_relation_ids(self, subject: np.ndarray, relation: np.ndarray) -> np.ndarray:
        """The index of each ``(subject, relation)`` key in its family, -1 where it never occurred."""
        return self.history.families["subject_relation"].ids(subject * 2 * self.history.num_relations + relation)

    def _subject_relation_count(self, subject: np.ndarray, relation: np.ndarray) -> np.ndarray:
        ids = self._subject_relation_ids(subject, relation)
        return np.where(ids >= 0, self.history.families["subject_relation"].count[np.maximum(ids, 0)], 0.0)

    def _entity_count(self, entity: np.ndarray) -> np.ndarray:
        family = self.history.families["entity"]
        ids = family.ids(entity)
        return np.where(ids >= 0, family.count[np.maximum(ids, 0)], 0.0)

    def _rule_signals(self, subject: np.ndarray, relation: np.ndarray, entity: np.ndarray, fading: np.ndarray) -> list[np.ndarray]:
        triple = self.history.families["triple"]
        pair = subject * self.history.num_entities + entity
        start = np.searchsorted(self._pair_of_sorted_triple, pair, side="left")
        end = np.searchsorted(self._pair_of_sorted_triple, pair, side="right")
        owner, index = spans(start, end)
        ids = self._triples_by_pair[index]
        confidence = self.rule_confidence[relation[owner], self._relation_of_sorted_triple[index]] * (triple.count[ids] > 0)
        columns = [
            np.log1p(np.bincount(owner, weights=confidence * triple.decayed[k, ids], minlength=len(pair)) * fading[k])
            for k in range(len(self.history.taus))
        ]
        best = np.zeros(len(pair))
        np.maximum.at(best, owner, confidence)
        return columns + [best]

    # -- context signals ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Refill the sparse tables derived from the history; once per new time."""
        if self._tables_at == self.history.now:
            return
        history = self.history
        triple = history.families["triple"]
        self._tables = {}
        if {"popularity", "foretold"} & self.blocks:
            self._tables["popularity"] = [self._layouts["popularity"].matrix(row) for row in history.families["relation_object"].decayed]
        if "hops" in self.blocks:
            self._tables["hops"] = [self._layouts["hops"].matrix(row, normalise=True) for row in history.families["pair"].decayed]
        for block in ("country", "roles"):
            if block in self.blocks:
                self._tables[block] = [self._layouts[f"{block}_{by}"].matrix(triple.decayed[-1]) for by in ("relation", "any")]
        if "roles" in self.blocks:
            self._tables["role_prior"] = [self._layouts["role_prior"].matrix(triple.count)]
        if "siblings" in self.blocks:
            self._tables["siblings"] = [self._layouts["siblings_relation"].matrix(row) for row in triple.decayed]
            self._tables["siblings"] += [self._layouts[f"siblings_{by}"].matrix(triple.decayed[-1]) for by in ("any", "groups")]
        if "profiles" in self.blocks:
            self._profiles = self._count_profiles()
        self._tables_at = history.now

    def _build_layouts(self) -> dict[str, Layout]:
        history, kinds = self.history, self.kinds
        entities, relations = history.num_entities, 2 * history.num_relations
        subject, relation, obj = self._triple_parts
        subject_relation = history.families["subject_relation"].ids(subject * relations + relation)
        popular, pairs = history.families["relation_object"].keys, history.families["pair"].keys
        layouts = {
            "popularity": Layout(popular // entities, popular % entities, (relations, entities)),
            "hops": Layout(pairs // entities, pairs % entities, (entities, entities)),
            "role_prior": Layout(kinds.role[subject] * relations + relation, kinds.role[obj], (kinds.num_roles * relations, kinds.num_roles)),
        }
        by_group = kinds.group[subject] * relations + relation
        layouts["siblings_relation"] = Layout(by_group, obj, (kinds.num_groups * relations, entities))
        layouts["siblings_any"] = Layout(kinds.group[subject], obj, (kinds.num_groups, entities))
        layouts["siblings_groups"] = Layout(by_group, kinds.group[obj], (kinds.num_groups * relations, kinds.num_groups))
        for block, of_entity, width in (("country", kinds.group, kinds.num_groups), ("roles", kinds.role, kinds.num_roles)):
            layouts[f"{block}_relation"] = Layout(subject_relation, of_entity[obj], (len(history.families["subject_relation"].keys), width))
            layouts[f"{block}_any"] = Layout(subject, of_entity[obj], (entities, width))
        users = {"popularity": {"popularity", "foretold"}, "role_prior": {"roles"}}
        return {name: layout for name, layout in layouts.items() if users.get(name, {name.split("_")[0]}) & self.blocks}

    def context(self, queries: np.ndarray) -> Context:
        """The context signals of a batch of queries, to be read at chosen candidates or summed over all."""
        self.refresh()
        return Context(self, queries)


class Layout:
    """A fixed sparse layout into which per-key values are summed: built once, filled at each refresh."""

    def __init__(self, rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int]) -> None:
        cells, self._inverse = np.unique(rows.astype(np.int64) * shape[1] + cols, return_inverse=True)
        self._indices = (cells % shape[1]).astype(np.int32)
        self._indptr = np.searchsorted(cells // shape[1], np.arange(shape[0] + 1)).astype(np.int64)
        self._row_of_cell = cells // shape[1]
        self.shape = shape

    def matrix(self, values: np.ndarray, normalise: bool = False) -> sp.csr_matrix:
        data = np.bincount(self._inverse, weights=values, minlength=len(self._indices))
        if normalise:
            totals = np.bincount(self._row_of_cell, weights=data, minlength=self.shape[0])
            data = data / np.maximum(totals[self._row_of_cell], 1e-300)
        return sp.csr_matrix((data, self._indices, self._indptr), shape=self.shape)


class Context:
    """Context signals of a batch of queries, kept in compact tables (per relation, per country, per
    role, two-hop reach per subject) rather than as a dense (queries x entities x signals) array."""

    def __init__(self, signals: Signals, queries: np.ndarray) -> None:
        history, kinds, tables = signals.history, signals.kinds, signals._tables
        self.blocks, self.kinds, self.size = signals.blocks, kinds, len(queries)
        self.entities = history.num_entities
        subject, relation = queries[:, 0], queries[:, 1]
        self.subject = subject
        times, self._moment = np.unique(queries[:, 2], return_inverse=True)
        fading = history.decay(times)
        latest = history.decay(queries[:, 2])[-1][:, None]
        if {"popularity", "foretold"} & self.blocks:
            # Both blocks read the popularity tables at each query's relation and day.
            rows, self._relation_row = np.unique(relation * len(times) + self._moment, return_inverse=True)
            relations, moments = rows // len(times), rows % len(times)
        if "popularity" in self.blocks:
            self._popular = [
                np.log1p(table[relations].toarray() * fading[k, moments][:, None]).astype(np.float32)
                for k, table in enumerate(tables["popularity"])
            ]
            active = history.families["entity"]
            ids = active.ids(np.arange(self.entities))
            self._active = [
                np.log1p(np.where(ids >= 0, active.decayed[k, np.maximum(ids, 0)], 0.0)[None, :] * fading[k][:, None]).astype(np.float32)
                for k in range(len(history.taus))
            ]
        if "foretold" in self.blocks:
            confidence = signals.rule_confidence[relations].T
            self._foretold = [
                np.log1p((table.T @ confidence).T * fading[k, moments][:, None]).astype(np.float32)
                for k, table in enumerate(tables["popularity"])
            ]
        subject_relation = signals._subject_relation_ids(subject, relation)
        self._leanings = {}
        for block in ("country", "roles"):
            if block in self.blocks:
                by_relation, overall = tables[block]
                rows = by_relation[np.maximum(subject_relation, 0)].toarray() * (subject_relation >= 0)[:, None]
                self._leanings[block] = [np.log1p(rows * latest).astype(np.float32), np.log1p(overall[subject].toarray() * latest).astype(np.float32)]
        if "roles" in self.blocks:
            rows, self._prior_row = np.unique(kinds.role[subject] * 2 * history.num_relations + relation, return_inverse=True)
            counts = tables["role_prior"][0][rows].toarray() + 0.5
            sizes = np.maximum(np.bincount(kinds.role, minlength=kinds.num_roles), 1)
            self._prior = np.log(counts / counts.sum(axis=1, keepdims=True) / sizes).astype(np.float32)
        if "siblings" in self.blocks:
            *by_relation, by_any, by_groups = tables["siblings"]
            rows, self._sibling_row = np.unique((kinds.group[subject] * 2 * history.num_relations + relation) * len(times) + self._moment, return_inverse=True)
            groups, moments = rows // len(times), rows % len(times)
            self._siblings = [np.log1p(table[groups].toarray() * fading[k, moments][:, None]).astype(np.float32) for k, table in enumerate(by_relation)]
            self._siblings.append(np.log1p(by_any[kinds.group[subject]].toarray() * latest).astype(np.float32))
            self._sibling_groups = np.log1p(by_groups[groups].toarray() * fading[-1, moments][:, None]).astype(np.float32)
        if "hops" in self.blocks:
            subjects, self._hop_row = np.unique(subject, return_inverse=True)
            self._reach = []
            for walk in tables["hops"]:
                reach = sp.csr_matrix(walk[subjects] @ walk)
                reach.sort_indices()
                reach.data = np.log1p(reach.data / WALK_FLOOR).astype(np.float32)
                self._reach.append(reach)

    def at(self, owner: np.ndarray, entity: np.ndarray) -> np.ndarray:
        """(len(owner), number of context signals) for the candidates ``entity`` of query rows ``owner``."""
        kinds, columns = self.kinds, []
        if "popularity" in self.blocks:
            columns += [table[self._relation_row[owner], entity] for table in self._popular]
            columns += [table[self._moment[owner], entity] for table in self._active]
        if "foretold" in self.blocks:
            columns += [table[self._relation_row[owner], entity] for table in self._foretold]
        if "country" in self.blocks:
            group = kinds.group[entity]
            columns.append((kinds.group[self.subject[owner]] == group).astype(np.float32))
            columns += [table[owner, group] for table in self._leanings["country"]]
        if "siblings" in self.blocks:
            *by_relation, by_any = self._siblings
            columns += [table[self._sibling_row[owner], entity] for table in by_relation]
            columns += [by_any[owner, entity], self._sibling_groups[self._sibling_row[owner], kinds.group[entity]]]
        if "roles" in self.blocks:
            role = kinds.role[entity]
            columns.append(self._prior[self._prior_row[owner], role])
            columns += [table[owner, role] for table in self._leanings["roles"]]
        if "hops" in self.blocks:
            columns += [_lookup(reach, self._hop_row[owner], entity) for reach in self._reach]
        return np.stack(columns, axis=1).astype(np.float32) if columns else np.zeros((len(owner), 0), dtype=np.float32)

    def weighted(self, weights: np.ndarray) -> np.ndarray:
        """(size, entities) sum of the context signals times ``weights``, over every entity."""
        kinds, out, column = self.kinds, np.zeros((self.size, self.entities), dtype=np.float32), 0
        weights = weights.astype(np.float32)
        if "popularity" in self.blocks:
            taus = len(self._popular)
            out += sum(w * table for w, table in zip(weights[:taus], self._popular))[self._relation_row]
            out += sum(w * table for w, table in zip(weights[taus : 2 * taus], self._active))[self._moment]
            column = 2 * taus
        if "foretold" in self.blocks:
            taus = len(self._foretold)
            out += sum(w * table for w, table in zip(weights[column : column + taus], self._foretold))[self._relation_row]
            column += taus
        if "country" in self.blocks:
            by_group = weights[column + 1] * self._leanings["country"][0] + weights[column + 2] * self._leanings["country"][1]
            by_group[np.arange(self.size), kinds.group[self.subject]] += weights[column]
            out += by_group[:, kinds.group]
            column += 3
        if "siblings" in self.blocks:
            *by_relation, by_any = self._siblings
            taus = len(by_relation)
            out += sum(w * table for w, table in zip(weights[column : column + taus], by_relation))[self._sibling_row]
            out += weights[column + taus] * by_any
            out += (weights[column + taus + 1] * self._sibling_groups)[self._sibling_row][:, kinds.group]
            column += taus + 2
        if "roles" in self.blocks:
            by_role = weights[column] * self._prior[self._prior_row]
            by_role += weights[column + 1] * self._leanings["roles"][0] + weights[column + 2] * self._leanings["roles"][1]
            out += by_role[:, kinds.role]
            column += 3
        if "hops" in self.blocks:
            taus = len(self._reach)
            reach = sum(w * table for w, table in zip(weights[column : column + taus], self._reach))
            out += reach.toarray()[self._hop_row]
        return out


def _lookup(matrix: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Values of a CSR matrix with sorted indices at (rows, cols), 0 where nothing is stored."""
    width = matrix.shape[1]
    row_of = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    keys = row_of * width + matrix.indices
    wanted = rows.astype(np.int64) * width + cols
    position = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
    found = (keys[position] == wanted) if len(keys) else np.zeros(len(wanted), dtype=bool)
    return np.where(found, matrix.data[position] if len(keys) else 0, 0).astype(np.float32)
