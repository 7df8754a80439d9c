import itertools
import json
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from copydesk.run.executor import _chunks, _map, local_workers, summary_json
from tests.conftest import ARTICLES, RULES, SEEDS, run_cli


def test_parallel_reports_equal_serial(tmp_path: Path) -> None:
    for jobs in ("1", "2"):
        result = run_cli("check", SEEDS, ARTICLES, "--rules", RULES, "--out", tmp_path / jobs, "-j", jobs)
        assert result.exit_code == 1  # all_chrome_en.txt fails
    one = sorted((tmp_path / "1" / "files").rglob("*"))
    two = sorted((tmp_path / "2" / "files").rglob("*"))
    assert [p.relative_to(tmp_path / "1") for p in one] == [p.relative_to(tmp_path / "2") for p in two]
    for a, b in zip(one, two, strict=True):
        if a.is_file() and a.name.endswith(".report.json"):
            assert without_times(a) == without_times(b), a.name
        elif a.is_file() and a.name.endswith(".html"):
            assert page_without_times(a) == page_without_times(b), a.name
        elif a.is_file():
            assert a.read_bytes() == b.read_bytes(), a.name


def page_without_times(path: Path) -> str:
    """A file's page with the provenance's start and end times left out."""
    text = re.sub(r"prov:(start|end)Time&#34;: &#34;[^&]*&#34;", "", path.read_text(encoding="utf-8"))
    return re.sub(r"(cd:check/[0-9a-f]+)/\d{8}T\d{12}Z", r"\1", text)


def without_times(path: Path) -> dict[str, object]:
    """The report with the check's own start and end times left out: two runs differ only there."""
    return untimed(json.loads(path.read_text(encoding="utf-8")))


def untimed(report: dict[str, Any]) -> dict[str, Any]:
    """A report without its check's times: the activity's start and end, and the start its id holds."""
    for activity in report["provenance"]["activity"].values():
        activity.pop("prov:startTime")
        activity.pop("prov:endTime")
    text = re.sub(r"(cd:check/[0-9a-f]+)/\d{8}T\d{12}Z", r"\1", json.dumps(report))
    return json.loads(text)  # type: ignore[no-any-return]


def test_the_check_starts_from_the_pages_the_first_pass_decoded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each file is read and decoded once a run, and the reports are those of decoding it again."""
    from copydesk import pipeline
    from copydesk.run import inputs

    read: list[str] = []
    decode_path = pipeline.decode_path

    def counted(path: Path, *args: Any) -> Any:
        read.append(path.name)
        return decode_path(path, *args)

    monkeypatch.setattr(pipeline, "decode_path", counted)
    files = sorted(path.name for path in ARTICLES.iterdir())
    run_cli("check", ARTICLES, "--rules", RULES, "--out", tmp_path / "kept", "-j", "1")
    assert sorted(read) == files  # the survey read them, the check did not
    read.clear()
    monkeypatch.setattr(inputs, "KEEP_DECODED", 0)
    monkeypatch.setattr(inputs, "KEEP_DECODED_IN_MEMORY", 0)
    run_cli("check", ARTICLES, "--rules", RULES, "--out", tmp_path / "again", "-j", "1")
    assert sorted(read) == sorted(files * 2)  # past the budget the check reads each file again
    for name in files:
        kept, again = (tmp_path / out / "files" / f"{name}.report.json" for out in ("kept", "again"))
        assert without_times(kept) == without_times(again), name


def test_the_first_pass_sends_no_page_larger_than_it_keeps(tmp_path: Path) -> None:
    from copydesk.run.executor import RunConfig, survey_one
    from copydesk.run.inputs import KEEP_LARGEST, InputFile

    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text("A short page.\n", encoding="utf-8")
    large.write_text("A line of a long page.\n" * (KEEP_LARGEST // 20), encoding="utf-8")
    config = RunConfig(RULES, (), None)
    assert survey_one(InputFile(small, "small.txt"), config)[3] is not None
    assert survey_one(InputFile(large, "large.txt"), config)[3] is None


def test_reports_are_written_atomically(tmp_path: Path) -> None:
    run_cli("check", SEEDS, "--rules", RULES, "--out", tmp_path)
    leftovers = [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


def _touch(folder: str, name: str) -> str:
    time.sleep(0.01)  # 400 files take two seconds on two workers; the test stops after the first chunk
    Path(folder, name).touch()
    return name


def test_a_consumer_that_stops_early_does_not_wait_for_the_queued_files(tmp_path: Path) -> None:
    names = [f"f{i}" for i in range(400)]
    results = _map(_touch, 2, ((str(tmp_path), name) for name in names), len(names))
    assert next(results) == "f0"
    results.close()  # as when the caller fails on the first result
    assert len(list(tmp_path.iterdir())) < len(names)


def _double(value: int) -> int:
    return 2 * value


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_map_reads_its_calls_as_it_goes(jobs: int) -> None:
    """A crawl's arguments are not all read (and held) before the first result."""
    read = []

    def calls() -> Iterator[tuple[int]]:
        for value in range(5000):
            read.append(value)
            yield (value,)

    results = _map(_double, jobs, calls(), 5000)
    assert next(results) == 0
    assert len(read) <= 2 * 64 * 4 + 64  # the chunks queued for the workers, and the one taken
    assert list(results) == [2 * value for value in range(1, 5000)]
    assert len(read) == 5000


