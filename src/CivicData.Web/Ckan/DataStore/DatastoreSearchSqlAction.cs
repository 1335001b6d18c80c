using CivicData.Core;
using CivicData.Soql;
using CivicData.Storage.Querying;
using CivicData.Web.Datasets;
using CivicData.Web.Errors;

namespace CivicData.Web.Ckan.DataStore;

/// <summary>
/// <c>datastore_search_sql</c> (ckan.md §5.2): one read-only SELECT over one resource the caller may see, translated
/// to SoQL by <see cref="SqlToSoqlTranslator"/> and run through the normal query path (schema-checked names, parameters,
/// read-only connection, time limit). At most 32,000 records; <c>records_truncated</c> says when more matched.
/// </summary>
internal sealed class DatastoreSearchSqlAction(CkanCatalog catalog, DatasetQueryService queries) : ICkanAction
{
    public const int MaxRecords = 32_000;

    public string Name => "datastore_search_sql";

    public bool IsReadOnly => true;

    public string Help =>
        "Run one SELECT over one DataStore resource: SELECT … FROM \"<resource_id>\" [WHERE …] [GROUP BY …] [HAVING …] [ORDER BY …] [LIMIT n] [OFFSET n]. " +
        "Functions are SoQL's. Parameter: sql.";

    public async Task<CkanResult> InvokeAsync(CkanActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string sql = context.Parameters.GetRequiredString("sql");
        (string resourceId, string soql) = SqlToSoqlTranslator.Translate(sql);

        VisibleDataset dataset;
        try
        {
            dataset = await catalog.FindDatastoreAsync(resourceId, context.Caller, cancellationToken);
        }
        catch (NotFoundError)
        {
            // Unknown and hidden resources answer alike, so a query cannot probe for datasets it may not read.
            throw CkanErrors.Denied($"Not authorized to read resource \"{resourceId}\"");
        }

        PreparedQuery prepared;
        try
        {
            prepared = queries.Prepare(dataset, new SoqlRequest { Query = soql, DefaultLimit = MaxRecords + 1, MaxLimit = null }, "ckan-sql");
        }
        catch (QueryError error) when (error.Code != ErrorMapper.QueryTimeoutCode)
        {
            throw CkanErrors.Invalid("query", error.Message);
        }

        QueryResult result = await queries.ExecuteAsync(prepared, cancellationToken);
        try
        {
            bool hasRow = await result.Reader.ReadAsync(result.CancellationToken);
            return CkanResult.Streamed(
                async (json, token) =>
                {
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, result.CancellationToken);
                    json.WriteStartObject();
                    json.WriteString("sql", sql);
                    DatastoreRecords.WriteFields(json, prepared.Compiled.Columns);
                    bool truncated = await DatastoreRecords.WriteAsync(json, result.Reader, hasRow, prepared.Compiled.Columns, "objects", MaxRecords, linked.Token);
                    if (truncated)
                    {
                        json.WriteBoolean("records_truncated", true);
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
}
