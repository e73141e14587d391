UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})
RETURN d.namespace AS namespace, d.name AS name, d.description AS description, d.owners AS owners,
       d.tags AS tags, d.firstSeen AS firstSeen, d.lastSeen AS lastSeen, d.dataSourceName AS dataSourceName,
       d.dataSourceUri AS dataSourceUri, d.storageLayer AS storageLayer, d.fileFormat AS fileFormat,
       d.lifecycleState AS lifecycleState, d.datasetType AS datasetType, d.deleted AS deletedAt
