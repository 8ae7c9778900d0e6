"""Asks a URL from inside the Docker network and prints the answer: `python3 probe.py URL`.

Module 2 runs it in a second container on the same user-defined network, where the web
container answers to its name.
"""
import sys
import urllib.request

with urllib.request.urlopen(sys.argv[1], timeout=10) as response:
    print(response.status, response.read().decode("utf-8").strip())
