"""What importing a batch of 850s needs to know, loaded once per batch.

Not a model: a helper the sale order importer builds for one account and a list of
parsed POs, so matching identifiers, looking up FCs, packagings and our prices costs
a few queries per batch instead of several per line.
"""

from odoo.tools import float_round

# Qualifiers a product's own fields can answer when the identifier table can't
# (FACTS §3.2 PO1): VN is our SKU, EN/UP/UK are barcodes.
FALLBACK_FIELDS = {
    "VN": "default_code",
    "EN": "barcode",
    "UP": "barcode",
    "UK": "barcode",
}


def barcode_spellings(qualifier, value):
    """A UPC-A is also written as an EAN-13 with a leading zero, and back."""
    spellings = {value}
    if qualifier in ("UP", "EN", "UK"):
        if len(value) == 12:
            spellings.add("0" + value)
        if len(value) == 13 and value.startswith("0"):
            spellings.add(value[1:])
    return spellings


class PurchaseOrderContext:
    """Identifier matches, FC addresses, packagings and prices for one batch.

    Args:
        account: The ``acorn.vendor.account`` (in the processing environment).
        orders: The parsed PurchaseOrders of the batch.
    """

    def __init__(self, account, orders):
        self.account = account
        self.env = account.env
        pairs = {
            (pid.qualifier, pid.value)
            for po in orders
            for line in po.lines
            for pid in line.product_ids
        }
        self.table = self._load_table(pairs)
        self.newest = self._load_newest()
        self.fallback = self._load_fallback(pairs)
        codes = {po.ship_to.id for po in orders if po.ship_to}
        fcs = self.env["acorn.amazon.fc"].search(
            [("account_id", "=", account.id), ("code", "in", list(codes))]
        )
        self.fcs = {fc.code: fc for fc in fcs}
        self.prices = {}
        self.learned = {}

    def _load_table(self, pairs):
        values = list({value for _, value in pairs})
        rows = self.env["acorn.product.identifier"].search_read(
            [("account_id", "=", self.account.id), ("value", "in", values)],
            ["qualifier", "value", "product_id"],
        )
        return {
            (row["qualifier"], row["value"]): (row["id"], row["product_id"][0])
            for row in rows
        }

    def _load_newest(self):
        """{(product id, qualifier): id of its newest active identifier}."""
        products = list({product for _, product in self.table.values()})
        if not products:
            return {}
        groups = self.env["acorn.product.identifier"]._read_group(
            [("account_id", "=", self.account.id), ("product_id", "in", products)],
            ["product_id", "qualifier"],
            ["id:max"],
        )
        return {
            (product.id, qualifier): newest for product, qualifier, newest in groups
        }

    def _load_fallback(self, pairs):
        """{(qualifier, value): product id} from SKUs and barcodes."""
        Product = self.env["product.product"].with_context(active_test=True)
        found = {}
        for qualifier, field_name in FALLBACK_FIELDS.items():
            wanted = {}
            for pair_qualifier, value in pairs:
                if pair_qualifier == qualifier and pair_qualifier not in ("BP",):
                    for spelling in barcode_spellings(qualifier, value):
                        wanted[spelling] = value
            if not wanted:
                continue
            rows = Product.search_read(
                [
                    (field_name, "in", list(wanted)),
                    ("company_id", "in", [False, self.account.company_id.id]),
                ],
                [field_name],
            )
            for row in rows:
                found.setdefault((qualifier, wanted[row[field_name]]), row["id"])
        return found

    def match(self, pairs):
        """Finds the product of one PO line from the identifiers Amazon sent.

        Args:
            pairs: ((qualifier, value), ...) in the order Amazon sent them.

        Returns:
            tuple: (product id or False, warnings, problems) — warnings for an older
            identifier still matching, problems when identifiers disagree.
        """
        found, warnings, problems = {}, [], []
        for qualifier, value in pairs:
            row = self.table.get((qualifier, value))
            if row:
                found[(qualifier, value)] = row[1]
                if self.newest.get((row[1], qualifier), row[0]) != row[0]:
                    warnings.append(
                        f"{qualifier} {value} is an older identifier of this product"
                    )
        if not found:
            for pair in pairs:
                if pair in self.fallback:
                    found[pair] = self.fallback[pair]
                    break
        products = set(found.values())
        if len(products) > 1:
            problems.append(
                "identifiers point to different products: "
                + ", ".join(f"{q} {v}" for q, v in found)
            )
            return False, warnings, problems
        product = products.pop() if products else False
        if product:
            self._learn(pairs, product)
        return product, warnings, problems

    def _learn(self, pairs, product):
        """Records the line's identifiers the table lacks, for the next POs."""
        for qualifier, value in pairs:
            if (qualifier, value) not in self.table and qualifier in dict(
                self.env["acorn.product.identifier"]._fields["qualifier"].selection
            ):
                self.learned.setdefault((qualifier, value), product)

    def save_learned(self):
        """Creates the identifiers learned in this batch."""
        if not self.learned:
            return
        self.env["acorn.product.identifier"].create(
            [
                {
                    "account_id": self.account.id,
                    "qualifier": qualifier,
                    "value": value,
                    "product_id": product,
                    "note": "Learned from a PO line",
                }
                for (qualifier, value), product in self.learned.items()
            ]
        )
        self.learned = {}

    def our_price(self, product):
        """Our price per unit for a product, from the account's pricelist."""
        if product.id not in self.prices:
            pricelist = (
                self.account.pricelist_id
                or self.account.partner_id.with_company(
                    self.account.company_id
                ).property_product_pricelist
            )
            if pricelist:
                price = pricelist._get_product_price(product, 1.0)
            else:
                price = product.lst_price
            self.prices[product.id] = float_round(price, precision_digits=4)
        return self.prices[product.id]
