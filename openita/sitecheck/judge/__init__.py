"""Judging each framework item from the crawled pages: explainable, deterministic rules.

``site.SiteView`` indexes what was crawled; ``evidence`` finds the pages that speak for an
item (the agency's own index page first, then menus, titles and document contents);
``elements`` decides which required elements they show; ``verdict`` gives the verdict.
The framework file's items (keywords, channels, checks, coverage, elements) and
``vocabulary.yaml`` parameterise every rule; no item has code of its own.
"""
