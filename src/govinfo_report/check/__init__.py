"""Check: a report against its own rules (``validate``), its prose against its tables
(``statements``) and OCR's reads against the rules (``verify``).
"""
