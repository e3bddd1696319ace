"""The main journeys in a real browser (Debian's Chromium driven by Playwright), with axe-core
checking every page they pass for WCAG 2.2 AA violations."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone
from web_support import PASSWORD

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
    pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed: run `make setup`"),
]

# Playwright's synchronous API runs an event loop in this thread; the ORM calls the tests make
# around it are ordinary synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=ARGS,
            bypass_csp=True,  # lets the test inject axe-core; the pages' own CSP is tested apart
        )
        yield context
        context.close()


def axe_check(page: Any) -> None:
    """No axe-core violations at WCAG 2.2 AA on the page as it stands."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG
    )
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
    ]
    assert problems == [], f"{page.url}: {problems}"


def sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/sign-in/")
    axe_check(page)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    if "/sign-in/code/" in page.url:
        from django_otp.oath import totp
        from django_otp.plugins.otp_totp.models import TOTPDevice

        axe_check(page)
        device = TOTPDevice.objects.get(user__username=username)
        page.fill("#id_token", f"{totp(device.bin_key):06d}")
        page.click("main button[type=submit]")


@pytest.fixture
def site(live_server: Any, transactional_db: Any, people: dict[str, Any]) -> str:
    return str(live_server.url)


def test_a_social_worker_records_a_visit_and_the_child_leaves_the_overdue_list(
    browser: Any, site: str
) -> None:
    page = browser.new_page()
    sign_in(page, site, "sw")
    assert page.url.endswith("/my-children/")
    axe_check(page)
    row = page.locator('tr[data-child="C1"]')
    assert "Visits in a placement" in row.inner_text()
    row.get_by_role("link", name="Amira Khan").click()
    axe_check(page)
    page.get_by_role("link", name="Record a visit").click()
    page.click("main button[type=submit]")  # empty: the error summary
    page.locator(".govuk-error-summary").wait_for(state="visible")
    axe_check(page)
    today = timezone.localdate()
    page.fill("#id_visit_date", str(today.day))
    page.fill("#id_visit_date_month", str(today.month))
    page.fill("#id_visit_date_year", str(today.year))
    page.check("#id_seen")  # yes
    page.check("#id_seen_alone")  # yes
    page.click("main button[type=submit]")
    assert "Visit recorded" in page.locator(".govuk-notification-banner").inner_text()
    axe_check(page)
    page.goto(f"{site}/my-children/")
    assert "Visits in a placement" not in page.locator('tr[data-child="C1"]').inner_text()


def test_an_analyst_uploads_and_applies_a_903_return(
    browser: Any, site: str, tmp_path: Path
) -> None:
    from lookedafter.ssda903.extract import for_year
    from lookedafter.ssda903.io import write_return
    from lookedafter.web.register.dataset_io import export_dataset
    from lookedafter.web.register.models import ReturnUpload

    today = timezone.localdate()
    year = today.year + (1 if today.month >= 4 else 0)
    ds = for_year(export_dataset(as_of=today), year, with_previous=False)
    ds = ds.with_table("Reviews", ds["Reviews"].head(ds["Reviews"].height - 1))
    paths = write_return(ds, tmp_path / "return")
    page = browser.new_page()
    sign_in(page, site, "analyst")
    page.goto(f"{site}/returns/")
    axe_check(page)
    page.set_input_files("#files", [str(p) for p in paths if p.suffix == ".csv"])
    page.fill("#year", str(year))
    page.click("text=Upload and preview")
    assert "What applying it would change" in page.inner_text("#changes")
    axe_check(page)
    page.click("text=Apply the return to the register")
    assert "Return applied" in page.locator(".govuk-notification-banner").inner_text()
    axe_check(page)
    assert ReturnUpload.objects.get().status == "applied"


def test_a_leader_follows_a_dashboard_figure_to_the_children_behind_it(
    browser: Any, site: str
) -> None:
    page = browser.new_page()
    sign_in(page, site, "leader")
    assert page.url.endswith("/dashboard/")
    axe_check(page)
    link = page.locator("a[data-measure]").first
    measure = link.get_attribute("data-measure")
    link.click()
    # wait for the drill-down page itself, not just the navigation to start
    page.locator("#behind").wait_for(state="visible")
    assert page.url.split("?")[0].endswith(f"/dashboard/{measure}/")
    axe_check(page)
