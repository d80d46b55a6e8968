from . import test_booking_demo
from . import test_booking_ui
from . import test_booking_workflow
from . import test_booking_notifications
from . import test_booking_rules
from . import test_booking_security
from . import test_booking_concurrency
from . import test_booking_performance
