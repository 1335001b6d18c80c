SELECT "make" FROM "ds_abcd_1234_v1" WHERE (("make" = NULL) OR ("make" IS NOT NULL)) LIMIT $1 OFFSET $2
-- $1 = 1000 (Number, Int64)
-- $2 = 0 (Number, Int64)
