"""What a received set says: its warnings, and its business lines shown best-effort.

A code value outside our lists is a warning (AK5 ``E``): the set is processed and the
warnings are kept on its message. The message form shows the set's lines (PO1, IT1,
RMR, LIN, item HL, AK2) read from the archived file, even when the set failed its
grammar, so a user sees what the partner sent. Both files define the one model
``acorn.edi.message``.
"""

import json

from markupsafe import Markup

from odoo import fields, models

from ..x12 import validate_file
from ..x12.show import check_document, document_dict

# Lines shown on the form at most (the file holds the rest).
MAX_LINES_SHOWN = 200


def _cell(value):
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, separators=(", ", ": "))
    return "" if value is None else str(value)


def lines_table(lines):
    """Returns an HTML table of ``document_dict`` lines (escaped), or ""."""
    if not lines:
        return Markup("")
    columns = list(dict.fromkeys(key for line in lines for key in line))
    head = Markup("").join(Markup("<th>%s</th>") % column for column in columns)
    rows = Markup("").join(
        Markup("<tr>%s</tr>")
        % Markup("").join(
            Markup("<td>%s</td>") % _cell(line.get(column)) for column in columns
        )
        for line in lines[:MAX_LINES_SHOWN]
    )
    return Markup(
        '<table class="table table-sm o_amz_set_lines"><thead><tr>%s</tr></thead>'
        "<tbody>%s</tbody></table>"
    ) % (head, rows)


class AcornEdiMessage(models.Model):
    _inherit = "acorn.edi.message"  # pylint: disable=consider-merging-classes-inherited

    warning_message = fields.Text(
        string="Warnings",
        readonly=True,
        help="What the set holds outside our lists (AK5 E): the set was accepted "
        "and processed; check the values if they matter to you.",
    )
    content_html = fields.Html(
        string="Content",
        compute="_compute_content_html",
        sanitize=False,
        help="The set's lines as read from the archived file (best effort when the "
        "set failed its grammar).",
    )

    def _compute_content_html(self):
        for message in self:
            message.content_html = message._amz_content_html()

    def _amz_content_html(self):
        """The lines of this inbound set, as an HTML table with a status line."""
        transaction, component = self._amz_find_set()
        if transaction is None:
            return False
        document, problems = check_document(transaction, component)
        shown = document_dict(transaction, document, problems)
        lines = shown["lines"]
        summary = self.env._(
            "%(count)s line(s) read%(effort)s.",
            count=len(lines),
            effort=self.env._(" (best effort: the set did not parse as a document)")
            if shown.get("best_effort")
            else "",
        )
        return Markup("<p>%s</p>") % summary + lines_table(lines)

    def _amz_find_set(self):
        """Returns (TransactionSet with segments, component separator) or (None, "")."""
        self.ensure_one()
        if (
            self.direction != "inbound"
            or not self.interchange_id
            or not (self.set_position)
        ):
            return None, ""
        report = validate_file(
            self.interchange_id.sudo()._get_payload(), keep_segments=True
        )
        for interchange, _group, transaction in report.located_sets():
            if transaction.position == self.set_position:
                header = interchange.header
                return transaction, header.delimiters.component if header else ">"
        return None, ""
