"""How strong a link is: its kind, its weakest relation, and how many sources support it.

strength = 100 × kind weight × confidence × corroboration, where
- kind weight says how much the kind of link says about the two sides (a park both co-build
  says more than a mechanism both adopt; a shared industry weighs less the further apart in
  the taxonomy the sides' own industries are);
- confidence is that of the weakest relation on the link's best path (high 1, medium 0.7,
  low 0.4): a chain is no stronger than its weakest statement;
- a bridge, railway or park not yet open (status planned or under construction, as of its
  source) counts half: a plan is a weaker tie than a line in use;
- corroboration is 1 − ½ⁿ for n independent sources stating the link's facts (1 source 0.5,
  2 sources 0.75, 3 sources 0.875): each further source counts, less and less. n is counted
  on the less-supported side: a shared industry is two statements (A has it, B has it), and
  three sources for A's do not make B's surer; a park both co-build, stated by one source, is
  as corroborated as an industry each has by one source each.

Path counts play no part: a hub reached many ways is not thereby a strong link.
"""

from __future__ import annotations

CONFIDENCE_FACTOR = {3: 1.0, 2: 0.7, 1: 0.4}  # by rank: high, medium, low
CONFIDENCE_NAME = {3: "high", 2: "medium", 1: "low"}

# A shared industry weighs less the further apart the sides' own industries are in the
# taxonomy: its kind's weight times this factor (beyond distance 2 only with --broad).
INDUSTRY_DISTANCE_FACTOR = {0: 1.0, 1: 2 / 3, 2: 0.5}
BROAD_INDUSTRY_FACTOR = 0.25

# Statuses of a line or park that is not in use yet (its record's `status`, as of its source).
NOT_OPEN = frozenset({"planned", "under-construction", "proposed"})
NOT_OPEN_FACTOR = 0.5

RANKING = ("Ranked by strength (0–100) = kind weight × confidence of the weakest relation on "
           "the best path (high 1, medium 0.7, low 0.4) × corroboration (1 − ½ⁿ for n "
           "independent sources, on the less-supported side), halved for a line not yet "
           "open; not by path count.")


def corroboration(sources: int) -> float:
    return 1.0 - 0.5 ** max(sources, 0)


def strength(weight: float, confidence_rank: int, sources: int) -> int:
    """The link's strength, 0–100."""
    return round(100 * weight * CONFIDENCE_FACTOR.get(confidence_rank, 0.4)
                 * corroboration(sources))


def distance_factor(distance: int | None) -> float:
    """How much of a shared industry's weight its taxonomy distance keeps."""
    if distance is None:
        return 1.0
    return INDUSTRY_DISTANCE_FACTOR.get(distance, BROAD_INDUSTRY_FACTOR)


def not_open(status: object) -> str:
    """A line's or park's status said in words when it is not open yet ("under
    construction"), else "": what links' dates and compare's tables show beside its name."""
    return str(status).replace("-", " ") if status in NOT_OPEN else ""


def status_factor(status: object) -> float:
    """How much of its kind's weight a linking entity keeps by its status."""
    return NOT_OPEN_FACTOR if status in NOT_OPEN else 1.0
