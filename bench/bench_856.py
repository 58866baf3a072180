"""Amazon 856 ASN: shipments sent through Odoo beside ``build_856`` alone.

Full size: 1,000 shipments of 10 cartons each (one PO of 10 lines per shipment,
one line per carton). The floor builds the same 856s with ``x12.build_856()`` from
dataclasses prepared before the clock starts. The pipeline is what sending a
shipment's ASN does: lock the shipment, refuse a second 856, check it (carrier data,
acknowledged POs, SSCCs and labels, lots, the x12 checks), read the freight into
the dataclass, draw control numbers, build, archive the file, create the message,
dispatch it, post in the chatter. "prepare" times records -> dataclass alone.
The deliveries are written straight to the database (no stock moves run) before
the clock; everything is rolled back, so the database is left as found.

    python bench/bench_856.py [--smoke] [--shipments N] [--cartons N]

Database: ``--db``, else ``ACORN_TEST_DB``, else a new one built with odoo-bin
(acorn_amazon_vendor, no demo) and dropped afterwards.
Needs ``ODOO_PATH`` and ``ACORN_CONF``.
"""

import argparse
import os
import sys
import time
from datetime import date, datetime

sys.path.insert(0, os.environ["ODOO_PATH"])

from odoo_bench import database, env_for, finish  # noqa: E402

from odoo.modules.registry import Registry  # noqa: E402


def setup_account(env, cartons):
    partner = env["res.partner"].create({"name": "Amazon (856 benchmark)"})
    fc = env["res.partner"].create({"name": "Amazon ABE2", "parent_id": partner.id})
    carrier = env["delivery.carrier"].create(
        {
            "name": "Bench Freight",
            "amz_scac": "BNCH",
            "product_id": env["product.product"]
            .create({"name": "Bench freight", "type": "service"})
            .id,
        }
    )
    account = env["acorn.vendor.account"].create(
        {
            "name": "856 benchmark",
            "vendor_code": "BENCH856",
            "partner_id": partner.id,
            "vendor_isa_id": "BENCH856",
            "vendor_gs_id": "BENCH856",
            "amz_gs1_prefix": "0614141",
            "warehouse_id": env["stock.warehouse"].search([], limit=1).id,
        }
    )
    env["acorn.amazon.fc"].create(
        {"account_id": account.id, "code": "ABE2", "partner_id": fc.id}
    )
    products = env["product.product"].create(
        [
            {"name": f"Bench 856 item {n}", "default_code": f"B856-{n}"}
            for n in range(cartons)
        ]
    )
    return account, fc, carrier, products


def make_shipment(env, account, fc, carrier, products, number):
    """One acknowledged PO, its done delivery, one carton (SSCC) per line."""
    order = env["sale.order"].create(
        {
            "partner_id": account.partner_id.id,
            "partner_shipping_id": fc.id,
            "amz_account_id": account.id,
            "amz_po_number": f"B856{number:06d}",
            "amz_po_date": date(2026, 11, 27),
            "amz_fc_code": "ABE2",
            "order_line": [
                (0, 0, {
                    "product_id": product.id,
                    "product_uom_qty": 6,
                    "amz_line_number": str(line),
                    "amz_ordered_qty": 6,
                    "amz_uom": "EA",
                    "amz_identifiers": f"BP:B0B856{line:04d}|VN:B856-{line}",
                    "amz_ack_status": "IA",
                    "amz_ack_qty": 6,
                })
                for line, product in enumerate(products, 1)
            ],
        }
    )  # fmt: skip
    env["acorn.edi.message"].create(
        {
            "account_id": account.id,
            "company_id": account.company_id.id,
            "direction": "outbound",
            "document_type": "855",
            "state": "out_sent",
            "sale_order_id": order.id,
            "po_number": order.amz_po_number,
        }
    )
    return order, deliver(env, account, order)


