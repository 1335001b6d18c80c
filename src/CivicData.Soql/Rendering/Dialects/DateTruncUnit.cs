namespace CivicData.Soql.Rendering.Dialects;

public enum DateTruncUnit
{
    Day,
    Month,
    Year,
}
