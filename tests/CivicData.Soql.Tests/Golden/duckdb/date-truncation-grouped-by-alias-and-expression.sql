SELECT date_trunc('day', "available"), date_trunc('year', "inspected"), CAST(count(*) AS DOUBLE) FROM "ds_abcd_1234_v1" GROUP BY date_trunc('day', "available"), date_trunc('year', "inspected") ORDER BY CAST(count(*) AS DOUBLE) DESC NULLS FIRST, date_trunc('day', "available") ASC NULLS LAST, date_trunc('year', "inspected") ASC NULLS LAST LIMIT $1 OFFSET $2
-- $1 = 1000 (Number, Int64)
-- $2 = 0 (Number, Int64)
