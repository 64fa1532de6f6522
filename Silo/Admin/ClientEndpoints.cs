using Orleans.Radius.Gateway.Clients;
using Orleans.Radius.Gateway.Hosting;
using Orleans.Radius.Grains.Clients;

namespace Orleans.Radius.Silo.Admin;

/// <summary>
/// <c>/api/clients</c>: the NAS clients of the client registry. Gateways pick up a change within their
/// <c>Gateway:ClientRefreshInterval</c> (1 s by default). Secrets go in, never out.
/// </summary>
internal static class ClientEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/clients").WithTags("Clients");
        clients.MapGet("/", ListAsync).WithSummary("Every registered NAS client, and the registry version gateways poll.");
        clients.MapGet("/{name}", GetAsync).WithSummary("One NAS client; the secret is never returned.");
        clients.MapPut("/{name}", PutAsync).WithSummary("Creates or replaces a NAS client; the body is a Clients entry of the configuration.");
        clients.MapDelete("/{name}", DeleteAsync).WithSummary("Removes a NAS client from the registry.");
    }

    private static async Task<ClientList> ListAsync(IGrainFactory grains)
    {
        var snapshot = await grains.ClientRegistryGrain().List();
        return new ClientList(snapshot.Version, [.. snapshot.Clients.Select(ClientView.Of)]);
    }

    private static async Task<IResult> GetAsync(IGrainFactory grains, string name) =>
        await grains.ClientRegistryGrain().Get(name) is { } client ? TypedResults.Ok(ClientView.Of(client)) : AdminProblems.NotFound($"no client '{name}'");

    private static async Task<IResult> PutAsync(IGrainFactory grains, string name, ClientOptions body)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(body.Name))
        {
            body.Name = name;
        }
        else if (!string.Equals(body.Name, name, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Name '{body.Name}' differs from the client name in the URL '{name}'");
        }

        problems.AddRange(ConfigurationProblems.ForClient(body));
        if (problems.Count > 0)
        {
            return AdminProblems.BadRequest("The client is not valid", problems);
        }

        var result = await grains.ClientRegistryGrain().Upsert(ClientSources.ToDefinition(body));
        var answer = new ClientChange(body.Name, result.Outcome.ToString().ToLowerInvariant());
        return result.Outcome switch
        {
            ClientUpsertOutcome.AddressInUse => AdminProblems.Conflict($"client '{result.ConflictingClient}' already has the address {body.Address}"),
            ClientUpsertOutcome.Created => TypedResults.Created($"/api/clients/{Uri.EscapeDataString(body.Name)}", answer),
            _ => TypedResults.Ok(answer),
        };
    }

    private static async Task<IResult> DeleteAsync(IGrainFactory grains, string name) =>
        await grains.ClientRegistryGrain().Delete(name) ? TypedResults.NoContent() : AdminProblems.NotFound($"no client '{name}'");
}

/// <summary>A NAS client as the admin API shows it: everything but the secret, of which it only says it is set.</summary>
internal sealed record ClientView(string Name, string Address, bool SecretSet, bool RequireMessageAuthenticator, int RequestsPerSecond, int CoaPort, IReadOnlyList<string>? EapMethods)
{
    public static ClientView Of(ClientDefinition client) =>
        new(client.Name, client.Address, !string.IsNullOrEmpty(client.Secret), client.RequireMessageAuthenticator, client.RequestsPerSecond, client.CoaPort, client.EapMethods);
}

/// <summary>Every registered client and the registry version.</summary>
internal sealed record ClientList(long Version, IReadOnlyList<ClientView> Clients);

/// <summary>The answer to a PUT of a client: created, updated or unchanged.</summary>
internal sealed record ClientChange(string Name, string Outcome);
