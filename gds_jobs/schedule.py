"""Cron schedules for jobs: APScheduler 3 (CronTrigger) in a foreground process.

`valuenet jobs schedule "0 3 * * *" pagerank louvain` blocks and runs the jobs at each fire time; deploy it
as a long-running process (the `jobs` service of docker-compose.yml, or a systemd unit). One run at a time
(max_instances=1, coalesce): a slow run makes the scheduler skip, not stack, the next fire time; a fire
waits for a run in progress elsewhere (the job run lock, gds_jobs/lock.py) and skips after 30 min. Each
fire opens its own connection, so an engine restart between runs is harmless; a failed job is recorded as
a failed (:JobRun) and the scheduler keeps going.
"""

from __future__ import annotations

import contextlib
import logging

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

from gds_jobs import catalogue
from gds_jobs.lock import RunInProgressError, run_lock
from gds_jobs.runner import JobFailedError, choose_backend, run_jobs
from valuenet.config import Settings
from valuenet.db import connect

log = logging.getLogger("valuenet.jobs")
SCHEDULED_WAIT_S = 1800.0  # a fire waits this long for a run in progress (a manual one, say), then skips


_DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]


def _crontab_weekdays(field: str) -> str:
    """Crontab day-of-week (0 or 7 = Sunday, 1 = Monday) as APScheduler day names.

    APScheduler 3's `from_crontab` reads numbers as 0 = Monday, so "1-5" would mean Tuesday-Saturday;
    expanding to names keeps the crontab meaning."""
    if field == "*":
        return field
    days: set[int] = set()
    for part in field.lower().split(","):
        rng, _, step_s = part.partition("/")
        step = int(step_s) if step_s else 1
        if rng == "*":
            lo, hi = 0, 6
        else:
            a, _, b = rng.partition("-")
            lo = _DAYS.index(a[:3]) if a[:3] in _DAYS else int(a)
            hi = (_DAYS.index(b[:3]) if b[:3] in _DAYS else int(b)) if b else (6 if step_s else lo)
        if not (0 <= lo <= 7 and 0 <= hi <= 7 and lo <= hi and step > 0):
            raise ValueError(f"day-of-week {part!r} is out of range 0-7")
        days.update(d % 7 for d in range(lo, hi + 1, step))
    return ",".join(_DAYS[d] for d in sorted(days))


def parse_cron(cron: str, timezone: str = "UTC") -> CronTrigger:
    """A standard 5-field crontab expression (minute hour day month weekday); ValueError if invalid."""
    fields = cron.split()
    if len(fields) != 5:
        raise ValueError("use the 5 crontab fields: minute hour day-of-month month day-of-week")
    minute, hour, day, month, weekday = fields
    return CronTrigger(
        minute=minute,
        hour=hour,
        day=day,
        month=month,
        day_of_week=_crontab_weekdays(weekday),
        timezone=timezone,
    )


def scheduled_run(
    names: list[str], backend: str = "auto", settings: Settings | None = None
) -> dict[str, str]:
    """One scheduled fire: run the jobs in order, holding the job run lock; returns job -> status
    ("skipped" when another run held the lock for SCHEDULED_WAIT_S). Never raises for a job failure."""
    statuses: dict[str, str] = {}
    jobs = catalogue.select(names)
    with connect(settings or Settings()) as g, contextlib.ExitStack() as held:
        try:
            held.enter_context(
                run_lock(g, ", ".join(j.name for j in jobs), wait_s=SCHEDULED_WAIT_S, notice=log.info)
            )
        except RunInProgressError as e:
            log.error("scheduled run skipped: %s", e)
            return {job.name: "skipped" for job in jobs}
        chosen = choose_backend(g, backend, share_projections=True)
        try:
            results = run_jobs(g, jobs, backend=chosen)
        except JobFailedError as e:  # the engine went away: the other jobs did not run
            log.error("job %s run %s failed: %s", e.run.job, e.run.id, e.run.error)
            return {job.name: statuses.get(job.name, "failed") for job in jobs}
        for r in results:
            if isinstance(r, JobFailedError):
                statuses[r.run.job] = "failed"
                log.error("job %s run %s failed: %s", r.run.job, r.run.id, r.run.error)
            else:
                statuses[r.job] = r.status
                log.info("job %s run %s succeeded in %.2fs", r.job, r.id, r.duration_s)
    return statuses


def build_scheduler(
    cron: str, names: list[str], *, backend: str = "auto", timezone: str = "UTC"
) -> tuple[BlockingScheduler, CronTrigger]:
    catalogue.select(names)  # unknown names fail now, not at 03:00
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
