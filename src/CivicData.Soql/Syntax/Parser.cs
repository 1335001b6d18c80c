using System.Collections.Immutable;
using CivicData.Soql.Ast;
using CivicData.Soql.Diagnostics;
using CivicData.Soql.Text;

namespace CivicData.Soql.Syntax;

/// <summary>
/// Recursive-descent parser for SoQL (soda.md §6.1, §6.3). Each public entry parses one kind of clause text
/// and requires the whole text to be consumed. Errors go to the bag; the parser then returns a best-effort tree.
/// </summary>
public sealed class Parser
{
    /// <summary>How deep parentheses, calls and prefix operators may nest; keeps recursion far from the stack limit.</summary>
    public const int MaxNesting = 100;

    /// <summary>How deep an expression tree may be, counting chains such as <c>a OR b OR c ...</c>.</summary>
    public const int MaxTreeDepth = 400;

    private readonly SourceText _source;
    private readonly DiagnosticBag _diagnostics;
    private readonly ImmutableArray<Token> _tokens;
    private readonly int _errorsBefore;
    private int _position;
    private int _nesting;

    private Parser(SourceText source, DiagnosticBag diagnostics)
    {
        _source = source;
        _diagnostics = diagnostics;
        _errorsBefore = diagnostics.Count;
        _tokens = [.. Lexer.Tokenize(source, diagnostics).Where(token => token.Kind != TokenKind.BadToken)];
    }

    private Token Current => Peek(0);

    /// <summary>True once this parse has reported an error; later errors would only be echoes of the first.</summary>
    private bool HasFailed => _diagnostics.Count > _errorsBefore;

    public static SelectClause ParseSelection(SourceText source, DiagnosticBag diagnostics)
    {
        var parser = new Parser(source, diagnostics);
        SelectClause select = parser.ParseSelectClause();
        parser.ExpectEnd();
        return select;
    }

    public static Expression ParseExpression(SourceText source, DiagnosticBag diagnostics)
    {
        var parser = new Parser(source, diagnostics);
        Expression expression = parser.ParseExpression();
        parser.ExpectEnd();
        return expression;
    }

    public static ImmutableArray<Expression> ParseExpressionList(SourceText source, DiagnosticBag diagnostics)
    {
        var parser = new Parser(source, diagnostics);
        ImmutableArray<Expression> expressions = parser.ParseList(parser.ParseExpression);
        parser.ExpectEnd();
        return expressions;
    }

    public static ImmutableArray<OrderByItem> ParseOrderBy(SourceText source, DiagnosticBag diagnostics)
    {
        var parser = new Parser(source, diagnostics);
        ImmutableArray<OrderByItem> items = parser.ParseList(parser.ParseOrderByItem);
        parser.ExpectEnd();
        return items;
    }

    /// <summary>A whole <c>$query</c> statement.</summary>
    public static QuerySyntax ParseQuery(SourceText source, DiagnosticBag diagnostics)
    {
        var parser = new Parser(source, diagnostics);
        QuerySyntax query = parser.ParseStatement();
        parser.ExpectEnd();
        return query;
    }

    private Token Peek(int offset)
    {
        int index = Math.Clamp(_position + offset, 0, _tokens.Length - 1);
        return _tokens[index];
    }

    private Token Next()
    {
        Token current = Current;
        if (_position < _tokens.Length - 1)
        {
            _position++;
        }

        return current;
    }

    private bool TryMatch(TokenKind kind, out Token token)
    {
        token = Current;
        if (Current.Kind != kind)
        {
            return false;
        }

        Next();
        return true;
    }

    private Token Match(TokenKind kind, string expected)
    {
        if (Current.Kind == kind)
        {
            return Next();
        }

        ReportUnexpected(expected);
        return new Token(kind, new TextLocation(_source, new TextSpan(Current.Span.Start, 0)), "", null);
    }

    private void ReportUnexpected(string expected)
    {
        if (!HasFailed)
        {
            string found = Current.Kind == TokenKind.EndOfFile ? "end of input" : $"'{Current.Text}'";
            _diagnostics.ReportUnexpectedToken(Current.Location, found, expected);
        }
    }

    private void ExpectEnd()
    {
        if (Current.Kind != TokenKind.EndOfFile)
        {
            ReportUnexpected("end of input");
        }
    }

