using System.Data.Common;
using System.Globalization;
using System.Text;
using CivicData.Storage.Loading;
using DuckDB.NET.Data;

namespace CivicData.Storage.DuckDb;

public sealed partial class DuckDbDataStore
{
    private const int ProfileMeasures = 9;

    /// <summary>Rows read first to rule out candidate types; a table this small is profiled in that one pass.</summary>
    private const int ProfileSampleRows = 10_000;

    /// <summary>The candidate checks, in the order of <see cref="StagedColumnProfile"/>'s counts.</summary>
    private static readonly Func<string, string>[] s_candidateChecks =
    [
        DuckDbConversions.LooksLikeCheckbox,
        DuckDbConversions.LooksLikeNumber,
        DuckDbConversions.LooksLikeTimestamp,
        DuckDbConversions.LooksLikeWktPoint,
        DuckDbConversions.LooksLikeUrl,
        DuckDbConversions.LooksLikeGeoJson,
    ];

    public async Task<IReadOnlyList<StagedColumnProfile>> ProfileAsync(StagingTable staging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staging);
        if (staging.ColumnCount == 0)
        {
            return [];
        }

        await using DuckDBConnection connection = OpenConnection();
        bool[,] all = new bool[staging.ColumnCount, s_candidateChecks.Length];
        for (int i = 0; i < staging.ColumnCount; i++)
        {
            for (int c = 0; c < s_candidateChecks.Length; c++)
            {
                all[i, c] = true;
            }
        }

        // The checks are regular expressions and parses, the costly part of an import. One value that fails a
        // candidate rules it out for the whole column, so a first pass over the first rows rules out most candidates
        // (a free-text column loses all of them) and the pass over every row runs only the checks still open.
        List<StagedColumnProfile> sample = await ProfilePassAsync(connection, staging, all, ProfileSampleRows, cancellationToken);
        if (staging.RowCount <= ProfileSampleRows)
        {
            return sample;
        }

        bool[,] open = new bool[staging.ColumnCount, s_candidateChecks.Length];
        for (int i = 0; i < staging.ColumnCount; i++)
        {
            long[] counts = sample[i].CandidateCounts;
            for (int c = 0; c < s_candidateChecks.Length; c++)
            {
                open[i, c] = counts[c] == sample[i].NonEmpty;
            }
        }

        return await ProfilePassAsync(connection, staging, open, null, cancellationToken);
    }

    /// <summary>
    /// One scan counting, per column, the non-empty values and the values passing each open candidate check (a closed
    /// one counts as -1: ruled out). The numeric range is computed only where the number check is open.
    /// </summary>
    private static async Task<List<StagedColumnProfile>> ProfilePassAsync(DuckDBConnection connection, StagingTable staging, bool[,] open, int? firstRows, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("SELECT ");
        for (int i = 0; i < staging.ColumnCount; i++)
        {
            string column = Quote(string.Create(CultureInfo.InvariantCulture, $"c{i}"));
            string v = DuckDbConversions.Trimmed(column);
            bool anyOpen = false;
            for (int c = 0; c < s_candidateChecks.Length; c++)
            {
                anyOpen |= open[i, c];
            }

            // Trimming long free text costs more than every other check together; a column that can only be text
            // needs no exact count, so it gets the cheap one (blank values count as present, which changes nothing).
            sql.Append(i == 0 ? "" : ", ").Append(anyOpen ? $"count({v})" : $"count(NULLIF({column}, ''))");
            for (int c = 0; c < s_candidateChecks.Length; c++)
            {
                sql.Append(", ").Append(open[i, c] ? $"count(*) FILTER (WHERE {s_candidateChecks[c](v)})" : "-1::BIGINT");
            }

            // The range of what a number column would hold: the same cast that loading it uses.
            sql.Append(open[i, 1] ? $", min(TRY_CAST({v} AS DOUBLE)), max(TRY_CAST({v} AS DOUBLE))" : ", NULL::DOUBLE, NULL::DOUBLE");
        }

        sql.Append(" FROM ").Append(Staged(staging.TableName));
        if (firstRows is { } limit)
        {
            // rn is the row's position in the file, so these are the first rows, the same ones on every run.
            sql.Append(CultureInfo.InvariantCulture, $" WHERE rn <= {limit}");
        }

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
