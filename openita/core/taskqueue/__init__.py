"""Background work at scale: an RQ backend for django.tasks, and periodic jobs.

``rq_backend`` puts django.tasks on RQ and Redis (``openita rq_worker``); ``periodic`` enqueues
the jobs of ``OPENITA_PERIODIC`` through whichever django.tasks backend is configured
(``openita scheduler``).
"""
