SELECT (upper("make") || $1), CAST(count(*) AS numeric) FROM "ds_abcd_1234_v1" GROUP BY (upper("make") || $1) ORDER BY (upper("make") || $1) ASC NULLS LAST LIMIT $2 OFFSET $3
-- $1 = "-" (Text, String)
-- $2 = 1000 (Number, Int64)
-- $3 = 0 (Number, Int64)
