using System.Text;
using System.Text.Json;
using CivicData.Core;
using CivicData.Soql;
using CivicData.Storage.Querying;
using CivicData.Web.Datasets;
using CivicData.Web.Errors;

namespace CivicData.Web.Ckan.DataStore;

/// <summary>
/// <c>datastore_search</c> (ckan.md §5.1) over a dataset's current rows, through the SoQL compiler and
/// <see cref="DatasetQueryService"/>: parameterised, checked against the schema, read-only, with the query time limit.
/// </summary>
internal sealed class DatastoreSearchAction(CkanCatalog catalog, DatasetQueryService queries) : ICkanAction
{
    public string Name => "datastore_search";

    public bool IsReadOnly => true;

    public string Help =>
        "Search a DataStore resource's rows. Parameters: resource_id (or id), filters ({column: value or [values]}), q (text, or {column: text}), " +
        "full_text, distinct, fields, sort (\"col asc, col2 desc\"), limit (default 100, at most 32000), offset, include_total, " +
        "records_format (objects, lists, csv, tsv).";

    public async Task<CkanResult> InvokeAsync(CkanActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        CkanParameters parameters = context.Parameters;
        DatastoreSearchRequest.CheckNames(parameters);
        string resourceId = parameters.GetString("resource_id") ?? parameters.GetString("id") ?? "";
        if (string.IsNullOrWhiteSpace(resourceId))
        {
            throw CkanErrors.Missing("resource_id");
        }

        VisibleDataset dataset = await catalog.FindDatastoreAsync(resourceId, context.Caller, cancellationToken);
        DatastoreSearchRequest request = DatastoreSearchRequest.Parse(parameters, new DatastoreColumns(dataset));

        long? total = null;
        if (request.IncludeTotal)
        {
            PreparedQuery counting = Prepare(dataset, request.ToTotal(), "ckan-total");
            await using QueryResult counted = await queries.ExecuteAsync(counting, cancellationToken);
            total = await counted.Reader.ReadAsync(counted.CancellationToken) && !counted.Reader.IsDBNull(0)
                ? Convert.ToInt64(counted.Reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)
                : 0;
        }

        PreparedQuery rows = Prepare(dataset, request.ToRows(), "ckan-rows");
        QueryResult result = await queries.ExecuteAsync(rows, cancellationToken);
        try
        {
            // Read the first row before answering, so a failing query still gets CKAN's error, not a cut 200.
            bool hasRow = await result.Reader.ReadAsync(result.CancellationToken);
            string links = LinksBase(context, parameters);
            return CkanResult.Streamed(
                async (json, token) =>
                {
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, result.CancellationToken);
                    json.WriteStartObject();
                    json.WriteBoolean("include_total", request.IncludeTotal);
                    json.WriteString("resource_id", dataset.Id.Value);
                    DatastoreRecords.WriteFields(json, rows.Compiled.Columns);
                    json.WriteString("records_format", request.RecordsFormat);
                    await DatastoreRecords.WriteAsync(json, result.Reader, hasRow, rows.Compiled.Columns, request.RecordsFormat, request.Limit, linked.Token);
                    json.WriteNumber("limit", request.Limit);
                    if (parameters.Has("offset"))
                    {
                        json.WriteNumber("offset", request.Offset);
                    }

                    Echo(json, parameters, "filters");
                    Echo(json, parameters, "q");
                    if (request.Distinct)
                    {
                        json.WriteBoolean("distinct", true);
                    }

                    if (request.SortText is not null)
                    {
                        json.WriteString("sort", request.SortText);
                    }

                    json.WriteStartObject("_links");
                    json.WriteString("start", links);
                    json.WriteString("next", links + (links.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "offset=" + (request.Offset + request.Limit).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    json.WriteEndObject();
                    if (total is long count)
                    {
                        json.WriteNumber("total", count);
                        json.WriteBoolean("total_was_estimated", false);
                    }

                    json.WriteEndObject();
                },
                result);
        }
        catch
        {
            await result.DisposeAsync();
            throw;
        }
    }

    private PreparedQuery Prepare(VisibleDataset dataset, SoqlRequest request, string variant)
    {
        try
        {
            return queries.Prepare(dataset, request, variant);
        }
        catch (QueryError error) when (error.Code != ErrorMapper.QueryTimeoutCode)
        {
            // Names were checked already, so what is left is a value the column cannot hold, or bad full-text input.
            string parameter = error.Details.TryGetValue("clause", out object? clause) ? clause switch
            {
                "$where" => "filters",
                "$q" => "q",
                "$order" => "sort",
                "$select" => "fields",
                _ => "query",
            } : "query";
            throw CkanErrors.Invalid(parameter, error.Message);
        }
    }

    /// <summary>The same call's path and parameters without <c>offset</c>: <c>_links.start</c>.</summary>
    private static string LinksBase(CkanActionContext context, CkanParameters parameters)
    {
        var query = new StringBuilder();
        foreach (string name in parameters.Names.Where(name => name != "offset").Order(StringComparer.Ordinal))
        {
            JsonElement value = parameters.Get(name)!.Value;
            string text = value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
            query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(text));
        }

        return context.HttpContext.Request.PathBase.Value + context.HttpContext.Request.Path.Value + query;
    }

    private static void Echo(Utf8JsonWriter json, CkanParameters parameters, string name)
    {
        if (parameters.Get(name) is { } value)
        {
            json.WritePropertyName(name);
            JsonElement? decoded = value.ValueKind == JsonValueKind.String ? TryJson(parameters, name) ?? value : value;
            decoded.Value.WriteTo(json);
        }
    }

    private static JsonElement? TryJson(CkanParameters parameters, string name)
    {
        try
        {
            return parameters.GetJson(name, textAllowed: true);
        }
        catch (Core.ValidationError)
        {
            return null;
        }
    }
}
