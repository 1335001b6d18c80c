SELECT "make" FROM "ds_abcd_1234_v1" WHERE ("available" > $1) LIMIT $2 OFFSET $3
-- $1 = 2018-01-02T00:00:00.000 Unspecified (FloatingTimestamp, DateTime)
-- $2 = 1000 (Number, Int64)
-- $3 = 0 (Number, Int64)
