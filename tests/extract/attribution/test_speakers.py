from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.extract.attribution.speakers import _forms
from copydesk.pipeline import analyse
from copydesk.rules.ruleset import RuleSet

LEAD = "The talks in Geneva ended on Monday without an agreement, officials from both sides confirmed."


def speakers(tmp_path: Path, rules: RuleSet, body: str) -> list[str | None]:
    path = tmp_path / "story.txt"
    path.write_text(f"Talks end without a deal\n\n{LEAD}\n\n{body}\n", encoding="utf-8")
    analysis = analyse(path, "story.txt", rules)
    return [q["speaker"] for q in analysis.article.quotes or []]


def test_english_forms(tmp_path: Path, project_rules: RuleSet) -> None:
    body = (
        '"We made real progress on the hard questions," said Maria Lopez, the chief negotiator.\n\n'
        '"Nothing is agreed until everything is agreed," Lopez told reporters.\n\n'
        'According to the Foreign Ministry, "the next round will be held in March."\n\n'
        'The ministry spokesman Ivan Petrov said: "We remain open to talks."'
    )
    assert speakers(tmp_path, project_rules, body) == [
        "Maria Lopez",
        "Lopez",
        "the Foreign Ministry",
        "The ministry spokesman Ivan Petrov",
    ]


def test_pronoun_takes_the_last_named_speaker(tmp_path: Path, project_rules: RuleSet) -> None:
    body = '"The door stays open for a deal," Lopez said.\n\n"We will be back next month to try again," she said.'
    assert speakers(tmp_path, project_rules, body) == ["Lopez", "Lopez"]


