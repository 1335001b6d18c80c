using System.ComponentModel.DataAnnotations;

namespace CivicData.Storage;

/// <summary>Data store settings (configuration section "Storage").</summary>
public sealed class StorageOptions
{
    /// <summary>How long one query may run before it is cancelled with a timeout error.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many versions of each dataset to keep, the current one included.</summary>
    [Range(1, 1000)]
    public int VersionsToKeep { get; set; } = 5;
}
