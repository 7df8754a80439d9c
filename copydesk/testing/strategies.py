"""Hypothesis strategies for scraped news pages, with their gold labels.

Small strategies compose into pages the way sites build them: sentences into paragraphs,
a dateline in a wire style opening the first paragraph, quotes with their speakers,
chrome blocks (menus, "Recent Stories" with "N hours ago", related topics, share and
comment widgets, copyright) around the article in one of the layouts real sites use.
Each piece keeps what it is, so a law can ask whether the cleaner did the right thing.

Compose your own: pass ``chrome=`` extra block strategies to :func:`pages`, or build a
:class:`Page` from :func:`paragraphs` and your blocks.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from hypothesis import strategies as st

from copydesk.testing.vocabulary import Vocabulary, vocabulary

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Dateline:
    text: str
    place: str
    agency: str
    style: str


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    speaker: str


@dataclass(frozen=True, slots=True)
class Block:
    """A run of lines with what it is: ``chrome`` blocks carry the widget's name."""

    kind: str  # title, byline, body, chrome
    lines: tuple[str, ...]
    name: str = ""
    quote: Quote | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """A generated page and its gold: blocks in page order, joined by blank lines."""

    language: str
    blocks: tuple[Block, ...]
    dateline: Dateline | None = None
    layout: str = ""

    @property
    def text(self) -> str:
        return "\n\n".join("\n".join(block.lines) for block in self.blocks) + "\n"

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(line for block in self.blocks if block.kind == "body" for line in block.lines)

    @property
    def chrome(self) -> tuple[Block, ...]:
        return tuple(block for block in self.blocks if block.kind == "chrome")

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return tuple(block.quote for block in self.blocks if block.quote is not None)

    @property
    def title(self) -> str | None:
        return next((block.lines[0] for block in self.blocks if block.kind == "title"), None)

    def __repr__(self) -> str:  # a counterexample is read as a page, not as nested dataclasses
        return f"Page(language={self.language!r}, layout={self.layout!r}, text=\n{self.text})"


def _vocabulary(language: str) -> Vocabulary:
    found = vocabulary(language)
    if found is None:
        raise ValueError(f"no vocabulary for language {language!r}: register one with copydesk.testing.register")
    return found


# -- text -------------------------------------------------------------------------------------


def sentences(language: str = "en", min_words: int = 8, max_words: int = 20) -> st.SearchStrategy[str]:
    """A sentence: content and function words in turn, capitalised, ending the language's way.

    The words come from one drawn seed, not one draw each: a page holds a few hundred
    words, and a draw per word would cost more than checking the page. A failing page
    still shrinks by its sentences and paragraphs; a sentence's words shrink together, to
    those of seed 0.
    """
    words = _vocabulary(language)
    return st.builds(_sentence, st.just(words), st.integers(min_words, max_words), st.integers(0, 2**32 - 1))


def _sentence(words: Vocabulary, count: int, seed: int) -> str:
    # The length is part of the seed: else sentences of one seed and different lengths would
    # open alike, and an article would hold a paragraph that another one repeats.
    pick = random.Random(f"{seed}:{count}").choice
    chosen = [pick(words.function_words if i % 2 else words.content_words) for i in range(count)]
    first = chosen[0][:1].upper() + chosen[0][1:] if words.capitalise else chosen[0]
    return " ".join([first, *chosen[1:]]) + words.sentence_end


def paragraphs(language: str = "en", min_sentences: int = 2, max_sentences: int = 4) -> st.SearchStrategy[str]:
    return st.lists(sentences(language), min_size=min_sentences, max_size=max_sentences).map(" ".join)


def quotes(language: str = "en") -> st.SearchStrategy[Block]:
    """A paragraph quoting a named speaker in one of the language's reporting frames."""
    words = _vocabulary(language)
    said_strategy = sentences(language, 6, 14)
    names, frames = st.sampled_from(words.names), st.sampled_from(words.quote_frames)

    @st.composite
    def build(draw: st.DrawFn) -> Block:
        said = draw(said_strategy).rstrip(words.sentence_end)
        name = draw(names)
        frame = draw(frames)
        return Block("body", (frame.format(quote=said, name=name),), quote=Quote(said, name))

    return build()


