namespace CivicData.Catalog.Datasets;

/// <summary>Who may see a dataset. Private datasets are invisible (404) to anonymous callers at every front door.</summary>
public enum Visibility
{
    Public,
    Private,
}
