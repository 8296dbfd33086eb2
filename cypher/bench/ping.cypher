// title_zh: 基准：往返延迟
// title_en: Benchmark baseline — one Bolt round-trip
// answers: a constant, to time a query round-trip with no graph work (the same-run latency baseline)
// params: {}
RETURN 1 AS ok
