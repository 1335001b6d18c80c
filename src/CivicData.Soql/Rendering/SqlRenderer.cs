using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using CivicData.Core.Schema;
using CivicData.Soql.Binding;
using CivicData.Soql.Binding.BoundNodes;
using CivicData.Soql.Functions;
using CivicData.Soql.Rendering.Dialects;
using CivicData.Soql.Rendering.Sql;

namespace CivicData.Soql.Rendering;

/// <summary>
/// Turns a bound query into fragments for one dialect. Every literal becomes a parameter; every name comes from a
/// <see cref="ColumnSymbol"/> or the table schema.
/// </summary>
public sealed class SqlRenderer
{
    private readonly ISqlDialect _dialect;
    private readonly Dictionary<BoundLiteralExpression, SqlParameter> _literals = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<BoundLiteralExpression, ISqlFragment> _geometries = new(ReferenceEqualityComparer.Instance);
    private ImmutableArray<(BoundExpression Expression, ISqlFragment Fragment)> _groupBy = [];

    private SqlRenderer(ISqlDialect dialect)
    {
        _dialect = dialect;
    }

    public static SqlStatement Render(BoundQuery query, ISqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(query);
        var renderer = new SqlRenderer(dialect);
        return SqlBuilder.Build(dialect, renderer.RenderQuery(query, outputColumns: null));
    }

    /// <summary>
    /// One stage. A stage rendered as the source of the next one (<paramref name="outputColumns"/> set) names its columns
    /// after the next stage's symbols and adds an ordinal column, <c>row_number()</c> in its own order, unless it is DISTINCT.
    /// </summary>
    private SqlList RenderQuery(BoundQuery query, ImmutableArray<ColumnSymbol>? outputColumns)
    {
        // GROUP BY expressions are rendered once; a select, HAVING or ORDER BY expression equal to one of them reuses
        // its fragment, so both places carry the same placeholders and the engine sees the same expression.
        // DuckDB rejects a bare placeholder as a GROUP BY key, so a literal key is wrapped in a cast to its own type.
        _groupBy = [.. query.GroupBy.Select(expression => (expression, expression is BoundLiteralExpression { IsNull: false }
            ? _dialect.Cast(RenderExpression(expression), expression.Type, expression.Type)
            : RenderExpression(expression)))];

        List<ISqlFragment> selectList = [.. query.Select.Select(item => RenderExpression(item.Expression))];
        if (outputColumns is { } names)
        {
            selectList = [.. selectList.Select((fragment, i) => (ISqlFragment)Sql.Sql.Sequence(fragment, Sql.Sql.Keyword("AS"), SqlIdentifier.ForColumn(names[i])))];
        }

        ISqlFragment from = _dialect.Table(query.Table);
        if (query.Source is { } source)
        {
            var sourceRenderer = new SqlRenderer(_dialect);
            from = Sql.Sql.Sequence(Sql.Sql.Group(sourceRenderer.RenderQuery(source, query.SourceColumns)), Sql.Sql.Keyword("AS"), SqlIdentifier.ForSource());
        }

        List<ISqlFragment> parts =
        [
            Sql.Sql.Keyword(query.IsDistinct ? "SELECT DISTINCT" : "SELECT"),
            Sql.Sql.Join(", ", selectList),
            Sql.Sql.Keyword("FROM"),
            from,
        ];

        if (query.Where is not null)
        {
            parts.Add(Sql.Sql.Keyword("WHERE"));
            parts.Add(RenderExpression(query.Where));
        }

        if (!_groupBy.IsEmpty)
        {
            parts.Add(Sql.Sql.Keyword("GROUP BY"));
            parts.Add(Sql.Sql.Join(", ", _groupBy.Select(group => group.Fragment)));
        }

        if (query.Having is not null)
        {
            parts.Add(Sql.Sql.Keyword("HAVING"));
            parts.Add(RenderExpression(query.Having));
        }

        // A constant key orders nothing, and DuckDB rejects a placeholder-only ORDER BY key: leave constants out.
        List<ISqlFragment> orderBy = [.. query.OrderBy
            .Where(item => !IsConstant(item.Expression))
            .Select(item => RenderOrderItem(RenderExpression(item.Expression), item.IsDescending, item.NullsFirst))];

        // Deterministic order for paging: load order for row queries (the source's order for a chained stage), the groups for
        // grouped ones, the selected columns for SELECT DISTINCT.
        if (query.IsDistinct)
        {
            for (int i = 0; i < query.Select.Length; i++)
            {
                if (Conversions.IsOrderable(query.Select[i].Expression.Type) && !IsConstant(query.Select[i].Expression))
                {
                    orderBy.Add(RenderOrderItem(Sql.Sql.Keyword((i + 1).ToString(CultureInfo.InvariantCulture)), isDescending: false, nullsFirst: false));
                }
            }
        }
        else if (!query.IsAggregated)
        {
            if (query.Source is null)
            {
                // Load order needs no sort where scans give it anyway, unless it breaks ties between the caller's keys or
                // numbers the rows of a chained stage (a window has no insertion order to keep).
                if (!_dialect.ScansInSequenceOrder || orderBy.Count > 0 || outputColumns is not null)
                {
                    orderBy.Add(Sql.Sql.Sequence(SqlIdentifier.ForSequence(), Sql.Sql.Keyword("ASC")));
                }
            }
            else if (!query.Source.IsDistinct)
            {
                orderBy.Add(Sql.Sql.Sequence(SqlIdentifier.ForOrdinal(), Sql.Sql.Keyword("ASC")));
            }
        }
        else
        {
            foreach ((BoundExpression expression, ISqlFragment fragment) in _groupBy)
            {
                if (!IsConstant(expression) && !query.OrderBy.Any(item => BoundTreeComparer.AreEqual(item.Expression, expression)))
                {
                    orderBy.Add(RenderOrderItem(fragment, isDescending: false, nullsFirst: false));
                }
            }
        }

        if (orderBy.Count > 0)
        {
            parts.Add(Sql.Sql.Keyword("ORDER BY"));
            parts.Add(Sql.Sql.Join(", ", orderBy));
        }

        if (outputColumns is not null && !query.IsDistinct)
        {
            ISqlFragment window = orderBy.Count > 0 ? Sql.Sql.Sequence(Sql.Sql.Keyword("ORDER BY"), Sql.Sql.Join(", ", orderBy)) : Sql.Sql.Keyword("");
            selectList.Add(Sql.Sql.Sequence(
                Sql.Sql.Function("row_number"), Sql.Sql.Keyword("OVER"), Sql.Sql.Group(window), Sql.Sql.Keyword("AS"), SqlIdentifier.ForOrdinal()));
            parts[1] = Sql.Sql.Join(", ", selectList);
        }

        SqlParameter? limit = query.Limit is { } value ? new SqlParameter(value, SodaType.Number) : null;
        parts.Add(_dialect.LimitOffset(limit, new SqlParameter(query.Offset, SodaType.Number)));
        return Sql.Sql.Join(" ", parts);
    }

