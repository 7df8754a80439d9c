"""Engines that run the per-file steps elsewhere than this machine's processes."""
