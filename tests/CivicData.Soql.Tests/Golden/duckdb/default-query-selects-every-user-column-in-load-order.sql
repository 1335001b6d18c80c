SELECT "make", "name", "v_max", "price", "ratio", "available", "inspected", "active", "location", "website", "area" FROM "ds_abcd_1234_v1" LIMIT $1 OFFSET $2
-- $1 = 1000 (Number, Int64)
-- $2 = 0 (Number, Int64)
