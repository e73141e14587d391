UNWIND $keys AS key
MATCH (j:Job {namespace: key.namespace, name: key.name})
RETURN j.namespace AS namespace, j.name AS name, j.description AS description, j.jobType AS jobType,
       j.integration AS integration, j.processingType AS processingType, j.owners AS owners, j.tags AS tags,
       j.sql AS sql, j.sqlDialect AS sqlDialect, j.facet_sourceCodeLocation AS sourceCodeLocation,
       j.deleted AS deletedAt
