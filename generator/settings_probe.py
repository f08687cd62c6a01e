"""Markdown extensions that fail with their options as ``mkdocs.yml`` writes them.

MkDocs checks that each extension takes the options it is given, not their kinds, and an
extension reads some of them only as it converts a page: one of the wrong kind (a list for
the footnotes' ``BACKLINK_TEXT``) stopped ``check`` and the build with a Python traceback
from inside the extension. So a short text with a piece of each kind the course's pages use
is converted once as the settings are read, and an extension that fails on it is told at
its entry under ``markdown_extensions``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown

from generator.errors import Problem, raising_modules
from generator.project import CONFIG_FILE
from generator.settings_place import setting_place

PROBE = """\
## 标题 {#heading}

正文[^1]，*强调*，**MOT**，`代码`，[链接](#heading)。

[^1]: 脚注。

| 甲 | 乙 |
| --- | --- |
| 1 | 2 |

!!! note "注意"

    框里的话。

??? tip "展开"

    折叠的话。

=== "一"

    第一个标签。

```python
print("MOT")
```

术语
:   解释。

*[MOT]: Moments of Truth

<div markdown>
**块里的话**
</div>
"""
"""A page in little: a heading with an id, a footnote, a table, note boxes, a tab, code,
a definition, an abbreviation and Markdown inside HTML."""
FAILURES = (TypeError, AttributeError, ValueError, KeyError, IndexError)
"""What an extension's code raises on an option of a kind it did not look for."""


def extension_problems(
    data: bytes, extensions: list[Any], options: dict[str, Any], shown: Path
) -> list[Problem]:
    """The extension of ``extensions``, with ``options`` (as MkDocs read them from ``data``,
    the bytes of mkdocs.yml, shown as ``shown``), that fails converting a page."""
    try:
        markdown.Markdown(extensions=extensions, extension_configs=options).convert(PROBE)
    except FAILURES as error:
        name = _failing_extension(error, extensions)
        if name is None:  # the failure is Markdown's own, not an option's
            raise
        return [
            Problem(
                shown,
                *setting_place(data, f"markdown_extensions.{name}", ""),
                f"the Markdown extension '{name}' fails on a page with its options as written "
                f"({type(error).__name__}: {error})",
                "write each option as the extension's documentation shows (a text where one "
                f"text is meant, not a list or a number), or undo the last change to {CONFIG_FILE}",
                "settings.invalid",
            )
        ]
    return []


def _failing_extension(error: BaseException, extensions: list[Any]) -> str | None:
    """The extension, as mkdocs.yml names it, whose code raised ``error``: the innermost
    frame of its traceback in a module of one (``markdown.extensions.footnotes`` for
    ``footnotes``, ``pymdownx.tabbed``)."""
    for module in reversed(raising_modules(error)):
        for name in extensions:
            if isinstance(name, str) and (module == name or module.endswith(f".{name}")):
                return name
    return None
