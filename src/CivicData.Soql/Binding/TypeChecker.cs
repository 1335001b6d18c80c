using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CivicData.Core.Schema;
using CivicData.Soql.Ast;
using CivicData.Soql.Binding.BoundNodes;
using CivicData.Soql.Diagnostics;
using CivicData.Soql.Functions;
using CivicData.Soql.Syntax;
using CivicData.Soql.Text;

namespace CivicData.Soql.Binding;

/// <summary>
/// The binder: resolves names against the dataset's columns, types every expression, coerces text literals,
/// names output columns and enforces the aggregation rules (soda.md §4, §6.4, §6.5).
/// </summary>
public sealed class TypeChecker
{
    private readonly ColumnScope _scope;
    private readonly FunctionCatalog _functions;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, BoundExpression> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SelectItem> _selectAliases = new(StringComparer.Ordinal);
    private readonly Dictionary<SelectItem, BoundExpression> _selectBound = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<SelectItem> _selectInProgress = new(ReferenceEqualityComparer.Instance);
    private bool _aliasesVisible;
    private bool _inSelect;
    private string? _aggregateForbiddenIn;

    public TypeChecker(ColumnScope scope, FunctionCatalog functions, DiagnosticBag diagnostics)
    {
        _scope = scope;
        _functions = functions;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Binds a statement and every stage before it in its <c>|&gt;</c> chain, oldest first: each stage sees only the output
    /// columns of the one before. Simple filters and <c>$q</c> belong to the first stage; the default limit to the last.
    /// Stops at the first stage with errors.
    /// </summary>
    public static BoundQuery BindChain(QuerySyntax last, QueryOptions options, TableSchema schema, FunctionCatalog functions, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(last);
        ArgumentNullException.ThrowIfNull(options);
        List<QuerySyntax> stages = [];
        for (QuerySyntax? stage = last; stage is not null; stage = stage.Source)
        {
            stages.Insert(0, stage);
        }

        var scope = new ColumnScope(schema);
        BoundQuery? previous = null;
        for (int i = 0; i < stages.Count; i++)
        {
            bool isFirst = i == 0;
            bool isLast = i == stages.Count - 1;
            QuerySyntax stage = stages[i];
            QueryOptions stageOptions = options with
            {
                SimpleFilters = isFirst ? options.SimpleFilters : [],
                IncludeSystemFields = isFirst && options.IncludeSystemFields,
                Search = ToClauseValue(stage.Search) ?? (isFirst ? options.Search : null),
                Limit = ToClauseValue(stage.Limit) ?? (isLast ? options.Limit : null),
                Offset = ToClauseValue(stage.Offset) ?? (isLast ? options.Offset : null),
                DefaultLimit = isLast ? options.DefaultLimit : null,
            };

            int errorsBefore = diagnostics.Count;
            previous = new TypeChecker(scope, functions, diagnostics).BindQuery(stage, stageOptions, previous);
            if (diagnostics.Count > errorsBefore || isLast)
            {
                break;
            }

            scope = new ColumnScope(schema, [.. previous.Select.Select((item, n) =>
                new ColumnSymbol(item.Name, "_c" + (n + 1).ToString(CultureInfo.InvariantCulture), item.Expression.Type, IsSystem: false))]);
        }

        return previous!;
    }

    private static ClauseValue? ToClauseValue(Token? token) =>
        token is null ? null : new ClauseValue((token.Value as string) ?? token.Text, token.Location);

    public BoundQuery BindQuery(QuerySyntax syntax, QueryOptions options, BoundQuery? source = null)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        ArgumentNullException.ThrowIfNull(options);
        ImmutableArray<BoundSelectItem> select = BindSelect(syntax.Select, options.IncludeSystemFields);
        bool isDistinct = syntax.Select?.IsDistinct == true;

        BoundExpression? where = null;
        if (syntax.Where is not null)
        {
            where = BindCondition(syntax.Where, "WHERE");
        }

        where = And(where, BindSimpleFilters(options.SimpleFilters));
        if (options.Search is { } search)
        {
            where = And(where, BindSearch(search));
        }

        ImmutableArray<BoundExpression> groupBy = [.. syntax.GroupBy.Select(BindGroupBy)];

        BoundExpression? having = null;
        if (syntax.Having is not null)
        {
            _aliasesVisible = true;
            having = BindCondition(syntax.Having, "HAVING");
        }

        _aliasesVisible = true;
        ImmutableArray<BoundOrderItem> orderBy = [.. syntax.OrderBy.Select(BindOrderItem)];

        bool isAggregated = !groupBy.IsEmpty
            || select.Any(item => BoundTreeComparer.ContainsAggregate(item.Expression))
            || (having is not null && BoundTreeComparer.ContainsAggregate(having))
            || orderBy.Any(item => BoundTreeComparer.ContainsAggregate(item.Expression));

        // Implicit GROUP BY: a DISTINCT row query groups by everything it selects, so the rows come out once each and in a
        // stable order; ORDER BY may then use only what is selected. A DISTINCT aggregate query stays SELECT DISTINCT.
        if (isDistinct && !isAggregated)
        {
            groupBy = [.. select.Select(item => item.Expression).Where(expression => expression is not BoundLiteralExpression)];
            for (int i = 0; i < orderBy.Length; i++)
            {
                if (!groupBy.Any(group => BoundTreeComparer.AreEqual(group, orderBy[i].Expression)) && !IsConstant(orderBy[i].Expression))
                {
                    _diagnostics.ReportDistinctOrderNotSelected(syntax.OrderBy[i].Expression.Location);
                }
            }

            if (having is not null)
            {
                CheckGrouped(having, groupBy);
            }

            isAggregated = true;
            isDistinct = false;
        }
        else if (isAggregated)
        {
            foreach (BoundSelectItem item in select)
            {
                CheckGrouped(item.Expression, groupBy);
            }

            if (having is not null)
            {
                CheckGrouped(having, groupBy);
            }

            foreach (BoundOrderItem item in orderBy)
            {
                CheckGrouped(item.Expression, groupBy);
            }
        }

        long? limit = BindLimit(options);
        long offset = BindOffset(options.Offset);
        return new BoundQuery(_scope.Schema, select, where, groupBy, having, orderBy, isAggregated, limit, offset,
            isDistinct, source, source is null ? [] : _scope.UserColumns);
    }

