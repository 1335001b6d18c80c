namespace CivicData.Soql.Rendering.Sql;

/// <summary>
/// A piece of SQL that writes itself into a <see cref="SqlBuilder"/>. The set of implementations is closed:
/// keyword, identifier, parameter, function, list and group. There is no raw-SQL fragment.
/// </summary>
public interface ISqlFragment
{
    public void WriteTo(SqlBuilder builder);
}
