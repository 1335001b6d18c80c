SELECT starts_with("name", $1), (strpos(upper("name"), upper($2)) > 0), CAST(length("name") AS DOUBLE), substr("name", CAST($3 AS INTEGER), CAST($4 AS INTEGER)), lpad("name", CAST($5 AS INTEGER), $6), strip_accents("name") FROM "ds_abcd_1234_v1" LIMIT $7 OFFSET $8
-- $1 = "K" (Text, String)
-- $2 = "AR" (Text, String)
-- $3 = 2 (Number, Double)
-- $4 = 3 (Number, Double)
-- $5 = 7 (Number, Double)
-- $6 = "*" (Text, String)
-- $7 = 1000 (Number, Int64)
-- $8 = 0 (Number, Int64)
