"""Where the test inputs live."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRAPED = REPO / "scraped"
IMPORT_FIXTURES = REPO / "tests" / "fixtures" / "import"


def seed(prefix: str) -> Path:
    """The scraped seed page whose name starts with ``prefix`` ('000' … '004')."""
    (path,) = SCRAPED.glob(f"{prefix}_*.txt")
    return path
