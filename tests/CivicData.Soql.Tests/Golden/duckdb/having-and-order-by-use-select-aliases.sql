SELECT "make", CAST(count(*) AS DOUBLE) FROM "ds_abcd_1234_v1" GROUP BY "make" HAVING ((CAST(count(*) AS DOUBLE) > $1) AND (max("v_max") < $2)) ORDER BY CAST(count(*) AS DOUBLE) DESC NULLS FIRST, "make" ASC NULLS LAST LIMIT $3 OFFSET $4
-- $1 = 1 (Number, Double)
-- $2 = 100 (Number, Double)
-- $3 = 1000 (Number, Int64)
-- $4 = 0 (Number, Int64)
