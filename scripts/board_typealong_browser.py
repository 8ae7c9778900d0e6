"""Type-along on the class board in a real browser (headless Chromium through selenium).

Run by TypeAlongTests: it opens the board, waits until the instructor's list shows FIRST, marks
the window, writes READY and waits while the test shares SECOND; then it checks that SECOND came
without a reload, newest first, set as text. Prints one JSON line with what it saw; exits 1 on a
failure.

usage: board_typealong_browser.py BOARD_URL FIRST SECOND READY_FILE
"""
import json
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def commands(driver):
    return [element.text for element in driver.find_elements(By.CSS_SELECTOR, "#instructor-list li code")]


def main():
    board, first, second, ready = sys.argv[1:5]
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,720"]:
        options.add_argument(argument)
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    seen = {}
    try:
        driver.get(board)
        WebDriverWait(driver, 30).until(lambda d: first in commands(d))
        driver.execute_script("window.typeAlongMark = 'no reload';")
        with open(ready, "w") as f:
            f.write("ready\n")
        WebDriverWait(driver, 60).until(lambda d: second in commands(d))
        seen["mark"] = driver.execute_script("return window.typeAlongMark || null;")
        seen["commands"] = commands(driver)
        seen["output"] = driver.find_element(By.CSS_SELECTOR, "#instructor-list li pre").text
        seen["hidden"] = driver.find_element(By.ID, "instructor").get_attribute("hidden")
        seen["injected"] = len(driver.find_elements(By.CSS_SELECTOR, "#instructor-list b"))
    finally:
        driver.quit()
    print(json.dumps(seen))
    return 0 if seen.get("mark") == "no reload" else 1


if __name__ == "__main__":
    sys.exit(main())
