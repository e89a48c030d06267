"""govinfo_report: Chinese government information disclosure annual reports as checked data."""
