"""Write: records, JSON, CSV, data frames and Parquet (``export``, ``frames``, ``records``,
``schema``), reports written back as text and HTML (``render``, ``canonical``, ``spans``) and
the review page (``review``).
"""
