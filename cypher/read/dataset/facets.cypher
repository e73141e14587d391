// Every stored standard facet of each dataset, as [name, json] pairs.
UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})
RETURN d.namespace AS forNamespace, d.name AS forName,
       [k IN keys(d) WHERE k STARTS WITH 'facet_' | [substring(k, 6), d[k]]] AS facets
