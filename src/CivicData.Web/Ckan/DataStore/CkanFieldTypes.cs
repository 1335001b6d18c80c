using CivicData.Core.Schema;

namespace CivicData.Web.Ckan.DataStore;

/// <summary>The PostgreSQL type names CKAN's DataStore reports (ckan.md §5.1) for SODA types.</summary>
internal static class CkanFieldTypes
{
    public static string NameOf(SodaType type) => type switch
    {
        SodaType.Text or SodaType.Url => "text",
        SodaType.Number or SodaType.Money => "numeric",
        SodaType.Double => "float8",
        SodaType.Checkbox => "bool",
        SodaType.FloatingTimestamp or SodaType.FixedTimestamp => "timestamp",
        _ => "json",
    };
}
