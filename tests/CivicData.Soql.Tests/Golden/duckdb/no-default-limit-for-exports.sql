SELECT "make" FROM "ds_abcd_1234_v1" OFFSET $1
-- $1 = 0 (Number, Int64)