    private ImmutableArray<T> ParseList<T>(Func<T> parseItem)
    {
        ImmutableArray<T>.Builder items = ImmutableArray.CreateBuilder<T>();
        do
        {
            int start = _position;
            items.Add(parseItem());
            if (_position == start)
            {
                break;
            }
        }
        while (TryMatch(TokenKind.Comma, out _));

        return items.ToImmutable();
    }

    private QuerySyntax ParseStatement()
    {
        QuerySyntax stage = ParseStage(null);
        while (!HasFailed && TryMatch(TokenKind.PipeGreater, out _))
        {
            stage = ParseStage(stage);
        }

        return stage;
    }

    /// <summary>One SELECT of a statement; <paramref name="source"/> is the stage before it in a <c>|&gt;</c> chain.</summary>
    private QuerySyntax ParseStage(QuerySyntax? source)
    {
        SelectClause? select = null;
        if (TryMatch(TokenKind.SelectKeyword, out _))
        {
            select = ParseSelectClause();
        }

        if (Current.Kind == TokenKind.FromKeyword)
        {
            ReportUnsupported(Current.Location, "FROM");
        }

        Expression? where = TryMatch(TokenKind.WhereKeyword, out _) ? ParseExpression() : null;

        ImmutableArray<Expression> groupBy = [];
        if (TryMatch(TokenKind.GroupKeyword, out _))
        {
            Match(TokenKind.ByKeyword, "BY");
            groupBy = ParseList(ParseExpression);
        }

        Expression? having = TryMatch(TokenKind.HavingKeyword, out _) ? ParseExpression() : null;

        ImmutableArray<OrderByItem> orderBy = [];
        Token? search = null;
        for (int i = 0; i < 2; i++)
        {
            if (orderBy.IsEmpty && TryMatch(TokenKind.OrderKeyword, out _))
            {
                Match(TokenKind.ByKeyword, "BY");
                orderBy = ParseList(ParseOrderByItem);
            }
            else if (search is null && TryMatch(TokenKind.SearchKeyword, out _))
            {
                search = Match(TokenKind.StringLiteral, "a search string");
            }
        }

        Token? limit = null;
        Token? offset = null;
        for (int i = 0; i < 2; i++)
        {
            if (limit is null && TryMatch(TokenKind.LimitKeyword, out _))
            {
                limit = Match(TokenKind.NumberLiteral, "a number");
            }
            else if (offset is null && TryMatch(TokenKind.OffsetKeyword, out _))
            {
                offset = Match(TokenKind.NumberLiteral, "a number");
            }
        }

        return new QuerySyntax(select, where, groupBy, having, orderBy, search, limit, offset, source);
    }

    private void ReportUnsupported(TextLocation location, string feature)
    {
        if (!HasFailed)
        {
            _diagnostics.ReportUnsupported(location, feature);
        }
    }

    private SelectClause ParseSelectClause()
    {
        Token first = Current;
        bool isDistinct = TryMatch(TokenKind.DistinctKeyword, out _);
        ImmutableArray<SelectItem> items = ParseList(ParseSelectItem);
        TextLocation last = _position > 0 ? Peek(-1).Location : first.Location;
        return new SelectClause(items, SyntaxNode.Cover(first.Location, last.Span.End >= first.Span.Start ? last : first.Location), isDistinct);
    }

    private SelectItem ParseSelectItem()
    {
        if (TryMatch(TokenKind.Star, out Token star))
        {
            return new SelectItem(SelectItemKind.AllUserColumns, null, null, star.Location);
        }

        if (TryMatch(TokenKind.ColonStar, out Token colonStar))
        {
            return new SelectItem(SelectItemKind.AllSystemColumns, null, null, colonStar.Location);
        }

        Expression expression = ParseExpression();
        if (!TryMatch(TokenKind.AsKeyword, out _))
        {
            return new SelectItem(SelectItemKind.Expression, expression, null, expression.Location);
        }

        Token alias = Current;
        if (alias.Kind == TokenKind.Identifier || SyntaxFacts.IsContextualKeyword(alias.Kind))
        {
            Next();
        }
        else if (alias.Kind == TokenKind.SystemIdentifier)
        {
            Next();
            if (!HasFailed)
            {
                _diagnostics.ReportReservedAlias(alias.Location, alias.Text);
            }
        }
        else
        {
            alias = Match(TokenKind.Identifier, "an alias");
        }

        return new SelectItem(SelectItemKind.Expression, expression, alias, SyntaxNode.Cover(expression.Location, alias.Location));
    }

