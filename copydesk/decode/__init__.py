"""Bytes to text: sniffing, detection, damaged UTF-8, mojibake repairs (bytes -> Decoded)."""
