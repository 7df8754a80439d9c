from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.label.boilerplate import apply_rules, rule_candidates
from copydesk.label.labelling import Labelling
from copydesk.pipeline import label_lines
from copydesk.rules.patterns import Patterns, RulePattern, compile_pattern
from copydesk.rules.ruleset import BOILERPLATE_SECTIONS, BoilerplateRules, RuleSet
from copydesk.text.lines import split_lines

BODY = "The committee published its findings on Wednesday after a year of hearings and site visits."


def every_section(boilerplate: BoilerplateRules) -> Patterns:
    """One rule file's patterns as the page's bundle combines them, for ``rule_candidates``."""
    return Patterns(p for name in BOILERPLATE_SECTIONS for p in getattr(boilerplate, name))


def rules(**sections: list[str]) -> BoilerplateRules:
    return BoilerplateRules(
        **{name: tuple(compile_pattern(f"t.{name}[{i}]", p) for i, p in enumerate(ps)) for name, ps in sections.items()}
    )


def labels_of(text: str, boilerplate: BoilerplateRules) -> list[str]:
    labelling = Labelling.start(split_lines(text))
    apply_rules(labelling, boilerplate)
    return [str(label) for label in labelling.finish()]


def test_tail_marker_removes_the_rest() -> None:
    text = f"{BODY}\n\nRelated\nA link\n\nAnother link\n"
    assert labels_of(text, rules(tail_markers=["^Related$"])) == [
        "body",
        "blank",
        *["boilerplate:t.tail_markers[0]"] * 4,
    ]


def test_tail_marker_at_the_top_does_not_swallow_the_article() -> None:
    text = f"Related\n{BODY}\n{BODY}\n"
    assert labels_of(text, rules(tail_markers=["^Related$"])) == ["body", "body", "body"]


def test_head_marker_removes_everything_above() -> None:
    text = f"Menu\nSkip to content\n{BODY}\n"
    assert labels_of(text, rules(head_markers=["^Skip to content$"])) == [
        "boilerplate:t.head_markers[0]",
        "boilerplate:t.head_markers[0]",
        "body",
    ]


def test_head_marker_on_the_last_line_removes_nothing() -> None:
    text = f"{BODY}\nSkip to content\n"
    assert labels_of(text, rules(head_markers=["^Skip to content$"])) == ["body", "body"]


def test_line_rules_match_stripped_lines() -> None:
    text = f"  Share  \n{BODY}\nShare this\n"
    assert labels_of(text, rules(lines=["^Share$"])) == ["boilerplate:t.lines[0]", "body", "body"]


def test_inline_tail_cuts_the_end_of_a_kept_line() -> None:
    labelling = Labelling.start(split_lines("Lavrov says talks will go on More:\nMore:\n"))
    apply_rules(labelling, rules(inline_tails=[r"\s+More:$"]))
    assert labelling.cuts == {0: (len("Lavrov says talks will go on"), "t.inline_tails[0]")}


def test_blank_lines_between_removed_lines_go_with_them() -> None:
    text = f"{BODY}\n\nAd\n\nAd\n\n{BODY}\n"
    labels = labels_of(text, rules(lines=["^Ad$"]))
    assert labels == [
        "body",
        "blank",
        "boilerplate:t.lines[0]",
        "boilerplate:t.lines[0]",
        "boilerplate:t.lines[0]",
        "blank",
        "body",
    ]


def test_catastrophic_pattern_is_a_finding_not_a_hang() -> None:
    slow = rules(lines=[r"(a|aa)+$"])  # exponential for the regex engine on "aaa…ab"
    labelling = Labelling.start(split_lines("a" * 40 + "b\n" + BODY + "\n"))
    apply_rules(labelling, slow)
    assert [str(label) for label in labelling.finish()] == ["body", "body"]
    assert {f.rule for f in labelling.findings} == {"rules.regex_timeout"}
    assert "t.lines[0]" in labelling.findings[0].message


def test_a_timeout_is_a_finding_on_every_page_that_meets_it() -> None:
    """Answers are kept per line for the run; a timed-out answer is not, or a second page
    holding the same line would lose its finding."""
    slow = rules(lines=[r"(a|aa)+$"])
    combined = every_section(slow)
    for _ in range(2):
        labelling = Labelling.start(split_lines("a" * 40 + "b\n" + BODY + "\n"))
        labelling.rule_candidates = rule_candidates(labelling, combined)
        apply_rules(labelling, slow)
        assert {f.rule for f in labelling.findings} == {"rules.regex_timeout"}


