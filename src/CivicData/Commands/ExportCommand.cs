using System.CommandLine;
using System.IO.Pipelines;
using CivicData.Core;
using CivicData.Soql;
using CivicData.Web.Datasets;
using CivicData.Web.Soda;

namespace CivicData.Commands;

/// <summary><c>export ID</c>: writes every row of a dataset's current version as CSV, JSON or GeoJSON.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("ID") { Description = "Dataset id (4x4)." };
        Option<string?> data = SharedOptions.Data();
        var format = new Option<string>("--format") { Description = "csv, json, geojson or parquet.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json", "geojson", "parquet");
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)." };
        var command = new Command("export", "Write every row of a dataset as CSV, JSON, GeoJSON or Parquet.") { id, data, format, output };
        command.SetAction((result, cancellationToken) => CommandErrors.RunAsync(async () =>
        {
            string formatName = result.GetValue(format)!;
            bool parquet = formatName == "parquet";
            SodaFormat? sodaFormat = null;
            if (!parquet && !SodaFormat.TryFromExtension(formatName, out sodaFormat))
            {
                throw new ValidationError("cli.format", "--format must be csv, json, geojson or parquet.");
            }

            await using EmbeddedStores stores = await EmbeddedStores.OpenAsync(SharedOptions.ResolveDataDirectory(result.GetValue(data)), cancellationToken);
            using var compiledQueries = new CompiledQueryCache();
            var queries = new DatasetQueryService(stores.Catalog, stores.Data, compiledQueries);
            // The operator at the console may export private datasets; exports have no row limit.
            VisibleDataset dataset = await queries.FindAsync(result.GetValue(id)!, DatasetCaller.Operator, cancellationToken);
            PreparedQuery query = queries.Prepare(dataset, new SoqlRequest { DefaultLimit = null, MaxLimit = null }, formatName) with { IsDownload = true };

            string? path = result.GetValue(output);
            string? partial = path is null ? null : path + ".partial";
            if (parquet)
            {
                await ExportParquetAsync(queries, query, partial, cancellationToken);
                if (partial is not null)
                {
                    File.Move(partial, path!, overwrite: true);
                }

                return 0;
            }

            Stream stream = partial is null ? Console.OpenStandardOutput() : new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using (stream)
            {
                PipeWriter writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
                await queries.WriteAsync(query, sodaFormat!.CreateWriter(false), writer, cancellationToken);
                await writer.CompleteAsync();
            }

            // Written next to the target and moved into place, so a failed export never leaves half a file under the real name.
            if (partial is not null)
            {
                File.Move(partial, path!, overwrite: true);
            }

            return 0;
        }));
        return command;
    }

    /// <summary>DuckDB writes the file itself; to standard output it goes through a temporary file, as Parquet's footer comes last.</summary>
    private static async Task ExportParquetAsync(DatasetQueryService queries, PreparedQuery query, string? partial, CancellationToken cancellationToken)
    {
        if (partial is not null)
        {
            await queries.ExportParquetAsync(query, partial, cancellationToken);
            return;
        }

        string temporary = Path.Combine(Path.GetTempPath(), "civicdata-export-" + Guid.NewGuid().ToString("N") + ".parquet");
        try
        {
            await queries.ExportParquetAsync(query, temporary, cancellationToken);
            await using FileStream file = File.OpenRead(temporary);
            await using Stream stdout = Console.OpenStandardOutput();
            await file.CopyToAsync(stdout, cancellationToken);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
