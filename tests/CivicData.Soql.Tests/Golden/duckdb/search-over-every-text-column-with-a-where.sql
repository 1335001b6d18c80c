SELECT "name", "website" FROM "ds_abcd_1234_v1" WHERE (("active" = $1) AND ((contains(lower("make"), $2) OR contains(lower("name"), $2) OR contains(lower("website"), $2)))) LIMIT $3 OFFSET $4
-- $1 = true (Checkbox, Boolean)
-- $2 = "example" (Text, String)
-- $3 = 1000 (Number, Int64)
-- $4 = 0 (Number, Int64)
