SELECT "make" FROM "ds_abcd_1234_v1" ORDER BY "make" ASC NULLS FIRST, "name" DESC NULLS LAST, ":seq" ASC LIMIT $1 OFFSET $2
-- $1 = 1000 (Number, Int64)
-- $2 = 0 (Number, Int64)
