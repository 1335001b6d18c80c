SELECT ST_GeomFromText($1, 4326), ST_GeomFromText($2, 4326) FROM "ds_abcd_1234_v1" ORDER BY ":seq" ASC LIMIT $3 OFFSET $4
-- $1 = "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))" (MultiPolygon, String)
-- $2 = "LINESTRING (0 0, 1 1)" (Line, String)
-- $3 = 1 (Number, Int64)
-- $4 = 0 (Number, Int64)
