SELECT "make" FROM "ds_abcd_1234_v1" WHERE (("location"."lat" BETWEEN $1 AND $2) AND ("location"."lon" BETWEEN $3 AND $4)) LIMIT $5 OFFSET $6
-- $1 = 47.5 (Number, Double)
-- $2 = 47.7 (Number, Double)
-- $3 = -122.4 (Number, Double)
-- $4 = -122.2 (Number, Double)
-- $5 = 1000 (Number, Int64)
-- $6 = 0 (Number, Int64)
