using CivicData.Core.Schema;

namespace CivicData.Soql;

/// <summary>One column of a query's result: its output name (field name or alias) and SODA type.</summary>
/// <remarks>Result column i of the SQL is output column i; writers rely on that one-to-one mapping.</remarks>
public sealed record OutputColumn(string Name, SodaType Type);
