"""The site pre-check: crawl an agency's website and judge each OIT item before submission.

``crawl/``, ``judge/``, ``report.py`` and ``index_page.py`` are plain Python and import no
Django; the Django app around them (models, services, tasks, views, ``monitor.py``) stores
checks, runs them in the background and shows their results in the workspace and review.
"""
