using CivicData.Core.Schema;

namespace CivicData.Soql.Binding;

/// <summary>A column that a SoQL name resolved to. Only the type checker creates these, from the schema.</summary>
/// <param name="Name">The SoQL name: the field name, or <c>:id</c> etc. for system columns.</param>
/// <param name="PhysicalName">The column's name in the store's table.</param>
public sealed record ColumnSymbol(string Name, string PhysicalName, SodaType Type, bool IsSystem);
