"""Chrome told a line at a time, by its words or its shape: the lines a site prints around every article,
calls to the reader, vertical menus and buttons, a Wikipedia mirror's notes and toggles."""
