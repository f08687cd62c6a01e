"""Issue 13's benchmark: ``python -m benchmarks`` (``make benchmark``), one module per job.

- ``courses``: the real course and synthetic copies of it with N modules
- ``commands``: whole processes timed in interleaved rounds, with peak memory
- ``preview``: save-to-served seconds of ``generator serve`` and plain ``mkdocs serve``
- ``static_server`` and ``pages``: the built site in Chromium: first visit, first search
- ``lighthouse``: Lighthouse scores, mobile and desktop
- ``suite``: what a full or quick run measures, in order; ``targets`` and ``report``:
  the tables; ``stats`` and ``tables``: medians, fits and formatting
- ``profile``: ``python -m benchmarks.profile``, where check and build spend their time
"""
