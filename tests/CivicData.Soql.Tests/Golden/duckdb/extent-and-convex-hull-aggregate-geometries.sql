SELECT civicdata_box(min("location"."lon"), min("location"."lat"), max("location"."lon"), max("location"."lat")), civicdata_convex_hull(string_agg(civicdata_point_geojson("location"."lon", "location"."lat"), ',')), civicdata_box(min(civicdata_xmin("area")), min(civicdata_ymin("area")), max(civicdata_xmax("area")), max(civicdata_ymax("area"))) FROM "ds_abcd_1234_v1" LIMIT $1 OFFSET $2
-- $1 = 1000 (Number, Int64)
-- $2 = 0 (Number, Int64)
