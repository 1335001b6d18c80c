SELECT mod(CAST("ratio" AS numeric), CAST($1 AS numeric)), mod(CAST("v_max" AS numeric), CAST($2 AS numeric)), mod(CAST((- "v_max") AS numeric), CAST($3 AS numeric)) FROM "ds_abcd_1234_v1" ORDER BY ":seq" ASC LIMIT $4 OFFSET $5
-- $1 = 0.5 (Number, Double)
-- $2 = 7 (Number, Double)
-- $3 = 7 (Number, Double)
-- $4 = 1000 (Number, Int64)
-- $5 = 0 (Number, Int64)
