using System.Collections.Immutable;
using CivicData.Core.Schema;
using CivicData.Soql.Functions;
using CivicData.Soql.Text;

namespace CivicData.Soql.Binding.BoundNodes;

public sealed class BoundFunctionCallExpression(
    FunctionSymbol function,
    ImmutableArray<BoundExpression> arguments,
    bool isDistinct,
    bool isStar,
    SodaType type,
    TextLocation? location)
    : BoundExpression(type, location)
{
    public override BoundNodeKind Kind => BoundNodeKind.FunctionCall;

    public FunctionSymbol Function { get; } = function;

    public ImmutableArray<BoundExpression> Arguments { get; } = arguments;

    public bool IsDistinct { get; } = isDistinct;

    /// <summary><c>count(*)</c>.</summary>
    public bool IsStar { get; } = isStar;
}
