using CivicData.Catalog.Accounts;
using CivicData.Catalog.Datasets;
using CivicData.Ingest.Publishing;
using CivicData.Web.Ckan.Wire;
using Microsoft.AspNetCore.Http;

namespace CivicData.Web.Ckan.Write;

/// <summary>
/// <c>resource_create</c> with an uploaded file (multipart field <c>upload</c>, as ckanapi sends it): the file becomes
/// the dataset's new current version, published atomically, so a bad file leaves the data as it was. The answer is the
/// DataStore resource of the new rows.
/// </summary>
internal sealed class ResourceCreateAction(CkanDatasetWriter writer, DatasetPublisher publisher, CkanCatalog ckan) : ICkanAction
{
    private static readonly Dictionary<string, string> s_extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CSV"] = ".csv",
        ["TSV"] = ".tsv",
        ["JSON"] = ".json",
        ["NDJSON"] = ".ndjson",
        ["GEOJSON"] = ".geojson",
        ["XLSX"] = ".xlsx",
    };

    public string Name => "resource_create";

    public bool IsReadOnly => false;

    public string Help => "Load data into a dataset. Parameters: package_id (required), upload (the file, multipart/form-data), format (CSV, TSV, JSON, NDJSON, GeoJSON or XLSX; default from the file name). The file replaces the dataset's rows as a new version.";

    public async Task<CkanResult> InvokeAsync(CkanActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        DatasetRecord record = await writer.FindAsync(context.Parameters.GetRequiredString("package_id"), context.Caller, cancellationToken);
        CkanDatasetWriter.Authorize(context.Caller, "add resources to package " + record.Id.Value, record.Metadata);
        HttpRequest request = context.HttpContext.Request;
        IFormFile? upload = request.HasFormContentType ? request.Form.Files.GetFile("upload") : null;
        if (upload is null || upload.Length == 0)
        {
            throw CkanErrors.Invalid("upload", "Upload a file (multipart/form-data field \"upload\"); CivicData keeps rows, not links");
        }

        string extension = context.Parameters.GetString("format") is { Length: > 0 } format
            ? s_extensions.GetValueOrDefault(format.Trim()) ?? throw CkanErrors.Invalid("format", $"Unsupported format \"{format}\": use CSV, TSV, JSON, NDJSON, GeoJSON or XLSX")
            : Path.GetExtension(upload.FileName);
        string folder = Path.Combine(Path.GetTempPath(), "civicdata-upload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            // Saved under a name of our own: the client's file name only lends its extension (and is never a path).
            string path = Path.Combine(folder, "upload" + (extension.Length is > 1 and <= 10 ? extension.ToLowerInvariant() : ".csv"));
            await using (FileStream file = File.Create(path))
            {
                await upload.CopyToAsync(file, cancellationToken);
            }

            PublishResult published = await publisher.PublishAsync(
                new PublishRequest { Path = path, Id = record.Id, Mode = PublishMode.Replace },
                progress: null,
                cancellationToken);
            await writer.AuditAsync(
                context.Caller,
                "dataset.replace",
                record.Id,
                AuditDetails.Of(("via", "ckan"), ("file", Path.GetFileName(upload.FileName)), ("rows", published.RowCount)),
                cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        (_, ResourceDto resource) = await ckan.FindResourceAsync(record.Id.Value, context.Caller, context.BaseUrl, cancellationToken);
        return CkanResult.Of(resource);
    }
}
