using System.Text.Json.Serialization;
using CivicData.Storage.Loading;

namespace CivicData.Web.Soda;

/// <summary>Socrata's answer to a write (soda.md §2.2): six integer counts whose names hold spaces, always all present.</summary>
public sealed record UpsertResultDto
{
    [JsonPropertyName("By RowIdentifier")]
    public required long ByRowIdentifier { get; init; }

    [JsonPropertyName("Rows Updated")]
    public required long RowsUpdated { get; init; }

    [JsonPropertyName("Rows Deleted")]
    public required long RowsDeleted { get; init; }

    [JsonPropertyName("Rows Created")]
    public required long RowsCreated { get; init; }

    [JsonPropertyName("Errors")]
    public required long Errors { get; init; }

    [JsonPropertyName("By SID")]
    public required long BySid { get; init; }

    public static UpsertResultDto From(RowChangeCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new UpsertResultDto
        {
            ByRowIdentifier = counts.ByRowIdentifier,
            RowsUpdated = counts.Updated,
            RowsDeleted = counts.Deleted,
            RowsCreated = counts.Created,
            Errors = counts.Errors,
            BySid = counts.BySid,
        };
    }
}
