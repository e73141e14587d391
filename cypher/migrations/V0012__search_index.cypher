// Ranked full-text search over jobs, datasets and columns. Superseded by V0036 (search_text_v2, which adds tags and
// catalog names): a statement here would rebuild the old index at every start only for V0036 to drop it again.
