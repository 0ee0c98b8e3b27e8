"""Import the world's event data (GDELT, ICEWS, POLECAT, ACLED, forecasting benchmarks) into the store.

``FORMATS`` holds one object per layout; ``import_sources`` imports the files a format's
``sources`` found, one transaction per file, and yields where each file's rows went.
"""

from detente.importers.acled import AcledFormat
from detente.importers.engine import Format, ImportFailed, ImportSummary, import_sources
from detente.importers.gdelt import GdeltFormat
from detente.importers.icews import IcewsFormat
from detente.importers.polecat import PolecatFormat
from detente.importers.sources import Source, SourceError
from detente.importers.tables import MappingError
from detente.importers.tkg import TkgFormat

FORMATS: dict[str, Format] = {
    fmt.name: fmt for fmt in (GdeltFormat(), IcewsFormat(), PolecatFormat(), AcledFormat(), TkgFormat())
}

__all__ = [
    "FORMATS",
    "Format",
    "ImportFailed",
    "ImportSummary",
    "MappingError",
    "Source",
    "SourceError",
    "import_sources",
]
