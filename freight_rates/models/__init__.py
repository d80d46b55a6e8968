from . import freight_rate
from . import freight_rate_finder_engine
from . import freight_rate_line
from . import freight_finder_cache_mixin
from . import freight_port
from . import freight_container_type
from . import res_company
from . import res_config_settings
