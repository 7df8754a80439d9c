"""Hypothesis strategies both engine-equivalence test modules draw record values and hand-edited files from."""

from typing import Any

from hypothesis import strategies as st


def maybe(values: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A record value or no value."""
    return st.one_of(st.none(), values)


# Any value a hand-edited JSON or YAML rule file can hold, small.
ANY_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.floats(allow_nan=False) | st.text(max_size=4),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=6,
)
