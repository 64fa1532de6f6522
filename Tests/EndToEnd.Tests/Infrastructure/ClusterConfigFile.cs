using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orleans.Radius.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The JSON file every node of a test cluster reads with <c>--config</c>: Valkey, cluster identity, the
/// NAS clients, the users and the dedup/lockout settings. Per-node ports go on the command line.
/// </summary>
internal static class ClusterConfigFile
{
    /// <summary>The shared secret of the loopback NAS client.</summary>
    public const string Secret = "e2e-shared-secret";

    /// <summary>Writes the file; <paramref name="settings"/> are extra "Section:Key" values (e.g. "Accounting:StaleGrace") set over the defaults.</summary>
    public static string Write(
        string directory, string name, string valkey, string clusterId, string serviceId, IEnumerable<TestUser> users, int maxFailures, int requestsPerSecond = 0,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var root = new JsonObject
        {
            ["Valkey"] = new JsonObject { ["ConnectionString"] = valkey },
            ["Cluster"] = new JsonObject
            {
                ["ClusterId"] = clusterId,
                ["ServiceId"] = serviceId,
                ["AdvertisedAddress"] = "127.0.0.1",
            },
            ["Gateway"] = new JsonObject { ["Address"] = "127.0.0.1" },
            // Only 127.0.0.1 is a client: a packet from another loopback address is from an unknown NAS.
            ["Clients"] = new JsonArray(new JsonObject
            {
                ["Name"] = "loopback-nas",
                ["Address"] = "127.0.0.1",
                ["Secret"] = Secret,
                ["RequireMessageAuthenticator"] = true,
                ["RequestsPerSecond"] = requestsPerSecond,
            }),
            ["Users"] = new JsonArray([.. users.Select(ToJson)]),
            ["Dedup"] = new JsonObject { ["Window"] = "00:00:30" },
            ["Lockout"] = new JsonObject { ["MaxFailures"] = maxFailures, ["Window"] = "00:05:00", ["Duration"] = "00:10:00" },
            ["Logging"] = new JsonObject
            {
                ["LogLevel"] = new JsonObject { ["Default"] = "Information", ["Orleans"] = "Warning", ["Microsoft.AspNetCore"] = "Warning" },
            },
        };

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            Set(root, key, value);
        }

        var path = Path.Combine(directory, name);
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private static JsonNode ToJson(TestUser user)
    {
        var reply = new JsonObject();
        foreach (var (attribute, value) in user.Reply ?? new Dictionary<string, string>())
        {
            reply[attribute] = value;
        }

        var json = new JsonObject { ["UserName"] = user.UserName, ["Password"] = user.Password, ["Reply"] = reply };
        if (user.MaxSessions is { } maxSessions)
        {
            json["MaxSessions"] = maxSessions;
        }

        return json;
    }

    private static void Set(JsonObject root, string key, string value)
    {
        var parts = key.Split(':');
        var node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = [];
                node[part] = child;
            }

            node = child;
        }

        node[parts[^1]] = value;
    }
}
