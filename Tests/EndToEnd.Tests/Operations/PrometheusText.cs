using System.Globalization;
using System.Text.RegularExpressions;
using Orleans.Radius.Tests.Support;

namespace Orleans.Radius.EndToEnd.Tests.Operations;

/// <summary>Reads samples out of a Prometheus text exposition, and runs <c>promtool check metrics</c> on it.</summary>
internal static partial class PrometheusText
{
    /// <summary>Sum of every sample of <paramref name="name"/> whose labels include all of <paramref name="labels"/>.</summary>
    public static double Sum(string text, string name, params (string Label, string Value)[] labels)
    {
        var sum = 0.0;
        foreach (var line in text.Split('\n'))
        {
            var match = Sample().Match(line);
            if (!match.Success || match.Groups["name"].Value != name)
            {
                continue;
            }

            var present = Label().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            if (labels.All(label => present.TryGetValue(label.Label, out var value) && value == label.Value))
            {
                sum += double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }

    /// <summary>True when some sample is named <paramref name="name"/>.</summary>
    public static bool Has(string text, string name) =>
        text.Split('\n').Any(line => Sample().Match(line) is { Success: true } match && match.Groups["name"].Value == name);

    public static async Task<ToolResult> CheckAsync(string text) =>
        await ToolRunner.RunAsync(ToolRunner.Require("promtool", "prometheus"), ["check", "metrics"], standardInput: text, timeout: TimeSpan.FromSeconds(30));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)")]
    private static partial Regex Sample();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
