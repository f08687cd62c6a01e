"""The settings of ``mkdocs.yml`` that an environment variable gives (``!ENV``).

The course's mkdocs.yml has ``site_url: !ENV SITE_URL``, which the Pages workflow sets. A
trainer who sets the variable wrongly never edited the file, so what is wrong with the value
is said of the variable. Read as MkDocs' ``!ENV`` reads it: the first of the named variables
that is set; the last of a list of more than one is a fallback, written in the file.
"""

from __future__ import annotations

import os

import yaml

from generator.settings_screen import top_settings

ENV_TAG = "!ENV"
URL_SCHEME = "https://"


def top_setting(data: bytes, name: str) -> yaml.Node | None:
    """The value of the top-level setting ``name`` in ``data``, the bytes of mkdocs.yml."""
    return next((value for key, value in top_settings(data) if key.value == name), None)


def variable_value(setting: yaml.Node) -> tuple[str, str] | None:
    """The variable an ``!ENV`` ``setting`` takes its value from, and the value, if one of the
    variables it names is set."""
    if setting.tag != ENV_TAG:
        return None
    if isinstance(setting, yaml.SequenceNode):
        names = [str(node.value) for node in setting.value]
        variables = names[:-1] if len(names) > 1 else names
    else:
        variables = [str(setting.value)]
    return next(((name, os.environ[name]) for name in variables if name in os.environ), None)


def variable_problem(data: bytes, name: str, complaint: str) -> tuple[str, str] | None:
    """What to say, and how to fix it, when MkDocs' ``complaint`` about the setting ``name``
    is about the value an environment variable gave it."""
    setting = top_setting(data, name)
    given = variable_value(setting) if setting is not None else None
    if given is None:
        return None
    variable, value = given
    message = f"its value {value!r} comes from the environment variable {variable}"
    if "scheme" in complaint and "://" not in value:
        return message, f"set {variable} with the scheme, e.g. {variable}={URL_SCHEME}{value}"
    return message, f"set {variable} to a valid value where it is set, or unset it"
