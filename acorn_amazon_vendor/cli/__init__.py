from . import acorn_edi
