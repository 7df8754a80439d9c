"""Whole pages written for these tests, in several languages and scripts: what goes, what stays."""

from __future__ import annotations

import pytest

from copydesk.pipeline import analyse
from copydesk.rules.ruleset import RuleSet
from tests.conftest import ARTICLES

# file: (title, author, paragraphs kept, chrome that must go)
PAGES = {
    "harbour_gazette_en.txt": (
        "Port authority approves night shipping trial on the northern canal",
        "Marta Lindqvist",
        4,
        ["Harbour Gazette", "Home |", "3 hours ago", "Related Topics", "Storm warning", "©"],
    ),
    "hafenblatt_de.txt": (
        "Stadtrat billigt neuen Hafenplan nach langer Debatte",
        "Jana Richter",
        3,
        ["Hafenblatt", "Startseite", "vor 3 Stunden", "Das könnte Sie", "Neue Fähre", "©"],
    ),
    "courrier_fr.txt": (
        "Le conseil municipal approuve le nouveau plan du port",
        "Claire Martin",
        3,
        ["Le Courrier du Port", "Accueil |", "Publié le", "À lire aussi", "nouveau ferry", "©"],
    ),
    "gazeta_pt.txt": (
        "Câmara aprova novo plano para o porto de pesca",
        "Beatriz Almeida",
        3,
        ["Gazeta do Porto", "Início |", "Publicado em", "Compartilhe", "Sobre a autora", "escreve", "Leia também"],
    ),
    "diario_es.txt": (
        "El ayuntamiento aprueba el nuevo plan del puerto pesquero",
        "Lucía Fernández",
        3,
        ["Diario del Puerto", "Inicio |", "Publicado el", "Compartir", "Sobre la autora", "escribe sobre", "Te puede"],
    ),
    "vesti_ru.txt": (
        "Городской совет одобрил план ремонта старого моста",
        "Ирина Смирнова",
        3,
        ["Вести Побережья", "Главная |", "2 часа назад", "Читайте также", "паром", "©"],
    ),
    "minato_ja.txt": (
        "市議会、新しい港湾計画を承認",
        None,
        3,
        ["みなと新聞", "ホーム |", "2024年3月5日", "関連記事", "フェリー", "©"],
    ),
    "sahil_ar.txt": (
        "افتتاح ميناء جديد للصيد في المدينة الساحلية",
        "سلمى الحسن",
        3,
        ["صحيفة الساحل", "الرئيسية |", "أخبار ذات صلة", "منذ 3 ساعات", "©"],
    ),
    "no_chrome_en.txt": (None, None, 3, []),
    "short_quotes_en.txt": ("What readers told us about the new tram line", None, 6, []),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page(name: str, project_rules: RuleSet) -> None:
    title, author, paragraphs, chrome = PAGES[name]
    analysis = analyse(ARTICLES / name, name, project_rules)
    clean = analysis.article_text
    assert analysis.article.title == title
    assert analysis.article.author == author
    assert clean.count("\n\n") + 1 == paragraphs, clean
    for text in chrome:
        assert text not in clean, text
    assert analysis.cleaning is not None and analysis.cleaning.rebuild() == analysis.outcome.decoded.text  # type: ignore[union-attr]
    if title:
        assert title not in clean


def test_a_page_with_no_chrome_loses_nothing(project_rules: RuleSet) -> None:
    analysis = analyse(ARTICLES / "no_chrome_en.txt", "x", project_rules)
    assert analysis.cleaning is not None and analysis.cleaning.removed == ()


def test_a_page_of_only_chrome_fails(project_rules: RuleSet) -> None:
    analysis = analyse(ARTICLES / "all_chrome_en.txt", "x", project_rules)
    assert analysis.article_text == ""
    assert analysis.verdict == "fail"
    assert [f.rule for f in analysis.findings if f.severity == "error"] == ["boilerplate.no_article"]
