SELECT "make" FROM "ds_abcd_1234_v1" WHERE civicdata_point_within("location"."lon", "location"."lat", $1) LIMIT $2 OFFSET $3
-- $1 = "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[34,32],[35,32],[35,33],[34,32]]]]}" (MultiPolygon, String)
-- $2 = 1000 (Number, Int64)
-- $3 = 0 (Number, Int64)
