using System.Collections.Frozen;
using CivicData.Core.Schema;
using CivicData.Storage.Loading;

namespace CivicData.Ingest.Inference;

/// <summary>Finds a latitude and a longitude number column that together can make a point column.</summary>
public static class CoordinatePair
{
    private static readonly FrozenSet<string> s_latitudeNames = FrozenSet.ToFrozenSet(["latitude", "lat", "y_latitude"]);
    private static readonly FrozenSet<string> s_longitudeNames = FrozenSet.ToFrozenSet(["longitude", "lon", "lng", "long", "x_longitude"]);

    /// <summary>Indexes of the pair, or null when there is no such pair or its values are out of range.</summary>
    public static (int Latitude, int Longitude)? Find(IReadOnlyList<string> fieldNames, IReadOnlyList<SodaType> types, IReadOnlyList<StagedColumnProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(fieldNames);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(profiles);
        int latitude = -1;
        int longitude = -1;
        for (int i = 0; i < fieldNames.Count; i++)
        {
            if (types[i] != SodaType.Number)
            {
                continue;
            }

            if (latitude < 0 && s_latitudeNames.Contains(fieldNames[i]) && Within(profiles[i], 90))
            {
                latitude = i;
            }
            else if (longitude < 0 && s_longitudeNames.Contains(fieldNames[i]) && Within(profiles[i], 180))
            {
                longitude = i;
            }
        }

        return latitude >= 0 && longitude >= 0 ? (latitude, longitude) : null;
    }

    private static bool Within(StagedColumnProfile profile, double limit) =>
        profile.Min is { } min && profile.Max is { } max && min >= -limit && max <= limit;
}
