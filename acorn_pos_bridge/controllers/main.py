"""The sales endpoint of stores that run another POS: JSON over HTTP with a token.

``POST /acorn/pos/<store_code>/sales`` with ``Authorization: Bearer <token>`` and
a JSON body (see docs/pos-imports.md). Refusals, in the order checked: 401 wrong
or missing token (or unknown store), 429 too many requests from the store in the
last minute, 413 body over the size limit, 415 not JSON, 400 unreadable JSON
(archived, with the located problems). 200 returns the import's counts.
"""

import json
import logging
from datetime import timedelta

from werkzeug.exceptions import RequestEntityTooLarge

from odoo import SUPERUSER_ID, fields, http
from odoo.http import request
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

MAX_BYTES_PARAM = "acorn_pos_bridge.http_max_body_bytes"
RATE_PARAM = "acorn_pos_bridge.http_requests_per_minute"
DEFAULT_MAX_BYTES = 1024 * 1024
DEFAULT_RATE = 60
RATE_WINDOW_SECONDS = 60


def _reply(status, body, headers=None):
    return request.make_response(
        json.dumps(body),
        headers=[("Content-Type", "application/json"), *(headers or [])],
        status=status,
    )


def _refusal(status, error, message, headers=None, **extra):
    return _reply(status, {"error": error, "message": message, **extra}, headers)


def _bearer_token():
    header = request.httprequest.headers.get("Authorization", "")
    scheme, _sep, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def _int_param(env, key, default):
    try:
        return int(env["ir.config_parameter"].get_param(key, default))
    except ValueError:
        return default


class PosSalesController(http.Controller):
    """Receives sales receipts pushed by a store's own POS."""

    def _authorised_store(self, env, store_code):
        token = _bearer_token()
        stores = env["acorn.store"].search(
            [("store_code", "=", store_code), ("source", "=", "external")]
        )
        # Every candidate is compared, so timing does not tell which code exists.
        matches = [store for store in stores if store._check_token(token)]
        return matches[0] if token and matches else None

    def _too_many(self, env, store):
        """Serialises the store's requests and counts those of the last minute."""
        env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id = %s FOR UPDATE",
                SQL.identifier(store._table),
                store.id,
            )
        )
        # The transaction's clock, as create_date uses it.
        since = env.cr.now() - timedelta(seconds=RATE_WINDOW_SECONDS)
        recent = env["acorn.pos.import"].search_count(
            [
                ("store_id", "=", store.id),
                ("origin", "=", "http"),
                ("create_date", ">=", since),
            ]
        )
        return recent >= _int_param(env, RATE_PARAM, DEFAULT_RATE)

    def _body(self, env):
        """The body, or None when it is over the size limit."""
        limit = _int_param(env, MAX_BYTES_PARAM, DEFAULT_MAX_BYTES)
        httprequest = request.httprequest
        if (httprequest.content_length or 0) > limit:
            return None
        httprequest.max_content_length = limit  # bounds a chunked body too
        try:
            return httprequest.get_data(cache=False)
        except RequestEntityTooLarge:
            return None

    @http.route(
        "/acorn/pos/<string:store_code>/sales",
        type="http",
        auth="none",
        methods=["POST"],
        csrf=False,
        save_session=False,
        readonly=False,  # auth="none" routes default to a read-only cursor
    )
    def receive_sales(self, store_code, **_params):
        # No user signs these requests: the token stands for the store.
        env = request.env(user=SUPERUSER_ID, su=True)
        store = self._authorised_store(env, store_code)
        if not store:
            return _refusal(
                401,
                "unauthorized",
                "Unknown store or wrong token.",
                headers=[("WWW-Authenticate", 'Bearer realm="acorn-pos"')],
            )
        if self._too_many(env, store):
            return _refusal(
                429,
                "too_many_requests",
                "Too many requests for this store; retry in a minute.",
                headers=[("Retry-After", str(RATE_WINDOW_SECONDS))],
            )
        payload = self._body(env)
        if payload is None:
            return _refusal(
                413, "payload_too_large", "The body is over the size limit."
            )
        if request.httprequest.mimetype != "application/json":
            return _refusal(415, "unsupported_media_type", "Send application/json.")
        return self._import(env, store, payload)

    def _import(self, env, store, payload):
        record = (
            env["acorn.pos.import"]
            .with_company(store.company_id)
            ._receive(
                payload,
                f"{store.store_code}-{fields.Datetime.now():%Y%m%d-%H%M%S}.json",
                {
                    "kind": "pos_sales",
                    "origin": "http",
                    "store_id": store.id,
                    "company_id": store.company_id.id,
                },
            )
        )
        if record.state == "error":
            _logger.info(
                "Store %s sent a refused body (import %s)", store.id, record.id
            )
            return _refusal(
                400,
                "bad_request",
                "The body was refused; nothing of it was imported.",
                problems=record.error_message.splitlines(),
                import_id=record.id,
            )
        return _reply(200, {"import_id": record.id, **record._counts_summary()})
