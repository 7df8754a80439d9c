"""Declarative rules: source profiles, generic boilerplate patterns, manifests.

Rule files are data the user writes and reviews; everything here validates them on load
and reports a broken one by file, line and reason (exit status 2), never a traceback.
"""
