SELECT ((("v_max" * $1) + ("ratio" / $2)) - ("price" % $3)), (- "v_max"), power($4, $5) FROM "ds_abcd_1234_v1" ORDER BY ":seq" ASC LIMIT $6 OFFSET $7
-- $1 = 2 (Number, Double)
-- $2 = 4 (Number, Double)
-- $3 = 3 (Number, Double)
-- $4 = 2 (Number, Double)
-- $5 = 3 (Number, Double)
-- $6 = 1000 (Number, Int64)
-- $7 = 0 (Number, Int64)
