from . import test_booking_demo
from . import test_booking_ui
