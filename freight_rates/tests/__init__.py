from . import test_rate
from . import test_rate_finder
from . import test_rate_expiry
from . import test_rate_security
from . import test_ui
from . import test_rate_import
