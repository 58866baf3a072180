from . import test_store
from . import test_ui
