import json

from odoo.tests import HttpCase, tagged

from odoo.addons.acorn_pos_bridge.controllers.main import MAX_BYTES_PARAM, RATE_PARAM

BODY = {
    "receipts": [
        {
            "receipt": "H1",
            "date": "2026-11-27T17:45:00",
            "lines": [
                {"sku": "SKU-H", "quantity": 2, "amount": 11.0, "cost": 4.5},
                {"sku": "SKU-H", "quantity": 1, "amount": 5.5, "voided": True},
            ],
        },
        {
            "receipt": "H2",
            "date": "2026-11-27",
            "test": True,
            "lines": [{"sku": "SKU-H", "quantity": 1, "amount": 5.5}],
        },
    ]
}


@tagged("post_install", "-at_install")
class TestPosEndpoint(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store = cls.env["acorn.store"].create(
            {"name": "Web Till", "store_code": "W01", "source": "external"}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Hat", "default_code": "SKU-H"}
        )
        action = cls.store.action_generate_token()
        cls.token = action["params"]["message"].rsplit(" ", 1)[-1]

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)  # a session naming the test database

    def _post(self, body, token=None, code="W01", content_type="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        return self.url_open(
            f"/acorn/pos/{code}/sales",
            data=data,
            headers={
                "Authorization": f"Bearer {token or self.token}",
                "Content-Type": content_type,
            },
        )

    def _imports(self):
        return self.env["acorn.pos.import"].search([("store_id", "=", self.store.id)])

    def test_token_stored_as_digest_only(self):
        self.assertEqual(len(self.token), 43)
        self.assertNotIn(self.token, self.store.sudo().api_token_hash)
        self.assertEqual(self.store.api_token_hint, f"…{self.token[-4:]}")
        self.assertTrue(self.store._check_token(self.token))
        self.assertFalse(self.store._check_token(self.token[:-1] + "x"))
        self.assertFalse(self.store._check_token(""))

    def test_receipts_imported_with_cleaning(self):
        response = self._post(BODY)
        self.assertEqual(response.status_code, 200, response.text)
        reply = response.json()
        self.assertEqual(
            {k: reply[k] for k in ("state", "lines", "counted", "voided", "test")},
            {"state": "done", "lines": 3, "counted": 1, "voided": 1, "test": 1},
        )
        record = self.env["acorn.pos.import"].browse(reply["import_id"])
        self.assertRecordValues(record, [{"origin": "http", "store_id": self.store.id}])
        self.assertEqual(json.loads(record.attachment_id.raw), BODY)
        fact = record.line_ids.fact_id
        self.assertRecordValues(
            fact, [{"source_ref": "W01/H1/1", "quantity": 2, "revenue": 11.0}]
        )
        again = self._post(BODY).json()
        self.assertEqual((again["counted"], again["duplicate"]), (0, 1))

    def test_wrong_or_missing_token_refused(self):
        for token, code in (("not-the-token", "W01"), (self.token, "NOPE")):
            with self.subTest(code=code):
                response = self._post(BODY, token=token, code=code)
                self.assertEqual(response.status_code, 401)
                self.assertEqual(response.json()["error"], "unauthorized")
                self.assertIn("Bearer", response.headers["WWW-Authenticate"])
        response = self.url_open(
            "/acorn/pos/W01/sales",
            data=b"{}",
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 401)
        self.assertFalse(self._imports())

    def test_oversized_body_refused(self):
        self.env["ir.config_parameter"].set_param(MAX_BYTES_PARAM, "200")
        response = self._post(BODY)
        self.assertEqual(response.status_code, 413)
        self.assertEqual(response.json()["error"], "payload_too_large")
        self.assertFalse(self._imports())

    def test_bad_json_refused_with_location_and_archived(self):
        response = self._post(b'{"receipts": [{"receipt": "H1",}]}')
        self.assertEqual(response.status_code, 400)
        reply = response.json()
        self.assertIn("line 1, character 32", reply["problems"][0])
        record = self.env["acorn.pos.import"].browse(reply["import_id"])
        self.assertEqual(record.state, "error")
        self.assertEqual(
            record.attachment_id.raw, b'{"receipts": [{"receipt": "H1",}]}'
        )
        bad_value = json.loads(json.dumps(BODY))
        bad_value["receipts"][1]["lines"][0]["quantity"] = "lots"
        reply = self._post(bad_value).json()
        self.assertEqual(
            reply["problems"],
            ["request body, at receipts[1].lines[0].quantity: not a number: 'lots'"],
        )
        self.assertFalse(
            self.env["acorn.channel.sale"].search([("store_id", "=", self.store.id)])
        )

    def test_not_json_refused(self):
        response = self._post(
            b"receipt=1", content_type="application/x-www-form-urlencoded"
        )
        self.assertEqual(response.status_code, 415)

    def test_request_rate_bounded_per_store(self):
        self.env["ir.config_parameter"].set_param(RATE_PARAM, "2")
        codes = [self._post(BODY).status_code for _i in range(3)]
        self.assertEqual(codes, [200, 200, 429])
        response = self._post(BODY)
        self.assertEqual(response.headers["Retry-After"], "60")
        self.assertEqual(len(self._imports()), 2)
        other = self.env["acorn.store"].create(
            {"name": "Other Till", "store_code": "W02", "source": "external"}
        )
        token = other.action_generate_token()["params"]["message"].rsplit(" ", 1)[-1]
        self.assertEqual(self._post(BODY, token=token, code="W02").status_code, 200)
