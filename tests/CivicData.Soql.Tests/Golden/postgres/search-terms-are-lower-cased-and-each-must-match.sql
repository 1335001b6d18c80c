SELECT "make" FROM "ds_abcd_1234_v1" WHERE (((strpos(lower("make"), $1) > 0) OR (strpos(lower("name"), $1) > 0) OR (strpos(lower("website"), $1) > 0)) AND ((strpos(lower("make"), $2) > 0) OR (strpos(lower("name"), $2) > 0) OR (strpos(lower("website"), $2) > 0))) ORDER BY ":seq" ASC LIMIT $3 OFFSET $4
-- $1 = "red" (Text, String)
-- $2 = "bike" (Text, String)
-- $3 = 1000 (Number, Int64)
-- $4 = 0 (Number, Int64)
