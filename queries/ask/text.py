"""The gazetteer `ask` reads questions with: the graph's names plus the words analysts use
(the concepts of queries/ask/lexicon.yaml)."""

from __future__ import annotations

from graph.gazetteer import Gazetteer
from graph.store import Store
from queries.ask.lexicon import lexicon


def gazetteer(store: Store) -> Gazetteer:
    return Gazetteer.build(store.all_entities(), lexicon().concepts)
