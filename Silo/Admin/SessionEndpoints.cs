using System.Net;
using System.Text;
using Orleans.Radius.Gateway.Hosting;
using Orleans.Radius.Grains;
using Orleans.Radius.Grains.Accounting;
using Orleans.Radius.Grains.Clients;
using Orleans.Radius.Grains.Users;
using Orleans.Radius.Protocol.Dictionary;
using Orleans.Radius.Protocol.Packets;
using Orleans.Radius.Silo.Admin.Coa;

namespace Orleans.Radius.Silo.Admin;

/// <summary>
/// <c>/api/sessions</c>: who is online (from the accounting indexes), one session, and RFC 5176 Disconnect-
/// and CoA-Requests to the session's NAS, sent from this silo host.
/// </summary>
internal static class SessionEndpoints
{
    private const int MaxSessionsListed = 1000;

    public static void Map(RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions").WithTags("Sessions");
        sessions.MapGet("/", ListAsync).WithSummary("Open sessions of a user (user=) or of a NAS (nas=), or of a user on one NAS (both).");
        sessions.MapGet("/{nas}/{sessionId}", GetAsync).WithSummary("One accounting session as stored.");
        sessions.MapPost("/{nas}/{sessionId}/disconnect", DisconnectAsync)
            .WithSummary("Sends an RFC 5176 Disconnect-Request to the session's NAS and reports ACK, NAK (with Error-Cause) or timeout.");
        sessions.MapPost("/{nas}/{sessionId}/coa", ChangeAsync)
            .WithSummary("Sends an RFC 5176 CoA-Request with the given attributes to the session's NAS and reports ACK, NAK (with Error-Cause) or timeout.");
    }

    private static async Task<IResult> ListAsync(IGrainFactory grains, string? user, string? nas)
    {
        if (!string.IsNullOrEmpty(user))
        {
            var open = await grains.GetGrain<IUserSessionsGrain>(user).List();
            return TypedResults.Ok(open
                .Where(session => string.IsNullOrEmpty(nas) || session.NasName == nas)
                .Select(session => new SessionSummary(session.NasName, session.SessionId, user, session.StartTime, session.FramedIpAddress))
                .ToList());
        }

        if (string.IsNullOrEmpty(nas))
        {
            return AdminProblems.BadRequest("Say whose sessions", ["give user=, nas= or both"]);
        }

        var ids = (await grains.GetGrain<INasSessionsGrain>(nas).List()).Take(MaxSessionsListed).ToList();
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IAccountingSessionGrain>(AccountingKeys.Session(nas, id)).Get()));
        return TypedResults.Ok(ids
            .Select((id, i) => views[i] is { } view
                ? new SessionSummary(nas, id, view.UserName, view.StartTime, view.FramedIpAddress)
                : new SessionSummary(nas, id, null, null, null))
            .ToList());
    }

    private static async Task<IResult> GetAsync(IGrainFactory grains, string nas, string sessionId) =>
        await grains.GetGrain<IAccountingSessionGrain>(AccountingKeys.Session(nas, sessionId)).Get() is { } session
            ? TypedResults.Ok(session)
            : AdminProblems.NotFound($"no session '{sessionId}' of NAS '{nas}'");

    private static Task<IResult> DisconnectAsync(
        IGrainFactory grains, DynamicAuthorizationClient coa, string nas, string sessionId, DisconnectBody? body, CancellationToken cancellationToken) =>
        SendAsync(grains, coa, RadiusCode.DisconnectRequest, nas, sessionId, body?.NasAddress, [], cancellationToken);

    private static async Task<IResult> ChangeAsync(
        IGrainFactory grains, DynamicAuthorizationClient coa, string nas, string sessionId, CoaBody body, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var attributes = ReplyItems.Compile(body.Attributes, RadiusDictionary.Standard, problems);
        if (body.Attributes is not { Count: > 0 })
        {
            problems.Add("attributes: give at least one attribute to change");
        }

        // Encrypted values (Tunnel-Password, MS-MPPE keys) would need the request's own authenticator as salt.
        problems.AddRange(attributes.Where(attribute => attribute.Encryption != ReplyEncryption.None)
            .Select(attribute => $"attribute type {attribute.Encoded[0]}: encrypted attributes are not supported in a CoA-Request"));
        if (problems.Count > 0)
        {
            return AdminProblems.BadRequest("The CoA attributes are not valid", problems);
        }

        return await SendAsync(grains, coa, RadiusCode.CoaRequest, nas, sessionId, body.NasAddress, attributes, cancellationToken);
    }

    private static async Task<IResult> SendAsync(
        IGrainFactory grains, DynamicAuthorizationClient coa, RadiusCode code, string nas, string sessionId, string? nasAddress,
        IReadOnlyList<ReplyAttribute> attributes, CancellationToken cancellationToken)
    {
        var session = await grains.GetGrain<IAccountingSessionGrain>(AccountingKeys.Session(nas, sessionId)).Get();
        if (session is null)
        {
            return AdminProblems.NotFound($"no session '{sessionId}' of NAS '{nas}'");
        }

        if (!session.IsOpen)
        {
            return AdminProblems.Conflict($"session '{sessionId}' of NAS '{nas}' is already closed");
        }

        if (await grains.ClientRegistryGrain().Get(nas) is not { } client)
        {
            return AdminProblems.Conflict($"NAS '{nas}' is not in the client registry, so its address and secret are unknown here");
        }

        if (Target(client, nasAddress) is not { } target)
        {
            return AdminProblems.Conflict(nasAddress is null
                ? $"client '{nas}' is the block {client.Address}, and sessions do not record the NAS's own address: give nasAddress (an address inside the block)"
                : $"nasAddress '{nasAddress}' is not an address of client '{nas}' ({client.Address})");
        }

        var identification = new SessionIdentification(
            sessionId, session.UserName, target, IPAddress.TryParse(session.FramedIpAddress, out var framed) ? framed : null);
        var result = await coa.SendAsync(
            new IPEndPoint(target, client.CoaPort), code, identification, attributes, Encoding.UTF8.GetBytes(client.Secret), cancellationToken);
        return TypedResults.Ok(result);
    }

    // The NAS's address: the client's own when it is one address; for a block, the caller's nasAddress inside it.
    private static IPAddress? Target(ClientDefinition client, string? nasAddress)
    {
        if (!NasAddressRange.TryParse(client.Address, out var range))
        {
            return null;
        }

        var single = range.Network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        if (nasAddress is null)
        {
            return range.PrefixLength == single ? range.Network.BaseAddress : null;
        }

        return IPAddress.TryParse(nasAddress, out var address) && range.Contains(address) ? NasAddressRange.Normalize(address) : null;
    }
}

/// <summary>One open session in a listing.</summary>
internal sealed record SessionSummary(string Nas, string SessionId, string? UserName, DateTimeOffset? StartTime, string? FramedIpAddress);

/// <summary>Optional body of a disconnect: the NAS's own address, needed only when its client entry is a CIDR block.</summary>
internal sealed record DisconnectBody(string? NasAddress);

/// <summary>Body of a CoA: attribute name → value as for a user's <c>Reply</c> items, and the NAS address for a block client.</summary>
internal sealed record CoaBody(Dictionary<string, string>? Attributes, string? NasAddress);
