"""The words generated pages are made of, per language.

English and Arabic come with hand-written vocabularies (function words, content words,
names, reporting frames, site chrome). Any other language gets one built from its
stop-list (the same lists the boilerplate step reads) and pseudo-words in its script, so
a language with a rule file can be generated without writing code. Users register their
own with :func:`register`.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from copydesk.text.stopwords import stopwords


@dataclass(frozen=True, slots=True)
class Chrome:
    """Site chrome phrases of one language; ``{n}`` and ``{year}`` are filled in."""

    site_names: tuple[str, ...]
    menu: tuple[str, ...]
    recent_heading: tuple[str, ...]
    ago: tuple[str, ...]
    related_heading: tuple[str, ...]
    copyright: tuple[str, ...]
    comments: tuple[str, ...]
    share: tuple[str, ...]
    popular_heading: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    language: str
    function_words: tuple[str, ...]
    content_words: tuple[str, ...]
    names: tuple[str, ...]
    places: tuple[str, ...]
    quote_frames: tuple[str, ...]  # "{quote}" and "{name}" are filled in
    byline_frames: tuple[str, ...]
    chrome: Chrome
    sentence_end: str = "."
    capitalise: bool = True
    rtl: bool = False
    extra: dict[str, tuple[str, ...]] = field(default_factory=dict)


ENGLISH_CHROME = Chrome(
    site_names=("The Daily Courier", "Harbour Gazette", "The Northern Times", "Metro Herald", "Valley Post"),
    menu=("Home", "World", "Business", "Politics", "Sport", "Culture", "Opinion", "Video", "Weather", "Tech"),
    recent_heading=("Recent Stories", "Latest News", "More Stories", "Most Read"),
    ago=("{n} hours ago", "{n} minutes ago", "{n} days ago"),
    related_heading=("Related Topics", "Related Stories", "Related"),
    copyright=("© {year} {site}. All rights reserved.", "Copyright {year} {site}", "© {site} {year}"),
    comments=("Leave a Reply", "0 Comments", "Post a Comment", "Comments are closed."),
    share=("Share this:", "Share on Facebook", "Share on Twitter", "Share via Email"),
    popular_heading=("Popular posts from this blog",),
)

ENGLISH = Vocabulary(
    language="en",
    function_words=(
        "the",
        "a",
        "of",
        "to",
        "in",
        "and",
        "that",
        "for",
        "on",
        "with",
        "as",
        "by",
        "at",
        "from",
        "was",
        "is",
        "were",
        "has",
        "had",
        "have",
        "would",
        "will",
        "their",
        "its",
        "this",
        "which",
        "after",
        "before",
        "over",
        "about",
        "into",
        "than",
        "but",
        "not",
        "also",
        "they",
        "it",
        "more",
    ),
    content_words=(
        "council",
        "minister",
        "government",
        "plan",
        "harbour",
        "budget",
        "report",
        "officials",
        "talks",
        "agreement",
        "city",
        "residents",
        "election",
        "court",
        "police",
        "company",
        "market",
        "prices",
        "workers",
        "union",
        "school",
        "hospital",
        "river",
        "bridge",
        "contract",
        "investors",
        "region",
        "approved",
        "rejected",
        "announced",
        "confirmed",
        "signed",
        "delayed",
        "expected",
        "raised",
        "reported",
        "increased",
        "proposed",
        "opened",
        "closed",
        "warned",
        "agreed",
        "discussed",
        "new",
        "local",
        "national",
        "annual",
        "public",
        "second",
        "final",
        "early",
        "major",
        "regional",
        "café",
        "naïve",
        "résumé",
        "fiancée",  # accented words: legacy code pages must be told apart
    ),
    names=("Maria Lopez", "John Carter", "Ana Ruiz", "Wei Chen", "Omar Haddad", "Sofia Rossi", "José Álvarez"),
    places=("LONDON", "MOSCOW", "PARIS", "WASHINGTON", "BEIJING", "ANKARA", "CAIRO", "NEW YORK", "ABU DHABI"),
    quote_frames=(
        '"{quote}," said {name}.',
        '"{quote}," {name} said.',
        "{name} said: “{quote}.”",
        "“{quote},” {name} told reporters.",
    ),
    byline_frames=("By {name}", "{name}, Staff Reporter"),
    chrome=ENGLISH_CHROME,
)

ARABIC = Vocabulary(
    language="ar",
    function_words=(
        "في",
        "من",
        "على",
        "إلى",
        "أن",
        "التي",
        "الذي",
        "هذا",
        "هذه",
        "مع",
        "عن",
        "بعد",
        "قبل",
        "كان",
        "قد",
        "لا",
        "ما",
        "هو",
        "هي",
        "بين",
        "حول",
        "كما",
        "إن",
        "ذلك",
        "عند",
        "خلال",
    ),
    content_words=(
        "الحكومة",
        "الوزير",
        "المدينة",
        "الميناء",
        "الميزانية",
        "المجلس",
        "الاتفاق",
        "المحادثات",
        "السكان",
        "المحكمة",
        "الشرطة",
        "الشركة",
        "السوق",
        "الأسعار",
        "العمال",
        "المدرسة",
        "المستشفى",
        "الجسر",
        "العقد",
        "المستثمرين",
        "المنطقة",
        "أعلن",
        "أكد",
        "وافق",
        "رفض",
        "وقع",
        "افتتح",
        "ناقش",
        "حذر",
        "الجديد",
        "المحلية",
        "الوطنية",
        "السنوية",
        "العامة",
        "الثانية",
        "النهائية",
        "الكبرى",
        "الإقليمية",
    ),
    names=("أحمد حسن", "محمد علي", "سارة خليل", "خالد يوسف", "ليلى منصور", "عمر حداد"),
    places=("القاهرة", "موسكو", "بيروت", "الرياض", "دبي", "عمان"),
    quote_frames=('وقال {name} إن "{quote}".', 'وأضاف {name}: "{quote}".', 'وأكد {name} أن "{quote}".'),
    byline_frames=("بقلم {name}", "كتب {name}"),
    chrome=Chrome(
        site_names=("صحيفة الساحل", "جريدة الوطن", "بوابة الأخبار", "المدينة اليوم"),
        menu=("الرئيسية", "أخبار", "اقتصاد", "رياضة", "ثقافة", "منوعات", "فيديو", "اتصل بنا"),
        recent_heading=("آخر الأخبار", "الأكثر قراءة", "أخبار ذات صلة"),
        ago=("منذ {n} ساعات", "منذ {n} دقيقة", "منذ {n} أيام"),
        related_heading=("مواضيع ذات صلة", "اقرأ أيضا"),
        copyright=("جميع الحقوق محفوظة © {year} {site}", "© {year} {site}"),
        comments=("تم أضافة تعليقك سوف يظهر بعد المراجعة", "أضف تعليقك", "التعليقات"),
        share=("شارك", "شارك على فيسبوك", "شارك على تويتر"),
        popular_heading=("الأكثر مشاهدة",),
    ),
    rtl=True,
)

_REGISTERED: dict[str, Vocabulary] = {"en": ENGLISH, "ar": ARABIC}


def register(vocabulary: Vocabulary) -> None:
    """Make a language's vocabulary available to the page strategies."""
    _REGISTERED[vocabulary.language] = vocabulary


