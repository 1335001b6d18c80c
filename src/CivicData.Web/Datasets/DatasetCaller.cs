namespace CivicData.Web.Datasets;

/// <summary>Who is asking, as far as visibility goes. Anonymous callers see public, published datasets and visible columns only.</summary>
public sealed record DatasetCaller(bool MaySeePrivate)
{
    public static DatasetCaller Anonymous { get; } = new(MaySeePrivate: false);

    /// <summary>The operator at the command line (exports), who may read everything.</summary>
    public static DatasetCaller Operator { get; } = new(MaySeePrivate: true);
}
