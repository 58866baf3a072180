"""The addon's translation template holds every term users can see translated."""

from odoo.tests import TransactionCase, tagged

from odoo.addons.acorn_amazon_vendor.tests.test_i18n import assert_pot_complete


@tagged("post_install", "-at_install")
class TestTranslationTemplate(TransactionCase):
    def test_pot_holds_every_term(self):
        # One term of each kind the exporter reads: a model, a field, a view.
        known = ("Chain Store", "Store Code", "External POS")
        assert_pot_complete(self, "acorn_pos_bridge", known)
