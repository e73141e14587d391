// Jobs, datasets, runs and archived events of the whole store, from the database's label counts (constant time; soft
// deleted ones included).
CALL () { MATCH (j:Job) RETURN count(j) AS jobs }
CALL () { MATCH (d:Dataset) RETURN count(d) AS datasets }
CALL () { MATCH (r:Run) RETURN count(r) AS runs }
CALL () { MATCH (e:Event) RETURN count(e) AS events }
RETURN jobs, datasets, runs, events
