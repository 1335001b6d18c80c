SELECT "make" FROM "ds_abcd_1234_v1" WHERE ST_Within("location", ST_GeomFromText($1, 4326)) ORDER BY ":seq" ASC LIMIT $2 OFFSET $3
-- $1 = "MULTIPOLYGON (((34 32, 35 32, 35 33, 34 32)))" (MultiPolygon, String)
-- $2 = 1000 (Number, Int64)
-- $3 = 0 (Number, Int64)
