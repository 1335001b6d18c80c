SELECT CAST(count(*) AS numeric), CAST(count("location") AS numeric), CAST(sum("price") AS numeric), CAST(avg("ratio") AS numeric), min("v_max"), max("inspected") FROM "ds_abcd_1234_v1" LIMIT $1 OFFSET $2
-- $1 = 1000 (Number, Int64)
-- $2 = 0 (Number, Int64)