@pytest.mark.parametrize("indent", [2, None])
@pytest.mark.parametrize("count", [0, 1, 3])
def test_summary_json_in_pieces_is_the_whole_summary(indent: int | None, count: int) -> None:
    head = {"counts": {"files": count}, "batch": {"failures": []}, "name": "ü"}
    entries = [{"name": f"f{i}.txt", "findings": i} for i in range(count)]
    text = "".join(summary_json(head, iter(entries), indent=indent))
    assert json.loads(text) == head | {"files": entries}
    assert ("\n" in text) == (indent is not None)


def test_chunks_shrink_towards_the_end_and_keep_every_call_in_order() -> None:
    sizes = [len(chunk) for chunk in _chunks(((n,) for n in range(1000)), 1000, 2)]
    assert sum(sizes) == 1000
    assert sizes[0] == 62 and sizes[-1] == 1  # large while much is left, one file at a time at the end
    assert sizes == sorted(sizes, reverse=True)
    calls = [(n,) for n in range(300)]
    assert [call for chunk in _chunks(iter(calls), len(calls), 2) for call in chunk] == calls


def test_chunks_of_more_calls_than_counted_still_cover_them() -> None:
    assert sum(map(len, _chunks(((n,) for n in range(50)), 10, 2))) == 50


def _pid(_: int) -> int:
    time.sleep(0.005)  # long enough that both workers take chunks
    return os.getpid()


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two workers even on a one-core machine (a run starts no more workers than cores)."""
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


@pytest.mark.usefixtures("two_cores")
def test_one_run_uses_one_pool_for_every_pass() -> None:
    """The survey, the check and the re-check run in the same warm workers."""
    with local_workers(2, 200) as mapped:
        assert mapped is not None
        first = set(mapped(_pid, ((n,) for n in range(200)), 200))
        second = set(mapped(_pid, ((n,) for n in range(200)), 200))
    assert first == second and len(first) == 2 and os.getpid() not in first


def test_a_run_with_one_worker_starts_no_pool() -> None:
    for jobs, count in ((1, 100), (4, 1)):
        with local_workers(jobs, count) as mapped:
            assert mapped is None


@pytest.mark.usefixtures("two_cores")
def test_a_pass_that_stops_early_leaves_the_pool_to_the_next(tmp_path: Path) -> None:
    names = [f"f{i}" for i in range(400)]
    with local_workers(2, len(names)) as mapped:
        assert mapped is not None
        results = mapped(_touch, ((str(tmp_path), name) for name in names), len(names))
        assert next(results) == "f0"
        results.close()  # the queued chunks are cancelled, the running ones finish
        touched = len(list(tmp_path.iterdir()))
        assert touched < len(names)
        assert list(mapped(pow, [(2, n) for n in range(5)], 5)) == [1, 2, 4, 8, 16]
    assert len(list(tmp_path.iterdir())) == touched  # nothing of the stopped pass ran after it


def test_a_pool_runs_each_call_of_a_list_once() -> None:
    """A list of calls (the batch re-check's) is read once, as a generator is."""
    calls = [(2, n) for n in range(10)]
    assert list(itertools.islice(_map(pow, 2, calls, len(calls)), 11)) == [2**n for n in range(10)]
