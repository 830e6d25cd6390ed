"""The gazetteer `ask` reads questions with: the graph's names plus the words analysts use."""

from __future__ import annotations

from graph.gazetteer import Gazetteer
from graph.store import Store
from queries.ask.intents import EXTRA_ALIASES


def gazetteer(store: Store) -> Gazetteer:
    return Gazetteer.build(store.all_entities(), EXTRA_ALIASES)