def deliver(env, account, order):
    warehouse = account.warehouse_id
    picking_type = warehouse.out_type_id
    source = warehouse.lot_stock_id
    customer = env.ref("stock.stock_location_customers")
    picking = env["stock.picking"].create(
        {
            "picking_type_id": picking_type.id,
            "partner_id": order.partner_shipping_id.id,
            "location_id": source.id,
            "location_dest_id": customer.id,
            "sale_id": order.id,
            "carrier_id": False,
        }
    )
    common = {"picking_id": picking.id, "location_id": source.id,
              "location_dest_id": customer.id}  # fmt: skip
    moves = env["stock.move"].create(
        [
            dict(common, name=line.name, product_id=line.product_id.id,
                 product_uom_qty=6, product_uom=line.product_uom.id,
                 sale_line_id=line.id)
            for line in order.order_line
        ]
    )  # fmt: skip
    packages = env["stock.quant.package"].create(
        [{"name": account._amz_next_sscc()} for _move in moves]
    )
    env["stock.move.line"].create(
        [
            dict(common, move_id=move.id, product_id=move.product_id.id,
                 product_uom_id=move.product_uom.id, quantity=6, picked=True,
                 result_package_id=package.id)
            for move, package in zip(moves, packages, strict=True)
        ]
    )  # fmt: skip
    moves.write({"state": "done"})
    return picking


def setup(env, count, cartons):
    account, fc, carrier, products = setup_account(env, cartons)
    Shipment = env["acorn.amz.shipment"]
    shipments = Shipment
    for number in range(count):
        _order, picking = make_shipment(env, account, fc, carrier, products, number)
        shipment = Shipment._amz_create_for(picking)
        shipment.write(
            {
                "state": "shipped",
                "carrier_id": carrier.id,
                "bill_of_lading": f"BOL{number:06d}",
                "ship_date": datetime(2026, 12, 1, 8, 0),
                "estimated_delivery": date(2026, 12, 3),
            }
        )
        Shipment._amz_record_printed(Shipment._amz_label_data(picking))
        shipments |= shipment
    env.flush_all()
    return shipments


def timed(function):
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def run(db, count, cartons):
    from odoo.addons.acorn_amazon_vendor.x12 import OutboundEnvelope, build_856

    with Registry(db).cursor() as cr:
        env = env_for(cr)
        setup_s, shipments = timed(lambda: setup(env, count, cartons))
        prepare_s, documents = timed(
            lambda: [shipment._amz_prepare_856() for shipment in shipments]
        )
        envelope = OutboundEnvelope("ZZ", "BENCH856", "ZZ", "AMAZON", "BENCH856",
                                    "AMAZON", 1, 1, 1, datetime(2026, 12, 1, 8, 0),
                                    usage="T", version="005010")  # fmt: skip
        floor_s, texts = timed(lambda: [build_856(doc, envelope) for doc in documents])

        def send():
            messages = [shipment._amz_send_856() for shipment in shipments]
            env.flush_all()
            return messages

        send_s, messages = timed(send)
        states = {message.state for message in messages}
        sizes = sum(len(text) for text in texts)
        cr.rollback()
    return {"setup": setup_s, "prepare": prepare_s, "floor": floor_s,
            "send": send_s, "messages": len(messages), "states": states,
            "bytes": sizes}  # fmt: skip


def report(args, result):
    count = args.shipments
    floor = result["floor"]
    print(
        f"856 ASN: {count} shipments x {args.cartons} cartons "
        f"({result['bytes'] / count / 1024:.1f} KiB per 856); setup "
        f"{result['setup']:.1f} s, not timed"
    )
    print(f"{'step':44} {'seconds':>8} {'ship/s':>8} {'ms/ship':>8} {'x floor':>8}")
    rows = [
        ("floor: x12.build_856 from dataclasses", floor),
        ("prepare: records -> dataclass", result["prepare"]),
        ("send: check, prepare, build, archive, msg", result["send"]),
    ]
    for name, seconds in rows:
        rate = count / seconds if seconds else float("inf")
        ratio = seconds / floor if floor else float("inf")
        print(
            f"{name:44} {seconds:8.2f} {rate:8.1f} {1000 * seconds / count:8.1f} "
            f"{ratio:7.1f}x"
        )
    problems = []
    if result["messages"] != count:
        problems.append(f"expected {count} 856 messages, got {result['messages']}")
    if result["states"] != {"out_generated"}:
        problems.append(f"856 messages not all generated: {sorted(result['states'])}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="a size for CI")
    parser.add_argument("--shipments", type=int, default=1000)
    parser.add_argument("--cartons", type=int, default=10)
    parser.add_argument("--db", default=os.environ.get("ACORN_TEST_DB"))
    args = parser.parse_args()
    if args.smoke:
        args.shipments = 20
    with database(args.db) as db:
        run(db, 2, args.cartons)  # warm the caches and the registry
        return finish(report(args, run(db, args.shipments, args.cartons)))


if __name__ == "__main__":
    sys.exit(main())
