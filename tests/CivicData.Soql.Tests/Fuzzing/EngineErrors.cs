using System.Data.Common;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using Npgsql;

namespace CivicData.Soql.Tests.Fuzzing;

/// <summary>How an engine's error is classified: a data error is a result (the store answers 400), anything else a bug.</summary>
public static class EngineErrors
{
    /// <summary>Errors about values, not about the SQL: conversions, ranges, division by zero.</summary>
    public static bool IsDataError(DbException exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("22", StringComparison.Ordinal),
        DuckDBException duck => duck.ErrorType is DuckDBErrorType.Conversion or DuckDBErrorType.OutOfRange
            or DuckDBErrorType.InvalidInput or DuckDBErrorType.DivideByZero,
        _ => false,
    };
}
