"""What stops an order's 855: ``_amz_check_855()`` returns ``{key: message}``.

Amazon's 855 rules live once, in x12 (FACTS §4.3): ``check_855`` (a backorder
carries its date) and ``check_855_against_850`` (the acked cost is not above the
PO cost, no more than ordered, no backorder when CSH01 is N), run on the 855 as
it would be built against the 850 as the order keeps it. This file adds only what
the records know: a status chosen, a reason for a rejected line, a quantity on an
accepted one, a product matched, and the 48 h window after the first 855.
"""

from odoo import models

from ..x12 import (
    ProductId,
    PurchaseOrder,
    PurchaseOrderLine,
    check_855,
    check_855_against_850,
    to_decimal,
)
from ..x12.order_checks import ack_layout
from .sale_order_line import MIN_CONFIRMATION_RATE

# The x12 rules (problem codes) whose errors belong to one line, and the key of
# that line's problem; an error of another rule is shown as x12 words it.
LINE_RULES = {
    "ack-date": "date",
    "ack-backorder-not-allowed": "backorder",
    "ack-total": "excess",
    "ack-price": "cost",
}


class SaleOrder(models.Model):
    _inherit = "sale.order"  # pylint: disable=consider-merging-classes-inherited

    def _amz_check_855(self):
        """Returns what stops this 855 from going out, as ``{key: message}``."""
        self.ensure_one()
        lines = self._amz_lines()
        if not lines:
            return {
                "no_lines": self.env._("The order has no Amazon line to acknowledge.")
            }
        late = not self._amz_check_change_window()
        by_line, errors = self._amz_855_rule_problems(lines)
        for line in lines:
            problems = self._amz_check_855_line(line, late) | by_line.get(line, {})
            for key, message in problems.items():
                errors[f"line_{line.id}_{key}"] = self.env._(
                    "Line %(line)s: %(problem)s",
                    line=line.amz_line_number or line.sequence,
                    problem=message,
                )
        return errors

    def _amz_check_855_line(self, line, late):
        """What the records know about one line (Amazon's rules are in x12)."""
        status, problems = line.amz_ack_status, {}
        if not status:
            problems["status"] = self.env._("choose accepted, backordered or rejected.")
        if status == "IR" and not line.amz_reject_reason:
            problems["reason"] = self.env._("say why the line is rejected.")
        if status in ("IA", "IB") and line.amz_ack_qty <= 0:
            problems["quantity"] = self.env._("an accepted line needs a quantity.")
        if not line.display_type and not line.product_id and status != "IR":
            problems["product"] = self.env._("no product matched: reject it.")
        changed = line.amz_sent_status and (
            (line.amz_sent_status, line.amz_sent_qty, line.amz_sent_cost)
            != (status, line.amz_ack_qty, line.amz_ack_cost)
        )
        if late and changed:
            problems["late"] = self.env._(
                "more than 48 h after the first 855 only ship dates may change."
            )
        return problems

    def _amz_855_rule_problems(self, lines):
        """Amazon's 855 rules, from x12, on the 855 as it would be built.

        Returns:
            tuple: ({sale.order.line: {key: message}} for the rules of
            ``LINE_RULES``, {key: message} for any other error).
        """
        ack = self._amz_prepare_855()
        layout = ack_layout(ack)
        at_position = {}
        for line, (po1, position) in zip(lines, layout, strict=True):
            at_position.setdefault(po1, line)
            at_position[position] = line
        po = self._amz_po_ordered(lines, layout)
        by_line, others = {}, {}
        texts = self._amz_855_rule_texts()
        problems = check_855(ack) + check_855_against_850(ack, po)
        for number, problem in enumerate(problems):
            if problem.severity != "error":
                continue
            line = at_position.get(problem.set_position)
            key = LINE_RULES.get(problem.code)
            if line and key:
                by_line.setdefault(line, {})[key] = texts[key]
            else:
                others[f"x12_{problem.code}_{number}"] = str(problem)
        return by_line, others

    def _amz_855_rule_texts(self):
        return {
            "date": self.env._("a backorder needs the date it will ship."),
            "backorder": self.env._("this PO allows no backorder (CSH*N)."),
            "excess": self.env._("more than Amazon ordered."),
            "cost": self.env._("the acked cost may not exceed the PO cost."),
        }

    def _amz_po_ordered(self, lines, layout):
        """The 850 as the order keeps it: the PO1 values of its lines and CSH01.

        Each PO line takes the set position of the 855 PO1 that answers it, so
        that a problem x12 locates at either one maps back to its order line.
        """
        return PurchaseOrder(
            po_number=self.amz_po_number,
            purpose="00",
            order_type=self.amz_po_type or "",
            order_date=self.amz_po_date or None,
            references=(),
            backorder_code="Y" if self.amz_backorder_allowed else "N",
            window_start=self.amz_window_start or None,
            window_end=self.amz_window_end or None,
            currency="",
            ship_to=None,
            parties=(),
            notes=(),
            lines=self._amz_po_lines_ordered(lines, layout),
            line_count=None,
            hash_total=None,
            control_number="",
            version="004010",
        )

    def _amz_po_lines_ordered(self, lines, layout):
        return tuple(
            PurchaseOrderLine(
                line_number=line.amz_line_number or "",
                quantity=to_decimal(line.amz_ordered_qty),
                uom=line.amz_uom or "EA",
                unit_price=to_decimal(line.amz_cost) if line.amz_cost else None,
                price_basis=line.amz_price_basis or "",
                product_ids=tuple(
                    ProductId(qualifier, value)
                    for qualifier, value in line._amz_product_pairs()
                ),
                segment_position=0,
                set_position=po1,
            )
            for line, (po1, _position) in zip(lines, layout, strict=True)
        )

    def _amz_855_warnings(self):
        """Lines confirmed below Amazon's 80 % rate (legal, but charged back)."""
        self.ensure_one()
        warnings = {}
        for line in self._amz_lines():
            if line.amz_ordered_qty and line.amz_confirm_rate < MIN_CONFIRMATION_RATE:
                warnings[f"rate_{line.id}"] = self.env._(
                    "Line %(line)s (%(ids)s): %(rate)s %% confirmed, below Amazon's "
                    "80 %%: unconfirmed units are charged back.",
                    line=line.amz_line_number or line.sequence,
                    ids=line.amz_identifiers or line.name,
                    rate=round(line.amz_confirm_rate),
                )
        return warnings
