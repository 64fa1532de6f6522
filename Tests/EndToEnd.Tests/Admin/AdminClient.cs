using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orleans.Radius.EndToEnd.Tests.Admin;

/// <summary>The admin API of a silo process, over HTTP, with or without the bearer token.</summary>
internal sealed class AdminClient(Uri baseAddress, string? token)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseAddress, path));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<(HttpStatusCode Status, JsonNode? Body)> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    public Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body);

    public Task<(HttpStatusCode Status, JsonNode? Body)> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    /// <summary>Every user name, following the 'next' cursor page by page.</summary>
    public async Task<List<string>> AllUserNamesAsync(int pageSize)
    {
        var names = new List<string>();
        string? after = null;
        do
        {
            var (status, page) = await GetAsync($"/api/users?limit={pageSize}" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}"));
            Assert.Equal(HttpStatusCode.OK, status);
            names.AddRange(page!["userNames"]!.AsArray().Select(name => name!.GetValue<string>()));
            after = page["next"]?.GetValue<string>();
        }
        while (after is not null);
        return names;
    }

    public static string Text(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "(no body)";
}
