using System.CommandLine;
using CivicData.Commands;

var root = new RootCommand("CivicData: an open data portal. Publish files as datasets, then find, explore and query them over SODA.")
{
    ServeCommand.Create(),
    ImportCommand.Create(),
    ExportCommand.Create(),
    UserCommand.Create(),
    KeyCommand.Create(),
};
ParseResult parsed = root.Parse(args);

// A mistyped command line gets one line on standard error, like every other failure; a bare `civicdata` shows help.
if (parsed.Errors.Count > 0 && args.Length > 0)
{
    string reasons = string.Join(" ", parsed.Errors.Select(error => error.Message.ReplaceLineEndings(" ").Replace("\t", "", StringComparison.Ordinal)));
    await Console.Error.WriteLineAsync($"error: {reasons} (see civicdata --help)");
    return CommandErrors.BadInput;
}

return await parsed.InvokeAsync();