def _pseudo_words(letters: str, count: int) -> tuple[str, ...]:
    """Deterministic pseudo-words from a language's letters: content words with its script."""
    words = []
    for i in range(count):
        length = 4 + i % 6
        words.append("".join(letters[(i * 7 + j * 3) % len(letters)] for j in range(length)))
    return tuple(words)


def _script(word: str) -> str:
    """The script of a word's first letter ("LATIN", "CYRILLIC", ...), by its Unicode name."""
    letter = next((ch for ch in word if ch.isalpha()), "")
    return unicodedata.name(letter, "?").split(" ")[0] if letter else "?"


def vocabulary(language: str, rules_dir: Path | None = None) -> Vocabulary | None:
    """The language's vocabulary; built from its stop-list when none is registered (None if no list)."""
    if language in _REGISTERED:
        return _REGISTERED[language]
    return _from_stoplist(language, rules_dir)


@functools.cache
def _from_stoplist(language: str, rules_dir: Path | None) -> Vocabulary | None:
    """Built once per language and rules folder: a run asks for it for every law and strategy."""
    listed = sorted(stopwords(language, rules_dir))
    script = Counter(_script(word) for word in listed).most_common(1)
    words = [word for word in listed if script and _script(word) == script[0][0]]
    letters = "".join(sorted({ch for word in words for ch in word if ch.isalpha()}))
    if len(words) < 20 or len(letters) < 10:
        return None
    function_words = tuple(word for word in words if word.isalpha() and len(word) <= 6)[:60]
    return Vocabulary(
        language=language,
        function_words=function_words,
        content_words=_pseudo_words(letters, 60),
        names=tuple(
            f"{w.capitalize()} {v.capitalize()}"
            for w, v in zip(_pseudo_words(letters, 6), _pseudo_words(letters[::-1], 6), strict=True)
        ),
        places=ENGLISH.places,
        quote_frames=('"{quote}," {name}.',),
        byline_frames=("{name}",),
        chrome=ENGLISH_CHROME,
    )
