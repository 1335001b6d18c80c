namespace CivicData.Storage.Loading;

/// <summary>
/// Raw text rows waiting to be typed: columns <c>c0..cN</c> (VARCHAR) and <c>rn</c>, the 1-based source record number.
/// </summary>
public sealed record StagingTable(string TableName, int ColumnCount, long RowCount);
