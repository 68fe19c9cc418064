"""Publishing the built site: ``kiku deploy`` onto the ``gh-pages`` branch (``deploy``, through the
``git`` command line), and the hosting budget the output is measured against (``hosting``)."""
