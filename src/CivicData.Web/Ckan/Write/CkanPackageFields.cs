using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using CivicData.Catalog.Datasets;

namespace CivicData.Web.Ckan.Write;

/// <summary>
/// Reads the fields of a CKAN dataset dict (ckan.md §3.1) into CivicData's metadata, the inverse of
/// <see cref="CkanCatalog.ToPackage(Datasets.VisibleDataset, string)"/>: notes → description, url → attribution link,
/// author → attribution, maintainer → contact name, maintainer_email → contact email, license_id → licence, private →
/// visibility, tags, the first group → category, and DCAT-US fields from extras under their POD names.
/// </summary>
internal static class CkanPackageFields
{
    /// <summary>Extras keys (POD / ckanext-dcat names, with snake_case aliases) and the metadata they set.</summary>
    private static readonly Dictionary<string, Func<DatasetMetadata, string?, DatasetMetadata>> s_extras = new(StringComparer.OrdinalIgnoreCase)
    {
        ["publisher"] = (m, v) => m with { Publisher = v },
        ["publisher_parent"] = (m, v) => m with { PublisherParent = v },
        ["contact_name"] = (m, v) => m with { ContactName = v },
        ["contact_email"] = (m, v) => m with { ContactEmail = v },
        ["temporal"] = (m, v) => m with { Temporal = v },
        ["spatial"] = (m, v) => m with { Spatial = v },
        ["accrualPeriodicity"] = (m, v) => m with { AccrualPeriodicity = v },
        ["accrual_periodicity"] = (m, v) => m with { AccrualPeriodicity = v },
        ["frequency"] = (m, v) => m with { AccrualPeriodicity = v },
        ["landingPage"] = (m, v) => m with { LandingPage = v },
        ["landing_page"] = (m, v) => m with { LandingPage = v },
        ["language"] = (m, v) => m with { Languages = List(v) },
        ["rights"] = (m, v) => m with { Rights = v },
        ["bureauCode"] = (m, v) => m with { BureauCodes = List(v) },
        ["bureau_code"] = (m, v) => m with { BureauCodes = List(v) },
        ["programCode"] = (m, v) => m with { ProgramCodes = List(v) },
        ["program_code"] = (m, v) => m with { ProgramCodes = List(v) },
        ["theme"] = (m, v) => m with { Themes = List(v) },
        ["issued"] = (m, v) => m with { Issued = Date(v) },
        ["conformsTo"] = (m, v) => m with { ConformsTo = v },
        ["conforms_to"] = (m, v) => m with { ConformsTo = v },
        ["describedBy"] = (m, v) => m with { DescribedBy = v },
        ["described_by"] = (m, v) => m with { DescribedBy = v },
        ["describedByType"] = (m, v) => m with { DescribedByType = v },
        ["described_by_type"] = (m, v) => m with { DescribedByType = v },
        ["references"] = (m, v) => m with { References = List(v) },
        ["dataQuality"] = (m, v) => m with { DataQuality = Flag(v) },
        ["data_quality"] = (m, v) => m with { DataQuality = Flag(v) },
        ["systemOfRecords"] = (m, v) => m with { SystemOfRecords = v },
        ["system_of_records"] = (m, v) => m with { SystemOfRecords = v },
        ["isPartOf"] = (m, v) => m with { IsPartOf = v },
        ["is_part_of"] = (m, v) => m with { IsPartOf = v },
        ["primaryITInvestmentUII"] = (m, v) => m with { PrimaryItInvestmentUii = v },
        ["primary_it_investment_uii"] = (m, v) => m with { PrimaryItInvestmentUii = v },
    };

    /// <summary>
    /// <paramref name="current"/> with the dict's fields applied. With <paramref name="clearOmitted"/> (package_update)
    /// a field the dict leaves out is cleared; otherwise (package_create, package_patch) it is kept. Visibility and
    /// organisation are kept when omitted either way, so a client that forgets <c>private</c> never publishes by accident.
    /// </summary>
    public static DatasetMetadata Apply(DatasetMetadata current, CkanParameters fields, bool clearOmitted, string fallbackTitle)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(fields);
        DatasetMetadata result = current;
        result = Text(fields, "title", clearOmitted, result, (m, v) => m with { Title = string.IsNullOrWhiteSpace(v) ? fallbackTitle : v.Trim() });
        result = Text(fields, "notes", clearOmitted, result, (m, v) => m with { Description = v ?? "" });
        result = Text(fields, "url", clearOmitted, result, (m, v) => m with { AttributionLink = Blank(v) });
        result = Text(fields, "author", clearOmitted, result, (m, v) => m with { Attribution = Blank(v) });
        result = Text(fields, "maintainer", clearOmitted, result, (m, v) => m with { ContactName = Blank(v) });
        result = Text(fields, "maintainer_email", clearOmitted, result, (m, v) => m with { ContactEmail = Blank(v) });
        result = Text(fields, "license_id", clearOmitted, result, ApplyLicense);
        if (fields.Has("private"))
        {
            result = result with { Visibility = fields.GetBoolean("private", false) ? Visibility.Private : Visibility.Public };
        }

        if (fields.Has("tags") || clearOmitted)
        {
            result = result with { Tags = Tags(fields) };
        }

        if (fields.Has("groups") || clearOmitted)
        {
            result = result with { Category = FirstGroup(fields) };
        }

        if (fields.Has("extras") || clearOmitted)
        {
            result = ApplyExtras(clearOmitted ? ClearExtras(result) : result, fields);
        }

