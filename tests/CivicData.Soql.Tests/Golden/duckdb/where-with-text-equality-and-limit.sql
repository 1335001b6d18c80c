SELECT "make", "name" FROM "ds_abcd_1234_v1" WHERE ("make" = $1) LIMIT $2 OFFSET $3
-- $1 = "APCO" (Text, String)
-- $2 = 10 (Number, Int64)
-- $3 = 0 (Number, Int64)
