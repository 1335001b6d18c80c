SELECT "make" FROM "ds_abcd_1234_v1" WHERE (("active" = $1) OR ("active" IS NULL)) LIMIT $2 OFFSET $3
-- $1 = true (Checkbox, Boolean)
-- $2 = 1000 (Number, Int64)
-- $3 = 0 (Number, Int64)
