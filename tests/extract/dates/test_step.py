"""The dates step through the whole pipeline, on pages written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from copydesk.pipeline import analyse
from copydesk.rules.manifest import ManifestEntry
from copydesk.rules.ruleset import RuleSet

BODY = (
    "The regional council approved the new harbour plan after two years of debate, "
    "and the first contracts are due in the spring, the mayor said."
)


def run(tmp_path: Path, rules: RuleSet, text: str, **entry: str) -> dict[str, object]:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    manifest = ManifestEntry(path=path, **entry) if entry else None  # type: ignore[arg-type]
    analysis = analyse(path, "page.txt", rules, manifest)
    return {
        "evidence": analysis.article.published_evidence,
        "published": analysis.article.published,
        "precision": analysis.article.published_precision,
        "candidates": analysis.article.published_candidates,
        "rules": [f.rule for f in analysis.findings],
        "severities": {f.rule: f.severity for f in analysis.findings},
    }


def page(stamp: str, *, footer: str = "© 2024 The Daily Example. All rights reserved.") -> str:
    return (
        "The Daily Example\nHome | World | Sport | Weather\n\nCouncil approves harbour plan\n\nBy Jane Doe\n"
        f"{stamp}\n\n{BODY}\n\n{BODY.replace('debate', 'talks')}\n\nRelated stories\n\n"
        f"Ferry fares to rise\nMarch 2, 2019\n\n{footer}\n"
    )


def test_byline_stamp_beats_related_lists_and_copyright(tmp_path: Path, project_rules: RuleSet) -> None:
    result = run(tmp_path, project_rules, page("Published March 14, 2023, 9:05 AM"))
    assert (result["published"], result["precision"]) == ("2023-03-14", "day")
    assert result["evidence"] == {"line": 7, "text": "March 14, 2023, 9:05 AM", "start": 10}


def test_updated_stamp_is_not_the_publication_date(tmp_path: Path, project_rules: RuleSet) -> None:
    text = page("Updated April 2, 2023\nPublished March 14, 2023")
    assert run(tmp_path, project_rules, text)["published"] == "2023-03-14"


def test_event_dates_in_the_body_do_not_win(tmp_path: Path, project_rules: RuleSet) -> None:
    text = page("14.03.2023").replace("in the spring", "on 1 June 2024 at the earliest")
    assert run(tmp_path, project_rules, text)["published"] == "2023-03-14"


def test_minute_precision_needs_the_source_timezone(tmp_path: Path, project_rules: RuleSet) -> None:
    text = "UrduPoint.com\n\nHeadline about talks here\n\nAli Khan 5 minutes ago Mon 24th May 2021 | 11:06 PM\n\n"
    text += f"ISLAMABAD (UrduPoint News - 24th May, 2021) {BODY}\n"
    result = run(tmp_path, project_rules, text, source="urdupoint")
    assert (result["published"], result["precision"]) == ("2021-05-24T23:06:00+05:00", "minute")


def test_a_stamp_after_fetched_at_is_an_error(tmp_path: Path, project_rules: RuleSet) -> None:
    result = run(tmp_path, project_rules, page("March 14, 2023"), fetched_at="2023-03-01T00:00:00Z")
    assert result["severities"]["dates.after_fetch"] == "error"
    assert result["published"] != "2023-03-14"


def test_year_less_dateline_with_weekday_and_fetch(tmp_path: Path, project_rules: RuleSet) -> None:
    text = f"Talks to resume\n\nMOSCOW, July 9. /TASS/. The Kremlin said on Friday that {BODY}\n"
    assert run(tmp_path, project_rules, text, fetched_at="2021-07-20T10:00:00Z")["published"] == "2021-07-09"


def test_year_less_dateline_without_a_window(tmp_path: Path, project_rules: RuleSet) -> None:
    text = f"Talks to resume\n\nKYIV, November 25 (Reuters) - Officials said {BODY}\n"
    result = run(tmp_path, project_rules, text)
    assert result["published"] is None and "dates.year_unknown" in result["rules"]
    assert not result["candidates"]  # no weekday: every year fits, none is listed


def test_without_a_window_the_weekday_still_lists_the_years_that_fit(tmp_path: Path, project_rules: RuleSet) -> None:
    """ "November 25" said "on Sunday" used to give no candidates at all when no window was declared."""
    text = f"Talks to resume\n\nKYIV, Sunday, November 25 (Reuters) - Officials said {BODY}\n"
    result = run(tmp_path, project_rules, text)
    assert result["published"] is None and "dates.year_unknown" in result["rules"]
    assert result["candidates"] and "2018-11-25" in result["candidates"]  # type: ignore[operator]
    assert all(dt.date.fromisoformat(day).weekday() == 6 for day in result["candidates"])  # type: ignore[union-attr]


def test_several_years_are_listed_as_candidates(tmp_path: Path, project_rules: RuleSet) -> None:
    text = f"Talks to resume\n\nMOSCOW, July 9. /TASS/. Officials said {BODY}\n"
    result = run(tmp_path, project_rules, text, source="tass")  # window 2015-2026, no weekday
    assert result["published"] is None
    assert result["candidates"] == [f"{year}-07-09" for year in range(2015, 2027)]
    assert result["severities"]["dates.year_ambiguous"] == "warning"


def test_weekday_that_contradicts_the_date_is_a_warning(tmp_path: Path, project_rules: RuleSet) -> None:
    result = run(tmp_path, project_rules, page("Tuesday, March 14, 2023"))  # it was a Tuesday
    assert result["published"] == "2023-03-14"
    assert "dates.weekday_mismatch" not in result["rules"]
    result = run(tmp_path, project_rules, page("Friday, March 14, 2023"))
    assert result["severities"]["dates.weekday_mismatch"] == "warning"


def test_byline_and_dateline_that_disagree_are_an_error(tmp_path: Path, project_rules: RuleSet) -> None:
    text = "UrduPoint.com\n\nHeadline about talks here\n\nAli Khan Mon 24th May 2021 | 11:06 PM\n\n"
    text += f"ISLAMABAD (UrduPoint News - 2nd June, 2021) {BODY}\n"
    result = run(tmp_path, project_rules, text, source="urdupoint")
    assert result["severities"]["dates.byline_dateline_conflict"] == "error"


def test_relative_dates_need_fetched_at(tmp_path: Path, project_rules: RuleSet) -> None:
    text = f"Council approves harbour plan\n\nBy Jane Doe\n3 hours ago\n\n{BODY}\n\n{BODY}\n"
    assert run(tmp_path, project_rules, text)["published"] is None
    result = run(tmp_path, project_rules, text, fetched_at="2023-03-14T12:00:00+00:00")
    assert (result["published"], result["precision"]) == ("2023-03-14T09:00:00+00:00", "minute")


def test_arabic_today_with_weekday(tmp_path: Path, project_rules: RuleSet) -> None:
    body = "وقال الوزير في تصريحات صحفية، اليوم الخميس، إن المحادثات ستستأنف الشهر المقبل بعد توقف طويل بين الطرفين."
    text = f"{body}\n{body.replace('الشهر', 'العام')}\n"
    assert run(tmp_path, project_rules, text, fetched_at="2021-07-29T10:00:00+03:00")["published"] == "2021-07-29"
    assert run(tmp_path, project_rules, text, fetched_at="2021-07-30T10:00:00+03:00")["published"] is None


def test_profile_date_order(tmp_path: Path, project_rules: RuleSet) -> None:
    (tmp_path / "rules" / "sources").mkdir(parents=True)
    (tmp_path / "rules" / "sources" / "us.yaml").write_text("id: us-paper\ndate_order: MDY\n")
    (tmp_path / "rules" / "sources" / "eu.yaml").write_text("id: eu-paper\ndate_order: DMY\n")
    from copydesk.rules.ruleset import load_rules

    rules = load_rules(tmp_path / "rules")
    text = page("03/04/2021").replace("Home | World", "Accueil | Monde")
    assert run(tmp_path, rules, text, source="us-paper")["published"] == "2021-03-04"
    assert run(tmp_path, rules, text, source="eu-paper")["published"] == "2021-04-03"


def test_a_day_first_host_reads_english_numeric_dates_day_first(tmp_path: Path, project_rules: RuleSet) -> None:
    """rules/dates/en.yaml: day_first_hosts. The host changes English's default order only:
    a page that proves its own order keeps it."""
    text = page("08/11/2023")
    assert run(tmp_path, project_rules, text)["published"] == "2023-08-11"
    assert run(tmp_path, project_rules, text, url="https://www.example.com/a")["published"] == "2023-08-11"
    assert run(tmp_path, project_rules, text, url="https://www.example.ie/news/a")["published"] == "2023-11-08"
    assert run(tmp_path, project_rules, text, url="https://news.example.co.uk/a")["published"] == "2023-11-08"
    proved = text.replace("Ferry fares to rise", "Ferry fares to rise 12/25/2022")
    assert run(tmp_path, project_rules, proved, url="https://www.example.ie/a")["published"] == "2023-08-11"


def test_embedded_post_signatures_are_not_the_article_date(tmp_path: Path, project_rules: RuleSet) -> None:
    embed = "A post shared by Anna (@anna.b) am Mär 12, 2018 um 12:30 PDT"
    text = page("14.03.2023").replace(f"{BODY}\n", f"{BODY}\n\n{embed}\n", 1)
    assert run(tmp_path, project_rules, text)["published"] == "2023-03-14"
    text = page("").replace(f"{BODY}\n", f"{BODY}\n\n— Anna B (@annab) March 12, 2018\n", 1)
    assert run(tmp_path, project_rules, text)["published"] != "2018-03-12"


def test_the_ledes_own_stamp_beats_the_mastheads_day(tmp_path: Path, project_rules: RuleSet) -> None:
    """The masthead prints the day of the visit; the column opens with its own date."""
    menu = "\n".join(f"Section {i}" for i in range(40))
    lede = f"31 October 2023. {BODY} {BODY}"
    text = f"Wednesday, 1 November 2023\n{menu}\n\nWhy the anger at drag shows\n\nBy Jane Doe\n\n{lede}\n\n{BODY}\n"
    assert run(tmp_path, project_rules, text)["published"] == "2023-10-31"


def test_a_comment_thread_dates_lose_to_the_posts_own_stamp(tmp_path: Path, project_rules: RuleSet) -> None:
    """A blog prints its stamp under the post, in a sentence ("Posted on …"), and a comment
    thread's stamps below it: several stamps after the article are a list's."""
    comments = "".join(
        f"{name} says:\nMarch {day}, 2021 at {n}:11 am\nThanks for the clear write-up, it helped a lot.\n\n"
        for n, (name, day) in enumerate((("Sam", 3), ("Ana", 5), ("Lee", 5), ("Kim", 6)), start=1)
    )
    text = (
        "Harbour notes\n\nCouncil approves harbour plan\n\n"
        + "".join(f"{BODY.replace('two', str(years))}\n\n" for years in range(3, 10))
        + f"Posted on March 2, 2021 by Jane Doe in Council, Harbour\n\n4 thoughts on this post\n\n{comments}"
    )
    assert run(tmp_path, project_rules, text)["published"] == "2021-03-02"
    single = text.split("Ana says")[0]  # one stamp after the article is no list
    assert run(tmp_path, project_rules, single)["published"] == "2021-03-03"


def test_arabic_dates_with_levantine_and_maghreb_month_names(tmp_path: Path, project_rules: RuleSet) -> None:
    """rules/dates/ar.yaml adds the month names dateparser lacks (نيسان, تشرين الأول, جويلية)."""
    body = "وقال المتحدث باسم البلدية إن الاجتماع سيعقد في العاصمة الأسبوع المقبل لبحث خطة الميناء الجديدة."
    stamps = {
        "نشر الجمعة 24 نيسان / أبريل 2020 09:22 مساءً": "2020-04-24",
        "دمشق، 3 تشرين الأول 2021": "2021-10-03",
        "الجزائر في 5 جويلية 2022": "2022-07-05",
    }
    for stamp, expected in stamps.items():
        text = f"خطة جديدة لتطوير الميناء\n\n{stamp}\n\n{body}\n\n{body}\n"
        assert run(tmp_path, project_rules, text)["published"] == expected, stamp
