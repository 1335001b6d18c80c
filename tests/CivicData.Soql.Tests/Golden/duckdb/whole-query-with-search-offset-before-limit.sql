SELECT "make" FROM "ds_abcd_1234_v1" WHERE (("v_max" > $1) AND ((contains(lower("make"), $2) OR contains(lower("name"), $2) OR contains(lower("website"), $2)))) ORDER BY "make" ASC NULLS LAST, ":seq" ASC LIMIT $3 OFFSET $4
-- $1 = 1 (Number, Double)
-- $2 = "a" (Text, String)
-- $3 = 2 (Number, Int64)
-- $4 = 3 (Number, Int64)
