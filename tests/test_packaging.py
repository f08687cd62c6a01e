"""What pip reads: the package metadata, and the files shipped inside the package."""

from __future__ import annotations

import json
import tomllib

from packaging.licenses import canonicalize_license_expression

from generator.export.offline import SHIM_FOLDER
from tests.conftest import NODE_MODULES, PROJECT


def test_the_licence_is_an_spdx_expression() -> None:
    """A TOML table here makes setuptools warn on every install."""
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    license_expression = project["license"]
    assert isinstance(license_expression, str)
    assert canonicalize_license_expression(license_expression) == license_expression


def test_the_shipped_iframe_worker_shim_is_the_npm_package_named_in_package_json() -> None:
    """generator/vendor/iframe-worker: the same bytes and licence as npm's, at the same version."""
    vendored = PROJECT / "generator" / SHIM_FOLDER
    npm_package = NODE_MODULES / "iframe-worker"
    wanted = json.loads((PROJECT / "package.json").read_text())["devDependencies"]["iframe-worker"]
    installed = json.loads((npm_package / "package.json").read_text())["version"]
    title = (vendored / "README.md").read_text(encoding="utf-8").splitlines()[0]
    assert (installed, title) == (wanted, f"# iframe-worker {wanted}")
    assert (vendored / "shim.js").read_bytes() == (npm_package / "shim/index.js").read_bytes()
    assert (vendored / "LICENSE").read_bytes() == (npm_package / "LICENSE").read_bytes()
