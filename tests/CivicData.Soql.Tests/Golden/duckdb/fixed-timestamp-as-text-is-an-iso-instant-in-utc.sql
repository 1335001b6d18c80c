SELECT strftime("inspected", '%Y-%m-%dT%H:%M:%S.%gZ'), strftime(":created_at", '%Y-%m-%dT%H:%M:%S.%gZ') FROM "ds_abcd_1234_v1" WHERE ("inspected" IS NOT NULL) LIMIT $1 OFFSET $2
-- $1 = 1000 (Number, Int64)
-- $2 = 0 (Number, Int64)