SPEAKERS_GO_ON = {
    # "Not yet," is too short to count as a quote, but it still names who goes on speaking.
    "after a short attributed quotation": (
        'Asked whether a deal was close, the envoy shook her head. "Not yet," Lopez said. '
        '"We need another round before anything can be signed by the two sides."\n\n'
        'Some delegates left early. "Maybe," she added. "But the mood in the room was better than in March."',
        ["Lopez", "Lopez"],
    ),
    # The speaker of the quotation before goes on: not traded for the pronoun of the short one.
    "a named speaker goes on": (
        '"Without new money the programme will stop by the end of the year," said the prime minister. '
        '"Twice now," she said. "And we will ask again at the summit in the spring."',
        ["the prime minister", "the prime minister"],
    ),
    # A noun in -ly after an article or a possessive is the speaker, not an adverb.
    "nouns in -ly": (
        '"He was a kind man who loved this town and everyone in it," the family said.\n\n'
        '"The talks must go on until the very last day of the year," her ally told reporters.\n\n'
        '"We will not sign anything that we have not read in full," the envoy quickly added.',
        ["the family", "her ally", "the envoy"],
    ),
    # A short quotation attributed by name just before: that voice, not the last paragraph's.
    "a named short quotation before": (
        'Ana Ruiz said the protests must go on. "We will be here every night until it changes," she said.\n\n'
        '"It hurts," Ryan said. "And this country has to find new ways of learning how to heal."',
        ["she", "Ryan"],
    ),
    # The subject comes after an opening phrase (and a place's state or country in it).
    "after an opening phrase": (
        "In a speech in the capital on Monday, Lopez attacked the plan for its cost, saying, "
        '"It will never pay for itself in our lifetime."\n\n'
        "In Des Moines, Iowa, Sanders stepped up his attacks on the banks, saying, "
        '"We will break them up before they break us."',
        ["Lopez", "Sanders"],
    ),
    # ... or after a sentence adverb, or a participle's phrase.
    "after an adverb or a participle": (
        'Specifically, Lopez thought that "the rates are too low for too long to help anyone."\n\n'
        'Speaking in his own voice again, Petrov went on to read from the report, saying: "It is over."',
        ["Lopez", "Petrov"],
    ),
    # ... but a reported condition keeps its own subject: the reporter of it speaks.
    "a reported condition": (
        'Podesta told reporters that if the senator wins Michigan, she "is going to be the next president."',
        ["Podesta"],
    ),
    # A capitalised word is no reporting verb: "the United States" holds no "states".
    "capitalised words": (
        '"Had there been no intervention" by the United States, Britain and others, Clinton said on Monday, '
        '"we would be looking at another Syria right now."',
        [None, "Clinton"],
    ),
    # A speaker after its verb ends where a clause or a manner phrase begins.
    "a clause after the speaker": (
        '"It is a great day for the town," responded Abedin when a reporter asked her about it.\n\n'
        '"We will review every line of it," said Romero in a statement.\n\n'
        '"Prices will fall before the summer is over," said Chris Low at FTN Financial.',
        ["Abedin", "Romero", "Chris Low at FTN Financial"],
    ),
    # Verbs of reaction and memory report speech too; a list item's mark is not the speaker's.
    "more reporting verbs": (
        '"It is the best news we have had all year," reacted Lopez.\n\n'
        '"She never gave up on a single deal," remembered Roy Verley, her spokesman.\n\n'
        '~ As the Vulture put it, "Hello, it is the Biebs in the charts again."',
        ["Lopez", "Roy Verley", "the Vulture"],
    ),
    # A noun phrase opening the clause speaks when it names someone or its noun can speak
    # (rules/attribution/en.yaml: speaker_nouns); it ends before its verb or an adverb.
    "a noun phrase as the subject": (
        'The dispute centers on the state\'s removal of voters who "use it or lose it at the polls."\n\n'
        "The Republican nominee also outlined his plan for the border and vowed to punish "
        '"those who break the rules again and again."\n\n'
        'His campaign protested that the aides were being "disingenuous about the permit they had."\n\n'
        'The ad targets the senator over his record, saying "he voted for every tax increase."\n\n'
        "The hearing was adjourned.\n\n"
        'Lopez\'s campaign manager shrugged off the report as "a lie from start to finish."',
        [None, "The Republican nominee", "His campaign", "The ad", "Lopez's campaign manager"],
    ),
    # A quotation credited on the line below, after a dash, as pull quotes are printed.
    "credited below": (
        '"Great speech. She is tested, she is ready and she never quits."\n\n'
        "-President Obama, tweeting after the speech.\n\n"
        '"The whole idea of it is something that we hear about all the time."\n\n'
        "— Michelle Marks, Philadelphia.\n\n"
        '"We will be back next month to try again with the new plan."\n\n'
        "— Jane Doe\n\n"
        "The ferry service resumed on Tuesday after a week of repairs at the harbour.\n\n"
        '"It took longer than anyone had hoped it would, but it is done."\n\n'
        "- Schools will reopen on Monday.\n"
        "- Buses will run to the usual timetable.",
        ["President Obama", "Michelle Marks", "Jane Doe", None],
    ),
    # A state's abbreviation in an appositive does not end the speaker; a statement reads.
    "abbreviations and documents": (
        '"Our assumption is that the veto will be overridden," Senate Majority Leader Mitch McConnell, R-Ky., '
        "said Tuesday.\n\n"
        '"Kelly requested a meeting, which took place this morning," the statement read.',
        ["Senate Majority Leader Mitch McConnell", "the statement"],
    ),
    # A subject's title has a few lower-case words; a predicate, more.
    "a name before its predicate": (
        'Byrne gives an account of Clinton\'s temper in his book: "It was a disaster from start to finish."\n\n'
        'Former US secretary of state Madeleine Albright put it bluntly: "We are not done with this yet."',
        ["Byrne", "Former US secretary of state Madeleine Albright"],
    ),
    # An adverb before the verb is no speaker, after an appositive ("once said") or alone.
    "an adverb before the verb": (
        'Ruth Marsh, who founded the harbour trust, once said, "Boats outlive the people who build them."',
        ["Ruth Marsh"],
    ),
    # A subordinate clause holding the quotation has its own subject after its conjunction.
    "inside a subordinate clause": (
        'Though she dismissed the letter as "a stunt by people who never read the plan," her critics '
        "were not persuaded.",
        ["she"],
    ),
    # A second reporting verb joined by "and" shares the sentence's subject.
    "coordinated verbs": (
        'Okafor said Tuesday that she will "try to form a government this week" and insisted that her '
        'party was "still the largest force in the chamber."',
        ["Okafor", "Okafor"],
    ),
    # The initial of a name ends no sentence: the speaker's appositive is read whole.
    "an initial in an appositive": (
        "Columnist Dana Reyes, a speechwriter in John F. Kennedy's White House, calls the mayor "
        '"a candidate of conviction with the instincts of a weathervane" in her column.',
        ["Columnist Dana Reyes"],
    ),
    # An opening clause has a reporting verb of its own; the main clause's speaks.
    "after an opening clause": (
        'Despite what he wrote in the mayor\'s speech, Cole said he "may yet vote for the plan in the end."\n\n'
        'After the host asked the minister who would win, Adeyemi replied, "I would bet on the incumbent."\n\n'
        'Asked to describe the damage, Petrov said, "Not going to go into that at this point in time."',
        ["Cole", "Adeyemi", "Petrov"],
    ),
    # An adverb made from an adjective opens a sentence before its subject; a name in -ly does not.
    "an adverb in -ly before the subject": (
        'Typically, she just waves the question away with a curt "next question, please, and thank you."\n\n'
        'Donnelly, the harbour master, warned of "the worst storm season in a decade for the fleet."',
        ["she", "Donnelly"],
    ),
    # A relative clause speaks for the name it hangs on.
    "a relative clause": (
        "The mayor echoed Sen. Ruth Adler (D-Maine), who told a local paper on Tuesday that the plan was "
        '"dead on arrival in the chamber this year."\n\n'
        "The vote drew a sharp reply from Harbour Master Tom Reyes, who branded the plan "
        '"a waste of money and of everybody\'s time."',
        ["Sen. Ruth Adler", "Harbour Master Tom Reyes"],
    ),
    # More verbs report ("retaliated"); a phrase that opens with an auxiliary ("has in the
    # past described") is no speaker: the relative clause's name is.
    "more verbs, and a phrase opening with an auxiliary": (
        '"The harbour will always be the harbour," an angry Mayor Cole retaliated.\n\n'
        "The council adjourned at noon.\n\n"
        'Ruiz, who has in the past described the plan as "a waste of everybody\'s money and time," spoke again.',
        ["an angry Mayor Cole", "Ruiz"],
    ),
    # A verb of two words in a tense reports after a noun phrase ("the mayor fired back");
    # only a bare form after an article is a noun ("a sharp reply").
    "two-word verbs after a noun phrase": (
        '"We will never accept a plan that closes the ferry for good," the mayor fired back.\n\n'
        "The council adjourned at noon.\n\n"
        'The harbour master shot back that the plan was "a waste of everybody\'s money and time."',
        ["the mayor", "The harbour master"],
    ),
    # After a plural noun the bare form is the present tense: "the residents say".
    "present tense after a plural": (
        '"We will never accept a plan that closes the ferry for good," the residents say.\n\n'
        "The council adjourned at noon.\n\n"
        'The people say the plan is "a waste of everybody\'s money and time."',
        ["the residents", "The people"],
    ),
    # A sentence starts after a quotation that closed the last one; an opening prepositional
    # phrase is no subject; "That's" is no one.
    "after a closed quotation or an opening phrase": (
        "Over the years, she said, the ferry has kept the island alive, and she laughed and admitted "
        '"it has been a blessing and a curse at once."\n\n'
        'That\'s because, as he puts it, "the best thing we have going for us is the harbour."\n\n'
        'On the radio, Mayor Ann Cole called the plan "a disgrace." Sen. Ray Dunn called the letter '
        '"offensive and outlandish in every way."',
        ["she", "he", "Sen. Ray Dunn"],
    ),
    # The gist, then the words: a quotation alone after a paragraph reporting someone's words is theirs.
    "reported, then quoted": (
        "Then, in 2027, Okafor said that another 100,000 tonnes would be shipped.\n\n"
        '"That adds up to 185,000 tonnes over two years, more than the port has ever handled."\n\n'
        "The port closed for the winter on Friday.\n\n"
        '"Nobody expected the ice to come this early in the season."',
        ["Okafor", None],
    ),
    # A sentence that ends in its reporting verb introduces the quotation after it; one that
    # ends in a noun that is also a verb ("the note") does not.
    "a sentence ending in its verb": (
        "The ferry may be the answer, harbour consultant Dana Reyes says. "
        '"Every survey we have run points the same way, and the council knows it."\n\n'
        "The council adjourned at noon.\n\n"
        "Then came the note. "
        '"We will have the money by the spring, whatever the auditors find in the books."',
        ["harbour consultant Dana Reyes", None],
    ),
    # An attribution set off by commas inside the sentence; not a weekday after "said".
    "a parenthetical attribution": (
        'The trouble with the plan, says Carl Anders, a historian of the port, is that it was "never '
        'costed by anyone who had to pay for it."\n\n'
        "A port official, speaking on the condition of anonymity, said Wednesday that the board "
        '"will meet with any bidder who asks for a meeting."',
        ["Carl Anders", "A port official"],
    ),
}


