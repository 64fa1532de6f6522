using System.Diagnostics;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Orleans.Radius.Gateway.Hosting;

/// <summary>
/// Writes <c>/health</c>: overall status (healthy / degraded / unhealthy), version, uptime and, for callers
/// allowed to see them, each check with its description, data and latency.
/// </summary>
internal static class HealthReportWriter
{
    private static readonly string Version =
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? Assembly.GetEntryAssembly()?.GetName().Version?.ToString()
        ?? "unknown";

    private static readonly DateTime Started = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    public static Func<HttpContext, HealthReport, Task> For(IConfiguration configuration)
    {
        var token = configuration[$"{HealthOptions.Section}:{nameof(HealthOptions.Token)}"];
        return (context, report) => WriteAsync(context, report, string.IsNullOrEmpty(token) || BearerToken.Matches(context, token));
    }

    private static async Task WriteAsync(HttpContext context, HealthReport report, bool details)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("status", Name(report.Status));
        json.WriteString("version", Version);
        json.WriteNumber("uptimeSeconds", Math.Round((DateTime.UtcNow - Started).TotalSeconds, 1));
        if (details)
        {
            json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 2));
            json.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartObject(name);
                json.WriteString("status", Name(entry.Status));
                json.WriteString("description", entry.Description);
                json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 2));
                foreach (var (key, value) in entry.Data)
                {
                    WriteValue(json, key, value);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    // The checks put only numbers, flags and text in their data.
    private static void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case double number:
                json.WriteNumber(key, Math.Round(number, 2));
                break;
            case long number:
                json.WriteNumber(key, number);
                break;
            case int number:
                json.WriteNumber(key, number);
                break;
            case bool flag:
                json.WriteBoolean(key, flag);
                break;
            case null:
                json.WriteNull(key);
                break;
            default:
                json.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
