using CivicData.Core.Schema;
using CivicData.Storage.Loading;

namespace CivicData.Ingest.Inference;

/// <summary>
/// Picks a column's SODA type from its profile: the first candidate that every non-empty value converts to,
/// in the order checkbox, number, floating timestamp, point, url, text. A reader's hint (a GeoJSON geometry,
/// an Excel date) wins because the source said so.
/// </summary>
public static class TypeInference
{
    public static SodaType Infer(StagedColumnProfile profile, SodaType? hint)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (hint is { } given)
        {
            return given;
        }

        long values = profile.NonEmpty;
        if (values == 0)
        {
            return SodaType.Text;
        }

        if (profile.Checkbox == values)
        {
            return SodaType.Checkbox;
        }

        if (profile.Number == values)
        {
            return SodaType.Number;
        }

        if (profile.Timestamp == values)
        {
            return SodaType.FloatingTimestamp;
        }

        if (profile.WktPoint == values)
        {
            return SodaType.Point;
        }

        return profile.Url == values ? SodaType.Url : SodaType.Text;
    }

    /// <summary>True when the profile counted every non-empty value as converting to <paramref name="type"/>.</summary>
    public static bool AllValuesConvert(StagedColumnProfile profile, SodaType type)
    {
        ArgumentNullException.ThrowIfNull(profile);
        long count = type switch
        {
            SodaType.Checkbox => profile.Checkbox,
            SodaType.Number => profile.Number,
            SodaType.FloatingTimestamp => profile.Timestamp,
            SodaType.Point => profile.WktPoint,
            SodaType.Url or SodaType.Text => profile.NonEmpty,
            _ => -1,
        };
        return count == profile.NonEmpty;
    }
}
