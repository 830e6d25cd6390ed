"""The delta as analysts know it: the geo layout of the nine "1+8" cities and their counties,
drawn in a real headless Chromium, puts known places where they are on a map (each unit at
the seat the division table gives, data/places/README.md).

Positions are read back from the page's vis-network (screen y grows downwards). The pairs are
facts of geography, not of the layout code: 崇明 lies north of central Shanghai (黄浦),
南通 north of 苏州 across the Yangtze, 太仓 and 常熟 east of 苏州's centre, 舟山 south-east of
宁波, 湖州 west of 嘉兴.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from estuary.cli import app

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
    pytest.skip(f"needs {CHROMIUM} and {CHROMEDRIVER}", allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver")

from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

# (a, relation, b): a lies <relation> of b
EXPECTED = [
    # The table gives each unit's seat: 崇明's (城桥镇) lies due north of 黄浦, a little west.
    ("city:chongming", "north", "city:huangpu"),
    ("city:nantong", "north", "city:suzhou"),
    ("city:taicang", "east", "city:suzhou"),
    ("city:changshu", "north-east", "city:suzhou"),
    ("city:zhoushan", "east", "city:ningbo"),
    ("city:huzhou", "west", "city:jiaxing"),
    ("city:qidong", "east", "city:nantong"),
]


@pytest.fixture(scope="module")
def positions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, dict]]:
    import os

    tmp = tmp_path_factory.mktemp("geo")
    page = tmp / "delta.html"
    env = {**os.environ, "ESTUARY_DB": str(tmp / "graph.json"), "ESTUARY_STORE": "embedded"}
    result = CliRunner().invoke(app, ["viz", "--type", "City", "--layout", "geo", "-o",
                                      str(page)], env=env)
    assert result.exit_code == 0, result.output
    opts = Options()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        opts.add_argument(arg)
    drv = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    try:
        drv.get(page.as_uri())
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not drv.execute_script(
                "return !!(window.estuary && window.estuary.firstDraw !== null)"):
            time.sleep(0.2)
        ARTIFACTS.mkdir(exist_ok=True)
        drv.save_screenshot(str(ARTIFACTS / "geo-delta.png"))
        yield drv.execute_script("return window.estuary.network.getPositions()")
    finally:
        drv.quit()


@pytest.mark.parametrize(("a", "where", "b"), EXPECTED)
def test_known_places_sit_where_they_are(positions: dict[str, dict], a: str, where: str,
                                         b: str) -> None:
    pa, pb = positions[a], positions[b]
    dx, dy = pa["x"] - pb["x"], pb["y"] - pa["y"]  # dy > 0: a is north of b
    checks = {"north": dy > 0, "east": dx > 0, "west": dx < 0,
              "north-east": dx > 0 and dy > 0}
    assert checks[where], f"{a} should be {where} of {b}: dx={dx:.0f}, dy={dy:.0f}"


def test_every_city_of_the_nine_and_their_counties_is_drawn(positions: dict[str, dict]) -> None:
    assert len(positions) >= 9 + 70
