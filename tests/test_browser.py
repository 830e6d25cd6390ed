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
from estuary.output.html.picture import render_pictures  # noqa: E402
from estuary.output.html.samples import SOURCE_URL, estuary_sample, synthetic  # noqa: E402
from graph.model import AnswerRow, Entity, Subgraph  # noqa: E402

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
    # two lines, as a bounded answer's caption has: the second says what was left out
    caption = ("estuary path 南通 电子信息 · 2025-01-01 · data/core (sample)\n"
               "Left out: 3 more reached <not listed>")
    return {
        "small": write_html(estuary_sample(), out / "estuary.html",
                            title="南通 → 电子信息：查询路径", caption=caption),
        "geo": write_html(estuary_sample(), out / "estuary-geo.html",
                          title="南通 → 电子信息：地理布局", caption=caption, layout="geo"),
        "big": write_html(synthetic(10_000, seed=1), out / "synthetic-10k.html",
                          title="10,000 节点（合成）", caption="synthetic(10_000, seed=1)"),
        "mid": write_html(ranked_synthetic(), out / "ranked-200.html", title="200 节点，排名答案",
                          caption="synthetic(200, seed=4) with answers"),
    }


def ranked_synthetic() -> Subgraph:
    """200 nodes, two endpoints and five ranked answers: labels must be chosen, not all drawn."""
    sg = synthetic(200, seed=4)
    ids = [n.id for n in sg.nodes]
    rows = tuple(AnswerRow(rank, ids[10 + rank], f"answer {rank}", "test", 6 - rank)
                 for rank in range(1, 6))
    return Subgraph(nodes=sg.nodes, edges=sg.edges, focus=(ids[0], ids[1]),
                    highlight=tuple(r.entity for r in rows), answers=rows)


def load(driver: webdriver.Chrome, path: Path, *, timeout: float = 30.0) -> dict:
    """Open the file, wait until vis-network has drawn and settled; return what happened."""
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get_log("performance")
    driver.get(path.as_uri())
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        state = driver.execute_script(
            "var e = window.estuary; return e && e.firstDraw !== null && e.ready ? "
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
    tags = driver.execute_script(  # the page's own elements only; data went in as text
        "return Array.from(document.querySelectorAll('div.vis-tooltip *'), e => e.tagName)")
    assert set(tags) <= {"BR", "DIV", "SPAN", "A"}
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

    # Level of detail: the biggest hubs are named at load, the rest once zoomed in.
    hub = driver.execute_script("""
        var e = window.estuary, hub = e.nodes.get()[0];
        e.nodes.forEach(function (n) { if (n.size > hub.size) { hub = n; } });
        return hub.id;""")
    assert driver.execute_script("return window.estuary.nodes.get(arguments[0]).label", hub)
    named = driver.execute_script(
        "return window.estuary.nodes.get({filter: function (n) { return !!n.label; }}).length")
    assert 10 <= named <= 200, named
    box = driver.find_element(By.ID, "search")
    box.send_keys("节点0")  # synthetic names: 节点<i>; 节点0 and its neighbours are in view after
    box.send_keys(Keys.ENTER)
    driver.execute_script("window.estuary.labelView()")
    assert driver.execute_script("return window.estuary.nodes.get('city:n0').label") == "节点0"
    labelled_edges = driver.execute_script(
        "return window.estuary.edges.get({filter: function (e) { return !!e.label; }}).length")
    assert labelled_edges > 0
    driver.save_screenshot(str(ARTIFACTS / "synthetic-10k-zoomed.png"))


def lit_pairs(driver: webdriver.Chrome) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for p in driver.execute_script(
        "var e = window.estuary; return e.lit().map(function (k) {"
        " var x = e.edges.get(k); return [x.from, x.to]; })")}


def test_answer_row_lights_its_paths(driver: webdriver.Chrome, pages: dict[str, Path]) -> None:
    state = load(driver, pages["small"])
    rows = driver.find_elements(By.CSS_SELECTOR, "#answer-rows tr")
    assert [r.get_attribute("data-rank") for r in rows] == ["1", "2", "3"]
    assert rows[0].find_element(By.CSS_SELECTOR, "td.name").text == "苏通科技产业园"
    at_rest = lit_pairs(driver)
    assert at_rest  # the top answers' paths are lit at load
    rows[1].click()  # 集成电路: 上海 -> 集成电路 -> 电子信息
    second = lit_pairs(driver)
    assert second == {("city:shanghai", "industry:semiconductors"),
                      ("industry:electronic-info", "industry:semiconductors")}
    assert second != at_rest
    opacity = "return window.estuary.nodes.get(arguments[0]).opacity"
    assert driver.execute_script(opacity, "city:haimen") < 0.5  # off its paths: dimmed
    assert driver.execute_script(opacity, "city:shanghai") == 1
    assert driver.execute_script(opacity, "city:nantong") == 1  # endpoints stay marked
    rows[0].click()
    assert lit_pairs(driver) == {("city:nantong", "park:sutong"),
                                 ("industry:electronic-info", "park:sutong")}
    rows[2].click()  # no path given: the edges touching the mechanism
    assert lit_pairs(driver) == {("mechanism:tax-sharing", "park:sutong")}
    rows[2].click()  # again: back to the whole answer
    assert lit_pairs(driver) == at_rest
    assert driver.execute_script(opacity, "city:haimen") == 1
    state["console"] += driver.get_log("browser")
    assert_clean(state, driver)


