// title_zh: 作业运行锁的唯一约束
// title_en: Uniqueness of the job run lock
// answers: two runs claiming the job run lock at once cannot create two lock nodes
// params: {}
CREATE CONSTRAINT job_lock_name IF NOT EXISTS FOR (n:JobLock) REQUIRE n.name IS UNIQUE;
