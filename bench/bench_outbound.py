"""Outbound pipelines (855, 856, 810) beside Odoo's own UBL BIS 3 e-invoice.

One run, one database, the same posted invoices for both invoice paths:

* 855: ``_amz_send_855()`` per acknowledged PO (check, build, archive, message);
* 856: ``_amz_send_856()`` per shipment (``bench_856`` makes the shipments);
* 810: ``_amz_send_810()`` per posted invoice (check, build, archive, message,
  chatter), the invoices made by ``bench_810``;
* the peer, Odoo's e-invoicing: ``account.move.send._generate_and_send_invoices()``
  with the UBL BIS 3 format (``account_edi_ubl_cii``) and no e-mail, i.e. what
  "Send" does for a partner whose format is Peppol BIS 3, on invoices whose PDF was
  printed before (off the clock): the UBL XML built with its BIS 3 checks and
  attached to the invoice. The PDF print is left out of both sides: the 810 has
  none, and Debian's wkhtmltopdf (unpatched Qt) cannot print several invoices in
  one call, which would charge Odoo a process per invoice;
* the UBL document alone: ``account.edi.xml.ubl_bis3._export_invoice()`` (build and
  checks), its attachment and a chatter note, without the send wizard's plumbing.

Target: the 810 full send costs at most what the UBL path through
``account.move.send`` costs per invoice (wall time; the process CPU time of each
path is printed too, as the machine may be shared). Order of the timed paths: 855,
856, then the UBL send and the 810 on half the invoices each way round (UBL then
810, 810 then UBL), then the UBL document alone, after a small warm-up run of
all. Setup (orders, deliveries, invoices, shipments) is off the clock; everything
is rolled back.

    python bench/bench_outbound.py [--smoke] [--count N] [--lines N]

Database: ``--db``, else ``ACORN_TEST_DB``, else a new one built with odoo-bin and
dropped afterwards. ``account_edi_ubl_cii`` (an Odoo addon) is installed into the
database first when it is missing. Needs ``ODOO_PATH`` and ``ACORN_CONF``.
"""

import argparse
import os
import subprocess
import sys
import time

sys.path.insert(0, os.environ["ODOO_PATH"])

import bench_810  # noqa: E402
import bench_856  # noqa: E402
from odoo_bench import CONF, database, env_for, finish  # noqa: E402

from odoo.modules.registry import Registry  # noqa: E402

PEER_MODULE = "account_edi_ubl_cii"
CARTONS = 5


def ensure_peer(db):
    """Installs account_edi_ubl_cii into ``db`` unless it is there already."""
    with Registry(db).cursor() as cr:
        cr.execute("SELECT state FROM ir_module_module WHERE name = %s", (PEER_MODULE,))
        row = cr.fetchone()
    if row and row[0] == "installed":
        return False
    odoo_bin = os.path.join(os.environ["ODOO_PATH"], "odoo-bin")
    subprocess.check_call(
        [sys.executable, odoo_bin, "-c", CONF, "-d", db, "-i", PEER_MODULE,
         "--stop-after-init", "--http-port=0", "--log-level=warn"]
    )  # fmt: skip
    Registry.delete(db)
    return True


def peer_ready(env, account):
    """Seller and buyer data Peppol BIS 3 requires (rolled back with the run)."""
    belgium = env.ref("base.be")
    env.company.partner_id.write(
        {"country_id": belgium.id, "vat": "BE0477472701", "street": "Rue 1",
         "city": "Brussels", "zip": "1000"}
    )  # fmt: skip
    account.partner_id.write(
        {"country_id": belgium.id, "vat": "BE0202239951", "street": "Avenue 2",
         "city": "Brussels", "zip": "1000", "is_company": True,
         "invoice_edi_format": "ubl_bis3"}
    )  # fmt: skip


