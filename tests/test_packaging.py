"""The package as a user gets it: built, installed into a fresh environment, run from an empty folder.

Everything copydesk knows about news in general ships inside the package; this test is
what keeps it so. The wheel is built from the sdist (so the sdist is complete), installed
into a new virtual environment (its dependencies are borrowed from the running one through
a .pth file, so nothing is downloaded), and the gate is run on copies of the seeds in an
empty temporary folder: no rules folder, no manifest, no configuration.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import tarfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, RULES, SEEDS, reports_in, run_cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None and not (ROOT / "README.md").is_file():
        pytest.skip("not a source tree")
    out = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return out


@pytest.fixture(scope="module")
def venv(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new environment holding the built wheel; the running environment's packages are its dependencies."""
    folder = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    python = folder / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(purelib) / "_borrowed_dependencies.pth").write_text("\n".join(sorted(ours)) + "\n")
    wheel = next(dist.glob("copydesk-*.whl"))
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)]
    done = subprocess.run(install, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return folder


def test_the_installed_package_is_the_wheel_not_the_source_tree(venv: Path) -> None:
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import copydesk; print(copydesk.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=venv,
    ).stdout.strip()
    assert Path(where).is_relative_to(venv)


def test_the_gate_from_an_empty_folder_finds_what_the_repository_finds(venv: Path, tmp_path: Path) -> None:
    work = tmp_path / "empty"
    (work / "corpus").mkdir(parents=True)
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, work / "corpus" / seed.name)
    done = subprocess.run(
        [str(venv / "bin" / "copydesk"), "check", "corpus", "--out", "out"],
        capture_output=True,
        text=True,
        check=False,
        cwd=work,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "rules: built-in only" in done.stdout.splitlines() and "Traceback" not in done.stderr
    summary = json.loads((work / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["rules"]["directory"] is None and summary["rules"]["builtin"] is True
    installed = reports_in(work / "out")
    run_cli("check", SEEDS, "--out", tmp_path / "repo", "--rules", RULES)
    repository = reports_in(tmp_path / "repo")
    assert sorted(installed) == sorted(repository)
    for name, report in installed.items():
        expected = repository[name]
        # What the built-in rules give, the same with or without the project's declarations:
        for key in ("language", "encoding"):
            assert report[key] == expected[key], (name, key)
        for key in ("quotes", "dateline", "agencies"):
            assert report["article"][key] == expected["article"][key], (name, key)
        assert all(quote["speaker"] for quote in report["article"]["quotes"] if len(quote["text"]) > 40)
        assert _removed(report) == _removed(expected), name  # the chrome is stripped, line for line
        assert report["boilerplate"]["ratio"] == expected["boilerplate"]["ratio"], name
        clean = (work / "out" / "files" / f"{name}.clean.txt").read_text(encoding="utf-8")
        assert clean == (tmp_path / "repo" / "files" / f"{name}.clean.txt").read_text(encoding="utf-8"), name
        # What only the seeds' declared profiles give: the source, its window and time zone
        # (a year-less date's year, a time's offset), the title's trailing link text, and
        # the findings a profile's `require` and publisher lead to.
        assert report["source"]["id"] is None and expected["source"]["id"] is not None
    datelines = {name: report["article"]["dateline"] for name, report in installed.items()}
    assert datelines["002_3ef813dd28bc3362.txt"]["agency"] == "TASS"
    assert datelines["000_47e23669010a2640.txt"]["agency"] == "Sputnik"


def _removed(report: dict[str, object]) -> set[int]:
    runs = report["boilerplate"]["removed"]  # type: ignore[index]
    return {line for run in runs for line in range(run["start_line"], run["end_line"] + 1)}  # type: ignore[index]


def test_the_sdist_carries_its_tests_and_they_run_against_the_wheel(dist: Path, venv: Path, tmp_path: Path) -> None:
    sdist = next(dist.glob("copydesk-*.tar.gz"))
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path, filter="data")
    tree = next(tmp_path.glob("copydesk-*"))
    for needed in ("LICENSE", "README.md", "tests/conftest.py", "rules/sources/tass.yaml", "seeds/manifest.csv"):
        assert (tree / needed).is_file(), needed
    assert not (tree / "rules" / "boilerplate").exists()  # built-in rules live in the package only
    command = [
        str(venv / "bin" / "python"),
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "tests/rules/test_layers.py",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=tree)
    assert done.returncode == 0, done.stdout[-3000:]


def test_the_wheel_carries_its_licences_and_no_jusText_dependency(dist: Path) -> None:
    import zipfile

    wheel = next(dist.glob("copydesk-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert any(n.endswith("licenses/LICENSE") for n in names)
    assert "copydesk/data/stoplists/LICENSE.jusText.rst" in names
    assert "copydesk/rules/builtin/boilerplate/en.yaml" in names
    requires = [line.lower() for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    assert requires and not any("justext" in line or "polars" in line for line in requires)
    assert "../shared" not in metadata  # the description reads right on a package index
    assert "Classifier: Programming Language :: Python :: 3.11" in metadata
