// title_zh: 清除失败作业的暂存分数
// title_en: Remove a failed run's staging property
// answers: leaves no trace of an unfinished run on the nodes; the public scores were never touched
// params:
//   staged: {type: str}
MATCH (n:Organization)
WHERE n[$staged] IS NOT NULL
SET n[$staged] = null
RETURN count(n) AS cleared
