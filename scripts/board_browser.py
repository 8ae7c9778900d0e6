"""The class board in a real browser (headless Chromium through chromedriver and selenium).

Run by BoardBrowserTests: it opens the board, waits until the page follows the event stream,
notes the address bar (the token must be gone from it), marks the window, writes READY and waits
while the test makes a learner progress; then it checks that the learner's row changed with the
mark still there (no reload), opens a failed cell's details, takes a screenshot, and presses p for
the presentation view. Prints one JSON line with what it saw; exits 1 on a failure.

usage: board_browser.py BOARD_URL LEARNER READY_FILE SCREENSHOT
"""
import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

# A row is replaced whole when its learner's event arrives: an element found a moment ago may be gone.
REPLACED = (StaleElementReferenceException, NoSuchElementException)


def cell(driver, learner, step):
    return driver.find_element(By.CSS_SELECTOR, f'#rows tr[data-learner="{learner}"] td[data-step="{step}"]')


def settled(action):
    """Runs `action` again while the row it touches is being replaced."""
    for _ in range(50):
        try:
            return action()
        except REPLACED:
            time.sleep(0.1)
    return action()


def main():
    board, learner, ready, screenshot = sys.argv[1:5]
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,720", "--hide-scrollbars"]:
        options.add_argument(argument)
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    seen = {}
    try:
        driver.set_page_load_timeout(30)
        driver.get(board)
        wait = WebDriverWait(driver, 30, ignored_exceptions=REPLACED)
        wait.until(lambda d: d.find_element(By.ID, "live").get_attribute("data-state") == "live")
        seen["url"] = driver.current_url
        seen["before"] = settled(lambda: cell(driver, learner, "count").get_attribute("class"))
        driver.execute_script("window.__boardMark = 'no reload';")
        with open(ready, "w") as handle:
            handle.write("ready\n")
        wait.until(lambda d: "s-passed" in cell(d, learner, "count").get_attribute("class"))
        seen["after"] = settled(lambda: cell(driver, learner, "count").get_attribute("class"))
        # The learner's run goes on to its last step and its end record: let the row settle.
        wait.until(lambda d: "s-passed" in cell(d, learner, "bye").get_attribute("class"))
        time.sleep(0.5)
        seen["mark"] = driver.execute_script("return window.__boardMark || null;")
        seen["count"] = driver.find_element(By.CSS_SELECTOR, '#matrix tfoot td[data-step="count"]').text
        settled(lambda: cell(driver, learner, "picky").find_element(By.TAG_NAME, "button").click())
        wait.until(lambda d: d.find_element(By.ID, "detail").is_displayed() and d.find_element(By.ID, "detail-hint").text)
        seen["hint"] = driver.find_element(By.ID, "detail-hint").text
        seen["command"] = driver.find_element(By.ID, "detail-command").text
        time.sleep(0.2)
        driver.save_screenshot(screenshot)
        driver.find_element(By.TAG_NAME, "body").send_keys("p")
        wait.until(lambda d: d.find_element(By.ID, "present").is_displayed())
        seen["present_url"] = driver.current_url
        seen["matrix_shown"] = driver.find_element(By.ID, "matrix").is_displayed()
        seen["detail_shown"] = driver.find_element(By.ID, "detail").is_displayed()
        seen["present_count"] = driver.find_element(By.CSS_SELECTOR, '#present-steps b.pcount[data-step="count"]').text
        seen["present_hands"] = driver.find_element(By.ID, "present-hands").text
        driver.save_screenshot(screenshot.replace(".png", "-present.png"))
        seen["ok"] = (seen["mark"] == "no reload" and "s-passed" not in seen["before"] and "s-passed" in seen["after"])
    except Exception as error:  # report what was seen, then fail
        seen["ok"] = False
        seen["error"] = repr(error)
    finally:
        driver.quit()
    print(json.dumps(seen))
    return 0 if seen["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
