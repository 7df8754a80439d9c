"""The trained line model as the package ships it: plain JSON, read without any learning library.

What the numbers mean is :mod:`copydesk.label.line_model`'s business (the features); here
is only the file: feature names, gradient-boosted trees as flat node arrays (feature,
threshold, left, right, value), the smoothing over neighbouring lines and the cutoffs
chosen by cross-validation, the headline scorer's weights (:mod:`copydesk.label.headline`),
and a digest, so a report can say which model decided and the
ledger re-checks files when it changes. Every tree of the model is walked at once for all
the lines of a page (numpy), a level at a time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

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


@dataclass(frozen=True, slots=True)
class HeadlineWeights:
    """The headline scorer trained beside the trees: a weight per feature of
    :data:`copydesk.label.headline.FEATURES`, in that order, and a bias."""

    names: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float


class Nodes(NamedTuple):
    """Every tree's nodes laid end to end, as the file holds them (plain lists: the arrays
    the trees are walked with are made when the first page is scored)."""

    feature: list[int]  # per node; a leaf points at itself
    threshold: list[float]
    left: list[int]
    right: list[int]
    value: list[float]  # a leaf's value; an inner node's is its leaves' mean (for explain)
    roots: list[int]


@dataclass(frozen=True)
class LineModel:
    """Boosted trees over the features; ``probabilities`` answers for every line of a page at once."""

    names: tuple[str, ...]
    baseline: float
    nodes: Nodes
    depth: int
    cutoffs: Cutoffs
    smoothing: tuple[float, ...]  # weights of the line and its neighbours, centred
    version: str
    digest: str
    cv: dict[str, float] = field(default_factory=dict)
    headline: HeadlineWeights | None = None

    def identity(self) -> dict[str, str]:
        """What a report and the summary record of the model that decided."""
        return {"version": self.version, "digest": self.digest}

    def raw(self, rows: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """Each line's summed leaf values (log-odds before the baseline): every tree walked at
        once, a level at a time, through one table of children (``2 * node + went_right``)."""
        import numpy as np

        feature, threshold, children, value, roots = self._arrays()
        n, width = rows.shape
        flat = np.ascontiguousarray(rows, dtype=np.float64).ravel()
        offsets = (np.arange(n, dtype=np.intp) * width)[:, None]
        nodes = np.broadcast_to(roots, (n, roots.size)).copy()
        for _ in range(self.depth):
            went_right = flat[offsets + feature[nodes]] > threshold[nodes]
            nodes = children[2 * nodes + went_right]
        summed: np.ndarray[Any, Any] = value[nodes].sum(axis=1)
        return summed

    def _arrays(self) -> tuple[np.ndarray[Any, Any], ...]:
        """The nodes as numpy arrays (feature, threshold, children, value, roots), made once."""
        found: tuple[np.ndarray[Any, Any], ...] | None = self.__dict__.get("_walk")
        if found is None:
            import numpy as np

            nodes = self.nodes
            children = np.column_stack([np.asarray(nodes.left, np.intp), np.asarray(nodes.right, np.intp)]).ravel()
            found = (
                np.asarray(nodes.feature, dtype=np.intp),
                np.asarray(nodes.threshold, dtype=np.float64),
                children,
                np.asarray(nodes.value, dtype=np.float64),
                np.asarray(nodes.roots, dtype=np.intp),
            )
            object.__setattr__(self, "_walk", found)
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
        nodes = self.nodes
        found: dict[str, float] = {}
        x = [float(v) for v in row]
        for root in nodes.roots:
            node = root
            while nodes.left[node] != node:
                feature = nodes.feature[node]
                child = nodes.left[node] if x[feature] <= nodes.threshold[node] else nodes.right[node]
                name = self.names[feature]
                found[name] = found.get(name, 0.0) + nodes.value[child] - nodes.value[node]
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
    """The model file; a broken one is a rules error naming it. Plain Python: numpy is
    imported when the first page is scored, not when the rules load."""
    try:
        raw = path.read_bytes()
        data = json.loads(raw.decode("utf-8"))
        names = tuple(str(name) for name in data["names"])
        trees = data["trees"]
        nodes = Nodes(
            feature=[int(v) for v in trees["feature"]],
            threshold=[float(v) for v in trees["threshold"]],
            left=[int(v) for v in trees["left"]],
            right=[int(v) for v in trees["right"]],
            value=[float(v) for v in trees["value"]],
            roots=[int(v) for v in trees["roots"]],
        )
        inside = float(data["threshold"])
        model = LineModel(
            names=names,
            baseline=float(data["baseline"]),
            nodes=nodes,
            depth=int(trees["depth"]),
            cutoffs=Cutoffs(
                inside,
                float(data.get("threshold_outside", inside)),
                float(data.get("threshold_hinted", 0.0)),
                float(data.get("threshold_ended", 0.0)),
            ),
            smoothing=tuple(float(w) for w in data.get("smoothing", (1.0,))),
            version=str(data.get("version", "")),
            digest=hashlib.sha256(raw).hexdigest()[:16],
            cv={str(k): float(v) for k, v in data.get("cv_f1", {}).items()},
            headline=_headline(data.get("headline")),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise RuleFileError(path, None, f"not a line model: {exc}") from exc
    sizes = {len(nodes.feature), len(nodes.threshold), len(nodes.left), len(nodes.right), len(nodes.value)}
    if len(sizes) != 1 or (nodes.feature and max(nodes.feature) >= len(names)):
        raise RuleFileError(path, None, "not a line model: its node arrays do not agree")
    return model


def _headline(data: dict[str, Any] | None) -> HeadlineWeights | None:
    if data is None:
        return None
    names = tuple(str(name) for name in data["names"])
    weights = tuple(float(w) for w in data["weights"])
    if len(names) != len(weights):
        raise ValueError("the headline scorer's names and weights differ in number")
    return HeadlineWeights(names, weights, float(data["bias"]))
