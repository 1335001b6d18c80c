namespace CivicData.Core.Schema;

/// <summary>One user column of a dataset version.</summary>
/// <param name="ColumnId">Stable integer id, unique per dataset (Socrata's column id).</param>
/// <param name="FieldName">API name: lower case, <c>[a-z_][a-z0-9_]*</c>.</param>
/// <param name="DisplayName">Human name, free text.</param>
/// <param name="Position">1-based display position.</param>
public sealed record ColumnSchema(
    long ColumnId,
    string FieldName,
    string DisplayName,
    SodaType Type,
    int Position,
    string Description = "",
    bool Hidden = false)
{
    /// <summary>The column's name in the data store's table. User columns are stored under their field name.</summary>
    public string PhysicalName => FieldName;
}
