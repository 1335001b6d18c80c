SELECT "active", CAST(sum("price") AS DOUBLE) FROM "ds_abcd_1234_v1" GROUP BY "active" HAVING (CAST(sum("price") AS DOUBLE) > $1) ORDER BY CAST(sum("price") AS DOUBLE) DESC NULLS FIRST, "active" ASC NULLS LAST LIMIT $2 OFFSET $3
-- $1 = 1000 (Number, Double)
-- $2 = 1000 (Number, Int64)
-- $3 = 0 (Number, Int64)
