SELECT round("ratio"), round("price", CAST($1 AS INTEGER)), abs("v_max"), ceil("ratio"), floor("ratio"), CAST((sign("price") * length(CAST(CAST(floor(abs("price")) AS BIGINT) AS VARCHAR))) AS DOUBLE), (CASE WHEN "v_max" < $2 THEN 0 WHEN "v_max" >= $3 THEN (floor($4) + 1) ELSE (floor((("v_max" - $2) * floor($4) / ($3 - $2))) + 1) END) FROM "ds_abcd_1234_v1" LIMIT $5 OFFSET $6
-- $1 = 1 (Number, Double)
-- $2 = 0 (Number, Double)
-- $3 = 100 (Number, Double)
-- $4 = 10 (Number, Double)
-- $5 = 1000 (Number, Int64)
-- $6 = 0 (Number, Int64)
