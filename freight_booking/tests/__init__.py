from . import test_booking_ui
