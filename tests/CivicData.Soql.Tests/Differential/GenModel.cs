using System.Collections.Immutable;
using System.Globalization;
using CivicData.Core.Schema;
using CivicData.Soql.Tests.Reference;

namespace CivicData.Soql.Tests.Differential;

/// <summary>A generated table: typed columns and canonical rows.</summary>
public sealed record GenTable(ImmutableArray<ColumnSchema> Columns, ImmutableArray<object?[]> Rows)
{
    public TableSchema Schema { get; } = new("gen_table", Columns);

    public RefTable ToRefTable() => new(Schema, Rows);

    public override string ToString() =>
        "columns: " + string.Join(", ", Columns.Select(c => $"{c.FieldName} {c.Type.ToName()}")) + "\nrows:\n"
        + string.Join("\n", Rows.Select(ResultComparer.Format));
}

/// <summary>How a literal is written in SoQL; the shape property swaps the value for another of the same kind.</summary>
public delegate string LiteralWriter(GLiteral literal);

/// <summary>
/// A generated, well-typed SoQL expression that knows its SoQL text and its reference meaning, so the same tree gives
/// both the query and the expected answer. Binary operators are parenthesised so precedence is never in question.
/// </summary>
public abstract record GExpr(SodaType Type)
{
    public abstract string Soql(LiteralWriter write);

    public abstract RefExpr Ref();

    public virtual IEnumerable<GLiteral> Literals() => [];

    public string Soql() => Soql(GLiteral.Write);

    /// <summary>This node and every node below it.</summary>
    public IEnumerable<GExpr> DescendantsAndSelf()
    {
        IEnumerable<GExpr> children = this switch
        {
            GUnary u => [u.Operand],
            GIsNull n => [n.Operand],
            GBinary b => [b.Left, b.RightOperand],
            GIn i => [i.Operand, .. i.Values],
            GBetween b => [b.Operand, b.Low, b.High],
            GLike l => [l.Operand, l.Pattern],
            GAggregate { Operand: { } x } => [x],
            _ => [],
        };
        return children.SelectMany(child => child.DescendantsAndSelf()).Prepend(this);
    }
}

public sealed record GColumn(string Name, SodaType ColumnType) : GExpr(ColumnType)
{
    public override string Soql(LiteralWriter write) => Name;

    public override RefExpr Ref() => R.Col(Name);
}

/// <param name="Cast">
/// Write a timestamp literal as <c>'…'::floating_timestamp</c>: needed where nothing around it gives the text literal a
/// type (a bare <c>'2018-01-01'</c> in <c>$select</c> is text).
/// </param>
public sealed record GLiteral(object Value, SodaType LiteralType, bool Cast = false) : GExpr(LiteralType)
{
    public override string Soql(LiteralWriter write) => Cast ? $"({write(this)}::floating_timestamp)" : write(this);

    public override RefExpr Ref() => R.Lit(Value);

    public override IEnumerable<GLiteral> Literals() => [this];

    public static string Write(GLiteral literal) => Write(literal.Value);

    public static string Write(object value) => value switch
    {
        double d when d < 0 => "-" + (-d).ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "FALSE",
        DateTime t => "'" + t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "'",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        _ => throw new InvalidOperationException(value.GetType().Name),
    };
}

public sealed record GUnary(string Op, GExpr Operand) : GExpr(Op == "NOT" ? SodaType.Checkbox : Operand.Type)
{
    public override string Soql(LiteralWriter write) => Op switch
    {
        "NOT" => $"(NOT {Operand.Soql(write)})",
        // A space after the minus: "--1" would start a comment.
        "-" => $"(- {Operand.Soql(write)})",
        _ => $"{Op}({Operand.Soql(write)})",
    };

    public override RefExpr Ref() => Op switch
    {
        "NOT" => R.Not(Operand.Ref()),
        "-" => R.Neg(Operand.Ref()),
        "upper" => R.Upper(Operand.Ref()),
        "lower" => R.Lower(Operand.Ref()),
        "date_trunc_ymd" => R.TruncYmd(Operand.Ref()),
        "date_trunc_ym" => R.TruncYm(Operand.Ref()),
        "date_trunc_y" => R.TruncY(Operand.Ref()),
        _ => throw new InvalidOperationException(Op),
    };