def taxed(env, invoices):
    """The invoices again with a 21 % VAT on each line (BIS 3 wants one per line)."""
    group = env["account.tax.group"].create({"name": "VAT 21% (benchmark)"})
    tax = env["account.tax"].create(
        {"name": "VAT 21% (benchmark)", "amount": 21, "amount_type": "percent",
         "type_tax_use": "sale", "tax_group_id": group.id}
    )  # fmt: skip
    invoices.button_draft()
    invoices.invoice_line_ids.tax_ids = tax
    invoices.action_post()
    env.flush_all()
    return invoices


def acked_orders(env, account, count, lines):
    """Acknowledged POs without any 855 sent yet (off the clock)."""
    products = env["product.product"].search([("default_code", "=like", "B810-%")])
    values = [
        bench_810.order_values(account, products, 500000 + number, lines)
        for number in range(count)
    ]
    orders = env["sale.order"].create(values)
    env.flush_all()
    return orders


def timed(function, env, cpu=None):
    """Wall seconds of ``function`` (flushed); its process CPU seconds go to ``cpu``."""
    started, started_cpu = time.perf_counter(), time.process_time()
    result = function()
    env.flush_all()
    if cpu is not None:
        cpu.append(time.process_time() - started_cpu)
    return time.perf_counter() - started, result


def printed(env, invoices):
    """Marks the invoices printed: a PDF attached as Odoo's report would (off the
    clock), so Send builds the e-invoice only."""
    env["ir.attachment"].create(
        [
            {"name": f"{invoice.name}.pdf", "raw": b"%PDF-1.4\n%%EOF\n",
             "mimetype": "application/pdf", "res_model": invoice._name,
             "res_id": invoice.id, "res_field": "invoice_pdf_report_file"}
            for invoice in invoices
        ]
    )  # fmt: skip
    invoices.invalidate_recordset(["invoice_pdf_report_id", "invoice_pdf_report_file"])
    env.flush_all()
    return invoices


def ubl_send(env, invoices):
    """Odoo's Send with Peppol BIS 3: the UBL built, checked and attached."""
    return env["account.move.send"]._generate_and_send_invoices(
        invoices,
        sending_methods={"manual"},
        invoice_edi_format="ubl_bis3",
        extra_edis=set(),  # Odoo's UBL only: the Amazon 810 is timed on its own
    )


def ubl_document(env, invoices):
    """The UBL XML alone: build with its checks, attach, note in the chatter."""
    builder = env["account.edi.xml.ubl_bis3"]
    found = []
    for invoice in invoices:
        xml, errors = builder._export_invoice(invoice)
        attachment = env["ir.attachment"].create(
            {"name": builder._export_invoice_filename(invoice), "raw": xml,
             "mimetype": "application/xml", "res_model": invoice._name,
             "res_id": invoice.id}
        )  # fmt: skip
        invoice.message_post(body="UBL", attachment_ids=attachment.ids)
        found.append(errors)
    return found


def invoice_paths(env, invoices, times, cpu):
    """Times the UBL send and the 810 on the same invoices, in both orders (one half
    each: UBL then 810, then 810 then UBL), so neither gains from running second.

    Adds "ubl_send" and "810" to ``times`` (wall seconds) and their CPU seconds to
    ``cpu``; the 810 messages and UBL attachments under "bills" / "attachments".
    """
    half = len(invoices) // 2
    first, second = invoices[:half], invoices[half:]
    wall, used = {"ubl_send": 0.0, "810": 0.0}, {"ubl_send": [], "810": []}
    times["bills"], times["attachments"] = [], env["ir.attachment"]

    def ubl(moves):
        seconds, found = timed(lambda: ubl_send(env, moves), env, used["ubl_send"])
        wall["ubl_send"] += seconds
        times["attachments"] |= found

    def edi(moves):
        seconds, found = timed(
            lambda: [i._amz_send_810(by_policy=True) for i in moves], env, used["810"]
        )
        wall["810"] += seconds
        times["bills"] += found

    ubl(first), edi(first), edi(second), ubl(second)
    times.update(wall)
    cpu += [sum(used["ubl_send"]), sum(used["810"])]