    /// <summary>An expression with no column in it has one value for every row.</summary>
    private static bool IsConstant(BoundExpression expression) => expression switch
    {
        BoundColumnExpression or BoundSearchExpression => false,
        BoundFunctionCallExpression { Function.IsAggregate: true } => false,
        _ => BoundTreeComparer.Children(expression).All(IsConstant),
    };

    private static SqlList RenderOrderItem(ISqlFragment expression, bool isDescending, bool nullsFirst) => Sql.Sql.Sequence(
        expression,
        Sql.Sql.Keyword(isDescending ? "DESC" : "ASC"),
        Sql.Sql.Keyword(nullsFirst ? "NULLS FIRST" : "NULLS LAST"));

    private ISqlFragment RenderExpression(BoundExpression expression)
    {
        foreach ((BoundExpression group, ISqlFragment fragment) in _groupBy)
        {
            if (BoundTreeComparer.AreEqual(group, expression))
            {
                return fragment;
            }
        }

        return expression switch
        {
            BoundColumnExpression x => SqlIdentifier.ForColumn(x.Column),
            BoundLiteralExpression x => RenderLiteral(x),
            BoundUnaryExpression x => Sql.Sql.Group(
                Sql.Sql.Keyword(x.OperatorKind == BoundUnaryOperatorKind.Not ? "NOT" : "-"), RenderExpression(x.Operand)),
            BoundBinaryExpression x => RenderBinary(x),
            BoundFunctionCallExpression x => RenderFunctionCall(x),
            BoundCastExpression x => _dialect.Cast(RenderExpression(x.Operand), x.Operand.Type, x.Type),
            BoundIsNullExpression x => Sql.Sql.Group(RenderExpression(x.Operand), Sql.Sql.Keyword(x.IsNegated ? "IS NOT NULL" : "IS NULL")),
            BoundBetweenExpression x => Sql.Sql.Group(
                RenderExpression(x.Operand),
                Sql.Sql.Keyword(x.IsNegated ? "NOT BETWEEN" : "BETWEEN"),
                RenderExpression(x.Low),
                Sql.Sql.Keyword("AND"),
                RenderExpression(x.High)),
            BoundInExpression x => Sql.Sql.Group(
                RenderExpression(x.Operand),
                Sql.Sql.Keyword(x.IsNegated ? "NOT IN" : "IN"),
                Sql.Sql.Group(Sql.Sql.Join(", ", x.Values.Select(RenderExpression)))),
            BoundLikeExpression x => _dialect.Like(RenderExpression(x.Operand), RenderExpression(x.Pattern), x.IsNegated),
            BoundSearchExpression x => RenderSearch(x),
            BoundCaseExpression x => RenderCase(x),
            BoundIntervalExpression x => _dialect.AddInterval(
                RenderExpression(x.Timestamp),
                new SqlParameter((double)x.Period.Months, SodaType.Number),
                new SqlParameter((double)x.Period.Days, SodaType.Number),
                new SqlParameter(x.Period.Seconds, SodaType.Number),
                x.IsSubtraction),
            _ => throw new UnreachableException(),
        };
    }

