"""Structure: the report's sections (``skeleton`` with the grammar), its title and date
(``metadata``), broken lines (``rebreak``) and how each table is laid out (``layouts``).
"""
