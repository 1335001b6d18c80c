SELECT ((("v_max" * $1) + ("ratio" / (CASE WHEN CAST($2 AS DOUBLE) = CAST(0 AS DOUBLE) THEN error('division by zero') ELSE $2 END))) - ("price" % (CASE WHEN CAST($3 AS DOUBLE) = CAST(0 AS DOUBLE) THEN error('division by zero') ELSE $3 END))), (- "v_max"), power($4, (CASE WHEN CAST($4 AS DOUBLE) < CAST(0 AS DOUBLE) AND CAST($5 AS DOUBLE) <> floor( CAST($5 AS DOUBLE) ) THEN error('a negative number has no fractional power') ELSE $5 END)) FROM "ds_abcd_1234_v1" LIMIT $6 OFFSET $7
-- $1 = 2 (Number, Double)
-- $2 = 4 (Number, Double)
-- $3 = 3 (Number, Double)
-- $4 = 2 (Number, Double)
-- $5 = 3 (Number, Double)
-- $6 = 1000 (Number, Int64)
-- $7 = 0 (Number, Int64)
