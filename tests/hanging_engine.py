"""Stands in for Zensical in tests/test_zensical.py: a build that never finishes."""

import time

time.sleep(3600)
