"""The per-line decisions the labelling steps share.

Steps run in a fixed order and the first to decide a line wins, so a declared profile
rule always beats a generic pattern, and a pattern beats a structural guess. The last
step turns every line still undecided into body.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from copydesk.model import Finding, Kind, Label, Line
from copydesk.rules.patterns import PatternTimeout
from copydesk.text.shape import normalised

BLANK = Label(Kind.BLANK)
BODY = Label(Kind.BODY)


@dataclass(slots=True)
class Labelling:
    lines: Sequence[Line]
    labels: list[Label | None]
    cuts: dict[int, tuple[int, str]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    rule_candidates: set[int] | None = None  # lines any rule could match; None: all
    markers: set[int] = field(default_factory=set)  # section headings: strong evidence of chrome around them
    ends: set[int] = field(default_factory=set)  # generic tail markers: the article stops before them
    hints: dict[int, str] = field(default_factory=dict)  # lines a hint rule labelled: the line model decides again

    slow_rules: set[str] = field(default_factory=set)  # rules that ran out of time on this page

    def timed_out(self, exc: PatternTimeout) -> None:
        """A rule ran out of time: one finding, and the rule sits out the rest of the page, so
        a catastrophic pattern costs one time limit per file, not one per line."""
        if exc.rule_id not in self.slow_rules:
            self.slow_rules.add(exc.rule_id)
            self.findings.append(Finding("rules.regex_timeout", "warning", f"{exc}; not tried on the rest of the file"))

    def normalised(self, index: int) -> str:
        """The line's text as compared for repeats, computed once per distinct line of a run."""
        return normalised[self.lines[index].stripped]

    def normalised_all(self, indices: Iterable[int]) -> list[str]:
        """``normalised`` of many lines in one pass."""
        lines = self.lines
        return [normalised[lines[index].stripped] for index in indices]

    @classmethod
    def start(cls, lines: Sequence[Line]) -> Labelling:
        return cls(lines, [BLANK if line.is_blank else None for line in lines])

    def undecided(self, index: int) -> bool:
        return self.labels[index] is None

    def decide(self, index: int, label: Label) -> None:
        if self.labels[index] is None:
            self.labels[index] = label

    def decide_region(self, indices: Iterable[int], label: Label) -> None:
        """Give a whole region one label: blank lines inside it too, decided lines kept."""
        for index in indices:
            if self.lines[index].is_blank:
                self.labels[index] = label
            else:
                self.decide(index, label)

    def content_indices(self) -> list[int]:
        """Non-blank lines not yet labelled as chrome or structure."""
        return [i for i, label in enumerate(self.labels) if label is None]

    def rule_indices(self) -> list[int]:
        """Undecided lines that some rule of this page could match."""
        if self.rule_candidates is None:
            return self.content_indices()
        return [i for i in sorted(self.rule_candidates) if self.labels[i] is None]

    def finish(self) -> list[Label]:
        """Undecided lines become body; blank lines inside removed runs go with them."""
        labels: list[Label] = [BODY if label is None else label for label in self.labels]
        removed = [not label.kept for label in labels]
        n = len(labels)
        i = 0
        while i < n:
            if labels[i].kind is not Kind.BLANK:
                i += 1
                continue
            j = i
            while j < n and labels[j].kind is Kind.BLANK:
                j += 1
            before = removed[i - 1] if i > 0 else None
            after = removed[j] if j < n else None
            if (before is not False) and (after is not False) and (before or after):
                donor = labels[i - 1] if before else labels[j]
                for k in range(i, j):
                    labels[k] = donor
            i = j
        return labels
