using System.Collections;
using System.Data.Common;
using System.Globalization;

namespace CivicData.Storage.Querying;

/// <summary>
/// Reads the store-specific shapes of cells that ADO.NET has no common type for. Everything else reads with the
/// plain getters: number/double/money → double, checkbox → bool, timestamps → DateTime, text/url/geometry JSON → string.
/// </summary>
public static class CellReader
{
    /// <summary>A point cell as (longitude, latitude), or null when the cell or either coordinate is null.</summary>
    public static (double Lon, double Lat)? GetPoint(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        // DuckDB returns STRUCT(lon, lat) as a dictionary keyed by field name.
        if (reader.GetValue(ordinal) is IDictionary fields && fields["lon"] is { } lon && fields["lat"] is { } lat)
        {
            return (Convert.ToDouble(lon, CultureInfo.InvariantCulture), Convert.ToDouble(lat, CultureInfo.InvariantCulture));
        }

        return null;
    }
}
