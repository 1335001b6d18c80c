using System.Data.Common;
using CivicData.Core;
using CivicData.Core.Schema;
using CivicData.Soql;
using CivicData.Storage.Querying;
using CivicData.Web.Datasets;
using CivicData.Web.Dcat;
using CivicData.Web.Soda.Writers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CivicData.Web.Portal.Pages;

/// <summary>One dataset: its metadata, columns, a preview of its rows and the ways to get the rest.</summary>
public sealed class DatasetModel(DatasetQueryService queries, IOptions<DcatOptions> dcat) : PageModel
{
    public const int PreviewRows = 20;

    /// <summary>Cells longer than this (polygons, mostly) are cut in the preview; the downloads have them whole.</summary>
    private const int MaxCellLength = 200;

    public VisibleDataset Dataset { get; private set; } = null!;

    public IReadOnlyList<string> PreviewHeaders { get; private set; } = [];

    public IReadOnlyList<string?[]> Preview { get; private set; } = [];

    public bool HasGeometry => Dataset.Columns.Any(column => column.Type.IsGeometry());

    public string Id => Dataset.Id.Value;

    /// <summary>
    /// schema.org Dataset JSON-LD for search engines, safe to place raw inside a script element; null for datasets
    /// an anonymous visitor may not see, which search engines must never learn about.
    /// </summary>
    public string? StructuredData { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            Dataset = await queries.FindAsync(id, DatasetCaller.FromContext(HttpContext), cancellationToken);
        }
        catch (NotFoundError)
        {
            return NotFound();
        }

        // The same SoQL path as /resource, so the preview shows exactly what the API returns.
        PreparedQuery query = queries.Prepare(Dataset, new SoqlRequest { Limit = PreviewRows.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "portal-preview");
        PreviewHeaders = [.. query.Compiled.Columns.Select(column => column.Name)];
        var rows = new List<string?[]>(PreviewRows);
        await using (QueryResult result = await queries.ExecuteAsync(query, cancellationToken))
        {
            DbDataReader reader = result.Reader;
            while (await reader.ReadAsync(result.CancellationToken))
            {
                var cells = new string?[query.Compiled.Columns.Length];
                for (int i = 0; i < cells.Length; i++)
                {
                    OutputColumn column = query.Compiled.Columns[i];
                    cells[i] = PortalFormat.Excerpt(SodaCellFormat.FormatText(reader, i, column.Type), MaxCellLength);
                }

                rows.Add(cells);
            }
        }

        Preview = rows;
        if (DatasetCaller.Anonymous.MaySee(Dataset.Metadata))
        {
            CatalogLinks links = CatalogLinks.For(Request, dcat.Value);
            var exported = new ExportedMetadata(new CatalogEntry(Dataset.Record, Dataset.Version), links, dcat.Value);
            StructuredData = SchemaOrgWriter.Write(exported, links, dcat.Value);
        }

        return Page();
    }

    public string? DisplayNameOf(string fieldName) => Dataset.Schema.FindColumn(fieldName)?.DisplayName;
}
