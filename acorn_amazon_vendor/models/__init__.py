from . import acorn_vendor_account
from . import acorn_edi_interchange
from . import acorn_edi_message
