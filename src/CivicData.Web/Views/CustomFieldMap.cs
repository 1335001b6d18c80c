using System.Collections.Immutable;
using System.Globalization;
using CivicData.Catalog.Datasets;

namespace CivicData.Web.Views;

/// <summary>
/// The metadata Socrata keeps as custom fields, by set and key: the department under "Dataset Information", and the
/// DCAT-US fields under "Common Core", the set Socrata's data.json export reads. Lists are comma-separated text (custom
/// fields are strings); reading accepts a JSON array as well. The one table both directions use, so what the metadata
/// APIs show is exactly what they accept.
/// </summary>
internal static class CustomFieldMap
{
    public const string DatasetInformation = "Dataset Information";

    public const string CommonCore = "Common Core";

    private static readonly CustomField[] s_fields =
    [
        new(DatasetInformation, "Department", m => m.Department, (m, v) => m with { Department = v }),
        Text("Publisher", m => m.Publisher, (m, v) => m with { Publisher = v }),
        Text("Sub Organization Of", m => m.PublisherParent, (m, v) => m with { PublisherParent = v }),
        Text("Contact Name", m => m.ContactName, (m, v) => m with { ContactName = v }),
        Text("Contact Email", m => m.ContactEmail, (m, v) => m with { ContactEmail = v }),
        Text("Public Access Level", m => m.AccessLevel, (m, v) => m with { Visibility = AccessLevelOf(v) ?? m.Visibility }),
        Text("Temporal", m => m.Temporal, (m, v) => m with { Temporal = v }),
        Text("Spatial", m => m.Spatial, (m, v) => m with { Spatial = v }),
        Text("Frequency", m => m.AccrualPeriodicity, (m, v) => m with { AccrualPeriodicity = v }),
        Text("Issued", m => m.Issued?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (m, v) => m with { Issued = DateOf(v) }),
        Text("Language", m => Join(m.Languages), (m, v) => m with { Languages = Split(v) }),
        Text("Landing Page", m => m.LandingPage, (m, v) => m with { LandingPage = v }),
        Text("License URL", m => m.LicenseUrl, (m, v) => m with { LicenseUrl = v }),
        Text("Rights", m => m.Rights, (m, v) => m with { Rights = v }),
        Text("Bureau Code", m => Join(m.BureauCodes), (m, v) => m with { BureauCodes = Split(v) }),
        Text("Program Code", m => Join(m.ProgramCodes), (m, v) => m with { ProgramCodes = Split(v) }),
        Text("Theme", m => Join(m.Themes), (m, v) => m with { Themes = Split(v) }),
        Text("Conforms To", m => m.ConformsTo, (m, v) => m with { ConformsTo = v }),
        Text("Described By", m => m.DescribedBy, (m, v) => m with { DescribedBy = v }),
        Text("Described By Type", m => m.DescribedByType, (m, v) => m with { DescribedByType = v }),
        Text("References", m => Join(m.References), (m, v) => m with { References = Split(v) }),
        Text("Data Quality", m => m.DataQuality is { } quality ? (quality ? "true" : "false") : null, (m, v) => m with { DataQuality = BooleanOf(v) }),
        Text("System of Records", m => m.SystemOfRecords, (m, v) => m with { SystemOfRecords = v }),
        Text("Is Part Of", m => m.IsPartOf, (m, v) => m with { IsPartOf = v }),
        Text("Primary IT Investment UII", m => m.PrimaryItInvestmentUii, (m, v) => m with { PrimaryItInvestmentUii = v }),
    ];

    /// <summary>Every set with the fields that hold a value, as the metadata APIs show them.</summary>
    public static Dictionary<string, IReadOnlyDictionary<string, string>> Read(DatasetMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var sets = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (IGrouping<string, CustomField> set in s_fields.GroupBy(field => field.Set))
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (CustomField field in set)
            {
                if (field.Read(metadata) is { Length: > 0 } value)
                {
                    values[field.Key] = value;
                }
            }

            if (values.Count > 0)
            {
                sets[set.Key] = values;
            }
        }

        return sets;
    }

    /// <summary>
    /// Writes one custom field; a null or blank value clears it. False when the set has no such key. Throws
    /// <see cref="FormatException"/> for a value the field cannot hold (a date that is not one, an unknown access level).
    /// </summary>
    public static bool TryWrite(ref DatasetMetadata metadata, string set, string key, string? value)
    {
        CustomField? field = Array.Find(s_fields, field => field.Set == set && string.Equals(field.Key, key, StringComparison.OrdinalIgnoreCase));
        if (field is null)
        {
            return false;
        }

        metadata = field.Write(metadata, string.IsNullOrWhiteSpace(value) ? null : value.Trim());
        return true;
    }

    private static CustomField Text(string key, Func<DatasetMetadata, string?> read, Func<DatasetMetadata, string?, DatasetMetadata> write) =>
        new(CommonCore, key, read, write);

    private static string? Join(ImmutableArray<string> items) => items.IsDefaultOrEmpty ? null : string.Join(", ", items);

    private static ImmutableArray<string> Split(string? value) =>
        value is null ? [] : [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static DateOnly? DateOf(string? value) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date) ? date
        : throw new FormatException($"'{value}' is not a date YYYY-MM-DD");

    private static bool? BooleanOf(string? value) =>
        value is null ? null
        : bool.TryParse(value, out bool flag) ? flag
        : throw new FormatException($"'{value}' is not true or false");

    /// <summary>POD's access levels as the portal has them: public, or private ("non-public"); null leaves it as it is.</summary>
    private static Visibility? AccessLevelOf(string? value) => value switch
    {
        null => null,
        AccessLevels.Public => Visibility.Public,
        AccessLevels.NonPublic => Visibility.Private,
        _ => throw new FormatException($"'{value}' is not '{AccessLevels.Public}' or '{AccessLevels.NonPublic}' (the portal has no restricted public level)"),
    };

    private sealed record CustomField(string Set, string Key, Func<DatasetMetadata, string?> Read, Func<DatasetMetadata, string?, DatasetMetadata> Write);
}
