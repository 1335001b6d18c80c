SELECT "make", CAST(sum("v_max") AS DOUBLE), CAST(avg("price") AS DOUBLE), min("available"), max("name") FROM "ds_abcd_1234_v1" GROUP BY "make" ORDER BY "make" ASC NULLS LAST LIMIT $1 OFFSET $2
-- $1 = 1000 (Number, Int64)
-- $2 = 0 (Number, Int64)
