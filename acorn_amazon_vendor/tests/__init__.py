from . import test_edi_archive
from . import test_menus
from . import test_security
from . import test_ui
from . import test_demo
