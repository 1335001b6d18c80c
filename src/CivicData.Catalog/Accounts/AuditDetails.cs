using System.Text.Json;

namespace CivicData.Catalog.Accounts;

/// <summary>Builds the JSON object an <see cref="AuditEntry"/> carries.</summary>
public static class AuditDetails
{
    public static string Of(params (string Key, object? Value)[] pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach ((string key, object? value) in pairs)
        {
            values[key] = value;
        }

        return JsonSerializer.Serialize(values);
    }
}
