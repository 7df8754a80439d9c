import base64
import json

from click.testing import CliRunner

from copydesk.cli import main
from copydesk.reports.json_report import validate_report
from tests.conftest import ARTICLES, RULES


def stream(*records: object, args: tuple[str, ...] = ()) -> tuple[int, list[dict[str, object]], str]:
    lines = "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n"
    result = CliRunner().invoke(main, ["check", "-", "--rules", str(RULES), *args], input=lines.encode("utf-8"))
    reports = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result.exit_code, reports, result.stderr


def test_each_record_gets_its_report_on_one_line() -> None:
    page = (ARTICLES / "harbour_gazette_en.txt").read_text(encoding="utf-8")
    arabic = (ARTICLES / "sahil_ar.txt").read_bytes()
    status, reports, _ = stream(
        {"path": "en/harbour.txt", "text": page, "fetched_at": "2024-05-01T12:00:00Z", "language": "en"},
        {"path": "ar/sahil.txt", "bytes_b64": base64.b64encode(arabic).decode()},
    )
    assert [r["file"] for r in reports] == ["en/harbour.txt", "ar/sahil.txt"]
    for report in reports:
        validate_report(report)
    assert reports[0]["source"]["declared"]["fetched_at"] == "2024-05-01T12:00:00Z"
    assert reports[1]["language"] == "ar"
    assert status == (1 if any(r["verdict"] == "fail" for r in reports) else 0)


def test_a_bad_line_is_a_failed_report_and_the_stream_goes_on() -> None:
    status, reports, err = stream(
        "not json",
        {"path": "x.txt"},
        {"path": "y.txt", "bytes_b64": "%%%"},
        {"path": "z.txt", "text": "t", "fetched_at": "yesterday"},
        {"path": "ok.txt", "text": (ARTICLES / "no_chrome_en.txt").read_text(encoding="utf-8")},
    )
    assert status == 1
    assert [r["file"] for r in reports] == ["<stdin>:1", "<stdin>:2", "<stdin>:3", "<stdin>:4", "ok.txt"]
    assert [r["findings"][0]["rule"] for r in reports[:4]] == ["stream.bad_record"] * 4
    assert reports[4]["verdict"] in ("pass", "warn")
    assert err.splitlines() == [
        "copydesk: <stdin>:1: invalid JSON: Expecting value",
        "copydesk: <stdin>:2: give exactly one of text and bytes_b64",
        "copydesk: <stdin>:3: bytes_b64 is not valid base64",
        "copydesk: <stdin>:4: fetched_at 'yesterday' is not an ISO 8601 date-time",
    ]


def test_oversized_records_are_refused_unchecked() -> None:
    status, reports, _ = stream({"path": "big.txt", "text": "x" * 5000}, args=("--max-bytes", "100"))
    assert status == 1 and reports[0]["findings"][0]["rule"] == "input.too_large"
    assert reports[0]["bytes"] == 5000


def test_dash_stands_alone() -> None:
    result = CliRunner().invoke(main, ["check", "-", "--out", "x"], input=b"")
    assert result.exit_code == 2 and "JSONL stream" in result.stderr


def test_a_lone_surrogate_is_a_bad_record_and_the_stream_goes_on() -> None:
    """JSON may spell a lone surrogate; it used to end the run with a traceback."""
    import subprocess
    import sys

    records = [
        '{"path": "a.txt", "text": "x \\ud800"}',
        '{"path": "b\\udc00.txt", "text": "x"}',
        '{"\\ud800": 1, "path": "c.txt", "text": "x"}',
        json.dumps({"path": "ok.txt", "text": (ARTICLES / "no_chrome_en.txt").read_text(encoding="utf-8")}),
    ]
    done = subprocess.run(
        [sys.executable, "-m", "copydesk", "check", "-", "--rules", str(RULES)],
        input="\n".join(records) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert "Traceback" not in done.stderr
    assert done.returncode == 1
    reports = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["file"] for r in reports] == ["<stdin>:1", "<stdin>:2", "<stdin>:3", "ok.txt"]
    assert all("lone surrogate" in line for line in done.stderr.splitlines())


def test_a_line_longer_than_any_record_is_read_past_not_held() -> None:
    """A 100 MB line used to be read whole (424 MB) before its size was checked."""
    import io

    from copydesk.run.stream import Oversized, read_records

    page = json.dumps({"path": "ok.txt", "text": "short text"})
    stream = io.BytesIO(b'{"path": "big.txt", "text": "' + b"x" * 200_000 + b'"}\n' + page.encode() + b"\n")
    read = list(read_records(stream, max_bytes=1_000))
    assert isinstance(read[0], Oversized) and read[0].size > 200_000
    assert read[1] == page + "\n"
    status, reports, err = stream_records_over_limit()
    assert status == 1 and "longer than any record under the size limit" in err
    assert [r["file"] for r in reports] == ["<stdin>:1", "ok.txt"]


def stream_records_over_limit() -> tuple[int, list[dict[str, object]], str]:
    big = json.dumps({"path": "big.txt", "text": "x" * 200_000})
    ok = {"path": "ok.txt", "text": (ARTICLES / "no_chrome_en.txt").read_text(encoding="utf-8")}
    return stream(big, ok, args=("--max-bytes", "1000"))
