"""The last build's plan kept in ``<site>/.kiku-cache/``: the planner (``plan_store``, pickled by
``plan_pickle``, articles named by reference: ``article_objects``) and the related articles
(``related_store``), each trusted only for the code and inputs that made it."""
