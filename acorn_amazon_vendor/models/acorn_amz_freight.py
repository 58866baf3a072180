"""The physical freight of deliveries, grouped the way the 856 describes it.

A plain helper (no model), shared by the 856 and the labels so both always see the
same cartons, pallets and quantities: per PO (HL O), its pallets (HL T) with their
cartons (HL P) or loose goods, its cartons straight under the order, and goods in
no package at all (S/O/I, which Amazon refuses).
"""

from collections import defaultdict
from decimal import Decimal

from ..x12 import to_decimal


class Freight:
    """What move lines ship, by PO, pallet and carton (see the module docstring).

    Attributes:
        orders: {sale.order: {"tares": {pallet: {"packs": {package: lines},
            "items": lines}}, "packs": {package: lines}, "items": lines}}, with
            record keys and ``stock.move.line`` recordsets as values.
    """

    def __init__(self, lines):
        empty = lines.browse()
        self.orders = {}
        for line in lines.sorted(lambda ml: (ml.result_package_id.name or "", ml.id)):
            order = line.move_id.sale_line_id.order_id or line.picking_id.sale_id
            node = self.orders.setdefault(
                order,
                {"tares": {}, "packs": defaultdict(lambda: empty), "items": empty},
            )
            package = line.result_package_id
            pallet = package.amz_pallet_id
            if pallet:
                tare = node["tares"].setdefault(
                    pallet, {"packs": defaultdict(lambda: empty), "items": empty}
                )
                if package.amz_loose_on_pallet:
                    tare["items"] |= line
                else:
                    tare["packs"][package] |= line
            elif package:
                node["packs"][package] |= line
            else:
                node["items"] |= line

    def cartons(self):
        """[(sale.order, pallet or None, package)] in 856 order."""
        found = []
        for order, node in self.sorted_orders():
            for pallet, tare in _by_name(node["tares"]):
                found += [(order, pallet, pack) for pack, _ in _by_name(tare["packs"])]
            found += [(order, None, pack) for pack, _ in _by_name(node["packs"])]
        return found

    def pallets(self):
        """{pallet: set of sale.orders on it}."""
        found = {}
        for order, node in self.orders.items():
            for pallet in node["tares"]:
                found.setdefault(pallet, set()).add(order)
        return found

    def sorted_orders(self):
        return sorted(
            self.orders.items(),
            key=lambda pair: (pair[0].amz_po_number or "", pair[0].id),
        )


def _by_name(mapping):
    return sorted(mapping.items(), key=lambda pair: (pair[0].name or "", pair[0].id))


def amazon_quantity(sale_line, quantity, uom):
    """Converts a shipped quantity to the unit Amazon ordered in (EA, or CA cases).

    Returns:
        Decimal: Possibly fractional when part of a case ships.
    """
    quantity = uom._compute_quantity(quantity, sale_line.product_uom, round=False)
    if sale_line.amz_ordered_qty and sale_line.product_uom_qty:
        quantity = quantity * sale_line.amz_ordered_qty / sale_line.product_uom_qty
    return to_decimal(quantity)


def item_groups(lines):
    """Groups move lines per (sale line, lot): [(sale_line, lot, Decimal qty)]."""
    totals = {}
    for line in lines:
        key = (line.move_id.sale_line_id, line.lot_id)
        quantity = (
            amazon_quantity(key[0], line.quantity, line.product_uom_id)
            if key[0]
            else to_decimal(line.quantity)
        )
        totals[key] = totals.get(key, Decimal(0)) + quantity
    return [
        (sale_line, lot, quantity)
        for (sale_line, lot), quantity in sorted(
            totals.items(),
            key=lambda pair: (
                pair[0][0].sequence,
                pair[0][0].id,
                pair[0][1].name or "",
            ),
        )
    ]
