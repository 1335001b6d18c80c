using System.Collections.Immutable;
using System.Text.Json;
using CivicData.Catalog.Datasets;
using CivicData.Core;

namespace CivicData.Web.Views;

/// <summary>
/// A partial Socrata metadata object applied to a dataset's metadata: the metadata API v1 object of
/// <c>PATCH /api/views/metadata/v1/{id}</c> or the view object of <c>PUT /api/views/{id}.json</c>. Keys left out keep
/// their value; null (or an empty string) clears an optional one. Every problem is collected and reported at once,
/// each naming its field, and the result then goes through <see cref="DatasetMetadataValidator"/>.
/// </summary>
internal sealed class MetadataPatch
{
    /// <summary>Keys the APIs answer with but nobody sets (times, URIs, counts): a client that sends back what it read is fine.</summary>
    private static readonly HashSet<string> s_readOnlyV1 =
    [
        "id", "domain", "dataUri", "webUri", "createdAt", "updatedAt", "dataUpdatedAt", "metadataUpdatedAt",
        "provenance", "hideFromCatalog", "hideFromDataJson", "privateCustomFields",
    ];

    private readonly List<MetadataFieldError> _errors = [];
    private readonly List<string> _changed = [];
    private readonly bool _strict;
    private DatasetMetadata _metadata;

    private MetadataPatch(DatasetMetadata current, bool strict)
    {
        _metadata = current;
        _strict = strict;
    }

    /// <summary>Names of the fields the patch set, for the audit log.</summary>
    public IReadOnlyList<string> Changed => _changed;

    public DatasetMetadata Result => _metadata;

    /// <summary>Applies a metadata API v1 object; with <paramref name="strict"/>, unknown keys are errors instead of being ignored.</summary>
    public static MetadataPatch FromV1(DatasetMetadata current, JsonElement body, bool strict)
    {
        var patch = new MetadataPatch(current, strict);
        foreach (JsonProperty property in Object(body).EnumerateObject())
        {
            if (property.Name == "customFields")
            {
                patch.CustomFields(property.Value, "customFields");
            }
            else if (!patch.Common(property) && !s_readOnlyV1.Contains(property.Name))
            {
                patch.Unknown(property.Name);
            }
        }

        return patch.Finish();
    }

    /// <summary>Applies a view object (sodapy's update_metadata): its common keys, <c>license</c> and <c>metadata.custom_fields</c>.</summary>
    public static MetadataPatch FromView(DatasetMetadata current, JsonElement body)
    {
        var patch = new MetadataPatch(current, strict: false);
        foreach (JsonProperty property in Object(body).EnumerateObject())
        {
            if (property.Name == "metadata" && property.Value.ValueKind == JsonValueKind.Object
                && property.Value.TryGetProperty("custom_fields", out JsonElement customFields))
            {
                patch.CustomFields(customFields, "metadata.custom_fields");
            }
            else if (property.Name == "license" && property.Value.ValueKind == JsonValueKind.Object)
            {
                if (property.Value.TryGetProperty("name", out JsonElement name))
                {
                    patch.Set("license", name, (m, v) => m with { License = v });
                }

                if (property.Value.TryGetProperty("termsLink", out JsonElement link))
                {
                    patch.Set("license.termsLink", link, (m, v) => m with { LicenseUrl = v });
                }
            }
            else
            {
                // A view carries many keys nobody edits (columns, owner, counts); they are ignored, as Socrata does.
                patch.Common(property);
            }
        }

        return patch.Finish();
    }

    private static JsonElement Object(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object ? body : throw new ValidationError("metadata.malformed", "The body must be a JSON object of the fields to change.");

    /// <summary>The keys both objects share; false when <paramref name="property"/> is none of them.</summary>
    private bool Common(JsonProperty property)
    {
        JsonElement value = property.Value;
        switch (property.Name)
        {
            case "name":
                Set("name", value, (m, v) => m with { Title = v ?? "" });
                return true;
            case "description":
                Set("description", value, (m, v) => m with { Description = v ?? "" });
                return true;
            case "category":
                Set("category", value, (m, v) => m with { Category = v });
                return true;
            case "license":
                Set("license", value, (m, v) => m with { License = v });
                return true;
            case "attribution":
                Set("attribution", value, (m, v) => m with { Attribution = v });
                return true;
            case "attributionLink":
                Set("attributionLink", value, (m, v) => m with { AttributionLink = v });
                return true;
            case "contactEmail":
                Set("contactEmail", value, (m, v) => m with { ContactEmail = v });
                return true;
            case "tags":
                Tags(value);
                return true;
            default:
                return false;
        }
    }

    private void Set(string field, JsonElement value, Func<DatasetMetadata, string?, DatasetMetadata> write)
    {
        if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            _errors.Add(new(field, "must be a string or null"));
            return;
        }

        string? text = value.GetString();
        _metadata = write(_metadata, string.IsNullOrWhiteSpace(text) ? null : text.Trim());
        _changed.Add(field);
    }

    private void Tags(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            _metadata = _metadata with { Tags = [] };
        }
        else if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(tag => tag.ValueKind == JsonValueKind.String))
        {
            _metadata = _metadata with { Tags = [.. value.EnumerateArray().Select(tag => tag.GetString()!.Trim())] };
        }
        else
        {
            _errors.Add(new("tags", "must be an array of strings or null"));
            return;
        }

        _changed.Add("tags");
    }

    /// <summary><c>{"Set name": {"Key": value}}</c>; a value may be a string, null, a boolean, a number or an array of strings (a list).</summary>
    private void CustomFields(JsonElement sets, string path)
    {
        if (sets.ValueKind != JsonValueKind.Object)
        {
            _errors.Add(new(path, "must be an object of field sets, e.g. {\"Common Core\": {\"Publisher\": \"...\"}}"));
            return;
        }

        foreach (JsonProperty set in sets.EnumerateObject())
        {
            if (set.Value.ValueKind != JsonValueKind.Object)
            {
                _errors.Add(new($"{path}.{set.Name}", "must be an object of field names and values"));
                continue;
            }

            foreach (JsonProperty field in set.Value.EnumerateObject())
            {
                string name = $"{path}.{set.Name}.{field.Name}";
                if (!TryText(field.Value, out string? text))
                {
                    _errors.Add(new(name, "must be a string, a number, true/false, null or an array of strings"));
                    continue;
                }

                try
                {
                    if (CustomFieldMap.TryWrite(ref _metadata, set.Name, field.Name, text))
                    {
                        _changed.Add(name);
                    }
                    else
                    {
                        Unknown(name);
                    }
                }
                catch (FormatException exception)
                {
                    _errors.Add(new(name, exception.Message));
                }
            }
        }
    }

    private static bool TryText(JsonElement value, out string? text)
    {
        text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Array when value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String)
                => string.Join(",", value.EnumerateArray().Select(item => item.GetString())),
            _ => null,
        };
        return text is not null || value.ValueKind == JsonValueKind.Null;
    }

    private void Unknown(string field)
    {
        if (_strict)
        {
            _errors.Add(new(field, "is not a field this portal keeps (strict=true refuses what it would otherwise ignore)"));
        }
    }

    private MetadataPatch Finish()
    {
        if (_errors.Count > 0)
        {
            throw new ValidationError(DatasetMetadataValidator.ErrorCode,
                "Invalid metadata: " + string.Join("; ", _errors.Select(error => error.Field + ": " + error.Message)) + ".",
                new Dictionary<string, object?> { ["fields"] = _errors.ToImmutableArray() });
        }

        DatasetMetadataValidator.Validate(_metadata);
        return this;
    }
}
