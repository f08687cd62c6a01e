"""Print an HTML file to PDF with headless Chromium (Debian's, or Playwright's own)."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator.errors import SetupError

DEBIAN_CHROMIUM = Path("/usr/lib/chromium/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_executable() -> str | None:
    """$MOT_CHROMIUM, else Debian's Chromium; None means Playwright's own browser."""
    configured = os.environ.get("MOT_CHROMIUM")
    if configured:
        return configured
    return str(DEBIAN_CHROMIUM) if DEBIAN_CHROMIUM.exists() else None


def print_pdf(html: Path, pdf: Path) -> None:
    """Print ``html`` (a local file) to ``pdf`` on A4 paper, backgrounds included.

    Runs in a worker thread: Playwright's sync API refuses to start inside a running asyncio
    loop, which a caller that already drives a browser (the test suite) has in its thread.
    """
    with ThreadPoolExecutor(max_workers=1) as worker:
        worker.submit(_print_pdf, html, pdf).result()


def _print_pdf(html: Path, pdf: Path) -> None:
    from playwright.sync_api import Error as PlaywrightError  # slow to import; only used here
    from playwright.sync_api import sync_playwright

    executable = chromium_executable()
    if executable is not None and not _runnable(Path(executable)):
        # Playwright would leave its profile folders behind in the temporary folder
        raise _no_chromium("not a program this user can run", executable)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=executable, args=CHROMIUM_FLAGS, headless=True
            )
            try:
                page = browser.new_page()
                page.goto(html.resolve().as_uri())
                page.pdf(path=pdf, format="A4", print_background=True, prefer_css_page_size=True)
            finally:
                browser.close()
    except PlaywrightError as error:
        raise _no_chromium(str(error).splitlines()[0], executable) from None


def _runnable(program: Path) -> bool:
    return program.is_file() and os.access(program, os.X_OK)


def _no_chromium(reason: str, executable: str | None) -> SetupError:
    return SetupError(
        f"Chromium could not print the PDF ({reason})",
        "install Chromium (apt-get install chromium, or `make browser-deps`) "
        "or point MOT_CHROMIUM at a Chromium executable",
        "setup.no-chromium",
        Path(executable or "chromium"),
    )
