import sys

from odoo.cli import Command

from ..x12.cli import main


class AcornEdi(Command):
    """Check and acknowledge X12 EDI files (no database needed)"""

    name = "acorn-edi"

    def run(self, args):
        sys.exit(main(args))
