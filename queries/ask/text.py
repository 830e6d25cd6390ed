"""The gazetteer `ask` reads questions with: the graph's names plus the words analysts use
(the concepts of queries/ask/lexicon.yaml) and the shorter English forms of long names.

An analyst says "the Qidong-Pudong collaboration park" or "the Taihu alliance" for "Qidong-Pudong
Industrial Innovation Collaboration Park" and "YRD Integration Taihu Fusion Innovation
Alliance": a name is also found with its generic words (industrial, innovation, YRD …) left
out, as long as what is left names that one entity only. Otherwise its words are matched one
by one ("Qidong", "Pudong") and the question is about other things than it asks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from itertools import combinations, pairwise

from graph.gazetteer import Gazetteer, Mention, latin_key, prepare, recognise
from graph.model import Entity
from graph.store import Store
from queries.ask.lexicon import lexicon
from queries.ask.possessed import possessed

# Words a long English name holds that an analyst leaves out when saying it; "hi tech" and
# "sci tech" go as one ("high-end" never does).
GENERIC = frozenset((
    "industrial", "industry", "innovation", "development", "economic", "technological",
    "science", "technology", "hi tech", "high tech", "sci tech", "integration", "integrated",
    "fusion", "ecological", "cooperation", "cooperative", "special", "demonstration",
    "modern", "yrd", "yangtze", "river", "delta", "china", "national", "international",
    "holding", "linkage", "coastal", "collaboration", "industries", "group", "co", "ltd",
    "area", "new"))
_CONNECTORS = frozenset(("and", "of", "the", "for"))
_ARTICLES = frozenset(("the", "a", "an", "its"))
# Words that do not name one thing on their own: what is kept must hold another.
COMMON = frozenset((
    "city", "cities", "north", "south", "east", "west", "northern", "southern", "eastern",
    "western", "upper", "middle", "lower", "sea", "zone", "park", "port", "bridge", "railway",
    "free", "trade", "pilot", "first", "one", "two", "three", "four", "five", "six", "speed",
    "road", "rail", "section", "phase", "base", "centre", "center", "centres", "centers",
    "services", "service", "materials", "energy", "equipment", "health", "future", "smart",
    "digital", "a", "an", "in", "on", "to", "with", "s", "high", "end", "hi", "tech", "sci",
    # everyday words one letter from a kind word, never a misspelling of it ("who chairs the
    # alliance" was read as "chains", an industry word)
    "chairs", "chaired", "chairing", "legions", "nations", "stations", "portions"))
# The kind word said another way: "the North Yangtze high-speed rail".
_SAID_FOR = {"railway": ("rail", "line"), "centres": ("centers",), "centre": ("center",)}
_MAX_DROPPED = 6  # a name with more generic words than this is left as it is


def _english(text: str | None) -> bool:
    """An English name, typographic dashes and quotes too ("Haimen–Taicang Yangtze River
    Tunnel" is said "Haimen-Taicang tunnel")."""
    return bool(text) and prepare(text or "").isascii()


def _units(name: str) -> list[str]:
    """A name's words, "hi tech" as one; a bracketed note ("(the zone)") is no part of it."""
    words = re.findall(r"[a-z0-9]+", prepare(re.sub(r"\([^)]*\)", " ", name)))
    out: list[str] = []
    for w in words:
        if out and f"{out[-1]} {w}" in GENERIC:
            out[-1] = f"{out[-1]} {w}"
        else:
            out.append(w)
    return out


def short_forms(name: str, names: frozenset[str] = frozenset()) -> set[str]:
    """The forms of an English name with some of its generic words left out: never its last
    word (the kind: park, alliance, bridge), and never leaving one word that names another
    thing (`names`: "Jiangsu coastal region" is not "Jiangsu region"; "Wuxi-Xuzhou park" is
    the Wuxi-Xuzhou Industrial Park)."""
    units = _units(name)
    if len(units) < 2 or (len(units) < 3 and units[-1] not in _SAID_FOR):
        return set()
    head, body = units[-1], units[:-1]
    generic = [i for i, w in enumerate(body) if w in GENERIC]
    out: set[str] = {" ".join([*body, h]) for h in _SAID_FOR.get(head, ())}
    if not generic or len(generic) > _MAX_DROPPED:
        return out
    for n in range(1, len(generic) + 1):
        for dropped in combinations(generic, n):
            kept = [w for i, w in enumerate(body) if i not in dropped and not (
                w in _CONNECTORS and (i - 1 in dropped or i + 1 in dropped or i == 0))]
            content = [w for w in kept if w not in _CONNECTORS]
            if len(content) < 3 and not any(w not in GENERIC and w not in COMMON
                                            for w in content):
                continue
            if len(content) == 1 and latin_key(content[0]) in names:
                continue  # "Jiangsu region": one name and the kind word names that place
            out.update(" ".join([*kept, h]) for h in (head, *_SAID_FOR.get(head, ())))
    return out


def shortened(entities: Iterable[Entity]) -> dict[str, tuple[str, ...]]:
    """Each entity's short English forms: never another entity's own form, nor one that the
    short forms of more than two entities share."""
    entities = list(entities)
    taken = {latin_key(prepare(t)) for e in entities
             for t in (e.name, e.name_en, *e.aliases) if t}
    names = frozenset(taken)
    owners: dict[str, set[str]] = {}
    for e in entities:
        if e.label == "Source":
            continue
        for text in (e.name_en, *e.aliases):
            if _english(text):
                for form in short_forms(text, names):
                    owners.setdefault(form, set()).add(e.id)
    out: dict[str, list[str]] = {}
    for form, ids in owners.items():
        # two owners: the zone and the body that runs it, named alike; the question decides
        if len(ids) <= 2 and latin_key(form) not in taken:
            for entity_id in ids:
                out.setdefault(entity_id, []).append(form)
    return {k: tuple(sorted(v)) for k, v in out.items()}


# A Chinese name said another way: its kind word shorter or longer (苏宿工业园区 is also
# 苏宿工业园; 张靖皋长江大桥 is 张靖皋大桥), the river or the road type left out of a crossing.
_HAN_SUFFIXES = (("工业园区", ("工业园", "园区")), ("产业园区", ("产业园", "园区")),
                 ("工业园", ("工业园区", "园区")), ("产业园", ("产业园区", "园区")),
                 ("高新技术产业开发区", ("高新区",)), ("经济技术开发区", ("经开区", "开发区")),
                 ("长江公路大桥", ("大桥", "长江大桥")), ("长江公铁大桥", ("公铁大桥", "大桥")),
                 ("公铁长江大桥", ("公铁大桥", "大桥")), ("长江大桥", ("大桥",)),
                 ("过江通道", ("通道",)), ("集团有限公司", ("集团",)), ("股份有限公司", ("",)),
                 ("有限公司", ("",)))


def han_forms(name: str, names: frozenset[str] = frozenset()) -> set[str]:
    """The other ways a Chinese name is said (see _HAN_SUFFIXES); the stem is kept whole,
    and is no other entity's name alone (上海长江大桥 is not 上海大桥)."""
    for suffix, others in _HAN_SUFFIXES:
        stem = name[:-len(suffix)]
        if name.endswith(suffix) and len(stem) >= 2:
            if prepare(stem) in names:
                return set()
            return {stem + other for other in others if len(stem + other) >= 3} - {name}
    return set()


def han_shortened(entities: Iterable[Entity]) -> dict[str, tuple[str, ...]]:
    """Each entity's other Chinese forms: never a name of another entity, nor one that two
    entities' forms share (the question then names neither)."""
    entities = [e for e in entities if e.label != "Source"]
    taken = {prepare(t) for e in entities for t in (e.name, *e.aliases) if t}
    owners: dict[str, set[str]] = {}
    for e in entities:
        for text in (e.name, *e.aliases):
            if text and not _english(text):
                for form in han_forms(text, frozenset(taken)):
                    owners.setdefault(form, set()).add(e.id)
    out: dict[str, list[str]] = {}
    for form, ids in owners.items():
        if len(ids) == 1 and prepare(form) not in taken:
            out.setdefault(next(iter(ids)), []).append(form)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def gazetteer(store: Store) -> Gazetteer:
    entities = list(store.all_entities())
    extra: dict[str, tuple[str, ...]] = dict(shortened(entities))
    for entity_id, forms in han_shortened(entities).items():
        extra[entity_id] = (*extra.get(entity_id, ()), *forms)
    for entity_id, terms in lexicon().concepts.items():
        extra[entity_id] = (*extra.get(entity_id, ()), *terms)
    for entity_id, forms in respelt_names(entities, extra).items():
        extra[entity_id] = (*extra.get(entity_id, ()), *forms)
    return Gazetteer.build(entities, extra)


def respelt_names(entities: Iterable[Entity],
                  extra: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Each English name (and short form) with a word spelt the other way (lexicon
    `spellings`: "Nantong High-tech Zone" is also "Nantong hi tech zone", "Tongzhou Bay
    petrochemical base" also "petrochem base"); never another entity's own name."""
    pairs = [(a, b) for a, b in lexicon().spellings.items()]
    pairs += [(b, a) for a, b in pairs]
    entities = list(entities)
    taken = {prepare(t) for e in entities for t in (e.name, e.name_en, *e.aliases) if t}
    out: dict[str, list[str]] = {}
    for e in entities:
        if e.label == "Source":
            continue
        for text in (e.name_en, *e.aliases, *extra.get(e.id, ())):
            if not _english(text):
                continue
            said = prepare(text)
            for a, b in pairs:
                form = re.sub(rf"(?<![a-z0-9]){re.escape(a)}(?![a-z0-9])", b, said)
                if form != said and form not in taken:
                    out.setdefault(e.id, []).append(form)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


# A name said as a category ("the new materials category", 新材料这个大类): the category the
# graph holds under that name and 产业/industry (新材料产业), not the industry itself.
_CATEGORY = re.compile(r"^\s?(?:这个|这一|这些)?(?:大类|门类|类别|类)|"
                       r"^\s?(?:category|categories)\b")


def _core(words: Iterable[str]) -> tuple[str, ...]:
    """A name's words without the generic ones, the connectors and plural endings: "the new
    Nantong airport" and "Nantong New Airport" are one core (nantong airport)."""
    out = []
    for w in words:
        if w in GENERIC or w in _CONNECTORS or w in _ARTICLES:
            continue
        out.append(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w)
    return tuple(out)


Index = dict[tuple[str, ...], frozenset[str]]
Heads = dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]  # by the last word (the kind)
_LOOSE: dict[int, tuple[Gazetteer, Index, Heads]] = {}


def _words(text: str) -> tuple[str, ...]:
    """A name's words, plural endings dropped (`_core` without leaving anything out)."""
    return tuple(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                 for unit in _units(text) for w in unit.split())


def _loose_index(gaz: Gazetteer) -> tuple[Index, Heads]:
    """The core of every English name and alias (two words at least, one of them naming
    something), and its full words by their last word, each with the entities that hold it;
    cached for the gazetteer."""
    held = _LOOSE.get(id(gaz))
    if held is not None and held[0] is gaz:
        return held[1], held[2]
    owners: dict[tuple[str, ...], set[str]] = {}
    full: dict[tuple[str, ...], set[str]] = {}
    for e in gaz.entities.values():
        if e.label == "Source":
            continue
        for text in (e.name_en, *e.aliases):
            if _english(text):
                core = _core(w for unit in _units(text) for w in unit.split())
                if len(core) >= 2 and any(w not in COMMON for w in core):
                    owners.setdefault(core, set()).add(e.id)
                    full.setdefault(_words(text), set()).add(e.id)
    index = {k: frozenset(v) for k, v in owners.items()}
    fulls: Heads = {}
    for k, v in full.items():
        fulls.setdefault(k[-1], []).append((k, frozenset(v)))
    if len(_LOOSE) > 4:
        _LOOSE.clear()
    _LOOSE[id(gaz)] = (gaz, index, fulls)
    return index, fulls


def _within_a_name(core: tuple[str, ...], index: Heads) -> frozenset[str]:
    """The entities whose name holds these words in order and ends with the same kind word
    ("the Hu-Su-Tong alliance": the Hu-Su-Tong industrial chain alliance), where the words
    say more than a kind (not "the city park", "the industrial park"; four words do)."""
    said = [w for w in core if w not in _CONNECTORS and w not in _ARTICLES]
    if len(said) < 2 or (len(said) < 4 and all(w in COMMON or w in GENERIC
                                                for w in said[:-1])):
        return frozenset()
    found: set[str] = set()
    for name, ids in index.get(core[-1], ()):
        if len(name) > len(core) and _in_order(core, name):
            found |= ids
    return frozenset(found)


def _named_then_kind(span: list[str], inside: list[Mention], last: int,
                     gaz: Gazetteer) -> str:
    """Whether the words are a place's name said whole and then a kind word ("Haimen
    crossings", "Suzhou parks"): the place and the kind, which a longer name that merely
    holds the same words (Chongming–Haimen Crossing, Suzhou Industrial Park) must not beat
    where the kind word is plural ("plural": a set, never one name); said singular ("the
    Haimen crossing") it may be that name ("singular"); else an empty string."""
    kinds = _english_kind_words()
    head = span[-1]
    if head not in kinds and not (head.endswith("s") and head[:-1] in kinds):
        return ""
    before = [m for m in inside if m.start < last]  # (the kind word may name a set: crossings)
    if len(before) != 1 or len(before[0].ids) != 1 or before[0].end > last:
        return ""
    place = gaz.entities.get(before[0].ids[0])  # (a place: "Hu-Su-Tong alliance" is a name)
    if place is None or place.label != "City" or \
            len(span) != 1 + len(re.findall(r"[a-z0-9]+", before[0].text)):
        return ""
    return "plural" if _plural(head, kinds) else "singular"


@cache
def _english_kind_words() -> frozenset[str]:
    """The lexicon's English words for kinds of thing (parks, crossings), read once."""
    from queries.ask.reading import label_words

    return frozenset(str(w).casefold() for w, _ in label_words() if str(w).isascii())


def _plural(word: str, kinds: frozenset[str]) -> bool:
    """Is the word a kind word's plural (parks, alliances, cities)?"""
    return word.endswith("s") and not word.endswith("ss") and (
        word[:-1] in kinds or word[:-2] in kinds or word[:-3] + "y" in kinds)


def _plural_kind(word: str) -> bool:
    """A kind word said in the plural (parks, zones, alliances): a set, which no one name
    holding fewer words than it is."""
    kinds = _english_kind_words()
    return word in kinds and _plural(word, kinds)


@cache
def _concepts() -> frozenset[str]:
    """The lexicon's English concept terms of one word (semiconductor, chips)."""
    return frozenset(t.casefold() for terms in lexicon().concepts.values() for t in terms
                     if t.isascii() and " " not in t)


def _in_order(words: tuple[str, ...], name: tuple[str, ...]) -> bool:
    rest = iter(name)
    return all(w in rest for w in words)


_MAX_SPAN = 12  # words in a loosely said name


def loose_names(q: str, mentions: tuple[Mention, ...], gaz: Gazetteer
                ) -> tuple[Mention, ...]:
    """English names said loosely ("the YRD AI industry alliance", "the new Nantong
    airport"): a run of words whose core (`_core`) is the core of one entity's name, read as
    that entity where it covers the smaller matches inside it (YRD, AI, Nantong); a word for
    the entity's kind may follow ("the national advanced manufacturing cluster programme")."""
    index, fulls = _loose_index(gaz)
    kind_words: dict[str, set[str]] = {}  # programme -> Initiative: the kind said after a name
    for label, said in lexicon().labels.items():
        for w in said:
            kind_words.setdefault(w, set()).add(label)
    words = list(re.finditer(r"[a-z0-9]+", q))
    out = list(mentions)
    taken: list[tuple[int, int]] = []
    for length in range(min(_MAX_SPAN, len(words)), 1, -1):
        for i in range(len(words) - length + 1):
            start, end = words[i].start(), words[i + length - 1].end()
            span = [w.group() for w in words[i:i + length]]
            if span[0] in _ARTICLES | _CONNECTORS or "and" in span or "or" in span or any(
                    start < b and a < end for a, b in taken):
                continue  # ("the YRD and the AI alliance" names two)
            ids = index.get(_core(span))
            if not ids and len(span) > 2 and span[-1] in kind_words:  # "… cluster programme"
                ids = frozenset(i for i in index.get(_core(span[:-1]), ()) if gaz.entities[
                    i].label in kind_words[span[-1]])
            inside = [m for m in out if start < m.end and m.start < end]
            kind_after = _named_then_kind(span, inside, words[i + length - 1].start(), gaz)
            if kind_after == "plural":
                continue  # "Suzhou parks": Suzhou's parks, not Suzhou Industrial Park
            head = words[i + length - 1].start()
            if _plural_kind(span[-1]) and any(
                    gaz.entities[i].label not in ("City", "Region")
                    for m in inside if m.end <= head for i in m.ids if i in gaz.entities):
                continue  # "biomedicine parks": the parks doing it, a set, not one name
                # (places before the kind may name one: the Chongming-Haimen crossing)
            if _plural_kind(span[-1]) and length == 2 and not inside \
                    and span[0] in _concepts():
                continue  # "semiconductor parks": the parks doing it, no one name
            if span[-1] in _english_kind_words() and re.search(
                    r"\b(?:a|an|any|some|no)\s+$", q[:start]) and any(
                    all(gaz.entities[i].label == "Industry" for i in m.ids if i in gaz.entities)
                    for m in inside):
                continue  # "a biomedicine park": any park doing it, not one park's name
            if not ids and not any(m.start <= start and end <= m.end for m in inside) \
                    and not _only_places(span, inside, gaz):
                ids = _within_a_name(_words(" ".join(span)), fulls)  # words left out
            if not ids or len(ids) != 1:
                continue
            if any(m.start < start or m.end > end for m in inside) or (inside and all(
                    set(m.ids) == ids for m in inside)):
                continue  # a longer name runs past it, or the name was read as it is
            out = [m for m in out if m not in inside]
            out.append(Mention(start, end, q[start:end], tuple(ids), "loose name"))
            taken.append((start, end))
    return tuple(sorted(out, key=lambda m: m.start))


def _only_places(span: list[str], inside: list[Mention], gaz: Gazetteer) -> bool:
    """Whether a run of words is places said one after another ("Shanghai, Suzhou, Nantong"):
    a list of them, not the words of a longer name that holds them all."""
    places = [m for m in inside if all(gaz.entities[i].label in ("City", "Region")
                                       for i in m.ids if i in gaz.entities)]
    said = " ".join(m.text for m in places).split()
    return len(places) > 1 and said == span


def _kind_words_respelt(question: str, gaz: Gazetteer) -> str:
    """A kind word misspelt by one letter or two swapped ("aliance", "industires") said as
    it is spelt:
    never a word the gazetteer or the lexicon knows, nor a short one."""
    from rapidfuzz.distance import OSA

    from queries.ask.reading import label_words

    kinds = {str(w) for w, _ in label_words() if str(w).isascii() and " " not in str(w)}
    lex = lexicon()  # (a word of the lexicon is spelt right: "count" is a verb, not "county")
    known = {w for text in (*(v.text for v in lex.verbs), *lex.unheld, *lex.wording,
                            *(w for ws in lex.properties.values() for w in ws))
             for w in str(text).split()}

    def respelt(found: re.Match[str]) -> str:
        word = found.group()
        low = word.casefold()
        if len(low) < 6 or low in kinds or low in known or low in gaz.latin or \
                low in GENERIC or low in COMMON:
            return word
        near = [k for k in kinds if abs(len(k) - len(low)) <= 1
                and OSA.distance(low, k) == 1]
        return near[0] if len(near) == 1 else word

    def swapped(found: re.Match[str]) -> str:
        word = found.group()
        low = word.casefold()
        if len(low) < 5 or low in vocabulary or low in known or low in gaz.latin:
            return word
        near = vocabulary_swaps.get(low, ())
        return near[0] if len(near) == 1 else word

    vocabulary, vocabulary_swaps = _vocabulary(gaz)
    question = re.sub(r"[A-Za-z]+", swapped, question)
    return re.sub(r"[A-Za-z]+", respelt, question)


_VOCABULARY: dict[int, tuple[Gazetteer, frozenset[str], dict[str, tuple[str, ...]]]] = {}


def _vocabulary(gaz: Gazetteer) -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """The English words `ask` reads (the lexicon's and those of the graph's English names)
    and, for each lexicon word of five letters or more, the forms it takes with two letters
    next to each other swapped ("futrue", "bulit", "parsk"): the one typo read as the word it
    almost is, where only one word of the lexicon is so near (cached for the gazetteer)."""
    held = _VOCABULARY.get(id(gaz))
    if held is not None and held[0] is gaz:
        return held[1], held[2]
    from queries.ask.reading import label_words

    lex = lexicon()
    texts = [str(w) for w, _ in label_words()]
    texts += [v.text for v in lex.verbs] + list(lex.wording)
    texts += [w for q in lex.qualifiers for w in q.words]
    texts += [w for k in lex.kinds for w in k.words]
    texts += [w for ws in lex.properties.values() for w in ws]
    words = frozenset(w for t in texts for w in re.findall(r"[a-z]+", t.casefold()))
    # (a name's words are known, never respelt to: a misspelt name is read by
    # parsing.respelt, which says so)
    named = frozenset(w for e in gaz.entities.values() if e.label != "Source"
                      for t in (e.name_en or "", *e.aliases) if t and _english(t)
                      for w in re.findall(r"[a-z]+", t.casefold()))
    swaps: dict[str, list[str]] = {}
    for w in words:
        if len(w) < 5:
            continue
        for i in range(len(w) - 1):
            if w[i] != w[i + 1]:
                form = w[:i] + w[i + 1] + w[i] + w[i + 2:]
                if form not in words and form not in named:
                    swaps.setdefault(form, []).append(w)
    words = words | named
    if len(_VOCABULARY) > 4:
        _VOCABULARY.clear()
    out = {k: tuple(dict.fromkeys(v)) for k, v in swaps.items()}
    _VOCABULARY[id(gaz)] = (gaz, words, out)
    return words, out


def _qualified(mentions: tuple[Mention, ...], gaz: Gazetteer) -> tuple[Mention, ...]:
    """A name said right before another that begins with it names that one alone
    (长三角补链固链强链行动: the action whose full name begins with 长三角, not the YRD too)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.end == m.start and all(
                any(prepare(n).startswith(prepare(prev.text)) for n in (
                    gaz.entities[i].name, gaz.entities[i].name_en or "", *gaz.entities[i].aliases)
                    if n) for i in m.ids if i in gaz.entities):
            out[-1] = replace(m, start=prev.start, text=prev.text + m.text)
            continue
        out.append(m)
    return tuple(out)


def names_in(question: str, gaz: Gazetteer) -> tuple[str, tuple[Mention, ...]]:
    """The prepared question and the entities it names (graph.gazetteer.recognise), a name
    followed by a word for a category read as that category where the graph holds one, and
    English names said loosely (`loose_names`)."""
    q, mentions = recognise(_kind_words_respelt(_demonstrative_joined(question, gaz), gaz),
                             gaz)
    mentions = _qualified(loose_names(q, mentions, gaz), gaz)
    out = []
    for m in mentions:
        if _CATEGORY.search(q[m.end:]) and all(gaz.entities[i].label == "Industry"
                                                for i in m.ids if i in gaz.entities):
            text = m.text.strip()
            key = f"{text}产业" if not text.isascii() else latin_key(f"{text} industry")
            ids = gaz.han.get(key) if not text.isascii() else gaz.latin.get(key)
            if ids and set(ids) != set(m.ids):
                m = replace(m, ids=tuple(sorted(ids)), how="category")
        out.append(m)
    once = _said_once(q, out, gaz, glossed=bool(re.search(r"[(（]", question)))
    owned = possessed(q, once, gaz, question)  # "the zone's construction plan": the plan
    return _named_again(q, _where_it_is(q, owned, gaz))


_CLAUSE_END = re.compile(r"[，,。；;？?!！]|\s(?=[\u4e00-\u9fff])")
_ASKS = re.compile(r"哪|什么|谁|几|多少|吗|是否|是不是|有没有|\b(?:which|what|who|where|when|how|"
                   r"is|are|does|do)\b")


_JOINS = re.compile(r"\s*(?:(?:connected |linked |related )?(?:to|and|with|vs|versus)|"
                    r"和|跟|与|同|及|对|比)\s*")


def _named_again(q: str, mentions: tuple[Mention, ...]) -> tuple[str, tuple[Mention, ...]]:
    """One thing named twice ("phase II of the line, the Taicang to Situan stretch", 想去南通
    扩产，南通哪些园区…) is named once: the mention in the clause that asks is kept (else the
    first), the other's words blanked, so the question names it once, not two things."""
    ids = [m.ids[0] if len(m.ids) == 1 else None for m in mentions]
    repeated = {i for i in ids if i is not None and ids.count(i) > 1}
    if not repeated:
        return q, mentions
    bounds = [0, *(m.end() for m in _CLAUSE_END.finditer(q)), len(q)]

    def asks(m: Mention) -> bool:
        a = max(b for b in bounds if b <= m.start)
        z = min((b for b in bounds if b >= m.end), default=len(q))
        return bool(_ASKS.search(q[a:z]))

    dropped: set[int] = set()
    for i in repeated:
        same = [n for n, k in enumerate(ids) if k == i]
        if any(_JOINS.fullmatch(q[mentions[a].end:mentions[b].start])
               for a, b in pairwise(same)):
            continue  # "how is Nantong connected to Nantong City": two asked, one thing
        keep = next((n for n in same if asks(mentions[n])), same[0])
        dropped |= {n for n in same if n != keep}
    for n in dropped:
        m = mentions[n]
        q = q[:m.start] + " " * (m.end - m.start) + q[m.end:]
    return q, tuple(m for n, m in enumerate(mentions) if n not in dropped)


_DEMONSTRATIVE = re.compile(r"(?<=[\u4e00-\u9fff])"
                            r"(?:那个|这个|那座|这座|那家|这家|那条|这条|那片|这片)"
                            # (启东配套浦东那个万亩的园区: a few words of description too)
                            r"(?:[\u4e00-\u9fff]{1,4}的)?"
                            r"(?=[\u4e00-\u9fff])")


def _demonstrative_joined(question: str, gaz: Gazetteer) -> str:
    """The question without a 那个 said inside a name (鄞衢那个产业飞地: 鄞衢产业飞地), where
    the name then read is one the question did not say whole; else as said."""
    said = {m.text for m in recognise(question, gaz)[1]}
    for found in _DEMONSTRATIVE.finditer(question):
        # (海太那条过江隧道: a word or two of description before the kind go too, 海太隧道)
        for skip in range(0, 5):
            joined = question[:found.start()] + question[found.end() + skip:]
            if _names_more(joined, question, said, gaz):
                return joined
    return question


def _names_more(joined: str, question: str, said: set[str], gaz: Gazetteer) -> bool:
    """Does `joined` name a thing (of over two characters) the question did not say whole?"""
    return any(m.text not in said and len(m.text) > 2 for m in recognise(joined, gaz)[1]
               if m.text not in prepare(question)
               # (新能源这个产业 is 新能源 said as an industry, not the category 新能源产业)
               and not (m.text[-2:] in ("产业", "行业") and m.text[:-2] in said))


def _where_it_is(q: str, mentions: tuple[Mention, ...], gaz: Gazetteer) -> tuple[Mention, ...]:
    """The mentions, a place said right after a thing named after it ("the Shibei sci-tech
    city in Nantong", whose name holds Nantong) read as part of that thing's mention: the
    place says which thing, it is not a second entity asked about."""
    out: list[Mention] = []
    for n, m in enumerate(mentions):
        prev = mentions[n - 1] if n else None
        if (prev is not None and len(prev.ids) == 1 and len(m.ids) == 1
                and re.fullmatch(r"\s+in\s+", q[prev.end:m.start])
                and (place := gaz.entities.get(m.ids[0])) is not None
                and (thing := gaz.entities.get(prev.ids[0])) is not None
                and place.label in ("City", "Region") and place.name_en
                and place.name_en.casefold() in " ".join(
                    (thing.name_en or "", *thing.aliases)).casefold()):
            out[-1] = replace(prev, end=m.end, text=q[prev.start:m.end])
            continue
        out.append(m)
    return tuple(out)


# Words that may stand between an owner's name and the rest of its thing's name, said loosely
# ("the YRD ecological green integration demo zone"): one or two, none that ends a phrase.
_IN_ONE_NAME = re.compile(r"(?!(?:and|or|with|in|of|to|for|from|by|is|are|the|vs)\b)[a-z]+"
                          r"(?: (?!(?:and|or|with|in|of|to|for|from|by|is|are|the|vs)\b)[a-z]+)?")


def _said_once(q: str, mentions: list[Mention], gaz: Gazetteer,
               glossed: bool = False) -> tuple[Mention, ...]:
    """Two names side by side that say one thing, read as one: the same entity in two
    languages (Qidong启东市), or an owner's name said before the name of a thing of its own
    that begins with it (Shanghai 1+8 都市圈: the circle's name is 上海“1+8”大都市圈). A name
    glossed in brackets ("future industries (未来产业)") is left as said: its readings rely on
    it."""
    out: list[Mention] = []
    for m in mentions:
        last = out[-1] if out else None
        if last is None or len(last.ids) != 1 or len(m.ids) != 1:
            out.append(m)
            continue
        gap = q[last.end:m.start].strip()
        first, second = gaz.entities.get(last.ids[0]), gaz.entities.get(m.ids[0])
        if first is None or second is None or (gap and (
                not _IN_ONE_NAME.fullmatch(gap) or not second.name.startswith(first.name))):
            out.append(m)
        elif first.id == second.id and not glossed:
            out[-1] = replace(last, end=m.end, text=q[last.start:m.end])
        elif second.name.startswith(first.name) and not m.text.startswith(first.name):
            out[-1] = replace(m, start=last.start, text=q[last.start:m.end])
        else:
            out.append(m)
    return tuple(out)
