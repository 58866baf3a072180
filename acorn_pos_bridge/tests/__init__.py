from . import test_store
from . import test_ui
from . import test_pos_facts