def test_a_line_seen_on_an_earlier_page_is_answered_the_same() -> None:
    """The second page's new lines are answered by a pattern set narrowed to them; its
    known lines by what the first page's found, which must still hold."""
    boilerplate = rules(lines=["^Share$", r"\(Image: [^()]+\)$"], tail_markers=["^Menu$"])
    first = f"Share\n(Image: AP)\n{BODY}\n"
    second = f"Menu\nShare\n{BODY}\nThe mayor said so.\n"
    combined = every_section(boilerplate)
    for text, expected in ((first, {0, 1}), (second, {0, 1})):
        labelling = Labelling.start(split_lines(text))
        assert rule_candidates(labelling, combined) == expected


def generic(project_rules: RuleSet, name: str) -> BoilerplateRules:
    (found,) = [g.boilerplate for g in project_rules.generic if g.name == name]
    return found


def line_rules(rules: BoilerplateRules) -> tuple[RulePattern, ...]:
    """Every pattern that reads a whole line: the rules that decide and the hints the line model weighs."""
    return (*rules.lines, *rules.hints)


def assert_matched(patterns: tuple[RulePattern, ...], chrome: Sequence[str], prose: Sequence[str] = ()) -> None:
    """Each of ``chrome`` matches some pattern; none of ``prose`` matches any."""
    for line in chrome:
        assert any(pattern.search(line) for pattern in patterns), line
    for line in prose:
        assert not any(pattern.search(line) for pattern in patterns), line


def test_generic_english_headings(project_rules: RuleSet) -> None:
    """Chrome headings weigh against the article (section markers); only comment headers end it."""
    english = generic(project_rules, "generic.en")
    headings = ["Related links:", "Other news in this section", "Share this article", "Share on:", "Most read"]
    headings += ["Related coverage from Harbour Life: Money:", "Related stories on the harbour plan:"]
    prose = ["Related coverage on the plan will follow tomorrow.", "Related stories from the archive show it."]
    assert_matched(english.section_markers, headings, prose)
    comment_headers = ["Leave a reply", "12 responses to “Harbour plan”", "Post a comment"]
    assert_matched(english.tail_markers, comment_headers, headings)


def test_page_and_player_controls(project_rules: RuleSet) -> None:
    english = generic(project_rules, "generic.en")
    controls = ["Back to top", "Scroll Back To Top", "Permalink 12 Comments Feed for comments Back to top"]
    controls += ["Thanks for watching!Visit Website", "Thanks for watching!"]
    controls += ["Skip to content", "Skip to main content", "Jump to navigation"]
    prose = [
        "The team fought its way back to top form after the break.",
        "Thanks for watching the game with us tonight, the coach told the crowd.",
        "Skip to the end of the report and the numbers tell another story.",
    ]
    assert_matched(line_rules(english), controls, prose)
    german = generic(project_rules, "generic.de")
    skip_links = ["Zum Inhalt springen", "Zur Navigation springen", "Zum Hauptinhalt springen", "Direkt zum Inhalt"]
    prose = [
        "Zum Inhalt springen wir später, sagte die Ministerin.",
        "Direkt zum Inhalt der Vereinbarung äußerte er sich nicht.",
    ]
    assert_matched(line_rules(german), skip_links, prose)


