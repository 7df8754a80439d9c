"""Checks a records schema can name in pandera's YAML, beyond pandera's built-in ones.

pandera's YAML can only refer to checks registered with its extension API; these are
the ones news records need and pandera lacks: an instant not after another (published
vs fetched_at) and fields a given source must fill. Registered once, on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

_REGISTERED: list[bool] = []


def not_after_failures(frame: Any, column: str, limit: str) -> Any:
    """Rows where ``column`` is later than ``limit`` (rows missing either pass)."""
    return frame[column].notna() & frame[limit].notna() & (frame[column] > frame[limit])


def missing_required(
    sources: Sequence[Any], empty_of: Callable[[str], Sequence[bool]], required: Mapping[str, Sequence[str]]
) -> dict[int, list[str]]:
    """Row position -> the columns its source requires and it leaves empty.

    ``sources``: each row's source id; ``empty_of(column)``: each row's "no value" flag.
    """
    missing: dict[int, list[str]] = {}
    for column in sorted({name for names in required.values() for name in names}):
        empty = empty_of(column)
        for position, (source, is_empty) in enumerate(zip(sources, empty, strict=True)):
            if is_empty and column in required.get(source, ()):
                missing.setdefault(position, []).append(column)
    return missing


def missing_in_frame(frame: Any, required: Mapping[str, Sequence[str]]) -> dict[int, list[str]]:
    """:func:`missing_required` over a pandas frame of records."""
    return missing_required(frame["source"].tolist(), lambda column: frame[column].isna().tolist(), required)


def register() -> None:
    """Make ``not_after`` and ``required_per_source`` known to pandera's YAML reader."""
    if _REGISTERED:
        return
    import pandas as pd
    from pandera import extensions

    @extensions.register_check_method(statistics=["column", "limit"], check_type="vectorized")  # type: ignore[untyped-decorator]
    def not_after(frame: Any, *, column: str, limit: str) -> Any:
        return ~not_after_failures(frame, column, limit)

    @extensions.register_check_method(statistics=["required"], check_type="vectorized")  # type: ignore[untyped-decorator]
    def required_per_source(frame: Any, *, required: dict[str, list[str]]) -> Any:
        ok = pd.Series(True, index=frame.index)
        for position in missing_in_frame(frame, required):
            ok.iloc[position] = False
        return ok

    _REGISTERED.append(True)
