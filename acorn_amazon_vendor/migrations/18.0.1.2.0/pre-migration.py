"""Before 18.0.1.2.0 loads: outbound states in one vocabulary, renamed fields.

* The 855 state of sale orders and the 856 state of shipments said "pending" and
  "acked" where invoices said "generated" and "accepted", and "error" for a
  document Amazon rejected; all three now use the states of
  ``acorn.edi.document.mixin`` (stored values are rewritten here, before the
  registry loads).
* Fields renamed to say what they hold keep their data: the column, its
  ``ir.model.fields`` row and their XML ids are renamed the way
  ``openupgradelib.rename_fields`` does it, so that the upgrade neither creates
  an empty column beside the old one nor deletes the old field (and its column)
  as data no module defines any more.
"""

from odoo.tools import SQL
from odoo.tools.sql import column_exists

MODULE = "acorn_amazon_vendor"
# (model, table, old field name, new field name).
RENAMED_FIELDS = [
    # A Char holding "BP:B07R634M2P|EN:...", not a relation.
    ("sale.order.line", "sale_order_line", "amz_product_ids", "amz_identifiers"),
    # The 997 answer to an 810 (computed: no column), not an 855 state.
    ("account.move", "account_move", "amz_ack_state", "amz_997_state"),
]
# Old outbound state words of orders and shipments -> the shared vocabulary.
STATE_WORDS = {"pending": "generated", "acked": "accepted"}
# (table, stored state column, message column linking to it, document type).
OUTBOUND_STATE_COLUMNS = [
    ("sale_order", "amz_ack_state", "sale_order_id", "855"),
    ("acorn_amz_shipment", "asn_state", "amz_shipment_id", "856"),
]


def migrate(cr, version):
    if not version:
        return
    for model, table, old, new in RENAMED_FIELDS:
        rename_field(cr, model, table, old, new)
    for table, column, link, document_type in OUTBOUND_STATE_COLUMNS:
        rewrite_outbound_states(cr, table, column, link, document_type)


def rename_field(cr, model, table, old, new):
    """Renames a field of ``model``: column, ir.model.fields, XML ids, exports."""
    if column_exists(cr, table, old) and not column_exists(cr, table, new):
        cr.execute(
            SQL(
                "ALTER TABLE %s RENAME COLUMN %s TO %s",
                SQL.identifier(table),
                SQL.identifier(old),
                SQL.identifier(new),
            )
        )
    cr.execute(
        SQL(
            "UPDATE ir_model_fields SET name = %s WHERE model = %s AND name = %s",
            new,
            model,
            old,
        )
    )
    rename_xmlids(cr, model, old, new)
    cr.execute(
        SQL(
            "UPDATE ir_exports_line line SET name = %s FROM ir_exports export "
            "WHERE line.export_id = export.id AND export.resource = %s "
            "AND line.name = %s",
            new,
            model,
            old,
        )
    )


def rename_xmlids(cr, model, old, new):
    """The field's XML id and those of its selection values follow its name."""
    xmodel = model.replace(".", "_")
    cr.execute(
        SQL(
            "UPDATE ir_model_data SET name = %s "
            "WHERE module = %s AND model = 'ir.model.fields' AND name = %s",
            f"field_{xmodel}__{new}",
            MODULE,
            f"field_{xmodel}__{old}",
        )
    )
    old_prefix = f"selection__{xmodel}__{old}__"
    cr.execute(
        SQL(
            "UPDATE ir_model_data SET name = %s || substr(name, %s) "
            "WHERE module = %s AND model = 'ir.model.fields.selection' "
            "AND starts_with(name, %s)",
            f"selection__{xmodel}__{new}__",
            len(old_prefix) + 1,
            MODULE,
            old_prefix,
        )
    )


def rewrite_outbound_states(cr, table, column, link, document_type):
    """Rewrites one stored outbound state column in the shared vocabulary."""
    if not column_exists(cr, table, column):
        return
    for old, new in STATE_WORDS.items():
        cr.execute(
            SQL(
                "UPDATE %s SET %s = %s WHERE %s = %s",
                SQL.identifier(table),
                SQL.identifier(column),
                new,
                SQL.identifier(column),
                old,
            )
        )
    # A document Amazon rejected said "error"; it says "rejected" now.
    cr.execute(
        SQL(
            "UPDATE %s AS record SET %s = 'rejected' WHERE record.%s = 'error' AND ("
            "SELECT message.state FROM acorn_edi_message message "
            "WHERE message.%s = record.id AND message.document_type = %s "
            "ORDER BY message.id DESC LIMIT 1) = 'out_rejected'",
            SQL.identifier(table),
            SQL.identifier(column),
            SQL.identifier(column),
            SQL.identifier(link),
            document_type,
        )
    )
