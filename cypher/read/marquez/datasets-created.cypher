// All datasets (deleted ones included, as Marquez counts them; from the label count store) and the first-seen times
// of those first seen since $from (on the firstSeen index): Marquez's cumulative /stats/datasets.
CALL () { MATCH (d:Dataset) RETURN count(d) AS total }
CALL () { MATCH (d:Dataset) WHERE d.firstSeen >= $from RETURN collect(d.firstSeen) AS recent }
RETURN total, recent
