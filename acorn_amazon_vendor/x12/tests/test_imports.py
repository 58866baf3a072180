"""The x12 package stays pure: no odoo import, only relative imports inside it."""

import ast
import sys
import unittest
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
# Top-level modules x12 code may import (standard library and, in tests, test tools).
THIRD_PARTY_IN_TESTS = frozenset({"hypothesis", "pyx12"})


def _imports(path):
    tree = ast.parse(path.read_text(), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, 0, alias.name
        elif isinstance(node, ast.ImportFrom):
            yield node.lineno, node.level, node.module or ""


class TestPurity(unittest.TestCase):
    def test_modules_found(self):
        self.assertGreater(len(list(PACKAGE.rglob("*.py"))), 15)

    def test_no_odoo_and_only_relative_package_imports(self):
        allowed = set(sys.stdlib_module_names)
        for path in sorted(PACKAGE.rglob("*.py")):
            in_tests = "tests" in path.relative_to(PACKAGE).parts
            for line, level, name in _imports(path):
                where = f"{path.relative_to(PACKAGE)}:{line}"
                with self.subTest(where=where):
                    top = name.split(".")[0]
                    self.assertNotEqual(top, "odoo")
                    if level:
                        continue
                    self.assertNotIn(top, {"x12", "acorn_amazon_vendor"})
                    extra = THIRD_PARTY_IN_TESTS if in_tests else frozenset()
                    self.assertIn(top, allowed | extra)

    def test_every_module_has_a_docstring(self):
        for path in sorted(PACKAGE.rglob("*.py")):
            if path.name == "__init__.py" and path.parent.name == "tests":
                continue
            with self.subTest(module=str(path.relative_to(PACKAGE))):
                self.assertTrue(ast.get_docstring(ast.parse(path.read_text())))
