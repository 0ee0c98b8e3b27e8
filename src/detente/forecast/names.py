"""What an ICEWS entity name says about the entity: its role and the country or group it belongs to.

ICEWS names sectors as ``Role (Country)`` — "Police (Nigeria)", "Head_of_Government_(Egypt)" — so two
entities that never met may still be known to share a country, and an arrest by "Police (X)" is known
to fall on people of kinds seen arrested before. A name without the parenthesis (a state, a person,
an organisation) is its own group and has no role, until its history places it (``placed``): a
person or a party is counted in the country it deals with most.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

_QUALIFIED = re.compile(r"^(?P<role>.*?)\s*\((?P<group>[^()]*)\)\s*$")
NO_ROLE = ""


def split_name(name: str) -> tuple[str, str]:
    """``(role, group)`` of an entity name; underscores read as spaces."""
    name = name.replace("_", " ").strip()
    match = _QUALIFIED.match(name)
    if match is None or not match["role"]:
        return NO_ROLE, name
    return match["role"], match["group"]


@dataclass(frozen=True)
class EntityKinds:
    """Per entity id: the index of its role and of its group (0 is "no role")."""

    role: np.ndarray
    group: np.ndarray
    num_roles: int
    num_groups: int

    @classmethod
    def of(cls, names: tuple[str, ...] | list[str]) -> EntityKinds:
        roles: dict[str, int] = {NO_ROLE: 0}
        groups: dict[str, int] = {}
        role_ids, group_ids = [], []
        for name in names:
            role, group = split_name(name)
            role_ids.append(roles.setdefault(role, len(roles)))
            group_ids.append(groups.setdefault(group, len(groups)))
        return cls(np.array(role_ids, dtype=np.int64), np.array(group_ids, dtype=np.int64), len(roles), len(groups))

    def placed(self, first: np.ndarray, second: np.ndarray, weights: np.ndarray) -> EntityKinds:
        """The kinds with each entity that is alone in its group (a person, a party, an organisation)
        moved to the shared group it dealt with most, by the ``weights`` of its pairs ``(first, second)``.

        "Justin Trudeau" names no country, but most of his facts are with "... (Canada)": counting him
        in Canada lets what is known of Canada's entities reach him.
        """
        members = np.bincount(self.group, minlength=self.num_groups)
        alone = members[self.group] == 1
        partner_group = self.group[second]
        counted = alone[first] & (members[partner_group] > 1)
        cells, index = np.unique(first[counted] * self.num_groups + partner_group[counted], return_inverse=True)
        dealt = np.bincount(index.ravel(), weights=weights[counted], minlength=len(cells))
        order = np.lexsort((-dealt, cells // self.num_groups))
        entity, most = cells[order] // self.num_groups, cells[order] % self.num_groups
        leading = np.r_[True, entity[1:] != entity[:-1]][: len(entity)]
        group = self.group.copy()
        group[entity[leading]] = most[leading]
        return replace(self, group=group)
