// All jobs (deleted ones included, as Marquez counts them; from the label count store) and the first-seen times of
// those first seen since $from (on the firstSeen index): Marquez's cumulative /stats/jobs.
CALL () { MATCH (j:Job) RETURN count(j) AS total }
CALL () { MATCH (j:Job) WHERE j.firstSeen >= $from RETURN collect(j.firstSeen) AS recent }
RETURN total, recent
