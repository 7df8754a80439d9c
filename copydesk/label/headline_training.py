"""Training the headline scorer (:mod:`copydesk.label.headline`) on the pages whose gold names their title.

A logistic regression over each page's candidates, the candidate that is the gold title
the positive; a page's headline is its best-scoring candidate. Judged as the line model
is: 5-fold cross-validation grouped by site, the figure being the pages whose chosen
line is exactly the title.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from copydesk.label import headline
from copydesk.rules.model_file import HeadlineWeights

Scorers = Mapping[str, HeadlineWeights | None]  # each site's headline scorer (None: the rule of thumb)
C = 1.0  # the regression's inverse regularisation: few pages have a title, so the weights stay small


@dataclass(frozen=True, slots=True)
class TitledPage:
    """One page rendition's headline candidates, as the scorer sees them, and which is the title."""

    site: str
    rows: list[list[float]]
    truth: list[bool]
    rule_of_thumb: bool  # the structure step's own pick is the title


def _fit(pages: Sequence[TitledPage]) -> Any:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    rows = [row for page in pages for row in page.rows]
    truth = [flag for page in pages for flag in page.truth]
    if not rows or len(set(truth)) < 2:
        return None
    return LogisticRegression(C=C, max_iter=5000).fit(np.array(rows), np.array(truth))


def _weights(model: Any) -> HeadlineWeights | None:
    """A fitted regression as the check reads it from the model file (rounded alike), so a
    held-out figure is what the shipped weights would score."""
    if model is None:
        return None
    return HeadlineWeights(
        headline.FEATURES,
        tuple(round(float(w), 6) for w in model.coef_[0]),
        round(float(model.intercept_[0]), 6),
    )


def _exact(weights: HeadlineWeights | None, page: TitledPage) -> bool:
    if not page.rows:
        return False
    if weights is None:
        return page.rule_of_thumb
    scores = [headline.weighed(row, weights) for row in page.rows]
    best = max(range(len(scores)), key=lambda j: (scores[j], j))  # ties: nearest the article, as at run time
    return page.truth[best]


def held_out(pages: Sequence[TitledPage], folds: int = 5) -> dict[str, HeadlineWeights | None]:
    """For each site, the scorer fitted on the folds without it (5-fold, grouped by site).

    The line model is trained on pages whose headline these chose: at run time the shipped
    scorer meets sites it never saw, so the page structure the trees learn from is the
    one they will meet, not one a scorer that knew the page's title gave.
    """
    import numpy as np
    from sklearn.model_selection import GroupKFold

    sites = sorted({page.site for page in pages})
    if len(sites) < 2:
        return {}
    groups = [sites.index(page.site) for page in pages]
    scorers: dict[str, HeadlineWeights | None] = {}
    for train, test in GroupKFold(n_splits=min(folds, len(sites))).split(np.zeros(len(pages)), groups=groups):
        weights = _weights(_fit([pages[i] for i in train]))
        scorers.update((pages[i].site, weights) for i in test)
    return scorers


def cross_validated(pages: Sequence[TitledPage], folds: int = 5, scorers: Scorers | None = None) -> int:
    """Pages whose chosen headline is exactly the title, each chosen by a scorer that never saw
    its site (``scorers``: those :func:`held_out` gave, when the caller has them already)."""
    if scorers is None:
        scorers = held_out(pages, folds)
    return sum(_exact(scorers.get(page.site), page) for page in pages)


def fit(pages: Sequence[TitledPage]) -> dict[str, Any] | None:
    """The scorer on every page, as the model file holds it (None when no page has a title among its candidates)."""
    weights = _weights(_fit(pages))
    if weights is None:
        return None
    return {"names": list(weights.names), "weights": list(weights.weights), "bias": weights.bias}


def figures(pages: Sequence[TitledPage], scorers: Scorers | None = None) -> str:
    """The rule of thumb's exact titles against the scorer's, cross-validated."""
    n = len(pages)
    if n < 2 or len({page.site for page in pages}) < 2:
        return "headline scorer: too few titled pages to cross-validate"
    ruled = sum(page.rule_of_thumb for page in pages)
    scored = cross_validated(pages, scorers=scorers)
    reachable = sum(any(page.truth) for page in pages)
    return (
        f"headlines exact on {n} titled page renditions: rule of thumb {ruled} ({ruled / n:.0%}), "
        f"scorer {scored} ({scored / n:.0%}, 5-fold CV grouped by site); "
        f"the title is among the candidates on {reachable}"
    )
