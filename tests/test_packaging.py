"""What pip reads: the package metadata, and the files shipped inside the package."""

from __future__ import annotations

import tomllib

from packaging.licenses import canonicalize_license_expression

from tests.conftest import PROJECT


def test_the_licence_is_an_spdx_expression() -> None:
    """A TOML table here makes setuptools warn on every install."""
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    license_expression = project["license"]
    assert isinstance(license_expression, str)
    assert canonicalize_license_expression(license_expression) == license_expression
