SELECT "make" FROM "ds_abcd_1234_v1" WHERE (("v_max" > $1) AND (((strpos(lower("make"), $2) > 0) OR (strpos(lower("name"), $2) > 0) OR (strpos(lower("website"), $2) > 0)))) ORDER BY "make" ASC NULLS LAST, ":seq" ASC LIMIT $3 OFFSET $4
-- $1 = 1 (Number, Double)
-- $2 = "a" (Text, String)
-- $3 = 2 (Number, Int64)
-- $4 = 3 (Number, Int64)
