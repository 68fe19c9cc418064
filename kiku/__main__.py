from kiku.cli import main_entry

main_entry()
