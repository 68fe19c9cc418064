"""What the build needs from the process it runs in: forked workers over shares of a list
(``forks``), freed memory given back to the system (``heap``), Ctrl-C and SIGTERM as an exception
(``interrupt``)."""
