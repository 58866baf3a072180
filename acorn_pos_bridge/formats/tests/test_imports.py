"""The formats package stays pure: no odoo import, only relative package imports."""

import ast
import sys
import unittest
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
# Beyond the standard library: openpyxl (Odoo's own dependency, loaded lazily by
# the XLSX reader) and, in tests, the test tools.
THIRD_PARTY = frozenset({"openpyxl"})
THIRD_PARTY_IN_TESTS = frozenset({"hypothesis"})


def _imports(path):
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, 0, alias.name
        elif isinstance(node, ast.ImportFrom):
            yield node.lineno, node.level, node.module or ""


class TestPurity(unittest.TestCase):
    def test_modules_found(self):
        self.assertGreaterEqual(len(list(PACKAGE.rglob("*.py"))), 8)

    def test_no_odoo_and_only_relative_package_imports(self):
        allowed = set(sys.stdlib_module_names) | THIRD_PARTY
        for path in sorted(PACKAGE.rglob("*.py")):
            in_tests = "tests" in path.relative_to(PACKAGE).parts
            for line, level, name in _imports(path):
                with self.subTest(where=f"{path.relative_to(PACKAGE)}:{line}"):
                    top = name.split(".")[0]
                    self.assertNotEqual(top, "odoo")
                    if level:
                        continue
                    self.assertNotIn(top, {"formats", "acorn_pos_bridge"})
                    extra = THIRD_PARTY_IN_TESTS if in_tests else frozenset()
                    self.assertIn(top, allowed | extra)

    def test_every_module_has_a_docstring(self):
        for path in sorted(PACKAGE.rglob("*.py")):
            with self.subTest(module=str(path.relative_to(PACKAGE))):
                self.assertTrue(ast.get_docstring(ast.parse(path.read_text())))

    def test_openpyxl_is_imported_inside_the_reader_only(self):
        for path in sorted(PACKAGE.glob("*.py")):
            tree = ast.parse(path.read_text())
            for node in tree.body:
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                with self.subTest(module=path.name):
                    self.assertNotIn("openpyxl", names)