        return result;
    }

    private static DatasetMetadata Text(CkanParameters fields, string key, bool clearOmitted, DatasetMetadata metadata, Func<DatasetMetadata, string?, DatasetMetadata> set) =>
        fields.Has(key) ? set(metadata, fields.GetString(key)) : clearOmitted ? set(metadata, null) : metadata;

    private static DatasetMetadata ApplyLicense(DatasetMetadata metadata, string? licenseId)
    {
        if (string.IsNullOrWhiteSpace(licenseId) || licenseId == CkanLicenses.NotSpecified)
        {
            return metadata with { License = null, LicenseUrl = null };
        }

        Wire.LicenseDto? known = CkanLicenses.Register.FirstOrDefault(license => string.Equals(license.Id, licenseId.Trim(), StringComparison.OrdinalIgnoreCase));
        return known is null
            ? metadata with { License = licenseId.Trim() }
            : metadata with { License = known.Title, LicenseUrl = known.Url.Length > 0 ? known.Url : null };
    }

    private static ImmutableArray<string> Tags(CkanParameters fields)
    {
        JsonElement? value = fields.GetJson("tags", textAllowed: true);
        if (value is null or { ValueKind: JsonValueKind.Null })
        {
            return [];
        }

        IEnumerable<string> names = value.Value.ValueKind switch
        {
            JsonValueKind.Array => value.Value.EnumerateArray().Select(item => item.ValueKind switch
            {
                JsonValueKind.String => item.GetString() ?? "",
                JsonValueKind.Object when item.TryGetProperty("name", out JsonElement name) && name.ValueKind == JsonValueKind.String => name.GetString() ?? "",
                _ => throw CkanErrors.Invalid("tags", "Each tag must be a string or an object with a name"),
            }),
            JsonValueKind.String => (value.Value.GetString() ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            _ => throw CkanErrors.Invalid("tags", "Must be a list of tags"),
        };
        ImmutableArray<string> tags = [.. names.Select(name => name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
        foreach (string tag in tags)
        {
            if (tag.Length < 2)
            {
                throw CkanErrors.Invalid("tags", $"Tag \"{tag}\" length is less than minimum 2");
            }

            if (tag.Length > 100)
            {
                throw CkanErrors.Invalid("tags", $"Tag \"{tag}\" length is more than maximum 100");
            }
        }

        return tags;
    }

    /// <summary>The first group's title (or name) becomes the category; CivicData has one category per dataset.</summary>
    private static string? FirstGroup(CkanParameters fields)
    {
        JsonElement? value = fields.GetJson("groups", textAllowed: false);
        if (value is not { ValueKind: JsonValueKind.Array } groups || groups.GetArrayLength() == 0)
        {
            return null;
        }

        JsonElement first = groups[0];
        foreach (string key in new[] { "title", "display_name", "name", "id" })
        {
            if (first.ValueKind == JsonValueKind.Object && first.TryGetProperty(key, out JsonElement text) && text.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(text.GetString()))
            {
                return text.GetString()!.Trim();
            }
        }

        throw CkanErrors.Invalid("groups", "Each group needs a name");
    }

    private static DatasetMetadata ApplyExtras(DatasetMetadata metadata, CkanParameters fields)
    {
        JsonElement? value = fields.GetJson("extras", textAllowed: false);
        if (value is null or { ValueKind: JsonValueKind.Null })
        {
            return metadata;
        }

        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            throw CkanErrors.Invalid("extras", "Must be a list of {key, value} objects");
        }

        foreach (JsonElement extra in value.Value.EnumerateArray())
        {
            if (extra.ValueKind != JsonValueKind.Object || !extra.TryGetProperty("key", out JsonElement key) || key.ValueKind != JsonValueKind.String)
            {
                throw CkanErrors.Invalid("extras", "Each extra needs a key");
            }

            string? text = extra.TryGetProperty("value", out JsonElement raw) ? raw.ValueKind switch
            {
                JsonValueKind.String => raw.GetString(),
                JsonValueKind.Null => null,
                _ => raw.GetRawText(),
            } : null;
            // Extras CivicData does not model (or derives itself, such as identifier and modified) are not stored.
            if (s_extras.TryGetValue(key.GetString()!, out Func<DatasetMetadata, string?, DatasetMetadata>? set))
            {
                metadata = set(metadata, Blank(text));
            }
        }

        return metadata;
    }

    private static DatasetMetadata ClearExtras(DatasetMetadata metadata) => metadata with
    {
        Publisher = null,
        PublisherParent = null,
        Temporal = null,
        Spatial = null,
        AccrualPeriodicity = null,
        LandingPage = null,
        Languages = [],
        Rights = null,
        BureauCodes = [],
        ProgramCodes = [],
        Themes = [],
        Issued = null,
        ConformsTo = null,
        DescribedBy = null,
        DescribedByType = null,
        References = [],
        DataQuality = null,
        SystemOfRecords = null,
        IsPartOf = null,
        PrimaryItInvestmentUii = null,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A list extra: a JSON array of strings, or comma-separated text.</summary>
    private static ImmutableArray<string> List(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        if (text.TrimStart().StartsWith('['))
        {
            try
            {
                return [.. JsonSerializer.Deserialize<string[]>(text) ?? []];
            }
            catch (JsonException)
            {
                throw CkanErrors.Invalid("extras", $"'{text}' is not a JSON list of strings");
            }
        }

        return [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
    }

    private static DateOnly? Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string day = text.Trim().Length >= 10 ? text.Trim()[..10] : text.Trim();
        return DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date)
            ? date
            : throw CkanErrors.Invalid("extras", $"issued: '{text}' is not a date (yyyy-mm-dd)");
    }

    private static bool? Flag(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        null or "" => null,
        "TRUE" or "1" or "YES" => true,
        "FALSE" or "0" or "NO" => false,
        _ => throw CkanErrors.Invalid("extras", $"dataQuality: '{text}' is not true or false"),
    };
}
