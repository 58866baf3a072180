from . import test_store
from . import test_ui
from . import test_i18n
