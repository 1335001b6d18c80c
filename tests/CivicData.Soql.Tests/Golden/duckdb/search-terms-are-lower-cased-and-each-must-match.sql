SELECT "make" FROM "ds_abcd_1234_v1" WHERE ((contains(lower("make"), $1) OR contains(lower("name"), $1) OR contains(lower("website"), $1)) AND (contains(lower("make"), $2) OR contains(lower("name"), $2) OR contains(lower("website"), $2))) LIMIT $3 OFFSET $4
-- $1 = "red" (Text, String)
-- $2 = "bike" (Text, String)
-- $3 = 1000 (Number, Int64)
-- $4 = 0 (Number, Int64)
