from . import freight_selection
from . import freight_port
from . import freight_container_type
from . import freight_charge_type
from . import res_partner
