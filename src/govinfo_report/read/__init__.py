"""Read: bytes or text in, normalised lines out (``source``), documents in files, archives and
folders (``documents``), the formats that are not text (``formats``).
"""
