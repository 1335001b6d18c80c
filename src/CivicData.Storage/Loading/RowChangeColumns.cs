namespace CivicData.Storage.Loading;

/// <summary>
/// The staged columns of a row-by-row write (SODA's producer API) that carry what is not a value: the row's
/// <c>:id</c>, whether it is a deletion, and which fields it supplied.
/// </summary>
/// <param name="RowIdIndex">Staged column holding the <c>:id</c> the row names (null when it names none).</param>
/// <param name="DeletedIndex">Staged column that is non-null when the row is to be deleted.</param>
/// <param name="PresentIndex">
/// Staged column holding one character per target column, '1' where the row supplied that field: an update changes only
/// those, so a field left out keeps its value while one sent as null becomes null.
/// </param>
public sealed record RowChangeColumns(int RowIdIndex, int DeletedIndex, int PresentIndex);
