SELECT "make" FROM "ds_abcd_1234_v1" WHERE (("make" = $1) AND ("v_max" = $2)) LIMIT $3 OFFSET $4
-- $1 = "OZONE" (Text, String)
-- $2 = 50 (Number, Double)
-- $3 = 1000 (Number, Int64)
-- $4 = 0 (Number, Int64)
