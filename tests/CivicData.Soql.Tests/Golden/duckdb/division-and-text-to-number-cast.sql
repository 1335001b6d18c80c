SELECT ("price" / (CASE WHEN CAST("v_max" AS DOUBLE) = CAST(0 AS DOUBLE) THEN error('division by zero') ELSE "v_max" END)), CAST("make" AS DOUBLE) FROM "ds_abcd_1234_v1" WHERE (("v_max" > $1) AND ("make" IS NULL)) LIMIT $2 OFFSET $3
-- $1 = 0 (Number, Double)
-- $2 = 1000 (Number, Int64)
-- $3 = 0 (Number, Int64)