    private OrderByItem ParseOrderByItem()
    {
        Expression expression = ParseExpression();
        TextLocation end = expression.Location;
        bool descending = false;
        if (TryMatch(TokenKind.AscKeyword, out Token asc))
        {
            end = asc.Location;
        }
        else if (TryMatch(TokenKind.DescKeyword, out Token desc))
        {
            descending = true;
            end = desc.Location;
        }

        bool? nullsFirst = null;
        if (Current.Kind is TokenKind.NullKeyword or TokenKind.NullsKeyword)
        {
            Next();
            if (TryMatch(TokenKind.FirstKeyword, out Token first))
            {
                nullsFirst = true;
                end = first.Location;
            }
            else
            {
                end = Match(TokenKind.LastKeyword, "FIRST or LAST").Location;
                nullsFirst = false;
            }
        }

        return new OrderByItem(expression, descending, nullsFirst, SyntaxNode.Cover(expression.Location, end));
    }

    private Expression ParseExpression()
    {
        if (!Enter())
        {
            return new LiteralExpression(Current, LiteralKind.Null, null);
        }

        Expression expression = ParseOr();
        _nesting--;
        if (_nesting == 0 && SyntaxDepth.Exceeds(expression, MaxTreeDepth) && !HasFailed)
        {
            _diagnostics.ReportTooDeep(expression.Location);
        }

        return expression;
    }

    private bool Enter()
    {
        if (_nesting >= MaxNesting)
        {
            if (!HasFailed)
            {
                _diagnostics.ReportTooDeep(Current.Location);
            }

            return false;
        }

        _nesting++;
        return true;
    }

    private Expression ParseOr()
    {
        Expression left = ParseAnd();
        while (TryMatch(TokenKind.OrKeyword, out Token op))
        {
            left = new BinaryExpression(left, op, ParseAnd());
        }

        return left;
    }

    private Expression ParseAnd()
    {
        Expression left = ParseNot();
        while (TryMatch(TokenKind.AndKeyword, out Token op))
        {
            left = new BinaryExpression(left, op, ParseNot());
        }

        return left;
    }

    private Expression ParseNot()
    {
        if (TryMatch(TokenKind.NotKeyword, out Token not))
        {
            if (!Enter())
            {
                return new LiteralExpression(not, LiteralKind.Null, null);
            }

            var negation = new UnaryExpression(not, ParseNot());
            _nesting--;
            return negation;
        }

        return ParsePredicate();
    }

    private Expression ParsePredicate()
    {
        Expression left = ParseBinary(0);
        while (true)
        {
            if (Current.Kind == TokenKind.IsKeyword)
            {
                Next();
                bool negated = TryMatch(TokenKind.NotKeyword, out _);
                Token nullToken = Match(TokenKind.NullKeyword, "NULL");
                left = new IsNullExpression(left, negated, SyntaxNode.Cover(left.Location, nullToken.Location));
                continue;
            }

            bool isNegated = Current.Kind == TokenKind.NotKeyword
                && Peek(1).Kind is TokenKind.BetweenKeyword or TokenKind.LikeKeyword or TokenKind.InKeyword;
            if (isNegated)
            {
                Next();
            }

            if (TryMatch(TokenKind.BetweenKeyword, out _))
            {
                Expression low = ParseBinary(0);
                Match(TokenKind.AndKeyword, "AND");
                Expression high = ParseBinary(0);
                left = new BetweenExpression(left, isNegated, low, high);
            }
            else if (TryMatch(TokenKind.LikeKeyword, out _))
            {
                left = new LikeExpression(left, isNegated, ParseBinary(0));
            }
            else if (TryMatch(TokenKind.InKeyword, out _))
            {
                Match(TokenKind.OpenParen, "'('");
                ImmutableArray<Expression> values = ParseList(ParseExpression);
                Token close = Match(TokenKind.CloseParen, "')'");
                left = new InExpression(left, isNegated, values, SyntaxNode.Cover(left.Location, close.Location));
            }
            else
            {
                return left;
            }
        }
    }

    private Expression ParseBinary(int parentPrecedence)
    {
        Expression left = ParseUnary();
        while (true)
        {
            int precedence = SyntaxFacts.GetBinaryOperatorPrecedence(Current.Kind);
            if (precedence == 0 || precedence <= parentPrecedence)
            {
                return left;
            }

            Token op = Next();

            // '^' is right-associative: its right operand may hold another '^'.
            Expression right = ParseBinary(op.Kind == TokenKind.Caret ? precedence - 1 : precedence);
            left = new BinaryExpression(left, op, right);
        }
    }

