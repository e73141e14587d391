// The version a run read is the newest created at or before its read (read/run/versions-read): an index-ordered
// range seek on (namespace, dataset, createdAt), which also pages Dataset.versions newest first.
CREATE INDEX dataset_version_created_at IF NOT EXISTS FOR (v:DatasetVersion) ON (v.namespace, v.dataset, v.createdAt);
