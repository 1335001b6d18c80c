SELECT "make" FROM "ds_abcd_1234_v1" WHERE (("make" IN ($1, $2)) AND ("name" NOT IN ($3))) LIMIT $4 OFFSET $5
-- $1 = "A" (Text, String)
-- $2 = "B" (Text, String)
-- $3 = "x" (Text, String)
-- $4 = 1000 (Number, Int64)
-- $5 = 0 (Number, Int64)
