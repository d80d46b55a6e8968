from . import freight_quotation_lost
from . import freight_quotation_refuse
from . import freight_rate_finder
from . import freight_rate_finder_result
