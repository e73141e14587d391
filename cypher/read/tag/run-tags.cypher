// Per run: the tags of its newest tags facet.
UNWIND $ids AS id
MATCH (r:Run {runId: id})
RETURN r.runId AS forId, coalesce(r.tags, []) AS tags
