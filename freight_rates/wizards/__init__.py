from . import freight_rate_finder
from . import freight_rate_import
