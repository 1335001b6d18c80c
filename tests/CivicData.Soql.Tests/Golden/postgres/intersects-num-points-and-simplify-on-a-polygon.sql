SELECT CAST(ST_NPoints("area") AS numeric), ST_Simplify("area", CAST($1 AS double precision)), ST_SimplifyPreserveTopology("area", CAST($2 AS double precision)) FROM "ds_abcd_1234_v1" WHERE ST_Intersects("area", ST_SetSRID(ST_MakePoint($3, $4), 4326)) ORDER BY ":seq" ASC LIMIT $5 OFFSET $6
-- $1 = 0.01 (Number, Double)
-- $2 = 0.01 (Number, Double)
-- $3 = 34.9 (Number, Double)
-- $4 = 32.5 (Number, Double)
-- $5 = 1000 (Number, Int64)
-- $6 = 0 (Number, Int64)
