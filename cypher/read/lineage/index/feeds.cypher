// The adjacency index's load (lineage/index), one page of column lineage ((input Field)-[:FEEDS]->(output Field)), each
// edge with what a column walk shows on it and the job that reported it. current: not a derivation that only a job's
// earlier version reported (its job's edge from the input's dataset or to the output's is history), the rule of
// column-downstream.cypher; the walk applies the deleted marks itself.
MATCH (s:Field)-[e:FEEDS]->(t:Field)
WITH s, e, t SKIP $skip LIMIT $limit
RETURN elementId(s) AS from, elementId(t) AS to, e.type AS type, e.subtype AS subtype, e.description AS description,
       e.masking AS masking, e.jobNamespace AS jobNamespace, e.jobName AS jobName,
       NOT EXISTS { MATCH (:Dataset {namespace: s.namespace, name: s.dataset})-[h:READ_BY]->
                          (:Job {namespace: e.jobNamespace, name: e.jobName}) WHERE h.history }
       AND NOT EXISTS { MATCH (:Job {namespace: e.jobNamespace, name: e.jobName})-[h:WRITES]->
                              (:Dataset {namespace: t.namespace, name: t.dataset}) WHERE h.history } AS current
