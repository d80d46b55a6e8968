from . import test_inquiry_concurrency
from . import test_inquiry_security
from . import test_inquiry_workflow
