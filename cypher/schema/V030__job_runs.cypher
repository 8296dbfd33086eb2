// title_zh: 作业运行记录的约束与索引
// title_en: Constraints and indexes for job runs and network statistics
// answers: one (:JobRun) per run id; history and "latest successful run" lookups by job and status are index lookups
// params: {}
CREATE CONSTRAINT job_run_id IF NOT EXISTS FOR (n:JobRun) REQUIRE n.id IS UNIQUE;
CREATE INDEX job_run_job IF NOT EXISTS FOR (n:JobRun) ON (n.job);
CREATE INDEX job_run_status IF NOT EXISTS FOR (n:JobRun) ON (n.status);
CREATE INDEX network_stats_run IF NOT EXISTS FOR (n:NetworkStats) ON (n.run_id);
