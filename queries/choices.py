"""The choices questions offer, as plain names: kinds of link per `--via`, hub metrics.

This module imports nothing, so the CLI builds its `--via` and `--metric` choices from it at
start-up without loading the questions themselves. `queries.links` and `queries.hubs` use these
registries; tests/test_queries.py checks that every kind named here is a kind
`queries.link_kinds.KINDS` defines, and that "any" names them all.
"""

from __future__ import annotations

from dataclasses import dataclass

# The kinds of link, in the order `queries.link_kinds.KINDS` declares them.
KIND_NAMES: tuple[str, ...] = (
    "co-built-park", "hosted-park", "partner-park", "cooperation", "shared-industry",
    "industry-chain",
    "shared-membership", "shared-mechanism", "shared-infrastructure", "learning",
)


@dataclass(frozen=True)
class Via:
    """A choice of --via: the kinds of link it asks for."""

    kinds: tuple[str, ...]
    help: str


VIAS: dict[str, Via] = {
    "industry": Via(("shared-industry", "industry-chain"),
                    "shared industries (same, or one taxonomy level apart) and supply chains"),
    "park": Via(("co-built-park", "hosted-park", "partner-park"),
                "parks both co-build, one builds in the other, or one's park partners the other"),
    "co-built": Via(("co-built-park",), "only parks both sides co-build"),
    "chain": Via(("industry-chain",), "one side's industry is upstream of the other's"),
    "cooperation": Via(("cooperation",), "one side cooperates with the other (a stated tie)"),
    "membership": Via(("shared-membership",), "the same alliance, circle or initiative"),
    "mechanism": Via(("shared-mechanism",), "the same mechanism adopted"),
    "infrastructure": Via(("shared-infrastructure",),
                          "a bridge, tunnel, railway, port or airport that connects both"),
    "learning": Via(("learning",), "one side learns from the other or something in it"),
    "any": Via(KIND_NAMES, "every kind of link"),
}

# How `hubs` measures centrality.
METRICS: tuple[str, ...] = ("degree", "betweenness", "pagerank")
