"""The physical freight of deliveries, grouped the way the 856 describes it.

Not a model: a helper shared by the 856 and the labels, so both always see the
same cartons, pallets and quantities: per PO (HL O), its pallets (HL T) with their
cartons (HL P) or loose goods, its cartons straight under the order, and goods in
no package at all (S/O/I, which Amazon refuses).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from ..x12 import to_decimal


@dataclass
class FreightPallet:
    """What one pallet (HL T) carries for one PO.

    Attributes:
        packs: {stock.quant.package: stock.move.line} of the cartons on it.
        items: The ``stock.move.line`` loose on the pallet (S/O/T/I).
    """

    packs: dict
    items: object


@dataclass
class FreightOrder:
    """What ships for one PO (HL O).

    Attributes:
        tares: {acorn.amz.pallet: FreightPallet}.
        packs: {stock.quant.package: stock.move.line} of cartons in no pallet.
        items: The ``stock.move.line`` in no package (S/O/I, refused by Amazon).
    """

    tares: dict
    packs: dict
    items: object

    def all_lines(self):
        """Yields each group of move lines of the PO: loose, cartons, pallets."""
        yield self.items
        yield from self.packs.values()
        for tare in self.tares.values():
            yield tare.items
            yield from tare.packs.values()


@dataclass
class Freight:
    """What move lines ship, by PO, pallet and carton (see the module docstring).

    Attributes:
        orders: {sale.order: FreightOrder}.
    """

    orders: dict = field(default_factory=dict)

    @classmethod
    def of(cls, lines):
        """The freight of ``stock.move.line`` records, in carton name order."""
        empty = lines.browse()
        freight = cls()
        for line in lines.sorted(lambda ml: (ml.result_package_id.name or "", ml.id)):
            order = line.move_id.sale_line_id.order_id or line.picking_id.sale_id
            node = freight.orders.get(order)
            if node is None:
                node = freight.orders[order] = FreightOrder(
                    {}, defaultdict(lambda: empty), empty
                )
            freight._add(node, line, empty)
        return freight

    @staticmethod
    def _add(node, line, empty):
        package = line.result_package_id
        pallet = package.amz_pallet_id
        if pallet:
            tare = node.tares.get(pallet)
            if tare is None:
                tare = node.tares[pallet] = FreightPallet(
                    defaultdict(lambda: empty), empty
                )
            if package.amz_loose_on_pallet:
                tare.items |= line
            else:
                tare.packs[package] |= line
        elif package:
            node.packs[package] |= line
        else:
            node.items |= line

    def cartons(self):
        """[(sale.order, pallet or None, package)] in 856 order."""
        found = []
        for order, node in self.sorted_orders():
            for pallet, tare in by_name(node.tares):
                found += [(order, pallet, pack) for pack, _ in by_name(tare.packs)]
            found += [(order, None, pack) for pack, _ in by_name(node.packs)]
        return found

    def pallets(self):
        """{pallet: set of sale.orders on it}."""
        found = {}
        for order, node in self.orders.items():
            for pallet in node.tares:
                found.setdefault(pallet, set()).add(order)
        return found

    def sorted_orders(self):
        """[(sale.order, FreightOrder)] by PO number."""
        return sorted(
            self.orders.items(),
            key=lambda pair: (pair[0].amz_po_number or "", pair[0].id),
        )


def by_name(mapping):
    """The (record, value) pairs of ``mapping`` sorted by record name, then id."""
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
