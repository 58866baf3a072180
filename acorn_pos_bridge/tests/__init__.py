from . import test_store
from . import test_ui
from . import test_pos_facts
from . import test_amazon_facts
from . import test_pos_costs
from . import test_channel_sale
from . import test_channel_report
from . import test_store_status
