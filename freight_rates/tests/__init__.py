from . import test_rate
from . import test_rate_finder
