namespace CivicData.Catalog.Datasets;

/// <summary>The three values of POD 1.1 <c>accessLevel</c> (dcat-us.md §2).</summary>
public static class AccessLevels
{
    public const string Public = "public";

    public const string RestrictedPublic = "restricted public";

    public const string NonPublic = "non-public";
}
