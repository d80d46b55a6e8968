from . import test_master_data
from . import test_security
from . import test_customer
from . import test_interaction
from . import test_customer_security
from . import test_manager_tools
from . import test_performance
from . import test_ui