CAPTIONS_AND_LINKS = [
    "The old lighthouse keeper's cottage at dawn (Image: Harbour Trust)",
    "Firefighters at the scene on Tuesday (Photo: Jane Ode / Coast News)",
    "Photo: Mark Hale, AP",
    "Image caption The bridge reopened after two years of repairs",
    "Picture copyright @harbourtrust",
    "Image 3 of 12",
    "Image 1 of / 13",
    "Read more: Council approves night ferries after long debate",
    "Related: Ten bridges that changed the city",
    "Click to share on Twitter (Opens in new window)",
    "Share to linkedin",
    "Back to gallery",
    "View comments",
    "View all (23)",
    "Sign up for our daily newsletter",
    "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019",
    "Published 2:16 AM EST Nov 20, 2019",
    "Media captionWho is Julian Assange?",
    "Keith Bradsher contributed reporting from Hong Kong.",
    "Maria Lopez and Ivan Petrov contributed research.",
    "Don't miss",
    "The new ferry leaves the harbour at dawn. Credit: Harbour Authority",
    "The mayor at the opening on Tuesday.Credit...Anna Berg/The Daily Lantern",
    "Fishing boats in the old port. (Photo Credit : Lantern File Photo )",
    "Ferries wait in the harbour in Bergen, Norway, Tuesday, May 7, 2024. (AP Photo/Anna Berg) less",
    "Ferries wait in the harbour in Bergen, Norway, Tuesday, May 7, 2024. The ferries ... more",
    "Mayor Anna Berg speaks at the opening of the pier, Sunday, Nov. 17, 2024, in Bergen.",
    "In this Oct. 3, 2023, file photo, ferries wait in the harbour.",
    "Read Later",
    "Reading Time: 3 mins read",
    "5 min read",
    "Copied!",
    "Contributing Writer",
    "Opinion Columnist",
    "Get The Daily Lantern delivered to your inbox",
    "Get our weekly digest. You can unsubscribe at any time.",
    "Follow us on Instagram and TikTok",
    "Follow The Harbour Times on Twitter, Facebook and YouTube.",
    "If you buy through links on this page we may earn a small commission.",
    "Views expressed in this column are the author's own.",
    "The opinions expressed here do not necessarily reflect those of the station.",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "The content on this website may not be reproduced without written permission.",
    "Registration on or use of this website constitutes acceptance of our terms.",
    "Tags: harbour, ferries, Bergen council",
    "TOPICS:",
    "Filed under ferries , harbours , Norway",
    "tags #Harbour #Ferries",
    "Categories: Local News",
]
PROSE = [
    "Photo opportunities abounded as the ministers arrived at the harbour on Tuesday.",
    "The report, published on Monday, found that the image of the port had improved.",
    "Related research in Norway reached the same conclusion, the authors said.",
    "Read more carefully, the contract gave the council the right to close the pier.",
    "She closed the window (it had been open all night) and went back to sleep.",
    "Close to 300 people attended the meeting.",
    "Published in 1998, the book sold more copies than any other that year.",
    "Media credibility is at a low, the survey found.",
    "The lab contributed research funding to the project.",
    "Sign up for the course opened on Monday, with a newsletter promised to every student who enrolled early.",
    "Don't miss the ferry, the captain warned as the storm approached.",
    "The Harbour Credit Union opened a branch on Tuesday.",
    "The AP photo desk moved the pictures an hour later (the agency said so).",
    "Prices rose... and then rose more.",
    "The vote on Tuesday, the council said, was close.",
    "The pier opened on Nov. 17, 2024, after two years of works.",
    "This photo of the pier, the mayor said, will hang in the town hall.",
    "The writer, a former editor, said the plan was sound.",
    "Parcels delivered to your door will cost more, the post office said.",
    "Credit: the council, which paid for the works, deserves it.",
    "Subscribers can unsubscribe from the lottery, the regulator said, but few do.",
    "Follow the money, the auditors told the committee.",
    "Follow-up checks on Twitter accounts found 40 were automated.",
    "The company said it may earn more from the new contract than expected.",
    "The views expressed by residents at the meeting were mixed.",
    "The court ruled that the material may be published after the trial.",
    "Use of this site by minors rose sharply, the study found.",
    "Topics discussed at the meeting included the ferry timetable and the new pier.",
    "Tags are attached to every crate before it leaves the harbour.",
    "Filed under the old rules, the claim was rejected.",
]


def test_english_captions_gallery_and_link_lines_are_chrome(project_rules: RuleSet) -> None:
    assert_matched(line_rules(generic(project_rules, "generic.en")), CAPTIONS_AND_LINKS, PROSE)


def test_rules_see_list_items_without_their_bullet() -> None:
    text = f"* Share\n• Share\n- Share\no Share\n{BODY}\n"
    assert labels_of(text, rules(lines=["^Share$"])) == [*["boilerplate:t.lines[0]"] * 3, "body", "body"]


def test_a_rule_written_with_the_bullet_still_matches() -> None:
    assert labels_of(f"* Menu\n{BODY}\n", rules(lines=[r"^\* Menu$"])) == ["boilerplate:t.lines[0]", "body"]


def test_list_items_reach_markers_too() -> None:
    text = f"{BODY}\n\n* Related\nA link\n"
    assert labels_of(text, rules(tail_markers=["^Related$"]))[2:] == ["boilerplate:t.tail_markers[0]"] * 2


