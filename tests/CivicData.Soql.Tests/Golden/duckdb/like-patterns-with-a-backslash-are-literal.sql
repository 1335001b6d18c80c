SELECT "name" FROM "ds_abcd_1234_v1" WHERE (("name" LIKE $1) OR ("name" NOT LIKE $2)) LIMIT $3 OFFSET $4
-- $1 = "%\\%" (Text, String)
-- $2 = "Red_%" (Text, String)
-- $3 = 1000 (Number, Int64)
-- $4 = 0 (Number, Int64)
