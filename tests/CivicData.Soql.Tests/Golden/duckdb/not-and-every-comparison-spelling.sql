SELECT "make" FROM "ds_abcd_1234_v1" WHERE ((((NOT (("v_max" >= $1) AND ("v_max" <= $2))) AND ("ratio" <> $3)) AND ("ratio" <> $4)) AND ("ratio" = $5)) LIMIT $6 OFFSET $7
-- $1 = 3 (Number, Double)
-- $2 = 4 (Number, Double)
-- $3 = 1 (Number, Double)
-- $4 = 2 (Number, Double)
-- $5 = 3 (Number, Double)
-- $6 = 1000 (Number, Int64)
-- $7 = 0 (Number, Int64)
