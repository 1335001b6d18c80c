SELECT ST_SetSRID(ST_MakePoint(CAST($1 AS double precision), CAST($2 AS double precision)), 4326) FROM "ds_abcd_1234_v1" WHERE ST_Within(ST_SetSRID(ST_MakePoint(CAST($3 AS double precision), CAST($4 AS double precision)), 4326), ST_GeomFromText($5, 4326)) ORDER BY ":seq" ASC LIMIT $6 OFFSET $7
-- $1 = 34.9 (Number, Double)
-- $2 = 32.5 (Number, Double)
-- $3 = 34.9 (Number, Double)
-- $4 = 32.5 (Number, Double)
-- $5 = "POLYGON ((34 32, 35 32, 35 33, 34 32))" (Polygon, String)
-- $6 = 1000 (Number, Int64)
-- $7 = 0 (Number, Int64)
