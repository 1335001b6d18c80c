SELECT "make" FROM "ds_abcd_1234_v1" WHERE ((("v_max" >= $1) AND ("v_max" <= $2)) AND (("price" < $3) OR ("price" > $4))) LIMIT $5 OFFSET $6
-- $1 = 10 (Number, Double)
-- $2 = 20 (Number, Double)
-- $3 = 1 (Number, Double)
-- $4 = 2 (Number, Double)
-- $5 = 1000 (Number, Int64)
-- $6 = 0 (Number, Int64)