@pytest.mark.parametrize(("body", "expected"), SPEAKERS_GO_ON.values(), ids=SPEAKERS_GO_ON.keys())
def test_who_speaks(tmp_path: Path, project_rules: RuleSet, body: str, expected: list[str]) -> None:
    assert speakers(tmp_path, project_rules, body) == expected


def test_a_quote_with_no_speaker_is_a_finding(tmp_path: Path, project_rules: RuleSet) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f'Talks end\n\n{LEAD}\n\nThe mood was described as "tense but very businesslike" by all.\n')
    analysis = analyse(path, "story.txt", project_rules)
    assert [q["speaker"] for q in analysis.article.quotes or []] == [None]
    assert any(f.rule == "attribution.unattributed_quote" for f in analysis.findings)


def test_arabic_verbs(tmp_path: Path, project_rules: RuleSet) -> None:
    body = (
        'وقال وزير الخارجية - في تصريحات صحفية اليوم - إن "المحادثات كانت صريحة وبناءة".\n'
        'وأضاف "سنعود إلى طاولة المفاوضات الشهر المقبل".'
    )
    assert speakers(tmp_path, project_rules, body) == ["وزير الخارجية", "وزير الخارجية"]


def test_names_with_initials_and_titles(tmp_path: Path, project_rules: RuleSet) -> None:
    body = (
        '"They lead American lives and deserve a path," said Sen. Amy Klobuchar (D-Minn.), who wrote the act.\n\n'
        '"The evidence supports a longer sentence," Assistant U.S. Attorney Maya D. Song wrote.'
    )
    assert speakers(tmp_path, project_rules, body) == [
        "Sen. Amy Klobuchar (D-Minn.)",
        "Assistant U.S. Attorney Maya D. Song",
    ]


