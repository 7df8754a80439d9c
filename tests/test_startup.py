"""A gate run on a few files must start fast: nothing heavy is imported before it is needed."""

import json
import subprocess
import sys

from tests.conftest import RULES, SEEDS

HEAVY = ["pandas", "polars", "great_expectations", "dask", "pyarrow", "numpy"]
LAZY = ["chardet", "charset_normalizer", "ftfy", "jsonschema", "rich"]


def imported_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return {name.split(".")[0] for name in json.loads(out.strip().splitlines()[-1])}


def test_cli_import_loads_nothing_heavy_or_lazy() -> None:
    loaded = imported_after("import copydesk.cli")
    assert not loaded & set(HEAVY + LAZY)
    assert not loaded & {"concurrent", "multiprocessing"}  # a pool is started only for -j 2 or more


def test_checking_a_utf8_file_never_loads_heavy_engines() -> None:
    seed = SEEDS / "002_3ef813dd28bc3362.txt"
    code = (
        "from pathlib import Path\n"
        "from copydesk.pipeline import analyse\n"
        "from copydesk.rules.ruleset import load_rules\n"
        f"analyse(Path({str(seed)!r}), 'x', load_rules(Path({str(RULES)!r})))"
    )
    loaded = imported_after(code)
    assert not loaded & (set(HEAVY) - {"numpy"})  # numpy walks the line model's trees
    assert "charset_normalizer" not in loaded  # the second opinion is only asked for legacy bytes
