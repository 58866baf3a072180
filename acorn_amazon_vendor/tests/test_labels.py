import base64
import io

from PIL import Image
from PyPDF2 import PdfReader

from odoo.tests import tagged

from ..tools.barcode import code128_png
from .code128 import Code128Error, read_image, read_png
from .shipping_common import AmazonShippingCommon

SHIPMENT_LABELS = "acorn_amazon_vendor.action_report_amz_shipment_labels"


def pdf_images(pdf):
    """Yields (page number, PIL image) for every image drawn in a PDF."""
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, 1):
        objects = page["/Resources"].get("/XObject") or {}
        for name in objects:
            xobject = objects[name].get_object()
            if xobject.get("/Subtype") != "/Image":
                continue
            yield number, _image(xobject)


def _image(xobject):
    data = xobject.get_data()
    filters = xobject.get("/Filter")
    if filters in ("/DCTDecode", ["/DCTDecode"]):
        return Image.open(io.BytesIO(data))
    size = (int(xobject["/Width"]), int(xobject["/Height"]))
    bits = int(xobject.get("/BitsPerComponent", 8))
    space = xobject.get("/ColorSpace")
    mode = "1" if bits == 1 else ("RGB" if space == "/DeviceRGB" else "L")
    return Image.frombytes(mode, size, data)


@tagged("post_install", "-at_install")
class TestLabels(AmazonShippingCommon):
    """4x6 GS1-128 labels: real PDF, barcodes read back from the bars."""

    def _shipment(self):
        order = self._acked_order()
        picking = self._picking(order)
        cartons = self._pack(
            picking, [[(self.mug, 12)], [(self.mug, 12)], [(self.tea, 36)]]
        )
        pallet = self._pallet(cartons[:2])
        picking.action_amz_open_shipment()
        shipment = picking.amz_shipment_id
        self._carrier_data(shipment)
        return picking, cartons, pallet, shipment

    def test_barcode_is_gs1_128_of_the_sscc(self):
        sscc = "106141411234567897"
        self.assertEqual(read_png(code128_png("\xf100" + sscc)), "\xf100" + sscc)
        src = self.env["acorn.amz.shipment"]._amz_barcode_src(sscc)
        png = base64.b64decode(src.split(",", 1)[1])
        self.assertEqual(read_png(png), "\xf100" + sscc, "FNC1, AI 00, SSCC")
        broken = Image.open(io.BytesIO(png)).convert("L")
        broken.paste(0, (150, 0, 170, broken.size[1]))
        with self.assertRaises(Code128Error):
            read_image(broken)

    def test_labels_render_as_pdf_and_match_the_asn(self):
        picking, cartons, pallet, shipment = self._shipment()
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(SHIPMENT_LABELS, shipment.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        reader = PdfReader(io.BytesIO(pdf))
        self.assertEqual(len(reader.pages), 4, "3 carton labels and 1 pallet label")
        box = reader.pages[0].mediabox
        self.assertAlmostEqual(float(box.width) / 72, 4.0, delta=0.1)
        self.assertAlmostEqual(float(box.height) / 72, 6.0, delta=0.1)
        decoded = {}
        for number, image in pdf_images(pdf):
            decoded[number] = read_image(image)
        expected = sorted(cartons.mapped("name")) + [pallet.name]
        self.assertEqual(
            [decoded[number] for number in sorted(decoded)],
            ["\xf100" + sscc for sscc in expected],
        )
        text = " ".join(reader.pages[0].extract_text().split())
        self.assertIn(f"(00) {expected[0]}", text)
        self.assertIn("3J2KKUAV", text)
        self.assertIn("ABE2", text)
        self.assertIn("1 of 3", text)
        self.assertIn("PALLET 1 of 1", " ".join(reader.pages[3].extract_text().split()))

        self._validate(picking, backorder=False)
        shipment.action_amz_send_856()
        parsed = self._parsed(self._asn_text(shipment))
        (po,) = parsed.orders
        asn_ssccs = sorted(
            [tare.sscc for tare in po.tares]
            + [pack.sscc for tare in po.tares for pack in tare.packs]
            + [pack.sscc for pack in po.packs]
        )
        self.assertEqual(asn_ssccs, sorted(d[3:] for d in decoded.values()))
