from . import acorn_edi_upload
from . import acorn_amz_invoice_resend
from . import sale_advance_payment_inv
from . import acorn_amz_remittance_summary
from . import acorn_edi_search
from . import acorn_edi_search_line
from . import acorn_edi_search_remittance