# -- datelines --------------------------------------------------------------------------------

DatelineStyle = Callable[[str, str, int, int], tuple[str, str]]

DATELINE_STYLES: dict[str, DatelineStyle] = {
    "tass": lambda place, month, day, year: (f"{place}, {month} {day}. /TASS/.", "TASS"),
    "sputnik": lambda place, month, day, year: (f"{place}, {month} {day} (Sputnik) -", "Sputnik"),
    "reuters": lambda place, month, day, year: (f"{place}, {month} {day} (Reuters) -", "Reuters"),
    "reuters_short": lambda place, month, day, year: (f"{place} (Reuters) -", "Reuters"),
    "ap": lambda place, month, day, year: (f"{place} (AP) —", "AP"),
    "afp": lambda place, month, day, year: (f"{place}, {month} {day}, {year} (AFP) -", "AFP"),
    "xinhua": lambda place, month, day, year: (f"{place}, {month} {day} (Xinhua) --", "Xinhua"),
    "wam": lambda place, month, day, year: (f"{place}, {day}th {month}, {year} (WAM) --", "WAM"),
}
ARABIC_DATELINE_STYLES: dict[str, Callable[[str], tuple[str, str]]] = {
    "arabic_agency": lambda place: (f"{place} (وكالة أنباء الشرق الأوسط) -", "وكالة أنباء الشرق الأوسط"),
    "arabic_wakalat": lambda place: (f"{place} - وكالات", "وكالات"),
}


def datelines(style: str | None = None, language: str = "en") -> st.SearchStrategy[Dateline]:
    """A wire dateline in the named style (any style of the language when None)."""
    words = _vocabulary(language)
    if language == "ar":
        arabic_styles = st.sampled_from([style] if style else sorted(ARABIC_DATELINE_STYLES))
        arabic_places = st.sampled_from(words.places)

        @st.composite
        def build_ar(draw: st.DrawFn) -> Dateline:
            chosen = draw(arabic_styles)
            place = draw(arabic_places)
            text, agency = ARABIC_DATELINE_STYLES[chosen](place)
            return Dateline(text, place, agency, chosen)

        return build_ar()
    styles, places = st.sampled_from([style] if style else sorted(DATELINE_STYLES)), st.sampled_from(words.places)
    months, days, years = st.sampled_from(MONTHS), st.integers(1, 28), st.integers(2000, 2030)

    @st.composite
    def build(draw: st.DrawFn) -> Dateline:
        chosen = draw(styles)
        place = draw(places)
        month, day, year = draw(months), draw(days), draw(years)
        text, agency = DATELINE_STYLES[chosen](place, month, day, year)
        return Dateline(text, place, agency, chosen)

    return build()


# -- chrome -----------------------------------------------------------------------------------


def _filled(template: str, site: str, n: int, year: int) -> str:
    return template.format(n=n, year=year, site=site)


def menus(language: str = "en") -> st.SearchStrategy[Block]:
    """Navigation: one item a line, or the items on one line between pipes."""
    items = _vocabulary(language).chrome.menu
    picked = st.lists(st.sampled_from(items), min_size=4, max_size=len(items), unique=True)
    return st.one_of(
        picked.map(lambda chosen: Block("chrome", tuple(chosen), "menu")),
        picked.map(lambda chosen: Block("chrome", (" | ".join(chosen),), "menu")),
    )


def headlines(language: str = "en") -> st.SearchStrategy[str]:
    """A linked headline in a list: content words, no sentence end."""
    words = _vocabulary(language)
    chosen = st.lists(st.sampled_from(words.content_words), min_size=4, max_size=8).map(" ".join)
    return chosen.map(lambda text: text[:1].upper() + text[1:])


def recent_stories(language: str = "en") -> st.SearchStrategy[Block]:
    """A heading, then headlines each followed by an "N hours ago" stamp."""
    words = _vocabulary(language)
    headings, stamps = st.sampled_from(words.chrome.recent_heading), st.sampled_from(words.chrome.ago)
    counts, hours, headline = st.integers(2, 5), st.integers(1, 23), headlines(language)

    @st.composite
    def build(draw: st.DrawFn) -> Block:
        lines = [draw(headings)]
        for _ in range(draw(counts)):
            stamp = _filled(draw(stamps), "", draw(hours), 0)
            lines += [draw(headline), stamp]
        return Block("chrome", tuple(lines), "recent_stories")

    return build()


