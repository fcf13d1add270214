"""The improvement cycle: analysis of final results, integrity measures, progress, documents."""
