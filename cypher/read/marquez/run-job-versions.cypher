// The job version each run belongs to (set when the run ended; null while it runs): Marquez's run.jobVersion.
UNWIND $ids AS id
MATCH (r:Run {runId: id})
RETURN id AS forId, r.jobVersion AS jobVersion
