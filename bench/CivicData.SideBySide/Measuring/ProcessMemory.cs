using System.Globalization;

namespace CivicData.SideBySide.Measuring;

/// <summary>A process's resident memory as Linux reports it in /proc/PID/status, in MiB.</summary>
internal static class ProcessMemory
{
    public static double ResidentMiB(int pid) => Read(pid, "VmRSS:");

    public static double Read(int pid, string field)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    string kib = line[field.Length..].Trim().Split(' ')[0];
                    return double.Parse(kib, CultureInfo.InvariantCulture) / 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process has exited between two samples.
        }

        return 0;
    }
}
