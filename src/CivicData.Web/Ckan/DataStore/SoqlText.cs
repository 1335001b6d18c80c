namespace CivicData.Web.Ckan.DataStore;

/// <summary>
/// Pieces of SoQL text built from CKAN parameters. Column names written here come from the dataset's schema (field names
/// are <c>[a-z_][a-z0-9_]*</c>); values are SoQL string literals, which the SoQL compiler turns into SQL parameters.
/// </summary>
internal static class SoqlText
{
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A schema column as a back-quoted SoQL identifier, or <c>:id</c> for CKAN's <c>_id</c>.</summary>
    public static string Column(string fieldName) => fieldName == DatastoreColumns.RowId ? Core.Schema.SystemColumns.Id : "`" + fieldName + "`";
}
