using CivicData.Core.Schema;

namespace CivicData.Soql.Rendering.Sql;

/// <summary>
/// One bound value. <see cref="Value"/> is a CLR value ready for the driver: string, double, long, bool,
/// DateTime (floating timestamps, kind Unspecified) or null.
/// </summary>
public sealed record SqlParameterValue(object? Value, SodaType Type);
