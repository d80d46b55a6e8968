from . import freight_rate_finder
from . import freight_rate_finder_result
from . import freight_rate_import
from . import freight_rate_import_error
