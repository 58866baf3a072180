"""Routing of received files: each goes to the account it names, or is refused.

A file is read once, then its first interchange picks the account of the company
it is addressed to (ISA07/ISA08 and GS03); a file that names a sibling account
moves there before any set is stored. Every interchange and group is then checked
against that account and against Amazon's identifiers (ISA05/ISA06, GS02): what is
not addressed to us is refused with located errors, and the acknowledgment built
from the report says so (TA1 for the envelope, 997 AK9 R for a group). Refused sets
are stored in error, never imported, and cannot be retried. Files are never moved
across companies. Kept apart from the archive and intake of files
(acorn_edi_interchange.py); both define the one model ``acorn.edi.interchange``.
"""

import dataclasses

from odoo import fields, models

from ..x12.addressing import check_addressing, find_mailbox, refuse
from .acorn_edi_interchange import error_text


class AcornEdiInterchange(models.Model):
    _inherit = "acorn.edi.interchange"  # pylint: disable=consider-merging-classes-inherited

    received_by_id = fields.Many2one(
        "acorn.vendor.account",
        readonly=True,
        check_company=True,
        help="The account whose transport or upload brought this file in, when "
        "the file is addressed to another account of the company.",
    )
    refused = fields.Boolean(
        string="Refused (not addressed to us)",
        readonly=True,
        index=True,
        help="All or part of the file names another receiver or another sender "
        "than this account's: those sets were refused with a TA1 or 997.",
    )
    routing_note = fields.Text(
        readonly=True, help="Where the file was routed, or why it was refused."
    )

    def _amz_route(self, report):
        """Routes a received file to the account it names and refuses the rest.

        Args:
            report: The FileReport of this file.

        Returns:
            The FileReport with the addressing errors folded in (see
            ``x12.addressing.refuse``).
        """
        self.ensure_one()
        named = [one for one in report.interchanges if one.header is not None]
        if self.direction != "inbound" or not named:
            return report
        target = self._amz_addressee(named[0])
        if target and target != self.account_id:
            self._amz_move_to(target, named[0])
        return self._amz_check_addressing(report)

    def _amz_company_accounts(self):
        """The active accounts of the file's company, the receiving one first."""
        accounts = (
            self.env["acorn.vendor.account"]
            .sudo()
            .search([("company_id", "=", self.company_id.id)])
        )
        return self.account_id | accounts

    def _amz_addressee(self, interchange):
        """The account of this company the interchange is addressed to, if any."""
        accounts = self._amz_company_accounts()
        key = find_mailbox(interchange, [(a.id, a._amz_mailbox()) for a in accounts])
        return accounts.browse(key) if key else None

    def _amz_move_to(self, target, interchange):
        """Hands the file to the sibling account it names, before any set is stored."""
        source = self.account_id
        target._amz_lock_intake()
        earlier = self.search(
            [
                ("account_id", "=", target.id),
                ("direction", "=", "inbound"),
                ("sha256", "=", self.sha256),
                ("id", "!=", self.id),
            ],
            order="id",
            limit=1,
        )
        header = interchange.header
        self.write(
            {
                "account_id": target.id,
                "received_by_id": source.id,
                "duplicate_of_id": earlier.id,
                "routing_note": self.env._(
                    "Received by account %(receiver)s and addressed to account "
                    "%(target)s (ISA08 %(isa)s, GS03 %(gs)s): processed there.",
                    receiver=source.display_name,
                    target=target.display_name,
                    isa=header.receiver_id,
                    gs=", ".join(g.header.receiver for g in interchange.groups),
                ),
            }
        )

    def _amz_check_addressing(self, report):
        """Refuses what is not addressed to this file's account or not from Amazon."""
        account = self.account_id
        mailbox, sender = account._amz_mailbox(), account._amz_partner_mailbox()
        interchanges, errors = [], []
        for one in report.interchanges:
            if one.header is not None:
                isa_errors, group_errors = check_addressing(one, mailbox, sender)
                if isa_errors or group_errors:
                    one = refuse(one, isa_errors, group_errors)
                    errors += isa_errors
                    errors += [e for found in group_errors.values() for e in found]
            interchanges.append(one)
        if errors:
            self._amz_note_refusal(report, errors)
        return dataclasses.replace(report, interchanges=tuple(interchanges))

    def _amz_note_refusal(self, report, errors):
        note = error_text(self.filename, errors)
        if self._amz_names_other_company(report):
            note += "\n" + self.env._(
                "The receiver named is an account of another company: files are "
                "never imported across companies. Deliver it to that company."
            )
        if self.routing_note:
            note = f"{self.routing_note}\n{note}"
        self.write({"refused": True, "routing_note": note})

    def _amz_names_other_company(self, report):
        """True when an interchange is addressed to another company's account."""
        others = (
            self.env["acorn.vendor.account"]
            .sudo()
            .search([("company_id", "!=", self.company_id.id)])
        )
        for interchange in report.interchanges:
            if interchange.header is not None and find_mailbox(
                interchange, [(a.id, a._amz_mailbox()) for a in others]
            ):
                return True
        return False
