-- The metadata DCAT-US 1.1 (POD), DCAT-US 3.0 and DCAT-AP need besides what 0001 holds (issue 6, metadata catalogs).
-- Every column is optional: NULL (or an empty array) means "not given", and the exports fall back or leave it out.
-- Arrays are JSON arrays of strings, as datasets.tags is.

ALTER TABLE datasets ADD COLUMN publisher TEXT;
ALTER TABLE datasets ADD COLUMN publisher_parent TEXT;
ALTER TABLE datasets ADD COLUMN contact_name TEXT;
-- ISO 8601 interval, e.g. '2018-01-01/2018-12-31'.
ALTER TABLE datasets ADD COLUMN temporal TEXT;
-- Place name, 'W,S,E,N' bounding box, gazetteer URI or GeoJSON geometry text.
ALTER TABLE datasets ADD COLUMN spatial TEXT;
-- 'irregular' or an ISO 8601 repeating duration such as 'R/P1D'.
ALTER TABLE datasets ADD COLUMN accrual_periodicity TEXT;
ALTER TABLE datasets ADD COLUMN landing_page TEXT;
ALTER TABLE datasets ADD COLUMN languages TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(languages) AND json_type(languages) = 'array');
ALTER TABLE datasets ADD COLUMN rights TEXT;
ALTER TABLE datasets ADD COLUMN bureau_codes TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(bureau_codes) AND json_type(bureau_codes) = 'array');
ALTER TABLE datasets ADD COLUMN program_codes TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(program_codes) AND json_type(program_codes) = 'array');
-- Themes besides the category.
ALTER TABLE datasets ADD COLUMN themes TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(themes) AND json_type(themes) = 'array');
-- Date of first formal publication, 'YYYY-MM-DD'.
ALTER TABLE datasets ADD COLUMN issued TEXT;
ALTER TABLE datasets ADD COLUMN conforms_to TEXT;
ALTER TABLE datasets ADD COLUMN described_by TEXT;
ALTER TABLE datasets ADD COLUMN described_by_type TEXT;
-- Related documents (POD "references"; the word is an SQL keyword).
ALTER TABLE datasets ADD COLUMN reference_links TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(reference_links) AND json_type(reference_links) = 'array');
-- 1 true, 0 false, NULL not stated.
ALTER TABLE datasets ADD COLUMN data_quality INTEGER CHECK (data_quality IN (0, 1));
ALTER TABLE datasets ADD COLUMN system_of_records TEXT;
ALTER TABLE datasets ADD COLUMN is_part_of TEXT;
ALTER TABLE datasets ADD COLUMN primary_it_investment_uii TEXT;
