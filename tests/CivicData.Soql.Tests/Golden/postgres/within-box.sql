SELECT "make" FROM "ds_abcd_1234_v1" WHERE (ST_Intersects("location", ST_MakeEnvelope($1, $2, $3, $4, 4326)) AND ($2 <= $4) AND ($1 <= $3)) ORDER BY ":seq" ASC LIMIT $5 OFFSET $6
-- $1 = -122.4 (Number, Double)
-- $2 = 47.5 (Number, Double)
-- $3 = -122.2 (Number, Double)
-- $4 = 47.7 (Number, Double)
-- $5 = 1000 (Number, Int64)
-- $6 = 0 (Number, Int64)