def related_topics(language: str = "en") -> st.SearchStrategy[Block]:
    words = _vocabulary(language)
    tag_lists = st.lists(st.sampled_from(words.content_words), min_size=2, max_size=5, unique=True)
    headings = st.sampled_from(words.chrome.related_heading)

    @st.composite
    def build(draw: st.DrawFn) -> Block:
        tags = draw(tag_lists)
        heading = draw(headings)
        return Block("chrome", (heading, " | ".join(tag.capitalize() for tag in tags)), "related_topics")

    return build()


def share_widgets(language: str = "en") -> st.SearchStrategy[Block]:
    share = _vocabulary(language).chrome.share
    return st.lists(st.sampled_from(share), min_size=1, max_size=len(share), unique=True).map(
        lambda lines: Block("chrome", tuple(lines), "share")
    )


def comment_widgets(language: str = "en") -> st.SearchStrategy[Block]:
    comments = _vocabulary(language).chrome.comments
    return st.sampled_from(comments).map(lambda line: Block("chrome", (line,), "comments"))


def popular_posts(language: str = "en") -> st.SearchStrategy[Block]:
    words = _vocabulary(language)
    headings = st.sampled_from(words.chrome.popular_heading)
    listed = st.lists(headlines(language), min_size=2, max_size=4)

    @st.composite
    def build(draw: st.DrawFn) -> Block:
        lines = [draw(headings)]
        lines += draw(listed)
        return Block("chrome", tuple(lines), "popular_posts")

    return build()


def copyright_lines(language: str = "en", site: str | None = None) -> st.SearchStrategy[Block]:
    words = _vocabulary(language)
    sites = st.just(site) if site else st.sampled_from(words.chrome.site_names)
    return st.builds(
        lambda template, name, year: Block("chrome", (_filled(template, name, 0, year),), "copyright"),
        st.sampled_from(words.chrome.copyright),
        sites,
        st.integers(2000, 2030),
    )


CHROME: dict[str, Callable[[str], st.SearchStrategy[Block]]] = {
    "menu": menus,
    "recent_stories": recent_stories,
    "related_topics": related_topics,
    "share": share_widgets,
    "comments": comment_widgets,
    "popular_posts": popular_posts,
}


# -- pages ------------------------------------------------------------------------------------

# Where each layout puts its chrome: (before the headline, after the article; the last is always the copyright).
LAYOUTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "news": (("menu",), ("share", "related_topics", "recent_stories", "comments")),
    "blog": ((), ("share", "popular_posts", "comments")),
    "sidebar_first": (("menu", "recent_stories"), ("related_topics",)),
}


@dataclass(frozen=True, slots=True)
class PageSpec:
    """What a page may hold; the strategies draw within it."""

    language: str = "en"
    min_paragraphs: int = 3
    max_paragraphs: int = 7
    quote_share: float = 0.3
    dateline: bool = True
    byline: bool = True
    extra_chrome: Sequence[st.SearchStrategy[Block]] = field(default_factory=tuple)


