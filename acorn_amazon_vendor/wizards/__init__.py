from . import acorn_edi_upload
