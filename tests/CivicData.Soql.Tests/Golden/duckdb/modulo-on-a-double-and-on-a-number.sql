SELECT ("ratio" % (CASE WHEN CAST($1 AS DOUBLE) = CAST(0 AS DOUBLE) THEN error('division by zero') ELSE $1 END)), ("v_max" % (CASE WHEN CAST($2 AS DOUBLE) = CAST(0 AS DOUBLE) THEN error('division by zero') ELSE $2 END)), ((- "v_max") % (CASE WHEN CAST($3 AS DOUBLE) = CAST(0 AS DOUBLE) THEN error('division by zero') ELSE $3 END)) FROM "ds_abcd_1234_v1" LIMIT $4 OFFSET $5
-- $1 = 0.5 (Number, Double)
-- $2 = 7 (Number, Double)
-- $3 = 7 (Number, Double)
-- $4 = 1000 (Number, Int64)
-- $5 = 0 (Number, Int64)