    private static bool IsConstant(BoundExpression expression) => expression switch
    {
        BoundColumnExpression or BoundSearchExpression => false,
        BoundFunctionCallExpression { Function.IsAggregate: true } => false,
        _ => BoundTreeComparer.Children(expression).All(IsConstant),
    };

    private static BoundExpression? And(BoundExpression? left, BoundExpression? right)
    {
        if (left is null || right is null)
        {
            return left ?? right;
        }

        return new BoundBinaryExpression(left, BoundBinaryOperatorKind.And, right, SodaType.Checkbox, null);
    }

    private ImmutableArray<BoundSelectItem> BindSelect(SelectClause? select, bool includeSystemFields)
    {
        // Pass 1: bind every item (expanding * and :*), remembering explicit aliases and plain column references.
        List<(BoundExpression Expression, Token? Alias, ColumnSymbol? PlainColumn, TextLocation? Location)> items = [];
        IEnumerable<SelectItem>? syntaxItems = select?.Items;

        _inSelect = true;

        // Explicit aliases that name no column may be used by other select items (a AS x, x * 2 AS y); a cycle is an error.
        foreach (SelectItem item in syntaxItems ?? [])
        {
            if (item is { Kind: SelectItemKind.Expression, Alias: { } alias } && _scope.Find(AliasName(alias)) is null)
            {
                _selectAliases.TryAdd(ColumnScope.Normalize(AliasName(alias)), item);
            }
        }

        if (syntaxItems is null)
        {
            AddColumns(includeSystemFields ? _scope.SystemColumns.AddRange(_scope.UserColumns) : _scope.UserColumns, null);
        }
        else
        {
            foreach (SelectItem item in syntaxItems)
            {
                switch (item.Kind)
                {
                    case SelectItemKind.AllUserColumns:
                        AddColumns(includeSystemFields ? _scope.SystemColumns.AddRange(_scope.UserColumns) : _scope.UserColumns, item.Location);
                        break;
                    case SelectItemKind.AllSystemColumns:
                        AddColumns(_scope.SystemColumns, item.Location);
                        break;
                    case SelectItemKind.Expression:
                        BoundExpression bound = BindSelectItem(item);
                        ColumnSymbol? plain = Unparenthesize(item.Expression!) is ColumnReference && bound is BoundColumnExpression column
                            ? column.Column
                            : null;
                        items.Add((bound, item.Alias, plain, item.Expression!.Location));
                        break;
                    default:
                        throw new UnreachableException();
                }
            }
        }

        _inSelect = false;

        // Pass 2: explicit aliases claim their names first.
        HashSet<string> used = new(StringComparer.Ordinal);
        foreach ((BoundExpression _, Token? alias, ColumnSymbol? plain, TextLocation? _) in items)
        {
            if (alias is null)
            {
                continue;
            }

            string name = AliasName(alias);
            string key = ColumnScope.Normalize(name);
            ColumnSymbol? sameNamed = _scope.Find(name);
            if (!used.Add(key) || (sameNamed is not null && sameNamed != plain))
            {
                _diagnostics.ReportDuplicateAlias(alias.Location, name);
            }
        }

        // Pass 3: every other item gets its field name or an implicit alias, made unique.
        ImmutableArray<BoundSelectItem>.Builder result = ImmutableArray.CreateBuilder<BoundSelectItem>(items.Count);
        foreach ((BoundExpression expression, Token? alias, ColumnSymbol? plain, TextLocation? location) in items)
        {
            string name;
            if (alias is not null)
            {
                name = AliasName(alias);
            }
            else if (plain is not null)
            {
                name = used.Add(ColumnScope.Normalize(plain.Name)) ? plain.Name : MakeUnique(plain.Name, used);
            }
            else
            {
                string implicitName = ImplicitAlias(location!.Value.Text);
                name = _scope.Find(implicitName) is null && used.Add(implicitName) ? implicitName : MakeUnique(implicitName, used);
            }

            _aliases.TryAdd(ColumnScope.Normalize(name), expression);
            result.Add(new BoundSelectItem(expression, name));
        }

        return result.ToImmutable();

        void AddColumns(ImmutableArray<ColumnSymbol> columns, TextLocation? location)
        {
            foreach (ColumnSymbol column in columns)
            {
                items.Add((new BoundColumnExpression(column, location), null, column, location));
            }
        }
    }

    private static string AliasName(Token alias) => (string?)alias.Value ?? alias.Text;

    private BoundExpression BindSelectItem(SelectItem item)
    {
        if (_selectBound.TryGetValue(item, out BoundExpression? bound))
        {
            return bound;
        }

        _selectInProgress.Add(item);
        bound = BindExpression(item.Expression!);
        _selectInProgress.Remove(item);
        _selectBound[item] = bound;
        return bound;
    }

