SELECT "make" FROM "ds_abcd_1234_v1" WHERE ((2 * 6371008.8 * asin(least(1, sqrt((power(sin((radians(("location"."lat" - $1)) / 2)), 2) + cos(radians("location"."lat")) * cos(radians($1)) * power(sin((radians(("location"."lon" - $2)) / 2)), 2)))))) <= $3) LIMIT $4 OFFSET $5
-- $1 = 32.5 (Number, Double)
-- $2 = 34.9 (Number, Double)
-- $3 = 10000 (Number, Double)
-- $4 = 1000 (Number, Int64)
-- $5 = 0 (Number, Int64)
