"""Package list for setuptools: everything under app/, plus the built-in decks from decks/.

The decks folder sits at the top of the repository (it is data, not code) and is installed as the
package data folder `app.builtin_decks`; pyproject.toml maps the folder and lists its files.
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["app", "app.*"]), "app.builtin_decks"])
