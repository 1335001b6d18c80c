SELECT "make", CAST(count(*) AS numeric) FROM "ds_abcd_1234_v1" GROUP BY "make" HAVING (CAST(count(*) AS numeric) > $1) ORDER BY "make" ASC NULLS LAST LIMIT $2 OFFSET $3
-- $1 = 5 (Number, Double)
-- $2 = 1000 (Number, Int64)
-- $3 = 0 (Number, Int64)
