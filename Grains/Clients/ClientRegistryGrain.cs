using System.Net;
using System.Net.Sockets;
using Orleans.Concurrency;

namespace Orleans.Radius.Grains.Clients;

/// <summary>
/// The cluster's NAS clients. Gateways poll <see cref="GetVersion"/> about once a second each; the version
/// lives in memory once active, so polling costs no storage I/O. Changes write the whole list: clients
/// number in the hundreds or thousands, never the millions.
/// </summary>
internal sealed class ClientRegistryGrain(
    [PersistentState("client-registry")] IPersistentState<ClientRegistryState> state) : Grain, IClientRegistryGrain
{
    private ClientRegistrySnapshot? _snapshot;

    [ReadOnly]
    public Task<long> GetVersion() => Task.FromResult(state.State.Version);

    [ReadOnly]
    public Task<ClientRegistrySnapshot> List() =>
        Task.FromResult(_snapshot ??= new ClientRegistrySnapshot(state.State.Version, [.. state.State.Clients]));

    [ReadOnly]
    public Task<ClientDefinition?> Get(string name) => Task.FromResult(Find(name));

    public async Task<ClientUpsertResult> Upsert(ClientDefinition client)
    {
        var result = Apply(client);
        if (result.Outcome is ClientUpsertOutcome.Created or ClientUpsertOutcome.Updated)
        {
            await CommitAsync();
        }

        return result;
    }

    public async Task<bool> Delete(string name)
    {
        var index = state.State.Clients.FindIndex(client => SameName(client.Name, name));
        if (index < 0)
        {
            return false;
        }

        state.State.Clients.RemoveAt(index);
        await CommitAsync();
        return true;
    }

    public async Task<ClientSeedResult> Seed(IReadOnlyList<ClientDefinition> clients)
    {
        var changed = 0;
        var skipped = new List<string>();
        foreach (var client in clients)
        {
            var result = Apply(client);
            changed += result.Outcome is ClientUpsertOutcome.Created or ClientUpsertOutcome.Updated ? 1 : 0;
            if (result.Outcome == ClientUpsertOutcome.AddressInUse)
            {
                skipped.Add(client.Name);
            }
        }

        if (changed > 0)
        {
            await CommitAsync();
        }

        return new ClientSeedResult(changed, skipped);
    }

    private ClientUpsertResult Apply(ClientDefinition client)
    {
        var range = Canonical(client.Address);
        var conflict = state.State.Clients.FirstOrDefault(other => !SameName(other.Name, client.Name) && Canonical(other.Address) == range);
        if (conflict is not null)
        {
            return new ClientUpsertResult(ClientUpsertOutcome.AddressInUse, conflict.Name);
        }

        var index = state.State.Clients.FindIndex(other => SameName(other.Name, client.Name));
        if (index >= 0 && Same(state.State.Clients[index], client))
        {
            return new ClientUpsertResult(ClientUpsertOutcome.Unchanged);
        }

        if (index >= 0)
        {
            state.State.Clients[index] = client;
            return new ClientUpsertResult(ClientUpsertOutcome.Updated);
        }

        state.State.Clients.Add(client);
        state.State.Clients.Sort((a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name));
        return new ClientUpsertResult(ClientUpsertOutcome.Created);
    }

    private async Task CommitAsync()
    {
        state.State.Version++;
        _snapshot = null;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The change is in memory but not durable: start over from storage rather than serve it.
            DeactivateOnIdle();
            throw;
        }
    }

    private ClientDefinition? Find(string name) => state.State.Clients.Find(client => SameName(client.Name, name));

    // Records compare lists by reference; the method list is compared by content.
    private static bool Same(ClientDefinition a, ClientDefinition b) =>
        a with { EapMethods = null } == b with { EapMethods = null }
        && (a.EapMethods ?? []).SequenceEqual(b.EapMethods ?? [], StringComparer.OrdinalIgnoreCase)
        && (a.EapMethods is null) == (b.EapMethods is null);

    private static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    // "192.0.2.7" and "192.0.2.7/32" are the same NAS; anything unparsable compares as written.
    private static string Canonical(string address)
    {
        if (IPAddress.TryParse(address, out var single))
        {
            single = single.IsIPv4MappedToIPv6 ? single.MapToIPv4() : single;
            return new IPNetwork(single, single.AddressFamily == AddressFamily.InterNetwork ? 32 : 128).ToString();
        }

        return IPNetwork.TryParse(address, out var network) ? network.ToString() : address;
    }
}
