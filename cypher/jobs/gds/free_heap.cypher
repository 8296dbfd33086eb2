// title_zh: GDS 可用堆内存
// title_en: Free heap of the Neo4j JVM as GDS sees it
// answers: whether an algorithm's estimated memory fits before it is run
// params: {}
CALL gds.systemMonitor()
YIELD freeHeap, totalHeap, maxHeap
RETURN freeHeap AS free_heap, totalHeap AS total_heap, maxHeap AS max_heap