    private SqlGroup RenderCase(BoundCaseExpression expression)
    {
        List<ISqlFragment> parts = [Sql.Sql.Keyword("CASE")];
        for (int i = 0; i < expression.Conditions.Length; i++)
        {
            parts.Add(Sql.Sql.Keyword("WHEN"));
            parts.Add(RenderExpression(expression.Conditions[i]));
            parts.Add(Sql.Sql.Keyword("THEN"));
            parts.Add(RenderExpression(expression.Values[i]));
        }

        if (expression.ElseValue is not null)
        {
            parts.Add(Sql.Sql.Keyword("ELSE"));
            parts.Add(RenderExpression(expression.ElseValue));
        }

        parts.Add(Sql.Sql.Keyword("END"));
        return Sql.Sql.Group([.. parts]);
    }

    private ISqlFragment RenderLiteral(BoundLiteralExpression literal)
    {
        if (literal.IsNull)
        {
            return Sql.Sql.Keyword("NULL");
        }

        if (literal.Value is PointValue point)
        {
            return _dialect.Point(new SqlParameter(point.Longitude, SodaType.Number), new SqlParameter(point.Latitude, SodaType.Number));
        }

        if (literal.Value is GeometryValue { Type: SodaType.Point } pointGeometry)
        {
            (double lon, double lat) = pointGeometry.Parts[0][0][0];
            return _dialect.Point(new SqlParameter(lon, SodaType.Number), new SqlParameter(lat, SodaType.Number));
        }

        if (literal.Value is GeometryValue geometry)
        {
            if (!_geometries.TryGetValue(literal, out ISqlFragment? fragment))
            {
                fragment = _dialect.Geometry(geometry);
                _geometries.Add(literal, fragment);
            }

            return fragment;
        }

        if (!_literals.TryGetValue(literal, out SqlParameter? parameter))
        {
            parameter = new SqlParameter(literal.Value, literal.Type);
            _literals.Add(literal, parameter);
        }

        return parameter;
    }

