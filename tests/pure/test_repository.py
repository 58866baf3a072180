"""Repository rules that hold for every addon, checked without a database."""

import ast
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ADDONS = ("acorn_amazon_vendor", "acorn_pos_bridge")
# Libraries an addon may use but must never need just to load: imported inside
# the function that uses them, so one missing library cannot stop Odoo.
OPTIONAL_LIBRARIES = {"paramiko", "pyx12", "xlsxwriter", "cryptography", "hypothesis"}


def addon_modules():
    for addon in ADDONS:
        for path in sorted((ROOT / addon).rglob("*.py")):
            if "tests" not in path.relative_to(ROOT).parts:
                yield path


def top_level_imports(path):
    """Names imported at module level (not inside a function or class)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in tree.body:
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


def loaded_modules(addon_dir):
    """The model and wizard modules the addon's packages import (what Odoo loads)."""
    for folder in ("models", "wizards"):
        init = addon_dir / folder / "__init__.py"
        if not init.exists():
            continue
        for node in ast.parse(init.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                for alias in node.names:
                    yield addon_dir / folder / f"{alias.name}.py"


def models_declared(path):
    """The ``_name`` of each stored or transient model class a module defines.

    Abstract models have no table and need no access rights.
    """
    names = set()
    for cls in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(cls, ast.ClassDef):
            continue
        bases = {getattr(base, "attr", getattr(base, "id", "")) for base in cls.bases}
        if not bases & {"Model", "TransientModel"}:
            continue
        for node in cls.body:
            if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == "_name"
                for target in node.targets
            ):
                names.add(node.value.value)
    return names


class TestRepository(unittest.TestCase):
    def test_optional_libraries_are_imported_lazily(self):
        offenders = [
            f"{path.relative_to(ROOT)}: {name}"
            for path in addon_modules()
            for name in top_level_imports(path)
            if name in OPTIONAL_LIBRARIES
        ]
        self.assertEqual(offenders, [])

    def test_manifests_are_complete(self):
        for addon in ADDONS:
            manifest = ast.literal_eval((ROOT / addon / "__manifest__.py").read_text())
            with self.subTest(addon=addon):
                self.assertRegex(manifest["version"], r"^18\.0\.\d+\.\d+\.\d+$")
                self.assertEqual(manifest["license"], "LGPL-3")
                for key in ("name", "summary", "author", "maintainers", "depends"):
                    self.assertTrue(manifest.get(key), key)
                self.assertTrue(
                    (ROOT / addon / "static/description/icon.png").is_file()
                )
                self.assertTrue(
                    (ROOT / addon / "static/description/index.html").is_file()
                )
                for data_file in manifest.get("data", []) + manifest.get("demo", []):
                    self.assertTrue((ROOT / addon / data_file).is_file(), data_file)

    def test_every_model_has_access_rights(self):
        for addon in ADDONS:
            declared = set()
            for path in loaded_modules(ROOT / addon):
                declared |= models_declared(path)
            # Only models of our own: core models we extend keep their rights.
            ours = {name for name in declared if name.startswith("acorn.")}
            access = (ROOT / addon / "security/ir.model.access.csv").read_text()
            with self.subTest(addon=addon):
                self.assertTrue(ours)
                for model in ours:
                    self.assertIn("model_" + model.replace(".", "_") + ",", access)

    def test_no_odoo_source_in_repository(self):
        self.assertFalse((ROOT / "odoo-bin").exists())
        self.assertFalse((ROOT / "odoo").exists())
