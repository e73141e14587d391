// Soft delete: deleted datasets and jobs carry `deleted` (when). Range indexes let an operator list them cheaply;
// reads filter on the property of nodes they already hold.
CREATE INDEX dataset_deleted IF NOT EXISTS FOR (d:Dataset) ON (d.deleted);
CREATE INDEX job_deleted IF NOT EXISTS FOR (j:Job) ON (j.deleted);