    private ISqlFragment RenderBinary(BoundBinaryExpression binary)
    {
        ISqlFragment left = RenderExpression(binary.Left);
        ISqlFragment right = RenderExpression(binary.Right);
        return binary.OperatorKind switch
        {
            BoundBinaryOperatorKind.Divide => _dialect.Divide(left, right),
            BoundBinaryOperatorKind.Modulo => _dialect.Modulo(left, right),
            BoundBinaryOperatorKind.Power => _dialect.Power(left, right),
            BoundBinaryOperatorKind.Concatenate => _dialect.Concatenate(AsText(left, binary.Left.Type), AsText(right, binary.Right.Type)),
            _ => Sql.Sql.Group(left, Sql.Sql.Keyword(binary.OperatorKind switch
            {
                BoundBinaryOperatorKind.Add => "+",
                BoundBinaryOperatorKind.Subtract => "-",
                BoundBinaryOperatorKind.Multiply => "*",
                BoundBinaryOperatorKind.Equal => "=",
                BoundBinaryOperatorKind.NotEqual => "<>",
                BoundBinaryOperatorKind.Less => "<",
                BoundBinaryOperatorKind.LessOrEqual => "<=",
                BoundBinaryOperatorKind.Greater => ">",
                BoundBinaryOperatorKind.GreaterOrEqual => ">=",
                BoundBinaryOperatorKind.And => "AND",
                BoundBinaryOperatorKind.Or => "OR",
                _ => throw new UnreachableException(),
            }), right),
        };
    }

    private ISqlFragment AsText(ISqlFragment fragment, SodaType type) =>
        type is SodaType.Text or SodaType.Url ? fragment : _dialect.Cast(fragment, type, SodaType.Text);

    private ISqlFragment RenderFunctionCall(BoundFunctionCallExpression call)
    {
        ImmutableArray<ISqlFragment> arguments = [.. call.Arguments.Select(RenderExpression)];
        return call.Function.Kind switch
        {
            FunctionKind.Count => _dialect.AggregateAsNumber(
                call.IsStar ? Sql.Sql.Function("count", Sql.Sql.Keyword("*")) : Sql.Sql.Function("count", call.IsDistinct, arguments)),
            FunctionKind.Sum => _dialect.AggregateAsNumber(Sql.Sql.Function("sum", call.IsDistinct, arguments)),
            FunctionKind.Avg => _dialect.AggregateAsNumber(Sql.Sql.Function("avg", call.IsDistinct, arguments)),
            FunctionKind.Min => Sql.Sql.Function("min", arguments[0]),
            FunctionKind.Max => Sql.Sql.Function("max", arguments[0]),
            FunctionKind.Upper => Sql.Sql.Function("upper", arguments[0]),
            FunctionKind.Lower => Sql.Sql.Function("lower", arguments[0]),
            FunctionKind.DateTruncYmd => _dialect.DateTrunc(DateTruncUnit.Day, InZone(arguments)),
            FunctionKind.DateTruncYm => _dialect.DateTrunc(DateTruncUnit.Month, InZone(arguments)),
            FunctionKind.DateTruncY => _dialect.DateTrunc(DateTruncUnit.Year, InZone(arguments)),
            FunctionKind.WithinCircle => _dialect.WithinCircle(arguments[0], arguments[1], arguments[2], arguments[3]),
            FunctionKind.WithinBox => _dialect.WithinBox(arguments[0], arguments[1], arguments[2], arguments[3], arguments[4]),
            FunctionKind.WithinPolygon or FunctionKind.Intersects or FunctionKind.NumPoints or FunctionKind.Simplify
                or FunctionKind.SimplifyPreserveTopology or FunctionKind.MakePoint or FunctionKind.ConvexHull or FunctionKind.Extent
                => _dialect.GeometryCall(call.Function.Kind, arguments, [.. call.Arguments.Select(argument => argument.Type)]),
            _ => _dialect.Call(call.Function.Kind, arguments),
        };
    }

    /// <summary><c>date_trunc_*(fts, zone)</c> truncates the local time in the zone; with one argument, the value itself.</summary>
    private ISqlFragment InZone(ImmutableArray<ISqlFragment> arguments) =>
        arguments.Length == 2 ? _dialect.Call(FunctionKind.ToFloatingTimestamp, arguments) : arguments[0];

    private SqlGroup RenderSearch(BoundSearchExpression search)
    {
        ImmutableArray<ISqlFragment> columns = [.. search.Columns.Select(column => (ISqlFragment)SqlIdentifier.ForColumn(column))];
        return Sql.Sql.Group(Sql.Sql.Join(" AND ", search.Terms.Select(term =>
            _dialect.FullTextTerm(columns, new SqlParameter(term, SodaType.Text)))));
    }
}
