SELECT CAST(extract(year FROM "available") AS DOUBLE), CAST(extract(dow FROM "available") AS DOUBLE), (CAST(microsecond("available") AS DOUBLE) / 1000000), timezone($1, timezone('UTC', "inspected")) FROM "ds_abcd_1234_v1" WHERE ("inspected" IS NOT NULL) LIMIT $2 OFFSET $3
-- $1 = "America/New_York" (Text, String)
-- $2 = 1000 (Number, Int64)
-- $3 = 0 (Number, Int64)
