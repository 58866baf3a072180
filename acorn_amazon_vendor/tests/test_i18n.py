"""The addon's translation template holds every term users can see translated."""

import tempfile
from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationModuleReader

REGENERATE = "source setup/env.sh && $ACORN_PYTHON setup/make_pot.py"


def translatable_terms(env, module):
    """The module's terms as Odoo's exporter reads them (records, views, code)."""
    reader = TranslationModuleReader(env.cr, modules=[module])
    # Rows are (module, type, name, res_id, source, value, comments).
    return {row[4] for row in reader if row[0] == module}


def pot_path(module):
    """The path of the module's i18n/<module>.pot."""
    return file_path(f"{module}/i18n/{module}.pot")


def pot_gaps(terms, path):
    """The terms missing from the .pot at ``path``, sorted."""
    return sorted(terms - {entry.msgid for entry in polib.pofile(path)})


def assert_pot_complete(case, module, known_terms):
    """Fails ``case`` when a term of ``module`` is missing from its .pot.

    ``known_terms`` must be among the terms read, so that a reader finding
    nothing cannot pass.
    """
    terms = translatable_terms(case.env, module)
    for term in known_terms:
        case.assertIn(term, terms)
    missing = pot_gaps(terms, pot_path(module))
    case.assertFalse(
        missing,
        f"{len(missing)} term(s) of {module} are missing from its .pot; "
        f"regenerate it with `{REGENERATE}`: {missing[:10]}",
    )


@tagged("post_install", "-at_install")
class TestTranslationTemplate(TransactionCase):
    def test_pot_holds_every_term(self):
        # One term of each kind the exporter reads: a model, a field, a code message.
        known = (
            "Amazon EDI Message",
            "Retryable",
            "None of these messages is in a state that can be retried.",
        )
        assert_pot_complete(self, "acorn_amazon_vendor", known)

    def test_a_missing_term_is_found(self):
        terms = {"Amazon EDI Message", "Retryable"}
        pot = polib.pofile(pot_path("acorn_amazon_vendor"))
        pot.remove(next(entry for entry in pot if entry.msgid == "Retryable"))
        with tempfile.TemporaryDirectory() as work:
            path = Path(work) / "short.pot"
            pot.save(str(path))
            self.assertEqual(pot_gaps(terms, str(path)), ["Retryable"])
