SELECT civicdata_num_points("area"), civicdata_simplify("area", CAST($1 AS DOUBLE)), civicdata_simplify_preserve_topology("area", CAST($2 AS DOUBLE)) FROM "ds_abcd_1234_v1" WHERE civicdata_intersects("area", civicdata_point_geojson(struct_extract(struct_pack(lon := CAST($3 AS DOUBLE), lat := CAST($4 AS DOUBLE)), 'lon'), struct_extract(struct_pack(lon := CAST($3 AS DOUBLE), lat := CAST($4 AS DOUBLE)), 'lat'))) LIMIT $5 OFFSET $6
-- $1 = 0.01 (Number, Double)
-- $2 = 0.01 (Number, Double)
-- $3 = 34.9 (Number, Double)
-- $4 = 32.5 (Number, Double)
-- $5 = 1000 (Number, Int64)
-- $6 = 0 (Number, Int64)
