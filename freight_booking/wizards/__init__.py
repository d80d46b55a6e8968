from . import freight_booking_reject
