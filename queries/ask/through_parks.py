"""Parks between two places through a third party: one builds the park, it lies in the other.

"泰兴有没有跟上海合作的园区" (the Jinqiao-Huangqiao park lies in 泰兴 and 上海's 金桥集团 co-builds
it), "靖江那个跨江园区是江阴建的吗" (江阴 builds it, it lies in 靖江), "Which Qidong parks pair
with Pudong" (Qidong's parks COOPERATES_WITH Pudong): neither side co-builds what the other
co-builds, so the co-built reading finds nothing. `links --via park` finds these (a hosted or
partner park, at any district depth of either side, each with how its path runs), so the
answer agrees with `links` on the same pair.
"""

from __future__ import annotations

from queries.ask.records import Step

# Read where a park is asked of two: the co-building relations, or cooperation
PARK_TYPES = frozenset({"CO_BUILDS", "COOPERATES_WITH"})


def hosted_parks(a: str = "{a}", b: str = "{b}") -> Step:
    """links --via park between the two slots, a fallback where no park is co-built by both:
    the parks one side builds or hosts that lie in the other or partner it."""
    return Step("links", (a, b), {"via": "park"}, empty_on=("NoLinks",),
                only_if_empty=True, answers=True, settles=True,
                note="No park both co-build; the parks one builds or hosts that lie in the "
                     "other or partner it:")


def park_between(rel_types: list[tuple[str | None, str]], asked: frozenset[str] | None,
                 ends: tuple[str, ...]) -> list[Step]:
    """The fallback for "which parks do {x} and {y} build": parks through a third party
    (see the module's docstring), where parks are asked of two through building."""
    if len(ends) != 2 or asked != frozenset({"Park"}) or not any(
            t in PARK_TYPES for t, _ in rel_types):
        return []
    return [hosted_parks(*ends)]