    private string MakeUnique(string baseName, HashSet<string> used)
    {
        for (int i = 1; ; i++)
        {
            string candidate = baseName + "_" + i.ToString(CultureInfo.InvariantCulture);
            if (_scope.Find(candidate) is null && used.Add(ColumnScope.Normalize(candidate)))
            {
                return candidate;
            }
        }
    }

    /// <summary>soda.md §6.4: the expression's words joined by '_', lower case.</summary>
    public static string ImplicitAlias(string expressionText)
    {
        var name = new StringBuilder(expressionText.Length);
        foreach (char c in expressionText.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                name.Append(c);
            }
            else if (name.Length > 0 && name[^1] != '_')
            {
                name.Append('_');
            }
        }

        string result = name.ToString().Trim('_');
        return result.Length == 0 ? "expr" : result;
    }

    private static Expression Unparenthesize(Expression expression) =>
        expression is ParenthesizedExpression parenthesized ? Unparenthesize(parenthesized.Inner) : expression;

    private BoundExpression BindCondition(Expression syntax, string clause)
    {
        string? previous = _aggregateForbiddenIn;
        if (clause == "WHERE")
        {
            _aggregateForbiddenIn = clause;
        }

        BoundExpression condition = Coerce(BindExpression(syntax), SodaType.Checkbox);
        _aggregateForbiddenIn = previous;
        if (condition.Type != SodaType.Checkbox)
        {
            _diagnostics.ReportNotBoolean(syntax.Location, clause, condition.Type);
        }

        return condition;
    }

    private BoundExpression BindGroupBy(Expression syntax)
    {
        _aliasesVisible = true;
        _aggregateForbiddenIn = "GROUP BY";
        BoundExpression bound = BindExpression(syntax);
        _aggregateForbiddenIn = null;
        if (BoundTreeComparer.ContainsAggregate(bound))
        {
            _diagnostics.ReportAggregateInUngroupedContext(syntax.Location, "GROUP BY");
        }
        else if (Conversions.GetComparisonFamily(bound.Type) is null && bound.Type is not (SodaType.Point or SodaType.Location))
        {
            _diagnostics.ReportNotGroupable(syntax.Location, bound.Type);
        }

        return bound;
    }

    private BoundOrderItem BindOrderItem(OrderByItem syntax)
    {
        BoundExpression bound = BindExpression(syntax.Expression);
        if (!Conversions.IsOrderable(bound.Type))
        {
            _diagnostics.ReportUnorderable(syntax.Expression.Location, bound.Type);
        }

        return new BoundOrderItem(bound, syntax.IsDescending, syntax.NullsFirst ?? syntax.IsDescending);
    }

    private void CheckGrouped(BoundExpression expression, ImmutableArray<BoundExpression> groupBy)
    {
        if (groupBy.Any(group => BoundTreeComparer.AreEqual(group, expression)))
        {
            return;
        }

        switch (expression)
        {
            case BoundFunctionCallExpression { Function.IsAggregate: true }:
            case BoundLiteralExpression:
                return;
            case BoundColumnExpression column:
                _diagnostics.ReportColumnNotInGroupBys(column.Location, column.Column.Name);
                return;
            default:
                foreach (BoundExpression child in BoundTreeComparer.Children(expression))
                {
                    CheckGrouped(child, groupBy);
                }

                return;
        }
    }

    private BoundExpression? BindSimpleFilters(IReadOnlyList<KeyValuePair<string, string>> filters)
    {
        BoundExpression? result = null;
        foreach ((string field, string value) in filters)
        {
            ColumnSymbol? column = _scope.Find(field);
            if (column is null)
            {
                _diagnostics.ReportNoSuchColumn(null, field);
                continue;
            }

            if (Conversions.GetComparisonFamily(column.Type) is null || !Conversions.TryConvertText(value, column.Type, out object? converted))
            {
                _diagnostics.ReportCannotConvertLiteral(null, column.Type);
                continue;
            }

            var literal = new BoundLiteralExpression(converted, column.Type, isFlexible: false, null);
            var equals = new BoundBinaryExpression(
                new BoundColumnExpression(column, null), BoundBinaryOperatorKind.Equal, literal, SodaType.Checkbox, null);
            result = And(result, equals);
        }

        return result;
    }

    private BoundSearchExpression? BindSearch(ClauseValue search)
    {
        List<string> terms = [];
        var term = new StringBuilder();
        foreach (char c in search.Text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                term.Append(char.ToLowerInvariant(c));
            }
            else if (term.Length > 0)
            {
                if (!terms.Contains(term.ToString()))
                {
                    terms.Add(term.ToString());
                }

                term.Clear();
            }
        }

        if (terms.Count == 0)
        {
            return null;
        }

        ImmutableArray<ColumnSymbol> columns = [.. _scope.UserColumns.Where(column => column.Type is SodaType.Text or SodaType.Url)];
        return new BoundSearchExpression([.. terms], columns, search.Location);
    }

    private long? BindLimit(QueryOptions options)
    {
        if (options.Limit is not { } limit)
        {
            return options.DefaultLimit;
        }

        if (!TryParseCount(limit.Text, out long value))
        {
            _diagnostics.ReportInvalidLimit(limit.Location);
            return null;
        }

        if (options.MaxLimit is { } max && value > max)
        {
            _diagnostics.ReportLimitTooLarge(limit.Location, max);
            return null;
        }

        return value;
    }

    private long BindOffset(ClauseValue? offset)
    {
        if (offset is null)
        {
            return 0;
        }

        if (!TryParseCount(offset.Text, out long value))
        {
            _diagnostics.ReportInvalidOffset(offset.Location);
        }

        return value;
    }

    private static bool TryParseCount(string text, out long value) =>
        long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    // Expressions

    private BoundExpression BindExpression(Expression syntax) => syntax switch
    {
        ColumnReference x => BindColumnReference(x),
        LiteralExpression x => BindLiteral(x),
        ParenthesizedExpression x => BindExpression(x.Inner),
        UnaryExpression x => BindUnary(x),
        BinaryExpression x => BindBinary(x),
        FunctionCall x => BindFunctionCall(x),
        CastExpression x => BindCast(x),
        IsNullExpression x => new BoundIsNullExpression(BindExpression(x.Operand), x.IsNegated, x.Location),
        BetweenExpression x => BindBetween(x),
        InExpression x => BindIn(x),
        LikeExpression x => BindLike(x),
        CaseExpression x => BindCase(x),
        FieldAccessExpression x => BindFieldAccess(x),
        _ => throw new UnreachableException(),
    };

    private BoundCaseExpression BindCase(CaseExpression syntax)
    {
        ImmutableArray<BoundExpression> conditions = [.. syntax.WhenClauses.Select(clause => BindCaseCondition(clause.Condition))];
        List<(BoundExpression Value, TextLocation Location)> values = [.. syntax.WhenClauses.Select(clause => (BindExpression(clause.Value), clause.Value.Location))];
        if (syntax.ElseValue is not null)
        {
            values.Add((BindExpression(syntax.ElseValue), syntax.ElseValue.Location));
        }

        (ImmutableArray<BoundExpression> unified, SodaType type) = UnifyAll("case", values);
        BoundExpression? elseValue = syntax.ElseValue is null ? null : unified[^1];
        return new BoundCaseExpression(conditions, [.. unified.Take(conditions.Length)], elseValue, type, syntax.Location);
    }

    private BoundExpression BindCaseCondition(Expression syntax)
    {
        BoundExpression condition = Coerce(BindExpression(syntax), SodaType.Checkbox);
        if (condition.Type != SodaType.Checkbox)
        {
            _diagnostics.ReportArgumentTypeMismatch(syntax.Location, "case", condition.Type);
        }

        return condition;
    }

    /// <summary><c>case(c1, v1, c2, v2, ...)</c> and <c>iif(c, a, b)</c>: the function forms of CASE.</summary>
    private BoundExpression BindCaseCall(FunctionCall syntax, string name)
    {
        ImmutableArray<Expression> arguments = syntax.Arguments;
        bool isIif = name == "iif";
        if (syntax.IsStar || syntax.IsDistinct || (isIif ? arguments.Length != 3 : arguments.Length < 2 || arguments.Length % 2 != 0))
        {
            _diagnostics.ReportNoSuchFunction(syntax.Name.Location, name, syntax.IsStar ? 0 : arguments.Length);
            return ErrorExpression(syntax.Location);
        }

        List<BoundExpression> conditions = [];
        List<(BoundExpression Value, TextLocation Location)> values = [];
        if (isIif)
        {
            conditions.Add(BindCaseCondition(arguments[0]));
            values.Add((BindExpression(arguments[1]), arguments[1].Location));
            values.Add((BindExpression(arguments[2]), arguments[2].Location));
        }
        else
        {
            for (int i = 0; i < arguments.Length; i += 2)
            {
                conditions.Add(BindCaseCondition(arguments[i]));
                values.Add((BindExpression(arguments[i + 1]), arguments[i + 1].Location));
            }
        }

        (ImmutableArray<BoundExpression> unified, SodaType type) = UnifyAll(name, values);
        return isIif
            ? new BoundCaseExpression([.. conditions], [unified[0]], unified[1], type, syntax.Location)
            : new BoundCaseExpression([.. conditions], unified, null, type, syntax.Location);
    }

    /// <summary>
    /// Values that must share one type (CASE results, coalesce, greatest ...): text and null literals take the type of the
    /// first value that has one; numbers mix, and a double among them makes the result double.
    /// </summary>
    private (ImmutableArray<BoundExpression> Values, SodaType Type) UnifyAll(string function, List<(BoundExpression Value, TextLocation Location)> values)
    {
        SodaType? target = null;
        foreach ((BoundExpression value, TextLocation _) in values)
        {
            if (value is not BoundLiteralExpression { IsFlexible: true })
            {
                target = value.Type;
                break;
            }
        }

        SodaType type = target ?? SodaType.Text;
        ImmutableArray<BoundExpression>.Builder result = ImmutableArray.CreateBuilder<BoundExpression>(values.Count);
        bool reported = false;
        foreach ((BoundExpression value, TextLocation location) in values)
        {
            BoundExpression converted = Coerce(value, type);
            bool compatible = converted.Type == type || (converted.Type.IsNumeric() && type.IsNumeric())
                || (Conversions.GetComparisonFamily(converted.Type) is { } family && family == Conversions.GetComparisonFamily(type));
            if (!compatible && !reported)
            {
                _diagnostics.ReportMixedTypes(location, function, type, converted.Type);
                reported = true;
            }

            result.Add(converted);
        }

        if (type.IsNumeric() && result.Any(value => value.Type == SodaType.Double))
        {
            type = SodaType.Double;
        }

        return (result.ToImmutable(), type);
    }

    private BoundExpression BindFieldAccess(FieldAccessExpression syntax)
    {
        BoundExpression operand = BindExpression(syntax.Operand);
        string field = syntax.FieldName.ToLowerInvariant();
        FunctionSymbol? function = FieldFunctions.Find(operand.Type, field);
        if (function is null)
        {
            _diagnostics.ReportNoSuchField(syntax.Field.Location, operand.Type, syntax.FieldName);
            return ErrorExpression(syntax.Location);
        }

        return new BoundFunctionCallExpression(function, [operand], isDistinct: false, isStar: false,
            function.GetResultType([operand.Type]), syntax.Location);
    }

    private BoundExpression BindColumnReference(ColumnReference syntax)
    {
        if (_scope.Find(syntax.Name) is { } column)
        {
            return new BoundColumnExpression(column, syntax.Location);
        }

        if (_aliasesVisible && _aliases.TryGetValue(ColumnScope.Normalize(syntax.Name), out BoundExpression? aliased))
        {
            return aliased;
        }

        if (_inSelect && _selectAliases.TryGetValue(ColumnScope.Normalize(syntax.Name), out SelectItem? item))
        {
            if (_selectInProgress.Contains(item))
            {
                _diagnostics.ReportCircularAlias(syntax.Location, syntax.Name);
                return ErrorExpression(syntax.Location);
            }

            return BindSelectItem(item);
        }

        _diagnostics.ReportNoSuchColumn(syntax.Location, syntax.Name);
        return ErrorExpression(syntax.Location);
    }

    private static BoundLiteralExpression ErrorExpression(TextLocation location) => new(null, SodaType.Text, isFlexible: true, location);

    private static BoundLiteralExpression BindLiteral(LiteralExpression syntax) => syntax.Kind switch
    {
        LiteralKind.String => new BoundLiteralExpression(syntax.Value, SodaType.Text, isFlexible: true, syntax.Location),
        LiteralKind.Number => new BoundLiteralExpression(syntax.Value, SodaType.Number, isFlexible: false, syntax.Location),
        LiteralKind.Boolean => new BoundLiteralExpression(syntax.Value, SodaType.Checkbox, isFlexible: false, syntax.Location),
        LiteralKind.Null => new BoundLiteralExpression(null, SodaType.Text, isFlexible: true, syntax.Location),
        _ => throw new UnreachableException(),
    };

    /// <summary>
    /// A function argument: a text literal passed where a geometry is expected is read as WKT and keeps the kind it names
    /// (promoted to the multi kind if only that is accepted); anything else is coerced to the parameter's preferred type.
    /// </summary>
    private BoundExpression CoerceArgument(BoundExpression argument, TypeSet parameter)
    {
        if (!parameter.TakesGeometry || argument is not BoundLiteralExpression { IsFlexible: true, Value: string text } literal)
        {
            return Coerce(argument, parameter.Preferred);
        }

        if (GeometryValue.TryParseWkt(text, out GeometryValue geometry))
        {
            SodaType? type = parameter.Accepts(geometry.Type) ? geometry.Type
                : GeometryValue.MultiOf(geometry.Type) is { } multi && parameter.Accepts(multi) ? multi : null;
            if (type is SodaType.Point && PointValue.TryParseWkt(text, out PointValue point))
            {
                return new BoundLiteralExpression(point, SodaType.Point, isFlexible: false, literal.Location);
            }

            if (type is { } target && geometry.TryConvertTo(target, out GeometryValue converted))
            {
                return new BoundLiteralExpression(converted, target, isFlexible: false, literal.Location);
            }
        }

        _diagnostics.ReportCannotConvertLiteral(literal.Location, parameter.Preferred);
        return new BoundLiteralExpression(null, parameter.Preferred, isFlexible: false, literal.Location);
    }

    /// <summary>Gives a flexible literal (string or null) the type its context needs; other expressions pass through.</summary>
    private BoundExpression Coerce(BoundExpression expression, SodaType target)
    {
        if (expression is not BoundLiteralExpression { IsFlexible: true } literal || target == literal.Type && !literal.IsNull)
        {
            return expression;
        }

        if (literal.IsNull)
        {
            return new BoundLiteralExpression(null, target, isFlexible: false, literal.Location);
        }

        if (Conversions.TryConvertText((string)literal.Value!, target, out object? value))
        {
            return new BoundLiteralExpression(value, target, isFlexible: false, literal.Location);
        }

        _diagnostics.ReportCannotConvertLiteral(literal.Location, target);
        return new BoundLiteralExpression(null, target, isFlexible: false, literal.Location);
    }

    private BoundExpression BindUnary(UnaryExpression syntax)
    {
        BoundExpression operand = BindExpression(syntax.Operand);
        string op = syntax.OperatorToken.Text;
        if (syntax.OperatorToken.Kind == TokenKind.NotKeyword)
        {
            operand = Coerce(operand, SodaType.Checkbox);
            if (operand.Type != SodaType.Checkbox)
            {
                _diagnostics.ReportUnaryTypeMismatch(syntax.Location, op, operand.Type);
            }

            return new BoundUnaryExpression(BoundUnaryOperatorKind.Not, operand, SodaType.Checkbox, syntax.Location);
        }

        operand = Coerce(operand, SodaType.Number);
        if (!operand.Type.IsNumeric())
        {
            _diagnostics.ReportUnaryTypeMismatch(syntax.Location, op, operand.Type);
        }

        if (syntax.OperatorToken.Kind == TokenKind.Plus)
        {
            return operand;
        }

        if (operand is BoundLiteralExpression { Value: double number } numberLiteral)
        {
            return new BoundLiteralExpression(-number, numberLiteral.Type, isFlexible: false, syntax.Location);
        }

        return new BoundUnaryExpression(BoundUnaryOperatorKind.Negate, operand, operand.Type, syntax.Location);
    }

    private BoundExpression BindBinary(BinaryExpression syntax)
    {
        BoundExpression left = BindExpression(syntax.Left);
        BoundExpression right = BindExpression(syntax.Right);
        string op = syntax.OperatorToken.Text;

        // ts + 'P1D', ts - 'PT2H': a timestamp moved by an ISO-8601 period literal.
        if (syntax.OperatorToken.Kind is TokenKind.Plus or TokenKind.Minus
            && left.Type is SodaType.FloatingTimestamp or SodaType.FixedTimestamp && left is not BoundLiteralExpression { IsFlexible: true })
        {
            if (right is BoundLiteralExpression { IsFlexible: true, Value: string text } && Period.TryParse(text, out Period period))
            {
                return new BoundIntervalExpression(left, period, syntax.OperatorToken.Kind == TokenKind.Minus, syntax.Location);
            }

            _diagnostics.ReportInvalidPeriod(syntax.Right.Location);
            return ErrorExpression(syntax.Location);
        }

        BoundBinaryOperatorKind kind = syntax.OperatorToken.Kind switch
        {
            TokenKind.Plus => BoundBinaryOperatorKind.Add,
            TokenKind.Minus => BoundBinaryOperatorKind.Subtract,
            TokenKind.Star => BoundBinaryOperatorKind.Multiply,
            TokenKind.Slash => BoundBinaryOperatorKind.Divide,
            TokenKind.Percent => BoundBinaryOperatorKind.Modulo,
            TokenKind.Caret => BoundBinaryOperatorKind.Power,
            TokenKind.PipePipe => BoundBinaryOperatorKind.Concatenate,
            TokenKind.Equals or TokenKind.EqualsEquals => BoundBinaryOperatorKind.Equal,
            TokenKind.BangEquals or TokenKind.LessGreater => BoundBinaryOperatorKind.NotEqual,
            TokenKind.Less => BoundBinaryOperatorKind.Less,
            TokenKind.LessEquals => BoundBinaryOperatorKind.LessOrEqual,
            TokenKind.Greater => BoundBinaryOperatorKind.Greater,
            TokenKind.GreaterEquals => BoundBinaryOperatorKind.GreaterOrEqual,
            TokenKind.AndKeyword => BoundBinaryOperatorKind.And,
            TokenKind.OrKeyword => BoundBinaryOperatorKind.Or,
            _ => throw new UnreachableException(),
        };

        switch (kind)
        {
            case BoundBinaryOperatorKind.And or BoundBinaryOperatorKind.Or:
                left = Coerce(left, SodaType.Checkbox);
                right = Coerce(right, SodaType.Checkbox);
                if (left.Type != SodaType.Checkbox || right.Type != SodaType.Checkbox)
                {
                    _diagnostics.ReportBinaryTypeMismatch(syntax.OperatorToken.Location, op, left.Type, right.Type);
                }

                return new BoundBinaryExpression(left, kind, right, SodaType.Checkbox, syntax.Location);

            case BoundBinaryOperatorKind.Concatenate:
                left = Coerce(left, SodaType.Text);
                right = Coerce(right, SodaType.Text);
                if (left.Type.IsGeometry() || right.Type.IsGeometry())
                {
                    _diagnostics.ReportBinaryTypeMismatch(syntax.OperatorToken.Location, op, left.Type, right.Type);
                }

                return new BoundBinaryExpression(left, kind, right, SodaType.Text, syntax.Location);

            case BoundBinaryOperatorKind.Add or BoundBinaryOperatorKind.Subtract or BoundBinaryOperatorKind.Multiply
                or BoundBinaryOperatorKind.Divide or BoundBinaryOperatorKind.Modulo or BoundBinaryOperatorKind.Power:
                left = Coerce(left, right.Type.IsNumeric() ? right.Type : SodaType.Number);
                right = Coerce(right, left.Type.IsNumeric() ? left.Type : SodaType.Number);
                if (!left.Type.IsNumeric() || !right.Type.IsNumeric())
                {
                    _diagnostics.ReportBinaryTypeMismatch(syntax.OperatorToken.Location, op, left.Type, right.Type);
                    return new BoundBinaryExpression(left, kind, right, SodaType.Number, syntax.Location);
                }

                return new BoundBinaryExpression(left, kind, right, Conversions.GetArithmeticType(left.Type, right.Type), syntax.Location);

            default:
                (left, right) = Unify(left, right);
                if (!AreComparable(left.Type, right.Type))
                {
                    _diagnostics.ReportBinaryTypeMismatch(syntax.OperatorToken.Location, op, left.Type, right.Type);
                }

                return new BoundBinaryExpression(left, kind, right, SodaType.Checkbox, syntax.Location);
        }
    }

    private static bool AreComparable(SodaType left, SodaType right)
    {
        string? family = Conversions.GetComparisonFamily(left);
        return family is not null && family == Conversions.GetComparisonFamily(right);
    }

    /// <summary>Two operands that must share a type: a flexible literal on one side takes the other side's type.</summary>
    private (BoundExpression Left, BoundExpression Right) Unify(BoundExpression left, BoundExpression right)
    {
        bool leftFlexible = left is BoundLiteralExpression { IsFlexible: true };
        bool rightFlexible = right is BoundLiteralExpression { IsFlexible: true };
        if (leftFlexible && !rightFlexible)
        {
            return (Coerce(left, right.Type), right);
        }

        if (rightFlexible && !leftFlexible)
        {
            return (left, Coerce(right, left.Type));
        }

        if (leftFlexible && rightFlexible)
        {
            return (Coerce(left, SodaType.Text), Coerce(right, SodaType.Text));
        }

        return (left, right);
    }

    private BoundBetweenExpression BindBetween(BetweenExpression syntax)
    {
        BoundExpression operand = BindExpression(syntax.Operand);
        BoundExpression low = BindExpression(syntax.Low);
        BoundExpression high = BindExpression(syntax.High);
        (operand, low) = Unify(operand, low);
        (operand, high) = Unify(operand, high);
        (low, high) = Unify(low, high);
        if (!AreComparable(operand.Type, low.Type) || !AreComparable(operand.Type, high.Type))
        {
            _diagnostics.ReportBinaryTypeMismatch(syntax.Location, "BETWEEN", operand.Type, AreComparable(operand.Type, low.Type) ? high.Type : low.Type);
        }

        return new BoundBetweenExpression(operand, syntax.IsNegated, low, high, syntax.Location);
    }

    private BoundInExpression BindIn(InExpression syntax)
    {
        BoundExpression operand = BindExpression(syntax.Operand);
        ImmutableArray<BoundExpression>.Builder values = ImmutableArray.CreateBuilder<BoundExpression>(syntax.Values.Length);
        foreach (Expression valueSyntax in syntax.Values)
        {
            BoundExpression value = BindExpression(valueSyntax);
            (operand, value) = Unify(operand, value);
            if (!AreComparable(operand.Type, value.Type))
            {
                _diagnostics.ReportBinaryTypeMismatch(valueSyntax.Location, "IN", operand.Type, value.Type);
            }

            values.Add(value);
        }

        return new BoundInExpression(operand, syntax.IsNegated, values.ToImmutable(), syntax.Location);
    }

    private BoundLikeExpression BindLike(LikeExpression syntax)
    {
        BoundExpression operand = Coerce(BindExpression(syntax.Operand), SodaType.Text);
        BoundExpression pattern = Coerce(BindExpression(syntax.Pattern), SodaType.Text);
        if (!TypeSet.Text.Accepts(operand.Type) || !TypeSet.Text.Accepts(pattern.Type))
        {
            _diagnostics.ReportBinaryTypeMismatch(syntax.Location, "LIKE", operand.Type, pattern.Type);
        }

        return new BoundLikeExpression(operand, syntax.IsNegated, pattern, syntax.Location);
    }

    private BoundExpression BindCast(CastExpression syntax)
    {
        BoundExpression operand = BindExpression(syntax.Operand);
        string typeName = syntax.TypeName.Text;
        string lowered = typeName.ToLowerInvariant();

        // ::date is a floating timestamp at midnight (SodaTypeNames reads "date" as the legacy fixed_timestamp name).
        if (lowered == "date")
        {
            BoundExpression floating = Cast(operand, SodaType.FloatingTimestamp, syntax);
            FunctionSymbol truncate = _functions.Lookup("date_trunc_ymd")[0];
            return new BoundFunctionCallExpression(truncate, [floating], isDistinct: false, isStar: false, SodaType.FloatingTimestamp, syntax.Location);
        }

        if (!SodaTypeNames.TryParse(typeName, out SodaType target))
        {
            if (Conversions.IsUnsupportedCastName(lowered))
            {
                _diagnostics.ReportUnsupportedCast(syntax.TypeName.Location, lowered);
            }
            else
            {
                _diagnostics.ReportUnknownType(syntax.TypeName.Location, typeName);
            }

            return operand;
        }

        return Cast(operand, target, syntax);
    }

    private BoundExpression Cast(BoundExpression operand, SodaType target, CastExpression syntax)
    {
        if (operand is BoundLiteralExpression { IsFlexible: true })
        {
            return Coerce(operand, target);
        }

        if (operand is BoundLiteralExpression { Value: double number } && target.IsNumeric())
        {
            return new BoundLiteralExpression(number, target, isFlexible: false, syntax.Location);
        }

        if (!Conversions.CanCast(operand.Type, target))
        {
            _diagnostics.ReportCannotCast(syntax.Location, operand.Type, target);
        }

        return operand.Type == target ? operand : new BoundCastExpression(operand, target, syntax.Location);
    }

    private BoundExpression BindFunctionCall(FunctionCall syntax)
    {
        string name = syntax.FunctionName;
        string key = ColumnScope.Normalize(name);
        if (ConditionalFunctions.CaseFunctionNames.Contains(key))
        {
            return BindCaseCall(syntax, key);
        }

        if (key == DateFunctions.DateAdd && !syntax.IsStar && syntax.Arguments.Length == 2)
        {
            return BindDateAdd(syntax);
        }

        bool isDistinct = syntax.IsDistinct;
        if (key == Aggregates.CountDistinct && !syntax.IsStar && !syntax.IsDistinct)
        {
            key = "count";
            isDistinct = true;
        }

        ImmutableArray<FunctionSymbol> overloads = _functions.Lookup(key);
        int arity = syntax.IsStar ? 0 : syntax.Arguments.Length;
        // count(*) is the star form of a no-argument overload; count() without the star is not a function.
        ImmutableArray<FunctionSymbol> candidates = [.. overloads.Where(f => f.AcceptsArity(arity) && (syntax.IsStar ? f.AllowsStar : !(f.AllowsStar && f.Parameters.IsEmpty)))];
        if (candidates.IsEmpty)
        {
            if (syntax.IsStar && overloads.Any(f => f.Parameters.Length == 0))
            {
                _diagnostics.ReportStarNotAllowed(syntax.Location, name);
            }
            else
            {
                _diagnostics.ReportNoSuchFunction(syntax.Name.Location, name, arity);
            }

            return ErrorExpression(syntax.Location);
        }

        bool isAggregate = candidates[0].IsAggregate;
        if (isAggregate && _aggregateForbiddenIn is { } clause)
        {
            _diagnostics.ReportAggregateInUngroupedContext(syntax.Location, clause);
        }

        string? previous = _aggregateForbiddenIn;
        if (isAggregate)
        {
            _aggregateForbiddenIn = "an aggregate's arguments";
        }

        ImmutableArray<BoundExpression> arguments = [.. syntax.Arguments.Select(BindExpression)];
        _aggregateForbiddenIn = previous;

        foreach (FunctionSymbol candidate in candidates)
        {
            if (!Matches(candidate, arguments))
            {
                continue;
            }

            if (isDistinct && !candidate.AllowsDistinct)
            {
                _diagnostics.ReportDistinctNotAllowed(syntax.Location, name);
            }

            ImmutableArray<BoundExpression> converted;
            if (candidate.ArgumentsShareType)
            {
                (converted, SodaType shared) = UnifyAll(candidate.Name, [.. arguments.Select((argument, i) => (argument, syntax.Arguments[i].Location))]);
                if (!converted.All(argument => candidate.GetParameter(0).Accepts(argument.Type)))
                {
                    _diagnostics.ReportArgumentTypeMismatch(syntax.Arguments[0].Location, name, shared);
                }
            }
            else
            {
                converted = [.. arguments.Select((argument, i) =>
                    candidate.GetParameter(i).Accepts(argument.Type) && argument is not BoundLiteralExpression { IsNull: true }
                        ? argument
                        : CoerceArgument(argument, candidate.GetParameter(i)))];
            }

            CheckTimeZoneArgument(candidate, converted, syntax);
            SodaType type = candidate.ArgumentsShareType
                ? UnifiedResultType(converted)
                : candidate.GetResultType([.. converted.Select(argument => argument.Type)]);
            return new BoundFunctionCallExpression(candidate, converted, isDistinct, syntax.IsStar, type, syntax.Location);
        }

        FunctionSymbol first = candidates[0];
        for (int i = 0; i < arguments.Length; i++)
        {
            if (!Accepts(first.GetParameter(i), arguments[i]))
            {
                _diagnostics.ReportArgumentTypeMismatch(syntax.Arguments[i].Location, name, arguments[i].Type);
                break;
            }
        }

        return ErrorExpression(syntax.Location);
    }

    private static SodaType UnifiedResultType(ImmutableArray<BoundExpression> arguments)
    {
        SodaType type = arguments[0].Type;
        return type.IsNumeric() && arguments.Any(argument => argument.Type == SodaType.Double) ? SodaType.Double : type;
    }

    /// <summary>A zone argument written as a literal must name a zone the runtime knows (IANA names).</summary>
    private void CheckTimeZoneArgument(FunctionSymbol function, ImmutableArray<BoundExpression> arguments, FunctionCall syntax)
    {
        bool takesZone = arguments.Length == 2 && function.Kind is FunctionKind.ToFloatingTimestamp or FunctionKind.DateTruncY
            or FunctionKind.DateTruncYm or FunctionKind.DateTruncYmd;
        if (takesZone && arguments[1] is BoundLiteralExpression { Value: string zone }
            && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            _diagnostics.ReportUnknownTimeZone(syntax.Arguments[1].Location, zone);
        }
    }

    /// <summary><c>date_add(ts, 'P1D')</c>: the period must be a literal, read now.</summary>
    private BoundExpression BindDateAdd(FunctionCall syntax)
    {
        BoundExpression timestamp = Coerce(BindExpression(syntax.Arguments[0]), SodaType.FloatingTimestamp);
        if (timestamp.Type is not (SodaType.FloatingTimestamp or SodaType.FixedTimestamp))
        {
            _diagnostics.ReportArgumentTypeMismatch(syntax.Arguments[0].Location, syntax.FunctionName, timestamp.Type);
            return ErrorExpression(syntax.Location);
        }

        BoundExpression interval = BindExpression(syntax.Arguments[1]);
        if (interval is not BoundLiteralExpression { IsFlexible: true, Value: string text } || !Period.TryParse(text, out Period period))
        {
            _diagnostics.ReportInvalidPeriod(syntax.Arguments[1].Location);
            return ErrorExpression(syntax.Location);
        }

        return new BoundIntervalExpression(timestamp, period, isSubtraction: false, syntax.Location);
    }

    private static bool Matches(FunctionSymbol function, ImmutableArray<BoundExpression> arguments)
    {
        for (int i = 0; i < arguments.Length; i++)
        {
            if (!Accepts(function.GetParameter(i), arguments[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Accepts(TypeSet parameter, BoundExpression argument) =>
        parameter.Accepts(argument.Type) || argument is BoundLiteralExpression { IsFlexible: true };
}
