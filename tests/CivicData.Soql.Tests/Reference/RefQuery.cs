namespace CivicData.Soql.Tests.Reference;

/// <summary>One ORDER BY key: an expression over the row (or group), direction, and explicit null placement.</summary>
public sealed record RefOrder(RefExpr Key, bool Descending = false, bool? NullsFirst = null);

/// <summary>
/// A query as the reference evaluator runs it, clause by clause in SODA's order: WHERE → GROUP BY → HAVING → SELECT →
/// ORDER BY → OFFSET → LIMIT (soda.md §3). <see cref="Aggregated"/> groups the whole table when there is no GROUP BY.
/// </summary>
public sealed record RefQuery
{
    public required IReadOnlyList<RefExpr> Select { get; init; }

    public RefExpr? Where { get; init; }

    public IReadOnlyList<RefExpr> GroupBy { get; init; } = [];

    public RefExpr? Having { get; init; }

    public bool Aggregated { get; init; }

    public bool Distinct { get; init; }

    public IReadOnlyList<RefOrder> Order { get; init; } = [];

    public long? Limit { get; init; }

    public long Offset { get; init; }

    public RefResult Evaluate(RefTable table)
    {
        List<RefRow> rows = [.. table.RefRows.Where(row => Where is null || Where(new RefContext(row, [row])) is true)];

        List<RefContext> contexts;
        bool grouped = Aggregated || GroupBy.Count > 0;
        if (grouped)
        {
            contexts = [];
            if (GroupBy.Count == 0)
            {
                // An aggregate over zero rows still gives one row (soda.md §6.5); the representative is never read.
                contexts.Add(new RefContext(rows.FirstOrDefault() ?? new RefRow(table, new object?[table.Schema.Columns.Length], 0), rows));
            }
            else
            {
                var groups = new List<(object?[] Key, List<RefRow> Rows)>();
                foreach (RefRow row in rows)
                {
                    object?[] key = [.. GroupBy.Select(expr => expr(new RefContext(row, [row])))];
                    (object?[] Key, List<RefRow> Rows) group = groups.FirstOrDefault(g => KeyEquals(g.Key, key));
                    if (group.Rows is null)
                    {
                        groups.Add((key, [row]));
                    }
                    else
                    {
                        group.Rows.Add(row);
                    }
                }

                contexts.AddRange(groups.Select(g => new RefContext(g.Rows[0], g.Rows)));
            }

            if (Having is not null)
            {
                contexts = [.. contexts.Where(context => Having(context) is true)];
            }
        }
        else
        {
            contexts = [.. rows.Select(row => new RefContext(row, [row]))];
        }

        List<(object?[] Output, object?[] Keys, int Sequence)> produced = [.. contexts.Select(context => (
            Output: Select.Select(expr => expr(context)).ToArray(),
            Keys: Order.Select(order => order.Key(context)).ToArray(),
            Sequence: context.Row.Sequence))];

        if (Distinct)
        {
            var distinct = new List<(object?[] Output, object?[] Keys, int Sequence)>();
            foreach (var item in produced)
            {
                if (!distinct.Any(d => KeyEquals(d.Output, item.Output)))
                {
                    distinct.Add(item);
                }
            }

            produced = distinct;
        }

        // Row queries without ORDER BY come back in load order (soda.md §3 decision), a total order.
        bool loadOrder = Order.Count == 0 && !grouped && !Distinct;
        bool total;
        if (Order.Count > 0)
        {
            produced = [.. produced.OrderBy(item => item, Comparer<(object?[] Output, object?[] Keys, int Sequence)>.Create(CompareKeys))];
            total = true;
            for (int i = 1; i < produced.Count; i++)
            {
                if (CompareKeys(produced[i - 1], produced[i]) == 0 && !KeyEquals(produced[i - 1].Output, produced[i].Output))
                {
                    total = false;
                }
            }
        }
        else
        {
            total = loadOrder || produced.Count <= 1;
        }

        bool paged = Limit is not null || Offset > 0;
        if (paged && !total && produced.Count > 0)
        {
            throw new InvalidOperationException("The case pages over an order that is not total; its expected rows are ambiguous.");
        }

        IEnumerable<(object?[] Output, object?[] Keys, int Sequence)> page = produced.Skip((int)Math.Min(Offset, int.MaxValue));
        if (Limit is { } limit)
        {
            page = page.Take((int)Math.Min(limit, int.MaxValue));
        }

        return new RefResult([.. page.Select(item => item.Output)], total);
    }

    private int CompareKeys((object?[] Output, object?[] Keys, int Sequence) left, (object?[] Output, object?[] Keys, int Sequence) right)
    {
        for (int i = 0; i < Order.Count; i++)
        {
            int c = RefValues.CompareForOrder(left.Keys[i], right.Keys[i], Order[i].Descending, Order[i].NullsFirst);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    private static bool KeyEquals(object?[] left, object?[] right)
    {
        for (int i = 0; i < left.Length; i++)
        {
            if (left[i] is null != right[i] is null || (left[i] is { } a && RefValues.Compare(a, right[i]!) != 0))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>The expected rows, and whether their order is determined by the query (else compare as multisets).</summary>
public sealed record RefResult(IReadOnlyList<object?[]> Rows, bool Ordered);
