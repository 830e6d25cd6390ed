"""The graph's schema: every node label and relationship type, declared once.

Loaders validate against it, both stores create labels and types only from it (never from
user input), and the renderers read colours and display names from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

# Properties every relation may carry, whatever its type.
COMMON_RELATION_PROPERTIES: tuple[str, ...] = ("source", "evidence", "confidence", "note")

# When a relation held, as the source dates it (YYYY, YYYY-MM or YYYY-MM-DD): every type may
# carry them, so "as of" questions can leave out what had not begun or had already ended.
DATED_RELATION_PROPERTIES: tuple[str, ...] = ("since", "until")

# Kinds of source, each with the highest confidence its facts may have (issue 10): government
# pages and official media high, other established media medium; aggregators are not used.
SOURCE_KINDS: dict[str, str] = {
    "article": "high", "government": "high", "official-media": "high", "standard": "high",
    "media": "medium", "editorial": "medium",
    # a published data set restating official codes (the division table under data/places)
    "dataset": "high",
    # a copy of an attributed article (publisher, author and date shown) on another site,
    # where the original's address could not be seen: one level below official media
    "mirror": "medium",
    # (no "aggregator": a self-media or aggregator page with no attributed original backs no
    # fact; such facts are left out until an original is found)
}

CONFIDENCE_LEVELS: tuple[str, ...] = ("high", "medium", "low")


@dataclass(frozen=True)
class Label:
    """A node label: what kind of thing an entity is."""

    name: str
    prefix: str  # id prefix, e.g. "city" in "city:nantong"
    zh: str
    description: str
    properties: tuple[str, ...] = ()  # label-specific properties beyond the common ones
    color: str = "#999999"
    shape: str = "dot"


@dataclass(frozen=True)
class RelType:
    """A relationship type with the labels allowed at each end."""

    name: str
    sources: frozenset[str]
    targets: frozenset[str]
    zh: str
    description: str
    properties: tuple[str, ...] = field(default=())
    # May a relation of this type start and end at the same entity? None of today's types
    # may: "南通 cooperates with 南通" is a data error, and it would loop in every walk.
    allows_self: bool = False


# Common entity properties; label-specific ones are declared on each Label.
ENTITY_FIELDS: tuple[str, ...] = (
    "id", "label", "name", "name_en", "aliases", "description", "source", "confidence",
)

_LABELS = [
    Label("City", "city", "城市", "A city, district or county-level city (with its admin level).",
          ("level", "adcode", "lon", "lat", "parent", "until"), "#e4572e", "dot"),
    Label("Region", "region", "区域",
          "A province, metropolitan circle, economic belt, city cluster or special zone.",
          ("kind", "area_km2", "established", "until", "lon", "lat", "members_stated"),
          "#f3a712", "diamond"),
    Label("Industry", "industry", "产业",
          "An industry, cluster or chain; `level` says category, cluster or chain.",
          ("level",), "#29335c", "square"),
    Label("Park", "park", "园区", "An industrial park, co-built park, base or cooperation zone.",
          ("kind", "area_km2", "established", "until", "level", "lon", "lat"),
          "#4caf50", "triangle"),
    Label("Mechanism", "mechanism", "机制",
          "An institutional arrangement: cost sharing, tax sharing, dual statistics, …",
          ("kind",), "#8e44ad", "star"),
    Label("Organization", "org", "组织", "A government body, alliance, company or fund.",
          ("kind", "established", "until"), "#3b8ea5", "ellipse"),
    Label("Initiative", "initiative", "举措",
          "A strategy, plan, programme, campaign, brand or platform.",
          ("kind",), "#a8c686", "box"),
    Label("Infrastructure", "infra", "基础设施", "A bridge, railway, port or airport.",
          ("kind", "opened", "length_m", "status", "until"), "#7f8c8d", "hexagon"),
    Label("Source", "source", "来源", "A document that states relations.",
          ("title", "author", "url", "published", "file", "publisher", "kind"), "#bdc3c7", "text"),
]

LABELS: dict[str, Label] = {label.name: label for label in _LABELS}
LABEL_BY_PREFIX: dict[str, Label] = {label.prefix: label for label in _LABELS}

_PLACE = frozenset({"City", "Region"})
_ACTOR = frozenset({"City", "Region", "Organization"})
_ANY = frozenset(LABELS) - {"Source"}

_RELTYPES = [
    RelType("HAS_INDUSTRY", _PLACE | {"Park"}, frozenset({"Industry"}), "拥有产业",
            "A place or park has an industry; `tier` such as 千亿级, `role` such as lead.",
            ("tier", "role")),
    RelType("LOCATED_IN", frozenset({"City", "Park", "Infrastructure", "Region", "Organization"}),
            _PLACE, "位于",
            "Geographic containment: a district in a city, a park in a district, a body's seat."),
    RelType("MEMBER_OF", _ACTOR, frozenset({"Region", "Organization"}), "成员",
            "Formal membership of a metropolitan circle, city cluster or alliance; `role` "
            "chair (first or standing chair).", ("role",)),
    RelType("CO_BUILDS", _ACTOR, frozenset({"Park", "Region", "Infrastructure", "Initiative"}),
            "共建", "An actor co-builds a park, zone, platform or project; `share` is its stake.",
            ("share", "role")),
    RelType("FOCUSES_ON", frozenset({"Park", "Region", "Initiative", "Organization"}),
            frozenset({"Industry"}), "聚焦",
            "A park, zone, alliance or plan focuses on an industry."),
    RelType("ADOPTS", _ACTOR | {"Park", "Initiative"}, frozenset({"Mechanism"}), "采用",
            "An actor explores, establishes or applies a mechanism.", ("status",)),
    RelType("COOPERATES_WITH", _ACTOR | {"Park"}, _ACTOR | {"Park"}, "合作",
            "Two actors work together; `field` names the area of cooperation.", ("field",)),
    RelType("LEARNS_FROM", _ACTOR | {"Park"}, _ANY, "学习借鉴",
            "An actor takes a model's experience: the examples the article cites.", ("aspect",)),
    RelType("BROADER", frozenset({"Industry"}), frozenset({"Industry"}), "上位产业",
            "Industry taxonomy: the narrower industry points to its broader category."),
    RelType("UPSTREAM_OF", frozenset({"Industry"}), frozenset({"Industry"}), "上游",
            "Supply chain: the first industry supplies the second."),
    RelType("CONNECTS", frozenset({"Infrastructure"}), _PLACE | {"Park"}, "连接",
            "A bridge, railway or airport links a place."),
    RelType("PARTICIPATES_IN", _ACTOR | {"Park"},
            frozenset({"Initiative", "Organization", "Region"}), "参与",
            "An actor takes part in, docks with or serves a plan, alliance or zone.", ("role",)),
    RelType("PART_OF", frozenset({"Initiative", "Mechanism", "Park", "Region"}),
            frozenset({"Initiative", "Region", "Park"}), "组成部分",
            "A task, mechanism or area is a component of a larger plan, zone or merged park."),
    RelType("PROPOSES", frozenset({"Organization"}), _ANY, "提出",
            "A body proposes, decides or requires a plan, zone or mechanism."),
    RelType("MENTIONS", frozenset({"Source"}), _ANY, "提及",
            "A source names an entity in a sentence (the sentence is the evidence)."),
]

# Every type may be dated; declared here once rather than on each type.
_RELTYPES = [replace(r, properties=r.properties + DATED_RELATION_PROPERTIES) for r in _RELTYPES]
REL_TYPES: dict[str, RelType] = {rel.name: rel for rel in _RELTYPES}

# Paths and neighbourhoods never pass through these labels: every sentence of a document
# would otherwise be a two-hop shortcut between any two things it names.
TRAVERSAL_EXCLUDED_LABELS: tuple[str, ...] = ("Source",)

# Entity ids are "<prefix>:<slug>"; slugs are lowercase ASCII, digits and dashes.
ID_PATTERN = r"^[a-z]+:[a-z0-9][a-z0-9-]*$"


def label_for_id(entity_id: str) -> Label | None:
    """The label an id's prefix names, or None for an unknown prefix."""
    prefix = entity_id.split(":", 1)[0]
    return LABEL_BY_PREFIX.get(prefix)
