"""The trained line model as the package ships it: plain JSON, read without any learning library.

What the numbers mean is :mod:`copydesk.label.line_model`'s business (the features); here
is only the file: feature names, gradient-boosted trees as flat node arrays (feature,
threshold, left, right, value), the smoothing over neighbouring lines and the threshold
chosen by cross-validation, and a digest, so a report can say which model decided and the
ledger re-checks files when it changes. Every tree of the model is walked at once for all
the lines of a page (numpy), a level at a time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copydesk.rules.errors import RuleFileError

if TYPE_CHECKING:  # numpy is imported when a page is scored, not when the CLI starts
    import numpy as np

FILE_NAME = "line_model.json"


@dataclass(frozen=True, slots=True)
class Cutoffs:
    """The probabilities a line must reach to be kept, all chosen by cross-validation."""

    inside: float  # a line inside the prose region (smoothed probability)
    outside: float  # a line outside it: the region is the rules' evidence, so more is needed
    hinted: float = 0.0  # the line's own probability, when a hint rule names it: smoothing alone never keeps it
    ended: float = 0.0  # a line outside the region after the article's end marker ("Leave a comment")

    def __str__(self) -> str:
        return (
            f"thresholds {self.inside} in the prose region, {self.outside} outside, "
            f"{self.ended} after its end marker, {self.hinted} for hinted lines"
        )


@dataclass(frozen=True)
class LineModel:
    """Boosted trees over the features; ``probabilities`` answers for every line of a page at once."""

    names: tuple[str, ...]
    baseline: float
    feature: np.ndarray[Any, Any]  # per node, over every tree; leaves point at themselves
    threshold: np.ndarray[Any, Any]
    left: np.ndarray[Any, Any]
    right: np.ndarray[Any, Any]
    value: np.ndarray[Any, Any]  # a leaf's value; an inner node's is its leaves' mean (for explain)
    roots: np.ndarray[Any, Any]
    depth: int
    cutoff: float  # a line inside the prose region whose smoothed probability is below it is chrome
    smoothing: tuple[float, ...]  # weights of the line and its neighbours, centred
    version: str
    digest: str
    cv: dict[str, float] = field(default_factory=dict)
    cutoff_outside: float | None = None  # the same for a line outside the region (None: ``cutoff``)
    cutoff_hinted: float = 0.0  # the own probability a line a hint rule names needs
    cutoff_ended: float = 0.0  # what a line after the article's end marker needs

    @property
    def cutoffs(self) -> Cutoffs:
        outside = self.cutoff if self.cutoff_outside is None else self.cutoff_outside
        return Cutoffs(self.cutoff, outside, self.cutoff_hinted, self.cutoff_ended)

    def identity(self) -> dict[str, str]:
        """What a report and the summary record of the model that decided."""
        return {"version": self.version, "digest": self.digest}

    def raw(self, rows: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """Each line's summed leaf values (log-odds before the baseline): every tree walked at
        once, a level at a time, through one table of children (``2 * node + went_right``)."""
        import numpy as np

        n, width = rows.shape
        flat = np.ascontiguousarray(rows, dtype=np.float64).ravel()
        offsets = (np.arange(n, dtype=np.intp) * width)[:, None]
        nodes = np.broadcast_to(self.roots, (n, self.roots.size)).copy()
        for _ in range(self.depth):
            went_right = flat[offsets + self.feature[nodes]] > self.threshold[nodes]
            nodes = self.children[2 * nodes + went_right]
        summed: np.ndarray[Any, Any] = self.value[nodes].sum(axis=1)
        return summed

    @property
    def children(self) -> np.ndarray[Any, Any]:
        found = self.__dict__.get("_children")
        if found is None:
            import numpy as np

            found = np.column_stack([self.left, self.right]).ravel()
            object.__setattr__(self, "_children", found)
        return found

    def own(self, rows: Sequence[Sequence[float]] | np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """Each line's probability of being article text, before smoothing."""
        import numpy as np

        if len(rows) == 0:
            return np.zeros(0)
        z = self.baseline + self.raw(np.asarray(rows, dtype=np.float64))
        chances: np.ndarray[Any, Any] = 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))
        return chances

    def probabilities(self, rows: Sequence[Sequence[float]] | np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """The same, smoothed over neighbouring lines."""
        return smoothed(self.own(rows), self.smoothing)

    def contributions(self, row: Sequence[float]) -> dict[str, float]:
        """How much each feature moved one line's log-odds, summed over the trees' paths
        (each split's change of value goes to the feature it splits on)."""
        import numpy as np

        found: dict[str, float] = {}
        x = np.asarray(row, dtype=np.float64)
        for root in self.roots:
            node = int(root)
            while self.left[node] != node:
                feature = int(self.feature[node])
                child = int(self.left[node] if x[feature] <= self.threshold[node] else self.right[node])
                name = self.names[feature]
                found[name] = found.get(name, 0.0) + float(self.value[child] - self.value[node])
                node = child
        return found


def smoothed(values: Sequence[float] | np.ndarray[Any, Any], kernel: Sequence[float]) -> np.ndarray[Any, Any]:
    """A weighted mean over each value's neighbours (chrome comes in runs); the kernel is
    centred, and at the page's ends the weights that fall off it are left out."""
    import numpy as np

    values = np.asarray(values, dtype=np.float64)
    if len(kernel) <= 1 or values.size == 0:
        return values
    weights = np.asarray(kernel, dtype=np.float64)[::-1]  # convolving flips it back
    half, n = len(kernel) // 2, values.size
    totals = np.convolve(values, weights)[half : half + n]
    norms = np.convolve(np.ones(n), weights)[half : half + n]
    result: np.ndarray[Any, Any] = totals / norms
    return result


def load(path: Path) -> LineModel:
    """The model file; a broken one is a rules error naming it."""
    import numpy as np

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        names = tuple(str(name) for name in data["names"])
        trees = data["trees"]
        arrays = {key: np.asarray(trees[key]) for key in ("feature", "threshold", "left", "right", "value")}
        roots = np.asarray(trees["roots"], dtype=np.intp)
        model = LineModel(
            names=names,
            baseline=float(data["baseline"]),
            feature=arrays["feature"].astype(np.intp),
            threshold=arrays["threshold"].astype(np.float64),
            left=arrays["left"].astype(np.intp),
            right=arrays["right"].astype(np.intp),
            value=arrays["value"].astype(np.float64),
            roots=roots,
            depth=int(trees["depth"]),
            cutoff=float(data["threshold"]),
            smoothing=tuple(float(w) for w in data.get("smoothing", (1.0,))),
            version=str(data.get("version", "")),
            digest=hashlib.sha256(path.read_bytes()).hexdigest()[:16],
            cv={str(k): float(v) for k, v in data.get("cv_f1", {}).items()},
            cutoff_outside=float(data["threshold_outside"]) if "threshold_outside" in data else None,
            cutoff_hinted=float(data.get("threshold_hinted", 0.0)),
            cutoff_ended=float(data.get("threshold_ended", 0.0)),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise RuleFileError(path, None, f"not a line model: {exc}") from exc
    sizes = {model.feature.size, model.threshold.size, model.left.size, model.right.size, model.value.size}
    if len(sizes) != 1 or (model.feature.size and int(model.feature.max()) >= len(names)):
        raise RuleFileError(path, None, "not a line model: its node arrays do not agree")
    return model
