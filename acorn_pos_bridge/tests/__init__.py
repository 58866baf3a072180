from . import test_store
from . import test_ui
from . import test_pos_import
from . import test_pos_import_http
from . import test_amazon_report_import
from . import test_pos_import_screens
from . import test_pos_import_examples
from . import test_pos_import_ui
