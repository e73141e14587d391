// Per dataset: its tags by source (facet, by hand) and its catalog facet, as upsert-datasets stored them.
UNWIND $keys AS key
MATCH (d:Dataset {namespace: key.namespace, name: key.name})
RETURN d.namespace AS forNamespace, d.name AS forName, coalesce(d.facetTags, []) AS facetTags,
       coalesce(d.manualTags, []) AS manualTags, d.catalogName AS catalogName, d.catalogFramework AS framework,
       d.catalogType AS type, d.catalogMetadataUri AS metadataUri, d.catalogWarehouseUri AS warehouseUri,
       d.catalogSource AS source