def pages(
    language: str = "en", spec: PageSpec | None = None, layouts: Sequence[str] | None = None
) -> st.SearchStrategy[Page]:
    """A whole page: site name and chrome around headline, byline and article, in a real layout."""
    spec = spec or PageSpec(language=language)
    words = _vocabulary(spec.language)
    lang = spec.language
    # Strategies are built once here, not on every draw: building one costs more than drawing from it.
    layout_names, sites = st.sampled_from(sorted(layouts or LAYOUTS)), st.sampled_from(words.chrome.site_names)
    chrome = {name: make(lang) for name, make in CHROME.items()}
    headline_strategy, body_sentences = sentences(lang, 6, 12), sentences(lang)
    byline_frames, names = st.sampled_from(words.byline_frames), st.sampled_from(words.names)
    dateline_strategy, quote_frames = datelines(language=lang), st.sampled_from(words.quote_frames)
    counts, sentence_counts = st.integers(spec.min_paragraphs, spec.max_paragraphs), st.integers(2, 4)
    shares = st.floats(0, 1)
    copyrights, years = st.sampled_from(words.chrome.copyright), st.integers(2000, 2030)

    @st.composite
    def build(draw: st.DrawFn) -> Page:
        layout = draw(layout_names)
        before, after = LAYOUTS[layout]
        site = draw(sites)
        blocks: list[Block] = [Block("chrome", (site,), "site_name")]
        blocks += [draw(chrome[name]) for name in before]
        headline = draw(headline_strategy).rstrip(words.sentence_end)
        blocks.append(Block("title", (headline,)))
        if spec.byline and draw(st.booleans()):
            frame = draw(byline_frames)
            blocks.append(Block("byline", (frame.format(name=draw(names)),)))
        dateline = draw(dateline_strategy) if spec.dateline and draw(st.booleans()) else None
        count = draw(counts)
        quoted = [index > 0 and draw(shares) < spec.quote_share for index in range(count)]
        sizes = [1 if is_quote else draw(sentence_counts) for is_quote in quoted]
        # Articles do not repeat themselves: every sentence of the page is drawn distinct.
        pool = iter(draw(st.lists(body_sentences, min_size=sum(sizes), max_size=sum(sizes), unique=True)))
        for index, (is_quote, size) in enumerate(zip(quoted, sizes, strict=True)):
            if is_quote:
                said = next(pool).rstrip(words.sentence_end)
                name = draw(names)
                frame = draw(quote_frames)
                blocks.append(Block("body", (frame.format(quote=said, name=name),), quote=Quote(said, name)))
                continue
            text = " ".join(next(pool) for _ in range(size))
            if index == 0 and dateline is not None:
                text = f"{dateline.text} {text}"
            blocks.append(Block("body", (text,)))
        tail_names = draw(st.lists(st.sampled_from(after), unique=True, max_size=len(after))) if after else []
        tail = [draw(chrome[name]) for name in tail_names]
        tail += [draw(extra) for extra in spec.extra_chrome]
        blocks += draw(st.permutations(tail)) if tail else []
        blocks.append(Block("chrome", (_filled(draw(copyrights), site, 0, draw(years)),), "copyright"))
        return Page(lang, tuple(blocks), dateline, layout)

    return build()


# -- bytes ------------------------------------------------------------------------------------

LEGACY_CODECS: dict[str, tuple[str, ...]] = {
    "en": ("utf-8", "utf-8-sig", "utf-16", "cp1252"),
    "de": ("utf-8", "utf-16", "cp1252", "iso-8859-15"),
    "fr": ("utf-8", "utf-16", "cp1252", "iso-8859-15"),
    "ru": ("utf-8", "utf-16", "cp1251", "koi8-r"),
    "ar": ("utf-8", "utf-8-sig", "utf-16", "cp1256"),
}


# The code page UTF-8 of a language is most often misread as.
MOJIBAKE_READS: dict[str, str] = {"ar": "cp1256", "ru": "cp1251"}


def encodable(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def encoded_pages(
    page_strategy: st.SearchStrategy[Page], codecs: Sequence[str] | None = None
) -> st.SearchStrategy[tuple[Page, str, bytes]]:
    """A page as bytes in a codec that can represent it (the page's language's usual ones)."""

    @st.composite
    def build(draw: st.DrawFn) -> tuple[Page, str, bytes]:
        page = draw(page_strategy)
        usable = [c for c in (codecs or LEGACY_CODECS.get(page.language, ("utf-8",))) if encodable(page.text, c)]
        codec = draw(st.sampled_from(usable or ["utf-8"]))
        return page, codec, page.text.encode(codec)

    return build()


def mojibaked(page_strategy: st.SearchStrategy[Page], wrong: str = "cp1252") -> st.SearchStrategy[tuple[Page, bytes]]:
    """A page whose UTF-8 was read as ``wrong`` and saved again as UTF-8: the classic mojibake."""

    def spoil(page: Page) -> tuple[Page, bytes] | None:
        try:
            return page, page.text.encode("utf-8").decode(wrong).encode("utf-8")
        except UnicodeDecodeError:
            return None

    return page_strategy.map(spoil).filter(lambda pair: pair is not None)  # type: ignore[return-value]
