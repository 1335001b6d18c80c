using System.CommandLine;
using CivicData.Commands;

var root = new RootCommand("CivicData: an open data portal. Publish files as datasets, then find, explore and query them over SODA.")
{
    ServeCommand.Create(),
    ImportCommand.Create(),
    ExportCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
