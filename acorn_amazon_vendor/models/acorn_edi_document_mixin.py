"""A record that sends an X12 document to Amazon: one outbound status, one send.

The 855 on ``sale.order``, the 856 on ``acorn.amz.shipment`` and the 810 on
``account.move`` (and any later outbound document, such as the 846) inherit
``acorn.edi.document.mixin``, as ``edi_oca``'s ``edi.exchange.consumer.mixin`` is
inherited by the records that exchange documents. It holds:

* one outbound vocabulary, computed from the record's latest message of that type
  (``OUTBOUND_STATES``, ``_amz_outbound_state()``); each model adds only the
  states it has before anything is sent (to send, blocked, not shipped yet);
* the sequence every outbound document follows (``_amz_edi_send()``): the
  record's own check, then prepare, build, archive and dispatch, an ``X12Error``
  turned into a ``UserError`` the user can act on;
* the chatter line that reports the message generated, with state labels in the
  user's language (``_amz_selection_label()``).
"""

from odoo import models
from odoo.exceptions import UserError

from ..x12 import X12Error, build_810, build_846, build_855, build_856

# The outbound states a record shows once a message exists, in the order they come.
OUTBOUND_STATES = [
    ("generated", "Generated"),
    ("held", "Held (parallel run)"),
    ("sent", "Sent"),
    ("accepted", "Accepted by Amazon"),
    ("rejected", "Rejected by Amazon"),
    ("error", "Failed"),
]
# Outbound message state -> the record's outbound state (its latest message wins).
OUTBOUND_STATE_OF_MESSAGE = {
    "out_new": "generated",
    "out_generated": "generated",
    "out_held": "held",
    "out_sent": "sent",
    "out_acked": "accepted",
    "out_rejected": "rejected",
    "out_error_generate": "error",
    "out_error_send": "error",
}
# Outbound states meaning the document is out, or on its way: sending is a resend.
LIVE_STATES = ("generated", "held", "sent", "accepted")
# States that still need a (new) send: nothing out yet, or what went out failed.
RETRY_STATES = ("rejected", "error")
# Message states that do not count as "already sent".
FAILED_MESSAGE_STATES = ("out_error_generate", "out_error_send", "out_rejected")
# The x12 builder of each outbound document, ``build(document, envelope) -> str``.
BUILDERS = {"855": build_855, "856": build_856, "810": build_810, "846": build_846}


class AcornEdiDocumentMixin(models.AbstractModel):
    """See the module docstring. Inherit it beside the model:
    ``_name = "sale.order"`` and
    ``_inherit = ["sale.order", "acorn.edi.document.mixin"]``."""

    _name = "acorn.edi.document.mixin"
    _description = "Record That Sends an X12 Document"

    def _amz_edi_account(self):
        """The ``acorn.vendor.account`` this record's documents go out through."""
        raise NotImplementedError(f"{self._name} must say which account sends")

    def _amz_edi_reference(self):
        """How messages to the user name this record ("PO 3J2KKUAV", "INV/...")."""
        return self.display_name

    def _amz_outbound_state(self, messages):
        """The outbound state of ``messages`` (one record's, of one type).

        Returns:
            str: A key of ``OUTBOUND_STATES``; False when there is no message.
        """
        latest = messages.sorted("id")[-1:]
        if not latest:
            return False
        return OUTBOUND_STATE_OF_MESSAGE.get(latest.state, "error")

    def _amz_selection_label(self, field_name, record=None):
        """The label of a Selection value in the user's language ("-" when empty).

        Args:
            field_name: A Selection field of ``record``.
            record: The record holding the value; ``self`` by default.
        """
        record = self if record is None else record
        labels = dict(record._fields[field_name]._description_selection(self.env))
        return labels.get(record[field_name], "-")

    def _amz_edi_send(self, document_type, errors, prepare, values):
        """Checks, builds, archives and dispatches one document of this record.

        Args:
            document_type: The set sent: "855", "856", "810" ...
            errors: What the record's ``_amz_check_<type>()`` found, as
                ``{key: message}``; any of them stops the send.
            prepare: Returns the x12 dataclass, called once nothing stops it
                (e.g. ``self._amz_prepare_855``).
            values: Returns the message's own values for that dataclass
                (business reference, links, content digest); it may refuse
                with a ``UserError`` (content already sent, for instance).

        Returns:
            The outbound ``acorn.edi.message`` (generated, or held in a parallel
            run).
        """
        self.ensure_one()
        if errors:
            raise UserError(
                self.env._(
                    "The %(doc)s for %(name)s can't go out yet:\n%(errors)s",
                    doc=document_type,
                    name=self._amz_edi_reference(),
                    errors="\n".join(errors.values()),
                )
            )
        document = prepare()
        return self._amz_edi_emit(document_type, document, values(document))

    def _amz_edi_emit(self, document_type, document, values):
        """Builds, archives and dispatches ``document``; X12Error -> UserError."""
        account = self._amz_edi_account()._amz_for_processing()
        values = values | {"res_model": self._name, "res_id": self.id}
        try:
            return account._amz_emit(
                document_type, BUILDERS[document_type], document, values
            )
        except X12Error as error:
            raise UserError(
                self.env._(
                    "The %(doc)s can't be built: %(error)s",
                    doc=document_type,
                    error=error,
                )
            ) from error

    def _amz_edi_log_sent(self, message, details):
        """Chatter note for a message just generated: name, state and details.

        A logged note (``_message_log``): nobody is notified, and it skips the
        follower and notification work of ``message_post`` on every send.
        """
        self._message_log(
            body=self.env._(
                "%(doc)s %(message)s generated (%(state)s)%(details)s",
                doc=message.document_type,
                message=message.name,
                state=self._amz_selection_label("state", message),
                details=details,
            )
        )
