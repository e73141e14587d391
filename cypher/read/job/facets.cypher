// Every stored standard facet of each job, as [name, json] pairs.
UNWIND $keys AS key
MATCH (j:Job {namespace: key.namespace, name: key.name})
RETURN j.namespace AS forNamespace, j.name AS forName,
       [k IN keys(j) WHERE k STARTS WITH 'facet_' | [substring(k, 6), j[k]]] AS facets
