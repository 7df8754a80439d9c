"""Speakers of quotations, from the reporting verbs around them.

News writes attribution in a few shapes: after the quotation ("…," Trump said / "…," said
Donald Trump), before it (Politico reveals: "…" / According to the ministry, "…"), or not at
all when the next quotation continues the last speaker. The speaker is the phrase next to
the verb, cut at punctuation. A pronoun ("he said", "it said") stands for the nearest
speaker named before it. Verbs come from ``rules/attribution/<lang>.yaml``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from copydesk.extract.attribution.quotes import Quote
from copydesk.rules import compiled
from copydesk.rules.alternation import alternation
from copydesk.text.memo import LineMemo

MAX_SPEAKER_WORDS = 7
MAX_FOLLOWING_WORDS = 10  # after "said" or "according to" the name may come after its description
# A speaker phrase stops at punctuation, but not at the dot of an initial or a title
# ("Lindsey O. Graham", "Sen. Ted Cruz", "U.S. officials").
_TITLES = (
    r"\p{Lu}|Sen|Rep|Gov|Pres|Dr|Mr|Mrs|Ms|Jr|Sr|Gen|Lt|Col|Sgt|Capt|Adm|Amb|Prof|Atty|Supt|St|Inc|Corp|Co|Ltd"
    r"|U\.S|U\.N"
)
# ... nor at the dot of a short capitalised abbreviation before a comma ("Mitch McConnell, R-Ky., said").
_ABBREVIATION = rf"(?:\b(?:{_TITLES})\.|\b\p{{Lu}}\p{{Ll}}{{1,4}}\.(?=,))"
# ... nor at a short parenthesis inside a name ("Sen. Bernie Sanders (I-Vt.)").
_PHRASE = rf"(?:{_ABBREVIATION}|\([^()\n]{{1,20}}\)|[^,.;:!?\"“”«»„()\[\]\n—–])"
_APPOSITIVE = rf"(?:,\s*{_PHRASE}{{1,70}},)?"
# Words that open a clause before its subject, or link it to the last ("and insisted"):
# never the speaker, whether a subject follows them or not.
_LEADING = compiled.compile(
    r"^(?:and|but|as|while|when|then|also|so|because|where|which|who|after|before|now|meanwhile|later|yet"
    r"|though|although|even\s+though|even\s+as|once|since|until|unless|whereas)(?:\s+|$)",
    regex.I,
)
_NOT_A_SPEAKER = compiled.compile(
    r"^(?:on|in|at|during|after|before|to|of|that|this|last|next|about|with|by|for|from|it was|there|here"
    r"|what|how|why|whether|is|are|was|were|has|have|had|having)\b",
    regex.I,
)


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None
    cue: str | None
    said_as: str | None = None  # the pronoun the text used, when the speaker was resolved from it


def _alternation(verbs: Sequence[str], *, ignore_case: bool = True) -> str:
    return f"(?P<verb>{alternation(verbs, ignore_case=ignore_case)})"


@dataclass(frozen=True, slots=True)
class Ending:
    """How every match of a form ends: after white space a reporting verb, then no sentence
    end up to the quotation. Tested before the form, which fails slowly (an unanchored
    search that fails tries every start and every phrase length: a millisecond on a
    64-character sentence that ends in a full stop)."""

    pattern: regex.Pattern[str]
    words: frozenset[str] | None  # each verb's first word, case-folded; None: not known

    def places(self, context: str, start: int) -> list[int]:
        """Where a verb can end the context so: a match of the form has its verb at one of them."""
        after_stop = max(start, _after_last_stop(context))
        # The verb opens a word of the clause after the last stop: one set test of the
        # clause's words saves the pattern's search (a verb alternation at every place).
        if self.words is not None and self.words.isdisjoint(_WORD_AFTER_SPACE.findall(context[after_stop:].casefold())):
            return []
        return [match.start() for match in self.pattern.finditer(context, after_stop, overlapped=True)]


_WORD_AFTER_SPACE = compiled.compile(r"(?<!\S)\w+")


def _first_words(verbs: Sequence[str]) -> frozenset[str] | None:
    """The word each verb opens with, case-folded as a text's words are; None where that
    could miss a verb (one that opens with no word character, or whose folding changes its
    length and so where its first word ends)."""
    words = set()
    for verb in verbs:
        folded = verb.casefold()
        first = _WORD_AFTER_SPACE.match(folded)
        if first is None or len(folded) != len(verb):
            return None
        words.add(first.group())
    return frozenset(words)


@dataclass(frozen=True, slots=True)
class Form:
    """One way news writes an attribution; ``follows`` when the speaker comes after the verb."""

    pattern: regex.Pattern[str]
    follows: bool = False
    subjectless: bool = False  # the verb may stand without a subject (Arabic "وأضاف")
    ending: Ending | None = None  # how every match ends: a cheap test first

    def search(self, context: str, start: int = 0) -> regex.Match[str] | None:
        """Kept per sentence: a page's quotations share the sentences around them, and the
        rules ask a form of the same sentence again (its main clause, its passive)."""
        return _SEARCHES[self.pattern, self.ending, context, start]


def _search(key: tuple[regex.Pattern[str], Ending | None, str, int]) -> regex.Match[str] | None:
    pattern, ending, context, start = key
    if ending is None:
        return pattern.search(context, start)
    verbs = ending.places(context, start)
    if not verbs:
        return None  # every match ends as ``ending`` does: no verb there, no match
    return pattern.search(context, _earliest_start(context, start, verbs))


# What no unit of a speaker phrase holds, but inside a parenthesis or an abbreviation (a
# line break is no separator: the white space before the verb may hold one).
_SEPARATOR = compiled.compile(r'[,.;:!?"“”«»„\[\]—–]')
_ABBREVIATED = compiled.compile(r"\p{Lu}\w{0,4}\.$")  # "Sen.", "U.S.", "Neb.": see _TITLES
_BEFORE_VERB = compiled.compile(r"\s+(?:\w+\s+)?")  # after an appositive, up to the verb: space, an adverb


def _earliest_start(context: str, start: int, verbs: Sequence[int]) -> int:
    """Where the "before" form's search can begin, knowing where its verb can be.

    Searched from the sentence's start, the form tries every place and fails slowly at
    each (its phrase and appositive are tried at every length): a millisecond when the
    speaker comes late in a long sentence ("In a statement on Tuesday, the minister
    said"). A match holds no separator outside a parenthesis or an abbreviation, and at
    most the two commas of an appositive, the second just before the verb (or its adverb).
    So it starts after the last separator before its verb, and after the last comma
    unless that comma can close an appositive, in which case after the comma two before
    it. A separator that may sit in a parenthesis or an abbreviation is not counted, nor
    are the commas where one may sit in a parenthesis: the place found is never later
    than the first match, so the search from there finds the same match.
    """
    earliest: int | None = None
    for verb in verbs:
        floor = start
        commas: list[int] = []
        unsure = False  # a comma that may sit in a parenthesis: the commas tell nothing then
        for separator in _SEPARATOR.finditer(context, start, verb):
            at = separator.start()
            bracketed = "(" in context[max(0, at - 20) : at]
            if context[at] == ",":
                commas.append(at)
                unsure = unsure or bracketed
            elif not bracketed and (context[at] != "." or _ABBREVIATED.search(context, max(0, at - 5), at + 1) is None):
                floor, commas, unsure = at + 1, [], False
        if commas and not unsure:
            closes = len(commas) >= 2 and _BEFORE_VERB.fullmatch(context, commas[-1] + 1, verb) is not None
            if not closes:
                floor = commas[-1] + 1
            elif len(commas) >= 3:
                floor = commas[-3] + 1
        earliest = floor if earliest is None else min(earliest, floor)
    return start if earliest is None else earliest


# Keyed by the patterns themselves (equal patterns search alike), never by a form's identity.
_SEARCHES: LineMemo[tuple[regex.Pattern[str], Ending | None, str, int], regex.Match[str] | None] = LineMemo(
    _search, limit=4096
)


@dataclass(frozen=True, slots=True)
class Forms:
    after: tuple[Form, ...]  # searched in the text after the quotation
    before: tuple[Form, ...]  # searched in the text before it
    passive: Form  # a reporting verb whose subject may be passive


@lru_cache(maxsize=32)
def _forms(verbs: tuple[str, ...]) -> Forms:
    inverted, after_form, according, before_form, arabic, ending = _patterns(verbs)
    before = Form(before_form, ending=Ending(ending, _first_words(verbs)))
    return Forms(
        after=(Form(inverted, follows=True), Form(after_form)),
        before=(Form(according, follows=True), before, Form(arabic, follows=True, subjectless=True)),
        passive=before,
    )


@lru_cache(maxsize=32)
def _patterns(verbs: tuple[str, ...]) -> tuple[regex.Pattern[str], ...]:
    verb = _alternation(verbs)
    # Verb-first attribution with an optional subject ("وقال أنتونوف", "وأضاف") is Arabic syntax.
    arabic_verb = _alternation([v for v in verbs if regex.search(r"\p{Arabic}", v)], ignore_case=False)
    flags = regex.VERSION1
    # "quickly said", "once said" (or a noun in -ly, see _from)
    adverb = rf"(?:(?P<adverb>\w+ly|(?i:{'|'.join(sorted(_ADVERBS))}))\s+)?"
    return (
        # after: ", said Donald Trump"
        compiled.compile(rf"^\s*[,.!?]?\s*(?i:{verb})\s+(?P<who>{_PHRASE}{{1,80}})", flags),
        # after: ", Trump said" / ", the tycoon told Reuters" / ", Smith, a farmer, said"
        compiled.compile(
            rf"^\s*[,.!?]?\s*(?P<who>{_PHRASE}{{1,80}}?){_APPOSITIVE}\s+{adverb}{_LOWER}(?i:{verb})\b", flags
        ),
        # before: "According to the ministry, "
        compiled.compile(rf"(?P<verb>(?i:according\s+to))\s+(?P<who>{_PHRASE}{{1,80}})[,:]?\s*$", flags),
        # before: "Politico reveals a few facts: " / "John Podesta, Clinton's chairman, said that "
        compiled.compile(rf"(?P<who>{_PHRASE}{{1,80}}?){_APPOSITIVE}\s+{adverb}{_ending(verb)}", flags),
        # Arabic, before: "وقال أنتونوف - ... إن "
        compiled.compile(
            rf"(?:^|\s)و?{arabic_verb}(?:\s+(?P<who>[^-–،:\"«»]{{1,40}}?))?\s*"
            rf"(?:[-–،:]|\s(?:في|خلال|أمام|عبر|لدى|إلى)\s|إن|أن|$)",
            flags,
        ),
        # The end of the "before" form alone (see ``Ending``): every match of that form ends
        # so, after the context's last full stop or quotation mark.
        compiled.compile(_ending(verb), flags),
    )


_STOPS = '"“”«».!?'
# A verb after its subject is never capitalised: "the United States" holds no "states".
_LOWER = r"(?!\p{Lu})"


def _ending(verb: str) -> str:
    return rf"{_LOWER}(?i:{verb})\b[^{_STOPS}]{{0,100}}$"


def _after_last_stop(text: str) -> int:
    return max(text.rfind(stop) for stop in _STOPS) + 1


_BULLET = compiled.compile(r"^[\s~•·*>|-]+")  # a list item's mark before the speaker ("~ As Vulture put it")
_CONJUNCTION = compiled.compile(r"^\s*[,.]?\s*(?:and|but|or|while|as)\b", regex.I)
_PASSIVE = frozenset({"was", "were", "is", "are", "been", "being", "be", "gets", "got"})
# Before the verb, these leave it passive ("was described as") or not finite ("after having
# slammed", "wants to blast"): no one is its subject.
_NO_SUBJECT_BEFORE = _PASSIVE | {"having", "to"}


def _clean(who: str, *, inverted: bool = False) -> str | None:
    """The speaker phrase: the words next to the verb, at most a few, not a time or place phrase.

    "The mood was described as …" is passive: its subject is what was described, not who spoke.
    """
    words = _LEADING.sub("", _BULLET.sub("", who)).split()
    if not words or (not inverted and words[-1].casefold() in _NO_SUBJECT_BEFORE):
        return None
    if not inverted and "and" in words[1:]:
        # "He then adopted an accent and joked": coordinated verbs share the sentence's subject.
        subject = _leading_subject(words)
        if subject:
            return subject
    text = " ".join(_before_clause(words[:MAX_FOLLOWING_WORDS]) if inverted else words[-MAX_SPEAKER_WORDS:])
    return None if _NOT_A_SPEAKER.match(text) else text


# Words that end a speaker named after its verb: a clause or a manner phrase follows
# ('responded Abedin when a staffer forwarded her the note', 'said Romero in a statement').
# Not "at" or "on": they may name the speaker's employer or programme ("Chris Low at FTN").
_AFTER_SPEAKER = frozenset(
    {"when", "as", "after", "before", "while", "because", "since", "if", "who", "which", "that", "in"}
)


def _before_clause(words: list[str]) -> list[str]:
    """The words before the first that opens a clause or phrase; the first word always stays."""
    end = next((i for i, word in enumerate(words) if i and word in _AFTER_SPEAKER), len(words))
    return words[:end]


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that"})


def _leading_subject(words: list[str]) -> str | None:
    """The pronoun or run of capitalised words that opens a clause, if it opens with one."""
    if words[0].casefold() in _SUBJECT_PRONOUNS:
        return words[0]
    if words[0].casefold() in _DETERMINERS:  # "The Republican nominee also outlined … and vowed"
        phrase = _noun_phrase(words[:MAX_SPEAKER_WORDS])
        return " ".join(phrase) if len(phrase) > 1 else None
    run = []
    for word in words:
        if not word[:1].isupper():
            break
        run.append(word)
    return " ".join(run) if run else None


_NAME = r"\p{Lu}[\p{L}.'’-]*"
_SUBJECT_AFTER = compiled.compile(
    rf"^\s*[,.!?]?\s*(?P<who>(?:(?:the|a|an)\s+)?(?:{_NAME}\s+){{0,3}}{_NAME}"
    rf"(?:\s+of(?:\s+the)?(?:\s+{_NAME})+)?)\s+(?P<verb>\p{{Ll}}{{3,}}(?:ed|s))\b"
)
_CLAUSE_LINKS = frozenset({"that", "and", "who", "which", "said", "says", "is", "was", "has", "had", "will"})
# Capitalised at the start of a sentence, but no one: prepositions, question words, demonstratives.
_NOT_A_SUBJECT = frozenset(
    [
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "to",
        "of",
        "after",
        "before",
        "during",
        "over",
        "under",
        "despite",
        "amid",
        "among",
        "across",
        "through",
        "throughout",
        "within",
        "without",
        "against",
        "since",
        "while",
        "when",
        "where",
        "why",
        "what",
        "how",
        "who",
        "which",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "it's",
        "that's",
        "there's",
        "here's",
        "what's",
        "its",
        "if",
        "as",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "also",
        "still",
        "then",
        "now",
        "today",
        "though",
        "although",
        "because",
        "once",
        "unless",
        "until",
        "whereas",
    ]
)
# Words that open a subordinate clause: its own subject follows them ("Though he brushed
# off the remarks as "…"") unless a comma closes the clause before the quotation.
_SUBORDINATOR_WORDS = "though although because since once unless until whereas while when after before as"
_SUBORDINATORS = frozenset(_SUBORDINATOR_WORDS.split())
_CLAUSE_OPENERS = _SUBORDINATORS | {"despite", "if", "in", "on", "at", "during", "with", "without"}


# The quotation's clause is a relative one: ", who called the nominee" up to the quotation.
_RELATIVE_CLAUSE = compiled.compile(r",\s+who\s+(?:\p{Ll}+\s+){0,2}\p{Ll}+(?:ed|s)\b[^,;:.!?]*$")


def _clause_subject(before: str, after: str, nouns: frozenset[str]) -> tuple[str | None, str] | None:
    """No reporting verb the rules know: the subject of the clause that holds the quotation.

    "Rubio also bemoaned … people “…”", "“…” Blige sings to Clinton": a capitalised name or a
    pronoun opening the clause before the quotation, or a name starting the words after it.
    """
    relative = _RELATIVE_CLAUSE.search(before)
    if relative is not None:
        name = _antecedent(before[: relative.start() + 1])
        if name is not None:
            return name, ""  # "… President Barack Obama, who called the nominee "…""
    words = before.split()
    if len(words) >= 2:
        subject = _clause_head(words, nouns)
        if subject and subject.casefold() not in {"the", "a", "an", "but", "and", "if", "when", "as"}:
            return subject, ""
    match = _SUBJECT_AFTER.match(after)
    if match:
        return _clean(match.group("who"), inverted=True), match.group("verb")
    return None


_DASHES = frozenset({"-", "–", "—", "--"})
INTRO_WORDS = 12  # an opening phrase before the subject is short
# Adverbs that open a sentence before its subject, set off by a comma.
_ADVERB_WORDS = (
    "specifically separately similarly finally ultimately additionally meanwhile however instead still indeed "
    "moreover furthermore nevertheless nonetheless consequently subsequently previously recently currently "
    "initially eventually importantly notably interestingly ironically clearly certainly surely unfortunately "
    "fortunately apparently obviously privately publicly earlier later today yesterday afterward afterwards "
    "then now again also yet thus therefore overall first second third lastly"
)
_SENTENCE_ADVERBS = frozenset(_ADVERB_WORDS.split())
# Endings of adverbs made from adjectives ("Domestically,", "Separately,"); not of names
# in -ly ("Kelly", "Donnelly", "Beverly").
_ADVERB_ENDINGS = ("ally", "ately", "ently", "antly", "ively", "ously", "ingly", "edly", "fully", "ibly", "ably")


def _sentence_adverb(word: str) -> bool:
    folded = word.casefold()
    return folded in _SENTENCE_ADVERBS or (len(folded) > 6 and folded.endswith(_ADVERB_ENDINGS))


_PREPOSITION_WORDS = "in at on to about for with from after before during by of into over through"
_PREPOSITIONS = frozenset(_PREPOSITION_WORDS.split())


def _participle_phrase(words: list[str]) -> bool:
    """A sentence opening with a participle and its preposition ("Speaking in his real voice,
    he …", "Asked about the plan, Smith …"): its subject comes after the comma."""
    first = words[0].casefold()
    # Longer than "Ted" or "King": short words in -ed and -ing are more often names.
    return len(words) > 1 and len(first) > 4 and first.endswith(("ing", "ed")) and words[1] in _PREPOSITIONS


# Words that open a phrase before a sentence's subject ("In Iowa, Trump …", "But even then,
# they …"); not those that open a reported or conditional clause, whose subject after the
# comma is the reported speech's own ("… told NBC that if Clinton wins Michigan, she …").
_OPENING_PHRASE = _NOT_A_SUBJECT - {"if", "that", "which", "who", "what", "how", "why", "where"}
MAX_TITLE_WORDS = 3  # lower-case words in a row inside a subject ("Former US secretary of state Madeleine Albright")


def _clause_head(words: list[str], nouns: frozenset[str] = frozenset()) -> str | None:
    """A clause's subject: a pronoun, or its first words up to the last capitalised one
    before a comma ("Republican presidential nominee Donald Trump, during …").

    A wire dateline ends with a dash ("OSLO, May 4 (Reuters) - Fishermen …"): the clause
    starts after it.
    """
    dash = next((i for i, word in enumerate(words[: MAX_SPEAKER_WORDS + 4]) if word in _DASHES), None)
    if dash is not None:
        words = words[dash + 1 :]
    if not words:
        return None
    if words[0].casefold() in _SUBJECT_PRONOUNS:
        return words[0]
    if words[0].endswith(",") and _sentence_adverb(words[0][:-1]):
        return _clause_head(words[1:], nouns)  # "Specifically, he thought that …"
    if words[0].casefold() in _OPENING_PHRASE or _participle_phrase(words):
        # An opening phrase ("In a speech on Monday, Trump attacked …, saying"): the clause
        # starts after its comma, and after a place's state or country ("In Aspen, Colo.,").
        comma = next((i for i, word in enumerate(words[:INTRO_WORDS]) if word.endswith(",")), None)
        if comma is None:
            return _clause_head(words[1:], nouns) if words[0].casefold() in _SUBORDINATORS else None
        rest = words[comma + 1 :]
        return _clause_head(rest[1:] if rest and rest[0].endswith(",") else rest, nouns)
    if not words[0][:1].isupper() or words[0].casefold() in _NOT_A_SUBJECT:
        return None
    head: list[str] = []
    lower = 0  # lower-case words in a row: a title has a few ("campaign manager"), a predicate more
    for word in words[:MAX_SPEAKER_WORDS]:
        if word[:1].islower() and (word.endswith("ed") or word in _CLAUSE_LINKS):
            break  # the subject ends where its verb or a linking word begins
        lower = lower + 1 if word[:1].islower() else 0
        if lower > MAX_TITLE_WORDS:
            break  # "Byrne gives an account of Clinton": the verb began after the name
        head.append(word.rstrip(","))
        if word.endswith(","):
            break
    if head and (head[0].casefold() in _DETERMINERS or _POSSESSIVE.search(head[0])):
        # "The Republican nominee also outlined …", "His campaign protested …": a noun
        # phrase ends in its noun, whatever its case, before its verb or an adverb. It
        # speaks when it holds a name ("The Florida senator") or its noun is one that can
        # ("the board"; not "the promise", "the dispute").
        phrase = _noun_phrase(head)
        if len(phrase) < 2 or not (any(w[:1].isupper() for w in phrase[1:]) or _can_speak(phrase[-1], nouns)):
            return None
        return " ".join(phrase)
    while head and not head[-1][:1].isupper():
        head.pop()
    return " ".join(head) or None


# "Trump's campaign": a name's possessive opens a noun phrase ("He's", "That's" are no names).
_POSSESSIVE = compiled.compile(r"^(?!(?i:he|she|it|that|there|here|what|who|where|let)['’])\p{Lu}\p{L}*['’]s$")
_ADVERBS = frozenset({"also", "then", "now", "still", "just", "again", "later", "even", "once", "already", "too"})
# Verbs a subject's noun phrase runs into that end in neither "-ed" nor "-s".
_VERB_WORDS = (
    "to would will could can should may might must came went took made gave got sought began brought "
    "thought found saw ran left put set held kept met led stood won lost spoke became knew felt"
)
_VERBS = frozenset(_VERB_WORDS.split())


def _can_speak(noun: str, nouns: frozenset[str]) -> bool:
    """Whether the rules list this noun (or its singular, or the word before "'s") as one that can speak."""
    folded = noun.casefold().removesuffix("'s").removesuffix("’s")
    return folded in nouns or (folded.endswith("s") and folded[:-1] in nouns)


def _noun_phrase(words: list[str]) -> list[str]:
    """A determiner's noun phrase, up to its verb: a known verb or adverb, or a word in -s
    after a lower-case noun ("The ad targets …", "The Rove ad hits …")."""
    for end in range(1, len(words)):
        word, before = words[end], words[end - 1]
        if not word[:1].islower():
            continue
        folded = word.casefold()
        if folded in _VERBS or folded in _ADVERBS or folded in _CLAUSE_LINKS or (end > 1 and folded.endswith("ed")):
            return words[:end]
        if folded.endswith("s") and not folded.endswith("ss") and before[:1].islower() and end > 1:
            return words[:end]
    return words


def _passive(context: str, form: Form) -> bool:
    """A reporting verb in the passive ("was described as"): it attributes to no one."""
    match = form.search(context)
    return match is not None and match.group("who").split()[-1].casefold() in _PASSIVE


_ARTICLES = frozenset({"a", "an", "the", "his", "her", "their", "its", "our", "this", "that", "no"})


def _a_noun(match: regex.Match[str]) -> bool:
    """A verb's bare form after an article is a noun ("drew a sharp reply from …", "the
    note"); after a plural noun it is the present tense ("the residents say")."""
    groups = match.groupdict()
    if groups.get("adverb") or _finite(match.group("verb")):
        return False
    words = [word.casefold() for word in (groups.get("who") or "").split()[-2:]]
    if not words or words[-1] in _ARTICLES:
        return bool(words)
    plural = words[-1].endswith("s") or words[-1] in _PLURALS
    return len(words) == 2 and words[0] in _ARTICLES and not plural


_PLURALS = frozenset({"people", "police", "men", "women", "children"})


def _main_clause(context: str, form: Form, match: regex.Match[str]) -> regex.Match[str]:
    """The match in the main clause when the first one is in an opening clause or phrase:
    "Despite what he wrote …, Cross said", "After Beck asked him …, D'Souza replied"."""
    while True:
        words = (match.group("who") or "").split()
        if not words or not (words[0].casefold() in _CLAUSE_OPENERS or _participle_phrase(words)):
            return match
        later = form.search(context, match.end("verb"))
        if later is None:
            return match
        match = later


_ANTECEDENT = compiled.compile(
    rf"(?P<name>(?:(?:{_ABBREVIATION}|\p{{Lu}}[\p{{L}}'’-]*)\s+){{0,{MAX_SPEAKER_WORDS - 1}}}\p{{Lu}}[\p{{L}}'’-]*)"
    r"(?:\s*\([^()\n]{1,20}\))?,\s*$"
)


def _antecedent(head: str) -> str | None:
    """The name a relative clause hangs on: "Sen. Ron Johnson (R-Wis.), who told …" → "Sen. Ron Johnson"."""
    match = _ANTECEDENT.search(head)
    return match.group("name") if match else None


def _from(context: str, forms: Sequence[Form], *, after: bool) -> tuple[str | None, str, int] | None:
    """The speaker phrase, the verb, and how far the verb stands from the quotation.

    The speaker is None only where the form lets a verb stand without its subject.
    None when no form attributes the quotation.
    """
    for form in forms:
        match = form.search(context)
        if not match:
            continue
        if not form.follows:
            match = _main_clause(context, form, match)
            if _a_noun(match):
                continue
        who, adverb = match.groupdict().get("who"), match.groupdict().get("adverb")
        if who and adverb and who.split()[-1].casefold() in _DETERMINERS:
            who = f"{who} {adverb}"  # "the family said", "the daily wrote": a noun in -ly, no adverb
        speaker = _clean(who, inverted=form.follows) if who else None
        if speaker is None and who and not form.follows and who.strip().casefold() in {"who", "which"}:
            speaker = _antecedent(context[: match.start("who")])  # "… Barack Obama, who called it"
        if speaker is not None or form.subjectless:
            distance = match.start("verb") if after else len(context) - match.end("verb")
            return speaker, match.group("verb"), distance
    return None


def _choose(
    quote: str, after_text: str, after: tuple[str | None, str, int] | None, before: tuple[str | None, str, int] | None
) -> tuple[str | None, str] | None:
    """Of a cue after the quotation and one before it, the one the quotation attaches to.

    A quotation that breaks off with a comma, "?" or "!", or is followed by a lower-case
    "said X", attaches to what follows; one that closes a clause led by a reporting verb
    belongs to that clause. When both could hold, the nearer cue wins.
    """
    if after is None or before is None:
        chosen = after or before
        return None if chosen is None else (chosen[0], chosen[1])
    tail = quote.rstrip()[-1:]
    lead = after_text.lstrip()[:1]
    attaches_after = tail in ",?!—–-" or lead in ",;" or lead.islower()
    if attaches_after or (tail not in ".…" and after[2] < before[2] and not before[0]):
        return after[0], after[1]
    return before[0], before[1]


Hit = tuple[str | None, str]  # who speaks (None: the subject is left out) and the reporting cue


@dataclass(frozen=True, slots=True)
class _Around:
    """One quotation and the text around it that the finders read."""

    text: str
    quote: Quote
    end: int  # the end of the quotation's paragraph(s)
    start: int  # ... and its start
    before: str  # the sentence before the quotation (the paragraph before, for one that opens its own)
    after: str  # the sentence after it
    lead_in: str  # the text between the quotation before (or the paragraph start) and this one
    forms: Forms
    pronouns: frozenset[str]
    speaker_nouns: frozenset[str]
    previous: Attribution | None  # the quotation before's, when it is in this paragraph or the one just above
    previous_any: Attribution | None  # the quotation before's, wherever it is


def _said_around(around: _Around) -> Hit | None:
    """A reporting verb with its speaker right after the quotation or right before it."""
    after_hit = None if _CONJUNCTION.match(around.after) else _from(around.after, around.forms.after, after=True)
    before_hit = _from(around.before, around.forms.before, after=False) or _ends_in_verb(around.before, around.forms)
    return _choose(around.quote.text, around.after, after_hit, before_hit)


def _passive_voice(around: _Around) -> Attribution | None:
    """ "was described as": a verb, but no one speaks."""
    return Attribution(None, None) if _passive(around.before, around.forms.passive) else None


def _credit_line_below(around: _Around) -> Hit | None:
    """A quotation that closes its paragraph, credited on the line below ("— Jane Doe")."""
    return None if around.text[around.quote.end + 1 : around.end].strip() else _credited_below(around.text, around.end)


def _in_parenthesis(around: _Around) -> Hit | None:
    return _parenthetical(around.before, around.forms)


def _subject_of_clause(around: _Around) -> Hit | None:
    return _clause_subject(around.before, around.after, around.speaker_nouns)


def _voice_just_before(around: _Around) -> Hit | None:
    """A short quotation just before, with its speaker named: that voice goes on ("…," Ryan
    said. "…"). A pronoun there ("she said") stands for the speaker before, handled next."""
    hit = _attributed_just_before(around.lead_in, around.forms.after)
    if hit is not None and (hit[0] or "").casefold() in around.pronouns and _previous_voice(around) is not None:
        return None
    return hit


def _previous_voice(around: _Around) -> Attribution | None:
    """The speaker of the quotation just before goes on."""
    previous = around.previous
    if previous is None or previous.speaker is None:
        return None
    return Attribution(previous.speaker, None, previous.said_as)


def _reported_in_paragraph_before(around: _Around) -> Hit | None:
    return None if around.lead_in.strip() else _reported_just_before(around.text, around.start, around.forms.before)


# Tried in order; the first answer wins. A Hit still has its speaker resolved (a pronoun to
# the last name, a name to its full form); an Attribution is final.
FINDERS: tuple[Callable[[_Around], Hit | Attribution | None], ...] = (
    _said_around,
    _passive_voice,
    _credit_line_below,
    _in_parenthesis,
    _subject_of_clause,
    _voice_just_before,
    _previous_voice,
    _reported_in_paragraph_before,
)


def attribute(
    text: str,
    quotes: Sequence[Quote],
    paragraphs: Sequence[tuple[int, int]],
    verbs: tuple[str, ...],
    pronouns: frozenset[str],
    speaker_nouns: frozenset[str] = frozenset(),
) -> list[Attribution]:
    """One attribution per quotation, in order. ``paragraphs[i]`` is the span of quote i's paragraph(s).

    ``speaker_nouns``: nouns that can speak ("board", "campaign"), for a subject with no name in it.
    """
    forms = _forms(verbs)
    found: list[Attribution] = []
    last_named: str | None = None
    for i in range(len(quotes)):
        around = _around(text, quotes, paragraphs, i, forms, pronouns, speaker_nouns, found)
        answer = next((answer for finder in FINDERS if (answer := finder(around)) is not None), None)
        if answer is None or isinstance(answer, Attribution):
            found.append(answer or Attribution(None, None))
            continue
        attribution, last_named = _resolved(answer, around, last_named)
        found.append(attribution)
    return found


def _around(
    text: str,
    quotes: Sequence[Quote],
    paragraphs: Sequence[tuple[int, int]],
    i: int,
    forms: Forms,
    pronouns: frozenset[str],
    speaker_nouns: frozenset[str],
    found: list[Attribution],
) -> _Around:
    quote = quotes[i]
    start, end = paragraphs[i]
    previous_end = quotes[i - 1].end + 1 if i and quotes[i - 1].end >= start else start
    next_start = quotes[i + 1].start - 1 if i + 1 < len(quotes) and quotes[i + 1].start <= end else end
    after = text[quote.end + 1 : next_start]
    after = after[: _sentence_end(after)]
    before = text[previous_end : max(previous_end, quote.start - 1)]
    lead_in = before
    if (not before.strip() and i == 0) or (not before.strip() and quotes[i - 1].end < start):
        before = _previous_paragraph(text, start)  # a quotation that opens its paragraph is introduced above
    before = before[_sentence_start(before) :]
    if before.rstrip().endswith((".", "!", "?")) and i and quotes[i - 1].end >= start:
        before = ""  # a finished sentence after a quotation in this paragraph belongs to that one
    adjacent = bool(i) and paragraphs[i - 1][1] >= start - 2
    previous_any = found[i - 1] if i else None
    previous = previous_any if adjacent else None
    return _Around(
        text, quote, end, start, before, after, lead_in, forms, pronouns, speaker_nouns, previous, previous_any
    )


def _resolved(hit: Hit, around: _Around, last_named: str | None) -> tuple[Attribution, str | None]:
    """The speaker a hit names, and the last name named so far: a left-out subject is the
    speaker before ("وأضاف", "he added"), a pronoun the last name, a short name its full form
    near the quotation ("Biden" -> "Joe Biden")."""
    who, verb = hit
    if who is None and around.previous_any is not None and around.previous_any.speaker:
        who = around.previous_any.speaker
    if who is not None and who.casefold() in around.pronouns:
        return Attribution(last_named or who, verb, said_as=who if last_named else None), last_named
    text, start = around.text, around.quote.start
    named = _named_body(who, text[max(0, start - NAME_LOOKBACK) : start]) if who else None
    if named is not None:
        return Attribution(named, verb, said_as=who), named
    if who is not None and any(ch.isupper() for ch in who):
        last_named = who
    return Attribution(who, verb), last_named


def _ends_in_verb(before: str, forms: Forms) -> tuple[str | None, str, int] | None:
    """A sentence that ends in its reporting verb introduces the quotation after it ("Or
    maybe Bush, consultant Phil Musser says. "…""). Only the verb may end it: "Musser said
    the plan would fail." reports something else."""
    trimmed = before.rstrip()
    if not trimmed.endswith("."):
        return None
    hit = _from(trimmed[:-1], forms.before, after=False)
    if hit is None or hit[2] != 0 or not _finite(hit[1]):
        return None
    return hit


def _finite(verb: str) -> bool:
    """A verb in a tense ("says", "said", "fired back", "shot back"), not a bare form that is
    also a noun ("note", "call", "reply")."""
    first = verb.split()[0].casefold() if verb.strip() else ""
    return first.endswith(("s", "ed")) or first in _IRREGULAR_PAST


_IRREGULAR_PAST = frozenset({"said", "told", "wrote", "read", "put", "went", "shot", "spoke", "gave", "took", "made"})
_PARENTHETICAL_COMMA = compiled.compile(r",(?=\s*\p{Ll})")


def _parenthetical(before: str, forms: Forms) -> tuple[str | None, str] | None:
    """An attribution set off by commas inside the sentence that leads to the quotation:
    "The paradox of Nancy, says Carl Anthony, a historian, is that she was "…"."""
    form = forms.after[0]
    for comma in _PARENTHETICAL_COMMA.finditer(before):
        rest = before[comma.start() :]
        match = form.search(rest)
        if match is None or not rest[match.end() :].lstrip().startswith(","):
            continue  # set off by commas on both sides: ", says Carl Anthony,"
        speaker = _clean(match.group("who"), inverted=True)
        if speaker and speaker[:1].isupper() and not _day_word(speaker):
            return speaker, match.group("verb")
    return None


_DAY_WORD_LIST = "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight"
_DAY_WORDS = frozenset(_DAY_WORD_LIST.split())


def _day_word(words: str) -> bool:
    return words.casefold() in _DAY_WORDS


def _reported_just_before(text: str, start: int, forms: Sequence[Form]) -> tuple[str | None, str] | None:
    """A quotation standing alone after a paragraph that reports someone's words ("Then
    Kerry said that 100,000 would be accepted." / ""That adds up to …"") is theirs: news
    gives the gist, then the words."""
    paragraph = _paragraph_before(text, start)
    if not paragraph:
        return None
    sentence = paragraph[_sentence_start(paragraph) :].rstrip().rstrip(".!?")
    if any(mark in sentence for mark in _QUOTATION_MARKS):
        return None  # a paragraph with a quotation of its own: its speaker rules are the ones above
    hit = _from(sentence, forms, after=False)
    return None if hit is None or hit[0] is None else (hit[0], hit[1])


_QUOTATION_MARKS = '"“”«»„'


# A quotation that ends its paragraph, credited on the next line after a dash, as pull
# quotes and "quotable" lists print it: "—President Obama, tweeting after the speech."
_CREDIT_BELOW = compiled.compile(
    r"[^\S\n]*\n(?:[^\S\n]*\n)?[^\S\n]*[-—–―]+[^\S\n]*(?P<who>\p{Lu}[^,;:!?()\n]{1,60}?)[^\S\n]*(?:[,.(]|\n|$)"
)
MAX_CREDIT_WORDS = 6


def _credited_below(text: str, end: int) -> tuple[str | None, str] | None:
    """The name on the dash line; a list item after the quotation ("- Schools will reopen")
    is no credit: a credit is a few words, most of them capitalised."""
    match = _CREDIT_BELOW.match(text, end)
    if match is None:
        return None
    who = match.group("who").strip()
    words = who.split()
    if len(words) > MAX_CREDIT_WORDS or 2 * sum(1 for word in words if word[:1].isupper()) < len(words):
        return None
    return who, ""


NAME_LOOKBACK = 1500  # characters before a quotation searched for the body "the ministry" stands for


def _named_body(who: str, context: str) -> str | None:
    """ "The ministry said" names the body the text named before: "the Russian Foreign Ministry".

    Only a lower-case definite description ("the ministry", "the committee") is resolved,
    and only to the nearest earlier name that ends in the same noun, capitalised.
    """
    match = _DEFINITE.fullmatch(who)
    if not match:
        return None
    noun = match.group(1)
    names = regex.findall(rf"(?:\p{{Lu}}[\p{{L}}'’-]*\s+){{1,4}}{noun.capitalize()}\b", context)
    return f"the {names[-1]}" if names else None


# A quotation closed, its attribution, the sentence's end, then this quotation:
# '"They sue," he said. "Everybody sues, right?"'.
_QUOTED_THEN_ATTRIBUTED = compiled.compile(r'[,،?؟!]["”»]\s*(?P<clause>[^"“”«».!?؟\n]{1,80}[.!?؟])\s*$')


def _attributed_just_before(lead_in: str, forms: Sequence[Form]) -> tuple[str | None, str] | None:
    """The speaker of the quotation just before this one, named after it: the same voice
    goes on, though that quotation was too short to count as one of the page's quotes."""
    match = _QUOTED_THEN_ATTRIBUTED.search(lead_in)
    if match is None:
        return None
    hit = _from(match.group("clause"), forms, after=True)
    return None if hit is None or hit[0] is None else (hit[0], hit[1])


_INTRODUCING = compiled.compile(r"(?::|\bthat|,)\s*$")
# A sentence starts after a stop and any closing marks ('“unhinged.” Sen. Marco Rubio'),
# not after the dot of an initial or a title ("George W. Bush").
_NEXT_SENTENCE = compiled.compile(rf"(?<!\b(?:{_TITLES}))[.!?][\"”’»)]*\s+(?=\p{{Lu}}|\"|“)")
_DEFINITE = compiled.compile(r"(?i:the)\s+(\p{Ll}[\p{Ll}-]+)")


def _paragraph_before(text: str, start: int) -> str:
    """The last line of text before ``start`` (within 600 characters), trailing space dropped."""
    return text[max(0, start - 600) : start].rstrip().rsplit("\n", 1)[-1]


def _previous_paragraph(text: str, start: int) -> str:
    """The paragraph before ``start``, when it ends by introducing what follows (a colon, "said that")."""
    paragraph = _paragraph_before(text, start)
    return paragraph if _INTRODUCING.search(paragraph) else ""


_SENTENCE_END = compiled.compile(rf"(?<!\b(?:{_TITLES}))[.!?](?:\s|$)")


def _sentence_end(text: str) -> int:
    """Where the first sentence ends; the dot of an initial or a title ends none."""
    match = _SENTENCE_END.search(text)
    return match.end() if match else len(text)


def _sentence_start(text: str) -> int:
    ends = [m.end() for m in _NEXT_SENTENCE.finditer(text)]
    return ends[-1] if ends else 0
