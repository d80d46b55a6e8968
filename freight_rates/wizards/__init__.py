from . import freight_rate_finder
from . import freight_rate_import
from . import freight_rate_import_error
