namespace CivicData.Soql.Text;

/// <summary>A 1-based line and column, as reported to callers.</summary>
public readonly record struct LinePosition(int Line, int Column);
