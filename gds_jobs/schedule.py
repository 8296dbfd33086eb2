"""Cron schedules for jobs: APScheduler 3 (CronTrigger) in a foreground process.

`valuenet jobs schedule "0 3 * * *" pagerank louvain` blocks and runs the jobs at each fire time; deploy it
as a long-running process (the `jobs` service of docker-compose.yml, or a systemd unit). One run at a time
(max_instances=1, coalesce): a slow run makes the scheduler skip, not stack, the next fire time. Each fire
opens its own connection, so an engine restart between runs is harmless; a failed job is recorded as a
failed (:JobRun) and the scheduler keeps going.
"""

from __future__ import annotations

import logging

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

from gds_jobs import registry
from gds_jobs.runner import JobFailedError, choose_backend, run_job
from valuenet.config import Settings
from valuenet.db import connect

log = logging.getLogger("valuenet.jobs")


def parse_cron(cron: str, timezone: str = "UTC") -> CronTrigger:
    """A standard 5-field crontab expression (minute hour day month weekday); ValueError if invalid."""
    if len(cron.split()) != 5:
        raise ValueError("use the 5 crontab fields: minute hour day-of-month month day-of-week")
    return CronTrigger.from_crontab(cron, timezone=timezone)


def scheduled_run(names: list[str], backend: str = "auto") -> dict[str, str]:
    """One scheduled fire: run the jobs in order; returns job -> status. Never raises for a job failure."""
    statuses: dict[str, str] = {}
    with connect(Settings()) as g:
        chosen = choose_backend(g, backend)
        for job in registry.select(names):
            try:
                rec = run_job(g, job, backend=chosen)
                statuses[job.name] = rec.status
                log.info("job %s run %s succeeded in %.2fs", job.name, rec.id, rec.duration_s)
            except JobFailedError as e:
                statuses[job.name] = "failed"
                log.error("job %s run %s failed: %s", job.name, e.run.id, e.run.error)
    return statuses


def build_scheduler(
    cron: str, names: list[str], *, backend: str = "auto", timezone: str = "UTC"
) -> tuple[BlockingScheduler, CronTrigger]:
    registry.select(names)  # unknown names fail now, not at 03:00
    trigger = parse_cron(cron, timezone)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    scheduler = BlockingScheduler(timezone=timezone)
    scheduler.add_job(
        scheduled_run,
        trigger,
        args=[names, backend],
        id="valuenet-jobs",
        max_instances=1,
        coalesce=True,
        misfire_grace_time=3600,
    )
    return scheduler, trigger
