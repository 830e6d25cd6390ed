"""The written HTML in a real headless Chromium, offline: draws, legend, search, filter, safety.

Needs Debian's chromium and chromium-driver; the module is skipped without them. Screenshots
go to tests/artifacts/ (git-ignored). The 10k-node drawing time is printed and written to
tests/artifacts/browser-timing.txt, not asserted.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
    pytest.skip(f"needs {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium "
                "chromium-driver)", allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver")

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

from estuary.output.html.page import write_html  # noqa: E402
from estuary.output.html.samples import estuary_sample, synthetic  # noqa: E402

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
LOCAL_SCHEMES = ("file:", "data:", "blob:")


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    opts = Options()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1400,900",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    drv = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    drv.set_page_load_timeout(60)
    # Network off for everything this browser does: a request to any host would fail (and
    # show up below as a request and a console error).
    drv.execute_cdp_cmd("Network.enable", {})
    drv.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
    yield drv
    drv.quit()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pages")
    caption = "estuary path 南通 电子信息 · 2025-01-01 · data/core (sample)"
    return {
        "small": write_html(estuary_sample(), out / "estuary.html",
                            title="南通 → 电子信息：查询路径", caption=caption),
        "geo": write_html(estuary_sample(), out / "estuary-geo.html",
                          title="南通 → 电子信息：地理布局", caption=caption, layout="geo"),
        "big": write_html(synthetic(10_000, seed=1), out / "synthetic-10k.html",
                          title="10,000 节点（合成）", caption="synthetic(10_000, seed=1)"),
    }


def load(driver: webdriver.Chrome, path: Path, *, timeout: float = 30.0) -> dict:
    """Open the file, wait until vis-network has drawn and settled; return what happened."""
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get_log("performance")
    driver.get(path.as_uri())
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        state = driver.execute_script(
            "var e = window.estuary; return e && e.firstDraw !== null && e.stable ? "
            "{firstDraw: e.firstDraw, timing: e.timing} : null")
        if state:
            break
        time.sleep(0.05)
    assert state, f"{path.name}: vis-network did not draw within {timeout} s"
    time.sleep(0.2)  # let a last frame land before reading pixels
    requests = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            requests.append(msg["params"]["request"]["url"])
    resources = driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    state["requests"] = requests + resources
    state["console"] = driver.get_log("browser")
    return state


def canvas_ink(driver: webdriver.Chrome) -> int:
    """How many sampled canvas pixels are not blank (transparent or white)."""
    return driver.execute_script("""
        var c = document.querySelector('#graph canvas');
        var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, ink = 0;
        for (var i = 0; i < d.length; i += 4 * 7) {
          if (d[i + 3] > 0 && (d[i] < 245 || d[i + 1] < 245 || d[i + 2] < 245)) { ink++; }
        }
        return ink;""")


def assert_clean(state: dict, driver: webdriver.Chrome) -> None:
    offsite = [u for u in state["requests"] if not u.startswith(LOCAL_SCHEMES)]
    assert not offsite, f"requests left the file: {offsite}"
    severe = [e for e in state["console"] if e["level"] == "SEVERE"]
    assert not severe, severe
    assert driver.execute_script("return window.__xss") is None
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018


def test_small_page_draws_offline_with_legend(driver: webdriver.Chrome,
                                              pages: dict[str, Path]) -> None:
    state = load(driver, pages["small"])
    assert_clean(state, driver)
    assert canvas_ink(driver) > 500
    assert driver.find_element(By.TAG_NAME, "h1").text == "南通 → 电子信息：查询路径"
    rows = [li.text.split() for li in driver.find_elements(By.CSS_SELECTOR, "#legend-labels li")]
    assert ["城市", "City", "4"] in rows and ["产业", "Industry", "3"] in rows
    marks = driver.find_element(By.ID, "legend-marks").text
    assert "查询端点" in marks and "答案路径" in marks
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "estuary-small.png"))


def test_xss_names_render_as_text(driver: webdriver.Chrome, pages: dict[str, Path]) -> None:
    state = load(driver, pages["small"])
    box = driver.find_element(By.ID, "search")
    box.send_keys("<img")
    hits = driver.find_elements(By.CSS_SELECTOR, "#search-results li .name")
    assert hits and hits[0].text == '<img src=x onerror="window.__xss=1">'
    box.send_keys(Keys.ENTER)  # select it: the details panel shows the name and evidence
    details = driver.find_element(By.ID, "details-text").text
    assert "</script><script>window.__xss=2;alert(1)</script>" in details
    assert not driver.find_elements(By.CSS_SELECTOR, "#panel img, #graph img, body > img")
    state["console"] += driver.get_log("browser")
    assert_clean(state, driver)


def test_search_chinese_english_alias(driver: webdriver.Chrome,
                                      pages: dict[str, Path]) -> None:
    load(driver, pages["small"])
    box = driver.find_element(By.ID, "search")
    for query, node_id in (("南通", "city:nantong"), ("SHANGHAI", "city:shanghai"),
                           ("沪", "city:shanghai"), ("苏通园区", "park:sutong")):
        box.clear()
        box.send_keys(query)
        first = driver.find_element(By.CSS_SELECTOR, "#search-results li")
        assert first.get_attribute("data-id") == node_id, query
        box.send_keys(Keys.ENTER)
        assert driver.execute_script("return window.estuary.selected") == node_id
        assert driver.execute_script(
            "return window.estuary.network.getSelectedNodes()") == [node_id]
    assert "南通" not in driver.find_element(By.ID, "search-results").text  # list closed
    box.clear()
    box.send_keys("南通")
    driver.find_element(By.CSS_SELECTOR, "#search-results li").click()
    assert driver.execute_script("return window.estuary.selected") == "city:nantong"
    assert "南通" in driver.find_element(By.ID, "details-text").text


def test_tooltip_is_plain_text(driver: webdriver.Chrome, pages: dict[str, Path]) -> None:
    load(driver, pages["small"])
    canvas = driver.find_element(By.CSS_SELECTOR, "#graph canvas")
    for node_id, expected in (("city:nantong", ["南通", "Nantong", "level: 地级市"]),
                              ("org:xss-img", ['<img src=x onerror="window.__xss=1">'])):
        xy = driver.execute_script(
            "var n = window.estuary.network, id = arguments[0];"
            "return n.canvasToDOM(n.getPositions([id])[id]);", node_id)
        rect = canvas.rect
        ActionChains(driver).move_to_element_with_offset(
            canvas, int(xy["x"] - rect["width"] / 2), int(xy["y"] - rect["height"] / 2)
        ).perform()
        deadline = time.monotonic() + 5
        text = ""
        while time.monotonic() < deadline and not all(e in text for e in expected):
            time.sleep(0.1)
            text = driver.execute_script(
                "var t = document.querySelector('div.vis-tooltip');"
                "return t && t.style.visibility === 'visible' ? t.innerText : '';")
        for e in expected:
            assert e in text, (node_id, text)
    tags = driver.execute_script(  # innerText turns "\n" into <br>; nothing else is markup
        "return Array.from(document.querySelectorAll('div.vis-tooltip *'), e => e.tagName)")
    assert set(tags) <= {"BR"}
    assert driver.execute_script("return window.__xss") is None


def test_filter_by_label(driver: webdriver.Chrome, pages: dict[str, Path]) -> None:
    load(driver, pages["small"])
    hidden = "return window.estuary.nodes.get('city:nantong').hidden === true"
    city = driver.find_element(By.CSS_SELECTOR, "input[data-label='City']")
    city.click()
    assert driver.execute_script(hidden)
    assert not driver.execute_script(
        "return window.estuary.nodes.get('park:sutong').hidden === true")
    city.click()
    assert not driver.execute_script(hidden)


def test_geo_page(driver: webdriver.Chrome, pages: dict[str, Path]) -> None:
    state = load(driver, pages["geo"])
    assert_clean(state, driver)
    assert canvas_ink(driver) > 500
    pos = driver.execute_script(
        "return window.estuary.network.getPositions(['city:suzhou', 'city:shanghai'])")
    assert pos["city:shanghai"]["x"] > pos["city:suzhou"]["x"]
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "estuary-geo.png"))


def test_10k_nodes_draw(driver: webdriver.Chrome, pages: dict[str, Path]) -> None:
    started = time.monotonic()
    state = load(driver, pages["big"], timeout=45)
    wall = time.monotonic() - started
    assert_clean(state, driver)
    assert canvas_ink(driver) > 2000
    assert driver.execute_script("return window.estuary.nodes.length") == 10_000
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "synthetic-10k.png"))
    t = state["timing"]
    line = (f"10k nodes, {pages['big'].stat().st_size / 1e6:.1f} MB: first afterDrawing "
            f"{state['firstDraw'] / 1000:.2f} s after navigation start (script start "
            f"{t['start'] / 1000:.2f} s, data expanded {t['built'] / 1000:.2f} s, "
            f"network built {t['network'] / 1000:.2f} s); wall {wall:.2f} s incl. polling")
    print(line)
    (ARTIFACTS / "browser-timing.txt").write_text(line + "\n", encoding="utf-8")

    # Level of detail: names appear once zoomed in, for what is in view.
    hub = driver.execute_script("""
        var e = window.estuary, hub = e.nodes.get()[0];
        e.nodes.forEach(function (n) { if (n.size > hub.size) { hub = n; } });
        return hub.id;""")
    assert driver.execute_script("return window.estuary.nodes.get(arguments[0]).label", hub) \
        is None
    box = driver.find_element(By.ID, "search")
    box.send_keys("节点0")  # synthetic names: 节点<i>; 节点0 and its neighbours are in view after
    box.send_keys(Keys.ENTER)
    driver.execute_script("window.estuary.labelView()")
    assert driver.execute_script("return window.estuary.nodes.get('city:n0').label") == "节点0"
    labelled_edges = driver.execute_script(
        "return window.estuary.edges.get({filter: function (e) { return !!e.label; }}).length")
    assert labelled_edges > 0
    driver.save_screenshot(str(ARTIFACTS / "synthetic-10k-zoomed.png"))
