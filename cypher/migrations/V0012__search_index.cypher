// Ranked full-text search over jobs, datasets and columns: names (split at punctuation and camelCase by the ingest
// path into searchText), namespaces and descriptions.
CREATE FULLTEXT INDEX search_text IF NOT EXISTS
FOR (n:Job|Dataset|Field) ON EACH [n.searchText, n.description]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false}};
