"""A chain store bound to Odoo's test POS, and orders synced the way the POS does."""

from odoo.addons.point_of_sale.tests.common import TestPoSCommon


class ChainPosCommon(TestPoSCommon):
    """Odoo's POS test setup (``basic_config``) bound to a chain store in New York."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The test user runs the POS and, here, also sets up the chain stores.
        cls.env.user.groups_id += cls.env.ref("acorn_pos_bridge.group_chain_manager")

    def setUp(self):
        super().setUp()
        self.config = self.basic_config
        self.mug = self.create_product("Chain Mug", self.categ_basic, 10.0, 4.0)
        self.mug.default_code = "CH-MUG"
        self.tea = self.create_product("Chain Tea", self.categ_basic, 6.0, 2.5)
        self.adjust_inventory([self.mug, self.tea], [100, 100])
        self.store = self.env["acorn.store"].create(
            {
                "name": "Fifth Avenue",
                "store_code": "NY5",
                "source": "odoo_pos",
                "pos_config_id": self.config.id,
                "tz": "America/New_York",
            }
        )
        self.Fact = self.env["acorn.channel.sale"]

    def _ui_order(self, lines, uuid=None, date_order=None, state="paid"):
        """An order as the POS frontend sends it: state 'paid', date in UTC."""
        data = self.create_ui_order_data(lines, uuid=uuid)
        data["state"] = state
        if date_order:
            data["date_order"] = date_order
        return data

    def _sync(self, *orders_data):
        """Syncs like the POS (``sync_from_ui``); the orders saved."""
        result = self.env["pos.order"].sync_from_ui(list(orders_data))
        return self.env["pos.order"].browse([o["id"] for o in result["pos.order"]])

    def _facts(self, orders):
        return self.Fact.search(
            [("pos_order_line_id.order_id", "in", orders.ids)], order="id"
        )
