using System.Text;
using CivicData.Catalog.Datasets;
using CivicData.Core.Schema;
using CivicData.Web.Datasets;
using CivicData.Web.Views;
using Microsoft.AspNetCore.Http;

namespace CivicData.Web.Catalog;

/// <summary>One dataset as a Discovery API result (soda.md §2.5), built from what the views API also shows.</summary>
internal static class DiscoveryResultBuilder
{
    public static DiscoveryResultDto Create(VisibleDataset dataset, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(request);
        DatasetRecord record = dataset.Record;
        DatasetMetadata metadata = record.Metadata;
        string origin = request.Scheme + "://" + request.Host.Value;
        DatasetOwner owner = DatasetOwner.For(metadata);
        bool isPublic = metadata.Visibility == Visibility.Public;

        var resource = new DiscoveryResourceDto
        {
            Name = metadata.Title,
            Id = record.Id.Value,
            Description = metadata.Description,
            Attribution = metadata.Attribution,
            AttributionLink = metadata.AttributionLink,
            ContactEmail = metadata.ContactEmail,
            CreatedAt = ViewsEndpoints.IsoTime(record.CreatedAt),
            UpdatedAt = ViewsEndpoints.IsoTime(dataset.LastModified),
            MetadataUpdatedAt = ViewsEndpoints.IsoTime(record.MetadataUpdatedAt),
            DataUpdatedAt = ViewsEndpoints.IsoTime(dataset.DataUpdatedAt),
            PublicationDate = ViewsEndpoints.IsoTime(dataset.Version.CreatedAt),
            ColumnsName = [.. dataset.Columns.Select(column => column.DisplayName)],
            ColumnsFieldName = [.. dataset.Columns.Select(column => column.FieldName)],
            ColumnsDatatype = [.. dataset.Columns.Select(column => DataTypeName(column.Type))],
            ColumnsDescription = [.. dataset.Columns.Select(column => column.Description)],
            ColumnsFormat = [.. dataset.Columns.Select(_ => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>())],
        };

        var domainMetadata = new List<DiscoveryKeyValueDto>();
        foreach ((string section, IReadOnlyDictionary<string, string> fields) in ViewsEndpoints.CustomFields(metadata))
        {
            foreach ((string field, string value) in fields)
            {
                // Socrata's key for a custom field: section and field with '-' for spaces, joined by '_'.
                domainMetadata.Add(new DiscoveryKeyValueDto(section.Replace(' ', '-') + "_" + field.Replace(' ', '-'), value));
            }
        }

        var classification = new DiscoveryClassificationDto(
            Categories: [],
            Tags: [],
            DomainCategory: metadata.Category,
            DomainTags: metadata.Tags.IsDefault ? [] : metadata.Tags,
            DomainMetadata: domainMetadata);

        var discoveryMetadata = new DiscoveryMetadataDto(
            Domain: request.Host.Value ?? "",
            License: metadata.License,
            IsPublic: isPublic,
            IsPublished: true,
            IsHidden: false,
            VisibleToAnonymous: isPublic,
            VisibleToSite: true);

        return new DiscoveryResultDto(
            resource,
            classification,
            discoveryMetadata,
            Permalink: origin + "/d/" + record.Id.Value,
            Link: origin + "/" + Slug(metadata.Category, "dataset") + "/" + Slug(metadata.Title, "dataset") + "/" + record.Id.Value,
            Owner: new DiscoveryUserDto(owner.Id, owner.DisplayName, "interactive"),
            Creator: new DiscoveryUserDto(owner.Id, owner.DisplayName, UserType: null));
    }

    /// <summary>Socrata's names for column types in the catalog (its data type display names).</summary>
    internal static string DataTypeName(SodaType type) => type switch
    {
        SodaType.Text => "Text",
        SodaType.Number => "Number",
        SodaType.Double => "Number",
        SodaType.Money => "Money",
        SodaType.Checkbox => "Checkbox",
        SodaType.FloatingTimestamp => "Calendar date",
        SodaType.FixedTimestamp => "Date",
        SodaType.Point => "Point",
        SodaType.MultiPoint => "MultiPoint",
        SodaType.Line => "Line",
        SodaType.MultiLine => "MultiLine",
        SodaType.Polygon => "Polygon",
        SodaType.MultiPolygon => "MultiPolygon",
        SodaType.Location => "Location",
        SodaType.Url => "URL",
        SodaType.Json => "JSON",
        _ => type.ToName(),
    };

    /// <summary>Socrata's human URL segment: ASCII letters and digits, with '-' for each run of anything else.</summary>
    internal static string Slug(string? text, string fallback)
    {
        var slug = new StringBuilder();
        foreach (char c in text ?? "")
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        string result = slug.ToString().TrimEnd('-');
        return result.Length > 0 ? result : fallback;
    }
}
