from . import test_inquiry_demo
from . import test_inquiry_duplicates
from . import test_inquiry_ui
