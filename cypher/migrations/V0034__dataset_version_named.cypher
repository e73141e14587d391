// An input whose datasetVersion facet names a version reads that one: a seek on (namespace, dataset, datasetVersion).
CREATE INDEX dataset_version_named IF NOT EXISTS FOR (v:DatasetVersion) ON (v.namespace, v.dataset, v.datasetVersion);
