SELECT CAST("v_max" AS text), CAST("make" AS numeric), $1, CAST("active" AS text), to_char("available", 'YYYY-MM-DD"T"HH24:MI:SS.MS') FROM "ds_abcd_1234_v1" WHERE ("make" IS NULL) ORDER BY ":seq" ASC LIMIT $2 OFFSET $3
-- $1 = 5 (Number, Double)
-- $2 = 1000 (Number, Int64)
-- $3 = 0 (Number, Int64)
