using CivicData.SideBySide;

return await BenchProgram.RunAsync(args);
