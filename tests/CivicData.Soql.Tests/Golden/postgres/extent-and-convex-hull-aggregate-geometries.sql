SELECT ST_Multi(ST_MakeEnvelope(min(ST_XMin("location")), min(ST_YMin("location")), max(ST_XMax("location")), max(ST_YMax("location")), 4326)), ST_Multi(ST_ConvexHull(ST_Collect("location"))), ST_Multi(ST_MakeEnvelope(min(ST_XMin("area")), min(ST_YMin("area")), max(ST_XMax("area")), max(ST_YMax("area")), 4326)) FROM "ds_abcd_1234_v1" LIMIT $1 OFFSET $2
-- $1 = 1000 (Number, Int64)
-- $2 = 0 (Number, Int64)
