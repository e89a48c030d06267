"""Tables: each section's rows read into the template's cells (``sections``, ``reading``,
``matching``), and the values placed and derived by the consistency rules (``resolve``,
``solver``, ``rules``).
"""
