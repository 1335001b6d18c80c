namespace CivicData.Soql.Ast;

public enum LiteralKind
{
    String,
    Number,
    Boolean,
    Null,
}
