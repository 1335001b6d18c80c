using System.Data.Common;
using System.Globalization;
using System.Text;
using CivicData.Storage.Loading;
using DuckDB.NET.Data;

namespace CivicData.Storage.DuckDb;

public sealed partial class DuckDbDataStore
{
    private const int ProfileMeasures = 9;

    public async Task<IReadOnlyList<StagedColumnProfile>> ProfileAsync(StagingTable staging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staging);
        if (staging.ColumnCount == 0)
        {
            return [];
        }

        // One scan for all columns: every candidate type is a conditional count.
        var sql = new StringBuilder("SELECT ");
        for (int i = 0; i < staging.ColumnCount; i++)
        {
            string v = DuckDbConversions.Trimmed(Quote(string.Create(CultureInfo.InvariantCulture, $"c{i}")));
            string number = $"CASE WHEN {DuckDbConversions.LooksLikeNumber(v)} THEN TRY_CAST({v} AS DOUBLE) END";
            sql.Append(i == 0 ? "" : ", ")
                .Append(CultureInfo.InvariantCulture, $"count({v}), ")
                .Append(CultureInfo.InvariantCulture, $"count(*) FILTER (WHERE {DuckDbConversions.LooksLikeCheckbox(v)}), ")
                .Append(CultureInfo.InvariantCulture, $"count(*) FILTER (WHERE {DuckDbConversions.LooksLikeNumber(v)}), ")
                .Append(CultureInfo.InvariantCulture, $"count(*) FILTER (WHERE {DuckDbConversions.LooksLikeTimestamp(v)}), ")
                .Append(CultureInfo.InvariantCulture, $"count(*) FILTER (WHERE {DuckDbConversions.LooksLikeWktPoint(v)}), ")
                .Append(CultureInfo.InvariantCulture, $"count(*) FILTER (WHERE {DuckDbConversions.LooksLikeUrl(v)}), ")
                .Append(CultureInfo.InvariantCulture, $"count(*) FILTER (WHERE {DuckDbConversions.LooksLikeGeoJson(v)}), ")
                .Append(CultureInfo.InvariantCulture, $"min({number})::DOUBLE, max({number})::DOUBLE");
        }

        sql.Append(" FROM ").Append(Quote(staging.TableName));
        await using DuckDBConnection connection = OpenConnection();
        await using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql.ToString();
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var profiles = new List<StagedColumnProfile>(staging.ColumnCount);
        for (int i = 0; i < staging.ColumnCount; i++)
        {
            int o = i * ProfileMeasures;
            profiles.Add(new StagedColumnProfile(
                i,
                reader.GetInt64(o),
                reader.GetInt64(o + 1),
                reader.GetInt64(o + 2),
                reader.GetInt64(o + 3),
                reader.GetInt64(o + 4),
                reader.GetInt64(o + 5),
                reader.GetInt64(o + 6),
                reader.IsDBNull(o + 7) ? null : reader.GetDouble(o + 7),
                reader.IsDBNull(o + 8) ? null : reader.GetDouble(o + 8)));
        }

        return profiles;
    }
}
