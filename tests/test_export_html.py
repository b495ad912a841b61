"""The HTML report: escaped and self-contained, then used in headless Chromium like a reader would."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from export_fixtures import CLAIMS, sample_graph

from provenance.export import export
from provenance.export.html import chain_summary

GRAPH = sample_graph()
PAGE = export(GRAPH, "html").decode()
ARTIFACTS = Path(__file__).parent / "artifacts"


def test_article_text_stays_text() -> None:
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in PAGE
    assert "<script>alert" not in PAGE
    assert PAGE.count("<script>") == 1  # the page's own script, nothing from the data
    assert "&lt;b&gt;lives&lt;/b&gt;" in PAGE  # markup in a title


def test_the_article_header_names_its_authors() -> None:
    header = re.search(r'<p class="meta">(.*?)</p>', PAGE)
    assert header is not None
    assert '<span class="authors">by Sara &lt;b&gt;Omar&lt;/b&gt; and Ali Hussein</span>' in header.group(1)
    assert "<b>Omar" not in PAGE


def test_page_can_load_nothing() -> None:
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', PAGE)
    assert policy is not None
    assert policy.group(1).startswith("default-src 'none'; style-src 'sha256-")
    assert "unsafe-inline" not in policy.group(1)
    assert not re.search(r"\bsrc=|<link|@import|url\(", PAGE)
    assert re.findall(r'href="([^"]+)"', PAGE) == ["https://shafaq.com/en/Iraq/al-Alusi"]


def test_every_claim_with_a_span_is_highlighted_once_with_its_chain() -> None:
    anchors = re.findall(r'<mark class="claim kind-[a-z-]+" id="claim-(k\d+)"', PAGE)
    assert anchors == [f"k{n}" for n in range(len(GRAPH.claims))]
    assert chain_summary(GRAPH, CLAIMS[2]) == (
        "Shafaq News → reported: Syrian Observatory for Human Rights → citing: sources on the ground"
    )
    assert chain_summary(GRAPH, CLAIMS[3]) == "Shafaq News → no source beyond the outlet"


# --- in a browser --------------------------------------------------------------------------

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--window-size=1280,1100",
)


def _binary(*names: str) -> str | None:
    return next((path for path in map(shutil.which, names) if path), None)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Debian Chromium driven by chromedriver; skipped where neither is installed."""
    chromium = _binary("chromium", "chromium-browser", "google-chrome")
    driver_path = _binary("chromedriver")
    if chromium is None or driver_path is None:
        pytest.skip("no Chromium and chromedriver (Debian: apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    # The explicit driver path keeps Selenium Manager from trying to download one.
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=driver_path))
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def page(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(PAGE, encoding="utf-8")
    browser.get_log("performance")  # drain what the start page loaded: only ours counts
    browser.get(path.as_uri())
    return browser


def _by_css(driver: Any, selector: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, selector)


def _panel_text(driver: Any) -> str:
    panel = _by_css(driver, "#chain-panel")
    assert panel.is_displayed()
    return str(panel.text)


def test_tree_and_findings_are_visible_and_collapse(page: Any) -> None:
    tree = _by_css(page, "ul.tree")
    assert tree.is_displayed()
    assert "Syrian Observatory for Human Rights" in tree.text
    nested = _by_css(page, "ul.tree ul ul ul .claim button")  # outlet > SOHR > sources > claim
    assert nested.is_displayed()
    assert "fortify US bases" in nested.text
    summary = _by_css(page, "ul.tree li.source li.source li.source > details > summary")
    summary.click()
    assert not nested.is_displayed()
    summary.click()
    assert nested.is_displayed()
    _by_css(page, 'button[data-tree="close"]').click()
    assert not nested.is_displayed()
    _by_css(page, 'button[data-tree="open"]').click()
    assert nested.is_displayed()
    findings = _by_css(page, "#findings")
    assert findings.is_displayed()
    assert findings.text.lower().count("warning") == 3


def test_clicking_a_finding_shows_its_claims_chain(page: Any) -> None:
    _by_css(page, "#findings li.severity-warning button").click()  # the unattributed claim
    assert "no source beyond the outlet" in _panel_text(page)
    assert "On Wednesday, the US-led Coalition" in _panel_text(page)
    assert "selected" in _by_css(page, "#claim-k3").get_attribute("class")


def test_claims_in_the_text_show_their_chain_on_click_and_hover(page: Any) -> None:
    from selenium.webdriver import ActionChains

    mark = _by_css(page, "#claim-k0")
    assert mark.get_attribute("title") == "Shafaq News → warned: Mithal al-Alusi"
    mark.click()
    assert "Mithal al-Alusi" in _panel_text(page)
    assert "Prominent Iraqi politician" in _panel_text(page)
    quote = _by_css(page, "#claim-k4")
    ActionChains(page).move_to_element(quote).perform()
    assert "a local official" in _panel_text(page)
    assert "<script>alert(1)</script>" in quote.text  # shown as text, never run
    _by_css(page, "#chain-panel .close").click()
    assert not _by_css(page, "#chain-panel").is_displayed()


def test_page_made_no_network_request_and_logged_no_error(page: Any) -> None:
    assert page.execute_script("return performance.getEntriesByType('resource').length") == 0
    sent = [
        json.loads(entry["message"])["message"]["params"]
        for entry in page.get_log("performance")
        if '"Network.requestWillBeSent"' in entry["message"]
    ]
    ours = [p["loaderId"] for p in sent if p["request"]["url"].endswith("/report.html")]
    assert ours, "the page's own load was not logged"
    # Everything our document asked for carries its loader id; Chromium's own start page
    # (chrome:// resources) does not.
    requested = [p["request"]["url"] for p in sent if p["loaderId"] in ours]
    assert all(url.startswith("file://") and url.endswith("/report.html") for url in requested), requested
    assert not [
        p["request"]["url"]
        for p in sent
        if p["request"]["url"].startswith(("http:", "https:", "ws:", "wss:"))
    ]
    errors = [e for e in page.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []  # a CSP violation (say, a changed script) would show here
    assert page.execute_script("return typeof window.alert === 'function'")


def test_screenshot(page: Any) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    _by_css(page, "#claim-k2").click()
    page.execute_script("window.scrollTo(0, 0)")
    target = ARTIFACTS / "report.png"
    assert page.save_screenshot(str(target))
    assert target.stat().st_size > 10_000


def test_a_long_unbroken_token_wraps_in_the_page(browser: Any, tmp_path: Path) -> None:
    # A 20,000-character token in the title, a source's name, a claim and a finding made the page
    # two million pixels wide; every text now wraps anywhere when it has no place to break.
    from attrs import evolve

    token = "x" * 20_000
    document = evolve(GRAPH.documents[0], title=token)
    sources = tuple(
        evolve(source, name=token) if n == 1 else source for n, source in enumerate(GRAPH.sources)
    )
    claims = (evolve(GRAPH.claims[0], text=token), *GRAPH.claims[1:])
    findings = (evolve(GRAPH.findings[0], message=token), *GRAPH.findings[1:])
    graph = evolve(
        GRAPH, documents=(document, *GRAPH.documents[1:]), sources=sources, claims=claims, findings=findings
    )
    path = tmp_path / "long.html"
    path.write_bytes(export(graph, "html"))
    browser.get(path.as_uri())
    width, viewport = browser.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert width <= viewport


# --- the Mermaid export, drawn by mermaid.js in the same browser ---------------------------


def _mermaid_js() -> Path | None:
    """mermaid.min.js from npm (``npm install --prefix tests mermaid@11``), or $MERMAID_JS."""
    candidates = [os.environ.get("MERMAID_JS", "")]
    candidates += [
        str(root / "node_modules" / "mermaid" / "dist" / "mermaid.min.js")
        for root in (Path(__file__).parent, Path(__file__).parent.parent)
    ]
    return next((Path(c) for c in candidates if c and Path(c).is_file()), None)


def test_mermaid_export_renders_in_mermaid_js(browser: Any, tmp_path: Path) -> None:
    script = _mermaid_js()
    if script is None:
        pytest.skip("mermaid.js not installed (npm install --prefix tests mermaid@11)")
    shutil.copy(script, tmp_path / "mermaid.min.js")
    host = tmp_path / "mermaid.html"
    host.write_text(
        '<!doctype html><meta charset="utf-8"><script src="mermaid.min.js"></script><div id="out"></div>',
        encoding="utf-8",
    )
    browser.get(host.as_uri())
    result = browser.execute_async_script(
        """
        const [text, done] = arguments;
        mermaid.initialize({startOnLoad: false, securityLevel: "strict"});
        mermaid.render("graph", text).then(({svg}) => {
          const out = document.getElementById("out");
          out.innerHTML = svg;
          const labels = [...out.querySelectorAll("g.node")].map((n) => n.textContent.trim());
          done({labels, edges: out.querySelectorAll("g.edgeLabel").length,
                scripts: out.querySelectorAll("script").length});
        }, (error) => done({error: String(error)}));
        """,
        export(GRAPH, "mermaid").decode(),
    )
    assert "error" not in result, result.get("error")
    labels = result["labels"]
    assert len(labels) == len(GRAPH.documents) + len(GRAPH.sources) + len(GRAPH.claims)
    assert 'Ministry of "Defence" [Iraq]' in labels
    assert 'Al-Alusi: "sectarian" conflict could claim millions <b>lives</b>' in labels
    assert any(label.startswith("They wrote <script>alert(1)</script> on the wall") for label in labels)
    assert result["scripts"] == 0
