SELECT "name", CAST((2 * 6371008.8 * asin(least(1, sqrt((power(sin((radians(("location"."lat" - struct_extract(struct_pack(lon := CAST($1 AS DOUBLE), lat := CAST($2 AS DOUBLE)), 'lat'))) / 2)), 2) + cos(radians("location"."lat")) * cos(radians(struct_extract(struct_pack(lon := CAST($1 AS DOUBLE), lat := CAST($2 AS DOUBLE)), 'lat'))) * power(sin((radians(("location"."lon" - struct_extract(struct_pack(lon := CAST($1 AS DOUBLE), lat := CAST($2 AS DOUBLE)), 'lon'))) / 2)), 2)))))) AS DOUBLE) FROM "ds_abcd_1234_v1" WHERE ("location" IS NOT NULL) LIMIT $3 OFFSET $4
-- $1 = 34.8926 (Number, Double)
-- $2 = 32.50578 (Number, Double)
-- $3 = 1000 (Number, Int64)
-- $4 = 0 (Number, Int64)
