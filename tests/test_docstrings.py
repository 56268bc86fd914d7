"""Every example in the package's docstrings runs and gives what it says."""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import pkgutil
import sys
from pathlib import Path

import pytest

import geo

MODULES = sorted(
    module.name
    for module in pkgutil.walk_packages(geo.__path__, "geo.")
    if not module.name.endswith("__main__")  # importing it runs the command line
)


@pytest.mark.parametrize("name", MODULES)
def test_the_examples_of_each_module_hold(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_the_examples_of_the_data_build_script_hold():
    """scripts/build_data.py is run by hand, not imported by the package: its examples
    are run from its file."""
    path = Path(__file__).resolve().parent.parent / "scripts" / "build_data.py"
    spec = importlib.util.spec_from_file_location("build_data", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_data"] = module  # dataclasses look their module up while building
    try:
        spec.loader.exec_module(module)
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    finally:
        del sys.modules["build_data"]
    assert result.attempted > 0 and result.failed == 0