LINE_PIECES = ["* ", "• ", "- ", "Share", "Related", "Menu", "Read more: ", "the council", "(Image: AP)", "|", " "]


@given(st.lists(st.lists(st.sampled_from(LINE_PIECES), max_size=5).map("".join), max_size=12))
def test_the_candidate_prefilter_loses_no_match(page: list[str]) -> None:
    """Rules run only on the lines the page-level prefilter keeps; they must label exactly as without it."""
    boilerplate = rules(
        lines=["^Share$", r"\(Image: [^()]+\)$", "^Read more: .+"],
        section_markers=["^Related$"],
        tail_markers=["^Menu$"],
    )
    text = "\n".join([*page, BODY]) + "\n"
    filtered = Labelling.start(split_lines(text))
    filtered.rule_candidates = rule_candidates(filtered, every_section(boilerplate))
    apply_rules(filtered, boilerplate)
    unfiltered = Labelling.start(split_lines(text))
    apply_rules(unfiltered, boilerplate)
    assert filtered.finish() == unfiltered.finish()


CREDITS_AND_GALLERIES = [
    "1 / 13",
    "2of4A shopper looks at extension cords",
    "Getty Images",
    "AFP",
    "Reuters",
    "Anna Berg, AP",
    "Lukas Meier/AFP",
    "Défense Ministère via Reuters",
    "Élodie Grand for Getty Images",
    "Storm warning lifted for the islands [VIDEO]",
    "Ferry fares: what the new timetable means for you [ANALYSIS]|",
    "[email protected]",
    "1 2 3 4 5 6 7 8",
]
NOT_CREDITS = [
    "AP reported the vote on Tuesday.",
    "The score was 3/4 at half time.",
    "1 of 4 voters backed it",
    "The mayor spoke to AP",
    "Shares of Fenwick rose 4%, Reuters reported.",
    "The minister quoted the report [PDF] on Monday.",
    "She wrote to the agency. It replied [SIC]",
    "Contact the newsroom at [email]",
    "1 2 3",
    "Scores: 14 11 6 15",
]


def test_credit_and_gallery_lines_are_chrome_in_any_language(project_rules: RuleSet) -> None:
    assert_matched(line_rules(generic(project_rules, "generic.any")), CREDITS_AND_GALLERIES, NOT_CREDITS)


def test_menus_of_short_items_between_separators_are_chrome_in_any_language(project_rules: RuleSet) -> None:
    menus = [
        "Home | News | Sport | Culture | Contact",
        "Главная | Политика | Экономика | Спорт",
        "الرئيسية | أخبار | اقتصاد | رياضة",
        "Inicio | Política | Economía",
        "Start · Politik · Kultur",
        "News - Sport - Weather - Contact",
    ]
    prose = [
        "Harbour plan approved | Example Daily",  # a headline with its site: two items, not a menu
        "The vote was 5 | 4 | 3 in the end. Nobody expected it.",
        "Ferries | Trains",
    ]
    assert_matched(line_rules(generic(project_rules, "generic.any")), menus, prose)


def test_russian_review_widgets_and_popular_lists(project_rules: RuleSet) -> None:
    russian = generic(project_rules, "generic.ru")
    assert_matched(russian.tail_markers, ["Отзывы", "Добавить отзыв"], ["Отзывы читателей были разными."])
    assert_matched(
        russian.section_markers, ["Самые популярные диеты", "Похожие новости"], ["Самые популярные блюда готовят дома."]
    )


def test_a_rule_that_runs_out_of_time_is_tried_once_a_page_with_one_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    """A catastrophic pattern used to meet its time limit on every line (400 lines: 244 s,
    400 warnings); it now sits out the rest of the page after the first."""
    from copydesk.rules.patterns import PatternTimeout

    timeouts = []
    search = RulePattern.search

    def counted(self: RulePattern, text: str) -> object:
        try:
            return search(self, text)
        except PatternTimeout:
            timeouts.append(self.rule_id)
            raise

    monkeypatch.setattr(RulePattern, "search", counted)
    slow = rules(lines=[r"(a|aa)+$"])
    text = "\n\n".join(["a" * 40 + f"b{i}" for i in range(30)]) + "\n\n" + BODY + "\n"
    labelling = Labelling.start(split_lines(text))
    labelling.rule_candidates = rule_candidates(labelling, every_section(slow))
    apply_rules(labelling, slow)
    assert [f.rule for f in labelling.findings] == ["rules.regex_timeout"]
    assert len(timeouts) <= 4  # a few on the first line it meets (prefilters, the rule), none on the other 29


