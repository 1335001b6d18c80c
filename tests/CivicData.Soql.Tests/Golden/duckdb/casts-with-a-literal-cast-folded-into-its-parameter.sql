SELECT regexp_replace(CAST("v_max" AS VARCHAR), '\.0$', ''), CAST("make" AS DOUBLE), $1, CAST("active" AS VARCHAR), strftime("available", '%Y-%m-%dT%H:%M:%S.%g') FROM "ds_abcd_1234_v1" WHERE ("make" IS NULL) LIMIT $2 OFFSET $3
-- $1 = 5 (Number, Double)
-- $2 = 1000 (Number, Int64)
-- $3 = 0 (Number, Int64)