def test_appositive_and_passive(tmp_path: Path, project_rules: RuleSet) -> None:
    body = (
        'John Podesta, the campaign chairman, said in a statement: "We will carry every state we need."\n\n'
        'The mood was described as "tense but very businesslike" by all of them.'
    )
    assert speakers(tmp_path, project_rules, body) == ["John Podesta", None]


def test_definite_description_resolves_to_the_named_body(tmp_path: Path, project_rules: RuleSet) -> None:
    body = (
        "The Colombian ambassador was summoned to the Russian Foreign Ministry on Monday over the claims.\n\n"
        '"We are ready to cooperate on the whole spectrum of issues," the ministry said.'
    )
    assert speakers(tmp_path, project_rules, body) == ["the Russian Foreign Ministry"]


def test_more_arabic_verbs_and_guillemets(tmp_path: Path, project_rules: RuleSet) -> None:
    body = (
        "وأكد رئيس الوزراء أن «الحكومة ستواصل العمل على خفض الأسعار هذا العام».\n"
        "وأوضح وزير المالية: «العجز سينخفض إلى النصف خلال عامين».\n"
        "وأشار المتحدث باسم الوزارة إلى أن «الخطة تشمل كل المحافظات دون استثناء»."
    )
    assert speakers(tmp_path, project_rules, body) == ["رئيس الوزراء", "وزير المالية", "المتحدث باسم الوزارة"]


def test_nested_quotes_and_a_quote_in_the_headline(tmp_path: Path, project_rules: RuleSet) -> None:
    path = tmp_path / "story.txt"
    text = (
        'Minister: "We will not give in to threats"\n\n'
        f"{LEAD}\n\n"
        "\"He told us 'never again' and we believed him completely,\" said Anna Berg, the union leader.\n"
    )
    path.write_text(text, encoding="utf-8")
    quotes = analyse(path, "story.txt", project_rules).article.quotes or []
    assert [q["text"] for q in quotes] == [
        "We will not give in to threats",
        "He told us 'never again' and we believed him completely,",
    ]
    assert quotes[1]["speaker"] == "Anna Berg"


