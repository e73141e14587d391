// Per job: its tags by source (facet, by hand).
UNWIND $keys AS key
MATCH (j:Job {namespace: key.namespace, name: key.name})
RETURN j.namespace AS forNamespace, j.name AS forName, coalesce(j.facetTags, []) AS facetTags,
       coalesce(j.manualTags, []) AS manualTags
