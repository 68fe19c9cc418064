"""Reading a scraped page into numbered lines: text dumps and saved HTML, any Japanese encoding."""
