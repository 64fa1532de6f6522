using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orleans.Radius.Silo.Admin;

/// <summary>
/// <c>Orleans.Radius.Silo admin …</c>: a thin command line over the admin API, for operators' shells and
/// scripts. Prints the API's JSON; exits 0 on success, 1 on an HTTP error, 2 on bad usage and 3 when a
/// NAS answered a disconnect or CoA with a NAK or not at all.
/// </summary>
internal static class AdminCli
{
    private const string Usage = """
        usage: Orleans.Radius.Silo admin [--url URL] [--token TOKEN] COMMAND
          URL defaults to $RADIUS_ADMIN_URL or http://127.0.0.1:5000; TOKEN to $RADIUS_ADMIN_TOKEN.
          users list [--after NAME] [--limit N] | users get NAME | users put NAME FILE|- | users delete NAME | users unlock NAME
          clients list | clients get NAME | clients put NAME FILE|- | clients delete NAME
          sessions list [--user NAME] [--nas NAME] | sessions get NAS SESSION-ID
          sessions disconnect NAS SESSION-ID [--nas-address IP]
          sessions coa NAS SESSION-ID ATTRIBUTE=VALUE... [--nas-address IP]
        """;

    private static readonly JsonSerializerOptions PrettyOptions = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
            else
            {
                words.Add(args[i]);
            }
        }

        var request = Build(words, options);
        if (request is null)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var url = options.GetValueOrDefault("url") ?? Environment.GetEnvironmentVariable("RADIUS_ADMIN_URL") ?? "http://127.0.0.1:5000";
        var token = options.GetValueOrDefault("token") ?? Environment.GetEnvironmentVariable("RADIUS_ADMIN_TOKEN");
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        if (!string.IsNullOrEmpty(token))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var message = new HttpRequestMessage(request.Method, request.Path);
        if (request.Body is { } body)
        {
            message.Content = new StringContent(body == "-" ? await Console.In.ReadToEndAsync() : body.StartsWith('{') ? body : await File.ReadAllTextAsync(body), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        await output.WriteLineAsync(Pretty(text));
        if (!response.IsSuccessStatusCode)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}"));
            return 1;
        }

        return request.ExpectsAck && JsonNode.Parse(text)?["outcome"]?.GetValue<string>() != "ack" ? 3 : 0;
    }

    private static CliRequest? Build(List<string> words, Dictionary<string, string> options)
    {
        static string E(string value) => Uri.EscapeDataString(value);
        string Query(params string[] names) =>
            string.Join("&", names.Where(options.ContainsKey).Select(name => $"{name}={E(options[name])}")) is { Length: > 0 } query ? "?" + query : "";

        return words switch
        {
            ["users", "list"] => new(HttpMethod.Get, "/api/users" + Query("after", "limit")),
            ["users", "get", var name] => new(HttpMethod.Get, $"/api/users/{E(name)}"),
            ["users", "put", var name, var file] => new(HttpMethod.Put, $"/api/users/{E(name)}", file),
            ["users", "delete", var name] => new(HttpMethod.Delete, $"/api/users/{E(name)}"),
            ["users", "unlock", var name] => new(HttpMethod.Post, $"/api/users/{E(name)}/unlock"),
            ["clients", "list"] => new(HttpMethod.Get, "/api/clients"),
            ["clients", "get", var name] => new(HttpMethod.Get, $"/api/clients/{E(name)}"),
            ["clients", "put", var name, var file] => new(HttpMethod.Put, $"/api/clients/{E(name)}", file),
            ["clients", "delete", var name] => new(HttpMethod.Delete, $"/api/clients/{E(name)}"),
            ["sessions", "list"] => new(HttpMethod.Get, "/api/sessions" + Query("user", "nas")),
            ["sessions", "get", var nas, var id] => new(HttpMethod.Get, $"/api/sessions/{E(nas)}/{E(id)}"),
            ["sessions", "disconnect", var nas, var id] =>
                new(HttpMethod.Post, $"/api/sessions/{E(nas)}/{E(id)}/disconnect", new JsonObject { ["nasAddress"] = options.GetValueOrDefault("nas-address") }.ToJsonString(), ExpectsAck: true),
            ["sessions", "coa", var nas, var id, .. var pairs] when pairs.Count > 0 && pairs.All(pair => pair.Contains('=', StringComparison.Ordinal)) =>
                new(HttpMethod.Post, $"/api/sessions/{E(nas)}/{E(id)}/coa", CoaBody(pairs, options.GetValueOrDefault("nas-address")), ExpectsAck: true),
            _ => null,
        };
    }

    private static string CoaBody(IEnumerable<string> pairs, string? nasAddress)
    {
        var attributes = new JsonObject();
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            attributes[pair[..equals]] = pair[(equals + 1)..];
        }

        return new JsonObject { ["attributes"] = attributes, ["nasAddress"] = nasAddress }.ToJsonString();
    }

    private static string Pretty(string text)
    {
        if (text.Length == 0)
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return JsonSerializer.Serialize(document.RootElement, PrettyOptions);
        }
        catch (JsonException)
        {
            return text;
        }
    }

    /// <summary>One API call: method, path and query, body (inline JSON, a file, or "-" for standard input).</summary>
    private sealed record CliRequest(HttpMethod Method, string Path, string? Body = null, bool ExpectsAck = false);
}
