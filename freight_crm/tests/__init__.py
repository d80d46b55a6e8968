from . import test_master_data
from . import test_security
from . import test_ui
