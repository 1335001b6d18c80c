namespace CivicData.Soql.Ast;

public enum SelectItemKind
{
    Expression,

    /// <summary><c>*</c>: every user column.</summary>
    AllUserColumns,

    /// <summary><c>:*</c>: every system column.</summary>
    AllSystemColumns,
}