# The comment form under an article as blog software prints it in each language: the
# address notice and the "remember me" box are sentences, which no heuristic tells from
# prose, so the rule file carries them; the heading that opens the thread ends the article.
COMMENT_FORMS = {
    "de": (
        [
            "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
            "Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser speichern, "
            "bis ich wieder kommentiere.",
            "Antworten abbrechen",
        ],
        ["Schreibe einen Kommentar", "Hinterlassen Sie eine Antwort", "3 Gedanken zu „Hafenplan“"],
        ["Die E-Mail-Adresse des Ministers wird nicht veröffentlicht, sagte die Sprecherin."],
    ),
    "fr": (
        [
            "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
            "Enregistrer mon nom, mon e-mail et mon site dans le navigateur pour mon prochain commentaire.",
        ],
        ["Laisser une réponse", "12 réflexions sur « Le port »"],
        ["Votre adresse compte moins que votre projet, a répondu la maire."],
    ),
    "es": (
        [
            "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *",
            "Guardar mi nombre, correo electrónico y web en este navegador para la próxima vez que comente.",
        ],
        ["Deja una respuesta", "4 comentarios en «El puerto»"],
        ["Tu correo llegará mañana, dijo el cartero."],
    ),
    "pt": (
        ["O seu endereço de email não será publicado. Campos obrigatórios são marcados com *", "Cancelar resposta"],
        ["Deixe uma resposta"],
        ["O seu projeto será publicado no diário oficial."],
    ),
    "it": (
        [
            "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *",
            "Salva il mio nome, email e sito web in questo browser per la prossima volta che commento.",
        ],
        ["Lascia un commento", "5 commenti su “Il porto”"],
        ["Il tuo nome sarà pubblicato nell'elenco, ha detto il sindaco."],
    ),
    "nl": (
        [
            "Je e-mailadres wordt niet gepubliceerd. Vereiste velden zijn gemarkeerd met *",
            "Mijn naam, e-mail en site bewaren in deze browser voor de volgende keer wanneer ik een reactie plaats.",
        ],
        ["Geef een reactie", "2 reacties op “De haven”"],
        ["Het rapport wordt niet gepubliceerd voor de verkiezingen, zei de minister."],
    ),
    "pl": (
        [
            "Twój adres e-mail nie zostanie opublikowany. Wymagane pola są oznaczone *",
            "Zapamiętaj moje dane w tej przeglądarce podczas pisania kolejnych komentarzy.",
        ],
        ["Dodaj komentarz", "7 komentarzy do „Port”"],
        ["Twój głos nie zostanie zmarnowany, powiedział burmistrz."],
    ),
}

PARA_DE = "Der Stadtrat hat den Hafenplan am Dienstag beschlossen, sagt die Sprecherin der Stadt."


@pytest.mark.parametrize("language", sorted(COMMENT_FORMS))
def test_a_comment_forms_lines_are_chrome_and_its_heading_ends_the_article(
    project_rules: RuleSet, language: str
) -> None:
    form, headings, prose = COMMENT_FORMS[language]
    rules = generic(project_rules, f"generic.{language}")
    assert_matched(rules.lines, form, [*prose, *headings])
    assert_matched(rules.tail_markers, headings, [*prose, *form])


def test_german_reply_buttons_and_commenters_are_hints_not_verdicts(project_rules: RuleSet) -> None:
    """A reply button ("Antworten") and a commenter's name ("Anna Berg sagt:") are usually a
    comment thread's, but a quote can be introduced so too ("Der Minister sagt:"): the model
    weighs them, no rule removes them."""
    german = generic(project_rules, "generic.de")
    assert_matched(german.hints, ["Antworten", "Anna Berg sagt:", "max_1990 sagt:"], ["Er sagt: Nein.", PARA_DE])
    assert_matched(german.lines, [], ["Antworten", "Anna Berg sagt:"])