def test_top_labels_drawn_at_load(driver: webdriver.Chrome, pages: dict[str, Path]) -> None:
    load(driver, pages["mid"])
    order = driver.execute_script(
        "var D = JSON.parse(document.getElementById('estuary-data').textContent);"
        "return D.order.map(function (i) { return D.nodes[i][0]; });")
    top, tail = order[:7], order[-1]
    label = "return window.estuary.nodes.get(arguments[0]).label"
    for node in top:  # endpoints and the five answers
        assert driver.execute_script(label, node), node
    assert driver.execute_script(label, tail) is None  # the rest wait for a zoom
    # Drawn, and big enough to read: taking the label away removes ink under the node.
    ink = """
        var e = window.estuary, id = arguments[0], n = e.network;
        var p = n.canvasToDOM(n.getPositions([id])[id]);
        var c = document.querySelector('#graph canvas');
        var r = window.devicePixelRatio || 1, g = c.getContext('2d');
        var d = g.getImageData((p.x - 70) * r, (p.y + 4) * r, 140 * r, 50 * r).data, k = 0;
        for (var i = 0; i < d.length; i += 4) {
          if (d[i + 3] > 0 && d[i] < 90 && d[i + 1] < 90) { k++; }
        }
        return k;"""
    first = top[0]
    size = driver.execute_script(
        "var e = window.estuary, n = e.nodes.get(arguments[0]);"
        "return n.font.size * e.network.getScale();", first)
    assert size >= 11, size  # on-screen pixels of the endpoint's name
    with_label = driver.execute_script(ink, first)
    driver.execute_script("window.estuary.nodes.update({id: arguments[0], label: ' '});"
                          "window.estuary.network.redraw();", first)
    without = driver.execute_script(ink, first)
    assert with_label - without > 40, (with_label, without)
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "ranked-200.png"))


def test_source_link_has_the_right_address(driver: webdriver.Chrome,
                                           pages: dict[str, Path]) -> None:
    load(driver, pages["small"])
    driver.find_element(By.CSS_SELECTOR, "#answer-rows tr[data-rank='1']").click()
    link = driver.find_element(By.CSS_SELECTOR,
                               "#details-text a[data-source='source:seed-article']")
    assert link.get_attribute("href") == SOURCE_URL
    assert link.get_attribute("target") == "_blank"
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert link.text == "跨江融合 江海联动"
    assert "南通日报 · 2024-05-01" in driver.find_element(By.ID, "details-text").text
    driver.find_element(By.CSS_SELECTOR, "#answer-rows tr[data-rank='3']").click()
    links = driver.find_elements(By.CSS_SELECTOR, "#details-text a")
    assert [a.get_attribute("data-source") for a in links] == ["source:seed-article"]
    assert "不可点击的来源" in driver.find_element(By.ID, "details-text").text  # shown, no link
    # The tooltip too: hover 南通, whose edges cite the article.
    canvas = driver.find_element(By.CSS_SELECTOR, "#graph canvas")
    xy = driver.execute_script(
        "var n = window.estuary.network; return n.canvasToDOM(n.getPositions(['city:nantong'])"
        "['city:nantong']);")
    ActionChains(driver).move_to_element_with_offset(
        canvas, int(xy["x"] - canvas.rect["width"] / 2), int(xy["y"] - canvas.rect["height"] / 2)
    ).perform()
    deadline = time.monotonic() + 5
    href = None
    while time.monotonic() < deadline and not href:
        time.sleep(0.1)
        href = driver.execute_script(
            "var a = document.querySelector('div.vis-tooltip a');"
            "return a && a.closest('div.vis-tooltip').style.visibility === 'visible' ?"
            " [a.href, a.target, a.rel] : null;")
    assert href == [SOURCE_URL, "_blank", "noopener noreferrer"]


def one_node(tmp: Path, name: str) -> Path:
    node = Entity("city:x", "City", name)
    return write_html(Subgraph(nodes=(node,), edges=(), focus=("city:x",)), tmp / f"{name}.html",
                      title="字形", caption="glyph check")


def test_png_of_a_chinese_graph_has_drawn_glyphs(tmp_path: Path) -> None:
    """Tofu boxes look alike whatever the character: two different Chinese names must give
    different pictures, and each must differ from a name in characters no font has."""
    pictures = {}
    for name in ("南通苏州", "上海无锡", "\U000f0001\U000f0002\U000f0003\U000f0004"):
        (png,) = render_pictures(one_node(tmp_path, name), png=tmp_path / f"{len(pictures)}.png")
        raw = png.read_bytes()
        assert raw.startswith(b"\x89PNG")
        assert int.from_bytes(raw[16:20], "big") == 2400  # 1600 CSS px at 1.5x
        pictures[name] = raw
    a, b, tofu = pictures.values()
    assert a != b, "two Chinese names drew the same picture: glyphs are missing"
    assert a != tofu and b != tofu
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "glyphs.png").write_bytes(a)


def test_save_buttons_make_png_and_svg(driver: webdriver.Chrome, pages: dict[str, Path]) -> None:
    load(driver, pages["small"])
    assert driver.find_element(By.ID, "save-png").is_displayed()
    png = driver.execute_async_script(
        "var done = arguments[0]; window.estuary.toPNG(function (b) {"
        " var r = new FileReader(); r.onload = function () { done([b.type, b.size,"
        " r.result.slice(0, 4)]); }; r.readAsBinaryString(b); });")
    assert png[0] == "image/png" and png[1] > 5000 and png[2] == "\x89PNG"
    svg = driver.execute_script("return window.estuary.toSVG()")
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert "南通" in svg and "南通 → 电子信息：查询路径" in svg  # names and title as text
    assert "<img" not in svg and "&lt;img src=x" in svg  # data escaped in the SVG too
    # every caption line is drawn (a cut note on line 2 must not vanish from the picture)
    assert "data/core (sample)</text>" in svg
    assert "Left out: 3 more reached &lt;not listed&gt;</text>" in svg
    assert driver.execute_script("return window.__xss") is None
