SELECT "make" FROM "ds_abcd_1234_v1" WHERE ("v_max" > $1) LIMIT $2 OFFSET $3
-- $1 = 3000 (Number, Double)
-- $2 = 1000 (Number, Int64)
-- $3 = 0 (Number, Int64)
