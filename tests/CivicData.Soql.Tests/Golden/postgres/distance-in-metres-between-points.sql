SELECT "name", CAST(ST_DistanceSphere("location", ST_SetSRID(ST_MakePoint($1, $2), 4326), 6371008.8) AS numeric) FROM "ds_abcd_1234_v1" WHERE ("location" IS NOT NULL) ORDER BY ":seq" ASC LIMIT $3 OFFSET $4
-- $1 = 34.8926 (Number, Double)
-- $2 = 32.50578 (Number, Double)
-- $3 = 1000 (Number, Int64)
-- $4 = 0 (Number, Int64)
