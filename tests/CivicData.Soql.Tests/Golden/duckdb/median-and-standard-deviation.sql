SELECT "make", CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY "v_max") AS DOUBLE), CAST(stddev_pop("price") AS DOUBLE) FROM "ds_abcd_1234_v1" GROUP BY "make" ORDER BY "make" ASC NULLS LAST LIMIT $1 OFFSET $2
-- $1 = 1000 (Number, Int64)
-- $2 = 0 (Number, Int64)
