SELECT "make" FROM "ds_abcd_1234_v1" LIMIT $1 OFFSET $2
-- $1 = 50000 (Number, Int64)
-- $2 = 20 (Number, Int64)
