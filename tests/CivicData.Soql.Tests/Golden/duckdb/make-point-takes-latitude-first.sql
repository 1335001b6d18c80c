SELECT (CASE WHEN $1 IS NULL OR $2 IS NULL THEN NULL ELSE struct_pack(lon := CAST($2 AS DOUBLE), lat := CAST($1 AS DOUBLE)) END) FROM "ds_abcd_1234_v1" WHERE civicdata_point_within(struct_extract((CASE WHEN $3 IS NULL OR $4 IS NULL THEN NULL ELSE struct_pack(lon := CAST($4 AS DOUBLE), lat := CAST($3 AS DOUBLE)) END), 'lon'), struct_extract((CASE WHEN $3 IS NULL OR $4 IS NULL THEN NULL ELSE struct_pack(lon := CAST($4 AS DOUBLE), lat := CAST($3 AS DOUBLE)) END), 'lat'), $5) LIMIT $6 OFFSET $7
-- $1 = 32.5 (Number, Double)
-- $2 = 34.9 (Number, Double)
-- $3 = 32.5 (Number, Double)
-- $4 = 34.9 (Number, Double)
-- $5 = "{\"type\":\"Polygon\",\"coordinates\":[[[34,32],[35,32],[35,33],[34,32]]]}" (Polygon, String)
-- $6 = 1000 (Number, Int64)
-- $7 = 0 (Number, Int64)
