"""One search box over every Amazon reference, landing on the chain of records.

A PO, ASN, SSCC, invoice, BOL/PRO/ARN, file name or control number (ISA13, GS06,
ST02) finds its seed records (``_chain_find``); the chain grows along the links of
each model (``_chain_neighbours``) until nothing new appears: order, 850/855
messages, deliveries, shipment, pallets and cartons, 856, invoice, 810, 997s. A
flow adds its records by overriding ``_chain_find`` and ``_chain_neighbours`` and
naming its step in ``_chain_step`` (docs/cockpit.md).
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

# Links followed from the seeds; a chain rarely needs more than three.
MAX_ROUNDS = 5
# Records kept per model, so that a very common reference stays readable.
MAX_PER_MODEL = 200
# Place of each message in the chain, by document type.
MESSAGE_STEPS = {"850": 20, "855": 30, "856": 70, "810": 90, "820": 97, "997": 100}


class AcornEdiSearch(models.TransientModel):
    """See the module docstring."""

    _name = "acorn.edi.search"
    _description = "Find an Amazon Reference"
    _rec_name = "query"

    query = fields.Char(
        string="Reference",
        help="Find a PO, ASN, SSCC, invoice or trace number (ISA13, GS06, ST02, "
        "file name, BOL, PRO, ARN).",
    )
    line_ids = fields.One2many("acorn.edi.search.line", "search_id", string="Chain")
    result_count = fields.Integer(compute="_compute_result_count")
    searched = fields.Boolean(readonly=True)

    @api.depends("line_ids")
    def _compute_result_count(self):
        for search in self:
            search.result_count = len(search.line_ids)

    def action_search(self):
        """Fills the chain of the reference and shows it on the same screen."""
        self.ensure_one()
        query = (self.query or "").strip()
        if len(query) < 3:
            raise UserError(self.env._("Type at least 3 characters of a reference."))
        chain = self._chain_expand(self._chain_find(query))
        self.line_ids = [(5, 0, 0)] + [
            (0, 0, values) for values in self._chain_lines(chain)
        ]
        self.searched = True
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }

    # -- the registry: seeds, links, steps -------------------------------------

    def _chain_readable(self, model_name):
        model = self.env.get(model_name)
        return model is not None and model.has_access("read")

    def _chain_find(self, query):
        """The records the reference names directly.

        Returns:
            dict: {model name: recordset}
        """
        same = "=ilike"
        sources = {
            "sale.order": [
                ("amz_account_id", "!=", False),
                "|",
                ("amz_po_number", same, query),
                ("name", same, query),
            ],
            "acorn.amz.shipment": [
                "|",
                "|",
                "|",
                ("name", same, query),
                ("bill_of_lading", same, query),
                ("pro_number", same, query),
                ("arn", same, query),
            ],
            "acorn.amz.pallet": [("name", same, query)],
            "stock.quant.package": [("name", same, query)],
            "stock.picking": [("amz_account_id", "!=", False), ("name", same, query)],
            "account.move": [
                ("amz_account_id", "!=", False),
                "|",
                ("name", same, query),
                ("ref", same, query),
            ],
            "acorn.edi.message": self._chain_message_domain(query),
            "acorn.edi.interchange": [("filename", same, query)],
        }
        return {
            model: self.env[model].search(domain, limit=MAX_PER_MODEL)
            for model, domain in sources.items()
            if self._chain_readable(model)
        }

    @staticmethod
    def _chain_message_domain(query):
        fields_searched = (
            "po_number",
            "shipment_number",
            "invoice_number",
            "isa_control",
            "gs_control",
            "st_control",
        )
        domain = [(name, "=ilike", query) for name in fields_searched]
        return ["|"] * (len(domain) - 1) + domain

    def _chain_neighbours(self, model_name, records):
        """The records one link away from ``records`` (a recordset of the model).

        Returns:
            list: recordsets of any models.
        """
        if model_name == "sale.order":
            return [records.amz_message_ids, records.picking_ids, records.invoice_ids]
        if model_name == "stock.picking":
            return [records.sale_id, records.amz_shipment_id, records.amz_package_ids]
        if model_name == "acorn.amz.shipment":
            return [
                records.picking_ids,
                records.package_ids,
                records.pallet_ids,
                records.asn_message_ids,
            ]
        if model_name == "acorn.amz.pallet":
            return [records.shipment_id]
        if model_name == "stock.quant.package":
            pickings = self.env["stock.picking"].search(
                [
                    ("amz_account_id", "!=", False),
                    ("move_line_ids.result_package_id", "in", records.ids),
                ],
                limit=MAX_PER_MODEL,
            )
            return [pickings, records.amz_pallet_id]
        if model_name == "account.move":
            return [records.amz_order_id, records.amz_message_ids]
        if model_name == "acorn.edi.message":
            return self._chain_message_neighbours(records)
        return []

    @staticmethod
    def _chain_message_neighbours(messages):
        acks = messages.filtered(lambda message: message.document_type == "997")
        documents = messages - acks
        return [
            acks.parent_id,
            documents.sale_order_id,
            documents.move_id,
            documents.amz_shipment_id,
            documents.child_ids,
            documents.ack_message_id,
        ]

    def _chain_expand(self, chain):
        """Follows the links until the chain stops growing."""
        chain = {model: records for model, records in chain.items() if records}
        fresh = dict(chain)
        for _round in range(MAX_ROUNDS):
            found = {}
            for model_name, records in fresh.items():
                for neighbours in self._chain_neighbours(model_name, records):
                    name = neighbours._name
                    if neighbours and self._chain_readable(name):
                        found[name] = found.get(name, neighbours.browse()) | neighbours
            fresh = {}
            for name, records in found.items():
                known = chain.get(name, records.browse())
                new = (records - known)[: max(MAX_PER_MODEL - len(known), 0)]
                if new:
                    chain[name] = known | new
                    fresh[name] = new
            if not fresh:
                break
        return chain

    def _chain_step(self, record):
        """(sequence, label) of a record's step in the chain."""
        if record._name == "acorn.edi.message":
            label = dict(
                record._fields["document_type"]._description_selection(self.env)
            )
            return (
                MESSAGE_STEPS.get(record.document_type, 105),
                label.get(record.document_type, record.document_type),
            )
        return self._chain_steps().get(record._name, (120, record._description))

    def _chain_steps(self):
        """(sequence, label) of each step of the chain, by model."""
        return {
            "sale.order": (10, self.env._("Order")),
            "stock.picking": (40, self.env._("Delivery")),
            "acorn.amz.shipment": (50, self.env._("Shipment")),
            "acorn.amz.pallet": (55, self.env._("Pallet")),
            "stock.quant.package": (60, self.env._("Carton")),
            "account.move": (80, self.env._("Invoice")),
            "acorn.edi.interchange": (110, self.env._("File")),
        }

    def _chain_lines(self, chain):
        lines = []
        for records in chain.values():
            for record in records.sudo(False):
                sequence, label = self._chain_step(record)
                lines.append(
                    {
                        "sequence": sequence,
                        "step": label,
                        "name": record.display_name,
                        "res_model": record._name,
                        "res_id": record.id,
                        "status": self._chain_status(record),
                        "attachment_id": self._chain_attachment(record).id,
                    }
                )
        return sorted(lines, key=lambda line: (line["sequence"], line["name"]))

    @staticmethod
    def _chain_status(record):
        for name in ("state", "amz_edi_state", "asn_state"):
            field = record._fields.get(name)
            if field and field.type == "selection" and record[name]:
                return dict(field._description_selection(record.env)).get(record[name])
        return False

    @staticmethod
    def _chain_attachment(record):
        if record._name in ("acorn.edi.message", "acorn.edi.interchange"):
            return record.sudo().attachment_id
        return record.env["ir.attachment"]
