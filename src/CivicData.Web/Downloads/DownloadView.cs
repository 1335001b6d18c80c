using System.Collections.Immutable;
using CivicData.Web.Datasets;
using CivicData.Web.Views;

namespace CivicData.Web.Downloads;

/// <summary>
/// The <c>meta.view</c> of rows.json: the view of <c>GET /api/views/{id}.json</c> with Socrata's eight system
/// columns (id -1, type <c>meta_data</c>, position 0) ahead of the user columns, matching each data row's layout.
/// </summary>
internal static class DownloadView
{
    /// <summary>Socrata's system columns of rows.json, by display name; the field name adds a leading colon.</summary>
    public static readonly ImmutableArray<string> SystemColumnNames =
        ["sid", "id", "position", "created_at", "created_meta", "updated_at", "updated_meta", "meta"];

    private static readonly ImmutableArray<ViewColumnDto> s_systemColumns = [.. SystemColumnNames.Select(name => new ViewColumnDto
    {
        Id = -1,
        Name = name,
        DataTypeName = "meta_data",
        RenderTypeName = "meta_data",
        FieldName = ":" + name,
        Position = 0,
        TableColumnId = -1,
    })];

    public static ViewDto Create(VisibleDataset dataset)
    {
        ViewDto view = ViewsEndpoints.ToView(dataset);
        return view with { Columns = [.. s_systemColumns, .. view.Columns] };
    }
}
