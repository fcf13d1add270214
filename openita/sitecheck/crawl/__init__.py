"""The site crawler: fetch → politeness → parse → store, one small module per stage.

Framework-free (stdlib, httpx, selectolax, pdfminer…) so that the command line, a
background task and the benchmarks run the same code. ``engine.crawl`` ties the stages.
"""
