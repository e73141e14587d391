// Jobs' sourceCode facet. The code leaves the database only when $expose is true (tributary.expose-source-code).
UNWIND $keys AS key
MATCH (j:Job {namespace: key.namespace, name: key.name})
WHERE j.facet_sourceCode IS NOT NULL
RETURN j.namespace AS forNamespace, j.name AS forName, j.sourceLanguage AS language,
       CASE WHEN $expose THEN j.sourceCode END AS code
