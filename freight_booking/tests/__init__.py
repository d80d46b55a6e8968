from . import test_booking_demo