    private Expression ParseUnary()
    {
        if (Current.Kind is TokenKind.Minus or TokenKind.Plus)
        {
            Token op = Next();
            if (!Enter())
            {
                return new LiteralExpression(op, LiteralKind.Null, null);
            }

            var unary = new UnaryExpression(op, ParseUnary());
            _nesting--;
            return unary;
        }

        return ParsePostfix();
    }

    private Expression ParsePostfix()
    {
        Expression expression = ParsePrimary();
        while (true)
        {
            if (TryMatch(TokenKind.ColonColon, out _))
            {
                Token typeName = Current.Kind == TokenKind.Identifier ? Next() : Match(TokenKind.Identifier, "a type name");
                expression = new CastExpression(expression, typeName);
            }
            else if (TryMatch(TokenKind.Dot, out _))
            {
                Token field = Current.Kind == TokenKind.Identifier || SyntaxFacts.IsContextualKeyword(Current.Kind)
                    ? Next()
                    : Match(TokenKind.Identifier, "a field name");
                expression = new FieldAccessExpression(expression, field);
            }
            else
            {
                return expression;
            }
        }
    }

    private Expression ParsePrimary()
    {
        Token token = Current;
        switch (token.Kind)
        {
            case TokenKind.OpenParen:
                {
                    Next();
                    Expression inner = ParseExpression();
                    Token close = Match(TokenKind.CloseParen, "')'");
                    return new ParenthesizedExpression(inner, SyntaxNode.Cover(token.Location, close.Location));
                }

            case TokenKind.StringLiteral:
                Next();
                return new LiteralExpression(token, LiteralKind.String, token.Value);
            case TokenKind.NumberLiteral:
                Next();
                return new LiteralExpression(token, LiteralKind.Number, token.Value);
            case TokenKind.TrueKeyword or TokenKind.FalseKeyword:
                Next();
                return new LiteralExpression(token, LiteralKind.Boolean, token.Kind == TokenKind.TrueKeyword);
            case TokenKind.NullKeyword:
                Next();
                return new LiteralExpression(token, LiteralKind.Null, null);
            case TokenKind.SystemIdentifier:
                Next();
                return new ColumnReference(token);
            case TokenKind.CaseKeyword:
                Next();
                return Current.Kind == TokenKind.OpenParen ? ParseFunctionCall(token) : ParseCase(token);
            default:
                if (token.Kind == TokenKind.Identifier || SyntaxFacts.IsContextualKeyword(token.Kind))
                {
                    Next();
                    return Current.Kind == TokenKind.OpenParen ? ParseFunctionCall(token) : new ColumnReference(token);
                }

                ReportUnexpected("an expression");
                return new LiteralExpression(token, LiteralKind.Null, null);
        }
    }

    private CaseExpression ParseCase(Token caseKeyword)
    {
        ImmutableArray<CaseWhenClause>.Builder clauses = ImmutableArray.CreateBuilder<CaseWhenClause>();
        do
        {
            Token when = Match(TokenKind.WhenKeyword, "WHEN");
            Expression condition = ParseExpression();
            Match(TokenKind.ThenKeyword, "THEN");
            Expression value = ParseExpression();
            clauses.Add(new CaseWhenClause(condition, value, SyntaxNode.Cover(when.Location, value.Location)));
        }
        while (!HasFailed && Current.Kind == TokenKind.WhenKeyword);

        Expression? elseValue = TryMatch(TokenKind.ElseKeyword, out _) ? ParseExpression() : null;
        Token end = Match(TokenKind.EndKeyword, "END");
        return new CaseExpression(clauses.ToImmutable(), elseValue, SyntaxNode.Cover(caseKeyword.Location, end.Location));
    }

    private FunctionCall ParseFunctionCall(Token name)
    {
        Match(TokenKind.OpenParen, "'('");
        bool distinct = false;
        bool star = false;
        ImmutableArray<Expression> arguments = [];
        if (TryMatch(TokenKind.Star, out _))
        {
            star = true;
        }
        else if (Current.Kind != TokenKind.CloseParen)
        {
            distinct = TryMatch(TokenKind.DistinctKeyword, out _);
            arguments = ParseList(ParseExpression);
        }

        Token close = Match(TokenKind.CloseParen, "')'");
        return new FunctionCall(name, distinct, star, arguments, SyntaxNode.Cover(name.Location, close.Location));
    }
}