    public override IEnumerable<GLiteral> Literals() => Operand.Literals();
}

public sealed record GIsNull(GExpr Operand, bool Negated) : GExpr(SodaType.Checkbox)
{
    public override string Soql(LiteralWriter write) => $"({Operand.Soql(write)} IS {(Negated ? "NOT " : "")}NULL)";

    public override RefExpr Ref() => Negated ? R.IsNotNull(Operand.Ref()) : R.IsNull(Operand.Ref());

    public override IEnumerable<GLiteral> Literals() => Operand.Literals();
}

public sealed record GBinary(string Op, GExpr Left, GExpr RightOperand, SodaType Result) : GExpr(Result)
{
    public override string Soql(LiteralWriter write) => $"({Left.Soql(write)} {Op} {RightOperand.Soql(write)})";

    public override RefExpr Ref() => Op switch
    {
        "+" => R.Add(Left.Ref(), RightOperand.Ref()),
        "-" => R.Sub(Left.Ref(), RightOperand.Ref()),
        "*" => R.Mul(Left.Ref(), RightOperand.Ref()),
        "/" => R.Div(Left.Ref(), RightOperand.Ref()),
        "%" => R.Mod(Left.Ref(), RightOperand.Ref()),
        "||" => R.Concat(Left.Ref(), RightOperand.Ref()),
        "AND" => R.And(Left.Ref(), RightOperand.Ref()),
        "OR" => R.Or(Left.Ref(), RightOperand.Ref()),
        "=" or "!=" or "<" or "<=" or ">" or ">=" => R.Cmp(Left.Ref(), Op, RightOperand.Ref()),
        "<>" => R.Cmp(Left.Ref(), "!=", RightOperand.Ref()),
        _ => throw new InvalidOperationException(Op),
    };

    public override IEnumerable<GLiteral> Literals() => Left.Literals().Concat(RightOperand.Literals());
}

public sealed record GIn(GExpr Operand, ImmutableArray<GLiteral> Values, bool Negated) : GExpr(SodaType.Checkbox)
{
    public override string Soql(LiteralWriter write) =>
        $"({Operand.Soql(write)} {(Negated ? "NOT " : "")}IN ({string.Join(", ", Values.Select(v => v.Soql(write)))}))";

    public override RefExpr Ref() => Negated
        ? R.NotIn(Operand.Ref(), [.. Values.Select(v => v.Value)])
        : R.In(Operand.Ref(), [.. Values.Select(v => v.Value)]);

    public override IEnumerable<GLiteral> Literals() => Operand.Literals().Concat(Values);
}

public sealed record GBetween(GExpr Operand, GLiteral Low, GLiteral High, bool Negated) : GExpr(SodaType.Checkbox)
{
    public override string Soql(LiteralWriter write) =>
        $"({Operand.Soql(write)} {(Negated ? "NOT " : "")}BETWEEN {Low.Soql(write)} AND {High.Soql(write)})";

    public override RefExpr Ref() => Negated
        ? R.NotBetween(Operand.Ref(), Low.Value, High.Value)
        : R.Between(Operand.Ref(), Low.Value, High.Value);

    public override IEnumerable<GLiteral> Literals() => Operand.Literals().Concat([Low, High]);
}

public sealed record GLike(GExpr Operand, GLiteral Pattern, bool Negated) : GExpr(SodaType.Checkbox)
{
    public override string Soql(LiteralWriter write) => $"({Operand.Soql(write)} {(Negated ? "NOT " : "")}LIKE {Pattern.Soql(write)})";

    public override RefExpr Ref() => Negated
        ? R.NotLike(Operand.Ref(), (string)Pattern.Value)
        : R.Like(Operand.Ref(), (string)Pattern.Value);

    public override IEnumerable<GLiteral> Literals() => Operand.Literals().Append(Pattern);
}

