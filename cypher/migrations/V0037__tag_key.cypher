// Tags described by hand (Marquez's PUT /tags/{tag}); a tag used without a description needs no node.
CREATE CONSTRAINT tag_key IF NOT EXISTS FOR (t:Tag) REQUIRE t.name IS UNIQUE;
// GET /tags lists the tags in use: range indexes let it find the tagged nodes without reading every node.
CREATE INDEX dataset_tag_text IF NOT EXISTS FOR (d:Dataset) ON (d.tagText);
CREATE INDEX job_tag_text IF NOT EXISTS FOR (j:Job) ON (j.tagText)