def test_arabic_continued_and_unbalanced(tmp_path: Path, project_rules: RuleSet) -> None:
    body = (
        'وقال السفير في مؤتمر صحفي إن "العلاقات بين البلدين تمر بمرحلة جيدة جدا".\n'
        'وتابع "نأمل أن تستمر اللقاءات بين الوزيرين خلال الأشهر المقبلة".'
    )
    assert speakers(tmp_path, project_rules, body) == ["السفير", "السفير"]
    path = tmp_path / "broken.txt"
    path.write_text(
        f'Talks end\n\n{LEAD}\n\nThe minister said "this quotation never closes at all.\n', encoding="utf-8"
    )
    findings = analyse(path, "broken.txt", project_rules).findings
    assert [f.rule for f in findings if f.rule.startswith("attribution.")] == ["attribution.unbalanced_quotes"]


def test_a_clause_subject_starts_after_the_datelines_dash(tmp_path: Path, project_rules: RuleSet) -> None:
    body = (
        "OSLO, May 4 (Reuters) - Fishermen on the northern coast welcomed the new quota system, "
        'calling it "a fair deal at last" in a letter to the ministry.'
    )
    assert speakers(tmp_path, project_rules, body) == ["Fishermen"]


PIECES = [
    "Maria",
    "Lopez",
    "the",
    "chief",
    "said",
    "told",
    "reporters",
    "added",
    "that",
    "Mr.",
    "(AP)",
    ",",
    ".",
    "!",
    "?",
    ":",
    '"',
    "“",
    "”",
    "«",
    "»",
    " ",
    " ",
    "\n",
    "وقال",
    "أنتونوف",
    "unsaid",
    # what the search's starting point is worked out from: separators, appositive commas,
    # abbreviations and parentheses that may hold them, adverbs, case
    "Sen.",
    "U.S.",
    "R-Ky.,",
    "(D-Va.),",
    "(a note, with a comma)",
    "e.g.",
    ";",
    "—",
    "[",
    ", ",
    "also",
    "quickly",
    "SAID",
    "ſaid",
    "told reporters",
    "In a statement on Tuesday,",
]


@given(st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join), st.integers(0, 400))
def test_the_before_forms_shortcuts_find_what_the_plain_search_finds(context: str, start: int) -> None:
    """The "before" form first checks how its matches end and works out where the earliest
    can start (see ``_earliest_start``); neither may lose or change a match."""
    form = _forms(("said", "told", "told reporters", "added", "قال"))
    start = min(start, len(context))
    for candidate in (*form.before, form.passive):
        for where in (0, start):
            found, plain = candidate.search(context, where), candidate.pattern.search(context, where)
            assert (found and (found.span(), found.groupdict())) == (plain and (plain.span(), plain.groupdict()))


@pytest.mark.parametrize(
    ("context", "speaker"),
    [
        # the speaker late in a long sentence: the search starts after the comma
        ("In a statement released by his office late on Tuesday evening, the minister said that ", "the minister"),
        # an appositive with a parenthesis holding a full stop, closed by a comma
        ("The ruling party's nominee, Sen. Tim Kaine (D-Va.), promised that ", "The ruling party's nominee"),
        # a comma inside a parenthesis is no appositive's
        ("Anna Berg (aide, 2019-2021) said ", "Anna Berg (aide, 2019-2021)"),
        # the white space before the verb holds a line break
        ("the spokesman of the ministry\nsaid ", "the spokesman of the ministry"),
    ],
)
def test_the_before_form_where_its_search_may_start(context: str, speaker: str) -> None:
    (_, before, _) = _forms(("said", "promised")).before
    found, plain = before.search(context), before.pattern.search(context)
    assert found is not None and plain is not None
    assert found.group("who").strip() == speaker == plain.group("who").strip()


def test_a_form_asked_again_answers_for_where_it_starts() -> None:
    """Searches are kept per sentence: the same sentence searched from a later point is
    another question (the main-clause rule asks so), with its own answer."""
    (form, _) = _forms(("said",)).after
    context = " said Anna Berg, and then said Tom Reyes"
    first = form.search(context)
    assert first is not None and first.group("who").startswith("Anna Berg")
    assert form.search(context) is first
    assert form.search(context, first.end("verb")) is None  # anchored at the start: nothing from later on
    (_, before, _) = _forms(("said",)).before
    sentence = "Anna Berg said that Tom Reyes said"
    assert before.search(sentence) is not None
    later = before.search(sentence, sentence.index("Tom"))
    assert later is not None and later.group("who") == "Tom Reyes"
