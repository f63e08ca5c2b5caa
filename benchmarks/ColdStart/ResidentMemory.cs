namespace LogtoGenerated.ColdStart;

/// <summary>
/// Where a cold-start app's memory is, printed at exit when <c>LOGTO_COLDSTART_REPORT=1</c> (Linux only): the resident
/// size of each file or region mapped (from <c>/proc/self/smaps</c>), largest first, and the peak resident size that
/// <c>benchmarks/cold-start.sh</c> compares. Both apps call it, so that their reports can be compared line by line.
/// </summary>
internal static class ResidentMemory
{
    public static void ReportIfAsked()
    {
        if (Environment.GetEnvironmentVariable("LOGTO_COLDSTART_REPORT") != "1" || !File.Exists("/proc/self/smaps"))
        {
            return;
        }

        var residentKb = new Dictionary<string, long>(StringComparer.Ordinal);
        string mapping = "";
        foreach (string line in File.ReadAllLines("/proc/self/smaps"))
        {
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0 && fields[0].Contains('-', StringComparison.Ordinal) && !fields[0].EndsWith(':'))
            {
                // A mapping's header: address range, permissions, offset, device, inode, [path].
                mapping = fields.Length > 5 ? Path.GetFileName(fields[5]) : "[anonymous]";
            }
            else if (fields.Length > 1 && fields[0] == "Rss:")
            {
                residentKb[mapping] = residentKb.GetValueOrDefault(mapping) + long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        foreach (KeyValuePair<string, long> entry in residentKb.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            Console.Error.WriteLine($"{entry.Value,8} KiB  {entry.Key}");
        }

        Console.Error.WriteLine(File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)));
    }
}
