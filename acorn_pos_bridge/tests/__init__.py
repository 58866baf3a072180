from . import test_store
from . import test_ui
from . import test_pos_facts
from . import test_amazon_facts
from . import test_pos_costs
from . import test_channel_sale
