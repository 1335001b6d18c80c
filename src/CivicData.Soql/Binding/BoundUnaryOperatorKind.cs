namespace CivicData.Soql.Binding;

public enum BoundUnaryOperatorKind
{
    Negate,
    Identity,
    Not,
}
