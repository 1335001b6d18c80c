SELECT "make" FROM "ds_abcd_1234_v1" WHERE (("name" LIKE $1) AND ("name" NOT LIKE $2)) LIMIT $3 OFFSET $4
-- $1 = "Kar%" (Text, String)
-- $2 = "%x" (Text, String)
-- $3 = 1000 (Number, Int64)
-- $4 = 0 (Number, Int64)
