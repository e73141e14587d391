// The standard run facets each run's node keeps (facet_<name> JSON), for runs whose raw events were purged.
// A placeholder (a parent known only from its children's parent facets) never had events of its own.
UNWIND $ids AS id
MATCH (r:Run {runId: id})
RETURN id AS forId, coalesce(r.placeholder, false) AS placeholder,
       [k IN keys(r) WHERE k STARTS WITH 'facet_' | [substring(k, 6), r[k]]] AS facets
