-- Deleting a dataset (CKAN's package_delete) hides it from every reader but keeps its row, versions and tables, so
-- the deletion is recorded, can be undone by an operator, and the 4x4 is never handed out again.
ALTER TABLE datasets ADD COLUMN deleted_at TEXT;

-- "listed" now also needs the dataset not to be deleted.
DROP TRIGGER datasets_tags_after_insert;
DROP TRIGGER datasets_tags_after_update;

CREATE TRIGGER datasets_tags_after_insert AFTER INSERT ON datasets
BEGIN
    INSERT OR IGNORE INTO dataset_tags (dataset_id, tag, listed)
    SELECT NEW.id, t.value, NEW.visibility = 'public' AND NEW.current_version IS NOT NULL AND NEW.deleted_at IS NULL
    FROM json_each(NEW.tags) AS t;
END;

CREATE TRIGGER datasets_tags_after_update AFTER UPDATE OF tags, visibility, current_version, deleted_at ON datasets
BEGIN
    DELETE FROM dataset_tags WHERE dataset_id = OLD.id;
    INSERT OR IGNORE INTO dataset_tags (dataset_id, tag, listed)
    SELECT NEW.id, t.value, NEW.visibility = 'public' AND NEW.current_version IS NOT NULL AND NEW.deleted_at IS NULL
    FROM json_each(NEW.tags) AS t;
END;
