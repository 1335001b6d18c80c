namespace CivicData.Soql.Binding;

public enum BoundNodeKind
{
    Column,
    Literal,
    Unary,
    Binary,
    FunctionCall,
    Cast,
    IsNull,
    Between,
    In,
    Like,
    Search,
    Case,
    Interval,
}
