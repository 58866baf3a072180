from . import acorn_pos_upload
