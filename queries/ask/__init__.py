"""Questions in words, Chinese or English, mapped to one query of the catalogue.

No model: a declarative table of intents and a gazetteer. The gazetteer finds every entity a
question names (names, aliases, English names case-insensitively, pinyin; longest match
first; a one-character abbreviation such as 通 or 沪 only where it stands as a name). The
question is then masked (each entity becomes a placeholder) and each intent's cues, regexes
with Chinese and English alternatives, must all match the masked text; the entities fill the
intent's slots by label. A near miss ("Suzhuo", 南桶) is read only where an intent lacks an
entity, and the answer says so. A question no intent fits, or whose entities do not fit,
gets suggestions instead of an answer: never a confident wrong one.

What the table does not map, a grammar over the schema reads (grammar.py): the verbs of every
relationship type and the words for every kind of thing, from lexicon.yaml, decide which
relation is asked from which end; the answer's kind is checked against the kind asked for.
Adding a question is one `Intent` entry in `INTENTS` (queries/ask/intents.py), or a row of
lexicon.yaml (a verb, a kind word, a concept), or an analyst's entry in a questions file
(user.py).

The modules, in the order a question goes through them:

- records: the records of the table (Cue, Slot, Step, Intent) and the query functions;
- intents: the table itself;
- lexicon: lexicon.yaml read (verbs, kind words, qualifiers, concepts, unheld, properties);
- reading: what a question says (question words, the kind asked, verbs, count, each);
- mentions: names read as words (a qualifier, a kind, a set), now, what is not recorded;
- anchors: which entities a question is about, and which stands as a verb's subject;
- grammar: which relation it asks about, from which end;
- shapes: the intents the grammar makes on the spot (a relation, between, a route, …);
- filters: conditions on a property (before 2010, over 100 km², the longest, 县级市);
- user: an analyst's questions file;
- text: normalising a question, the gazetteer, recognising the entities it names;
- phrases: the question masked, a bare phrase asked in full, names inside the asking phrase;
- matching: which intents the masked question matches, binding entities to slots;
- membership: an alliance's members (MEMBER_OF) and those that take part (PARTICIPATES_IN);
- leftovers: the words nothing recognised, and the entities misspelt words almost name;
- parsing: the outcome (Parsed, or Unmappable with the closest questions);
- closest: the questions it can answer that come closest to one it cannot;
- listing: what a query's result lists as an answer;
- answering: running the intent's queries (AskAnswer), and the values a question asks for.

Asked of a city, relations that roll up (building, containment, being served by a link) are
answered by queries/within.py: its districts, counties and seated bodies count for it.
"""

from graph.gazetteer import Gazetteer, Mention, prepare, recognise
from queries.ask.answering import AskAnswer, Ran, answer, ask
from queries.ask.closest import closest_questions
from queries.ask.intents import INTENTS, LABEL_WORDS
from queries.ask.lexicon import Lexicon, LexiconError, lexicon, parse_lexicon
from queries.ask.listing import size
from queries.ask.parsing import Parsed, Unmappable, parse
from queries.ask.records import QUERIES, Cue, Intent, Slot, Step, fill_in
from queries.ask.text import gazetteer
from queries.ask.user import load_questions, parse_questions


def asked_rel_types() -> list[str]:
    """The relationship types the grammar asks about (every one of the schema)."""
    from graph.schema import REL_TYPES

    return [t for t in REL_TYPES if t != "MENTIONS"]


__all__ = [
    "INTENTS", "LABEL_WORDS", "QUERIES", "AskAnswer", "Cue", "Gazetteer", "Intent", "Lexicon",
    "LexiconError", "Mention", "Parsed", "Ran", "Slot", "Step", "Unmappable", "answer", "ask",
    "asked_rel_types", "closest_questions", "fill_in", "gazetteer", "lexicon", "load_questions",
    "parse", "parse_lexicon", "parse_questions", "prepare", "recognise", "size",
]
