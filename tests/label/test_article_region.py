from copydesk.label.article_region import Region, choose, find_region, mark_listed, runs
from copydesk.label.labelling import Labelling
from copydesk.model import Kind, Label
from copydesk.text.lines import split_lines

PARA = "The regional council approved the new harbour plan on Tuesday after two years of public debate."


def test_runs_are_split_where_the_sum_falls_to_zero() -> None:
    values = [-30, 100, -20, 80, -500, 60, 0, 10]
    assert runs(values, 0, len(values)) == [Region(1, 3, 160.0), Region(5, 7, 70.0)]


def test_the_earliest_substantial_run_wins() -> None:
    article, comments = Region(10, 20, 900.0), Region(30, 80, 2500.0)
    assert choose([Region(0, 1, 100.0), article, comments]) == article  # 100 is below the minimum
    assert choose([Region(0, 1, 200.0), article, comments]) == article  # 200 is under 30% of 2500
    dominant = Region(30, 80, 9000.0)
    assert choose([article, dominant]) == dominant  # a tenth of the best is no article
    assert choose([]) is None


def test_region_in_a_page() -> None:
    menu = "\n".join(["* Home", "* World", "* Sport", "* Weather"] * 3)
    text = f"{menu}\n{PARA}\n{PARA}\nAdvertisement\n{PARA}\n{menu}\n"
    labelling = Labelling.start(split_lines(text))
    from copydesk.label.line_features import features, score
    from copydesk.text.stopwords import stopwords

    scores = [score(features(line.text, stopwords("en"))) for line in labelling.lines]
    region = find_region(labelling, scores)
    assert region is not None and (region.start, region.end) == (12, 15)


def test_tail_marker_after_the_start_ends_the_article() -> None:
    text = f"Share this:\n{PARA}\n{PARA}\nShare this:\n{PARA} {PARA}\n"
    labelling = Labelling.start(split_lines(text))
    for index in (0, 3):
        labelling.decide(index, Label(Kind.BOILERPLATE, "generic.en.tail_markers[0]"))
        labelling.ends.add(index)
    region = find_region(labelling, [-300.0, 95.0, 95.0, -300.0, 190.0])
    assert region is not None and (region.start, region.end) == (1, 2)
    assert region.runs == ((1, 2, 190.0), (4, 4, 190.0))  # the region weighed both; the marker cut the first


def test_block_introduced_by_a_colon_joins_the_article() -> None:
    text = f"{PARA}\n{PARA}\nTour dates:\nJune 9 -- Tampa\nJune 10 -- Miami\n\n* Home\n"
    labelling = Labelling.start(split_lines(text))
    region = find_region(labelling, [95.0, 95.0, -40.0, -40.0, -40.0, 0.0, -30.0])
    assert region is not None and (region.start, region.end) == (0, 4)


def listed(text: str, marker: int, region: Region) -> list[str]:
    """Labels after ``mark_listed``: the marker line is a section heading the rules found."""
    labelling = Labelling.start(split_lines(text))
    labelling.decide(marker, Label(Kind.BOILERPLATE, "generic.en.section_markers[2]"))
    labelling.markers.add(marker)
    mark_listed(labelling, region)
    return [str(label) for label in labelling.finish()]


def test_headlines_listed_under_a_heading_inside_the_article_go() -> None:
    text = f"{PARA}\nMore from UK\nFerry fares to rise in spring\nNew bridge opens to traffic\n{PARA}\n"
    assert listed(text, 1, Region(0, 4, 500.0))[2:4] == ["boilerplate:article.listed_under_heading"] * 2
    assert listed(text, 1, Region(0, 4, 500.0))[4] == "body"  # the list ends at the first paragraph


def test_one_subheading_after_a_heading_stays() -> None:
    text = f"{PARA}\nShare this article\nA plan decades in the making\n{PARA}\n"
    assert listed(text, 1, Region(0, 3, 500.0))[2:] == ["body", "body"]


def test_a_heading_above_the_article_lists_nothing_in_it() -> None:
    text = f"Top stories\nSport\n\nFerry fares to rise in spring\nNew bridge opens to traffic\n{PARA}\n"
    assert listed(text, 0, Region(3, 5, 500.0))[3:] == ["body", "body", "body"]
