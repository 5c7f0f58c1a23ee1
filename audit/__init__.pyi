from audit.api import ConfigError as ConfigError
from audit.api import FileResult as FileResult
from audit.api import LocatedFinding as LocatedFinding
from audit.api import check_paths as check_paths
from audit.api import check_text as check_text

__version__: str
__all__ = ["ConfigError", "FileResult", "LocatedFinding", "check_paths", "check_text"]
