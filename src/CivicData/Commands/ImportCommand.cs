using System.Collections.Immutable;
using System.CommandLine;
using CivicData.Core;
using CivicData.Core.Datasets;
using CivicData.Core.Schema;
using CivicData.Ingest.Publishing;
using CivicData.Storage.Loading;
using Spectre.Console;

namespace CivicData.Commands;

/// <summary><c>import FILE</c>: publishes a file as a dataset and prints its id on the last line.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "CSV, TSV, JSON, NDJSON, GeoJSON or XLSX file to publish." };
        Option<string?> data = SharedOptions.Data();
        var id = new Option<string?>("--id") { Description = "Dataset id (4x4, e.g. abcd-1234) to create or load into." };
        var title = new Option<string?>("--title") { Description = "Title (default: from the file name)." };
        var description = new Option<string?>("--description") { Description = "Description." };
        var category = new Option<string?>("--category") { Description = "Category, e.g. \"Public Safety\"." };
        var department = new Option<string?>("--department") { Description = "Department that publishes the data." };
        var tags = new Option<string?>("--tags") { Description = "Comma-separated tags." };
        var license = new Option<string?>("--license") { Description = "Licence name, e.g. \"Public Domain\"." };
        var attribution = new Option<string?>("--attribution") { Description = "Who produced the data." };
        var isPrivate = new Option<bool>("--private") { Description = "Only signed-in users of the organisation may see it." };
        var mode = new Option<string>("--mode") { Description = "create (default), replace, append or upsert.", DefaultValueFactory = _ => "create" };
        mode.AcceptOnlyFromAmong("create", "replace", "append", "upsert");
        var rowId = new Option<string?>("--row-id") { Description = "Column whose values identify rows (needed for upsert)." };
        var types = new Option<string?>("--types") { Description = "Type overrides, e.g. zip=text,opened=floating_timestamp." };
        var skipBadRows = new Option<bool>("--skip-bad-rows") { Description = "Load the good rows and report the bad ones." };
        var format = new Option<string?>("--format") { Description = "csv, tsv, json, ndjson, geojson or xlsx (default: by extension)." };
        var encoding = new Option<string?>("--encoding") { Description = "Encoding of a delimited file that is not UTF-8, e.g. windows-1252." };
        var sheet = new Option<string?>("--sheet") { Description = "XLSX worksheet (default: the first)." };

        var command = new Command("import", "Publish a file as a dataset; prints the dataset id on the last line.")
        {
            file, data, id, title, description, category, department, tags, license, attribution, isPrivate, mode, rowId, types, skipBadRows, format, encoding, sheet,
        };
        command.SetAction((result, cancellationToken) => CommandErrors.RunAsync(async () =>
        {
            var request = new PublishRequest
            {
                Path = Path.GetFullPath(result.GetValue(file)!),
                Id = result.GetValue(id) is { } text ? DatasetId.Parse(text) : null,
                Mode = Enum.Parse<PublishMode>(result.GetValue(mode)!, ignoreCase: true),
                Title = result.GetValue(title),
                Description = result.GetValue(description),
                Category = result.GetValue(category),
                Department = result.GetValue(department),
                Tags = result.GetValue(tags) is { } list ? [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] : null,
                License = result.GetValue(license),
                Attribution = result.GetValue(attribution),
                Private = result.GetValue(isPrivate) ? true : null,
                RowIdentifier = result.GetValue(rowId),
                TypeOverrides = ParseTypes(result.GetValue(types)),
                SkipBadRows = result.GetValue(skipBadRows),
                Format = result.GetValue(format),
                Encoding = result.GetValue(encoding),
                Sheet = result.GetValue(sheet),
            };

            await using EmbeddedStores stores = await EmbeddedStores.OpenAsync(SharedOptions.ResolveDataDirectory(result.GetValue(data)), cancellationToken);
            PublishResult published;
            try
            {
                published = await WithProgressAsync(progress => stores.Publisher.PublishAsync(request, progress, cancellationToken));
            }
            catch (ValidationError error) when (error.Details.TryGetValue("problems", out object? problems) && problems is ImmutableArray<BadRow> rows)
            {
                WriteReport(rows);
                throw;
            }

            if (published.SkippedRows > 0)
            {
                Console.WriteLine($"Skipped {published.SkippedRows} bad row(s):");
                WriteReport(published.Problems);
            }

            Console.WriteLine($"Published version {published.Version} with {published.RowCount} rows.");
            Console.WriteLine(published.Id.ToString());
            return 0;
        }));
        return command;
    }

    internal static ImmutableDictionary<string, SodaType> ParseTypes(string? text)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, SodaType>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return builder.ToImmutable();
        }

        foreach (string pair in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || !SodaTypeNames.TryParse(parts[1], out SodaType type))
            {
                throw new ValidationError("cli.types", $"--types expects column=type pairs with SODA types (text, number, checkbox, floating_timestamp, point, url, ...); '{pair}' is not one.");
            }

            builder[parts[0]] = type;
        }

        return builder.ToImmutable();
    }

    /// <summary>The report goes to standard output as tab-separated lines: row, column, value, reason.</summary>
    private static void WriteReport(ImmutableArray<BadRow> rows)
    {
        foreach (BadRow row in rows)
        {
            Console.WriteLine($"row {row.Row}\t{row.Column}\t{row.Value}\t{row.Reason}");
        }
    }

    /// <summary>Shows a spinner with the current step on a terminal; stays quiet when output is redirected.</summary>
    private static async Task<T> WithProgressAsync<T>(Func<IProgress<string>?, Task<T>> work)
    {
        if (Console.IsOutputRedirected || Console.IsErrorRedirected)
        {
            return await work(null);
        }

        return await AnsiConsole.Status().StartAsync("Starting", async context =>
            await work(new Progress<string>(step => context.Status(Markup.Escape(step)))));
    }
}
