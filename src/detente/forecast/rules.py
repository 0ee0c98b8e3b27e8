"""Length-1 temporal rules ``(s, r', o, t') => (s, r, o, t)``, ``t' < t``, and how far to trust each.

TLogic learns such rules from cyclic walks; for length 1 the walks are exactly the pairs of facts
between the same two entities, so the rules can be counted directly. A rule's confidence here is
the share of the days a pair interacted, having interacted by ``r'`` before, on which it did ``r``:
it asks "given these two meet today, what do they do, knowing what they did before?", which is the
question a candidate with a shared past raises.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from detente.forecast.history import History
from detente.forecast.signals import spans
from detente.forecast.tkg import OBJECT, RELATION, SUBJECT, TIME


def rule_confidence(history: History, smoothing: float = 5.0) -> np.ndarray:
    """(2R, 2R) matrix: ``[r, r']`` = confidence of ``(s, r', o) => (s, r, o)``, from the revealed facts."""
    relations, entities = 2 * history.num_relations, history.num_entities
    facts = history.facts[: history.revealed]
    if not len(facts):
        return np.zeros((relations, relations))
    pair = facts[:, SUBJECT] * entities + facts[:, OBJECT]
    pair_relation = pair * relations + facts[:, RELATION]
    order = np.lexsort((facts[:, TIME], pair_relation))
    first_of, first = np.unique(pair_relation[order], return_index=True)
    first_time = facts[order[first], TIME]
    known_pair, known_relation = first_of // relations, first_of % relations
    today = np.unique(np.stack([pair, facts[:, TIME], facts[:, RELATION]], axis=1), axis=0)
    meetings, meeting_of = np.unique(today[:, :2], axis=0, return_inverse=True)
    start = np.searchsorted(known_pair, meetings[:, 0], side="left")
    end = np.searchsorted(known_pair, meetings[:, 0], side="right")
    owner, index = spans(start, end)
    before = first_time[index] < meetings[owner, 1]
    shape = (len(meetings), relations)
    known_before = sp.csr_matrix((np.ones(before.sum()), (owner[before], known_relation[index[before]])), shape=shape)
    done_today = sp.csr_matrix((np.ones(len(today)), (meeting_of.ravel(), today[:, 2])), shape=shape)
    together = (done_today.T @ known_before).toarray()
    body = np.asarray(known_before.sum(axis=0)).ravel()
    return together / (body[None, :] + smoothing)
