using System.Diagnostics;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Orleans.Radius.Protocol.Packets;
using Orleans.Radius.Tests.Support;
using static Orleans.Radius.EndToEnd.Tests.Accounting.AcctAttribute;

namespace Orleans.Radius.EndToEnd.Tests.Accounting;

/// <summary>
/// Simultaneous-Use across the cluster: a user with MaxSessions = 1 is refused a second login while the
/// first session is open (in accounting) or merely granted (a reservation held 2 s), and let in once it stops.
/// </summary>
[Collection(AccountingCollection.Name)]
public sealed class SimultaneousUseTests(AccountingFixture fixture)
{
    private static readonly TimeSpan LoginAgainWithin = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_second_login_is_rejected_while_the_first_session_is_open_and_accepted_after_its_stop()
    {
        const string user = AccountingFixture.LimitedUser;
        var first = await LoginAsync(fixture.Gateway(1));
        Assert.True(first.ExitCode == 0, $"{first.Output}\n{fixture.Cluster.Output()}");
        Assert.StartsWith("Received Access-Accept", Radclient.SingleReply(first)[0], StringComparison.Ordinal);

        var session = AcctRequests.NewSessionId("single");
        await AcctRequests.SendAsync(fixture.Gateway(2), fixture.Cluster.Output, Status(AcctStatus.Start), Session(session), User(user));

        // Through the other gateway, so nothing but the cluster's session count can refuse it.
        var second = await LoginAsync(fixture.Gateway(2));
        Assert.True(second.ExitCode == 1, second.Output);
        Assert.StartsWith("Received Access-Reject", Radclient.SingleReply(second)[0], StringComparison.Ordinal);

        await AcctRequests.SendAsync(fixture.Gateway(1), fixture.Cluster.Output,
            Status(AcctStatus.Stop), Session(session), User(user),
            Integer(RadiusAttributeType.AcctSessionTime, 5), Integer(RadiusAttributeType.AcctTerminateCause, 1));

        var stopwatch = Stopwatch.StartNew();
        ToolResult again;
        while ((again = await LoginAsync(fixture.Gateway(1 + (int)(stopwatch.ElapsedMilliseconds / 500 % 2)))).ExitCode != 0)
        {
            Assert.True(stopwatch.Elapsed < LoginAgainWithin, $"still rejected {LoginAgainWithin} after the Stop:\n{again.Output}");
            await Task.Delay(200);
        }

        Assert.StartsWith("Received Access-Accept", Radclient.SingleReply(again)[0], StringComparison.Ordinal);
    }

    private static Task<ToolResult> LoginAsync(RadiusNode gateway) =>
        Radclient.RadtestAsync("pap", AccountingFixture.LimitedUser, AccountingFixture.LimitedPassword, gateway.AuthServer);
}
