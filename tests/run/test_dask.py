"""The per-file steps on a real Dask cluster, and inputs and outputs named by fsspec URLs."""

import json
import shutil
from pathlib import Path

import fsspec
import pytest

from copydesk.run.discover import discover_args
from copydesk.run.executor import RunConfig, run
from tests.conftest import ARTICLES, RULES, SEEDS, run_cli
from tests.run.test_executor import untimed, without_times

distributed = pytest.importorskip("distributed")


def reports(out: Path) -> dict[str, object]:
    return {p.name: without_times(p) for p in sorted((out / "files").glob("*.report.json"))}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    for name in ("harbour_gazette_en.txt", "sahil_ar.txt", "courrier_fr.txt", "all_chrome_en.txt"):
        shutil.copy(ARTICLES / name, folder / name)
    return folder


def test_a_local_dask_cluster_gives_the_reports_of_a_local_run(corpus: Path, tmp_path: Path) -> None:
    local = run_cli("check", corpus, "--rules", RULES, "--out", tmp_path / "local")
    on_dask = run_cli("check", corpus, "--rules", RULES, "--out", tmp_path / "dask", "--engine", "dask", "-j", "2")
    assert on_dask.exit_code == local.exit_code == 1  # all_chrome_en.txt fails, on both
    assert reports(tmp_path / "dask") == reports(tmp_path / "local")
    for name in ("summary.json",):
        a = json.loads((tmp_path / "local" / name).read_text(encoding="utf-8"))
        b = json.loads((tmp_path / "dask" / name).read_text(encoding="utf-8"))
        assert a["counts"] == b["counts"] and a["files"] == b["files"]
    assert (tmp_path / "dask" / "index.html").is_file() and (tmp_path / "dask" / "records.parquet").is_file()


def _to_memory(folder: Path, url: str) -> None:
    fs = fsspec.filesystem("memory")
    for path in folder.rglob("*"):
        if path.is_file():
            fs.pipe(f"{url}/{path.relative_to(folder).as_posix()}", path.read_bytes())


def test_memory_urls_in_and_out_match_a_local_run(corpus: Path, tmp_path: Path) -> None:
    (corpus / "manifest.csv").unlink()  # manifests declare local files; compare like with like
    _to_memory(corpus, "memory://crawl-a")
    run_cli("check", corpus, "--rules", RULES, "--out", tmp_path / "local", "--no-corpus")
    result = run_cli("check", "memory://crawl-a", "--rules", RULES, "--out", "memory://out-a", "--no-corpus")
    assert result.exit_code == 1, result.output
    fs = fsspec.filesystem("memory")
    summary = json.loads(fs.cat("memory://out-a/summary.json"))
    assert summary["counts"]["files"] == 8
    for name, report in reports(tmp_path / "local").items():
        remote = untimed(json.loads(fs.cat(f"memory://out-a/files/{name}")))
        remote["provenance"]["entity"] = report["provenance"]["entity"]  # type: ignore[index]  # paths differ
        assert remote == report, name
    assert fs.exists("memory://out-a/index.html") and fs.exists("memory://out-a/records.parquet")


def test_a_threaded_cluster_reads_and_writes_memory_urls(corpus: Path) -> None:
    """Workers in this process share the memory filesystem: the URL path end to end on Dask."""
    from copydesk.run.dask import mapper

    _to_memory(corpus, "memory://crawl-b")
    items = discover_args(["memory://crawl-b"])
    config = RunConfig(RULES, (), None, corpus=False, out_url="memory://out-b")
    cluster = distributed.LocalCluster(n_workers=2, processes=False, dashboard_address=None)
    with distributed.Client(cluster) as client:
        result = run(items, config, mapper=mapper(client))
    cluster.close()
    assert len(result.files) == len(items) == 9
    fs = fsspec.filesystem("memory")
    assert fs.exists("memory://out-b/files/harbour_gazette_en.txt.report.json")
    assert {row["verdict"] for row in result.files} <= {"pass", "warn", "fail"}


def test_a_missing_url_is_a_clear_error() -> None:
    result = run_cli("check", "memory://no-such-crawl", "--rules", RULES)
    assert result.exit_code == 1
    assert "input.not_found" in result.output or "no such file" in result.output


def test_a_scheduler_without_the_dask_engine_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("check", SEEDS, "--rules", RULES, "--scheduler", "tcp://127.0.0.1:1", "--out", tmp_path / "o")
    assert result.exit_code == 2 and "--scheduler needs --engine dask" in result.output
    assert not (tmp_path / "o").exists()
