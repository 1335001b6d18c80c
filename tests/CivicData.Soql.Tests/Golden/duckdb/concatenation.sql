SELECT (("make" || $1) || "name") FROM "ds_abcd_1234_v1" LIMIT $2 OFFSET $3
-- $1 = " " (Text, String)
-- $2 = 1000 (Number, Int64)
-- $3 = 0 (Number, Int64)
