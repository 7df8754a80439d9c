"""Turning bytes into text: sniffing, detection, damage accounting and mojibake repair.

Each module answers one question; :mod:`copydesk.validators.encoding` composes them into the step.
"""
