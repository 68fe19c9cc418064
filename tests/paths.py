"""Where the test inputs live."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCRAPED = REPO / "scraped"
IMPORT_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"


def seed(prefix: str) -> Path:
    """The scraped seed page whose name starts with ``prefix`` ('000' … '004')."""
    (path,) = SCRAPED.glob(f"{prefix}_*.txt")
    return path
