-- Tags as rows, so the tag filter and the tag facet read an index instead of parsing every dataset's JSON array
-- (issue 5, W7: browsing all 10,000 datasets spent most of its time in json_each).
-- datasets.tags stays the source of truth; the triggers below keep dataset_tags in step with it on every write.

CREATE TABLE dataset_tags (
    dataset_id TEXT    NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    tag        TEXT    NOT NULL,
    -- 1 when anonymous callers can see the dataset: public with a current version (the search's own rule).
    listed     INTEGER NOT NULL CHECK (listed IN (0, 1)),
    PRIMARY KEY (dataset_id, tag)
) WITHOUT ROWID;

-- The tag filter compares without case, as it did over json_each.
CREATE INDEX dataset_tags_by_tag ON dataset_tags (tag COLLATE NOCASE, dataset_id);

-- The tag facet of an unfiltered search: every tag counted straight from this index.
CREATE INDEX dataset_tags_listed ON dataset_tags (listed, tag);

-- A search without words scans this index, not the wide rows, for its total and its category and department facets.
CREATE INDEX datasets_listing ON datasets (visibility, current_version, category, department, id);

CREATE TRIGGER datasets_tags_after_insert AFTER INSERT ON datasets
BEGIN
    INSERT OR IGNORE INTO dataset_tags (dataset_id, tag, listed)
    SELECT NEW.id, t.value, NEW.visibility = 'public' AND NEW.current_version IS NOT NULL
    FROM json_each(NEW.tags) AS t;
END;

CREATE TRIGGER datasets_tags_after_update AFTER UPDATE OF tags, visibility, current_version ON datasets
BEGIN
    DELETE FROM dataset_tags WHERE dataset_id = OLD.id;
    INSERT OR IGNORE INTO dataset_tags (dataset_id, tag, listed)
    SELECT NEW.id, t.value, NEW.visibility = 'public' AND NEW.current_version IS NOT NULL
    FROM json_each(NEW.tags) AS t;
END;

INSERT OR IGNORE INTO dataset_tags (dataset_id, tag, listed)
SELECT d.id, t.value, d.visibility = 'public' AND d.current_version IS NOT NULL
FROM datasets AS d, json_each(d.tags) AS t;
