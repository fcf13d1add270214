"""Reports: one plain data structure per report, small renderers per format."""
