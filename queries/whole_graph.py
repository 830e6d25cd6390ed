"""The whole graph: every entity and relation, with the Source nodes they cite."""

from __future__ import annotations

from graph.model import Subgraph
from graph.store import Store


def whole_graph(store: Store) -> tuple[Subgraph, tuple[str, ...]]:
    """Every entity and relation, with the Source nodes the relations and entities cite.

    The Store lists sources only through what cites them, so a Source nothing refers to is
    missed; the second value warns when the store counts more Sources than were found.
    """
    entities = {e.id: e for e in store.all_entities()}
    relations = store.all_relations()
    cited = {i for r in relations for i in (r.start, r.end, r.source)}
    cited |= {str(e.props["source"]) for e in entities.values() if e.props.get("source")}
    entities.update(store.entities(cited - set(entities)))
    labels, _ = store.counts()
    found = sum(1 for e in entities.values() if e.label == "Source")
    warnings: tuple[str, ...] = ()
    if labels.get("Source", 0) > found:
        warnings = (f"{labels['Source'] - found} Source node(s) that nothing cites are not "
                    "exported",)
    nodes = tuple(entities[k] for k in sorted(entities))
    edges = tuple(r for r in relations if r.start in entities and r.end in entities)
    return Subgraph(nodes=nodes, edges=edges), warnings
