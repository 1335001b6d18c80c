SELECT CAST(count(*) AS DOUBLE), CAST(count("location") AS DOUBLE), CAST(sum("price") AS DOUBLE), CAST(avg("ratio") AS DOUBLE), min("v_max"), max("inspected") FROM "ds_abcd_1234_v1" LIMIT $1 OFFSET $2
-- $1 = 1000 (Number, Int64)
-- $2 = 0 (Number, Int64)
