namespace Orleans.Radius.EndToEnd.Tests.Deploy;

/// <summary>
/// Runs <c>deploy/local/run.sh</c> inside a network namespace instead of on the test's loopback: its gateways
/// bind <paramref name="GatewayAddresses"/> (one each) on fixed ports, as on a host behind a load balancer.
/// </summary>
/// <param name="NetworkNamespace">The namespace run.sh and every node it starts live in.</param>
/// <param name="GatewayAddresses">GATEWAY_ADDRESSES: the address of gateway 1, then of gateway 2.</param>
/// <param name="AuthPort">The authentication port both gateways bind.</param>
/// <param name="AcctPort">The accounting port both gateways bind.</param>
/// <param name="Environment">Further variables every node inherits (e.g. a NAS client as <c>Clients__1__…</c>).</param>
internal sealed record TwinPlacement(
    string NetworkNamespace, IReadOnlyList<string> GatewayAddresses, int AuthPort, int AcctPort, IReadOnlyDictionary<string, string> Environment);
