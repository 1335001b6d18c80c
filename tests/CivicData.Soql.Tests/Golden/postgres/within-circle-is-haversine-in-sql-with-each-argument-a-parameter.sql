SELECT "make" FROM "ds_abcd_1234_v1" WHERE (ST_DistanceSphere("location", ST_SetSRID(ST_MakePoint($1, $2), 4326), 6371008.8) <= $3) ORDER BY ":seq" ASC LIMIT $4 OFFSET $5
-- $1 = 34.9 (Number, Double)
-- $2 = 32.5 (Number, Double)
-- $3 = 10000 (Number, Double)
-- $4 = 1000 (Number, Int64)
-- $5 = 0 (Number, Int64)
