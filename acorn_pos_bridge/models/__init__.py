from . import acorn_store
from . import acorn_channel_sale
