SELECT $1, $2 FROM "ds_abcd_1234_v1" LIMIT $3 OFFSET $4
-- $1 = "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]]]}" (MultiPolygon, String)
-- $2 = "{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}" (Line, String)
-- $3 = 1 (Number, Int64)
-- $4 = 0 (Number, Int64)
