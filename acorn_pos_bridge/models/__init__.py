from . import acorn_store
from . import acorn_channel_sale
from . import acorn_channel_sale_pos
from . import acorn_channel_sale_amazon
from . import acorn_channel_sale_catchup
from . import pos_order
from . import stock_picking
from . import acorn_channel_sale_stock
