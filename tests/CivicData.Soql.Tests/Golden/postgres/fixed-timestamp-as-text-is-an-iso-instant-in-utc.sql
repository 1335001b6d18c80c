SELECT to_char(("inspected" AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), to_char((":created_at" AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') FROM "ds_abcd_1234_v1" WHERE ("inspected" IS NOT NULL) ORDER BY ":seq" ASC LIMIT $1 OFFSET $2
-- $1 = 1000 (Number, Int64)
-- $2 = 0 (Number, Int64)