def test_a_german_article_loses_its_comment_section(project_rules: RuleSet) -> None:
    """Through the whole step, model included: the thread after the article goes, the article stays."""
    article = [
        "Stadtrat beschließt den neuen Hafenplan",
        "",
        PARA_DE + " Die Arbeiten sollen im Frühjahr beginnen und zwei Jahre dauern, wie es heißt.",
        "",
        "Die Opposition kritisierte die Kosten von zwölf Millionen Euro als zu hoch und forderte eine Prüfung.",
        "",
    ]
    thread = [
        "2 Gedanken zu „Stadtrat beschließt den neuen Hafenplan“",
        "",
        "Anna Berg sagt:",
        "Endlich passiert am Hafen etwas, das hat lange genug gedauert, finde ich jedenfalls.",
        "Antworten",
        "",
        "Schreibe einen Kommentar",
        "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
        "Kommentar abschicken",
    ]
    lines = split_lines("\n".join(article + thread) + "\n")
    labelling, _, _ = label_lines(lines, project_rules, None, "de")
    kept = [
        line.stripped for line, label in zip(lines, labelling.finish(), strict=True) if label.kept and line.stripped
    ]
    assert kept[-2:] == [article[2], article[4]]
    assert not any(text in kept for text in thread if text)


def test_photo_credits_are_hints_in_each_language(project_rules: RuleSet) -> None:
    """A credit under a picture or chart is a label, a colon and a name, never a sentence."""
    credits = {
        "de": (
            ["Foto: dpa/Anna Berg", "Quelle: Statistisches Bundesamt", "Der Hafen am Morgen (Foto: Anna Berg)"],
            ["Foto: Der Bürgermeister beim Spatenstich am Dienstag.", "Die Quelle des Flusses liegt im Wald."],
        ),
        "fr": (["Photo : AFP", "Crédit photo : Anne Roux"], ["Photo : le maire inaugure le port."]),
        "es": (["Foto: EFE", "Fuente: INE"], ["Foto: el alcalde inaugura el puerto."]),
        "pt": (["Foto: Reuters"], ["Foto: o prefeito inaugura o porto."]),
        "it": (["Foto: ANSA"], ["Foto: il sindaco inaugura il porto."]),
        "nl": (["Foto: ANP", "Beeld: Anna de Vries"], ["Foto: de burgemeester opent de haven."]),
        "pl": (["Fot. PAP/Jan Nowak", "Źródło: GUS"], ["Fot. burmistrz otwiera port."]),
    }
    for language, (chrome, prose) in credits.items():
        assert_matched(generic(project_rules, f"generic.{language}").hints, chrome, prose)


COOKIE_BANNERS = {
    "de": "Mit der Nutzung dieser Website erklären Sie sich damit einverstanden, dass wir Cookies verwenden.",
    "fr": "En poursuivant votre navigation, vous acceptez l'utilisation de cookies.",
    "es": "Utilizamos cookies propias y de terceros. Si continúa navegando, consideramos que acepta su uso.",
    "pt": "Utilizamos cookies para melhorar a sua experiência. Ao continuar, você concorda com a nossa política.",
    "it": "Questo sito utilizza cookie. Continuando la navigazione accetti l'uso dei cookie.",
    "nl": "Deze website gebruikt cookies. Door verder te gaan ga je akkoord met ons cookiebeleid.",
    "pl": "Ta strona używa plików cookies. Korzystając z niej, wyrażasz zgodę na ich użycie.",
}
COOKIE_PROSE = {
    "de": "Die Bäckerei am Hafen verkauft Cookies, und die Kunden sind zufrieden.",
    "fr": "La boulangerie vend des cookies au chocolat, a raconté la maire.",
    "es": "La panadería vende cookies de chocolate, contó la alcaldesa.",
    "pt": "A padaria vende cookies de chocolate, disse a prefeita.",
    "it": "La pasticceria vende cookie al cioccolato, ha detto la sindaca.",
    "nl": "De bakker verkoopt cookies met chocolade, zei de burgemeester.",
    "pl": "Piekarnia sprzedaje cookies z czekoladą, powiedziała burmistrz.",
}


@pytest.mark.parametrize("language", sorted(COOKIE_BANNERS))
def test_cookie_banners_in_each_language_whichever_comes_first(project_rules: RuleSet, language: str) -> None:
    """The consent word before "cookies" ("einverstanden, dass wir Cookies verwenden") or
    after it; a line about cookies without one is prose. French is a hint (under 0.98 over
    the pools, where the gold keeps a consent text), the others decide."""
    rules = generic(project_rules, f"generic.{language}")
    assert_matched(line_rules(rules), [COOKIE_BANNERS[language]], [COOKIE_PROSE[language]])
    deciding = rules.hints if language == "fr" else rules.lines
    assert_matched(deciding, [COOKIE_BANNERS[language]])