/// <summary>An aggregate call; <c>Operand</c> null is <c>count(*)</c>.</summary>
public sealed record GAggregate(string Function, GExpr? Operand, bool Distinct)
    : GExpr(Function is "count" ? SodaType.Number : Operand!.Type)
{
    public override string Soql(LiteralWriter write) =>
        Operand is null ? "count(*)" : $"{Function}({(Distinct ? "DISTINCT " : "")}{Operand.Soql(write)})";

    public override RefExpr Ref() => (Function, Operand) switch
    {
        ("count", null) => R.CountStar,
        ("count", { } x) => Distinct ? R.CountDistinct(x.Ref()) : R.Count(x.Ref()),
        ("sum", { } x) => R.Sum(x.Ref()),
        ("avg", { } x) => R.Avg(x.Ref()),
        ("min", { } x) => R.Min(x.Ref()),
        ("max", { } x) => R.Max(x.Ref()),
        _ => throw new InvalidOperationException(Function),
    };

    public override IEnumerable<GLiteral> Literals() => Operand?.Literals() ?? [];
}

/// <summary>The system field <c>:id</c>, used as the last ORDER BY key so a paged order is total.</summary>
public sealed record GRowId() : GExpr(SodaType.Text)
{
    public override string Soql(LiteralWriter write) => ":id";

    public override RefExpr Ref() => R.Id;
}

public sealed record GOrder(GExpr Key, bool Descending, bool? NullsFirst)
{
    public string Soql(LiteralWriter write) => Key.Soql(write) + (Descending ? " DESC" : " ASC") + NullsFirst switch
    {
        true => " NULLS FIRST",
        false => " NULLS LAST",
        null => "",
    };
}

/// <summary>A generated query: row query or grouped (<see cref="Aggregated"/>), rendered as separate SODA parameters.</summary>
public sealed record GQuery(
    ImmutableArray<GExpr> Select,
    GExpr? Where,
    ImmutableArray<GExpr> GroupBy,
    bool Aggregated,
    GExpr? Having,
    ImmutableArray<GOrder> Order,
    long? Limit,
    long? Offset)
{
    public SoqlRequest ToRequest() => ToRequest(GLiteral.Write);

    public SoqlRequest ToRequest(LiteralWriter write) => new()
    {
        Select = string.Join(", ", Select.Select(e => e.Soql(write))),
        Where = Where?.Soql(write),
        Group = GroupBy.IsEmpty ? null : string.Join(", ", GroupBy.Select(e => e.Soql(write))),
        Having = Having?.Soql(write),
        Order = Order.IsEmpty ? null : string.Join(", ", Order.Select(o => o.Soql(write))),
        Limit = Limit?.ToString(CultureInfo.InvariantCulture),
        Offset = Offset?.ToString(CultureInfo.InvariantCulture),
    };

    public RefQuery ToReference() => new()
    {
        Select = [.. Select.Select(e => e.Ref())],
        Where = Where?.Ref(),
        GroupBy = [.. GroupBy.Select(e => e.Ref())],
        Aggregated = Aggregated,
        Having = Having?.Ref(),
        Order = [.. Order.Select(o => new RefOrder(o.Key.Ref(), o.Descending, o.NullsFirst))],
        Limit = Limit,
        Offset = Offset ?? 0,
    };

    public IEnumerable<GExpr> Expressions() =>
        Select.Concat(GroupBy).Concat(Order.Select(o => o.Key)).Concat(Where is null ? [] : [Where]).Concat(Having is null ? [] : [Having])
            .SelectMany(e => e.DescendantsAndSelf());

    public IEnumerable<GLiteral> Literals() =>
        Select.SelectMany(e => e.Literals())
            .Concat(Where?.Literals() ?? [])
            .Concat(GroupBy.SelectMany(e => e.Literals()))
            .Concat(Having?.Literals() ?? [])
            .Concat(Order.SelectMany(o => o.Key.Literals()));

    public override string ToString()
    {
        SoqlRequest r = ToRequest();
        return $"$select={r.Select}\n$where={r.Where}\n$group={r.Group}\n$having={r.Having}\n$order={r.Order}\n$limit={r.Limit}\n$offset={r.Offset}";
    }
}
