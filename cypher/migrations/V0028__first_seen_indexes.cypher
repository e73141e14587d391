// Marquez's /stats/jobs and /stats/datasets count what was first seen in the last day or week: a range on firstSeen.
CREATE INDEX job_first_seen IF NOT EXISTS FOR (j:Job) ON (j.firstSeen);
CREATE INDEX dataset_first_seen IF NOT EXISTS FOR (d:Dataset) ON (d.firstSeen);