def run(db, account_id, count, lines):
    """Returns ({step: seconds}, outcome) for ``count`` documents of each kind."""
    with Registry(db).cursor() as cr:
        env = env_for(cr)
        account = env["acorn.vendor.account"].browse(account_id)
        peer_ready(env, account)
        invoices = bench_810.shipped_invoices(env, account, count, lines)
        invoices = printed(env, taxed(env, invoices))
        orders = acked_orders(env, account, count, lines)
        shipments = bench_856.setup(env, count, CARTONS)
        times, outcome, cpu = {}, {}, []
        times["855"], acks = timed(
            lambda: [o._amz_send_855() for o in orders], env, cpu
        )
        times["856"], asns = timed(
            lambda: [s._amz_send_856() for s in shipments], env, cpu
        )
        invoice_paths(env, invoices, times, cpu)
        bills, attachments = times.pop("bills"), times.pop("attachments")
        times["ubl_xml"], errors = timed(lambda: ubl_document(env, invoices), env, cpu)
        keys = ("855", "856", "ubl_send", "810", "ubl_xml")
        times["cpu"] = dict(zip(keys, cpu, strict=True))
        outcome["states"] = {m.state for m in [*acks, *asns, *bills]}
        outcome["counts"] = (len(acks), len(asns), len(bills))
        outcome["ubl"] = len(invoices.filtered("ubl_cii_xml_id"))
        outcome["attachments"] = len(attachments)
        outcome["ubl_errors"] = sum(1 for found in errors if found)
        cr.rollback()
    return times, outcome


def report(count, lines, times, outcome):
    peer = times["ubl_send"]
    print(f"Outbound: {count} POs / shipments ({CARTONS} cartons) / invoices "
          f"({lines} lines) each, one run")  # fmt: skip
    print(f"{'path':60} {'seconds':>8} {'ms/doc':>8} {'x UBL send':>11} "
          f"{'CPU ms/doc':>11}")  # fmt: skip
    rows = [
        ("855: _amz_send_855 (check, build, archive)", "855"),
        ("856: _amz_send_856 (check, build, archive)", "856"),
        ("810: _amz_send_810 (check, build, archive, chatter)", "810"),
        ("peer: account.move.send, UBL BIS 3 (build, checks, attach)", "ubl_send"),
        ("UBL BIS 3 XML alone (build, checks, attach, chatter)", "ubl_xml"),
    ]
    for name, key in rows:
        seconds, cpu = times[key], times["cpu"][key]
        ratio = seconds / peer if peer else float("inf")
        print(f"{name:60} {seconds:8.2f} {1000 * seconds / count:8.2f} "
              f"{ratio:10.2f}x {1000 * cpu / count:11.2f}")  # fmt: skip
    problems = []
    if outcome["counts"] != (count, count, count):
        problems.append(f"documents made {outcome['counts']}, expected {count} each")
    if outcome["states"] != {"out_generated"}:
        problems.append(f"outbound states {sorted(outcome['states'])}")
    if outcome["ubl"] != count or outcome["ubl_errors"]:
        problems.append(
            f"UBL: {outcome['ubl']} attached, {outcome['ubl_errors']} with errors"
        )
    verdict = times["810"] <= peer
    print(f"810 full send vs Odoo's UBL send per invoice: "
          f"{times['810'] / peer if peer else 0:.2f}x, target <= 1.00x: "
          f"{'met' if verdict else 'NOT met'}")  # fmt: skip
    return problems, verdict


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="a size for CI")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--lines", type=int, default=5)
    parser.add_argument("--db", default=os.environ.get("ACORN_TEST_DB"))
    args = parser.parse_args()
    if args.smoke:
        args.count = 10
    with database(args.db) as db:
        if ensure_peer(db):
            print(f"{PEER_MODULE} installed into {db}")
        account_id = bench_810.setup(db)
        run(db, account_id, 3, args.lines)  # warm-up: caches, grammars, report
        times, outcome = run(db, account_id, args.count, args.lines)
        problems, verdict = report(args.count, args.lines, times, outcome)
        if not verdict and not args.smoke:
            problems.append("the 810 send is slower than Odoo's UBL send")
        return finish(problems)


if __name__ == "__main__":
    sys.exit(main())
