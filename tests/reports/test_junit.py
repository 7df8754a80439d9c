import xml.etree.ElementTree as ET

from copydesk.reports.junit import junit_xml

FINDING = {"rule": "input.empty", "severity": "error", "message": "file is empty", "line": None}


def test_one_testcase_per_file_and_failures_carry_findings() -> None:
    rows = [
        {"name": "a.txt", "verdict": "pass", "failed": False, "source": "tass", "findings": []},
        {"name": "b.txt", "verdict": "fail", "failed": True, "source": None, "findings": [FINDING]},
    ]
    suite = ET.fromstring("".join(junit_xml(rows, 1.5, 2, 1)).split("\n", 1)[1])
    assert suite.get("tests") == "2" and suite.get("failures") == "1"
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["a.txt", "b.txt"]
    failure = cases[1].find("failure")
    assert failure is not None and failure.get("message") == "input.empty: file is empty"
    assert "error input.empty (line -): file is empty" in (failure.text or "")


def test_no_files_is_an_empty_suite() -> None:
    suite = ET.fromstring("".join(junit_xml([], 0.0, 0, 0)).split("\n", 1)[1])
    assert suite.tag == "testsuite" and suite.get("tests") == "0" and not list(suite)


def test_names_with_markup_are_escaped() -> None:
    row = {"name": 'a<b>&"c".txt', "verdict": "warn", "failed": False, "source": None, "findings": [FINDING]}
    suite = ET.fromstring("".join(junit_xml([row], 0.1, 1, 0)).split("\n", 1)[1])
    case = suite.find("testcase")
    assert case is not None and case.get("name") == 'a<b>&"c".txt'
    out = case.find("system-out")
    assert out is not None and out.text == "error input.empty: file is empty"


def test_a_failed_batch_check_is_a_failed_case_so_the_totals_agree_with_the_exit_status() -> None:
    rows = [{"name": "a.txt", "verdict": "pass", "failed": False, "source": None, "findings": []}]
    failures = [{"rule": "schema", "message": "column language: 'xx' not in {'en'}"}]
    suite = ET.fromstring("".join(junit_xml(rows, 0.1, 1, 0, failures)).split("\n", 1)[1])
    assert suite.get("tests") == "2" and suite.get("failures") == "1"
    batch = suite.findall("testcase")[-1]
    assert batch.get("name") == "batch" and batch.find("failure") is not None


def test_a_control_character_in_a_name_leaves_the_document_well_formed() -> None:
    row = {"name": "a\x01b.txt", "verdict": "fail", "failed": True, "source": None, "findings": [FINDING]}
    suite = ET.fromstring("".join(junit_xml([row], 0.1, 1, 1)).split("\n", 1)[1])
    assert suite.find("testcase").get("name") == "a\\x01b.txt"  # type: ignore[union-attr]
